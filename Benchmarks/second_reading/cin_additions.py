#!/usr/bin/env python3
"""Second reading of the CIN census additions (docs/indicators-2026.md = INDICATORS.md §8.1-§8.4)
and of the statutory ICPC clock from Annex A list 5 (INDICATORS.md §3.9).

Written from the specifications only (INDICATORS.md §1, §2, §3.9, §7; docs/indicators-2026.md;
docs/inputs-and-indicators.md; FORMATS.md; CLI.md), never from the product's code.  Python 3
standard library only.

Usage:
    cin_additions.py --input PATH [--input PATH ...] [--from YYYY-MM] [--to YYYY-MM]
                     [--population FILE] [--council CODE] [--holidays FILE]

Inputs (a folder means every file directly in it; file type from content):
  * CIN census XML (root <Message>, <CINdetails> episodes), any year; several files are merged by
    LAchildID + CINreferralDate, the later ReferenceDate winning (INDICATORS.md §7).
  * Annex A workbooks (.xlsx with a sheet named "List 5 ..."), read with zipfile + ElementTree.

Prints the `improve indicators` CSV contract (CLI.md) for:
  pp_working_days_to_letter, pp_working_days_to_first_meeting, pp_working_days_to_step_decision,
  pp_fgdm_offered, pp_fgdm_facilitated, pp_outcome_a, pp_outcome_b, pp_outcome_c,
  pp_applications_to_court                       (in_month, cumulative_ytd, rolling_12_months)
  cin_rate_per_10k, cpp_rate_per_10k             (snapshot at each month's last day)
  icpc_per_100_s47                               (in_month, cumulative_ytd, rolling_12_months)
  factor_*_per_10k (seven)                       (in_month, cumulative_ytd, rolling_12_months)
  icpc_within_15wd (Annex A list 5)              (in_month, cumulative_ytd, rolling_12_months)
Warnings go to stderr.  See README-cin-additions.md for every reading chosen.
"""

import argparse
import calendar
import csv
import datetime as dt
import io
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from bisect import bisect_left, bisect_right
from collections import Counter
from decimal import Decimal, ROUND_HALF_UP, localcontext

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "indicator,basis,period_start,period_end,numerator,denominator,value"
EVENT_BASES = ("cumulative_ytd", "in_month", "rolling_12_months")

PP_IDS = [
    "pp_applications_to_court", "pp_fgdm_facilitated", "pp_fgdm_offered",
    "pp_outcome_a", "pp_outcome_b", "pp_outcome_c",
    "pp_working_days_to_first_meeting", "pp_working_days_to_letter",
    "pp_working_days_to_step_decision",
]
FACTORS = {
    "factor_domestic_abuse_per_10k": {"3A", "3B", "3C"},
    "factor_neglect_per_10k": {"16A"},
    "factor_cse_per_10k": {"11A"},
    "factor_cce_per_10k": {"24A"},
    "factor_missing_per_10k": {"10A"},
    "factor_trafficking_per_10k": {"12A"},
    "factor_gangs_per_10k": {"13A"},
}
RATE_IDS = ["cin_rate_per_10k", "cpp_rate_per_10k"]
ALL_IDS = sorted(PP_IDS + list(FACTORS) + RATE_IDS + ["icpc_per_100_s47", "icpc_within_15wd"])

WARN = []


def warn(msg):
    WARN.append(msg)


# ---------------------------------------------------------------- dates and working days

def parse_iso(s):
    """A YYYY-MM-DD date (surrounding blanks allowed); anything else is unreadable (None)."""
    if s is None:
        return None
    s = s.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def find_up(rel):
    d = HERE
    for _ in range(8):
        cand = os.path.join(d, rel)
        if os.path.exists(cand):
            return cand
        d = os.path.dirname(d)
    return None


