#!/usr/bin/env python3
"""Compare `improve indicators` with the bundle second reading (bundle_reading.py).

Usage:
    compare_bundle.py --input PATH [--input PATH ...] --from YYYY-MM --to YYYY-MM
                      [--as-of YYYY-MM-DD] [--expected expected.csv] [--no-stage]
                      [--improve BINARY] [--quiet] [--oneline NAME] [--timeout SECONDS]

The binary is --improve, else $IMPROVE, else <repo>/.build/debug/improve
(else /work/main/.build/debug/improve).

By default the inputs are first *staged*: the files the second reading reads
(the bundle tables referrals, initial_assessments, core_assessments, visits,
allocations, case_audits and referrer_feedback, recognised by their header
row, and CIN census XML, which gives the open cases and plans) are copied
into a temporary folder and both programs read that folder.  This keeps
other files the product also reads (Annex A workbooks, SSDA903 tables,
workforce files, ...) from feeding the same indicator ids from a second
source.  --no-stage passes the inputs as given.

The product's rows are restricted to the indicators the second reading
computes, then compared row for row on (indicator, basis, period_start,
period_end): numerator, denominator and value must be equal as decimals
(so only trailing zeros may differ; an empty value only equals an empty
value).  Every disagreeing row is printed side by side.  With --expected,
each row of that file (same header) must also be in the second reading's
output with the same figures (hand-counted expectations of a case folder).

--oneline NAME prints one line, "ok NAME: ..." or "FAIL NAME: ...", with the
row counts; on failure the disagreeing rows and failed expectations follow,
indented (at most 40 lines).  --timeout bounds each program's run (a run
that takes longer is a failure, exit 2).

Exit status: 0 when everything agrees, 1 on any disagreement or expectation
failure, 2 when a program fails to run.
"""

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # leave no __pycache__ in the repository
sys.path.insert(0, HERE)
import bundle_reading  # noqa: E402  (for the input classification only)

INDICATORS = [
    "case_audit_adequate_or_better",
    "case_audit_good_or_better",
    "cases_allocated_to_qualified_sw",
    "core_assessment_timeliness",
    "cp_visits_in_timescale",
    "ia_outcome_nfa_rate",
    "initial_assessment_timeliness",
    "referrals_to_initial_assessment",
    "referrer_informed_of_outcome",
    "supervision_records_adequate_or_better",
    "unallocated_cases",
]
HEADER = ["indicator", "basis", "period_start", "period_end", "numerator", "denominator", "value"]


def default_binary():
    env = os.environ.get("IMPROVE")
    if env:
        return env
    cand = os.path.normpath(os.path.join(HERE, "..", "..", ".build", "debug", "improve"))
    if os.path.exists(cand):
        return cand
    return "/work/main/.build/debug/improve"


def stage(inputs, dest):
    """Copy the files the second reading reads; return how many of each kind."""
    kinds = {}
    n = 0
    for fp in bundle_reading.input_files(inputs):
        k = bundle_reading.classify_file(fp)
        if k is None:
            continue
        kind = k[1] if k[0] == "csv" else "cin"
        n += 1
        kinds[kind] = kinds.get(kind, 0) + 1
        shutil.copyfile(fp, os.path.join(dest, "%03d-%s" % (n, os.path.basename(fp))))
    return kinds


class RunFailed(Exception):
    pass


