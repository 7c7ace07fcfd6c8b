#!/usr/bin/env python3
"""Checks the benchmark's Python references without the Swift build: run it after editing them.

    python3 Benchmarks/scripts/selftest.py [--random N]

What it checks:
1. duckdb_indicators.py reproduces the hand-counted figures of Tests/IndicatorsTests/IndicatorDefinitionsTests.swift
   (the six shared indicators), on the same small census files written as CSV tables.
2. Several files are merged as the Swift loader merges them: an episode in two censuses is taken from the later one,
   a second same-day referral in one file is left out, unreadable dates leave their record out.
3. On the real sample files (shared/data/cin) and on N random censuses full of edge cases (weekends, bank holidays,
   month ends, leap days, same-day duplicates, bad dates, episodes repeated across files), the DuckDB figures equal a
   plain-Python implementation of INDICATORS.md written independently of the SQL (a day-by-day working-day count).
4. lxml_parse.py counts every CINdetails element of the sample files.

The CSV tables are written here from the XML with lxml in the column layout of `improve tables` (the five tables the
indicators need), then concatenated with concat_tables.py exactly as bench_cin.sh does.
"""
import argparse
import datetime
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
import benchvenv  # noqa: E402

benchvenv.ensure("lxml", "duckdb")
from lxml import etree  # noqa: E402

import concat_tables  # noqa: E402
import duckdb_indicators  # noqa: E402

SIX = duckdb_indicators.INDICATORS
SAMPLES = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data", "cin"))
if not os.path.isdir(SAMPLES):
    SAMPLES = "/work/shared/data/cin"

# ---------------------------------------------------------------------------------------------------------------
# Census files (a port of Tests/TestSupport/CINXML.swift) and the CSV tables of `improve tables`.


def cin_file(reference, children, la="999"):
    return (f"<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>{reference[:4]}</Year>"
            f"<ReferenceDate>{reference}</ReferenceDate></CollectionDetails>\n"
            f"<Source><SourceLevel>L</SourceLevel><LEA>{la}</LEA></Source></Header>\n<Children>\n"
            + "\n".join(children) + "\n</Children></Message>\n")


def child(cid, episodes):
    return (f"<Child><ChildIdentifiers><LAchildID>{cid}</LAchildID><GenderCurrent>1</GenderCurrent></ChildIdentifiers>"
            "<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>\n" + "\n".join(episodes) + "\n</Child>")


def episode(referral, closure=None, nfa=False, assessments=(), s47=(), plans=()):
    x = f"<CINdetails><CINreferralDate>{referral}</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>"
    if closure:
        x += f"<CINclosureDate>{closure}</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure>"
    for start, auth in assessments:
        x += f"<Assessments><AssessmentActualStartDate>{start}</AssessmentActualStartDate>"
        if auth is not None:
            x += f"<AssessmentAuthorisationDate>{auth}</AssessmentAuthorisationDate>"
        x += "<FactorsIdentifiedAtAssessment><AssessmentFactors>1C</AssessmentFactors><AssessmentFactors>2B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>"
    for start, icpc in s47:
        x += f"<Section47><S47ActualStartDate>{start}</S47ActualStartDate>"
        if icpc is not None:
            x += f"<DateOfInitialCPC>{icpc}</DateOfInitialCPC>"
        x += "<ICPCnotRequired>false</ICPCnotRequired></Section47>"
    x += f"<ReferralNFA>{'true' if nfa else 'false'}</ReferralNFA>"
    for start, end, previous, reviews in plans:
        x += f"<ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate>"
        if end is not None:
            x += f"<CPPendDate>{end}</CPPendDate>"
        x += f"<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>{previous}</NumberOfPreviousCPP>"
        if reviews:
            x += "<Reviews>" + "".join(f"<CPPreviewDate>{r}</CPPreviewDate>" for r in reviews) + "</Reviews>"
        x += "</ChildProtectionPlans>"
    return x + "</CINdetails>"


COLUMNS = {
    "CINdetails": ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
                   "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA"],
    "Assessments": ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate",
                    "AssessmentInternalReviewDate", "AssessmentAuthorisationDate", "AssessmentFactors"],
    "Section47": ["LAchildID", "CINdetailsID", "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"],
    "ChildProtectionPlans": ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse",
                             "LatestCategoryOfAbuse", "NumberOfPreviousCPP"],
    "Reviews": ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"],
}


def _cell(value):
    value = "" if value is None else value
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n\r') else value