class Calendar:
    """wd(a, b) = working days d with a < d <= b (INDICATORS.md §1.1); negative when b < a."""

    def __init__(self, path):
        self.hol = set()
        years = set()
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                d = parse_iso(row.get("date"))
                if d:
                    self.hol.add(d)
                    years.add(d.year)
        self.lo, self.hi = min(years), max(years)
        self.warned = set()

    def working(self, d):
        if d.weekday() >= 5:
            return False
        if not (self.lo <= d.year <= self.hi):
            if d.year not in self.warned:
                self.warned.add(d.year)
                warn("%d is outside the bank-holiday table: only weekends are non-working" % d.year)
            return True
        return d not in self.hol

    def wd(self, a, b):
        if b < a:
            return -self.wd(b, a)
        n = 0
        d = a + dt.timedelta(days=1)
        while d <= b:
            if self.working(d):
                n += 1
            d += dt.timedelta(days=1)
        return n


def month_last(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def add_months_first(y, m, k):
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def months(frm, to):
    y, m = frm
    out = []
    while (y, m) <= to:
        out.append((y, m))
        y, m = add_months_first(y, m, 1)
    return out


def periods(y, m):
    """(basis, start, end) for month (y, m), INDICATORS.md §2."""
    last = month_last(y, m)
    fy = y if m >= 4 else y - 1
    ry, rm = add_months_first(y, m, -11)
    return [
        ("cumulative_ytd", dt.date(fy, 4, 1), last),
        ("in_month", dt.date(y, m, 1), last),
        ("rolling_12_months", dt.date(ry, rm, 1), last),
    ]


def fmt_value(num, den, scale):
    """num * scale / den to 4 decimal places, half up from the exact quotient; empty when den is 0."""
    if den == 0:
        return ""
    with localcontext() as ctx:
        ctx.prec = 60
        q = Decimal(num) * Decimal(scale) / Decimal(den)
        return str(q.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- inputs

def input_files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                fp = os.path.join(p, name)
                if os.path.isfile(fp):
                    out.append(fp)
        elif os.path.isfile(p):
            out.append(p)
        else:
            raise SystemExit("cin_additions.py: no such input: %s" % p)
    return out


def local(tag):
    return tag.rsplit("}", 1)[-1]


def kids(el, name):
    return [c for c in el if local(c.tag) == name]


def kid(el, name):
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def text(el, name):
    c = kid(el, name) if el is not None else None
    return c.text if c is not None and c.text is not None else None


def is_census(path):
    if not path.lower().endswith(".xml"):
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return "<Message" in head and ("<Collection>CIN<" in head or "<Children" in head)


class Episode:
    __slots__ = ("child", "ref", "closure", "assessments", "s47", "cpps", "pp", "dates", "order")


def read_census(path):
    """(reference date, LEA, episodes, pp-block count) of one census file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise SystemExit("cin_additions.py: %s is not well-formed XML: %s" % (path, e))
    header = kid(root, "Header")
    cd = kid(header, "CollectionDetails") if header is not None else None
    ref = parse_iso(text(cd, "ReferenceDate")) if cd is not None else None
    if ref is None and cd is not None:
        yr = (text(cd, "Year") or "").strip()
        if yr.isdigit():
            ref = dt.date(int(yr), 3, 31)
    src = kid(header, "Source") if header is not None else None
    lea = (text(src, "LEA") or "").strip() if src is not None else ""
    episodes = []
    npp = 0
    children = kid(root, "Children")
    if children is None:
        children = root
    for ch in children.iter():
        if local(ch.tag) != "Child":
            continue
        ids = kid(ch, "ChildIdentifiers")
        cid = (text(ids, "LAchildID") or "").strip() if ids is not None else ""
        if not cid:
            warn("%s: a child without LAchildID is left out" % path)
            continue
        for cin in kids(ch, "CINdetails"):
            rd = parse_iso(text(cin, "CINreferralDate"))
            if rd is None:
                warn("%s: child %s: episode without a readable CINreferralDate left out" % (path, cid))
                continue
            e = Episode()
            e.child, e.ref = cid, rd
            e.closure = parse_iso(text(cin, "CINclosureDate"))
            dates = [("closure", e.closure), ("ep_icpc", parse_iso(text(cin, "DateOfInitialCPC")))]
            e.assessments = []
            for a in kids(cin, "Assessments"):
                st = parse_iso(text(a, "AssessmentActualStartDate"))
                au = parse_iso(text(a, "AssessmentAuthorisationDate"))
                codes = set()
                for f in a.iter():
                    if local(f.tag) == "AssessmentFactors" and f.text:
                        codes.add(f.text.strip())
                e.assessments.append((st, au, codes))
                dates += [("a_start", st), ("a_auth", au)]
            for p in kids(cin, "CINPlanDates"):
                dates += [("cin_start", parse_iso(text(p, "CINPlanStartDate"))),
                          ("cin_end", parse_iso(text(p, "CINPlanEndDate")))]
            e.s47 = []
            for s in kids(cin, "Section47"):
                st = parse_iso(text(s, "S47ActualStartDate"))
                ic = parse_iso(text(s, "DateOfInitialCPC"))
                dates += [("s47_start", st), ("s47_icpc", ic)]
                if st is None:
                    warn("%s: child %s: section 47 without a readable start left out" % (path, cid))
                    continue
                e.s47.append((st, ic))
            e.cpps = []
            for c in kids(cin, "ChildProtectionPlans"):
                st = parse_iso(text(c, "CPPstartDate"))
                en = parse_iso(text(c, "CPPendDate"))
                dates += [("cpp_start", st), ("cpp_end", en)]
                rv = kid(c, "Reviews")
                if rv is not None:
                    dates += [("review", parse_iso(x.text)) for x in rv if local(x.tag) == "CPPreviewDate"]
                if st is None:
                    continue
                e.cpps.append((st, en))
            e.pp = []
            for b in kids(cin, "PreProceedingsandFGDM"):
                npp += 1
                blk = {k: parse_iso(text(b, k)) for k in (
                    "PPStartDate", "LBPSentDate", "InitialPPMeetingDate", "StepDecisionDate",
                    "CourtAppDate", "LetterInitCPDate")}
                dates += list(blk.items())
                blk["offer"] = (text(b, "FGDMMeetingOffer") or "").strip()
                blk["fac"] = (text(b, "FGDMMeetingFac") or "").strip()
                blk["outcome"] = (text(b, "PPOutcome") or "").strip()
                if blk["PPStartDate"] is None:
                    warn("%s: child %s: pre-proceedings block without a readable PPStartDate left out"
                         % (path, cid))
                    continue
                e.pp.append(blk)
            e.dates = Counter(kd for kd in dates if kd[1] is not None)
            episodes.append(e)
    return ref, lea, episodes, npp


def merge(files):
    """Episodes of several censuses: newest file first, older episodes matched by
    (LAchildID, CINreferralDate); same-day episodes matched first to a kept one they agree with
    (each of its dates, field by field, among the kept one's: fewest extra first), then in file
    order; the rest added."""
    files = sorted(enumerate(files), key=lambda t: (t[1][0] or dt.date.min, t[0]), reverse=True)
    kept = {}
    for _, (_ref, _lea, eps, _n) in files:
        groups = {}
        for e in eps:
            groups.setdefault((e.child, e.ref), []).append(e)
        for key, olds in groups.items():
            ks = kept.get(key)
            if not ks:
                kept[key] = list(olds)
                continue
            taken = [False] * len(ks)
            left = []
            for o in olds:
                best = None
                for i, k in enumerate(ks):
                    if taken[i] or (o.dates - k.dates):
                        continue
                    extra = sum(k.dates.values()) - sum(o.dates.values())
                    if best is None or extra < best[0]:
                        best = (extra, i)
                if best is None:
                    left.append(o)
                else:
                    taken[best[1]] = True
            added = []
            for o in left:
                for i in range(len(ks)):
                    if not taken[i]:
                        taken[i] = True
                        break
                else:
                    added.append(o)
            ks.extend(added)
    out = []
    for ks in kept.values():
        out.extend(ks)
    return out


# ---------------------------------------------------------------- Annex A

XNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def col_index(ref):
    m = re.match(r"([A-Z]+)", ref or "")
    if not m:
        return None
    n = 0
    for ch in m.group(1):
        n = n * 26 + ord(ch) - 64
    return n - 1


def annex_list5(path):
    """Rows of the sheet named 'List 5...' as lists of cell strings, or None if there is none."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return None
    names = set(z.namelist())
    if "xl/workbook.xml" not in names:
        return None
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {}
    if "xl/_rels/workbook.xml.rels" in names:
        for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")):
            rels[r.get("Id")] = r.get("Target")
    shared = []
    if "xl/sharedStrings.xml" in names:
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")):
            if local(si.tag) == "si":
                shared.append("".join(t.text or "" for t in si.iter() if local(t.tag) == "t"))
    target = None
    for s in wb.iter():
        if local(s.tag) == "sheet" and re.match(r"\s*list\s*5\b", s.get("name") or "", re.I):
            target = rels.get(s.get("{%s}id" % RNS))
            break
    if target is None:
        return None
    target = target.lstrip("/")
    if not target.startswith("xl/"):
        target = "xl/" + target
    root = ET.fromstring(z.read(target))
    rows = []
    for row in root.iter():
        if local(row.tag) != "row":
            continue
        cells = {}
        nxt = 0
        for c in row:
            if local(c.tag) != "c":
                continue
            ci = col_index(c.get("r"))
            if ci is None:
                ci = nxt
            nxt = ci + 1
            t = c.get("t")
            v = kid(c, "v")
            if t == "s" and v is not None and v.text is not None:
                val = shared[int(v.text)]
            elif t == "inlineStr":
                val = "".join(x.text or "" for x in c.iter() if local(x.tag) == "t")
            else:
                val = v.text if v is not None else None
            cells[ci] = val
        if cells:
            rows.append([cells.get(i) for i in range(max(cells) + 1)])
    return rows


EXCEL_EPOCH = dt.date(1899, 12, 30)


def annex_date(v):
    """An Excel serial number or a text date (YYYY-MM-DD, dd/mm/yyyy)."""
    if v is None:
        return None
    s = v.strip()
    if not s:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", s):
        n = int(float(s))
        if n < 61:  # before 1 Mar 1900 (Excel's phantom 29 Feb 1900): not a case date
            return None
        return EXCEL_EPOCH + dt.timedelta(days=n)
    d = parse_iso(s[:10])
    if d:
        return d
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return None


def read_annex(path):
    """(strategy discussion date, ICPC date, child) per list 5 row, or None if not an Annex A."""
    rows = annex_list5(path)
    if rows is None:
        return None
    hi = None
    for i, r in enumerate(rows[:20]):
        if any(c and "strategy discussion" in c.lower() for c in r):
            hi = i
            break
    if hi is None:
        warn("%s: List 5 has no strategy discussion column" % path)
        return []
    head = [(c or "").strip().lower() for c in rows[hi]]
    cs = ci = cc = None
    for j, h in enumerate(head):
        if "strategy discussion" in h and cs is None:
            cs = j
        elif ("date of initial child protection conference" in h or h == "date of icpc") and ci is None:
            ci = j
        elif "child unique id" in h and cc is None:
            cc = j
    if ci is None:
        warn("%s: List 5 has no ICPC date column" % path)
        return []
    out = []
    for r in rows[hi + 1:]:
        g = lambda j: r[j] if j is not None and j < len(r) else None  # noqa: E731
        if not any((x or "").strip() for x in r):
            continue
        out.append((annex_date(g(cs)), annex_date(g(ci)), (g(cc) or "").strip()))
    return out


# ---------------------------------------------------------------- population

def read_population(path, council):
    """{year: children aged 0-17} for the council's three-digit code."""
    pop = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if (row.get("geographic_level") or "").strip() != "Local authority":
                continue
            if (row.get("old_la_code") or "").strip() != council:
                continue
            if (row.get("age_group") or "").strip().lower() != "children aged 0 to 17 years":
                continue
            try:
                y = int((row.get("time_period") or "").strip()[:4])
                n = int((row.get("population_estimate") or "").strip().replace(",", ""))
            except ValueError:
                continue
            pop[y] = n
    return pop


def population_at(pop, d):
    """The estimate for the financial year's first calendar year, else the nearest earlier one."""
    fy = d.year if d.month >= 4 else d.year - 1
    ys = [y for y in pop if y <= fy]
    return pop[max(ys)] if ys else None


# ---------------------------------------------------------------- indicators

class Events:
    """Numerator/denominator contributions placed by a qualifying date; sums over [a, b]."""

    def __init__(self, items):
        items = sorted(items)
        self.dates = [d for d, _, _ in items]
        self.cn = [0]
        self.cd = [0]
        for _, n, dn in items:
            self.cn.append(self.cn[-1] + n)
            self.cd.append(self.cd[-1] + dn)

    def sum(self, a, b):
        i, j = bisect_left(self.dates, a), bisect_right(self.dates, b)
        return self.cn[j] - self.cn[i], self.cd[j] - self.cd[i]


def compute(episodes, annex_rows, cal, pop, month_list, want_pp, want_census, want_rates, want_annex):
    rows = []

    def event_rows(ind, ev, scale, per_pop=False, count=False):
        for (y, m) in month_list:
            for basis, a, b in periods(y, m):
                n, d = ev.sum(a, b)
                if per_pop:
                    p = population_at(pop, b)
                    if p is None:
                        n, d = 0, 0
                    else:
                        d = p
                if count:
                    d = 1
                rows.append((ind, basis, a, b, n, d, fmt_value(n, d, scale)))

    if want_pp:
        blocks = [blk for e in episodes for blk in e.pp]
        for ind, field in (("pp_working_days_to_letter", "LBPSentDate"),
                           ("pp_working_days_to_first_meeting", "InitialPPMeetingDate"),
                           ("pp_working_days_to_step_decision", "StepDecisionDate")):
            items = []
            for blk in blocks:
                x = blk[field]
                if x is None:
                    continue
                if x < blk["PPStartDate"]:
                    warn("pre-proceedings step %s %s before PPStartDate %s: left out of the mean"
                         % (field, x, blk["PPStartDate"]))
                    continue
                items.append((x, cal.wd(blk["PPStartDate"], x), 1))
            event_rows(ind, Events(items), 1)
        letters = [blk for blk in blocks if blk["LBPSentDate"] is not None]
        event_rows("pp_fgdm_offered", Events(
            [(b["LBPSentDate"], 1 if b["offer"] in ("1", "true") else 0, 1) for b in letters]), 100)
        event_rows("pp_fgdm_facilitated", Events(
            [(b["LBPSentDate"], 1 if b["fac"] in ("1", "true") else 0, 1) for b in letters]), 100)
        decisions = [blk for blk in blocks if blk["StepDecisionDate"] is not None]
        for code in "abc":
            event_rows("pp_outcome_" + code, Events(
                [(b["StepDecisionDate"], 1 if b["outcome"] == code.upper() else 0, 1) for b in decisions]),
                100)
        event_rows("pp_applications_to_court", Events(
            [(b["CourtAppDate"], 1, 0) for b in blocks if b["CourtAppDate"] is not None]), 1, count=True)

    if want_census:
        s47 = [(st, 1 if ic is not None else 0, 1) for e in episodes for st, ic in e.s47]
        event_rows("icpc_per_100_s47", Events(s47), 100)

    if want_rates:
        for ind, codes in FACTORS.items():
            items = [(au, 1, 0) for e in episodes for _st, au, fs in e.assessments
                     if au is not None and fs & codes]
            event_rows(ind, Events(items), 10000, per_pop=True)
        for ind in RATE_IDS:
            for (y, m) in month_list:
                D = month_last(y, m)
                kids_open = set()
                for e in episodes:
                    if ind == "cin_rate_per_10k":
                        if e.ref <= D and (e.closure is None or e.closure > D):
                            kids_open.add(e.child)
                    else:
                        for st, en in e.cpps:
                            if st <= D and (en is None or en > D):
                                kids_open.add(e.child)
                p = population_at(pop, D)
                n, d = (len(kids_open), p) if p is not None else (0, 0)
                rows.append((ind, "snapshot", D, D, n, d, fmt_value(n, d, 10000)))

    if want_annex:
        items = []
        for sd, ic, child in annex_rows:
            if ic is None:
                continue
            if sd is None:
                warn("Annex A list 5: child %s: ICPC %s without a strategy discussion date: left out"
                     % (child, ic))
                continue
            if ic < sd:
                warn("Annex A list 5: child %s: ICPC %s before the strategy discussion %s: left out"
                     % (child, ic, sd))
                continue
            items.append((ic, 1 if cal.wd(sd, ic) <= 15 else 0, 1))
        event_rows("icpc_within_15wd", Events(items), 100)

    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    return rows


def parse_month(s):
    m = re.fullmatch(r"(\d{4})-(\d{2})", s or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise SystemExit("cin_additions.py: not a month (YYYY-MM): %r" % s)
    return int(m.group(1)), int(m.group(2))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", action="append", required=True)
    ap.add_argument("--from", dest="frm")
    ap.add_argument("--to")
    ap.add_argument("--population", default=None)
    ap.add_argument("--council", default=None)
    ap.add_argument("--holidays", default=os.environ.get("BANK_HOLIDAYS_CSV"))
    a = ap.parse_args(argv)

    hol = a.holidays or find_up(os.path.join("shared", "spec", "bank-holidays-england-and-wales.csv")) \
        or "/work/shared/spec/bank-holidays-england-and-wales.csv"
    cal = Calendar(hol)

    censuses, annex_rows, n_annex = [], [], 0
    for fp in input_files(a.input):
        if is_census(fp):
            censuses.append(read_census(fp))
        elif fp.lower().endswith(".xlsx"):
            r = read_annex(fp)
            if r is not None:
                n_annex += 1
                annex_rows.extend(r)
    episodes = merge(censuses)

    if a.frm and a.to:
        frm, to = parse_month(a.frm), parse_month(a.to)
    else:
        refs = sorted(e.ref for e in episodes)
        if not refs:
            raise SystemExit("cin_additions.py: no referral dates to take the months from; give --from/--to")
        frm = parse_month(a.frm) if a.frm else (refs[0].year, refs[0].month)
        to = parse_month(a.to) if a.to else (refs[-1].year, refs[-1].month)

    council = a.council
    if council is None:
        leas = {lea for _r, lea, _e, _n in censuses if lea}
        if len(leas) == 1:
            council = leas.pop()
    popfile = a.population or find_up(os.path.join("Resources", "published",
                                                   "ons_mid-year_population_estimates_2012_to_2024.csv"))
    pop = None
    if censuses and council and popfile and os.path.exists(popfile):
        pop = read_population(popfile, council.strip())
        if not pop:
            warn("council %s has no estimate in %s: no rates per 10,000" % (council, popfile))

    want_census = bool(censuses)
    want_pp = any((r is not None and r >= dt.date(2027, 3, 31)) or n > 0 for r, _l, _e, n in censuses)
    want_rates = want_census and pop is not None
    want_annex = n_annex > 0

    rows = compute(episodes, annex_rows, cal, pop or {}, months(frm, to),
                   want_pp, want_census, want_rates, want_annex)
    out = io.StringIO()
    out.write(HEADER + "\n")
    for r in rows:
        out.write("%s,%s,%s,%s,%d,%d,%s\n" % (r[0], r[1], r[2].isoformat(), r[3].isoformat(), r[4], r[5], r[6]))
    sys.stdout.write(out.getvalue())
    for w in WARN:
        print("warning: " + w, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
