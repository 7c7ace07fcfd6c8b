#!/usr/bin/env python3
"""Checks the benchmark's Python references without the Swift build: run it after editing them.

    python3 Benchmarks/scripts/selftest.py [--random N]

What it checks (duckdb_indicators.py computes more indicators than these; only the six below are compared, by
keeping their rows of its output):
1. duckdb_indicators.py reproduces the hand-counted figures of Tests/IndicatorsTests/IndicatorDefinitionsTests.swift
   (the six shared indicators), on the same small census files written as CSV tables, plus hand counts of the
   decided readings: a child's referrals on one day count once, a plan is a child + CPPstartDate (ending on its
   records' latest end once all have ended), an end dated before its start is left out by the dates (not by a
   working-day count), values round an exact half away from zero (89/128 -> 69.5313).
2. Several files are merged as decided: every CINdetails of a file is an episode (a second same-day referral too);
   across files an episode is matched by LAchildID + CINreferralDate and the later census wins; when a child has
   several episodes on one date, an older file's episode matches a kept one it agrees with (same or fewer dates),
   else the next unmatched kept one in order, else it is added; unreadable dates leave their record out.
3. On the real sample files (shared/data/cin) and on N random censuses full of edge cases (weekends, bank holidays,
   month ends, leap days, same-day duplicates, bad dates, episodes repeated across files), the DuckDB figures of the
   six indicators equal a plain-Python implementation of INDICATORS.md written independently of the SQL (a
   day-by-day working-day count, exact fractions for the values).
4. lxml_parse.py counts every CINdetails element of the sample files.

The CSV tables are written here from the XML with lxml in the column layout of `improve tables` (the five tables the
indicators need), then concatenated with concat_tables.py exactly as bench_cin.sh does.
"""
import argparse
import datetime
import fractions
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

# The six indicators the plain-Python reference below computes (sorted, as duckdb_indicators.py orders its rows).
# duckdb_indicators.INDICATORS lists more; the comparisons keep only these six ids' rows.
SIX = sorted(["single_assessment_timeliness", "single_assessment_timeliness_dfe", "re_referral_12m",
              "cpp_repeat_ever", "cpp_lasting_2y_plus", "icpc_within_15wd_dfe"])
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
    """duckdb_indicators.py's output lines, every indicator it computes."""
    rows, _, _ = duckdb_indicators.run(csv_dir, first, last, threads)
    return [duckdb_indicators.csv_line(r) for r in rows]


def only_six(lines):
    """The rows of the six indicators the plain-Python reference computes, in their order."""
    return [line for line in lines if line.split(",", 1)[0] in SIX]


# ---------------------------------------------------------------------------------------------------------------
# An independent plain-Python reading of INDICATORS.md over the XML (no SQL, no running sums).

HOLIDAYS = {datetime.date.fromisoformat(h)  # read_holidays gives ISO strings; wd() compares dates
            for h in duckdb_indicators.read_holidays(duckdb_indicators.default_holidays())}
# A date is read as duckdb_indicators.py documents it: trimmed, then strictly YYYY-MM-DD (xs:date without a time);
# "2023-04-06T09:30:00" is unreadable, so a record needing it is left out. (The earlier reading dropped a trailing
# "T..." time; the spec's decisions do not settle this one, see the random censuses' text().)
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def pdate(text):
    """A YYYY-MM-DD date (spaces around it allowed), else None."""
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
    """One file as decided: (reference date, {(child, referral): [episode, ...] in file order}).

    Every CINdetails with a readable referral date is an episode, two of one child on one date included. An episode
    holds its records and `dates`, the multiset of its dates that matching across files compares."""
    root = etree.parse(path).getroot()
    reference = root.findtext("Header/CollectionDetails/ReferenceDate") or ""
    episodes = {}
    for ch in root.iterfind("Children/Child"):
        cid = (ch.findtext("ChildIdentifiers/LAchildID") or "").strip()
        if not cid:
            continue
        for cin in ch.iterfind("CINdetails"):
            ref = pdate(cin.findtext("CINreferralDate"))
            if ref is None:
                continue
            ep = {"assessments": [], "s47": [], "plans": [], "dates": []}
            dates = ep["dates"]

            def note(kind, d):
                if d is not None:
                    dates.append((kind, d))

            note("closure", pdate(cin.findtext("CINclosureDate")))
            note("episode_icpc", pdate(cin.findtext("DateOfInitialCPC")))
            for a in cin.iterfind("Assessments"):
                st = pdate(a.findtext("AssessmentActualStartDate"))
                if st is not None:
                    au = pdate(a.findtext("AssessmentAuthorisationDate"))
                    ep["assessments"].append((st, au))
                    note("assessment_start", st)
                    note("assessment_authorised", au)
            for s in cin.iterfind("Section47"):
                st = pdate(s.findtext("S47ActualStartDate"))
                if st is not None:
                    icpc = pdate(s.findtext("DateOfInitialCPC"))
                    ep["s47"].append((st, icpc))
                    note("s47_start", st)
                    note("s47_icpc", icpc)
            for p in cin.iterfind("ChildProtectionPlans"):
                for r in p.iterfind("Reviews/CPPreviewDate"):
                    note("review", pdate(r.text))
                st = pdate(p.findtext("CPPstartDate"))
                if st is None:
                    continue
                prev = (p.findtext("NumberOfPreviousCPP") or "").strip()
                prev = int(prev) if re.fullmatch(r"[+-]?[0-9]+", prev) else None
                en = pdate(p.findtext("CPPendDate"))
                ep["plans"].append((st, en, prev))
                note("plan_start", st)
                note("plan_end", en)
            episodes.setdefault((cid, ref), []).append(ep)
    return reference, episodes


