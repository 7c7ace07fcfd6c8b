#!/usr/bin/env python3
"""Second reading of the looked-after-children and workforce indicators.

An independent implementation, written from the specifications only
(shared/spec/INDICATORS.md sections 1, 2, 3.11-3.15, 3.19, 6, 7; FORMATS.md
sections 2, 3, 6; CLI.md `improve indicators`) and the decided conventions
listed in README.md beside this file.  Standard library only.

Usage:
    lac_workforce.py --input DIR [--input DIR ...] --from YYYY-MM --to YYYY-MM
                     [--as-of YYYY-MM-DD] [--holidays CSV]
                     [--keep-short-breaks] [--naive-periods]

Prints the rows of the `improve indicators --format csv` contract for
lac_reviews_on_time, placement_stability_short_term,
placement_stability_long_term and the six sw_* workforce indicators.
Warnings go to standard error.
"""

import argparse
import calendar
import csv
import datetime as dt
import io
import os
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation, ROUND_HALF_UP, getcontext

getcontext().prec = 60

HEADER = "indicator,basis,period_start,period_end,numerator,denominator,value"

# ---------------------------------------------------------------------------
# Warnings
# ---------------------------------------------------------------------------

_warned = set()


def warn(msg):
    if msg not in _warned:
        _warned.add(msg)
        print("warning: " + msg, file=sys.stderr)


# ---------------------------------------------------------------------------
# Dates and calendars (INDICATORS.md 1.1, 1.2)
# ---------------------------------------------------------------------------


def add_months(d, k):
    """addMonths: same day of month, clamped to the last day of the month."""
    m0 = d.month - 1 + k
    y = d.year + m0 // 12
    m = m0 % 12 + 1
    last = calendar.monthrange(y, m)[1]
    return dt.date(y, m, min(d.day, last))


