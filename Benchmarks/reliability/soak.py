#!/usr/bin/env python3
"""Soak: many simulated users reading and writing for minutes, every request's status and latency recorded, the
server's memory sampled.

    python3 Benchmarks/reliability/soak.py --database sqlite --users 200 --minutes 10
    python3 Benchmarks/reliability/soak.py --database postgres --users 200 --minutes 10
    python3 Benchmarks/reliability/soak.py --database postgres --users 200 --minutes 3 --servers 3

Needs aiohttp: when it cannot be imported the script makes a virtualenv ($RELIABILITY_VENV, default /tmp/relvenv),
installs it there with pip and runs itself again. The binary is $IMPROVE_BIN, else .build/release/improve, or --binary.

Seeds the demonstration (`improve demo`, BCRYPT_COST=4 so that 200 sign-ins are not CPU bound) into a fresh SQLite
file or a fresh PostgreSQL database (--pg-database, default improve_soak, dropped and made again), then starts
--servers `improve serve` processes (more than one only on PostgreSQL: they share the database) and spreads the users
over them. Each user signs in (over the first --ramp seconds) as one of the demonstration's accounts: 40% the council
officer, 20% the board member, 15% the chair, 15% the DfE official, 10% the administrator; then, until the time is up,
makes one request and thinks for a random --think-min..--think-max seconds. Reads: the dashboard, a target page, a
drill-down (?month=...&basis=in_month), the plan, meeting 12, its board pack, the data quality page, the audits, and the
API with a bearer token (one per account, taken at the start: a new token replaces the account's old one). Writes,
done by officers only, --write-share of all requests (default 10%): a plan action, a hand figure on a target, a case
audit. Every request is timed; 2xx and 3xx count as answered, 4xx and 5xx separately, and timeouts or refused
connections as transport errors (the request is then abandoned; the server may still finish it). VmRSS of every
server is read from /proc every 10 s, and once more --idle seconds after the load stops; then the servers are stopped
and a fresh one is started on the database as the run left it and asked for each kind of page once, so that the
memory the data needs can be told from memory lost.

Exit status 0 when no request got a 5xx, a 4xx or a transport error and every server was still running at the end;
1 otherwise.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def ensure_aiohttp() -> None:
    try:
        import aiohttp  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get("RELIABILITY_REEXEC"):
        raise SystemExit("aiohttp could not be installed")
    venv = os.environ.get("RELIABILITY_VENV", "/tmp/relvenv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "aiohttp"], check=True)
    os.environ["RELIABILITY_REEXEC"] = "1"
    os.execv(python, [python, *sys.argv])


ensure_aiohttp()

import asyncio  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402

import aiohttp  # noqa: E402

ROLE_MIX = [("officer", 0.40), ("board", 0.20), ("chair", 0.15), ("dfe", 0.15), ("admin", 0.10)]
READS = [  # (label, weight)
    ("dashboard", 3), ("target", 3), ("drill-down", 2), ("plan", 2), ("meeting", 1), ("pack", 0.5),
    ("data-quality", 1), ("audits", 1), ("api", 3),
]
WRITES = ["write plan", "write figure", "write audit"]
TARGET_RE = re.compile(r'/councils/[0-9A-Fa-f-]{36}/targets/([0-9A-Fa-f-]{36})')
TOKEN_RE = re.compile(r'id="api-token">([^<]*)<')


class Recorder:
    def __init__(self):
        self.samples: list[tuple[float, int, str, int, float, str]] = []  # (t, server, label, status, seconds, error)

    def add(self, t, server, label, status, seconds, error=""):
        self.samples.append((t, server, label, status, seconds, error))


class World:
    """What the setup found: the council's path, its targets, indicators, and an API token per account."""
    council: str
    targets: list[str]
    indicators: list[str]
    tokens: dict[str, str]


def setup_world(port: int) -> World:
    w = World()
    w.tokens = {}
    for role, (email, password) in common.ACCOUNTS.items():
        b = common.Browser(port)
        home = b.sign_in(email, password)
        if role == "officer":
            w.council = home
            w.targets = sorted(set(TARGET_RE.findall(b.get(home).text)))
        r = b.post_form("/account/api-token", {"_csrf": b.csrf("/account")})
        m = TOKEN_RE.search(r.text)
        if r.status != 200 or not m:
            raise RuntimeError(f"no API token for {role}: {r.status}")
        w.tokens[role] = m.group(1)
        b.close()
    import json
    import urllib.request
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1{w.council}/targets",
                                 headers={"Authorization": "Bearer " + w.tokens["officer"]})
    w.indicators = sorted({t["indicator"] for t in json.load(urllib.request.urlopen(req, timeout=30))})
    if not w.targets:
        raise RuntimeError("no targets on the dashboard")
    return w