def write_tables(xml_path, out_dir):
    """The tables of one census file as `improve tables` lays them out: raw text, empty cell when missing."""
    import io
    rows = {t: [] for t in COLUMNS}
    root = etree.parse(xml_path).getroot()
    for ch in root.iterfind("Children/Child"):
        cid = ch.findtext("ChildIdentifiers/LAchildID")
        for n, cin in enumerate(ch.iterfind("CINdetails"), start=1):
            f = cin.findtext
            rows["CINdetails"].append([cid, str(n), f("CINreferralDate"), f("ReferralSource"), f("PrimaryNeedCode"),
                                       f("CINclosureDate"), f("ReasonForClosure"), f("DateOfInitialCPC"), f("ReferralNFA")])
            for k, a in enumerate(cin.iterfind("Assessments"), start=1):
                g = a.findtext
                found = [x.text or "" for x in a.iterfind("FactorsIdentifiedAtAssessment/AssessmentFactors")]
                factors = "[" + ", ".join(f"'{x}'" for x in found) + "]" if found else ""  # the validator's list
                rows["Assessments"].append([cid, str(n), str(k), g("AssessmentActualStartDate"),
                                            g("AssessmentInternalReviewDate"), g("AssessmentAuthorisationDate"), factors])
            for s in cin.iterfind("Section47"):
                g = s.findtext
                rows["Section47"].append([cid, str(n), g("S47ActualStartDate"), g("InitialCPCtarget"),
                                          g("DateOfInitialCPC"), g("ICPCnotRequired")])
            for k, p in enumerate(cin.iterfind("ChildProtectionPlans"), start=1):
                g = p.findtext
                rows["ChildProtectionPlans"].append([cid, str(n), str(k), g("CPPstartDate"), g("CPPendDate"),
                                                     g("InitialCategoryOfAbuse"), g("LatestCategoryOfAbuse"),
                                                     g("NumberOfPreviousCPP")])
                for r in p.iterfind("Reviews/CPPreviewDate"):
                    rows["Reviews"].append([cid, str(n), str(k), r.text])
    os.makedirs(out_dir, exist_ok=True)
    for table, cols in COLUMNS.items():
        buf = io.StringIO()
        buf.write(",".join(cols) + "\n")
        for r in rows[table]:
            buf.write(",".join(_cell(v) for v in r) + "\n")
        with open(os.path.join(out_dir, f"{table}.csv"), "w", encoding="utf-8") as fh:
            fh.write(buf.getvalue())


def tables_for(xml_files, work):
    """Per-file tables, concatenated in the given (merge) order, as bench_cin.sh prepares them."""
    dirs = []
    for k, x in enumerate(xml_files):
        d = os.path.join(work, f"file{k:03d}")
        write_tables(x, d)
        dirs.append(d)
    out = os.path.join(work, "all")
    concat_tables.concat(out, dirs)
    return out


def duck(csv_dir, first, last, threads=None):
    rows, _, _ = duckdb_indicators.run(csv_dir, first, last, threads)
    return [duckdb_indicators.csv_line(r) for r in rows]


# ---------------------------------------------------------------------------------------------------------------
# An independent plain-Python reading of INDICATORS.md over the XML (no SQL, no running sums).

HOLIDAYS = set(duckdb_indicators.read_holidays(duckdb_indicators.default_holidays()))
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(T.*)?")


def pdate(text):
    if text is None:
        return None
    text = text.strip()
    if not DATE_RE.fullmatch(text):
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


