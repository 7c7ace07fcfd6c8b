#!/usr/bin/env python3
"""Crash consistency of uploads: SIGKILL the server while an import runs, restart it, and check that the database
holds the whole import or none of it.

    python3 Benchmarks/reliability/crash_consistency.py --database sqlite --trials 100
    python3 Benchmarks/reliability/crash_consistency.py --database postgres --trials 100   # PostgreSQL on 127.0.0.1:5432

Standard library only (PostgreSQL is read with `psql`). The binary is $IMPROVE_BIN, else .build/release/improve
(`swift build -c release --product improve`), or --binary.

Once: generate the synthetic council's files (`improve generate --council 885 ...`, 21 files, ~15 MB), seed the
demonstration (`improve demo`, BCRYPT_COST=4) into a fresh SQLite file under a temporary folder or a fresh PostgreSQL
database (--pg-database, default improve_crash, dropped and made again), and time two uninterrupted uploads of the
files to learn how long an import takes (T) and what a whole import leaves behind; every 10 trials
(--recalibrate) one more uninterrupted upload re-times T (the machine's load and the database's size change it).

Each trial: with `improve serve` running, snapshot the tables; sign in as the council officer; POST the files to
/councils/<id>/uploads (303 to the job's page); after a random delay in [0, 1.1 T) from the POST's answer, SIGKILL the
server (the job's page is polled meanwhile to record how far the import had got); then
  (a) SQLite: `PRAGMA integrity_check` and `PRAGMA foreign_key_check` on the file (Python's sqlite3), before restarting;
      both: the server restarts and answers /healthz, the old session still opens the dashboard and upload page;
  (b) whole or nothing: either no new import row and every table as before (imports, import_files per import and
      their superseded flags, indicator_values per import, case_audits by source, councils.data_version, the
      import.accepted audit entries), or exactly one new import row with all its files (file_count of them, none
      superseded, each replacing the one non-superseded file of its key), every indicator_values row of the council
      carrying its id and as many as its report says (the same number as an uninterrupted import), the case audits
      the bundle brings, data_version bumped once and its import.accepted audit entry; and never a file or value
      without its import row;
  (c) `improve audit verify` exits 0 (the audit trail's hash chain).
The restarted server serves the next trial. Exit status: 0 when every trial passed, 1 on any failure, 2 when the
time bound (--max-minutes) stopped the run early.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

PROGRESS_RE = re.compile(r'id="progress">([^<]*)<')
FIGURES_RE = re.compile(r"(\d+) figures were computed")


# ---------------------------------------------------------------------------------------------------------------
# Reading the database's state


def query(args, sql: str) -> list[tuple]:
    if args.database == "sqlite":
        conn = sqlite3.connect(args.sqlite_path, timeout=30)
        try:
            return [tuple(row) for row in conn.execute(sql).fetchall()]
        finally:
            conn.close()
    return [tuple(row) for row in common.psql(args.database_url, sql)]


def norm(value) -> str:
    return str(value).lower()


def state(args) -> dict:
    """Everything the check compares, read in one go."""
    imports = {}
    for iid, file_count, report, imported_at in query(args, "SELECT id, file_count, report_json, imported_at FROM imports"):
        try:
            figures = json.loads(report).get("figures")
        except (TypeError, ValueError):
            figures = None
        imports[norm(iid)] = {"file_count": int(file_count), "figures": figures, "imported_at": str(imported_at)}
    files = {}
    for iid, superseded, n in query(args, "SELECT import_id, superseded, COUNT(*) FROM import_files GROUP BY import_id, superseded"):
        sup = str(superseded).lower() in ("1", "t", "true")
        entry = files.setdefault(norm(iid), {"total": 0, "current": 0})
        entry["total"] += int(n)
        if not sup:
            entry["current"] += int(n)
    current_keys = {}
    for key, iid, n in query(args, "SELECT replaces_key, import_id, COUNT(*) FROM import_files WHERE superseded = "
                                   + ("0" if args.database == "sqlite" else "false") + " GROUP BY replaces_key, import_id"):
        current_keys.setdefault(key, []).extend([norm(iid)] * int(n))
    values = {norm(iid): int(n) for iid, n in query(args, "SELECT import_id, COUNT(*) FROM indicator_values GROUP BY import_id")}
    case_audits = {str(src): int(n) for src, n in query(args, "SELECT source, COUNT(*) FROM case_audits GROUP BY source")}
    version = [int(v) for (v,) in query(args, "SELECT data_version FROM councils")]
    accepted = Counter(norm(e) for (e,) in query(args, "SELECT entity_id FROM audit_events WHERE action = 'import.accepted'"))
    audit_count = int(query(args, "SELECT COUNT(*) FROM audit_events")[0][0])
    return {"imports": imports, "files": files, "current_keys": current_keys, "values": values,
            "case_audits": case_audits, "data_version": version, "accepted": dict(accepted), "audit_count": audit_count}


def sort_key(imported_at: str):
    try:
        return (0, float(imported_at), "")  # SQLite keeps seconds since 2001 as a number
    except ValueError:
        return (1, 0.0, imported_at)  # PostgreSQL: an ISO timestamp


def check(before: dict, after: dict, uploaded: int, reference: dict) -> tuple[str, list[str]]:
    """('whole' | 'absent' | 'broken', problems)."""
    problems: list[str] = []
    new = [i for i in after["imports"] if i not in before["imports"]]
    gone = [i for i in before["imports"] if i not in after["imports"]]
    if gone:
        problems.append(f"import rows disappeared: {gone}")
    # Invariants that hold whatever happened.
    for iid in set(after["files"]) | set(after["values"]):
        if iid not in after["imports"]:
            problems.append(f"rows without an import row: files={after['files'].get(iid)} values={after['values'].get(iid)} import_id={iid}")
    for iid, rec in after["imports"].items():
        have = after["files"].get(iid, {"total": 0})["total"]
        if have != rec["file_count"]:
            problems.append(f"import {iid} has {have} file rows, file_count says {rec['file_count']}")
    for key, owners in after["current_keys"].items():
        if len(owners) != 1:
            problems.append(f"{len(owners)} current files for key {key!r}")
    if after["imports"]:
        newest = max(after["imports"], key=lambda i: sort_key(after["imports"][i]["imported_at"]))
        stray = {i: n for i, n in after["values"].items() if i != newest}
        if stray:
            problems.append(f"indicator_values not of the newest import {newest}: {stray}")
    if len(new) > 1:
        problems.append(f"{len(new)} new import rows from one upload: {new}")
        return "broken", problems
    if not new:
        for field in ("files", "current_keys", "values", "case_audits", "data_version", "accepted"):
            if after[field] != before[field]:
                problems.append(f"no new import, yet {field} changed: {before[field]} -> {after[field]}")
        return ("absent" if not problems else "broken"), problems
    iid = new[0]
    rec = after["imports"][iid]
    if rec["file_count"] != uploaded:
        problems.append(f"new import {iid} has file_count {rec['file_count']}, {uploaded} were uploaded")
    f = after["files"].get(iid, {"total": 0, "current": 0})
    if f["total"] != uploaded or f["current"] != uploaded:
        problems.append(f"new import {iid} has {f['total']} file rows ({f['current']} current), {uploaded} uploaded")
    for old, counts in before["files"].items():
        if after["files"].get(old, {}).get("total") != counts["total"]:
            problems.append(f"older import {old}: file rows {counts['total']} -> {after['files'].get(old)}")
    n_values = after["values"].get(iid, 0)
    if n_values != rec["figures"] or n_values != reference["figures"]:
        problems.append(f"new import {iid}: {n_values} indicator values; its report says {rec['figures']}, "
                        f"an uninterrupted import stores {reference['figures']}")
    if after["case_audits"].get("import") != reference["case_audits_import"]:
        problems.append(f"case_audits from the import: {after['case_audits'].get('import')}, expected {reference['case_audits_import']}")
    if [v - 1 for v in after["data_version"]] != before["data_version"]:
        problems.append(f"data_version {before['data_version']} -> {after['data_version']} (expected +1)")
    if after["accepted"].get(iid) != 1:
        problems.append(f"import.accepted audit entries for {iid}: {after['accepted'].get(iid, 0)}")
    return ("whole" if not problems else "broken"), problems


def sqlite_checks(path: str) -> list[str]:
    problems = []
    conn = sqlite3.connect(path, timeout=30)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            problems.append(f"integrity_check: {result[:5]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {len(fk)} rows, first {fk[:3]}")
    finally:
        conn.close()
    return problems


def audit_verify(args) -> tuple[bool, str]:
    out = subprocess.run([args.binary, "audit", "verify"], cwd=args.workdir, env=args.env, capture_output=True, text=True, timeout=300)
    return out.returncode == 0, (out.stdout + out.stderr).strip().splitlines()[-1] if (out.stdout + out.stderr).strip() else ""


# ---------------------------------------------------------------------------------------------------------------
# Uploading


class Session:
    def __init__(self, port: int):
        self.browser = common.Browser(port, timeout=120)
        self.council = self.browser.sign_in(*common.OFFICER)
        if not self.council.startswith("/councils/"):
            raise RuntimeError(f"the officer's home is {self.council!r}")

    def upload(self, files: list[tuple[str, bytes]]) -> str:
        csrf = self.browser.csrf(self.council + "/uploads")
        r = self.browser.post_multipart(self.council + "/uploads", {"_csrf": csrf}, [("files[]", n, c) for n, c in files])
        if r.status != 303:
            raise RuntimeError(f"upload POST answered {r.status}: {r.text[:300]}")
        return r.header("Location")

    def poller(self) -> common.Browser:
        b = common.Browser(self.browser.port, timeout=30)
        b.cookies = dict(self.browser.cookies)
        return b


def wait_done(session: Session, job: str, timeout: float = 600) -> tuple[float, float | None, str]:
    """Poll the job's page until it stops refreshing: (seconds to done, seconds to 'Computing the indicators', page)."""
    t0 = time.monotonic()
    computing = None
    poll = session.poller()
    while time.monotonic() - t0 < timeout:
        r = poll.get(job)
        m = PROGRESS_RE.search(r.text)
        if computing is None and m and m.group(1).lower().startswith("computing"):
            computing = time.monotonic() - t0
        if r.header("Refresh") is None:
            return time.monotonic() - t0, computing, r.text
        time.sleep(0.01)
    raise RuntimeError(f"import not done after {timeout}s")


