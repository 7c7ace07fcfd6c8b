#!/usr/bin/env python3
"""DuckDB reference for `improve indicators`: six CIN indicators computed in SQL from the census's CSV tables.

What it measures: the time for DuckDB (a vectorised, multi-threaded SQL engine) to load the CIN validator's CSV tables
(as written by `improve tables`) and compute, for every month in the range and each basis (in_month, cumulative_ytd,
rolling_12_months), these indicators as spec/INDICATORS.md defines them (§1.1, §1.2, §3.3, §3.5, §3.6, §3.7, §3.9,
and the readings of §7), the same way the Swift engine (Sources/Indicators) reads them:

    single_assessment_timeliness       assessments with an authorisation date, qualifying date = authorisation;
                                       working days from the episode's CINreferralDate; negative left out; met <= 45
    single_assessment_timeliness_dfe   the same from AssessmentActualStartDate
    re_referral_12m                    per referral (child + CINreferralDate, once); met when the child has an earlier
                                       referral in [addMonths(current, -12), current)
    cpp_repeat_ever                    per plan start (child + CPPstartDate, once); met when the child has a strictly
                                       earlier plan start, or NumberOfPreviousCPP > 0
    cpp_lasting_2y_plus                plans with an end date >= start, qualifying date = end;
                                       met when end >= addMonths(start, 24)
    icpc_within_15wd_dfe               Section47 rows with DateOfInitialCPC, qualifying date = that date; working days
                                       from S47ActualStartDate; negative left out; met <= 15

Working days, wd(a, b) = #{working d : a < d <= b} (the start is day 0), come from a calendar table with a running
count of working days: wd(a, b) = cum[b] - cum[a] (negative when b < a, as the Swift calendar). A working day is
Monday to Friday and not an England and Wales bank holiday (spec/bank-holidays-england-and-wales.csv). Month
arithmetic is DuckDB's `date + INTERVAL n MONTH`, which clamps to the month's end (2024-02-29 - 12 months = 2023-02-28).

Input: CSV_DIR holds the tables as `<Table>.csv` with the validator's column names (only CINdetails, Assessments,
Section47 and ChildProtectionPlans are read). Several files' tables may be concatenated into one CSV per table with
an extra integer column `SourceFile` (the source XML's position when the files are ordered by census reference date,
as bench_cin.sh writes them): CINdetailsID then counts within (SourceFile, LAchildID), and an episode
(LAchildID + CINreferralDate) found in several files is taken from the highest SourceFile, the later census, as the
Swift loader merges files (FORMATS.md §1, INDICATORS.md §7). Within one file a second referral of a child on the same
date is left out (the first is kept), and records whose required date is not a YYYY-MM-DD date are left out, as the
Swift importer does. Without a SourceFile column the directory is one file.

Output: stdout gets the rows of `improve indicators --format csv` for these six indicators,

    indicator,basis,period_start,period_end,numerator,denominator,value

value = 100 * numerator / denominator to 4 decimals, empty when the denominator is 0; sorted by indicator, basis,
period_start. stderr gets the timings:

    duckdb <seconds>            loading the CSVs plus computing (what is compared with `improve indicators`)
    duckdb-load <seconds>       reading the CSVs into typed tables
    duckdb-compute <seconds>    the indicators alone, from the loaded tables

Run (creates /tmp/benchvenv with duckdb when duckdb is missing):

    python3 Benchmarks/scripts/duckdb_indicators.py CSV_DIR --from 2019-04 --to 2024-03 [--threads N]
        [--holidays PATH/bank-holidays-england-and-wales.csv]
"""
import argparse
import datetime
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
import benchvenv  # noqa: E402

benchvenv.ensure("duckdb")
import duckdb  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

INDICATORS = [
    "cpp_lasting_2y_plus",
    "cpp_repeat_ever",
    "icpc_within_15wd_dfe",
    "re_referral_12m",
    "single_assessment_timeliness",
    "single_assessment_timeliness_dfe",
]
BASES = ["cumulative_ytd", "in_month", "rolling_12_months"]

# The columns each table must have (besides the optional SourceFile), from the community validator's tables.
TABLES = {
    "CINdetails": ["LAchildID", "CINdetailsID", "CINreferralDate"],
    "Assessments": ["LAchildID", "CINdetailsID", "AssessmentActualStartDate", "AssessmentAuthorisationDate"],
    "Section47": ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
    "ChildProtectionPlans": ["LAchildID", "CINdetailsID", "CPPstartDate", "CPPendDate", "NumberOfPreviousCPP"],
}