def agrees(older, kept):
    """True when every date of the older episode is also one of the kept episode's (counted with repeats)."""
    left = list(kept["dates"])
    for d in older["dates"]:
        if d not in left:
            return False
        left.remove(d)
    return True


def merge_day(kept, older):
    """The episodes of one child and referral date after an older file's are matched against the kept ones."""
    free = list(range(len(kept)))  # kept episodes no older one has matched yet, in order
    unmatched = []
    for ep in older:
        # A kept episode it agrees with; among several, the one with the fewest dates beyond its own, then the first.
        fits = [k for k in free if agrees(ep, kept[k])]
        if fits:
            free.remove(min(fits, key=lambda k: (len(kept[k]["dates"]) - len(ep["dates"]), k)))
        else:
            unmatched.append(ep)
    added = []
    for ep in unmatched:  # else the next unmatched kept episode in order, else it is added
        if free:
            free.pop(0)
        else:
            added.append(ep)
    return kept + added


def merged_episodes(xml_files):
    """[(child, referral, episode)] after merging the files: latest census first, older files matched against it."""
    censuses = [read_census(f) for f in xml_files]
    order = sorted(range(len(censuses)), key=lambda i: (censuses[i][0], i), reverse=True)
    merged = {}
    for i in order:
        for key, eps in censuses[i][1].items():
            merged[key] = merge_day(merged[key], eps) if key in merged else list(eps)
    return [(cid, ref, ep) for (cid, ref), eps in merged.items() for ep in eps]


def reference_events(xml_files):
    """{indicator: [(qualifying date, met)]} after merging the files (later reference date wins)."""
    ev = {k: [] for k in SIX}
    referral_days, plan_starts, plans = {}, {}, {}
    for cid, ref, ep in merged_episodes(xml_files):
        referral_days.setdefault(cid, set()).add(ref)  # a child's referrals on one day count once
        for st, au in ep["assessments"]:
            if au is None:
                continue
            for ind, start in (("single_assessment_timeliness", ref), ("single_assessment_timeliness_dfe", st)):
                if au >= start:  # authorised before its start: left out by the dates
                    ev[ind].append((au, wd(start, au) <= 45))
        for st, icpc in ep["s47"]:
            if icpc is not None and icpc >= st:  # an ICPC dated before the S47 start: left out
                ev["icpc_within_15wd_dfe"].append((icpc, wd(st, icpc) <= 15))
        for st, en, prev in ep["plans"]:
            starts = plan_starts.setdefault(cid, {})
            starts[st] = starts.get(st, False) or (prev is not None and prev > 0)
            plans.setdefault((cid, st), []).append(en)  # a plan is a child + CPPstartDate
    for (cid, st), ends in plans.items():
        if any(en is None for en in ends):
            continue  # still open: some record has not ended
        en = max(ends)
        if en >= st:
            ev["cpp_lasting_2y_plus"].append((en, en >= add_months(st, 24)))
    for cid, days in referral_days.items():
        for r in days:
            ev["re_referral_12m"].append((r, any(add_months(r, -12) <= p < r for p in days)))
    for cid, starts in plan_starts.items():
        for st, previous in starts.items():
            ev["cpp_repeat_ever"].append((st, previous or any(o < st for o in starts)))
    return ev


