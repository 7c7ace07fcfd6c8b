"""Shared pieces of the reliability scripts: finding the binary, starting and stopping `improve` servers, PostgreSQL
databases through psql, and a small cookie-keeping HTTP client (standard library only, loopback only).

Nothing here talks to anything but 127.0.0.1.
"""
from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

OFFICER = ("officer@worcestershire.example", "demo-officer-2011")
ACCOUNTS = {
    "admin": ("admin@demo.example", "demo-admin-2011"),
    "officer": OFFICER,
    "board": ("board@worcestershire.example", "demo-board-2011"),
    "chair": ("chair@worcestershire.example", "demo-chair-2011"),
    "dfe": ("dfe@education.example", "demo-dfe-2011"),
}
PG_ADMIN_URL = "postgres://improve:improve@127.0.0.1:5432/postgres"
CSRF_RE = re.compile(r'name="_csrf" value="([^"]*)"')


def default_binary() -> str:
    """$IMPROVE_BIN, else the release build in this repository (`swift build -c release --product improve`)."""
    if os.environ.get("IMPROVE_BIN"):
        return os.environ["IMPROVE_BIN"]
    return os.path.join(REPO, ".build", "release", "improve")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_url(database: str) -> str:
    return f"postgres://improve:improve@127.0.0.1:5432/{database}"


def psql(url: str, sql: str) -> list[list[str]]:
    """Run SQL with psql (unaligned, tuples only, tab separated) and return the rows."""
    out = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-X", "-q", "-A", "-t", "-F", "\t", "-c", sql],
                         check=True, capture_output=True, text=True, timeout=120).stdout
    return [line.split("\t") for line in out.splitlines() if line != ""]


def recreate_pg_database(name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SystemExit(f"bad database name {name!r}")
    psql(PG_ADMIN_URL, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(PG_ADMIN_URL, f"CREATE DATABASE {name}")
    return pg_url(name)


def drop_pg_database(name: str) -> None:
    try:
        psql(PG_ADMIN_URL, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    except subprocess.CalledProcessError as error:
        print(f"could not drop {name}: {error.stderr}", file=sys.stderr)


class Server:
    """One `improve serve|demo` process on 127.0.0.1:port, started directly (no shell) so its pid is the server's."""

    def __init__(self, binary: str, command: str, cwd: str, env: dict, port: int, log_path: str):
        self.binary, self.command, self.cwd, self.env, self.port, self.log_path = binary, command, cwd, env, port, log_path
        self.proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 180.0) -> float:
        """Start and wait for /healthz to answer 200; return the seconds it took."""
        started = time.monotonic()
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen([self.binary, self.command, "--hostname", "127.0.0.1", "--port", str(self.port)],
                                     cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        log.close()
        while time.monotonic() - started < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; see {self.log_path}:\n{tail(self.log_path)}")
            if health(self.port):
                return time.monotonic() - started
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"server did not answer /healthz within {timeout}s; see {self.log_path}")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def kill(self) -> None:
        """SIGKILL, and reap."""
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        if self.proc:
            self.proc.wait()

    def stop(self, timeout: float = 20.0) -> None:
        """SIGTERM, then SIGKILL if it does not stop."""
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        elif self.proc:
            self.proc.wait()

    def rss_kb(self) -> int | None:
        return rss_kb(self.pid) if self.proc and self.proc.poll() is None else None


def rss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process, from /proc/PID/stat."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def loadavg() -> float:
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def tail(path: str, lines: int = 20) -> str:
    try:
        with open(path, "rb") as f:
            return b"".join(f.readlines()[-lines:]).decode(errors="replace")
    except OSError:
        return ""


def health(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/healthz")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


class Browser:
    """A cookie-keeping client on one keep-alive connection; redirects are not followed."""

    def __init__(self, port: int, timeout: float = 60.0):
        self.port, self.timeout = port, timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def close(self) -> None:
        if self.conn:
            self.conn.close()
            self.conn = None

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> Response:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                raw = self.conn.getresponse()
                data = raw.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A kept-alive connection the server closed: retry once on a new one (only before any answer).
                self.close()
                if attempt == 2:
                    raise
        for value in raw.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        if raw.getheader("Connection", "").lower() == "close":
            self.close()
        return Response(raw.status, raw.headers, data)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post_form(self, path: str, fields: dict) -> Response:
        return self.request("POST", path, urllib.parse.urlencode(fields).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, path: str, fields: dict, files: list[tuple[str, str, bytes]]) -> Response:
        boundary = "----reliability" + uuid.uuid4().hex
        parts: list[bytes] = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for field, filename, content in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                         f'Content-Type: application/octet-stream\r\n\r\n'.encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", path, b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def sign_in(self, email: str, password: str) -> str:
        """Sign in as a browser would; return the council page `/` redirects to (or `/` for DfE's overview)."""
        page = self.get("/sign-in")
        csrf = CSRF_RE.search(page.text)
        if page.status != 200 or not csrf:
            raise RuntimeError(f"GET /sign-in: {page.status}")
        r = self.post_form("/sign-in", {"email": email, "password": password, "_csrf": csrf.group(1), "next": "/"})
        if r.status != 303 or "improve_session" not in self.cookies:
            raise RuntimeError(f"POST /sign-in: {r.status} {r.text[:200]}")
        home = self.get("/")
        return home.header("Location") or "/"

    def csrf(self, path: str) -> str:
        r = self.get(path)
        m = CSRF_RE.search(r.text)
        if r.status != 200 or not m:
            raise RuntimeError(f"no _csrf on {path}: {r.status}")
        return m.group(1)


def seed_demo(binary: str, workdir: str, env: dict, log_path: str) -> None:
    """Run `improve demo` once to create (or reuse) the demonstration database, then stop it."""
    server = Server(binary, "demo", workdir, env, free_port(), log_path)
    server.start(timeout=600)
    server.stop()


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * (len(sorted_values) - 1)))))
    return sorted_values[k]


def table(headers: list[str], rows: list[list]) -> str:
    """A Markdown table."""
    out = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    for row in rows:
        out.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(out)