def default_holidays():
    """The project's calendar: shared/spec beside the repository (the workspace layout), else the Swift table."""
    for candidate in (os.path.join(REPO, "..", "shared", "spec", "bank-holidays-england-and-wales.csv"),
                      "/work/shared/spec/bank-holidays-england-and-wales.csv"):
        if os.path.exists(candidate):
            return os.path.normpath(candidate)
    return os.path.join(REPO, "Sources", "Domain", "Calendar", "BankHolidays.swift")


def read_holidays(path):
    """Holiday dates from the spec's CSV (date,name,source) or, failing that, from BankHolidays.swift."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    days = sorted(set(re.findall(r"\b(\d{4}-\d{2}-\d{2})\b", text)))
    if not days:
        sys.exit(f"duckdb_indicators: no holiday dates in {path}")
    return [datetime.date.fromisoformat(d) for d in days]


def months_between(first, last):
    """YYYY-MM strings, inclusive, as (year, month) pairs."""
    y, m = map(int, first.split("-"))
    y2, m2 = map(int, last.split("-"))
    if (y, m) > (y2, m2):
        sys.exit(f"duckdb_indicators: --from {first} is after --to {last}")
    out = []
    while (y, m) <= (y2, m2):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_end(y, m):
    nxt = datetime.date(y + 1, 1, 1) if m == 12 else datetime.date(y, m + 1, 1)
    return nxt - datetime.timedelta(days=1)


def periods(months):
    """(basis, start, end) for every month and basis (INDICATORS.md §2)."""
    rows = []
    for y, m in months:
        end = month_end(y, m)
        rows.append(("in_month", datetime.date(y, m, 1), end))
        rows.append(("cumulative_ytd", datetime.date(y if m >= 4 else y - 1, 4, 1), end))
        k = y * 12 + (m - 1) - 11
        rows.append(("rolling_12_months", datetime.date(k // 12, k % 12 + 1, 1), end))
    return rows


# A date as the Swift importer reads one: trimmed, a trailing "T..." time dropped, then strictly YYYY-MM-DD;
# anything else is NULL (not given).
PDATE_MACRO = r"""
CREATE OR REPLACE MACRO pdate(x) AS (
    CASE WHEN regexp_full_match(trim(x), '[0-9]{4}-[0-9]{2}-[0-9]{2}(T.*)?')
         THEN try_cast(left(trim(x), 10) AS DATE) END)
"""


def sql_string(text):
    return "'" + text.replace("'", "''") + "'"


def csv_source(path, cols):
    """read_csv over one table, every column as text (the tables hold raw values; empty cells are NULL)."""
    columns = "{" + ", ".join(f"{sql_string(c)}: 'VARCHAR'" for c in cols) + "}"
    return (f"read_csv({sql_string(path)}, header = true, delim = ',', quote = '\"', escape = '\"', "
            f"auto_detect = false, columns = {columns})")


def header(path):
    with open(path, encoding="utf-8-sig") as f:
        first = f.readline().strip()
    return [c.strip().strip('"') for c in first.split(",")] if first else []


def load(con, csv_dir, holidays):
    """The four tables as typed columns, plus the holiday list. Returns nothing; creates raw_* tables."""
    con.execute(PDATE_MACRO)
    con.execute("CREATE OR REPLACE TABLE holiday AS SELECT unnest(?::DATE[]) AS d", [holidays])
    selects = {
        "CINdetails": "child, eid, pdate(CINreferralDate) AS ref",
        "Assessments": "child, eid, pdate(AssessmentActualStartDate) AS st, pdate(AssessmentAuthorisationDate) AS au",
        "Section47": "child, eid, pdate(S47ActualStartDate) AS st, pdate(DateOfInitialCPC) AS icpc",
        "ChildProtectionPlans": (
            "child, eid, pdate(CPPstartDate) AS st, pdate(CPPendDate) AS en, "
            "CASE WHEN regexp_full_match(trim(NumberOfPreviousCPP), '[+-]?[0-9]+') "
            "THEN try_cast(trim(NumberOfPreviousCPP) AS BIGINT) END AS previous"),
    }
    for table, needed in TABLES.items():
        path = os.path.join(csv_dir, f"{table}.csv")
        if not os.path.exists(path):
            sys.exit(f"duckdb_indicators: {path} is missing (expected the CIN validator's {table} table)")
        cols = header(path)
        missing = [c for c in needed if c not in cols]
        if missing:
            sys.exit(f"duckdb_indicators: {path} lacks the column(s) {', '.join(missing)}")
        sf = "try_cast(SourceFile AS INTEGER)" if "SourceFile" in cols else "0"
        con.execute(
            f"""CREATE OR REPLACE TABLE raw_{table} AS
                SELECT {sf} AS sf, {selects[table]} FROM (
                    SELECT *, trim(LAchildID) AS child, try_cast(trim(CINdetailsID) AS INTEGER) AS eid
                    FROM {csv_source(path, cols)})""")


COMPUTE_SQL = r"""
-- Episodes: one per child and referral date. Across files the later census wins (higher SourceFile); within a file
-- the first of two same-day referrals is kept (lower CINdetailsID). Children without an id and referrals without a
-- readable date are left out with everything in them.
CREATE OR REPLACE TEMP TABLE ep AS
SELECT sf, child, eid, ref FROM (
    SELECT sf, child, eid, ref,
           row_number() OVER (PARTITION BY child, ref ORDER BY sf DESC, eid ASC) AS rn
    FROM raw_CINdetails
    WHERE ref IS NOT NULL AND child IS NOT NULL AND child <> '' AND eid IS NOT NULL)