def parse_rows(text, who, dups=None):
    """Rows keyed by (indicator, basis, period_start, period_end); a key
    printed twice is added to dups (the contract has one row per key)."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [h.strip() for h in rows[0]] != HEADER:
        raise RunFailed("%s: output does not start with the contract header: %r"
                        % (who, rows[0] if rows else None))
    out = {}
    for r in rows[1:]:
        if not r:
            continue
        if len(r) != 7:
            raise RunFailed("%s: malformed row %r" % (who, r))
        key = tuple(r[:4])
        if key in out and dups is not None:
            dups.append((who, key))
        out[key] = tuple(r[4:])
    return out


def dec_equal(a, b):
    a, b = a.strip(), b.strip()
    if a == "" or b == "":
        return a == b
    try:
        return Decimal(a) == Decimal(b)
    except InvalidOperation:
        return a == b


def same(x, y):
    return x is not None and y is not None and all(dec_equal(p, q) for p, q in zip(x, y))


def show(v):
    if v is None:
        return "(no row)"
    return "%s/%s = %s" % (v[0], v[1], v[2] if v[2] != "" else "(empty)")


def run(cmd, who, timeout=None):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RunFailed("%s took longer than %s s: %s" % (who, timeout, " ".join(cmd)))
    except OSError as e:
        raise RunFailed("%s could not be run (%s): %s" % (who, e, " ".join(cmd)))
    if p.returncode != 0:
        raise RunFailed("%s failed (exit %d): %s\n%s"
                        % (who, p.returncode, " ".join(cmd), p.stderr.strip()[-3000:]))
    return p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser(description="compare improve indicators with the second reading")
    ap.add_argument("--input", action="append", required=True)
    ap.add_argument("--from", dest="frm", required=True)
    ap.add_argument("--to", required=True)
    ap.add_argument("--as-of", default=None)
    ap.add_argument("--expected", default=None)
    ap.add_argument("--no-stage", action="store_true")
    ap.add_argument("--improve", default=None)
    ap.add_argument("--quiet", action="store_true", help="print only the summary and failures")
    ap.add_argument("--oneline", metavar="NAME", default=None,
                    help="one summary line named NAME (details only on failure)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds allowed to each program")
    a = ap.parse_args()
    binary = a.improve or default_binary()
    label = " + ".join(a.input)
    t0 = time.monotonic()

    def fail_run(msg):
        if a.oneline:
            print("FAIL %s: %s" % (a.oneline, msg.splitlines()[0]))
            for line in msg.splitlines()[1:21]:
                print("    " + line)
        else:
            print(msg)
        return 2

    tmp = None
    if a.no_stage:
        inputs = a.input
    else:
        tmp = tempfile.mkdtemp(prefix="second_reading_bundle_")
        kinds = stage(a.input, tmp)
        if not kinds:
            shutil.rmtree(tmp)
            return fail_run("%s: nothing the second reading reads" % label)
        inputs = [tmp]
    try:
        extra = ["--as-of", a.as_of] if a.as_of else []
        cmd_p = [binary, "indicators"]
        for i in inputs:
            cmd_p += ["--input", i]
        cmd_p += ["--from", a.frm, "--to", a.to, "--format", "csv"] + extra
        cmd_m = [sys.executable, os.path.join(HERE, "bundle_reading.py")]
        for i in inputs:
            cmd_m += ["--input", i]
        cmd_m += ["--from", a.frm, "--to", a.to] + extra
        out_p, _ = run(cmd_p, "improve", a.timeout)
        out_m, err_m = run(cmd_m, "bundle_reading.py", a.timeout)
    except RunFailed as e:
        return fail_run(str(e))
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    try:
        dups = []
        prod = {k: v for k, v in parse_rows(out_p, "improve", dups).items() if k[0] in INDICATORS}
        mine = parse_rows(out_m, "bundle_reading.py", dups)
        dups = [(who, k) for who, k in dups if k[0] in INDICATORS]
        erows = None
        if a.expected:
            with open(a.expected, newline="") as f:
                erows = parse_rows(f.read(), a.expected)
    except (RunFailed, OSError) as e:
        return fail_run(str(e))

    keys = sorted(set(prod) | set(mine))
    per = {}
    bad = []
    for k in keys:
        ok = same(prod.get(k), mine.get(k))
        s = per.setdefault(k[0], [0, 0])
        s[0 if ok else 1] += 1
        if not ok:
            bad.append(k)
    for who, k in dups:  # a row printed twice is a disagreement whatever its figures
        if k not in bad:
            bad.append(k)
            per[k[0]][0] -= 1
            per[k[0]][1] += 1

    detail = []
    if bad:
        w = max(len(",".join(k)) for k in bad)
        detail.append("%-*s  %-32s  %s" % (w, "row", "product", "second reading"))
        for k in bad:
            detail.append("%-*s  %-32s  %s" % (w, ",".join(k), show(prod.get(k)), show(mine.get(k))))
    for who, k in dups:
        detail.append("%s prints %s twice" % (who, ",".join(k)))
    counts = ["  %-32s agreed %5d  disagreed %5d" % (ind, per[ind][0], per[ind][1]) for ind in sorted(per)]

    exp_fail = 0
    exp_n = 0
    exp_lines = []
    if erows is not None:
        for k, v in sorted(erows.items()):
            exp_n += 1
            if not same(v, mine.get(k)):
                exp_fail += 1
                exp_lines.append("EXPECTED %s: hand count %s, second reading %s"
                                 % (",".join(k), show(v), show(mine.get(k))))
            if not same(v, prod.get(k)):
                exp_lines.append("  (product differs from the hand count on %s: %s)"
                                 % (",".join(k), show(prod.get(k))))

    agreed = sum(v[0] for v in per.values())
    tally = "rows %d, agreed %d, disagreed %d%s" % (
        len(keys), agreed, len(bad),
        ", expected rows %d, failing %d" % (exp_n, exp_fail) if a.expected else "")
    failed = bool(bad or exp_fail)
    if a.oneline:
        print("%s %s: %s (%.1f s)" % ("FAIL" if failed else "ok", a.oneline, tally, time.monotonic() - t0))
        if failed:
            more = detail + exp_lines
            for line in more[:40]:
                print("    " + line)
            if len(more) > 40:
                print("    ... %d more lines (run compare_bundle.py without --oneline)" % (len(more) - 40))
        return 1 if failed else 0
    print("== %s (%s .. %s)%s" % (label, a.frm, a.to, " [staged]" if not a.no_stage else ""))
    for line in detail + counts + exp_lines:
        print(line)
    print("SUMMARY %s: %s" % (label, tally))
    if err_m.strip() and not a.quiet:
        lines = err_m.strip().splitlines()
        print("second-reading warnings: %d (first: %s)" % (len(lines), lines[0]))
    return 1 if bad or exp_fail else 0


if __name__ == "__main__":
    sys.exit(main())