def percent(num, den):
    """100 * num / den to 4 places, an exact half rounded away from zero, from the exact fraction; '' when den is 0."""
    if not den:
        return ""
    q = fractions.Fraction(100 * num, den) * 10000
    sign = -1 if q < 0 else 1
    whole, rest = divmod(abs(q), 1)
    units = int(whole) + (1 if rest >= fractions.Fraction(1, 2) else 0)
    text = f"{units // 10000}.{units % 10000:04d}"
    return "-" + text if sign < 0 and units else text


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
                value = percent(num, den)
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
            return d.isoformat() + "T09:30:00"  # a time part: unreadable (see DATE_RE)
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
        check.rows(f"{name} reference", only_six(lines), reference_rows(files, first, last))

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
        # One plan (child + CPPstartDate) in two records: it ends on the later end, 2022-03-10, not on 2022-01-05.
        child("E", [episode("2020-01-01", plans=[("2020-03-02", "2022-01-05", 0, [])]),
                    episode("2020-02-01", plans=[("2020-03-02", "2022-03-10", 0, [])])]),
        # One plan whose second record is still open: it has not ended, so it is in no month.
        child("F", [episode("2020-01-01", plans=[("2020-04-01", "2022-02-10", 0, []), ("2020-04-01", None, 0, [])])]),
    ], "2021-12", "2022-03", {
        ("cpp_lasting_2y_plus", "in_month", "2022-01"): (1, 2),
        ("cpp_lasting_2y_plus", "in_month", "2022-02"): (1, 1),
        ("cpp_lasting_2y_plus", "in_month", "2022-03"): (1, 1),
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
        # ICPC on Friday 13 January before the S47 start on Sunday 15 January: zero working days apart, but dated
        # before its start, so left out (by the dates, not by a working-day count).
        child("D", [episode("2022-12-10", s47=[("2023-01-15", "2023-01-13")])]),
    ], "2022-12", "2023-02", {
        ("icpc_within_15wd_dfe", "in_month", "2023-01"): (1, 2),
    })

    run("sameday", [
        child("A", [episode("2023-04-03"),
                    episode("2024-03-20", assessments=[("2024-03-20", "2024-03-21")]),
                    episode("2024-03-20", assessments=[("2024-03-20", "2024-03-22")])]),
        child("B", [episode("2024-03-04"), episode("2024-03-04")]),
        # Two records of one plan (same child and CPPstartDate) in two episodes: one plan start, not a repeat.
        child("C", [episode("2023-03-01", plans=[("2023-05-10", None, 0, [])]),
                    episode("2023-03-02", plans=[("2023-05-10", None, 0, [])])]),
    ], "2023-04", "2024-03", {
        ("cpp_repeat_ever", "in_month", "2023-05"): (0, 1),
        ("re_referral_12m", "in_month", "2024-03"): (1, 2),  # A's day once (re-referral), B's day once (not)
        ("re_referral_12m", "cumulative_ytd", "2024-03"): (1, 3),
        ("single_assessment_timeliness", "in_month", "2024-03"): (2, 2),  # the second same-day episode is kept
        ("single_assessment_timeliness_dfe", "in_month", "2024-03"): (2, 2),
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


def values_and_ids(check):
    """The printed value (an exact half rounds away from zero) and the indicator ids compared."""
    cases = [(89, 128, "69.5313"), (1, 128, "0.7813"), (1, 256, "0.3906"), (1, 3, "33.3333"), (2, 3, "66.6667"),
             (1, 1, "100.0000"), (0, 7, "0.0000"), (0, 0, "")]
    for num, den, want in cases:
        check.equal(f"value {num}/{den} (duckdb)", duckdb_indicators.value_text(num, den), want)
        check.equal(f"value {num}/{den} (reference)", percent(num, den), want)
    check.equal("the six are duckdb indicators", [i for i in SIX if i in duckdb_indicators.INDICATORS], SIX)


def merging(check, tmp):
    work = os.path.join(tmp, "merge")
    os.makedirs(work)
    earlier = cin_file("2023-03-31", [
        # Two episodes on one day: the first agrees with the later census's episode (its dates are a subset) and is
        # replaced by it; the second agrees with none and no kept episode is left, so it is added.
        child("A", [episode("2022-06-01", assessments=[("2022-06-01", None)]),
                    episode("2022-06-01", assessments=[("2022-06-01", "2022-06-02")])]),
        child("B", [episode("2022-01-01", plans=[("2022-01-10", None, 0, [])])]),
        child("C", [episode("2022-13-01", assessments=[("2022-06-01", "2022-06-01")]),  # no readable referral
                    episode("2022-05-03", s47=[("bad", "2022-05-04")], assessments=[("2022-05-03", "2022-05-04")])]),
        # Only in this census: two same-day episodes of one file are both kept.
        child("F", [episode("2022-07-01", assessments=[("2022-07-01", "2022-07-04")]),
                    episode("2022-07-01", assessments=[("2022-07-01", "2022-07-05")])]),
        # Y agrees with no kept episode, X does (its dates are P's, fewer): X is matched to P although Y comes
        # first, so Y (and its ICPC) is added; matching in order alone would add X instead.
        child("E", [episode("2022-10-03", s47=[("2022-10-03", "2022-10-05")]),  # Y
                    episode("2022-10-03", assessments=[("2022-10-03", None)])]),  # X
    ])
    later = cin_file("2024-03-31", [
        child("A", [episode("2022-06-01", assessments=[("2022-06-01", "2023-04-10")])]),
        child("B", [episode("2022-01-01", plans=[("2022-01-10", "2024-02-01", 0, [])])]),
        child("E", [episode("2022-10-03", assessments=[("2022-10-03", "2022-10-04")])]),  # P
    ])
    files = write_files(work, [earlier, later])
    lines = duck(tables_for(files, work), "2022-01", "2024-03")
    check.equal("merge: the later census's assessment", figure(lines, "single_assessment_timeliness", "in_month", "2023-04"), (0, 1))
    check.equal("merge: the replaced episode out, the second same-day one added",
                figure(lines, "single_assessment_timeliness", "in_month", "2022-06"), (1, 1))
    check.equal("merge: both same-day episodes of one file", figure(lines, "single_assessment_timeliness", "in_month", "2022-07"), (2, 2))
    check.equal("merge: F's same-day referrals once", figure(lines, "re_referral_12m", "in_month", "2022-07"), (0, 1))
    check.equal("merge: the agreeing episode matched, the other added", figure(lines, "icpc_within_15wd_dfe", "in_month", "2022-10"), (1, 1))
    check.equal("merge: the matched episode's assessment not counted twice",
                figure(lines, "single_assessment_timeliness", "in_month", "2022-10"), (1, 1))
    check.equal("merge: one referral per child and day", figure(lines, "re_referral_12m", "in_month", "2022-06"), (0, 1))
    check.equal("merge: the plan's end from the later census", figure(lines, "cpp_lasting_2y_plus", "in_month", "2024-02"), (1, 1))
    check.equal("merge: one plan start", figure(lines, "cpp_repeat_ever", "in_month", "2022-01"), (0, 1))
    check.equal("merge: unreadable referral left out", figure(lines, "re_referral_12m", "rolling_12_months", "2022-06"), (0, 3))
    check.equal("merge: unreadable S47 start left out", figure(lines, "icpc_within_15wd_dfe", "cumulative_ytd", "2022-05"), (0, 0))
    check.equal("merge: C's assessment kept", figure(lines, "single_assessment_timeliness", "in_month", "2022-05"), (1, 1))
    check.rows("merge reference", only_six(lines), reference_rows(files, "2022-01", "2024-03"))


def samples(check, tmp):
    files = sorted(os.path.join(SAMPLES, f) for f in os.listdir(SAMPLES) if f.endswith(".xml"))
    for f in files:
        work = os.path.join(tmp, "sample-" + os.path.basename(f))
        os.makedirs(work)
        lines = duck(tables_for([f], work), "2019-04", "2025-03")
        check.rows(f"sample {os.path.basename(f)}", only_six(lines), reference_rows([f], "2019-04", "2025-03"))
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
        check.rows(f"random seed {seed}", only_six(lines), reference_rows(files, "2019-04", "2024-12"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--random", type=int, default=6, help="random census sets to compare (default 6)")
    args = ap.parse_args()
    check = Checker()
    with tempfile.TemporaryDirectory(prefix="bench-selftest-") as tmp:
        values_and_ids(check)
        hand_counted(check, tmp)
        merging(check, tmp)
        samples(check, tmp)
        randomised(check, tmp, args.random)
    print(f"selftest: {check.passed} passed, {check.failed} failed")
    sys.exit(1 if check.failed else 0)


if __name__ == "__main__":
    main()