WHERE rn = 1;

-- Nested records of the kept episodes only; each needs its own start date (else the importer leaves it out).
CREATE OR REPLACE TEMP TABLE asmt AS
SELECT a.st, a.au, ep.ref FROM raw_Assessments a JOIN ep USING (sf, child, eid) WHERE a.st IS NOT NULL;
CREATE OR REPLACE TEMP TABLE s47 AS
SELECT s.st, s.icpc FROM raw_Section47 s JOIN ep USING (sf, child, eid) WHERE s.st IS NOT NULL;
CREATE OR REPLACE TEMP TABLE plan AS
SELECT p.child, p.st, p.en, p.previous FROM raw_ChildProtectionPlans p JOIN ep USING (sf, child, eid)
WHERE p.st IS NOT NULL;

-- Working-day calendar over every date a duration can start or end on: cum = working days up to and including d.
CREATE OR REPLACE TEMP TABLE cal AS
WITH ends AS (
    SELECT min(ref) AS lo, max(ref) AS hi FROM ep
    UNION ALL SELECT least(min(st), min(au)), greatest(max(st), max(au)) FROM asmt
    UNION ALL SELECT least(min(st), min(icpc)), greatest(max(st), max(icpc)) FROM s47),
bounds AS (SELECT min(lo) AS lo, max(hi) AS hi FROM ends),
days AS (
    SELECT CAST(t AS DATE) AS d
    FROM bounds, unnest(generate_series(CAST(bounds.lo AS TIMESTAMP), CAST(bounds.hi AS TIMESTAMP), INTERVAL 1 DAY)) AS g(t)
    WHERE bounds.lo IS NOT NULL)
SELECT days.d,
       sum(CASE WHEN isodow(days.d) <= 5 AND holiday.d IS NULL THEN 1 ELSE 0 END) OVER (ORDER BY days.d) AS cum
FROM days LEFT JOIN holiday ON holiday.d = days.d;

-- One row per counted record: its indicator, qualifying date and whether it meets the standard.
CREATE OR REPLACE TEMP TABLE events AS
SELECT 'single_assessment_timeliness' AS indicator, a.au AS q, cb.cum - ca.cum <= 45 AS met
FROM asmt a JOIN cal ca ON ca.d = a.ref JOIN cal cb ON cb.d = a.au
WHERE a.au IS NOT NULL AND cb.cum - ca.cum >= 0
UNION ALL
SELECT 'single_assessment_timeliness_dfe', a.au, cb.cum - ca.cum <= 45
FROM asmt a JOIN cal ca ON ca.d = a.st JOIN cal cb ON cb.d = a.au
WHERE a.au IS NOT NULL AND cb.cum - ca.cum >= 0
UNION ALL
SELECT 'icpc_within_15wd_dfe', s.icpc, cb.cum - ca.cum <= 15
FROM s47 s JOIN cal ca ON ca.d = s.st JOIN cal cb ON cb.d = s.icpc
WHERE s.icpc IS NOT NULL AND cb.cum - ca.cum >= 0
UNION ALL
SELECT 're_referral_12m', ref,
       coalesce(lag(ref) OVER (PARTITION BY child ORDER BY ref) >= CAST(ref - INTERVAL 12 MONTH AS DATE), false)
