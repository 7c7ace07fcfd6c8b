#!/usr/bin/env python3
"""DuckDB second reading of `improve indicators` for the CIN census, written from the specification alone.

An independent implementation, in DuckDB SQL, of the CIN census indicators of spec/INDICATORS.md (§1 conventions,
§2 periods, §3.3-3.9, §3.19 ids, §6 decisions and the readings of §7), computed from the CSV tables that
`improve tables` writes (the community CIN validator's column names). It was written without reading the product's
code; where the specification leaves a choice, the reading taken is listed in Benchmarks/second_reading/README.md.

Indicators (see INDICATORS below; event indicators are reported in_month, cumulative_ytd and rolling_12_months,
cohort indicators as a snapshot at each month's last day):

    single_assessment_timeliness        assessments authorised in the period; met when wd(episode's CINreferralDate,
                                        AssessmentAuthorisationDate) <= 45; authorised before the referral: left out
    single_assessment_timeliness_dfe    the same from AssessmentActualStartDate (left out when authorised before it)
    single_assessment_overdue_open      snapshot at D: the number of assessments open at D (started on or before D,
                                        not authorised by D) with wd(CINreferralDate, D) > 45; a count, over 1
    re_referral_12m                     referral days (child + CINreferralDate, once) in the period; met when the child
                                        has a referral in [addMonths(current, -12), current)
    referrals_to_assessment             referral days; met when any of that day's episodes holds an assessment
    referrals_nfa                       referral days; met when any of that day's episodes has ReferralNFA true
    cpp_repeat_ever                     plan starts (child + CPPstartDate, once); met when the child has a strictly
                                        earlier plan start or NumberOfPreviousCPP > 0
    cpp_repeat_ever_children            children with a plan start in the period; met when any of them is a repeat
    cpp_repeat_within_2y                plan starts; met when an earlier plan ended in [addMonths(start, -24), start)
    cpp_lasting_2y_plus                 plans ending in the period, end >= start; met when end >= addMonths(start, 24)
                                        (a plan is a child + CPPstartDate: records sharing both are one plan, which
                                        ends when all of them have, on the latest end date)
    cpp_open_2y_plus_snapshot           snapshot at D: plans (child + start) open at D; met when D >= addMonths(start, 24)
    cp_reviews_on_time                  snapshot at D: children whose current plan (latest start among plans open at D)
                                        started on or before addMonths(D, -3); met when every review in [start, D]
                                        was on time and D is not past the next due date
    cp_review_conferences_in_month_on_time  review conferences (plan + date, once) held in the period; met when on
                                        or before addMonths(start, 3) for the first, addMonths(previous, 6) after
    icpc_within_15wd_dfe                Section47 rows with DateOfInitialCPC in the period; met when
                                        wd(S47ActualStartDate, DateOfInitialCPC) <= 15; ICPC before the start left out

Working days (§1.1): wd(a, b) = #{working d : a < d <= b}, the start is day 0; a working day is Monday to Friday and
not an England and Wales bank holiday (spec/bank-holidays-england-and-wales.csv; outside the table's years only
weekends, with a warning). Month arithmetic (§1.2): calendar months clamped to the month's end (DuckDB's
`date + INTERVAL k MONTH` does exactly this).

Input: CSV_DIR holds the tables as `<Table>.csv` (CINdetails, Assessments, Section47, ChildProtectionPlans, Reviews
are read). Several census files' tables may be concatenated (concat_tables.py) with a first integer column
`SourceFile`, the file's position when ordered by census reference date. Every CINdetails of a file is an episode,
even two of one child on one date. Across files an episode is matched by LAchildID + CINreferralDate and the later
census's version wins; when a child has several episodes on one referral date, an older file's episode matches a
kept one it agrees with (its dates are the same as, or fewer than, the kept one's), else the next unmatched kept one
in order, else it is added. Without a SourceFile column the directory is one file. A record whose required date
(CINreferralDate, AssessmentActualStartDate, S47ActualStartDate, CPPstartDate, CPPreviewDate) is not a YYYY-MM-DD
date is left out; an unreadable optional date counts as absent.

The validator's Reviews table (and so `improve tables`) holds only the first CPPreviewDate of each <Reviews> block; a
`ReviewDates.csv` with the same columns and one row per CPPreviewDate (Benchmarks/second_reading/compare_cin.py
writes it from the XML) is read in its place when present. Without it the review indicators see first dates only.

Output: stdout gets the rows of `improve indicators --format csv` for these indicators,

    indicator,basis,period_start,period_end,numerator,denominator,value

value = 100 * numerator / denominator to 4 decimals (half up from the exact quotient), empty when the denominator is
0; sorted by indicator, basis, period_start, period_end. stderr gets the timings:

    duckdb <seconds>            loading the CSVs plus computing (what is compared with `improve indicators`)
    duckdb-load <seconds>       reading the CSVs into typed tables (and merging the files' episodes)
    duckdb-compute <seconds>    the indicators alone, from the loaded tables

Run (creates /tmp/benchvenv with duckdb when duckdb is missing):

    python3 Benchmarks/scripts/duckdb_indicators.py CSV_DIR --from 2019-04 --to 2024-03 [--threads N]
        [--holidays PATH/bank-holidays-england-and-wales.csv] [--only id,id,...]
"""
import argparse
import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
import benchvenv  # noqa: E402

