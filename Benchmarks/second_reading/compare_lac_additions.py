#!/usr/bin/env python3
"""Compare `improve indicators` with the second reading of the looked-after
additions (lac_additions.py).

Usage:
    compare_lac_additions.py --input PATH [--input PATH ...] --from YYYY-MM --to YYYY-MM
        [--as-of YYYY-MM-DD] [--population FILE --council CODE]
        [--expected expected.csv] [--no-stage] [--improve BINARY]
        [--oneline NAME] [--timeout SECONDS] [--quiet]

The binary is --improve, else $IMPROVE, else <repo>/.build/debug/improve.

The inputs are first *staged*: only the files lac_additions.py reads (the
SSDA903 CSV tables, recognised by their upper-case header, and the bundle's
health_assessments, care_leavers, pathway_plan_reviews and
workforce_monthly CSVs, recognised by theirs) are copied into a temporary
folder, and both programs read that folder, so that nothing else (the CSWW
census XML above all, which feeds the same sw_* ids; CIN XML; the 903 XML
form) can feed the compared ids from a second source.  --no-stage passes the
inputs as given.

The product's rows are kept for the ids of lac_additions.INDICATORS only and
compared row for row on (indicator, basis, period_start, period_end):
numerator, denominator and value must be equal as decimals; a row on one
side only, or printed twice, is a disagreement.  Disagreeing rows are printed
side by side, with counts per indicator.  --expected checks hand-counted rows
against the second reading (and notes where the product differs).

Exit status: 0 all agree; 1 any disagreement or failed hand count; 2 a
program fails, prints no contract header, or outlives --timeout.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare as base  # noqa: E402  (row parsing, decimal comparison, running)
import lac_additions  # noqa: E402
import lac_workforce  # noqa: E402

INDICATORS = set(lac_additions.INDICATORS)


def stage(inputs, dest):
    kinds = {}
    n = 0
    for fp in lac_workforce.input_files(inputs):
        got = lac_additions.classify(fp)
        if got is None:
            continue
        n += 1
        kinds[got[1]] = kinds.get(got[1], 0) + 1
        shutil.copyfile(fp, os.path.join(dest, "%03d-%s" % (n, os.path.basename(fp))))
    return kinds


def main():
    ap = argparse.ArgumentParser(description="compare improve indicators with lac_additions.py")
    ap.add_argument("--input", action="append", required=True)
    ap.add_argument("--from", dest="frm", required=True)
    ap.add_argument("--to", required=True)
    ap.add_argument("--as-of", default=None)
    ap.add_argument("--population", default=None)
    ap.add_argument("--council", default=None)
    ap.add_argument("--expected", default=None)
    ap.add_argument("--no-stage", action="store_true")
    ap.add_argument("--improve", default=None)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--oneline", metavar="NAME", default=None)
    ap.add_argument("--timeout", type=float, default=None)
    a = ap.parse_args()
    binary = a.improve or base.default_binary()
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
        tmp = tempfile.mkdtemp(prefix="second_reading_lac_add_")
        kinds = stage(a.input, tmp)
        if not kinds:
            shutil.rmtree(tmp)
            return fail_run("%s: nothing the second reading reads" % label)
        inputs = [tmp]
    try:
        extra = []
        if a.as_of:
            extra += ["--as-of", a.as_of]
        if a.population:
            extra += ["--population", a.population]
        if a.council:
            extra += ["--council", a.council]
        cmd_p = [binary, "indicators"]
        cmd_m = [sys.executable, os.path.join(HERE, "lac_additions.py")]
        for i in inputs:
            cmd_p += ["--input", i]
            cmd_m += ["--input", i]
        cmd_p += ["--from", a.frm, "--to", a.to, "--format", "csv"] + extra
        cmd_m += ["--from", a.frm, "--to", a.to] + extra
        out_p, _ = base.run(cmd_p, "improve", a.timeout)
        out_m, err_m = base.run(cmd_m, "lac_additions.py", a.timeout)
    except base.RunFailed as e:
        return fail_run(str(e))
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    try:
        dups = []
        prod = {k: v for k, v in base.parse_rows(out_p, "improve", dups).items() if k[0] in INDICATORS}
        mine = base.parse_rows(out_m, "lac_additions.py", dups)
        dups = [(who, k) for who, k in dups if k[0] in INDICATORS]
        erows = None
        if a.expected:
            with open(a.expected, newline="") as f:
                erows = base.parse_rows(f.read(), a.expected)
    except (base.RunFailed, OSError) as e:
        return fail_run(str(e))

    keys = sorted(set(prod) | set(mine))
    per = {}
    bad = []
    for k in keys:
        ok = base.same(prod.get(k), mine.get(k))
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
        detail.append("%-*s  %-32s  %s" % (w, "row", "product", "second reading"))
        for k in bad:
            detail.append("%-*s  %-32s  %s" % (w, ",".join(k), base.show(prod.get(k)), base.show(mine.get(k))))
    for who, k in dups:
        detail.append("%s prints %s twice" % (who, ",".join(k)))
    counts = ["  %-42s agreed %5d  disagreed %5d" % (ind, per[ind][0], per[ind][1]) for ind in sorted(per)]

    exp_fail = 0
    exp_n = 0
    exp_lines = []
    if erows is not None:
        for k, v in sorted(erows.items()):
            exp_n += 1
            if not base.same(v, mine.get(k)):
                exp_fail += 1
                exp_lines.append("EXPECTED %s: hand count %s, second reading %s"
                                 % (",".join(k), base.show(v), base.show(mine.get(k))))
            if not base.same(v, prod.get(k)):
                exp_lines.append("  (product differs from the hand count on %s: %s)"
                                 % (",".join(k), base.show(prod.get(k))))

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
                print("    ... %d more lines (run compare_lac_additions.py without --oneline)" % (len(more) - 40))
        return 1 if failed else 0
    print("== %s (%s .. %s)%s" % (label, a.frm, a.to, " [staged]" if not a.no_stage else ""))
    for line in detail + counts + exp_lines:
        print(line)
    print("SUMMARY %s: %s" % (label, tally))
    if err_m.strip() and not a.quiet:
        lines = err_m.strip().splitlines()
        print("second-reading warnings: %d (first: %s)" % (len(lines), lines[0]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