def month_end(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def parse_dmy(s):
    """SSDA903 dates are dd/mm/yyyy; ISO yyyy-mm-dd is tolerated."""
    s = (s or "").strip()
    if not s:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    return "BAD"


def parse_iso(s):
    s = (s or "").strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return "BAD"


class Calendar:
    def __init__(self, path):
        self.holidays = set()
        with open(path, newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                self.holidays.add(dt.date.fromisoformat(row["date"].strip()))
        self.first_year = min(h.year for h in self.holidays)
        self.last_year = max(h.year for h in self.holidays)

    def is_working(self, d):
        if d.year < self.first_year or d.year > self.last_year:
            warn("date %s is outside the bank-holiday table (%d-%d): only weekends are non-working"
                 % (d.isoformat(), self.first_year, self.last_year))
        return d.weekday() < 5 and d not in self.holidays

    def nth_working_day_after(self, start, n):
        """The n-th working day strictly after start (start is day 0)."""
        d = start
        count = 0
        while count < n:
            d += dt.timedelta(days=1)
            if self.is_working(d):
                count += 1
        return d


def find_holidays(explicit):
    if explicit:
        return explicit
    env = os.environ.get("BANK_HOLIDAYS_CSV")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
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
# Reading inputs
# ---------------------------------------------------------------------------

T_HEADER = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
T_EPISODES = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
              "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]
T_REVIEWS = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]


def read_text(path):
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return raw.decode("latin-1")


def classify_csv(path):
    """Return (table name, rows as dicts) for an SSDA903 CSV table, else (None, None)."""
    text = read_text(path)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return None, None
    head = [h.strip().upper() for h in rows[0]]
    for name, cols in (("header", T_HEADER), ("episodes", T_EPISODES), ("reviews", T_REVIEWS)):
        if all(c in head for c in cols) and len(head) <= len(cols) + 2:
            out = []
            for r in rows[1:]:
                if not any(x.strip() for x in r):
                    continue
                out.append({head[i]: (r[i].strip() if i < len(r) else "") for i in range(len(head))})
            return name, out
    return None, None


def strip_ns(tag):
    return tag.rsplit("}", 1)[-1]


def classify_xml(path):
    """Return the parsed root if the file is a CSWW census, else None."""
    try:
        root = ET.fromstring(read_text(path).encode("utf-8"))
    except ET.ParseError as e:
        warn("%s: not well-formed XML (%s); skipped" % (path, e))
        return None
    if strip_ns(root.tag) != "Message":
        return None
    for el in root.iter():
        t = strip_ns(el.tag)
        if t == "Collection" and (el.text or "").strip().upper() == "CSWW":
            return root
        if t == "CSWWWorker":
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


# ---------------------------------------------------------------------------
# SSDA903 model
# ---------------------------------------------------------------------------

SHORT_BREAK_LS = {"V3", "V4"}
NEW_PLACEMENT_RNE = {"S", "P", "T", "U", "B"}
TEMP_PLACE = {"T0", "T1", "T2", "T3", "T4"}
ADOPTION_PLACE = {"A3", "A4", "A5", "A6"}


class Episode:
    __slots__ = ("child", "decom", "dec", "rne", "ls", "place", "rec", "order", "placement")

    def __init__(self, child, decom, dec, rne, ls, place, rec, order):
        self.child = child
        self.decom = decom
        self.dec = dec
        self.rne = rne
        self.ls = ls
        self.place = place
        self.rec = rec
        self.order = order
        self.placement = None

    def open_at(self, d):
        return self.decom <= d and (self.dec is None or self.dec > d)


class Placement:
    __slots__ = ("start", "end", "code", "episodes")

    def __init__(self, ep):
        self.start = ep.decom
        self.end = ep.dec
        self.code = ep.place
        self.episodes = [ep]

    def add(self, ep):
        """Extend the placement by an episode (a temporary one keeps the code)."""
        self.episodes.append(ep)
        self.end = ep.dec
        if ep.place not in TEMP_PLACE:
            self.code = ep.place


class Period:
    __slots__ = ("episodes", "placements")

    def __init__(self):
        self.episodes = []
        self.placements = []

    @property
    def start(self):
        return self.episodes[0].decom

    @property
    def end(self):
        return self.episodes[-1].dec


class Child:
    def __init__(self, cid):
        self.id = cid
        self.dob = None
        self.episodes = []
        self.reviews = set()
        self.periods = []


def load_903(tables, keep_short_breaks=False, naive_periods=False):
    """tables: dict name -> list of row dicts (concatenated over files).

    keep_short_breaks switches off convention 1 (V3/V4 episodes are kept);
    naive_periods switches off convention 2's period boundaries (see
    build_periods).  Both exist only to measure what the conventions move.

    Returns (children dict, horizon date from the data or None)."""
    children = {}
    horizon = None

    def child(cid):
        if cid not in children:
            children[cid] = Child(cid)
        return children[cid]

    def bump(d):
        nonlocal horizon
        if d and d != "BAD" and (horizon is None or d > horizon):
            horizon = d

    for r in tables.get("header", []):
        cid = r.get("CHILD", "").strip()
        if not cid:
            continue
        dob = parse_dmy(r.get("DOB"))
        c = child(cid)
        if dob == "BAD":
            warn("header: child %s: DOB %r is not a date; treated as missing" % (cid, r.get("DOB")))
            dob = None
        if c.dob is None and dob is not None:
            c.dob = dob

    seen = set()
    order = 0
    for r in tables.get("episodes", []):
        key = tuple(sorted(r.items()))
        if key in seen:  # the same row in two yearly files
            continue
        seen.add(key)
        cid = r.get("CHILD", "").strip()
        if not cid:
            continue
        decom = parse_dmy(r.get("DECOM"))
        dec = parse_dmy(r.get("DEC"))
        bump(decom)
        bump(dec)
        if decom is None or decom == "BAD":
            warn("episodes: child %s: DECOM %r is not a date; episode skipped" % (cid, r.get("DECOM")))
            continue
        if dec == "BAD":
            warn("episodes: child %s: DEC %r is not a date; episode treated as open" % (cid, r.get("DEC")))
            dec = None
        ls = r.get("LS", "").strip().upper()
        if ls in SHORT_BREAK_LS and not keep_short_breaks:
            child(cid)  # the child exists but has no looked-after figures
            continue
        if dec is not None and dec < decom:
            warn("episodes: child %s: episode %s ends before it starts (%s); skipped"
                 % (cid, decom.isoformat(), dec.isoformat()))
            continue
        order += 1
        child(cid).episodes.append(Episode(
            cid, decom, dec, r.get("RNE", "").strip().upper(), ls,
            r.get("PLACE", "").strip().upper(), r.get("REC", "").strip().upper(), order))

    for r in tables.get("reviews", []):
        cid = r.get("CHILD", "").strip()
        if not cid:
            continue
        d = parse_dmy(r.get("REVIEW"))
        bump(d)
        if d is None or d == "BAD":
            if d == "BAD":
                warn("reviews: child %s: REVIEW %r is not a date; skipped" % (cid, r.get("REVIEW")))
            continue
        child(cid).reviews.add(d)

    for c in children.values():
        build_periods(c, naive_periods)
    return children, horizon


def build_periods(c, naive=False):
    eps = sorted(c.episodes, key=lambda e: (e.decom, e.order))
    # Convention 2: an episode left open, or overlapping the next one, is cut
    # at the next one's start and treated as ending with X1.
    for i in range(len(eps) - 1):
        nxt = eps[i + 1]
        if eps[i].dec is None or eps[i].dec > nxt.decom:
            eps[i].dec = nxt.decom
            eps[i].rec = "X1"
    c.episodes = eps
    periods = []
    for i, e in enumerate(eps):
        # A period continues only through an episode that follows one ending
        # with X1 on the day it starts; RNE S, any other REC, or a gap (an X1
        # episode whose successor starts later, e.g. where V3/V4 episodes
        # were dropped) starts a new period: the child was not looked after
        # continuously across the gap.
        prev = eps[i - 1] if i else None
        if naive:
            # --naive-periods: episodes that touch (one begins the day the
            # previous ended) or overlap (cut above) are one period, whatever
            # RNE and REC say; only a gap starts a new one.
            new = prev is None or prev.dec < e.decom
        else:
            new = prev is None or e.rne == "S" or prev.rec != "X1" or prev.dec != e.decom
        if new:
            periods.append(Period())
        periods[-1].episodes.append(e)
    for p in periods:
        build_placements(p)
    c.periods = periods


def build_placements(p):
    """Placements within one period of care (convention 4).

    A placement starts at the period's first episode and at each episode with
    RNE in {S,P,T,U,B}; other RNE (L: legal status only) continue it.
    Temporary placements (PLACE T0-T4) are not placements: a temporary
    episode is an absence within the placement held before it (which it
    extends), and coming back from one to the same placement code is not a
    new placement.  A period that opens with a temporary episode has no
    placement until its first non-temporary episode."""
    current = None
    after_temp = False
    for e in p.episodes:
        if e.place in TEMP_PLACE:
            if current is not None:
                current.add(e)
            e.placement = current
            after_temp = True
            continue
        if current is None:
            current = Placement(e)
            p.placements.append(current)
        elif after_temp and e.place == current.code:
            current.add(e)  # the return from a temporary placement
        elif e.rne in NEW_PLACEMENT_RNE:
            current = Placement(e)
            p.placements.append(current)
        else:
            current.add(e)  # L (legal status only) and unknown codes continue it
        e.placement = current
        after_temp = False


# ---------------------------------------------------------------------------
# Reporting periods (INDICATORS.md 2)
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
        fy = y if m >= 4 else y - 1
        return dt.date(fy, 4, 1), end
    if basis == "rolling_12_months":
        s = add_months(dt.date(y, m, 1), -11)
        return s, end
    raise ValueError(basis)


# ---------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------


SIX_PLACES = Decimal("0.000001")


def fmt_num(x):
    """Decided: exact decimals to six places, trailing zeros removed
    (4.012345, 53, 0.5)."""
    if isinstance(x, int):
        return str(x)
    x = Decimal(x).quantize(SIX_PLACES, rounding=ROUND_HALF_UP)
    if x == 0:
        return "0"
    s = format(x.normalize(), "f")
    return s


def fmt_value(num, den, percent):
    num = Decimal(num)
    den = Decimal(den)
    if den == 0:
        return ""
    v = num / den
    if percent:
        v = v * 100
    return str(v.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def row(ind, basis, ps, pe, num, den, percent=True):
    return (ind, basis, ps.isoformat(), pe.isoformat(),
            fmt_num(num), fmt_num(den), fmt_value(num, den, percent))


# ---------------------------------------------------------------------------
# lac_reviews_on_time (INDICATORS.md 3.11, convention 6)
# ---------------------------------------------------------------------------

REGS_2010_FROM = dt.date(2011, 4, 1)


def first_review_due(start, cal):
    if start < REGS_2010_FROM:
        return start + dt.timedelta(days=28)
    return cal.nth_working_day_after(start, 20)


def review_dues(period, reviews, horizon, cal):
    """Judged due dates of one period of care: list of (due, held_on_time).

    The review chain decided by the project lead (README, item 7):
    reviews of the period (each date once, in date order) are used one at a
    time.  At each due date D, the next unused review r on or before D meets
    it.  Otherwise D is missed, and F is D + 3 months (D the period's first
    due date) or D + 6 months; an unused review r strictly before F is the
    missed review held late.  A used review sets the next due date: r + 3
    months if r is the first review used in the period, else r + 6 months;
    with no review used at D, the next due date is F."""
    start, end = period.start, period.end
    # a set of dates: the same review entered twice is one review
    rs = sorted(r for r in reviews if r >= start and (end is None or r <= end))
    out = []
    idx = 0  # next unused review
    due = first_review_due(start, cal)
    first_due = True
    while True:
        if end is not None and due >= end:
            break
        if horizon is not None and due > horizon:
            break
        if idx < len(rs) and rs[idx] <= due:
            out.append((due, True))
            used = rs[idx]
        else:
            out.append((due, False))
            f = add_months(due, 3 if first_due else 6)
            used = rs[idx] if idx < len(rs) and rs[idx] < f else None
            if used is None:
                due = f
                first_due = False
                continue
        # a review was used (on time or late): the next runs from it
        due = add_months(used, 3 if idx == 0 else 6)
        idx += 1
        first_due = False
    return out


def lac_reviews_rows(children, month_list, horizon, cal):
    dues = {}
    for c in children.values():
        lst = []
        for p in c.periods:
            lst.extend(review_dues(p, c.reviews, horizon, cal))
        if lst:
            dues[c.id] = lst
    rows = []
    for basis in ("cumulative_ytd", "in_month", "rolling_12_months"):
        for (y, m) in month_list:
            ps, pe = window(basis, y, m)
            num = den = 0
            for lst in dues.values():
                inwin = [ok for (d, ok) in lst if ps <= d <= pe]
                if inwin:
                    den += 1
                    if all(inwin):
                        num += 1
            rows.append(row("lac_reviews_on_time", basis, ps, pe, num, den))
    return rows


# ---------------------------------------------------------------------------
# Placement stability (INDICATORS.md 3.14, conventions 3-5)
# ---------------------------------------------------------------------------


def open_episode(c, d):
    for e in c.episodes:
        if e.open_at(d):
            return e
    return None


def period_of(c, ep):
    for p in c.periods:
        if ep in p.episodes:
            return p
    return None


def stability_rows(children, month_list):
    rows_s = []
    rows_l = []
    for (y, m) in month_list:
        d = month_end(y, m)
        lo = add_months(d, -12)
        d24 = add_months(d, -24)
        d30 = add_months(d, -30)
        sn = sd = ln = ld = 0
        for c in children.values():
            ep = open_episode(c, d)
            if ep is None:
                continue
            # NI 62
            sd += 1
            count = 0
            for p in c.periods:
                for pl in p.placements:
                    # ongoing at some point in (lo, d]; a zero-length placement
                    # (left by cutting same-day episodes) never is
                    if pl.start <= d and (pl.end is None or (pl.end > lo and pl.end > pl.start)):
                        count += 1
            if count >= 3:
                sn += 1
            # NI 63
            if c.dob is None:
                continue
            if not d < add_months(c.dob, 16 * 12):
                continue
            per = period_of(c, ep)
            if per.start > d30:
                continue
            ld += 1
            pl = ep.placement
            if pl is None:
                continue  # only temporary placements so far in this period
            if pl.start <= d24:
                ln += 1
            elif pl.code in ADOPTION_PLACE:
                i = per.placements.index(pl)
                prev_start = per.placements[i - 1].start if i > 0 else pl.start
                if prev_start <= d24:
                    ln += 1
        rows_s.append(row("placement_stability_short_term", "snapshot", d, d, sn, sd))
        rows_l.append(row("placement_stability_long_term", "snapshot", d, d, ln, ld))
    return rows_s + rows_l


# ---------------------------------------------------------------------------
# Workforce census (INDICATORS.md 3.15, convention 7)
# ---------------------------------------------------------------------------

ABSENCE_WORKING_DAYS = Decimal(253)


def dec_or_none(s, where):
    s = (s or "").strip()
    if not s:
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        warn("%s: %r is not a number; treated as missing" % (where, s))
        return None


class Census:
    def __init__(self, path, root):
        self.path = path
        self.ref = None
        self.vacancies = Decimal(0)
        self.no_agency_fte = None  # LALevelVacancies/NoAgencyFTE, when given
        self.workers = []
        year = None
        for el in root.iter():
            t = strip_ns(el.tag)
            if t == "ReferenceDate":
                d = parse_iso(el.text)
                if d and d != "BAD":
                    self.ref = d
            elif t == "Year":
                try:
                    year = int((el.text or "").strip())
                except ValueError:
                    pass
            elif t == "NumberOfVacancies":
                v = dec_or_none(el.text, path + ": NumberOfVacancies")
                self.vacancies = v if v is not None else Decimal(0)
            elif t == "LALevelVacancies":
                for ch in el:
                    if strip_ns(ch.tag) == "NoAgencyFTE":
                        v = dec_or_none(ch.text, path + ": NoAgencyFTE")
                        if v is not None:
                            self.no_agency_fte = v
        if self.ref is None and year is not None:
            self.ref = dt.date(year, 9, 30)
            warn("%s: no ReferenceDate; using 30 September %d" % (path, year))
        for w in root.iter():
            if strip_ns(w.tag) != "CSWWWorker":
                continue
            f = {}
            for ch in w:
                f.setdefault(strip_ns(ch.tag), (ch.text or "").strip())
            sid = f.get("SWENo", "?")
            where = "%s: worker %s" % (path, sid)
            start = parse_iso(f.get("RoleStartDate"))
            end = parse_iso(f.get("RoleEndDate"))
            if start == "BAD":
                warn(where + ": RoleStartDate not a date; treated as missing")
                start = None
            if end == "BAD":
                warn(where + ": RoleEndDate not a date; treated as missing")
                end = None
            fte = dec_or_none(f.get("FTE"), where + " FTE")
            fte30 = dec_or_none(f.get("FTE30"), where + " FTE30")
            cases = dec_or_none(f.get("Cases30"), where + " Cases30")
            lost = dec_or_none(f.get("WorkingDaysLost"), where + " WorkingDaysLost")
            Z = Decimal(0)
            self.workers.append({
                "agency": f.get("AgencyWorker", "").strip() == "1",
                # decided: a worker in post at the reference date counts
                # FTE30 ("FTE at 30 September"), else FTE; a leaver counts
                # FTE, else FTE30.
                "fte_in_post": fte30 if fte30 is not None else (fte if fte is not None else Z),
                "fte_leaver": fte if fte is not None else (fte30 if fte30 is not None else Z),
                "start": start, "end": end,
                "cases": cases if cases is not None else Decimal(0),
                "lost": lost if lost is not None else Decimal(0),
            })

    def figures(self):
        R = self.ref
        year_start = add_months(R, -12)  # exclusive

        def in_post(w):
            return (w["start"] is None or w["start"] <= R) and (w["end"] is None or w["end"] > R)

        def leaver(w):
            return w["end"] is not None and year_start < w["end"] <= R

        perm_in = [w for w in self.workers if not w["agency"] and in_post(w)]
        agency_in = [w for w in self.workers if w["agency"] and in_post(w)]
        leavers = [w for w in self.workers if not w["agency"] and leaver(w)]
        holders = [w for w in self.workers if in_post(w) and w["cases"] > 0]
        in_post_fte = sum((w["fte_in_post"] for w in perm_in), Decimal(0))
        # decided: the council-level NoAgencyFTE when the census gives it,
        # else the agency worker records in post
        if self.no_agency_fte is not None:
            agency_fte = self.no_agency_fte
        else:
            agency_fte = sum((w["fte_in_post"] for w in agency_in), Decimal(0))
        leavers_fte = sum((w["fte_leaver"] for w in leavers), Decimal(0))
        cases = sum((w["cases"] for w in holders), Decimal(0))
        holder_fte = sum((w["fte_in_post"] for w in holders), Decimal(0))
        lost = sum((w["lost"] for w in perm_in + leavers), Decimal(0))
        return {
            "in_post_fte": in_post_fte, "agency_fte": agency_fte, "leavers_fte": leavers_fte,
            "cases": cases, "holder_fte": holder_fte, "lost": lost, "vacancies": self.vacancies,
        }


def workforce_rows(censuses, month_list):
    by_month = {}
    for c in censuses:
        if c.ref is None:
            warn("%s: no reference date or year; census skipped" % c.path)
            continue
        key = (c.ref.year, c.ref.month)
        if key in by_month:
            warn("%s: a second census for %04d-%02d; the later file is used" % (c.path, key[0], key[1]))
        by_month[key] = c.figures()
    Z = Decimal(0)
    out = []
    for (y, m) in month_list:
        d = month_end(y, m)
        ps, pe = window("rolling_12_months", y, m)
        f = by_month.get((y, m))
        if f is None:
            for ind in ("sw_agency_rate", "sw_average_caseload", "sw_vacancy_rate"):
                out.append(row(ind, "snapshot", d, d, Z, Z))
            for ind in ("sw_absence_rate", "sw_sickness_days_per_fte", "sw_turnover_rate"):
                out.append(row(ind, "rolling_12_months", ps, pe, Z, Z))
            continue
        ip = f["in_post_fte"]
        out.append(row("sw_vacancy_rate", "snapshot", d, d, f["vacancies"], f["vacancies"] + ip))
        out.append(row("sw_agency_rate", "snapshot", d, d, f["agency_fte"], f["agency_fte"] + ip))
        out.append(row("sw_average_caseload", "snapshot", d, d, f["cases"], f["holder_fte"], percent=False))
        out.append(row("sw_turnover_rate", "rolling_12_months", ps, pe, f["leavers_fte"], ip))
        out.append(row("sw_sickness_days_per_fte", "rolling_12_months", ps, pe, f["lost"], ip, percent=False))
        out.append(row("sw_absence_rate", "rolling_12_months", ps, pe, f["lost"], ip * ABSENCE_WORKING_DAYS))
    return out


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


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


def compute(inputs, frm, to, as_of=None, holidays=None, keep_short_breaks=False,
            naive_periods=False):
    cal = Calendar(find_holidays(holidays))
    tables = {}
    censuses = []
    for fp in input_files(inputs):
        low = fp.lower()
        if low.endswith(".csv"):
            name, rows = classify_csv(fp)
            if name:
                tables.setdefault(name, []).extend(rows)
        elif low.endswith(".xml"):
            root = classify_xml(fp)
            if root is not None:
                censuses.append(Census(fp, root))
    month_list = months(frm, to)
    rows = []
    if "episodes" in tables:
        children, horizon = load_903(tables, keep_short_breaks, naive_periods)
        if as_of is not None:
            horizon = as_of
        rows += lac_reviews_rows(children, month_list, horizon, cal)
        rows += stability_rows(children, month_list)
    if censuses:
        rows += workforce_rows(censuses, month_list)
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", action="append", required=True, help="folder or file (repeatable)")
    ap.add_argument("--from", dest="frm", type=parse_month, required=True)
    ap.add_argument("--to", type=parse_month, required=True)
    ap.add_argument("--as-of", type=parse_day, default=None)
    ap.add_argument("--holidays", default=None, help="bank-holidays-england-and-wales.csv")
    ap.add_argument("--keep-short-breaks", action="store_true",
                    help="switch off convention 1: keep V3/V4 short-break episodes")
    ap.add_argument("--naive-periods", action="store_true",
                    help="switch off convention 2's boundaries: a period of care joins every "
                         "episode that starts the day the previous ended or overlaps it, "
                         "ignoring RNE S and REC")
    a = ap.parse_args(argv)
    if a.to < a.frm:
        ap.error("--to is before --from")
    rows = compute(a.input, a.frm, a.to, a.as_of, a.holidays, a.keep_short_breaks, a.naive_periods)
    out = sys.stdout
    out.write(HEADER + "\n")
    for r in rows:
        out.write(",".join(r) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
