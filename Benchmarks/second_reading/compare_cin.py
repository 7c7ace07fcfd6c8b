#!/usr/bin/env python3
"""Compares `improve indicators` with the independent DuckDB reading (Benchmarks/scripts/duckdb_indicators.py) on CIN
census XML files, row for row, for every indicator both compute.

    python3 Benchmarks/second_reading/compare_cin.py [--from YYYY-MM --to YYYY-MM] FILE.xml|DIR ...
    python3 Benchmarks/second_reading/compare_cin.py --generate [--council 891 --gen-from 2021-04 --gen-to 2024-03
                                                                 --children 600 --seed 11] [--from --to]

Steps, for the census files given (a folder means its *.xml files whose header says <Collection>CIN</Collection>),
ordered by ReferenceDate, then path (the merge order, earliest census first):
  1. `improve indicators --input FILES --from --to --format csv`                                  -> WORK/improve.csv
  2. `improve tables --input FILE --out WORK/tables/<k>` for each file, then concat_tables.py      -> WORK/csv/
  3. WORK/csv/ReviewDates.csv: every CPPreviewDate (the validator's Reviews table keeps only the first date of each
     <Reviews> block), read from the XML with lxml, keyed as the tables are (LAchildID, CINdetailsID, CPPID)
  4. duckdb_indicators.py over WORK/csv                                                              -> WORK/duckdb.csv
  5. For every indicator in both outputs, every (indicator, basis, period_start, period_end) row: numerator,
     denominator and value must be equal. Disagreeing rows are printed side by side (product | duckdb); the exit
     status is 1 on any disagreement (or a row present on one side only), 0 otherwise.

With --generate, `improve generate` writes a synthetic council into WORK/generated and only its cin-*.xml files are
compared (the default months are the generated ones).

Options: --improve PATH (default: .build/debug/improve of this repository, else `improve` on PATH), --work DIR
(default: a fresh temporary folder, kept when there is a disagreement), --max-print N (disagreeing rows printed per
indicator, default 20), --quiet. --from/--to default to the financial years of the files' reference dates.
"""
import argparse
import csv
import datetime
import glob
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCRIPTS = os.path.join(ROOT, "Benchmarks", "scripts")
sys.path.insert(0, SCRIPTS)
sys.dont_write_bytecode = True
import benchvenv  # noqa: E402

benchvenv.ensure("duckdb", "lxml")
from lxml import etree  # noqa: E402

import concat_tables  # noqa: E402
import duckdb_indicators  # noqa: E402

HEADER = "indicator,basis,period_start,period_end,numerator,denominator,value"


def default_improve():
    local = os.path.join(ROOT, ".build", "debug", "improve")
    return local if os.path.exists(local) else (shutil.which("improve") or local)


def run_improve(binary, args, retries=5):
    """Runs the binary; when it is missing (being rebuilt) waits 60 s and retries."""
    for attempt in range(retries + 1):
        if os.path.exists(binary) or shutil.which(binary):
            try:
                proc = subprocess.run([binary, *args], capture_output=True, text=True)
            except OSError as e:  # e.g. "Text file busy" while the binary is being rewritten
                if attempt == retries:
                    sys.exit(f"compare_cin: cannot run {binary}: {e}")
                print(f"compare_cin: {binary}: {e}; waiting 60 s", file=sys.stderr)
                time.sleep(60)
                continue
            if proc.returncode == 0:
                return proc.stdout
            if os.path.exists(binary) or attempt == retries:
                sys.exit(f"compare_cin: improve {' '.join(args[:3])} ... failed ({proc.returncode}):\n"
                         f"{proc.stderr.strip()[-2000:]}")
        if attempt == retries:
            sys.exit(f"compare_cin: {binary} is missing")
        print(f"compare_cin: {binary} missing (rebuild?); waiting 60 s", file=sys.stderr)
        time.sleep(60)


def reference_date(path):
    with open(path, "rb") as f:
        head = f.read(8192).decode("utf-8", "replace")
    if "<Collection>CIN</Collection>" not in head:
        return None
    m = re.search(r"<ReferenceDate>\s*([^<\s]*)", head)
    return m.group(1) if m else "0000-00-00"


