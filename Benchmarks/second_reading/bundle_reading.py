#!/usr/bin/env python3
"""Second reading of the indicators fed by the council's own CSV bundle.

An independent implementation, written from the specifications only
(shared/spec/INDICATORS.md sections 1, 2, 3.1, 3.2, 3.4, 3.10, 3.16, 3.17,
3.18, 3.19, 7; FORMATS.md sections 1 and 5; CLI.md `improve indicators`;
docs/csv-bundle.md and docs/inputs-and-indicators.md).  Every reading taken
where the text leaves a choice is listed in README-bundle.md beside this
file.  Standard library only.

Usage:
    bundle_reading.py --input PATH [--input PATH ...] --from YYYY-MM --to YYYY-MM
                      [--as-of YYYY-MM-DD] [--holidays CSV]

Inputs (files or folders; a folder means every file directly in it) are told
apart by content: bundle CSV tables by their header row (any column order,
any case), CIN census XML by its root and Collection.  The census is read
only for what the bundle lacks: open cases (CINreferralDate/CINclosureDate)
for the allocation indicators and open child protection plans
(CPPstartDate/CPPendDate) for cp_visits_in_timescale.

Prints the rows of the `improve indicators --format csv` contract for
initial_assessment_timeliness, core_assessment_timeliness,
referrals_to_initial_assessment, ia_outcome_nfa_rate,
referrer_informed_of_outcome, supervision_records_adequate_or_better,
case_audit_adequate_or_better, case_audit_good_or_better (in_month,
cumulative_ytd, rolling_12_months), cp_visits_in_timescale (snapshot at
each month's last day, and in_month), unallocated_cases and
cases_allocated_to_qualified_sw (snapshot at each month's last day).  Warnings go to standard error.
"""

import argparse
import bisect
import calendar
import csv
import datetime as dt
import io
import os
import sys
from collections import Counter
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 60
sys.dont_write_bytecode = True

HEADER = "indicator,basis,period_start,period_end,numerator,denominator,value"
EVENT_BASES = ("in_month", "cumulative_ytd", "rolling_12_months")

# INDICATORS.md 3.1: 7 working days for assessments completed on or before
# 31 March 2010, 10 after.
IA_RULE_CHANGE_LAST_DAY = dt.date(2010, 3, 31)
IA_LIMIT_BEFORE, IA_LIMIT_AFTER = 7, 10
CORE_LIMIT = 35  # 3.2
VISIT_INTERVAL_WD = 10  # 3.10 default visitIntervalWD

# ---------------------------------------------------------------------------
# Warnings
# ---------------------------------------------------------------------------

_warned = set()


def warn(msg):
    if msg not in _warned:
        _warned.add(msg)
        print("warning: " + msg, file=sys.stderr)


# ---------------------------------------------------------------------------
# Dates, working days (INDICATORS.md 1.1, 1.2)
# ---------------------------------------------------------------------------


def add_months(d, k):
    m0 = d.month - 1 + k
    y = d.year + m0 // 12
    m = m0 % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def month_end(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1])


class Bad(Exception):
    pass


def iso(s, required=False):
    """A YYYY-MM-DD date; None when empty (Bad when required); Bad when unreadable."""
    s = (s or "").strip()
    if not s:
        if required:
            raise Bad("empty")
        return None
    try:
        if len(s) != 10:
            raise ValueError
        return dt.date.fromisoformat(s)
    except ValueError:
        raise Bad("not a YYYY-MM-DD date: %r" % s)


YES = {"y", "yes", "true", "1"}
NO = {"n", "no", "false", "0"}


def yesno(s, required=False):
    s = (s or "").strip().lower()
    if not s:
        if required:
            raise Bad("empty")
        return None
    if s in YES:
        return True
    if s in NO:
        return False
    raise Bad("not a yes/no value: %r" % s)