benchvenv.ensure("duckdb")
import duckdb  # noqa: E402

EVENT_INDICATORS = [
    "cp_review_conferences_in_month_on_time",
    "cpp_lasting_2y_plus",
    "cpp_repeat_ever",
    "cpp_repeat_ever_children",
    "cpp_repeat_within_2y",
    "icpc_within_15wd_dfe",
    "re_referral_12m",
    "referrals_nfa",
    "referrals_to_assessment",
    "single_assessment_timeliness",
    "single_assessment_timeliness_dfe",
]
SNAPSHOT_INDICATORS = [
    "cp_reviews_on_time",
    "cpp_open_2y_plus_snapshot",
    "single_assessment_overdue_open",
]
# Every indicator id this script computes (selftest.py and compare_cin.py import it).
INDICATORS = sorted(EVENT_INDICATORS + SNAPSHOT_INDICATORS)
EVENT_BASES = ["cumulative_ytd", "in_month", "rolling_12_months"]

TABLES = {
    "CINdetails": ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate", "DateOfInitialCPC",
                   "ReferralNFA"],
    "Assessments": ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate",
                    "AssessmentAuthorisationDate"],
    "CINplanDates": ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
    "Section47": ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
    "ChildProtectionPlans": ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate",
                             "NumberOfPreviousCPP"],
    "Reviews": ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"],
}


# --- calendar and periods --------------------------------------------------------------------------------------------

def default_holidays():
    """spec/bank-holidays-england-and-wales.csv: $CIN_HOLIDAYS, else shared/spec beside the repository."""
    env = os.environ.get("CIN_HOLIDAYS")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    for cand in (os.path.join(os.path.dirname(repo), "shared", "spec", "bank-holidays-england-and-wales.csv"),
                 os.path.join(repo, "spec", "bank-holidays-england-and-wales.csv"),
                 "/work/shared/spec/bank-holidays-england-and-wales.csv"):
        if os.path.exists(cand):
            return cand
    sys.exit("duckdb_indicators: bank-holidays-england-and-wales.csv not found; pass --holidays")


def read_holidays(path):
    """The bank holidays of the spec CSV (`date,name,source`), as ISO date strings."""
    out = []
    with open(path, encoding="utf-8") as f:
        for k, line in enumerate(f):
            first = line.split(",", 1)[0].strip()
            if k == 0 and first == "date":
                continue
            if first:
                datetime.date.fromisoformat(first)
                out.append(first)
    return out


def parse_month(text):
    y, m = text.split("-")
    return int(y), int(m)


def months_between(first, last):
    """[(y, m), ...] from first to last inclusive (YYYY-MM strings)."""
    y, m = parse_month(first)
    ly, lm = parse_month(last)
    if (y, m) > (ly, lm):
        sys.exit(f"duckdb_indicators: --from {first} is after --to {last}")
    out = []
    while (y, m) <= (ly, lm):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_end(y, m):
    nxt = datetime.date(y + 1, 1, 1) if m == 12 else datetime.date(y, m + 1, 1)
    return nxt - datetime.timedelta(days=1)