async def user(n: int, role: str, server: int, port: int, world: World, args, rec: Recorder, t0: float, end: float,
               write_p: float, rng: random.Random):
    base = f"http://127.0.0.1:{port}"
    email, password = common.ACCOUNTS[role]
    token = world.tokens[role]
    c = world.council
    timeout = aiohttp.ClientTimeout(total=args.timeout)
    conn = aiohttp.TCPConnector(limit=1)
    jar = aiohttp.CookieJar(unsafe=True)

    async def call(label, method, path, data=None, headers=None):
        start = time.monotonic()
        try:
            async with session.request(method, base + path, data=data, headers=headers, allow_redirects=False) as r:
                body = await r.read()
                rec.add(start - t0, server, label, r.status, time.monotonic() - start)
                return r.status, body
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            rec.add(start - t0, server, label, 0, time.monotonic() - start, type(error).__name__)
            return 0, b""

    async with aiohttp.ClientSession(connector=conn, cookie_jar=jar, timeout=timeout) as session:
        await asyncio.sleep(args.ramp * n / args.users)
        csrf = None
        while csrf is None and time.monotonic() < end:
            status, body = await call("sign-in page", "GET", "/sign-in")
            m = common.CSRF_RE.search(body.decode(errors="replace"))
            if status != 200 or not m:
                await asyncio.sleep(1)
                continue
            status, _ = await call("sign-in", "POST", "/sign-in",
                                   {"email": email, "password": password, "_csrf": m.group(1), "next": "/"})
            if status != 303:
                await asyncio.sleep(1)
                continue
            status, body = await call("dashboard", "GET", c)
            m = common.CSRF_RE.search(body.decode(errors="replace"))
            csrf = m.group(1) if m else None
        labels = [label for label, _ in READS]
        weights = [weight for _, weight in READS]
        while time.monotonic() < end:
            target = rng.choice(world.targets)
            if role == "officer" and rng.random() < write_p:
                kind = rng.choice(WRITES)
                if kind == "write plan":
                    await call(kind, "POST", f"{c}/plan", {"_csrf": csrf, "title": f"Soak action {n}-{rng.randrange(10**6)}",
                                                            "owner": "council", "lead": "Soak lead", "due": "2011-12-31",
                                                            "measure": "", "indicator": ""})
                elif kind == "write figure":
                    await call(kind, "POST", f"{c}/targets/{target}/figures",
                               {"_csrf": csrf, "month": f"20{rng.choice(['09', '10'])}-{rng.randint(1, 12):02d}",
                                "basis": "in_month", "value": str(rng.randint(40, 95)), "note": "soak"})
                else:
                    await call(kind, "POST", f"{c}/audits", {"_csrf": csrf, "caseReference": f"SOAK-{n}-{rng.randrange(10**6)}",
                                                              "auditedOn": "2011-10-01", "auditor": "Soak auditor", "grade": "good"})
            else:
                kind = rng.choices(labels, weights)[0]
                if kind == "dashboard":
                    await call(kind, "GET", c)
                elif kind == "target":
                    await call(kind, "GET", f"{c}/targets/{target}")
                elif kind == "drill-down":
                    month = f"2011-{rng.randint(1, 9):02d}"
                    await call(kind, "GET", f"{c}/targets/{target}?month={month}&basis=in_month")
                elif kind == "plan":
                    await call(kind, "GET", f"{c}/plan")
                elif kind == "meeting":
                    await call(kind, "GET", f"{c}/meetings/12")
                elif kind == "pack":
                    await call(kind, "GET", f"{c}/meetings/12/pack")
                elif kind == "data-quality":
                    await call(kind, "GET", f"{c}/data-quality")
                elif kind == "audits":
                    await call(kind, "GET", f"{c}/audits")
                else:
                    which = rng.choice(["councils", "targets", "target", "indicator", "notice"])
                    path = {"councils": "/api/v1/councils", "targets": f"/api/v1{c}/targets",
                            "target": f"/api/v1{c}/targets/{target}", "notice": f"/api/v1{c}/notice",
                            "indicator": f"/api/v1{c}/indicators/{rng.choice(world.indicators)}?basis=in_month"}[which]
                    await call(f"api {which}", "GET", path, headers={"Authorization": "Bearer " + token})
            await asyncio.sleep(rng.uniform(args.think_min, args.think_max))


