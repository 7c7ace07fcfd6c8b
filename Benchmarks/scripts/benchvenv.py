"""The benchmark scripts' Python environment: /tmp/benchvenv with lxml and duckdb.

The product never needs Python; only these reference benchmarks do. `ensure(...)` is called by each script before it
imports a third-party module: if the module is missing, it creates the virtualenv (when absent), installs the pinned
packages into it, and re-runs the script under the virtualenv's interpreter. bench_cin.sh does the same in shell.

    BENCH_VENV=/some/dir   use another virtualenv
"""
import importlib.util
import os
import subprocess
import sys

VENV = os.environ.get("BENCH_VENV", "/tmp/benchvenv")
# The versions the scripts were written and checked with; PyPI is the only registry needed.
PACKAGES = ["lxml==6.1.3", "duckdb==2.0.0"]


def venv_python() -> str:
    return os.path.join(VENV, "bin", "python")


def install() -> None:
    """Creates the virtualenv if missing and installs the pinned packages (quietly; a no-op when present)."""
    if not os.path.exists(venv_python()):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([venv_python(), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PACKAGES],
                   check=True)


def ensure(*modules: str) -> None:
    """Makes the modules importable, re-executing this script under the virtualenv when they are not."""
    if all(importlib.util.find_spec(m) is not None for m in modules):
        return
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV) and os.environ.get("BENCHVENV_REEXEC"):
        sys.exit(f"benchvenv: {', '.join(modules)} still missing in {VENV} after installing {PACKAGES}")
    install()
    os.environ["BENCHVENV_REEXEC"] = "1"
    os.execv(venv_python(), [venv_python(), *sys.argv])


if __name__ == "__main__":
    install()
    print(venv_python())