def shift_month(y, m, k):
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def periods(months):
    """(basis, period_start, period_end) for every month and basis (§2, §7)."""
    out = []
    for y, m in months:
        last = month_end(y, m)
        first = datetime.date(y, m, 1)
        fy = y if m >= 4 else y - 1
        ry, rm = shift_month(y, m, -11)
        out.append(("in_month", first, last))
        out.append(("cumulative_ytd", datetime.date(fy, 4, 1), last))
        out.append(("rolling_12_months", datetime.date(ry, rm, 1), last))
        out.append(("snapshot", last, last))
    return out


# --- loading ---------------------------------------------------------------------------------------------------------

def sql_string(text):
    return "'" + text.replace("'", "''") + "'"


def header(path):
    with open(path, encoding="utf-8-sig") as f:
        return [c.strip().strip('"') for c in f.readline().rstrip("\r\n").split(",")]


def date_expr(col):
    """A column as DATE when it is a YYYY-MM-DD date, else NULL."""
    c = f"trim(\"{col}\")"
    return (f"CASE WHEN regexp_full_match({c}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') "
            f"THEN try_strptime({c}, '%Y-%m-%d')::DATE END")


def raw_table(con, csv_dir, table):
    """Creates raw_<table> (all VARCHAR, with SourceFile) from the CSV, or an empty one when the file is absent."""
    cols = TABLES[table]
    path = os.path.join(csv_dir, f"{table}.csv")
    if table == "Reviews" and os.path.exists(os.path.join(csv_dir, "ReviewDates.csv")):
        # The validator's Reviews table keeps only the first CPPreviewDate of each <Reviews> block; ReviewDates.csv
        # (same columns, one row per CPPreviewDate) is read instead when present.
        path = os.path.join(csv_dir, "ReviewDates.csv")
    if os.path.exists(path) and os.path.getsize(path) > 0:
        have = header(path)
        missing = [c for c in cols if c not in have]
        if missing:
            sys.exit(f"duckdb_indicators: {path} lacks column(s) {', '.join(missing)}")
        src = "SourceFile" if "SourceFile" in have else "'1'"
        names = ", ".join(f'"{c}"' for c in cols)
        con.execute(f"""CREATE TABLE raw_{table} AS
            SELECT CAST({src} AS INTEGER) AS SourceFile, {names}
            FROM read_csv({sql_string(path)}, header = true, all_varchar = true, auto_detect = true)""")
    else:
        defs = ", ".join(f'"{c}" VARCHAR' for c in cols)
        con.execute(f"CREATE TABLE raw_{table} (SourceFile INTEGER, {defs})")


