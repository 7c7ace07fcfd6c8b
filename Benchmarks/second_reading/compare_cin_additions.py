#!/usr/bin/env python3
"""Compare `improve indicators` with the second reading of the CIN additions (cin_additions.py).

Usage:
    compare_cin_additions.py --input PATH [--input PATH ...] --from YYYY-MM --to YYYY-MM
                             [--population FILE] [--council CODE] [--expected expected.csv]
                             [--no-stage] [--improve BINARY] [--oneline NAME] [--timeout SECONDS]

The binary is --improve, else $IMPROVE, else <repo>/.build/debug/improve.  The population
defaults to <repo>/Resources/published/ons_mid-year_population_estimates_2012_to_2024.csv and is
passed to both programs (with --council when given).

By default the inputs are first *staged*: only the files cin_additions.py reads (CIN census XML
and xlsx workbooks) are copied into a temporary folder and both programs read that folder.
--no-stage passes the inputs as given.

The product's rows are kept for the second reading's indicator ids only, then every
(indicator, basis, period_start, period_end) row is compared: numerator, denominator and value
must be equal as decimals (an empty value only equals an empty value); a row on one side only, or
printed twice, is a disagreement.  Every disagreeing row is printed side by side.  With
--expected, each row of that file (same header) must be in the second reading's output with the
same figures (hand counts of a planted case); where the product differs from a hand count it is
said too (the row is then also a disagreement).

Exit status: 0 when everything agrees, 1 on any disagreement or failed hand count, 2 when a
program fails (or outlives --timeout).
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
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import cin_additions  # noqa: E402  (indicator ids and input classification)

INDICATORS = cin_additions.ALL_IDS
HEADER = ["indicator", "basis", "period_start", "period_end", "numerator", "denominator", "value"]
DEFAULT_POP = os.path.join(ROOT, "Resources", "published", "ons_mid-year_population_estimates_2012_to_2024.csv")


def default_binary():
    env = os.environ.get("IMPROVE")
    if env:
        return env
    cand = os.path.join(ROOT, ".build", "debug", "improve")
    return cand if os.path.exists(cand) else "/work/main/.build/debug/improve"


class RunFailed(Exception):
    pass


def stage(inputs, dest):
    n = 0
    for fp in cin_additions.input_files(inputs):
        if cin_additions.is_census(fp) or fp.lower().endswith(".xlsx"):
            n += 1
            shutil.copyfile(fp, os.path.join(dest, "%03d-%s" % (n, os.path.basename(fp))))
    return n


def parse_rows(text, who, dups=None):
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [h.strip() for h in rows[0]] != HEADER:
        raise RunFailed("%s: output does not start with the contract header: %r" % (who, rows[0] if rows else None))
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
        raise RunFailed("%s failed (exit %d): %s\n%s" % (who, p.returncode, " ".join(cmd), p.stderr.strip()[-3000:]))
    return p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser(description="compare improve indicators with cin_additions.py")
    ap.add_argument("--input", action="append", required=True)
    ap.add_argument("--from", dest="frm", required=True)
    ap.add_argument("--to", required=True)
    ap.add_argument("--population", default=None)
    ap.add_argument("--council", default=None)
    ap.add_argument("--expected", default=None)
    ap.add_argument("--no-stage", action="store_true")
    ap.add_argument("--improve", default=None)
    ap.add_argument("--oneline", metavar="NAME", default=None)
    ap.add_argument("--timeout", type=float, default=None)
    ap.add_argument("--max-print", type=int, default=40)
    a = ap.parse_args()
    binary = a.improve or default_binary()
    pop = a.population or DEFAULT_POP
    label = a.oneline or " + ".join(a.input)
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
    inputs = a.input
    if not a.no_stage:
        tmp = tempfile.mkdtemp(prefix="cin_additions_")
        if stage(a.input, tmp) == 0:
            shutil.rmtree(tmp)
            return fail_run("%s: nothing the second reading reads" % label)
        inputs = [tmp]
    try:
        common = []
        for i in inputs:
            common += ["--input", i]
        common += ["--from", a.frm, "--to", a.to, "--population", pop]
        if a.council:
            common += ["--council", a.council]
        out_p, err_p = run([binary, "indicators"] + common + ["--format", "csv"], "improve", a.timeout)
        out_m, err_m = run([sys.executable, os.path.join(HERE, "cin_additions.py")] + common,
                           "cin_additions.py", a.timeout)
    except RunFailed as e:
        return fail_run(str(e))
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    try:
        dups = []
        prod = {k: v for k, v in parse_rows(out_p, "improve", dups).items() if k[0] in INDICATORS}
        mine = parse_rows(out_m, "cin_additions.py", dups)
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
    for who, k in dups:
        if k not in bad:
            bad.append(k)
            per[k[0]][0] -= 1
            per[k[0]][1] += 1

    detail = []
    if bad:
        w = max(len(",".join(k)) for k in bad)
        detail.append("%-*s  %-28s  %s" % (w, "row", "product", "second reading"))
        for k in bad[:a.max_print]:
            detail.append("%-*s  %-28s  %s" % (w, ",".join(k), show(prod.get(k)), show(mine.get(k))))
        if len(bad) > a.max_print:
            detail.append("... %d more disagreeing rows" % (len(bad) - a.max_print))
    for who, k in dups:
        detail.append("%s prints %s twice" % (who, ",".join(k)))
    counts = ["  %-34s agreed %5d  disagreed %5d" % (ind, per[ind][0], per[ind][1]) for ind in sorted(per)]

    exp_fail = exp_n = 0
    exp_lines = []
    if erows is not None:
        for k, v in sorted(erows.items()):
            exp_n += 1
            if not same(v, mine.get(k)):
                exp_fail += 1
                exp_lines.append("EXPECTED %s: hand count %s, second reading %s"
                                 % (",".join(k), show(v), show(mine.get(k))))
            if not same(v, prod.get(k)):
                exp_lines.append("  (product differs from the hand count on %s: %s)" % (",".join(k), show(prod.get(k))))

    agreed = sum(v[0] for v in per.values())
    tally = "rows %d, agreed %d, disagreed %d%s" % (
        len(keys), agreed, len(bad),
        ", expected rows %d, failing %d" % (exp_n, exp_fail) if a.expected else "")
    failed = bool(bad or exp_fail)
    if a.oneline:
        print("%s %s: %s (%.1f s)" % ("FAIL" if failed else "ok", a.oneline, tally, time.monotonic() - t0))
        if failed:
            more = detail + exp_lines
            for line in more[:a.max_print]:
                print("    " + line)
            if len(more) > a.max_print:
                print("    ... %d more lines (run without --oneline)" % (len(more) - a.max_print))
        return 1 if failed else 0
    print("== %s (%s .. %s)%s" % (label, a.frm, a.to, "" if a.no_stage else " [staged]"))
    for line in detail + counts + exp_lines:
        print(line)
    print("SUMMARY %s: %s" % (label, tally))
    if err_m.strip():
        lines = err_m.strip().splitlines()
        print("second-reading warnings: %d (first: %s)" % (len(lines), lines[0]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