def census_files(inputs):
    found = []
    for item in inputs:
        paths = sorted(glob.glob(os.path.join(item, "*.xml"))) if os.path.isdir(item) else [item]
        for p in paths:
            ref = reference_date(p)
            if ref is not None:
                found.append((ref, os.path.abspath(p)))
            elif not os.path.isdir(item):
                sys.exit(f"compare_cin: {p} is not a CIN census file")
    found.sort()
    return found


def default_months(refs):
    """April of the year before the earliest reference date .. the latest reference date's month."""
    dates = [datetime.date.fromisoformat(r) for r in refs if re.fullmatch(r"\d{4}-\d{2}-\d{2}", r)]
    if not dates:
        sys.exit("compare_cin: no reference dates; give --from and --to")
    lo, hi = min(dates), max(dates)
    fy = lo.year - 1 if lo.month <= 3 else lo.year
    return f"{fy}-04", f"{hi.year}-{hi.month:02d}"


def text(el, tag):
    x = el.find(tag)
    return None if x is None or x.text is None else x.text.strip()


def write_review_dates(files, out_path):
    """One row per CPPreviewDate, keyed as the validator keys its tables: CINdetailsID counts a <Child>'s CINdetails
    from 1, CPPID counts a CINdetails' plans from 1."""
    n = 0
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["SourceFile", "LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"])
        for k, path in enumerate(files, start=1):
            for _, child in etree.iterparse(path, events=("end",), tag="Child", recover=True, huge_tree=True):
                ids = child.find("ChildIdentifiers")
                la = text(ids, "LAchildID") if ids is not None else None
                for eid, det in enumerate(child.findall("CINdetails"), start=1):
                    for pid, plan in enumerate(det.findall("ChildProtectionPlans"), start=1):
                        for rv in plan.findall("Reviews"):
                            for d in rv.findall("CPPreviewDate"):
                                w.writerow([k, la, eid, pid, (d.text or "").strip()])
                                n += 1
                child.clear()
    return n


def read_rows(csv_text):
    rows = {}
    reader = csv.reader(io.StringIO(csv_text))
    head = next(reader, None)
    if head is None or ",".join(head) != HEADER:
        sys.exit(f"compare_cin: unexpected CSV header {head!r}")
    for r in reader:
        if r:
            rows[tuple(r[:4])] = tuple(r[4:7])
    return rows