def load(con, csv_dir, holidays):
    for table in TABLES:
        raw_table(con, csv_dir, table)
    if not os.path.exists(os.path.join(csv_dir, "CINdetails.csv")):
        sys.exit(f"duckdb_indicators: {csv_dir}/CINdetails.csv is missing")

    # Working-day calendar: cum(d) = working days up to and including d, so wd(a, b) = cum(b) - cum(a).
    con.execute("CREATE TABLE hol (d DATE)")
    if holidays:
        con.executemany("INSERT INTO hol VALUES (?)", [(h,) for h in holidays])
    con.execute("""CREATE TABLE cal AS
        SELECT d, sum(CASE WHEN isodow(d) <= 5 AND NOT is_hol THEN 1 ELSE 0 END) OVER (ORDER BY d) AS cum
        FROM (SELECT r::DATE AS d, r::DATE IN (SELECT d FROM hol) AS is_hol
              FROM range(DATE '1900-01-01', DATE '2101-01-01', INTERVAL 1 DAY) t(r))""")

    # Typed tables; a record whose required date is unreadable is left out.
    con.execute(f"""CREATE TABLE ep_all AS
        SELECT SourceFile AS src, LAchildID AS child, CAST(CINdetailsID AS INTEGER) AS eid,
               {date_expr('CINreferralDate')} AS ref, {date_expr('CINclosureDate')} AS closure,
               {date_expr('DateOfInitialCPC')} AS ep_icpc,
               coalesce(lower(trim(ReferralNFA)) IN ('true', '1'), false) AS nfa
        FROM raw_CINdetails""")
    con.execute("DELETE FROM ep_all WHERE ref IS NULL OR child IS NULL OR trim(child) = ''")
    con.execute(f"""CREATE TABLE asm_all AS
        SELECT SourceFile AS src, LAchildID AS child, CAST(CINdetailsID AS INTEGER) AS eid,
               CAST(AssessmentID AS INTEGER) AS aid,
               {date_expr('AssessmentActualStartDate')} AS astart, {date_expr('AssessmentAuthorisationDate')} AS auth
        FROM raw_Assessments""")
    con.execute("DELETE FROM asm_all WHERE astart IS NULL")
    con.execute(f"""CREATE TABLE cinp_all AS
        SELECT SourceFile AS src, LAchildID AS child, CAST(CINdetailsID AS INTEGER) AS eid,
               {date_expr('CINPlanStartDate')} AS pstart, {date_expr('CINPlanEndDate')} AS pend
        FROM raw_CINplanDates""")
    con.execute(f"""CREATE TABLE s47_all AS
        SELECT SourceFile AS src, LAchildID AS child, CAST(CINdetailsID AS INTEGER) AS eid,
               {date_expr('S47ActualStartDate')} AS s47start, {date_expr('DateOfInitialCPC')} AS icpc
        FROM raw_Section47""")
    con.execute("DELETE FROM s47_all WHERE s47start IS NULL")
    con.execute(f"""CREATE TABLE cpp_all AS
        SELECT SourceFile AS src, LAchildID AS child, CAST(CINdetailsID AS INTEGER) AS eid,
               CAST(CPPID AS INTEGER) AS pid,
               {date_expr('CPPstartDate')} AS start, {date_expr('CPPendDate')} AS "end",
               coalesce(try_cast(trim(NumberOfPreviousCPP) AS BIGINT), 0) AS nprev
        FROM raw_ChildProtectionPlans""")
    con.execute("DELETE FROM cpp_all WHERE start IS NULL")
    con.execute(f"""CREATE TABLE rev_all AS
        SELECT SourceFile AS src, LAchildID AS child, CAST(CINdetailsID AS INTEGER) AS eid,
               CAST(CPPID AS INTEGER) AS pid, {date_expr('CPPreviewDate')} AS rdate
        FROM raw_Reviews""")
    con.execute("DELETE FROM rev_all WHERE rdate IS NULL")

    merge_episodes(con)

    # The kept episodes' records.
    con.execute("CREATE TABLE ep AS SELECT e.* FROM ep_all e JOIN kept USING (src, child, eid)")
    for t in ("asm", "cinp", "s47", "cpp", "rev"):
        con.execute(f"CREATE TABLE {t} AS SELECT x.*, e.ref FROM {t}_all x JOIN ep e USING (src, child, eid)")
    # Reviews belong to a plan of the same episode.
    con.execute("""CREATE OR REPLACE TABLE rev AS
        SELECT r.*, p.start FROM rev r JOIN cpp p USING (src, child, eid, pid)""")

    lo, hi = con.execute("""SELECT min(d), max(d) FROM (
        SELECT ref AS d FROM ep UNION ALL SELECT closure FROM ep UNION ALL SELECT astart FROM asm
        UNION ALL SELECT auth FROM asm UNION ALL SELECT s47start FROM s47 UNION ALL SELECT icpc FROM s47
        UNION ALL SELECT start FROM cpp UNION ALL SELECT "end" FROM cpp UNION ALL SELECT rdate FROM rev)""").fetchone()
    if holidays and lo is not None:
        hy = sorted(holidays)
        if lo.isoformat()[:4] < hy[0][:4] or hi.isoformat()[:4] > hy[-1][:4]:
            print(f"duckdb_indicators: warning: dates from {lo} to {hi} reach outside the bank-holiday table "
                  f"({hy[0][:4]}-{hy[-1][:4]}); only weekends are non-working there", file=sys.stderr)