FROM ep
UNION ALL
SELECT 'cpp_repeat_ever', st, previous OR st > min(st) OVER (PARTITION BY child)
FROM (SELECT child, st, bool_or(coalesce(previous, 0) > 0) AS previous FROM plan GROUP BY child, st)
UNION ALL
SELECT 'cpp_lasting_2y_plus', en, en >= CAST(st + INTERVAL 24 MONTH AS DATE)
FROM plan WHERE en IS NOT NULL AND en >= st;

-- Counts per indicator and day, then summed over each period (both ends included).
CREATE OR REPLACE TEMP TABLE daily AS
SELECT indicator, q, count(*) AS den, count(*) FILTER (WHERE met) AS num FROM events GROUP BY indicator, q;
"""

RESULT_SQL = """
SELECT i.indicator, p.basis, p.ps, p.pe, coalesce(sum(d.num), 0) AS num, coalesce(sum(d.den), 0) AS den
FROM (SELECT unnest(?::VARCHAR[]) AS indicator) i
CROSS JOIN period p
LEFT JOIN daily d ON d.indicator = i.indicator AND d.q BETWEEN p.ps AND p.pe
GROUP BY i.indicator, p.basis, p.ps, p.pe
ORDER BY i.indicator, p.basis, p.ps, p.pe
"""


def compute(con, months):
    """Rows (indicator, basis, start, end, numerator, denominator) for every month and basis."""
    rows = periods(months)
    con.execute("CREATE OR REPLACE TEMP TABLE period (basis VARCHAR, ps DATE, pe DATE)")
    con.executemany("INSERT INTO period VALUES (?, ?, ?)", rows)
    con.execute(COMPUTE_SQL)
    return con.execute(RESULT_SQL, [INDICATORS]).fetchall()


def csv_line(row):
    indicator, basis, start, end, num, den = row
    value = f"{100 * num / den:.4f}" if den else ""
    return f"{indicator},{basis},{start.isoformat()},{end.isoformat()},{num},{den},{value}"


def run(csv_dir, first, last, threads=None, holidays_path=None):
    """Loads and computes; returns (rows, load seconds, compute seconds)."""
    months = months_between(first, last)
    holidays = read_holidays(holidays_path or default_holidays())
    con = duckdb.connect(":memory:")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    t0 = time.perf_counter()
    load(con, csv_dir, holidays)
    t1 = time.perf_counter()
    rows = compute(con, months)
    t2 = time.perf_counter()
    con.close()
    return rows, t1 - t0, t2 - t1


def main(argv=None):
    ap = argparse.ArgumentParser(description="Six CIN indicators in DuckDB from the CIN validator's CSV tables.")
    ap.add_argument("csv_dir", help="folder with CINdetails.csv, Assessments.csv, Section47.csv, ChildProtectionPlans.csv")
    ap.add_argument("--from", dest="first", required=True, help="first month, YYYY-MM")
    ap.add_argument("--to", dest="last", required=True, help="last month, YYYY-MM")
    ap.add_argument("--threads", type=int, help="DuckDB threads (default: DuckDB's, one per core)")
    ap.add_argument("--holidays", help="bank holidays (spec CSV); default: shared/spec beside the repository")
    args = ap.parse_args(argv)
    for flag, value in (("from", args.first), ("to", args.last)):
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
            sys.exit(f"duckdb_indicators: --{flag} '{value}' is not a YYYY-MM month")

    rows, load_s, compute_s = run(args.csv_dir, args.first, args.last, args.threads, args.holidays)
    out = ["indicator,basis,period_start,period_end,numerator,denominator,value"]
    out += [csv_line(r) for r in rows]
    sys.stdout.write("\n".join(out) + "\n")
    sys.stdout.flush()
    print(f"duckdb {load_s + compute_s:.6f}", file=sys.stderr)
    print(f"duckdb-load {load_s:.6f}", file=sys.stderr)
    print(f"duckdb-compute {compute_s:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