async def sample_memory(servers, t0, end, rss: dict, interval=10.0):
    while True:
        now = time.monotonic()
        for i, s in enumerate(servers):
            rss[i].append((now - t0, s.rss_kb()))
        rss["load"].append(common.loadavg())
        if now >= end:
            return
        await asyncio.sleep(min(interval, max(0.0, end - now)))


def summarise(samples, duration):
    lat = sorted(s[4] for s in samples)
    statuses = Counter(s[3] for s in samples)
    ok = sum(n for st, n in statuses.items() if 200 <= st < 400)
    c4 = sum(n for st, n in statuses.items() if 400 <= st < 500)
    c5 = sum(n for st, n in statuses.items() if st >= 500)
    transport = statuses.get(0, 0)
    return {
        "requests": len(samples), "ok": ok, "4xx": c4, "5xx": c5, "transport": transport,
        "rps": len(samples) / duration if duration else 0.0,
        "p50": common.percentile(lat, 50) * 1000, "p99": common.percentile(lat, 99) * 1000,
        "max": (lat[-1] * 1000) if lat else float("nan"),
    }


def mb(kb):
    return "–" if kb is None else f"{kb / 1024:.0f} MB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--servers", type=int, default=1)
    ap.add_argument("--binary", default=common.default_binary())
    ap.add_argument("--pg-database", default="improve_soak")
    ap.add_argument("--think-min", type=float, default=0.5)
    ap.add_argument("--think-max", type=float, default=2.0)
    ap.add_argument("--write-share", type=float, default=0.10, help="share of all requests that are writes (default 0.10)")
    ap.add_argument("--ramp", type=float, default=20.0, help="seconds over which the users sign in (default 20)")
    ap.add_argument("--warmup", type=float, default=60.0, help="the 'start' RSS is the first sample after this (default 60 s)")
    ap.add_argument("--idle", type=float, default=30.0, help="after the load, wait this long and read RSS again (default 30 s)")
    ap.add_argument("--timeout", type=float, default=30.0, help="per request (default 30 s)")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the working folder and database")
    args = ap.parse_args()
    if args.servers > 1 and args.database != "postgres":
        ap.error("several servers share one database only on PostgreSQL")
    if args.minutes > 120 or args.users > 2000:
        ap.error("bounded: at most 120 minutes and 2000 users")
    if not os.path.exists(args.binary):
        ap.error(f"no binary at {args.binary}")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)

    workdir = tempfile.mkdtemp(prefix=f"improve-soak-{args.database}-")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    env.update({"BCRYPT_COST": "4", "LOG_LEVEL": "warning"})
    if args.database == "sqlite":
        sqlite_path = os.path.join(workdir, "data", "improvement-monitor.sqlite")
        env["SQLITE_PATH"] = sqlite_path
    else:
        url = common.recreate_pg_database(args.pg_database)
        env.update({"DATABASE_URL": url, "IMPROVE_SECRET": "soak-secret"})
    print(f"binary {args.binary}; {args.database}; {args.servers} server(s); {args.users} users; {args.minutes} min; "
          f"think {args.think_min}-{args.think_max} s; writes {args.write_share:.0%}; seed {seed}; BCRYPT_COST=4; "
          f"{os.cpu_count()} cores shared by server(s), database and this load generator; folder {workdir}", flush=True)
    common.seed_demo(args.binary, workdir, env, os.path.join(workdir, "demo.log"))
    servers = [common.Server(args.binary, "serve", workdir, env, common.free_port(), os.path.join(workdir, f"server{i}.log"))
               for i in range(args.servers)]
    rec = Recorder()
    rss: dict[int, list] = defaultdict(list)
    failed_reasons: list[str] = []
    try:
        for s in servers:
            s.start()
        world = setup_world(servers[0].port)
        print(f"council {world.council}; {len(world.targets)} targets; indicators {', '.join(world.indicators)}", flush=True)
        roles = []
        for role, share in ROLE_MIX:
            roles += [role] * round(share * args.users)
        roles = (roles + ["officer"] * args.users)[:args.users]
        random.Random(seed).shuffle(roles)
        officers = roles.count("officer")
        write_p = min(1.0, args.write_share * args.users / officers) if officers else 0.0

        async def run():
            t0 = time.monotonic()
            end = t0 + args.minutes * 60
            tasks = [asyncio.create_task(user(n, roles[n], n % args.servers, servers[n % args.servers].port, world, args, rec,
                                               t0, end, write_p, random.Random(seed * 7919 + n))) for n in range(args.users)]
            mem = asyncio.create_task(sample_memory(servers, t0, end, rss))
            last = t0
            while time.monotonic() < end:
                await asyncio.sleep(min(60, max(0.1, end - time.monotonic())))
                now = time.monotonic()
                window = [s for s in rec.samples if s[0] >= last - t0]
                w = summarise(window, now - last)
                print(f"  {(now - t0) / 60:5.1f} min: {w['rps']:.0f} req/s, p50 {w['p50']:.0f} ms, p99 {w['p99']:.0f} ms, "
                      f"4xx {w['4xx']}, 5xx {w['5xx']}, transport {w['transport']}, RSS "
                      + ", ".join(mb(rss[i][-1][1]) if rss[i] else "–" for i in range(len(servers))), flush=True)
                last = now
            await asyncio.gather(*tasks)
            await mem
            return time.monotonic() - t0

        cpu_before = [common.cpu_seconds(s.pid) for s in servers]
        duration = asyncio.run(run())
        cpu_used = [(common.cpu_seconds(s.pid) or 0) - (b or 0) for s, b in zip(servers, cpu_before)]
        # Memory once the load has stopped: does it come back down?
        idle_end = time.monotonic() + args.idle
        while time.monotonic() < idle_end:
            time.sleep(min(5.0, max(0.0, idle_end - time.monotonic())))
        idle_rss = [s.rss_kb() for s in servers]
        alive = [s.proc.poll() is None for s in servers]
        for i, a in enumerate(alive):
            if not a:
                failed_reasons.append(f"server {i} exited with {servers[i].proc.returncode}")
        # Is the memory at the end held by the data the run wrote, or lost? A fresh server on the same database,
        # after one request of each kind of page, holds what the pages need of that data and nothing else.
        for srv in servers:
            srv.stop()
        fresh = common.Server(args.binary, "serve", workdir, env, common.free_port(), os.path.join(workdir, "fresh.log"))
        fresh.start()
        try:
            b = common.Browser(fresh.port)
            home = b.sign_in(*common.ACCOUNTS["officer"])
            for path in [home, f"{home}/plan", f"{home}/meetings/12", f"{home}/meetings/12/pack", f"{home}/audits", f"{home}/data-quality",
                         f"{home}/targets/{world.targets[0]}"]:
                b.get(path)
            b.close()
            time.sleep(2)
            fresh_rss = fresh.rss_kb()
        finally:
            fresh.stop()
        if args.database == "sqlite":
            db_size = f"{sum(os.path.getsize(p) for p in [sqlite_path, sqlite_path + '-wal'] if os.path.exists(p)) / 1e6:.0f} MB (file and WAL)"
        else:
            db_size = f"{int(common.psql(url, 'SELECT pg_database_size(current_database())')[0][0]) / 1e6:.0f} MB"
    finally:
        for s in servers:
            s.stop()
        counts = {}
        for table_name in ("plan_actions", "hand_figures", "case_audits", "audit_events", "sessions"):
            try:
                if args.database == "sqlite":
                    import sqlite3
                    conn = sqlite3.connect(sqlite_path)
                    counts[table_name] = conn.execute(f"SELECT COUNT(*) FROM {table_name}").fetchone()[0]
                    conn.close()
                else:
                    counts[table_name] = int(common.psql(url, f"SELECT COUNT(*) FROM {table_name}")[0][0])
            except Exception as error:  # a count is only informative
                counts[table_name] = f"? ({error})"
        if not args.keep:
            if args.database == "postgres":
                common.drop_pg_database(args.pg_database)

    # ---- report
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print()
    print(f"soak, {args.database}, {args.servers} server(s), {args.users} users ({', '.join(f'{r} {roles.count(r)}' for r, _ in ROLE_MIX)}), "
          f"{duration / 60:.1f} min; officers write with p={write_p:.2f}; load generator CPU {usage.ru_utime + usage.ru_stime:.0f} s "
          f"({(usage.ru_utime + usage.ru_stime) / duration:.0%} of a core); server CPU "
          + ", ".join(f"{c / duration:.0%}" for c in cpu_used) + " of a core; machine load average "
          f"{sum(rss['load']) / max(1, len(rss['load'])):.1f} (mean of the 10 s samples; {os.cpu_count()} cores); "
          f"database at the end {db_size}; rows at the end: "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))
    rows = []
    for i, s in enumerate(servers + [None] if len(servers) > 1 else servers):
        samples = rec.samples if s is None else [x for x in rec.samples if x[1] == i]
        sm = summarise(samples, duration)
        if s is None:
            start_rss = end_rss = peak = idle = "–"
            name = "all"
        else:
            series = [(t, kb) for t, kb in rss[i] if kb is not None]
            after = [kb for t, kb in series if t >= args.warmup]
            start_rss = mb(after[0]) if after else "–"
            end_rss = mb(series[-1][1]) if series else "–"
            peak = mb(max(kb for _, kb in series)) if series else "–"
            idle = mb(idle_rss[i])
            name = f"server {i} (:{s.port})"
        rows.append([name, sm["requests"], sm["ok"], sm["4xx"], sm["5xx"], sm["transport"], f"{sm['rps']:.1f}",
                     f"{sm['p50']:.0f} ms", f"{sm['p99']:.0f} ms", f"{sm['max']:.0f} ms", start_rss, end_rss, peak, idle])
    print(common.table(["server", "requests", "2xx/3xx", "4xx", "5xx", "transport errors", "requests/s", "p50", "p99", "max",
                        f"RSS at {args.warmup:.0f} s", "RSS at end", "RSS peak", f"RSS {args.idle:.0f} s after the load"], rows))
    print(f"a fresh server on the database as the run left it, after one request of each page: RSS {mb(fresh_rss)}")
    print()
    by_label = defaultdict(list)
    for x in rec.samples:
        by_label[x[2]].append(x)
    label_rows = []
    for label in sorted(by_label):
        sm = summarise(by_label[label], duration)
        label_rows.append([label, sm["requests"], sm["4xx"], sm["5xx"], sm["transport"], f"{sm['p50']:.0f} ms",
                           f"{sm['p99']:.0f} ms", f"{sm['max']:.0f} ms"])
    print(common.table(["request", "count", "4xx", "5xx", "transport", "p50", "p99", "max"], label_rows))
    print()
    minute_rows = []
    for m in range(int(duration // 60) + (1 if duration % 60 > 1 else 0)):
        window = [x for x in rec.samples if m * 60 <= x[0] < (m + 1) * 60]
        sm = summarise(window, min(60.0, duration - m * 60))
        mem = []
        for i in range(len(servers)):
            pts = [kb for t, kb in rss[i] if t < (m + 1) * 60 and kb is not None]
            mem.append(mb(pts[-1]) if pts else "–")
        minute_rows.append([m + 1, sm["requests"], f"{sm['rps']:.0f}", f"{sm['p50']:.0f} ms", f"{sm['p99']:.0f} ms",
                            sm["4xx"], sm["5xx"], sm["transport"], " / ".join(mem)])
    print(common.table(["minute", "requests", "req/s", "p50", "p99", "4xx", "5xx", "transport", "RSS (per server)"], minute_rows))
    print()
    print("RSS samples every 10 s (MB): " + "; ".join(
        f"server {i}: " + " ".join(f"{kb / 1024:.0f}" for _, kb in rss[i] if kb is not None) for i in range(len(servers))))
    bad = Counter((x[2], x[3], x[5]) for x in rec.samples if x[3] == 0 or x[3] >= 400)
    for (label, status, error), n in sorted(bad.items(), key=lambda kv: -kv[1]):
        print(f"FAILED requests: {n} x {label} -> {status or error}")
        failed_reasons.append(f"{label} {status or error}")
    for i, s in enumerate(servers):
        errors = [line for line in common.tail(s.log_path, 10**6).splitlines() if "error" in line.lower() or "critical" in line.lower()]
        kinds = Counter(re.sub(r"(request-id|waiter): [^,\]]+", r"\1: …", line)[:300] for line in errors)
        if errors:
            print(f"server {i} log: {len(errors)} error lines, by kind:")
            for line, n in kinds.most_common(8):
                print(f"  {n} x {line}")
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    for reason in failed_reasons[:20]:
        print("FAIL:", reason)
    return 1 if failed_reasons else 0


if __name__ == "__main__":
    sys.exit(main())