def merge_episodes(con):
    """Creates `kept(src, child, eid)`: the episodes left after merging the census files (later file wins)."""
    con.execute("""CREATE TABLE grp AS
        SELECT child, ref, max(n) AS most, max(src) AS last_src FROM (
            SELECT child, ref, src, count(*) AS n FROM ep_all GROUP BY ALL) GROUP BY ALL""")
    # One episode per file on that date (the usual case): the latest file's version.
    con.execute("""CREATE TABLE kept AS
        SELECT e.src, e.child, e.eid FROM ep_all e JOIN grp g ON g.child = e.child AND g.ref = e.ref
        WHERE g.most = 1 AND e.src = g.last_src""")
    # Several episodes of a child on one date in some file: match them in Python, by their dates.
    rows = con.execute("""
        WITH multi AS (SELECT child, ref FROM grp WHERE most > 1),
        e AS (SELECT e.* FROM ep_all e SEMI JOIN multi m ON m.child = e.child AND m.ref = e.ref),
        d AS (
            SELECT src, child, eid, 'closure' AS k, closure AS d FROM e WHERE closure IS NOT NULL
            UNION ALL SELECT src, child, eid, 'ep_icpc', ep_icpc FROM e WHERE ep_icpc IS NOT NULL
            UNION ALL SELECT src, child, eid, 'a_start', astart FROM asm_all SEMI JOIN e USING (src, child, eid)
            UNION ALL SELECT src, child, eid, 'a_auth', auth FROM asm_all SEMI JOIN e USING (src, child, eid)
                WHERE auth IS NOT NULL
            UNION ALL SELECT src, child, eid, 'cin_start', pstart FROM cinp_all SEMI JOIN e USING (src, child, eid)
                WHERE pstart IS NOT NULL
            UNION ALL SELECT src, child, eid, 'cin_end', pend FROM cinp_all SEMI JOIN e USING (src, child, eid)
                WHERE pend IS NOT NULL
            UNION ALL SELECT src, child, eid, 's47_start', s47start FROM s47_all SEMI JOIN e USING (src, child, eid)
            UNION ALL SELECT src, child, eid, 's47_icpc', icpc FROM s47_all SEMI JOIN e USING (src, child, eid)
                WHERE icpc IS NOT NULL
            UNION ALL SELECT src, child, eid, 'cpp_start', start FROM cpp_all SEMI JOIN e USING (src, child, eid)
            UNION ALL SELECT src, child, eid, 'cpp_end', "end" FROM cpp_all SEMI JOIN e USING (src, child, eid)
                WHERE "end" IS NOT NULL
            UNION ALL SELECT src, child, eid, 'review', rdate FROM rev_all SEMI JOIN e USING (src, child, eid))
        SELECT e.child, e.ref, e.src, e.eid, list(d.k || ':' || d.d::VARCHAR) FILTER (WHERE d.k IS NOT NULL)
        FROM e LEFT JOIN d USING (src, child, eid) GROUP BY ALL ORDER BY e.child, e.ref, e.src DESC, e.eid""").fetchall()
    groups = {}
    for child, ref, src, eid, dates in rows:
        groups.setdefault((child, ref), {}).setdefault(src, []).append((eid, multiset(dates or [])))
    extra = []
    for (child, _ref), by_src in groups.items():
        kept = []  # [(src, eid, dates)] in order: latest file first, then episodes added from older files
        for src in sorted(by_src, reverse=True):
            eps = by_src[src]
            if not kept:
                kept = [(src, eid, ds) for eid, ds in eps]
                continue
            taken = [False] * len(kept)
            unmatched = []
            for eid, ds in eps:  # 1. the kept episode it agrees with (same or fewer dates), the closest first
                best = None
                for k, (_s, _e, kds) in enumerate(kept):
                    if not taken[k] and subset(ds, kds):
                        more = sum(kds.values()) - sum(ds.values())
                        if best is None or more < best[0]:
                            best = (more, k)
                if best is None:
                    unmatched.append((eid, ds))
                else:
                    taken[best[1]] = True
            added = []
            for eid, ds in unmatched:  # 2. else the next unmatched kept episode in order; 3. else added
                k = next((k for k in range(len(kept)) if not taken[k]), None)
                if k is None:
                    added.append((src, eid, ds))
                else:
                    taken[k] = True
            kept += added
        extra += [(src, child, eid) for src, eid, _ in kept]
    con.execute("CREATE TABLE kept_multi (src INTEGER, child VARCHAR, eid INTEGER)")
    if extra:
        con.executemany("INSERT INTO kept_multi VALUES (?, ?, ?)", extra)
    con.execute("INSERT INTO kept SELECT * FROM kept_multi")