class Calendar:
    def __init__(self, path):
        self.holidays = set()
        with open(path, newline="", encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                self.holidays.add(dt.date.fromisoformat(r["date"].strip()))
        self.first_year = min(h.year for h in self.holidays)
        self.last_year = max(h.year for h in self.holidays)
        self._cum = {}  # date -> working days from a fixed origin (memo)

    def is_working(self, d):
        return d.weekday() < 5 and d not in self.holidays

    def _count(self, d):
        """Working days in (ORIGIN, d], memoised per date."""
        n = self._cum.get(d)
        if n is None:
            # fill the memo from the nearest earlier known date
            k = d
            one = dt.timedelta(days=1)
            path = []
            while k not in self._cum and k > self.ORIGIN:
                path.append(k)
                k -= one
            base = self._cum.get(k, 0)
            for x in reversed(path):
                base += 1 if self.is_working(x) else 0
                self._cum[x] = base
            n = self._cum.get(d, 0)
        return n

    ORIGIN = dt.date(1990, 1, 1)

    def wd(self, start, end):
        """Working days d with start < d <= end (start is day 0).  Negative
        when end is before start (callers exclude those)."""
        if start < self.ORIGIN or end < self.ORIGIN:
            raise ValueError("date before 1990")
        if min(start, end).year < self.first_year or max(start, end).year > self.last_year:
            warn("working days counted outside the bank-holiday table (%d-%d): only weekends are "
                 "non-working there" % (self.first_year, self.last_year))
        return self._count(end) - self._count(start)


def find_holidays(explicit):
    if explicit:
        return explicit
    env = os.environ.get("BANK_HOLIDAYS_CSV")
    if env:
        return env
    d = os.path.dirname(os.path.abspath(__file__))
    for _ in range(8):
        cand = os.path.join(d, "shared", "spec", "bank-holidays-england-and-wales.csv")
        if os.path.exists(cand):
            return cand
        d = os.path.dirname(d)
    cand = "/work/shared/spec/bank-holidays-england-and-wales.csv"
    if os.path.exists(cand):
        return cand
    sys.exit("error: cannot find bank-holidays-england-and-wales.csv (use --holidays)")


# ---------------------------------------------------------------------------
# Recognising inputs (docs/csv-bundle.md: the table is told from the header)
# ---------------------------------------------------------------------------

# table -> (required columns, optional columns)
TABLES = {
    "initial_assessments": (["child_id", "referral_date", "start_date", "outcome"],
                            ["referral_id", "completion_date"]),
    "core_assessments": (["child_id", "start_date"], ["completion_date"]),
    "referrals": (["child_id", "referral_id", "referral_date"], ["source"]),
    "visits": (["child_id", "visit_date", "seen"], ["seen_alone"]),
    "allocations": (["child_id", "worker_id", "from_date", "to_date", "worker_qualified"], []),
    "case_audits": (["case_id", "audit_date", "auditor", "grade", "scale_version",
                     "management_oversight_grade", "child_voice_recorded"],
                    ["moderated_grade", "moderation_date"]),
    "referrer_feedback": (["referral_id", "decision_date", "referrer_informed_date"],
                          ["referrer_type"]),
    # tables read elsewhere: recognised so that they are not mistaken for ours
    "workforce_monthly": (["month", "in_post_fte", "vacancies_fte", "agency_fte", "leavers_fte",
                           "working_days_lost", "cases", "case_holding_fte"], []),
    "health_assessments": (["child_id", "assessment_date", "kind"], []),
    "care_leavers": (["child_id", "care_leaver_from", "care_leaver_to"], []),
    "pathway_plan_reviews": (["child_id", "pathway_plan_review_date"], []),
}
OURS = ("initial_assessments", "core_assessments", "referrals", "visits", "allocations",
        "case_audits", "referrer_feedback")


def read_text(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def classify_header(head):
    """The table whose required columns all appear in the header; the one
    with most required columns wins (initial assessments' columns include
    the core assessments' ones)."""
    hs = set(head)
    best = None
    for name, (req, _opt) in TABLES.items():
        if all(c in hs for c in req):
            if best is None or len(req) > len(TABLES[best][0]):
                best = name
    return best


def classify_csv(path):
    """(table name, list of (line number, row dict)) or (None, None)."""
    try:
        text = read_text(path)
    except OSError:
        return None, None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return None, None
    head = [h.strip().lower() for h in rows[0]]
    name = classify_header(head)
    if name is None:
        return None, None
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if not any(x.strip() for x in r):
            continue
        out.append((i, {head[j]: (r[j].strip() if j < len(r) else "") for j in range(len(head))}))
    return name, out


def strip_ns(tag):
    return tag.rsplit("}", 1)[-1]


def classify_xml(path):
    """The parsed root when the file is a CIN census, else None."""
    try:
        root = ET.fromstring(read_text(path).encode("utf-8"))
    except ET.ParseError as e:
        warn("%s: not well-formed XML (%s); skipped" % (path, e))
        return None
    if strip_ns(root.tag) != "Message":
        return None
    for el in root.iter():
        t = strip_ns(el.tag)
        if t == "Collection":
            return root if (el.text or "").strip().upper() == "CIN" else None
        if t == "CINdetails":
            return root
    return None


def input_files(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                fp = os.path.join(p, name)
                if os.path.isfile(fp):
                    files.append(fp)
        elif os.path.isfile(p):
            files.append(p)
        else:
            sys.exit("error: %s: no such file or folder" % p)
    return files


def classify_file(fp):
    """('csv', table, rows) / ('cin', root) / None, for the staging in compare_bundle.py too."""
    low = fp.lower()
    if low.endswith(".xml"):
        root = classify_xml(fp)
        return ("cin", root) if root is not None else None
    if low.endswith(".xlsx") or low.endswith(".zip"):
        return None
    name, rows = classify_csv(fp)
    if name in OURS:
        return ("csv", name, rows)
    return None


# ---------------------------------------------------------------------------
# CIN census: episodes, merged across files (FORMATS.md 1, INDICATORS.md 7)
# ---------------------------------------------------------------------------


def child_text(el, name):
    for c in el:
        if strip_ns(c.tag) == name:
            return (c.text or "").strip()
    return ""


def children_named(el, name):
    return [c for c in el if strip_ns(c.tag) == name]


class CinEpisode:
    __slots__ = ("child", "referral", "closure", "plans", "dates")

    def __init__(self, child, referral, closure, plans, dates):
        self.child = child
        self.referral = referral
        self.closure = closure
        self.plans = plans      # [(start, end or None)]
        self.dates = dates      # sorted (element, date) pairs of the episode (for matching)


def read_cin(path, root):
    """(reference date or None, [CinEpisode] in file order)."""
    ref = None
    year = None
    for el in root.iter():
        t = strip_ns(el.tag)
        if t == "ReferenceDate":
            try:
                ref = iso(el.text)
            except Bad:
                ref = None
        elif t == "Year":
            year = (el.text or "").strip()
        elif t == "Children":
            break
    if ref is None and year and year.isdigit():
        ref = dt.date(int(year), 3, 31)
    eps = []
    for child in root.iter():
        if strip_ns(child.tag) != "Child":
            continue
        cid = ""
        for ids in children_named(child, "ChildIdentifiers"):
            cid = child_text(ids, "LAchildID")
        if not cid:
            warn("%s: a Child without LAchildID left out" % path)
            continue
        for det in children_named(child, "CINdetails"):
            try:
                referral = iso(child_text(det, "CINreferralDate"), required=True)
            except Bad as e:
                warn("%s: child %s: CINreferralDate %s; episode left out" % (path, cid, e))
                continue
            try:
                closure = iso(child_text(det, "CINclosureDate"))
            except Bad:
                warn("%s: child %s: unreadable CINclosureDate counts as absent" % (path, cid))
                closure = None
            # dates tagged with their element, to match same-day episodes across files
            dates = [("CINreferralDate", referral)] + ([("CINclosureDate", closure)] if closure else [])
            plans = []
            for cpp in children_named(det, "ChildProtectionPlans"):
                try:
                    s = iso(child_text(cpp, "CPPstartDate"), required=True)
                except Bad:
                    warn("%s: child %s: plan without a readable CPPstartDate left out" % (path, cid))
                    continue
                try:
                    e = iso(child_text(cpp, "CPPendDate"))
                except Bad:
                    e = None
                plans.append((s, e))
                dates += [("CPPstartDate", s)] + ([("CPPendDate", e)] if e else [])
            # other dates of the episode, only to match same-day episodes across files
            for el in det.iter():
                t = strip_ns(el.tag)
                if t in ("AssessmentActualStartDate", "AssessmentAuthorisationDate", "CINPlanStartDate",
                         "CINPlanEndDate", "S47ActualStartDate", "DateOfInitialCPC", "CPPreviewDate"):
                    try:
                        d = iso(el.text)
                    except Bad:
                        d = None
                    if d:
                        dates.append((t, d))
            eps.append(CinEpisode(cid, referral, closure, plans, sorted(dates)))
    return ref, eps


def multiset_sub(a, b):
    """True when every element of a is in b (as multisets); the extra count."""
    ca, cb = Counter(a), Counter(b)
    for k, v in ca.items():
        if cb[k] < v:
            return False, 0
    return True, sum(cb.values()) - sum(ca.values())


def merge_cin(files):
    """Episodes of several census files, newest file first (by reference
    date); an older file's episode matching a kept one (same child and
    referral date) is replaced by it.  Several episodes of one child on one
    day: older ones are matched first to kept ones they agree with (their
    dates, element by element, a sub-multiset of the kept one's: "the same
    dates, or fewer of them"; the pairs with fewest extra dates first), then
    in file order; any left over are added
    (docs/inputs-and-indicators.md)."""
    order = sorted(range(len(files)), key=lambda i: (files[i][0] or dt.date.min, i), reverse=True)
    kept = {}  # (child, referral) -> [CinEpisode]
    for i in order:
        _ref, eps = files[i]
        groups = {}
        for e in eps:
            groups.setdefault((e.child, e.referral), []).append(e)
        for key, older in groups.items():
            if key not in kept:
                kept[key] = list(older)
                continue
            have = kept[key]
            used = [False] * len(have)
            done = [False] * len(older)
            pairs = []
            for a, e in enumerate(older):
                for j, k in enumerate(have):
                    ok, extra = multiset_sub(e.dates, k.dates)
                    if ok:
                        pairs.append((extra, a, j))
            for extra, a, j in sorted(pairs):  # closest agreement first
                if not done[a] and not used[j]:
                    done[a] = used[j] = True
            left = [e for a, e in enumerate(older) if not done[a]]
            still = []
            for e in left:
                for j in range(len(have)):
                    if not used[j]:
                        used[j] = True
                        break
                else:
                    still.append(e)
            have.extend(still)
    out = []
    for key in sorted(kept):
        out.extend(kept[key])
    return out


# ---------------------------------------------------------------------------
# Bundle tables
# ---------------------------------------------------------------------------


def rows_of(tables, name, parse):
    out = []
    for fp, line, r in tables.get(name, []):
        try:
            out.append(parse(r))
        except Bad as e:
            warn("%s line %d (%s): %s; row left out" % (fp, line, name, e))
    return out


class Field:
    def __init__(self, r):
        self.r = r

    def __call__(self, col, kind, required=False):
        v = self.r.get(col, "")
        try:
            if kind == "date":
                return iso(v, required)
            if kind == "yn":
                return yesno(v, required)
            v = v.strip()
            if required and not v:
                raise Bad("empty")
            return v
        except Bad as e:
            raise Bad("%s %s" % (col, e))


def p_ia(r):
    f = Field(r)
    return {"child": f("child_id", "s", True), "referral_id": f("referral_id", "s"),
            "referral": f("referral_date", "date", True), "start": f("start_date", "date", True),
            "completion": f("completion_date", "date"), "outcome": f("outcome", "s")}


def p_core(r):
    f = Field(r)
    return {"child": f("child_id", "s", True), "start": f("start_date", "date", True),
            "completion": f("completion_date", "date")}


def p_referral(r):
    f = Field(r)
    return {"child": f("child_id", "s", True), "id": f("referral_id", "s", True),
            "date": f("referral_date", "date", True)}


def p_visit(r):
    f = Field(r)
    return {"child": f("child_id", "s", True), "date": f("visit_date", "date", True),
            "seen": f("seen", "yn", True), "alone": f("seen_alone", "yn")}


def p_alloc(r):
    f = Field(r)
    a = {"child": f("child_id", "s", True), "worker": f("worker_id", "s"),
         "from": f("from_date", "date", True), "to": f("to_date", "date"),
         "qualified": f("worker_qualified", "yn")}
    if a["to"] is not None and a["to"] < a["from"]:
        raise Bad("to_date before from_date")
    return a


GRADE_RANK = {"outstanding": 1, "good": 2, "adequate": 3, "requires improvement": 3,
              "requires improvement to be good": 3, "inadequate": 4}
SCALE_GRADES = {"2010": {"outstanding", "good", "adequate", "inadequate"},
                "2013": {"outstanding", "good", "requires improvement",
                         "requires improvement to be good", "inadequate"}}


def grade(s, col, required=False):
    g = " ".join((s or "").strip().lower().replace("_", " ").split())
    if not g:
        if required:
            raise Bad("%s empty" % col)
        return None
    if g not in GRADE_RANK:
        raise Bad("%s not a grade: %r" % (col, s))
    return g


def p_audit(r):
    f = Field(r)
    a = {"case": f("case_id", "s", True), "date": f("audit_date", "date", True),
         "grade": grade(r.get("grade"), "grade", True),
         "scale": f("scale_version", "s"),
         "mo": grade(r.get("management_oversight_grade"), "management_oversight_grade"),
         "moderated": grade(r.get("moderated_grade"), "moderated_grade"),
         "moderation_date": f("moderation_date", "date")}
    sc = a["scale"]
    for g in (a["grade"], a["moderated"], a["mo"]):
        if g and sc in SCALE_GRADES and g not in SCALE_GRADES[sc]:
            warn("case %s: grade %r is outside scale %s (flagged, kept: ranked %d)"
                 % (a["case"], g, sc, GRADE_RANK[g]))
    return a


def p_feedback(r):
    f = Field(r)
    return {"id": f("referral_id", "s", True), "decision": f("decision_date", "date", True),
            "informed": f("referrer_informed_date", "date"),
            "type": f("referrer_type", "s").lower()}


# ---------------------------------------------------------------------------
# Periods and formatting (INDICATORS.md 2, 7; CLI.md)
# ---------------------------------------------------------------------------


def months(frm, to):
    y, m = frm
    out = []
    while (y, m) <= to:
        out.append((y, m))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def window(basis, y, m):
    end = month_end(y, m)
    if basis == "in_month":
        return dt.date(y, m, 1), end
    if basis == "cumulative_ytd":
        return dt.date(y if m >= 4 else y - 1, 4, 1), end
    if basis == "rolling_12_months":
        return add_months(dt.date(y, m, 1), -11), end
    raise ValueError(basis)


def fmt_value(num, den, scale=100):
    if den == 0:
        return ""
    v = Decimal(num) * scale / Decimal(den)
    return str(v.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def event_rows(ind, items, month_list):
    """items: [(qualifying date, in numerator)] -> rows on the three event bases."""
    items = sorted(items)
    dates = [d for d, _ in items]
    # prefix sums for speed
    pn = [0]
    for _, ok in items:
        pn.append(pn[-1] + (1 if ok else 0))
    out = []
    for basis in EVENT_BASES:
        for y, m in month_list:
            s, e = window(basis, y, m)
            lo = bisect.bisect_left(dates, s)
            hi = bisect.bisect_right(dates, e)
            den = hi - lo
            num = pn[hi] - pn[lo]
            out.append((ind, basis, s.isoformat(), e.isoformat(), str(num), str(den), fmt_value(num, den)))
    return out


def snapshot_row(ind, d, num, den, scale=100):
    return (ind, "snapshot", d.isoformat(), d.isoformat(), str(num), str(den), fmt_value(num, den, scale))


# ---------------------------------------------------------------------------
# The indicators
# ---------------------------------------------------------------------------


def ia_rows(ias, cal, month_list):
    """3.1 initial_assessment_timeliness and 3.4 ia_outcome_nfa_rate."""
    timely, nfa = [], []
    for a in ias:
        c = a["completion"]
        if c is None:
            continue  # open: excluded (backlog, not reported here)
        nfa.append((c, a["outcome"].upper() == "NFA"))
        if c < a["referral"]:
            warn("initial assessment of %s completed %s before its referral %s: left out of timeliness"
                 % (a["child"], c, a["referral"]))
            continue
        limit = IA_LIMIT_BEFORE if c <= IA_RULE_CHANGE_LAST_DAY else IA_LIMIT_AFTER
        timely.append((c, cal.wd(a["referral"], c) <= limit))
    return (event_rows("initial_assessment_timeliness", timely, month_list)
            + event_rows("ia_outcome_nfa_rate", nfa, month_list))


def core_rows(cores, cal, month_list):
    items = []
    for a in cores:
        c = a["completion"]
        if c is None:
            continue
        if c < a["start"]:
            warn("core assessment of %s completed %s before it commenced %s: left out"
                 % (a["child"], c, a["start"]))
            continue
        items.append((c, cal.wd(a["start"], c) <= CORE_LIMIT))
    return event_rows("core_assessment_timeliness", items, month_list)


def referral_rows(referrals, ias, month_list):
    """3.4 NI 68: referrals in the period that led to an initial assessment
    (any IA linked to it, open or completed, whenever it started)."""
    by_id = set()
    by_child_day = set()
    for a in ias:
        if a["referral_id"]:
            by_id.add(a["referral_id"])
        else:
            by_child_day.add((a["child"], a["referral"]))
    seen = {}
    for r in referrals:
        if r["id"] in seen:
            if (seen[r["id"]]["child"], seen[r["id"]]["date"]) != (r["child"], r["date"]):
                warn("referral %s given twice with different child or date: the first kept" % r["id"])
            continue
        seen[r["id"]] = r
    items = []
    for r in seen.values():
        led = r["id"] in by_id or (r["child"], r["date"]) in by_child_day
        items.append((r["date"], led))
    return event_rows("referrals_to_initial_assessment", items, month_list)


def feedback_rows(fb, month_list):
    """3.18 referrer_informed_of_outcome."""
    items = []
    for r in fb:
        if r["type"] in ("anonymous", "self"):
            continue
        inf = r["informed"]
        items.append((r["decision"], inf is not None and inf >= r["decision"]))
    return event_rows("referrer_informed_of_outcome", items, month_list)


def audit_rows(audits, month_list):
    """3.17 and 3.18 supervision: the moderated grade replaces the grade, the
    moderation date (when given) places the audit in time."""
    adequate, good, sup = [], [], []
    for a in audits:
        d = a["moderation_date"] or a["date"]
        g = a["moderated"] or a["grade"]
        adequate.append((d, GRADE_RANK[g] <= 3))
        good.append((d, GRADE_RANK[g] <= 2))
        if a["mo"]:
            sup.append((d, GRADE_RANK[a["mo"]] <= 3))
    return (event_rows("case_audit_adequate_or_better", adequate, month_list)
            + event_rows("case_audit_good_or_better", good, month_list)
            + event_rows("supervision_records_adequate_or_better", sup, month_list))


def visit_rows(episodes, visits, cal, month_list):
    """3.10 snapshot at D: children on a plan open at D whose plan (the
    earliest open at D when several are) started more than 10 working days
    before D; numerator those whose
    last child-seen visit on or before D is within 10 working days of D."""
    plans = {}
    for e in episodes:
        for s, end in e.plans:
            plans.setdefault(e.child, set()).add((s, end))
    seen_dates = {}
    for v in visits:
        if v["seen"]:
            seen_dates.setdefault(v["child"], []).append(v["date"])
    for c in seen_dates:
        seen_dates[c].sort()
    out = []
    for y, m in month_list:
        D = month_end(y, m)
        num = den = 0
        for child, ps in plans.items():
            open_ = [s for s, end in ps if s <= D and (end is None or end > D)]
            if not open_:
                continue
            # on a plan since the earliest plan open at D ([changed]: not the
            # latest, which is 3.8's rule in section 7, not 3.10's)
            start = min(open_)
            if cal.wd(start, D) <= VISIT_INTERVAL_WD:
                continue
            den += 1
            ds = seen_dates.get(child, [])
            i = bisect.bisect_right(ds, D)
            if i and cal.wd(ds[i - 1], D) <= VISIT_INTERVAL_WD:
                num += 1
        out.append(snapshot_row("cp_visits_in_timescale", D, num, den))
    out += visit_in_month_rows(plans, seen_dates, cal, month_list)
    return out


def visit_in_month_rows(plans, seen_dates, cal, month_list):
    """3.10 period definition, in month [F, L] (docs/csv-bundle.md, visits.csv):
    the unit is the child, once however many plans it has.
    Denominator: children on a plan at any time in the month, i.e. a plan
    begun by L (start <= L) and not ended by F (no end, or end > F: a plan
    ending on F is not on a plan in the month, as 1.3's open-at-D).
    Numerator: every interval between consecutive child-seen visits in the
    month, including the one from the last child-seen visit before the month
    (whenever it was: the words bound it by nothing) to the month's first,
    has wd <= 10; the interval from the month's last visit to L is not judged.
    Decided rule for a child with no child-seen visit in the month: the
    interval still running at L, from max(last seen visit before F, plan
    start) -- the plan start alone when there was no visit -- is judged at L:
    wd(from, L) <= 10.  "The plan's start" for a child with several plans in
    the month is the earliest start among them (on a plan since then, as
    the snapshot's item 20)."""
    out = []
    for y, m in month_list:
        F, L = dt.date(y, m, 1), month_end(y, m)
        num = den = 0
        for child, ps in plans.items():
            starts = [s for s, end in ps if s <= L and (end is None or end > F)]
            if not starts:
                continue
            den += 1
            ds = seen_dates.get(child, [])
            lo = bisect.bisect_left(ds, F)
            hi = bisect.bisect_right(ds, L)
            inside = ds[lo:hi]
            before = ds[lo - 1] if lo else None
            if inside:
                chain = ([before] if before is not None else []) + inside
                ok = all(cal.wd(a, b) <= VISIT_INTERVAL_WD for a, b in zip(chain, chain[1:]))
            else:
                start = min(starts)
                frm = start if before is None or start > before else before
                ok = cal.wd(frm, L) <= VISIT_INTERVAL_WD
            if ok:
                num += 1
        out.append(("cp_visits_in_timescale", "in_month", F.isoformat(), L.isoformat(),
                    str(num), str(den), fmt_value(num, den)))
    return out


def allocation_rows(episodes, allocs, month_list):
    """3.16 at each month end D: children with a case open at D (referral on
    or before D, not closed by D); unallocated when no allocation to a named
    worker covers D (from_date <= D <= to_date, to_date being the last
    day); qualified when the current such allocation (latest from_date;
    on a tie the one that runs on longest) is to a registered social
    worker."""
    eps = {}
    for e in episodes:
        eps.setdefault(e.child, []).append((e.referral, e.closure))
    al = {}
    for i, a in enumerate(allocs):
        al.setdefault(a["child"], []).append((a["from"], i, a))
    out = []
    for y, m in month_list:
        D = month_end(y, m)
        open_children = [c for c, es in eps.items()
                         if any(r <= D and (cl is None or cl > D) for r, cl in es)]
        unalloc = qual = 0
        for c in open_children:
            cover = [(f, i, a) for f, i, a in al.get(c, [])
                     if a["worker"] and f <= D and (a["to"] is None or a["to"] >= D)]
            if not cover:
                unalloc += 1
                continue
            # the current allocation: latest first day; on the same first day
            # the one that runs on longest (open-ended first), then file order
            cur = max(cover, key=lambda t: (t[0], t[2]["to"] or dt.date.max, t[1]))[2]
            if cur["qualified"]:
                qual += 1
        out.append(snapshot_row("unallocated_cases", D, unalloc, 1, scale=1))
        out.append(snapshot_row("cases_allocated_to_qualified_sw", D, qual, len(open_children)))
    return out


# ---------------------------------------------------------------------------


def compute(inputs, frm, to, as_of=None, holidays=None):
    cal = Calendar(find_holidays(holidays))
    tables = {}
    cin_files = []
    for fp in input_files(inputs):
        k = classify_file(fp)
        if k is None:
            continue
        if k[0] == "cin":
            cin_files.append(read_cin(fp, k[1]))
        else:
            tables.setdefault(k[1], []).extend((fp, line, r) for line, r in k[2])
    if as_of is not None:
        to = min(to, (as_of.year, as_of.month))  # later months are left out
    month_list = months(frm, to)
    out = []
    ias = rows_of(tables, "initial_assessments", p_ia)
    if "initial_assessments" in tables:
        out += ia_rows(ias, cal, month_list)
    if "core_assessments" in tables:
        out += core_rows(rows_of(tables, "core_assessments", p_core), cal, month_list)
    if "referrals" in tables:
        out += referral_rows(rows_of(tables, "referrals", p_referral), ias, month_list)
    if "referrer_feedback" in tables:
        out += feedback_rows(rows_of(tables, "referrer_feedback", p_feedback), month_list)
    if "case_audits" in tables:
        out += audit_rows(rows_of(tables, "case_audits", p_audit), month_list)
    if cin_files and ("visits" in tables or "allocations" in tables):
        episodes = merge_cin(cin_files)
        if "visits" in tables:
            out += visit_rows(episodes, rows_of(tables, "visits", p_visit), cal, month_list)
        if "allocations" in tables:
            out += allocation_rows(episodes, rows_of(tables, "allocations", p_alloc), month_list)
    out.sort(key=lambda r: r[:4])
    return out


def parse_month(s):
    try:
        d = dt.datetime.strptime(s, "%Y-%m")
    except ValueError:
        raise argparse.ArgumentTypeError("expected YYYY-MM, got %r" % s)
    return (d.year, d.month)


def parse_day(s):
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError("expected YYYY-MM-DD, got %r" % s)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", action="append", required=True, help="file or folder (repeatable)")
    ap.add_argument("--from", dest="frm", type=parse_month, required=True)
    ap.add_argument("--to", type=parse_month, required=True)
    ap.add_argument("--as-of", type=parse_day, default=None)
    ap.add_argument("--holidays", default=None, help="bank-holidays-england-and-wales.csv")
    a = ap.parse_args(argv)
    if a.to < a.frm:
        ap.error("--to is before --from")
    rows = compute(a.input, a.frm, a.to, a.as_of, a.holidays)
    w = sys.stdout.write
    w(HEADER + "\n")
    for r in rows:
        w(",".join(r) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