def working(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def wd(a, b):
    """Working days d with a < d <= b; negated when b < a."""
    if b < a:
        return -wd(b, a)
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        n += working(d)
    return n


def add_months(d, k):
    i = d.year * 12 + d.month - 1 + k
    y, m = divmod(i, 12)
    m += 1
    last = (datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(y, m, min(d.day, last))


def read_census(path):
    """One file as the Swift importer keeps it: {(child, referral): episode dict}, first same-day referral kept."""
    root = etree.parse(path).getroot()
    reference = root.findtext("Header/CollectionDetails/ReferenceDate") or ""
    episodes = {}
    for ch in root.iterfind("Children/Child"):
        cid = (ch.findtext("ChildIdentifiers/LAchildID") or "").strip()
        if not cid:
            continue
        for cin in ch.iterfind("CINdetails"):
            ref = pdate(cin.findtext("CINreferralDate"))
            if ref is None or (cid, ref) in episodes:
                continue
            ep = {"assessments": [], "s47": [], "plans": []}
            for a in cin.iterfind("Assessments"):
                st = pdate(a.findtext("AssessmentActualStartDate"))
                if st is not None:
                    ep["assessments"].append((st, pdate(a.findtext("AssessmentAuthorisationDate"))))
            for s in cin.iterfind("Section47"):
                st = pdate(s.findtext("S47ActualStartDate"))
                if st is not None:
                    ep["s47"].append((st, pdate(s.findtext("DateOfInitialCPC"))))
            for p in cin.iterfind("ChildProtectionPlans"):
                st = pdate(p.findtext("CPPstartDate"))
                if st is None:
                    continue
                prev = (p.findtext("NumberOfPreviousCPP") or "").strip()
                prev = int(prev) if re.fullmatch(r"[+-]?[0-9]+", prev) else None
                ep["plans"].append((st, pdate(p.findtext("CPPendDate")), prev))
            episodes[(cid, ref)] = ep
    return reference, episodes


def reference_events(xml_files):
    """{indicator: [(qualifying date, met)]} after merging the files (later reference date wins)."""
    censuses = [read_census(f) for f in xml_files]
    order = sorted(range(len(censuses)), key=lambda i: (censuses[i][0], i))
    merged = {}
    for i in order:
        merged.update(censuses[i][1])
    ev = {k: [] for k in SIX}
    referrals, plan_starts = {}, {}
    for (cid, ref), ep in merged.items():
        referrals.setdefault(cid, []).append(ref)
        for st, au in ep["assessments"]:
            if au is None:
                continue
            for ind, start in (("single_assessment_timeliness", ref), ("single_assessment_timeliness_dfe", st)):
                days = wd(start, au)
                if days >= 0:
                    ev[ind].append((au, days <= 45))
        for st, icpc in ep["s47"]:
            if icpc is not None:
                days = wd(st, icpc)
                if days >= 0:
                    ev["icpc_within_15wd_dfe"].append((icpc, days <= 15))
        for st, en, prev in ep["plans"]:
            starts = plan_starts.setdefault(cid, {})
            starts[st] = starts.get(st, False) or (prev is not None and prev > 0)
            if en is not None and en >= st:
                ev["cpp_lasting_2y_plus"].append((en, en >= add_months(st, 24)))
    for cid, refs in referrals.items():
        for r in refs:
            ev["re_referral_12m"].append((r, any(add_months(r, -12) <= p < r for p in refs)))
    for cid, starts in plan_starts.items():
        for st, previous in starts.items():
            ev["cpp_repeat_ever"].append((st, previous or any(o < st for o in starts)))
    return ev


def reference_rows(xml_files, first, last):
    ev = reference_events(xml_files)
    fy, fm = map(int, first.split("-"))
    ly, lm = map(int, last.split("-"))
    months = []
    y, m = fy, fm
    while (y, m) <= (ly, lm):
        months.append(datetime.date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    out = []
    for ind in SIX:
        for basis in ("cumulative_ytd", "in_month", "rolling_12_months"):
            for mo in months:
                end = add_months(mo, 1) - datetime.timedelta(days=1)
                start = {"in_month": mo,
                         "cumulative_ytd": datetime.date(mo.year if mo.month >= 4 else mo.year - 1, 4, 1),
                         "rolling_12_months": add_months(mo, -11)}[basis]
                hits = [met for q, met in ev[ind] if start <= q <= end]
                num, den = sum(hits), len(hits)
                value = f"{100 * num / den:.4f}" if den else ""
                out.append(f"{ind},{basis},{start},{end},{num},{den},{value}")
    return out


# ---------------------------------------------------------------------------------------------------------------
# Random censuses full of edge cases.

EDGE_DAYS = [datetime.date(2020, 2, 29), datetime.date(2021, 2, 28), datetime.date(2022, 9, 16),
             datetime.date(2022, 12, 23), datetime.date(2023, 4, 6), datetime.date(2020, 5, 7),
             datetime.date(2022, 6, 1), datetime.date(2021, 8, 31), datetime.date(2023, 3, 31)]


def random_census_set(rng, n_children=120):
    """Two or three yearly files of one council; episodes overlap between files and change in the later one."""
    base = datetime.date(2019, 6, 1)

    def day(lo=0, hi=1800):
        if rng.random() < 0.15:
            return rng.choice(EDGE_DAYS)
        return base + datetime.timedelta(days=rng.randint(lo, hi))

    def text(d):
        r = rng.random()
        if d is None:
            return None
        if r < 0.01:
            return "2023-02-30"
        if r < 0.02:
            return f"{d.year}-{d.month}-{d.day}"
        if r < 0.03:
            return d.isoformat() + "T09:30:00"
        if r < 0.04:
            return f"  {d.isoformat()} "
        return d.isoformat()

    def shifted(d, lo, hi):
        return d + datetime.timedelta(days=rng.randint(lo, hi))

    kids = []
    for c in range(n_children):
        eps = []
        refs = sorted(day() for _ in range(rng.choice([1, 1, 2, 3, 4])))
        if rng.random() < 0.1:
            refs.append(refs[0])  # a same-day second referral in the file
        if rng.random() < 0.2 and refs:
            refs.append(add_months(refs[0], 12 * rng.choice([1, -1])))  # exactly twelve months apart
        for r in refs:
            ass = []
            for _ in range(rng.choice([0, 1, 1, 2])):
                st = shifted(r, -3, 90)
                au = None if rng.random() < 0.2 else shifted(st, -4, 80)
                ass.append((text(st), text(au)))
            s47 = []
            for _ in range(rng.choice([0, 0, 1, 2])):
                st = shifted(r, -2, 30)
                ic = None if rng.random() < 0.2 else shifted(st, -3, 30)
                s47.append((text(st), text(ic)))
            plans = []
            for _ in range(rng.choice([0, 0, 0, 1, 2])):
                st = shifted(r, 0, 60)
                if rng.random() < 0.15:
                    en = add_months(st, 24) + datetime.timedelta(days=rng.choice([-1, 0, 1]))
                elif rng.random() < 0.3:
                    en = None
                else:
                    en = shifted(st, -20, 900)
                prev = rng.choice(["0", "0", "0", "1", "2", "", "x", "+1"])
                plans.append((text(st), text(en), prev, []))
            eps.append((text(r), ass, s47, plans))
        kids.append((f"C{c:05d}", eps))

    files = []
    for year, ref_date in ((2021, "2021-03-31"), (2022, "2022-03-31"), (2023, "2023-03-31")):
        children = []
        for cid, eps in kids:
            chosen = []
            for e in eps:
                if rng.random() < 0.55:  # in this census (possibly in others too)
                    r, ass, s47, plans = e
                    if rng.random() < 0.3:  # a later census records more or different facts
                        ass = ass + [(r, text(shifted(pdate(r) or base, 0, 40)))] if r else ass
                        plans = [(s, e2 or text(shifted(pdate(s) or base, 30, 800)), p, rv) for s, e2, p, rv in plans]
                    chosen.append(episode(r or "", assessments=ass, s47=s47,
                                          plans=[(s, e2, p, rv) for s, e2, p, rv in plans]))
            if chosen:
                children.append(child(cid, chosen))
        files.append(cin_file(ref_date, children))
    return files


# ---------------------------------------------------------------------------------------------------------------

class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def equal(self, name, got, want):
        if got == want:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}: got {got!r}, want {want!r}")

    def rows(self, name, got, want):
        if got == want:
            self.passed += 1
            return
        self.failed += 1
        bad = [(g, w) for g, w in zip(got, want) if g != w]
        print(f"FAIL {name}: {len(bad)} of {len(want)} rows differ (got {len(got)} rows)")
        for g, w in bad[:8]:
            print(f"    duckdb    {g}\n    reference {w}")


def figure(lines, indicator, basis, month):
    for line in lines:
        f = line.split(",")
        if f[0] == indicator and f[1] == basis and f[3].startswith(month):
            return int(f[4]), int(f[5])
    raise KeyError((indicator, basis, month))


def write_files(work, texts):
    paths = []
    for k, t in enumerate(texts):
        p = os.path.join(work, f"census{k}.xml")
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(t)
        paths.append(p)
    return paths


def hand_counted(check, tmp):
    """The figures of IndicatorDefinitionsTests.swift, on the same records."""
    def run(name, children, first, last, expectations, reference="2025-03-31"):
        work = os.path.join(tmp, name)
        os.makedirs(work)
        files = write_files(work, [cin_file(reference, children)])
        lines = duck(tables_for(files, work), first, last)
        for (ind, basis, month), want in expectations.items():
            check.equal(f"{name} {ind} {basis} {month}", figure(lines, ind, basis, month), want)
        check.rows(f"{name} reference", lines, reference_rows(files, first, last))

    run("assessments", [
        child("A", [episode("2012-05-25", assessments=[("2012-05-25", "2012-07-31")])]),
        child("B", [episode("2012-05-25", assessments=[("2012-05-25", "2012-08-01")])]),
        child("C", [episode("2012-07-14", assessments=[("2012-07-16", "2012-07-14")])]),
        child("D", [episode("2012-07-20", assessments=[("2012-07-20", "2012-07-19")])]),
        child("E", [episode("2012-07-02", assessments=[("2012-07-02", None)])]),
        child("F", [episode("2012-03-01", assessments=[("2012-07-02", "2012-07-20")])]),
    ], "2012-04", "2012-09", {
        ("single_assessment_timeliness", "in_month", "2012-07"): (2, 3),
        ("single_assessment_timeliness", "in_month", "2012-08"): (0, 1),
        ("single_assessment_timeliness_dfe", "in_month", "2012-07"): (2, 2),
        ("single_assessment_timeliness_dfe", "cumulative_ytd", "2012-08"): (2, 3),
    })
    run("rereferrals", [
        child("A", [episode("2023-02-28"), episode("2024-02-29")]),
        child("B", [episode("2023-03-15"), episode("2024-03-15")]),
        child("C", [episode("2023-03-14"), episode("2024-03-15")]),
        child("D", [episode("2024-03-01", nfa=True)]),
    ], "2023-01", "2024-04", {
        ("re_referral_12m", "in_month", "2024-02"): (1, 1),
        ("re_referral_12m", "in_month", "2024-03"): (1, 3),
        ("re_referral_12m", "cumulative_ytd", "2024-03"): (2, 4),
    })
    run("lasting", [
        child("A", [episode("2020-01-01", plans=[("2020-01-31", "2022-01-31", 0, [])])]),
        child("B", [episode("2020-01-01", plans=[("2020-01-31", "2022-01-30", 0, [])])]),
        child("C", [episode("2020-02-01", plans=[("2020-02-29", "2022-02-28", 0, [])])]),
        child("D", [episode("2021-01-01", plans=[("2022-01-20", "2022-01-10", 0, [])])]),
    ], "2021-12", "2022-03", {
        ("cpp_lasting_2y_plus", "in_month", "2022-01"): (1, 2),
        ("cpp_lasting_2y_plus", "in_month", "2022-02"): (1, 1),
    })
    run("repeats", [
        child("A", [episode("2020-05-01", closure="2021-01-01", plans=[("2020-06-01", "2020-12-01", 0, [])]),
                    episode("2023-05-01", plans=[("2023-06-10", None, 0, [])])]),
        child("B", [episode("2023-06-01", plans=[("2023-06-20", None, 2, [])])]),
        child("C", [episode("2023-06-01", plans=[("2023-06-05", None, 0, [])])]),
        child("E", [episode("2021-06-01", closure="2022-01-01", plans=[("2021-07-01", "2021-12-31", 0, [])]),
                    episode("2023-06-01", plans=[("2023-06-25", None, 0, [])])]),
    ], "2023-04", "2023-07", {
        ("cpp_repeat_ever", "in_month", "2023-06"): (3, 4),
    })
    run("conferences", [
        child("A", [episode("2022-12-10", s47=[("2022-12-16", "2023-01-11")])]),
        child("B", [episode("2022-12-10", s47=[("2022-12-16", "2023-01-12")])]),
        child("C", [episode("2022-12-10", s47=[("2022-12-16", None)])]),
    ], "2022-12", "2023-02", {
        ("icpc_within_15wd_dfe", "in_month", "2023-01"): (1, 2),
    })

    def on_time(cid, d):
        return child(cid, [episode(d, assessments=[(d, d)])])

    def late(cid, referral, done):
        return child(cid, [episode(referral, assessments=[(referral, done)])])

    run("bases", [
        on_time("A", "2023-04-12"), late("B", "2023-01-02", "2023-04-20"),
        on_time("C", "2023-05-03"), on_time("D", "2023-05-04"), on_time("E", "2023-05-05"),
        late("F", "2023-03-01", "2023-07-03"),
        on_time("G", "2024-04-02"),
    ], "2023-04", "2024-04", {
        ("single_assessment_timeliness", "in_month", "2023-05"): (3, 3),
        ("single_assessment_timeliness", "cumulative_ytd", "2023-07"): (4, 6),
        ("single_assessment_timeliness", "cumulative_ytd", "2024-04"): (1, 1),
        ("single_assessment_timeliness", "rolling_12_months", "2024-04"): (4, 5),
        ("single_assessment_timeliness", "in_month", "2023-06"): (0, 0),
    })
    # The empty month's value is empty, never 0.
    work = os.path.join(tmp, "bases")
    june = [l for l in duck(os.path.join(work, "all"), "2023-06", "2023-06")
            if l.startswith("single_assessment_timeliness,in_month")]
    check.equal("empty denominator", june, ["single_assessment_timeliness,in_month,2023-06-01,2023-06-30,0,0,"])


def merging(check, tmp):
    work = os.path.join(tmp, "merge")
    os.makedirs(work)
    earlier = cin_file("2023-03-31", [
        child("A", [episode("2022-06-01", assessments=[("2022-06-01", None)]),
                    episode("2022-06-01", assessments=[("2022-06-01", "2022-06-02")])]),  # same day: left out
        child("B", [episode("2022-01-01", plans=[("2022-01-10", None, 0, [])])]),
        child("C", [episode("2022-13-01", assessments=[("2022-06-01", "2022-06-01")]),  # no readable referral
                    episode("2022-05-03", s47=[("bad", "2022-05-04")], assessments=[("2022-05-03", "2022-05-04")])]),
    ])
    later = cin_file("2024-03-31", [
        child("A", [episode("2022-06-01", assessments=[("2022-06-01", "2023-04-10")])]),
        child("B", [episode("2022-01-01", plans=[("2022-01-10", "2024-02-01", 0, [])])]),
    ])
    files = write_files(work, [earlier, later])
    lines = duck(tables_for(files, work), "2022-01", "2024-03")
    check.equal("merge: the later census's assessment", figure(lines, "single_assessment_timeliness", "in_month", "2023-04"), (0, 1))
    check.equal("merge: replaced and duplicate assessments", figure(lines, "single_assessment_timeliness", "in_month", "2022-06"), (0, 0))
    check.equal("merge: one referral per child and day", figure(lines, "re_referral_12m", "in_month", "2022-06"), (0, 1))
    check.equal("merge: the plan's end from the later census", figure(lines, "cpp_lasting_2y_plus", "in_month", "2024-02"), (1, 1))
    check.equal("merge: one plan start", figure(lines, "cpp_repeat_ever", "in_month", "2022-01"), (0, 1))
    check.equal("merge: unreadable referral left out", figure(lines, "re_referral_12m", "rolling_12_months", "2022-06"), (0, 3))
    check.equal("merge: unreadable S47 start left out", figure(lines, "icpc_within_15wd_dfe", "cumulative_ytd", "2023-03"), (0, 0))
    check.equal("merge: C's assessment kept", figure(lines, "single_assessment_timeliness", "in_month", "2022-05"), (1, 1))
    check.rows("merge reference", lines, reference_rows(files, "2022-01", "2024-03"))


def samples(check, tmp):
    files = sorted(os.path.join(SAMPLES, f) for f in os.listdir(SAMPLES) if f.endswith(".xml"))
    for f in files:
        work = os.path.join(tmp, "sample-" + os.path.basename(f))
        os.makedirs(work)
        lines = duck(tables_for([f], work), "2019-04", "2025-03")
        check.rows(f"sample {os.path.basename(f)}", lines, reference_rows([f], "2019-04", "2025-03"))
    out = subprocess.run([benchvenv.venv_python(), os.path.join(HERE, "lxml_parse.py"), *files],
                         capture_output=True, text=True, check=True).stdout.split()
    expected = sum(len(etree.parse(f).getroot().findall("Children/Child/CINdetails")) for f in files)
    check.equal("lxml_parse output", (out[0], int(out[2]), int(out[3])),
                ("lxml", sum(os.path.getsize(f) for f in files), expected))


def randomised(check, tmp, n):
    for seed in range(n):
        rng = random.Random(seed)
        work = os.path.join(tmp, f"random{seed}")
        os.makedirs(work)
        files = write_files(work, random_census_set(rng))
        ordered = files  # already earliest first, as bench_cin.sh orders them
        lines = duck(tables_for(ordered, work), "2019-04", "2024-12", threads=2)
        check.rows(f"random seed {seed}", lines, reference_rows(files, "2019-04", "2024-12"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--random", type=int, default=6, help="random census sets to compare (default 6)")
    args = ap.parse_args()
    check = Checker()
    with tempfile.TemporaryDirectory(prefix="bench-selftest-") as tmp:
        hand_counted(check, tmp)
        merging(check, tmp)
        samples(check, tmp)
        randomised(check, tmp, args.random)
    print(f"selftest: {check.passed} passed, {check.failed} failed")
    sys.exit(1 if check.failed else 0)


if __name__ == "__main__":
    main()