def multiset(items):
    out = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return out


def subset(a, b):
    return all(b.get(k, 0) >= n for k, n in a.items())


# --- indicators ------------------------------------------------------------------------------------------------------

COMPUTE_SQL = [
    # Event rows: (ind, q = qualifying date, met, unit = a key for per-child distinct counts or NULL).
    """CREATE TABLE ev (ind VARCHAR, q DATE, met BOOLEAN, unit VARCHAR)""",
    # §3.3 and §7: every assessment with an authorisation date, on each variant's own clock.
    """INSERT INTO ev
       SELECT 'single_assessment_timeliness', a.auth, cb.cum - cr.cum <= 45, NULL
       FROM asm a JOIN cal cr ON cr.d = a.ref JOIN cal cb ON cb.d = a.auth
       WHERE a.auth IS NOT NULL AND a.auth >= a.ref""",
    """INSERT INTO ev
       SELECT 'single_assessment_timeliness_dfe', a.auth, cb.cum - cs.cum <= 45, NULL
       FROM asm a JOIN cal cs ON cs.d = a.astart JOIN cal cb ON cb.d = a.auth
       WHERE a.auth IS NOT NULL AND a.auth >= a.astart""",
    # §3.5, §3.4, §7: referral days (a child's referrals on one date count once).
    """CREATE TABLE rday AS
       SELECT e.child, e.ref AS d, bool_or(e.nfa) AS nfa,
              bool_or(EXISTS (SELECT 1 FROM asm a WHERE a.src = e.src AND a.child = e.child AND a.eid = e.eid))
                  AS assessed
       FROM ep e GROUP BY ALL""",
    """INSERT INTO ev
       SELECT 're_referral_12m', r.d,
              EXISTS (SELECT 1 FROM rday p WHERE p.child = r.child AND p.d < r.d
                      AND p.d >= CAST(r.d - INTERVAL 12 MONTH AS DATE)), NULL
       FROM rday r""",
    """INSERT INTO ev SELECT 'referrals_to_assessment', d, assessed, NULL FROM rday""",
    """INSERT INTO ev SELECT 'referrals_nfa', d, nfa, NULL FROM rday""",
    # §3.6, §7: plan starts (a child's plans with one start date are one plan start).
    """CREATE TABLE pstart AS
       SELECT child, start, bool_or(nprev > 0) AS nprev_pos FROM cpp GROUP BY ALL""",
    """CREATE TABLE pstart_flags AS
       SELECT s.child, s.start,
              s.nprev_pos OR EXISTS (SELECT 1 FROM pstart o WHERE o.child = s.child AND o.start < s.start) AS rep_ever,
              EXISTS (SELECT 1 FROM cpp o WHERE o.child = s.child AND o.start < s.start AND o."end" < s.start
                      AND o."end" >= CAST(s.start - INTERVAL 24 MONTH AS DATE)) AS rep_2y
       FROM pstart s""",
    """INSERT INTO ev SELECT 'cpp_repeat_ever', start, rep_ever, NULL FROM pstart_flags""",
    """INSERT INTO ev SELECT 'cpp_repeat_within_2y', start, rep_2y, NULL FROM pstart_flags""",
    """INSERT INTO ev SELECT 'cpp_repeat_ever_children', start, rep_ever, child FROM pstart_flags""",
    # A plan is a child + CPPstartDate (§7: a child's plans with one start date are one plan): its records together;
    # it ends when every record has ended, on the latest end date (pend = 9999-12-31 while any record is open).
    """CREATE TABLE plan AS
       SELECT child, start, max(coalesce("end", DATE '9999-12-31')) AS pend FROM cpp GROUP BY ALL""",
    # §3.7, §7: plans ending in the period, negative durations left out.
    """INSERT INTO ev
       SELECT 'cpp_lasting_2y_plus', pend, pend >= CAST(start + INTERVAL 24 MONTH AS DATE), NULL
       FROM plan WHERE pend < DATE '9999-12-31' AND pend >= start""",
    # §3.9, §7: each section 47 enquiry with an ICPC date, clock from the S47 start.
    """INSERT INTO ev
       SELECT 'icpc_within_15wd_dfe', s.icpc, ci.cum - cs.cum <= 15, NULL
       FROM s47 s JOIN cal cs ON cs.d = s.s47start JOIN cal ci ON ci.d = s.icpc
       WHERE s.icpc IS NOT NULL AND s.icpc >= s.s47start""",
    # §3.8: review conferences of a plan (child + start, all its records), dates on or after the start, each date once; due on
    # addMonths(start, 3) for the first, addMonths(previous, 6) for the next.
    """CREATE TABLE prev AS
       SELECT child, start, rdate,
              CASE WHEN prevd IS NULL THEN CAST(start + INTERVAL 3 MONTH AS DATE)
                   ELSE CAST(prevd + INTERVAL 6 MONTH AS DATE) END AS due
       FROM (SELECT child, start, rdate, lag(rdate) OVER (PARTITION BY child, start ORDER BY rdate) AS prevd
             FROM (SELECT DISTINCT child, start, rdate FROM rev WHERE rdate >= start))""",
    """INSERT INTO ev SELECT 'cp_review_conferences_in_month_on_time', rdate, rdate <= due, NULL FROM prev""",
    # Snapshot rows: (ind, d = snapshot date, met).
    """CREATE TABLE snap (ind VARCHAR, d DATE, met BOOLEAN)""",
    # §1.3: open assessments at D; overdue when more than 45 working days from the referral have passed at D.
    """INSERT INTO snap
       SELECT 'single_assessment_overdue_open', s.d, cd.cum - cr.cum > 45
       FROM snapdays s JOIN asm a ON a.astart <= s.d AND (a.auth IS NULL OR a.auth > s.d)
            JOIN cal cr ON cr.d = a.ref JOIN cal cd ON cd.d = s.d""",
    # Plans (child + start) open at D: start <= D and not ended by D.
    """INSERT INTO snap
       SELECT 'cpp_open_2y_plus_snapshot', s.d, s.d >= CAST(p.start + INTERVAL 24 MONTH AS DATE)
       FROM snapdays s JOIN plan p ON p.start <= s.d AND p.pend > s.d""",
    # §3.8 / §7 snapshot: the child's current plan = latest start among plans open at D.
    """INSERT INTO snap
       WITH cur AS (
           SELECT s.d, p.child, max(p.start) AS start
           FROM snapdays s JOIN plan p ON p.start <= s.d AND p.pend > s.d GROUP BY ALL),
       cohort AS (SELECT * FROM cur WHERE start <= CAST(d - INTERVAL 3 MONTH AS DATE)),
       judged AS (
           SELECT c.d, c.child, c.start, bool_and(r.rdate <= r.due) AS all_on_time, max(r.rdate) AS last_review
           FROM cohort c LEFT JOIN prev r ON r.child = c.child AND r.start = c.start AND r.rdate <= c.d
           GROUP BY ALL)
       SELECT 'cp_reviews_on_time', d,
              coalesce(all_on_time, true) AND d <= CASE WHEN last_review IS NULL
                  THEN CAST(start + INTERVAL 3 MONTH AS DATE) ELSE CAST(last_review + INTERVAL 6 MONTH AS DATE) END
       FROM judged""",
]


