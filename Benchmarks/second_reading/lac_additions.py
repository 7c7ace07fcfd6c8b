#!/usr/bin/env python3
"""Second reading of the looked-after additions: health assessments, pathway
plans, rates per 10,000, social workers, Deprivation of Liberty, care leavers'
activity and accommodation (OC3), and the workforce from the monthly bundle.

An independent implementation written from the specifications only
(shared/spec/INDICATORS.md 1, 2, 3.12, 3.13, 3.15; docs/indicators-2026.md
8.2, 8.5, 8.6; docs/csv-bundle.md; docs/inputs-and-indicators.md;
docs/looked-after-and-workforce.md; FORMATS.md 2, 6; CLI.md).  The readings
chosen where the words leave a choice are listed in README-lac-additions.md.
Standard library only.  Periods of care, working days, month arithmetic and
the output format are taken from lac_workforce.py (the first second reading,
written the same way).

Usage:
    lac_additions.py --input PATH [--input PATH ...] --from YYYY-MM --to YYYY-MM
                     [--as-of YYYY-MM-DD] [--population FILE --council CODE]
                     [--today YYYY-MM-DD] [--holidays CSV]

Prints the rows of the `improve indicators --format csv` contract.
Warnings go to standard error.
"""

import argparse
import csv
import datetime as dt
import io
import os
import sys
from decimal import Decimal, InvalidOperation

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lac_workforce as lw  # noqa: E402

HEADER = lw.HEADER
warn = lw.warn
add_months = lw.add_months
month_end = lw.month_end

INDICATORS = [
    "care_leavers_17_18_eet",
    "care_leavers_17_18_suitable_accommodation",
    "care_leavers_19_21_eet",
    "care_leavers_19_21_suitable_accommodation",
    "care_leavers_pathway_plan",
    "cla_deprivation_of_liberty",
    "cla_rate_per_10k",
    "cla_social_worker_changes",
    "cla_three_plus_social_workers",
    "lac_health_assessment_timeliness",
    "lac_initial_health_assessment_20wd",
    "sw_absence_rate",
    "sw_agency_rate",
    "sw_average_caseload",
    "sw_sickness_days_per_fte",
    "sw_turnover_rate",
    "sw_vacancy_rate",
]
EVENT_BASES = ("cumulative_ytd", "in_month", "rolling_12_months")

# ---------------------------------------------------------------------------
# SSDA903 tables (FORMATS.md 2 and 6), recognised by their upper-case header.
# name -> (columns, date columns).  Only the first six feed figures; the
# others are read for their dates (the return's year and horizon).
# ---------------------------------------------------------------------------