def compare(product, mine, max_print=20, quiet=False):
    """Prints the disagreements; returns (rows compared, rows agreeing, per-indicator stats, only-one-side ids)."""
    p_inds = {k[0] for k in product}
    m_inds = {k[0] for k in mine}
    common = sorted(p_inds & m_inds)
    stats = {}
    compared = agreeing = 0
    for ind in common:
        keys = sorted({k for k in product if k[0] == ind} | {k for k in mine if k[0] == ind})
        bad = []
        for k in keys:
            a, b = product.get(k), mine.get(k)
            if a != b:
                bad.append((k, a, b))
        stats[ind] = (len(keys), len(keys) - len(bad), sum(1 for _, a, b in bad if a and b and a[:2] == b[:2]))
        compared += len(keys)
        agreeing += len(keys) - len(bad)
        if bad and not quiet:
            print(f"\n{ind}: {len(bad)} of {len(keys)} rows disagree   (numerator,denominator,value: product | duckdb)")
            for k, a, b in bad[:max_print]:
                fa = ",".join(a) if a else "(missing)"
                fb = ",".join(b) if b else "(missing)"
                note = "   (same counts: value rounding)" if a and b and a[:2] == b[:2] else ""
                print(f"  {k[1]:<18} {k[2]}..{k[3]}   {fa:<22} | {fb}{note}")
            if len(bad) > max_print:
                print(f"  ... {len(bad) - max_print} more")
    return compared, agreeing, stats, sorted(p_inds - m_inds), sorted(m_inds - p_inds)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*", help="CIN census XML files or folders")
    ap.add_argument("--from", dest="first")
    ap.add_argument("--to", dest="last")
    ap.add_argument("--generate", action="store_true", help="compare on an `improve generate` council")
    ap.add_argument("--council", default="891")
    ap.add_argument("--gen-from", default="2021-04")
    ap.add_argument("--gen-to", default="2024-03")
    ap.add_argument("--children", default="600")
    ap.add_argument("--seed", default="11")
    ap.add_argument("--improve", default=default_improve())
    ap.add_argument("--work")
    ap.add_argument("--label", help="name printed in the summary line")
    ap.add_argument("--max-print", type=int, default=20)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    work = args.work or tempfile.mkdtemp(prefix="compare-cin-")
    os.makedirs(work, exist_ok=True)
    inputs = list(args.inputs)
    if args.generate:
        gen = os.path.join(work, "generated")
        shutil.rmtree(gen, ignore_errors=True)
        run_improve(args.improve, ["generate", "--council", args.council, "--from", args.gen_from, "--to",
                                   args.gen_to, "--children", args.children, "--seed", args.seed, "--out", gen])
        inputs = sorted(glob.glob(os.path.join(gen, "cin-*.xml")))
        args.first = args.first or args.gen_from
        args.last = args.last or args.gen_to
    if not inputs:
        ap.error("give census files or folders, or --generate")
    found = census_files(inputs)
    if not found:
        sys.exit("compare_cin: no CIN census files found")
    files = [p for _, p in found]
    if not (args.first and args.last):
        d_first, d_last = default_months([r for r, _ in found])
        args.first = args.first or d_first
        args.last = args.last or d_last

    # 1. the product
    product_csv = run_improve(args.improve, ["indicators", "--input", *files, "--from", args.first, "--to",
                                             args.last, "--format", "csv"])
    with open(os.path.join(work, "improve.csv"), "w") as f:
        f.write(product_csv)

    # 2-3. the tables
    tdirs = []
    for k, path in enumerate(files, start=1):
        out = os.path.join(work, "tables", f"{k:03d}")
        shutil.rmtree(out, ignore_errors=True)
        run_improve(args.improve, ["tables", "--input", path, "--out", out])
        tdirs.append(out)
    csv_dir = os.path.join(work, "csv")
    shutil.rmtree(csv_dir, ignore_errors=True)
    concat_tables.concat(csv_dir, tdirs)
    write_review_dates(files, os.path.join(csv_dir, "ReviewDates.csv"))

    # 4. the second reading
    rows, load_s, compute_s = duckdb_indicators.run(csv_dir, args.first, args.last)
    mine_csv = HEADER + "\n" + "".join(duckdb_indicators.csv_line(r) + "\n" for r in rows)
    with open(os.path.join(work, "duckdb.csv"), "w") as f:
        f.write(mine_csv)

    # 5. compare
    compared, agreeing, stats, only_p, only_m = compare(read_rows(product_csv), read_rows(mine_csv),
                                                        args.max_print, args.quiet)
    label = args.label or (f"generated council {args.council}" if args.generate else ", ".join(
        os.path.basename(p) for p in files))
    print(f"\n== {label}: {len(files)} census file(s), {args.first}..{args.last}")
    for ind, (n, ok, rounding) in sorted(stats.items()):
        flag = "" if ok == n else "   <-- DISAGREE" + (f" ({rounding} on rounding only)" if rounding else "")
        print(f"   {ind:<42} {ok:>5} / {n:<5} agree{flag}")
    if only_p:
        print(f"   only in improve (not compared): {', '.join(only_p)}")
    if only_m:
        print(f"   only in duckdb (not compared): {', '.join(only_m)}")
    rounding = sum(r for _, _, r in stats.values())
    print(f"   rows compared {compared}, agreeing {agreeing}, disagreeing {compared - agreeing}"
          f"{f' ({rounding} with equal counts: value rounding only)' if rounding else ''}   (work: {work})")
    if compared == agreeing and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if compared == agreeing and compared > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