def compute(con, months):
    per = periods(months)
    con.execute("CREATE TABLE per (basis VARCHAR, ps DATE, pe DATE)")
    con.executemany("INSERT INTO per VALUES (?, ?, ?)", per)
    con.execute("CREATE TABLE snapdays AS SELECT DISTINCT pe AS d FROM per WHERE basis = 'snapshot'")
    for sql in COMPUTE_SQL:
        con.execute(sql)
    con.execute("CREATE TABLE inds (ind VARCHAR, kind VARCHAR)")
    con.executemany("INSERT INTO inds VALUES (?, ?)",
                    [(i, "event") for i in EVENT_INDICATORS] + [(i, "snapshot") for i in SNAPSHOT_INDICATORS])
    return con.execute("""
        WITH ev_counts AS (
            SELECT e.ind, p.basis, p.ps, p.pe,
                   CASE WHEN any_value(e.unit) IS NULL THEN count(*) FILTER (WHERE e.met)
                        ELSE count(DISTINCT e.unit) FILTER (WHERE e.met) END AS num,
                   CASE WHEN any_value(e.unit) IS NULL THEN count(*) ELSE count(DISTINCT e.unit) END AS den
            FROM per p JOIN ev e ON e.q BETWEEN p.ps AND p.pe
            WHERE p.basis <> 'snapshot' GROUP BY ALL),
        snap_counts AS (
            SELECT s.ind, 'snapshot' AS basis, s.d AS ps, s.d AS pe,
                   count(*) FILTER (WHERE s.met) AS num, count(*) AS den
            FROM snap s GROUP BY ALL),
        grid AS (
            SELECT i.ind, p.basis, p.ps, p.pe FROM inds i JOIN per p
              ON (i.kind = 'event' AND p.basis <> 'snapshot') OR (i.kind = 'snapshot' AND p.basis = 'snapshot'))
        SELECT g.ind, g.basis, strftime(g.ps, '%Y-%m-%d'), strftime(g.pe, '%Y-%m-%d'),
               coalesce(c.num, s.num, 0), coalesce(c.den, s.den, 0)
        FROM grid g
        LEFT JOIN ev_counts c ON c.ind = g.ind AND c.basis = g.basis AND c.ps = g.ps AND c.pe = g.pe
        LEFT JOIN snap_counts s ON s.ind = g.ind AND s.basis = g.basis AND s.ps = g.ps
        ORDER BY 1, 2, 3, 4""").fetchall()