def calibrate(args, server: common.Server, files, times: int = 2) -> dict:
    durations, computing = [], []
    figures = None
    for _ in range(times):
        session = Session(server.port)
        t = time.monotonic()
        job = session.upload(files)
        post = time.monotonic() - t
        done, comp, page = wait_done(session, job)
        m = FIGURES_RE.search(page)
        if not m:
            raise RuntimeError(f"the calibration import was not accepted:\n{page[:2000]}")
        figures = int(m.group(1))
        durations.append(done)
        computing.append(comp)
        print(f"calibration upload: POST {post:.2f}s, import {done:.2f}s after the POST answered "
              f"(computing the indicators from {comp if comp is None else round(comp, 2)}s), {figures} figures", flush=True)
        session.browser.close()
    after = state(args)
    return {"T": max(durations), "computing": computing, "figures": figures,
            "case_audits_import": after["case_audits"].get("import")}


# ---------------------------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--binary", default=common.default_binary())
    ap.add_argument("--children", type=int, default=3000, help="children per year in the generated files (default 3000)")
    ap.add_argument("--from-month", default="2009-04")
    ap.add_argument("--to-month", default="2011-10")
    ap.add_argument("--files", help="upload these files (a folder) instead of generating them")
    ap.add_argument("--pg-database", default="improve_crash")
    ap.add_argument("--seed", type=int, default=None, help="random seed for the delays (printed)")
    ap.add_argument("--max-minutes", type=float, default=30.0, help="stop starting trials after this long (default 30)")
    ap.add_argument("--window", type=float, default=1.1,
                    help="kill delays are drawn from [0, WINDOW x the uninterrupted import's time) (default 1.1: a few land just after it)")
    ap.add_argument("--recalibrate", type=int, default=10,
                    help="every this many trials, time one uninterrupted upload again and redraw the window from it (default 10)")
    ap.add_argument("--keep", action="store_true", help="keep the working folder (and the PostgreSQL database)")
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        ap.error(f"no binary at {args.binary}: build it (swift build -c release --product improve) or pass --binary")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    started = time.monotonic()

    args.workdir = tempfile.mkdtemp(prefix=f"improve-crash-{args.database}-")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    env.update({"BCRYPT_COST": "4", "LOG_LEVEL": "warning"})
    if args.database == "sqlite":
        args.sqlite_path = os.path.join(args.workdir, "data", "improvement-monitor.sqlite")
        env["SQLITE_PATH"] = args.sqlite_path
    else:
        args.database_url = common.recreate_pg_database(args.pg_database)
        env.update({"DATABASE_URL": args.database_url, "IMPROVE_SECRET": "crash-consistency-secret"})
    args.env = env
    log_path = os.path.join(args.workdir, "server.log")
    print(f"binary {args.binary}; database {args.database}; working folder {args.workdir}; seed {seed}; BCRYPT_COST=4", flush=True)

    if args.files:
        folder = args.files
    else:
        folder = os.path.join(args.workdir, "upload")
        subprocess.run([args.binary, "generate", "--council", "885", "--from", args.from_month, "--to", args.to_month,
                        "--children", str(args.children), "--out", folder], check=True, capture_output=True)
    files = [(os.path.basename(p), open(p, "rb").read()) for p in sorted(glob.glob(os.path.join(folder, "*"))) if os.path.isfile(p)]
    print(f"upload: {len(files)} files, {sum(len(c) for _, c in files) / 1e6:.1f} MB from {folder}", flush=True)

    common.seed_demo(args.binary, args.workdir, env, log_path)
    server = common.Server(args.binary, "serve", args.workdir, env, common.free_port(), log_path)
    server.start()
    rows, failures = [], []
    phases: Counter = Counter()
    outcomes: Counter = Counter()
    stopped_early = False
    try:
        ref = calibrate(args, server, files)
        window = ref["T"] * args.window
        import_times = [ref["T"]]
        print(f"kill delays drawn uniformly from [0, {window:.2f}s) after the upload POST answers", flush=True)
        for trial in range(1, args.trials + 1):
            if time.monotonic() - started > args.max_minutes * 60:
                stopped_early = True
                print(f"time bound reached after {trial - 1} trials", flush=True)
                break
            if trial > 1 and args.recalibrate and (trial - 1) % args.recalibrate == 0:
                again = calibrate(args, server, files, times=1)
                if again["figures"] != ref["figures"] or again["case_audits_import"] != ref["case_audits_import"]:
                    failures.append((f"recalibration before {trial}", [f"an uninterrupted import stored {again}, the first {ref}"]))
                window = again["T"] * args.window
                import_times.append(again["T"])
            t_trial = time.monotonic()
            problems: list[str] = []
            before = state(args)
            session = Session(server.port)
            delay = rng.uniform(0, window)
            job = session.upload(files)
            poll = session.poller()
            killed = threading.Event()
            timer = threading.Timer(delay, lambda: (server.kill(), killed.set()))
            timer.start()
            last_progress, done_seen = "no answer yet", False
            while not killed.is_set():
                try:
                    r = poll.get(job)
                except OSError:
                    break
                if killed.is_set():
                    break  # an answer that crossed the kill does not count
                if r.header("Refresh") is None:
                    done_seen, last_progress = True, "done"
                else:
                    m = PROGRESS_RE.search(r.text)
                    last_progress = m.group(1) if m else "?"
                killed.wait(0.02)
            timer.join()
            poll.close()
            session.browser.close()
            phase = "done before the kill" if done_seen else (
                "computing/storing" if last_progress.lower().startswith("computing") else
                "reading files" if last_progress.lower().startswith("reading") else last_progress.lower())
            phases[phase] += 1

            if args.database == "sqlite":
                problems += sqlite_checks(args.sqlite_path)
            after = state(args)
            outcome, found = check(before, after, len(files), ref)
            problems += found
            if outcome == "absent" and done_seen:
                problems.append("the job's page said the import was done before the kill, yet nothing was stored")
            if outcome == "whole" and phase in ("reading files", "waiting to start"):
                problems.append(f"whole import found, yet the page said '{last_progress}' before the kill")
            outcomes[outcome] += 1

            # Restart: it must answer, and the old session still opens the dashboard and the upload page.
            server = common.Server(args.binary, "serve", args.workdir, env, common.free_port(), log_path)
            try:
                restart = server.start(timeout=120)
                b = common.Browser(server.port)
                b.cookies = dict(session.browser.cookies)
                for path in (session.council, session.council + "/uploads"):
                    r = b.get(path)
                    if r.status != 200:
                        problems.append(f"after restart GET {path} -> {r.status}")
                new = [i for i in after["imports"] if i not in before["imports"]]
                if new:
                    r = b.get(f"{session.council}/imports/{new[0]}")
                    if r.status != 200:
                        problems.append(f"after restart the new import's page -> {r.status}")
                b.close()
            except RuntimeError as error:
                restart = float("nan")
                problems.append(f"restart failed: {error}")
            ok, verify = audit_verify(args)
            if not ok:
                problems.append(f"improve audit verify: {verify}")
            seconds = time.monotonic() - t_trial
            rows.append([trial, f"{delay:.3f}", phase, outcome, f"{restart:.2f}", f"{seconds:.1f}", "; ".join(problems) or "ok"])
            print(f"trial {trial:3d}: kill at {delay:.3f}s ({phase}), import {outcome}, restart {restart:.2f}s, "
                  f"trial {seconds:.1f}s{'' if not problems else ' FAIL: ' + '; '.join(problems)}", flush=True)
            if problems:
                failures.append((trial, problems))
            if server.proc is None or server.proc.poll() is not None:
                server = common.Server(args.binary, "serve", args.workdir, env, common.free_port(), log_path)
                server.start()
    finally:
        server.stop()
        size = ""
        if args.database == "sqlite" and os.path.exists(args.sqlite_path):
            size = f"{os.path.getsize(args.sqlite_path) / 1e6:.0f} MB"
        if not args.keep:
            shutil.rmtree(args.workdir, ignore_errors=True)
            if args.database == "postgres":
                common.drop_pg_database(args.pg_database)

    n = len(rows)
    during = n - phases["done before the kill"]
    whole_unseen = sum(1 for row in rows if row[3] == "whole" and row[2] != "done before the kill")
    print()
    print(f"crash consistency, {args.database}: {n} trials in {(time.monotonic() - started) / 60:.1f} min; seed {seed}; "
          f"upload {len(files)} files {sum(len(c) for _, c in files) / 1e6:.1f} MB; uninterrupted import "
          f"{min(import_times):.2f}-{max(import_times):.2f}s over {len(import_times)} timings; kill window {args.window} x that; "
          f"{ref['figures']} indicator values per import{'; final database ' + size if size else ''}")
    print(common.table(["measure", "count"], [
        ["trials", n],
        ["kills during the import (job page not yet done)", during],
        ["... while reading the files", phases["reading files"]],
        ["... while computing and storing", phases["computing/storing"]],
        ["... before the first poll answered", phases["no answer yet"] + phases["waiting to start"]],
        ["kills after the import had finished", phases["done before the kill"]],
        ["imports found whole", outcomes["whole"]],
        ["... of which the page had not yet said done (killed just after the commit)", whole_unseen],
        ["imports found absent", outcomes["absent"]],
        ["imports found partial or inconsistent", outcomes["broken"]],
        ["failed trials (any check)", len(failures)],
    ]))
    for trial, problems in failures:
        print(f"FAILED trial {trial}: " + "; ".join(problems))
    if failures:
        return 1
    return 2 if stopped_early else 0


if __name__ == "__main__":
    sys.exit(main())