T903 = {
    "header": (["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"], ["DOB", "MC_DOB"]),
    "episodes": (lw.T_EPISODES, ["DECOM", "DEC"]),
    "reviews": (lw.T_REVIEWS, ["DOB", "REVIEW"]),
    "oc3": (["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"], ["DOB"]),
    "sw": (["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"], ["DOB", "SW_DECOM", "SW_DEC"]),
    "dol": (["CHILD", "DOB", "DOLO_START", "DOLO_END"], ["DOB", "DOLO_START", "DOLO_END"]),
    "oc2": (["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
             "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
             "INTERVENTION_OFFERED"], ["DOB"]),
    "ad1": (["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
             "LS_ADOPTR"], ["DOB", "DATE_INT", "DATE_MATCH"]),
    "missing": (["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"], ["DOB", "MIS_START", "MIS_END"]),
    "placed_adoption": (["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                        ["DOB", "DATE_PLACED", "DATE_PLACED_CEASED"]),
    "prev_perm": (["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"], ["DOB", "DATE_PERM"]),
    "uasc": (["CHILD", "SEX", "DOB", "DUC"], ["DOB", "DUC"]),
}

# The council's CSV bundle (docs/csv-bundle.md), recognised by its header
# (any order, any case): name -> required columns.
TBUNDLE = {
    "health_assessments": ["child_id", "assessment_date", "kind"],
    "care_leavers": ["child_id", "care_leaver_from", "care_leaver_to"],
    "pathway_plan_reviews": ["child_id", "pathway_plan_review_date"],
    "workforce_monthly": ["month", "in_post_fte", "vacancies_fte", "agency_fte", "leavers_fte",
                          "working_days_lost", "cases", "case_holding_fte"],
}


def _rows(text):
    rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(x.strip() for x in r)]
    return rows


def classify(path):
    """(kind, name, header, data rows) for a file this reading reads, else None.

    kind is "903" or "bundle".  A 903 table must carry every column of its
    layout and at most two more (so OC3 is not taken for a longer table)."""
    if not path.lower().endswith(".csv"):
        return None
    try:
        text = lw.read_text(path)
    except OSError:
        return None
    rows = _rows(text)
    if not rows:
        return None
    raw = [h.strip().lstrip("\ufeff") for h in rows[0]]
    upper = [h.upper() for h in raw]
    # exact upper-case 903 header first; the longest matching layout wins
    best = None
    for name, (cols, _) in T903.items():
        if all(c in raw for c in cols) and len(raw) <= len(cols) + 2:
            if best is None or len(cols) > len(T903[best][0]):
                best = name
    if best is not None:
        return ("903", best, upper, rows[1:])
    lower = [h.lower() for h in raw]
    for name, cols in TBUNDLE.items():
        if all(c in lower for c in cols):
            return ("bundle", name, lower, rows[1:])
    return None


def as_dicts(head, rows):
    return [{head[i]: (r[i].strip() if i < len(r) else "") for i in range(len(head))} for r in rows]


# ---------------------------------------------------------------------------
# The 903 return: future rows, horizon, the return's year
# ---------------------------------------------------------------------------


class Return903:
    def __init__(self, today):
        self.today = today
        self.tables = {}        # name -> kept rows (dicts)
        self.max_all = None     # latest date anywhere, future rows included (horizon)
        self.max_kept = None    # latest date of the rows kept (the return's year)

    def add(self, name, head, rows, path):
        cols, date_cols = T903[name]
        kept = self.tables.setdefault(name, [])
        for i, r in enumerate(as_dicts(head, rows)):
            dates = []
            for c in date_cols:
                d = lw.parse_dmy(r.get(c))
                if d is not None and d != "BAD":
                    dates.append(d)
            for d in dates:
                if self.max_all is None or d > self.max_all:
                    self.max_all = d
            future = [d for d in dates if d > self.today]
            if future:
                warn("%s line %d: child %s: date %s is after the day of reading (%s); row left out"
                     % (path, i + 2, r.get("CHILD", "?"), max(future).isoformat(), self.today.isoformat()))
                continue
            for d in dates:
                if self.max_kept is None or d > self.max_kept:
                    self.max_kept = d
            kept.append(r)

    def year(self):
        """The collection year the return describes: 1 April to the first
        31 March on or after the latest date of the rows kept."""
        d = self.max_kept
        if d is None:
            return None
        end = dt.date(d.year, 3, 31)
        if end < d:
            end = dt.date(d.year + 1, 3, 31)
        return dt.date(end.year - 1, 4, 1), end


# ---------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------


def row(ind, basis, ps, pe, num, den, scale):
    """scale: 100 (percentage), 10000 (per 10,000), 1 (rate or count)."""
    from decimal import ROUND_HALF_UP
    n = Decimal(num)
    d = Decimal(den)
    if d == 0:
        value = ""
    else:
        value = str((n * scale / d).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
    return (ind, basis, ps.isoformat(), pe.isoformat(), lw.fmt_num(num), lw.fmt_num(den), value)


def event_rows(ind, events, month_list):
    """events: list of (qualifying date, met: bool).  Percentages over the
    three event bases."""
    out = []
    for basis in EVENT_BASES:
        for (y, m) in month_list:
            ps, pe = lw.window(basis, y, m)
            inwin = [ok for (d, ok) in events if ps <= d <= pe]
            out.append(row(ind, basis, ps, pe, sum(1 for ok in inwin if ok), len(inwin), 100))
    return out


def count_rows(ind, dates, month_list):
    """A count of events over the three event bases: numerator the count,
    denominator 1, value the count."""
    out = []
    for basis in EVENT_BASES:
        for (y, m) in month_list:
            ps, pe = lw.window(basis, y, m)
            n = sum(1 for d in dates if ps <= d <= pe)
            out.append(row(ind, basis, ps, pe, n, 1, 1))
    return out


# ---------------------------------------------------------------------------
# Children looked after (periods of care as in lac_workforce.py)
# ---------------------------------------------------------------------------


def looked_after_at(children, d):
    """Children with an episode open at d (V3/V4 dropped, overlaps cut)."""
    out = []
    for c in children.values():
        ep = lw.open_episode(c, d)
        if ep is not None:
            out.append((c, ep))
    return out


def parse_iso_strict(s):
    d = lw.parse_iso(s)
    return d


# --- 3.12 -------------------------------------------------------------------


def read_health(rows, path):
    out = {}
    for i, r in enumerate(rows):
        cid = r.get("child_id", "").strip()
        d = lw.parse_iso(r.get("assessment_date"))
        kind = r.get("kind", "").strip().lower()
        if not cid or d is None or d == "BAD" or kind not in ("initial", "review"):
            warn("%s line %d: unreadable health assessment row; left out" % (path, i + 2))
            continue
        out.setdefault(cid, []).append((d, kind))
    return out


IHA_WD = 20


def iha_events(children, health, horizon, cal):
    """lac_initial_health_assessment_20wd: one initial health assessment due
    per period of care, on the 20th working day after it began (day 0); met
    by an `initial` assessment dated from the period's start to the due date.
    Not judged when the period ended on or before the due date, or the due
    date is after the horizon."""
    events = []
    for c in children.values():
        ha = health.get(c.id, [])
        for p in c.periods:
            due = cal.nth_working_day_after(p.start, IHA_WD)
            if p.end is not None and due >= p.end:
                continue
            if horizon is not None and due > horizon:
                continue
            met = any(k == "initial" and p.start <= d <= due for (d, k) in ha)
            events.append((due, met))
    return events


def health_up_to_date_rows(children, health, month_list, cohort="12m", cal=None):
    """lac_health_assessment_timeliness at each month end D: children looked
    after at D whose period of care began at least 12 months before
    (D >= addMonths(start, 12)); up to date when the latest assessment on or
    before D was followed by D no later than 6 months after it (child under
    five on that assessment's day) or 12 months (five or more)."""
    out = []
    for (y, m) in month_list:
        d = month_end(y, m)
        num = den = 0
        for c, ep in looked_after_at(children, d):
            per = lw.period_of(c, ep)
            if cohort == "12m":
                if d < add_months(per.start, 12):
                    continue
            elif cal.nth_working_day_after(per.start, IHA_WD) > d:
                continue  # --health-cohort iha-due (measuring only)
            if c.dob is None:
                warn("child %s: no date of birth; left out of lac_health_assessment_timeliness" % c.id)
                continue
            den += 1
            past = [a for (a, _) in health.get(c.id, []) if a <= d]
            if not past:
                continue
            last = max(past)
            under5 = last < add_months(c.dob, 60)
            due = add_months(last, 6 if under5 else 12)
            if d <= due:
                num += 1
        out.append(row("lac_health_assessment_timeliness", "snapshot", d, d, num, den, 100))
    return out


# --- 3.13 -------------------------------------------------------------------


def pathway_rows(leaver_rows, review_rows, month_list, path_l, path_r):
    spells = {}
    for i, r in enumerate(leaver_rows):
        cid = r.get("child_id", "").strip()
        f = lw.parse_iso(r.get("care_leaver_from"))
        t = lw.parse_iso(r.get("care_leaver_to"))
        if not cid or f is None or f == "BAD" or t == "BAD":
            warn("%s line %d: unreadable care leaver row; left out" % (path_l, i + 2))
            continue
        if t is not None and t < f:
            warn("%s line %d: care leaver %s ends before it starts; left out" % (path_l, i + 2, cid))
            continue
        spells.setdefault(cid, []).append((f, t))
    reviews = {}
    for i, r in enumerate(review_rows):
        cid = r.get("child_id", "").strip()
        d = lw.parse_iso(r.get("pathway_plan_review_date"))
        if not cid or d is None or d == "BAD":
            warn("%s line %d: unreadable pathway plan review row; left out" % (path_r, i + 2))
            continue
        reviews.setdefault(cid, []).append(d)
    out = []
    for (y, m) in month_list:
        d = month_end(y, m)
        lo = add_months(d, -6)
        num = den = 0
        for cid, sp in spells.items():
            if not any(f <= d and (t is None or t > d) for (f, t) in sp):
                continue
            den += 1
            past = [x for x in reviews.get(cid, []) if x <= d]
            if past and max(past) >= lo:
                num += 1
        out.append(row("care_leavers_pathway_plan", "snapshot", d, d, num, den, 100))
    return out


# --- 8.2 --------------------------------------------------------------------


def read_population(path, council):
    """{year: Decimal or None} of the council's 'Children aged 0 to 17 years'
    ONS estimates (None: a publisher's code instead of a number)."""
    est = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            r = {k.strip(): (v or "").strip() for k, v in r.items() if k}
            if r.get("geographic_level") != "Local authority":
                continue
            if r.get("old_la_code") != council:
                continue
            if r.get("age_group", "").lower() != "children aged 0 to 17 years":
                continue
            try:
                y = int(r["time_period"][:4])
            except (KeyError, ValueError):
                continue
            try:
                est[y] = Decimal(r.get("population_estimate", "").replace(",", ""))
            except InvalidOperation:
                est[y] = None
    return est


def population_for(est, d):
    """The estimate for mid-year Y, Y the first calendar year of d's financial
    year; else the nearest earlier estimate that is a number; else None."""
    fy = d.year if d.month >= 4 else d.year - 1
    years = sorted((y for y in est if y <= fy and est[y] is not None), reverse=True)
    return est[years[0]] if years else None


def cla_rate_rows(children, est, month_list):
    out = []
    for (y, m) in month_list:
        d = month_end(y, m)
        n = len(looked_after_at(children, d))
        pop = population_for(est, d)
        if pop is None:  # no figure: the contract's empty row ([changed], README item 13)
            out.append(row("cla_rate_per_10k", "snapshot", d, d, 0, 0, 10000))
        else:
            out.append(row("cla_rate_per_10k", "snapshot", d, d, n, pop, 10000))
    return out


# --- 8.5 --------------------------------------------------------------------


def read_sw(rows):
    eps = []
    seen = set()
    for r in rows:
        key = tuple(sorted(r.items()))
        if key in seen:  # the same row in two yearly files
            continue
        seen.add(key)
        cid = r.get("CHILD", "").strip()
        sw = r.get("SW_ID", "").strip()
        s = lw.parse_dmy(r.get("SW_DECOM"))
        e = lw.parse_dmy(r.get("SW_DEC"))
        if not cid or s is None or s == "BAD":
            warn("social worker table: child %s: SW_DECOM %r not a date; left out" % (cid, r.get("SW_DECOM")))
            continue
        if e == "BAD":
            warn("social worker table: child %s: SW_DEC %r not a date; left out" % (cid, r.get("SW_DEC")))
            continue
        if e is not None and e < s:
            warn("social worker table: child %s: episode ends before it starts; left out" % cid)
            continue
        eps.append({"child": cid, "sw": sw, "start": s, "end": e,
                    "reason": r.get("SW_REASON", "").strip().upper()})
    return eps


def three_plus_rows(children, sw_eps, month_list):
    by_child = {}
    for e in sw_eps:
        by_child.setdefault(e["child"], []).append(e)
    out = []
    for (y, m) in month_list:
        d = month_end(y, m)
        lo = add_months(d, -12)
        num = den = 0
        for c, _ in looked_after_at(children, d):
            den += 1
            ids = {e["sw"] for e in by_child.get(c.id, [])
                   if e["sw"] and e["start"] <= d and (e["end"] is None or e["end"] > lo)}
            if len(ids) >= 3:
                num += 1
        out.append(row("cla_three_plus_social_workers", "snapshot", d, d, num, den, 100))
    return out


def sw_change_rows(sw_eps, month_list):
    dates = [e["end"] for e in sw_eps if e["end"] is not None and e["reason"]]
    return count_rows("cla_social_worker_changes", dates, month_list)


def dol_rows(rows, month_list):
    orders = []
    for r in rows:
        cid = r.get("CHILD", "").strip()
        s = lw.parse_dmy(r.get("DOLO_START"))
        e = lw.parse_dmy(r.get("DOLO_END"))
        if not cid or s is None or s == "BAD" or e == "BAD":
            warn("DoL table: child %s: unreadable dates; left out" % cid)
            continue
        orders.append((cid, s, e))
    out = []
    for (y, m) in month_list:
        d = month_end(y, m)
        kids = {cid for (cid, s, e) in orders if s <= d and (e is None or e > d)}
        out.append(row("cla_deprivation_of_liberty", "snapshot", d, d, len(kids), 1, 1))
    return out


# --- 8.6 --------------------------------------------------------------------


def birthday(dob, years):
    return add_months(dob, 12 * years)  # 29 February falls on 28 February


def oc3_rows(rows, year, month_list):
    ev = {k: [] for k in ("care_leavers_17_18_eet", "care_leavers_17_18_suitable_accommodation",
                          "care_leavers_19_21_eet", "care_leavers_19_21_suitable_accommodation")}
    if year is not None:
        ys, ye = year
        for r in rows:
            dob = lw.parse_dmy(r.get("DOB"))
            if dob is None or dob == "BAD":
                warn("OC3: child %s: no readable DOB; left out" % r.get("CHILD", "?"))
                continue
            if r.get("IN_TOUCH", "").strip().upper() == "DIED":
                continue
            for age in range(17, 22):
                b = birthday(dob, age)
                if ys <= b <= ye:
                    break
            else:
                continue
            activ = r.get("ACTIV", "").strip().upper()
            accom = r.get("ACCOM", "").strip().upper()
            eet = activ[:1] in ("F", "P") and activ != ""
            suitable = len(accom) == 2 and accom.endswith("1")
            band = "17_18" if age <= 18 else "19_21"
            ev["care_leavers_%s_eet" % band].append((b, eet))
            ev["care_leavers_%s_suitable_accommodation" % band].append((b, suitable))
    out = []
    for ind, events in ev.items():
        out += event_rows(ind, events, month_list)
    return out


# --- 3.15 from workforce_monthly.csv ---------------------------------------

ABSENCE_WD = Decimal(253)
WF_NUM = ["in_post_fte", "vacancies_fte", "agency_fte", "leavers_fte", "working_days_lost", "cases",
          "case_holding_fte"]


def read_workforce(rows, path):
    months = {}
    for i, r in enumerate(rows):
        try:
            d = dt.datetime.strptime(r.get("month", "").strip(), "%Y-%m")
        except ValueError:
            warn("%s line %d: month %r unreadable; row left out" % (path, i + 2, r.get("month")))
            continue
        vals = {}
        bad = False
        for c in WF_NUM:
            try:
                vals[c] = Decimal(r.get(c, "").strip())
            except InvalidOperation:
                bad = True
        if bad or any(v < 0 or not v.is_finite() for v in vals.values()):
            warn("%s line %d: a figure is unreadable; row left out" % (path, i + 2))
            continue
        key = (d.year, d.month)
        if key in months:
            warn("%s line %d: month %04d-%02d given twice; the later row is used" % (path, i + 2, *key))
        months[key] = vals
    return months


def workforce_rows(wf, month_list):
    Z = Decimal(0)
    out = []
    for (y, m) in month_list:
        d = month_end(y, m)
        f = wf.get((y, m))
        if f is None:
            out.append(row("sw_vacancy_rate", "snapshot", d, d, Z, Z, 100))
            out.append(row("sw_agency_rate", "snapshot", d, d, Z, Z, 100))
            out.append(row("sw_average_caseload", "snapshot", d, d, Z, Z, 1))
        else:
            ip = f["in_post_fte"]
            out.append(row("sw_vacancy_rate", "snapshot", d, d, f["vacancies_fte"], f["vacancies_fte"] + ip, 100))
            out.append(row("sw_agency_rate", "snapshot", d, d, f["agency_fte"], f["agency_fte"] + ip, 100))
            out.append(row("sw_average_caseload", "snapshot", d, d, f["cases"], f["case_holding_fte"], 1))
        ps, pe = lw.window("rolling_12_months", y, m)
        keys = lw.months((ps.year, ps.month), (y, m))
        if all(k in wf for k in keys):
            ip = wf[(y, m)]["in_post_fte"]
            leavers = sum((wf[k]["leavers_fte"] for k in keys), Z)
            lost = sum((wf[k]["working_days_lost"] for k in keys), Z)
            out.append(row("sw_turnover_rate", "rolling_12_months", ps, pe, leavers, ip, 100))
            out.append(row("sw_sickness_days_per_fte", "rolling_12_months", ps, pe, lost, ip, 1))
            out.append(row("sw_absence_rate", "rolling_12_months", ps, pe, lost, ip * ABSENCE_WD, 100))
        else:
            for ind, sc in (("sw_turnover_rate", 100), ("sw_sickness_days_per_fte", 1), ("sw_absence_rate", 100)):
                out.append(row(ind, "rolling_12_months", ps, pe, Z, Z, sc))
    return out


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def compute(inputs, frm, to, as_of=None, population=None, council=None, today=None, holidays=None,
            health_cohort="12m"):
    cal = lw.Calendar(lw.find_holidays(holidays))
    reading_day = as_of or today or dt.date.today()
    ret = Return903(reading_day)
    bundle = {}
    for fp in lw.input_files(inputs):
        got = classify(fp)
        if got is None:
            continue
        kind, name, head, rows = got
        if kind == "903":
            ret.add(name, head, rows, fp)
        else:
            bundle.setdefault(name, []).append((fp, as_dicts(head, rows)))
    month_list = lw.months(frm, to)
    if as_of is not None:
        # [decided] The range ends at the --as-of month: a later month's figure is not known on that day.
        month_list = [m for m in month_list if (m[0], m[1]) <= (as_of.year, as_of.month)]
    t = ret.tables
    out = []
    children = None
    if "episodes" in t:
        tables = {k: t.get(k, []) for k in ("header", "episodes", "reviews")}
        children, _ = lw.load_903(tables)
        for cid in list(children):
            if not children[cid].episodes:
                del children[cid]  # short breaks only: in no figure
    horizon = as_of if as_of is not None else ret.max_all
    if children is not None and "health_assessments" in bundle:
        health = {}
        for fp, rows in bundle["health_assessments"]:
            for k, v in read_health(rows, fp).items():
                health.setdefault(k, []).extend(v)
        out += health_up_to_date_rows(children, health, month_list, health_cohort, cal)
        out += event_rows("lac_initial_health_assessment_20wd",
                          iha_events(children, health, horizon, cal), month_list)
    if "care_leavers" in bundle:
        lrows = [r for _, rows in bundle["care_leavers"] for r in rows]
        rrows = [r for _, rows in bundle.get("pathway_plan_reviews", []) for r in rows]
        out += pathway_rows(lrows, rrows, month_list, bundle["care_leavers"][0][0],
                            "pathway_plan_reviews.csv")
    if children is not None and population and council:
        out += cla_rate_rows(children, read_population(population, council), month_list)
    if "sw" in t:
        sw_eps = read_sw(t["sw"])
        out += three_plus_rows(children or {}, sw_eps, month_list)
        out += sw_change_rows(sw_eps, month_list)
    if "dol" in t:
        out += dol_rows(t["dol"], month_list)
    if "oc3" in t:
        out += oc3_rows(t["oc3"], ret.year(), month_list)
    if "workforce_monthly" in bundle:
        wf = {}
        for fp, rows in bundle["workforce_monthly"]:
            wf.update(read_workforce(rows, fp))
        out += workforce_rows(wf, month_list)
    out.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", action="append", required=True, help="folder or file (repeatable)")
    ap.add_argument("--from", dest="frm", type=lw.parse_month, required=True)
    ap.add_argument("--to", type=lw.parse_month, required=True)
    ap.add_argument("--as-of", type=lw.parse_day, default=None)
    ap.add_argument("--population", default=None, help="ONS estimates in DfE's layout")
    ap.add_argument("--council", default=None, help="three-digit LA code")
    ap.add_argument("--today", type=lw.parse_day, default=None,
                    help="the day of reading when there is no --as-of (default: today)")
    ap.add_argument("--holidays", default=None)
    ap.add_argument("--health-cohort", choices=("12m", "iha-due"), default="12m",
                    help="for measuring only: 'iha-due' takes every child looked after at D whose "
                         "initial health assessment has fallen due, in place of INDICATORS.md 3.12's "
                         "'looked after continuously for 12 months or more'")
    a = ap.parse_args(argv)
    if a.to < a.frm:
        ap.error("--to is before --from")
    rows = compute(a.input, a.frm, a.to, a.as_of, a.population, a.council, a.today, a.holidays,
                   a.health_cohort)
    sys.stdout.write(HEADER + "\n")
    for r in rows:
        sys.stdout.write(",".join(r) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