def value_text(num, den):
    """100 * num / den to 4 decimal places, half up from the exact quotient (integer arithmetic); '' when den is 0."""
    if not den:
        return ""
    v = (2 * 1_000_000 * num + den) // (2 * den)  # round(10^4 * 100 * num / den), halves up
    return f"{v // 10000}.{v % 10000:04d}"


COUNTS = {"single_assessment_overdue_open"}


def csv_line(row):
    ind, basis, ps, pe, num, den = row[:6]
    value = f"{num}.0000" if ind in COUNTS else value_text(num, den)
    return f"{ind},{basis},{ps},{pe},{num},{den},{value}"


def run(csv_dir, first, last, threads=None, holidays_path=None, only=None):
    """(rows, load seconds, compute seconds); rows are (indicator, basis, start, end, numerator, denominator)."""
    months = months_between(first, last)
    holidays = read_holidays(holidays_path or default_holidays())
    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    t0 = time.perf_counter()
    load(con, csv_dir, holidays)
    t1 = time.perf_counter()
    rows = compute(con, months)
    t2 = time.perf_counter()
    con.close()
    # §1.3: the backlog is "a companion backlog count": the number overdue, divided by one (the value is the count).
    rows = [(r[0], r[1], r[2], r[3], r[4], 1) + tuple(r[6:]) if r[0] in COUNTS else r for r in rows]
    if only:
        rows = [r for r in rows if r[0] in only]
    return rows, t1 - t0, t2 - t1


def main(argv=None):
    ap = argparse.ArgumentParser(description="CIN census indicators in DuckDB SQL from `improve tables` CSVs.")
    ap.add_argument("csv_dir", help="folder with CINdetails.csv, Assessments.csv, Section47.csv, "
                                    "ChildProtectionPlans.csv, Reviews.csv (optionally with a SourceFile column)")
    ap.add_argument("--from", dest="first", required=True, help="first month, YYYY-MM")
    ap.add_argument("--to", dest="last", required=True, help="last month, YYYY-MM")
    ap.add_argument("--threads", type=int, help="DuckDB threads (default: DuckDB's, one per core)")
    ap.add_argument("--holidays", help="bank holidays (spec CSV); default: shared/spec beside the repository")
    ap.add_argument("--only", help="comma-separated indicator ids to print (default: all)")
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    if only and only - set(INDICATORS):
        sys.exit(f"duckdb_indicators: unknown indicator(s) {', '.join(sorted(only - set(INDICATORS)))}")
    rows, load_s, compute_s = run(args.csv_dir, args.first, args.last, args.threads, args.holidays, only)
    out = ["indicator,basis,period_start,period_end,numerator,denominator,value"]
    out += [csv_line(r) for r in rows]
    sys.stdout.write("\n".join(out) + "\n")
    print(f"duckdb {load_s + compute_s:.3f}", file=sys.stderr)
    print(f"duckdb-load {load_s:.3f}", file=sys.stderr)
    print(f"duckdb-compute {compute_s:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
