#!/usr/bin/env python3
"""Writes small CIN census XML files that plant the boundaries of spec/INDICATORS.md (§1, §3.3-3.9, §7).

    python3 Benchmarks/second_reading/cin_edge_cases.py OUT_DIR [--holidays PATH] [--random N --seed S]

Writes OUT_DIR/cin-edge-2023.xml, -2024.xml and -2025.xml (collection years 2022-23 to 2024-25, reference date
31 March) and OUT_DIR/CASES.md listing every planted case. Compare over --from 2022-04 --to 2025-03.

Each child's history is written once, as it is known at the end (its "truth"); each census shows it as known at its
reference date R: an episode appears when it was referred on or before R and was open at some point of the year
(closure absent or on or after 1 April of the year before R); dates after R are left out (authorisations, closures,
plan ends, reviews, ICPCs), so an episode open across 31 March reappears in the next census with more data. A few
episodes carry an explicit earlier version instead (a later census that corrects or drops data).

Deadlines that depend on working days (45 WD for assessments, 15 WD for ICPCs) are computed here by counting days
against the spec's bank-holiday CSV, so the planted dates sit exactly on, and one working day past, each deadline.
With --random N the files hold N random children instead, with dates drawn near the same boundaries (bank holidays,
month ends, leap days, 12 and 24 months, 44-46 and 14-16 working days, same-day contacts, duplicated plans, revised
authorisations); CASES.md then only says so. Only the Python standard library is used.
"""
import argparse
import datetime as dt
import os
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))


def default_holidays():
    for cand in (os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(HERE))), "shared", "spec",
                              "bank-holidays-england-and-wales.csv"),
                 "/work/shared/spec/bank-holidays-england-and-wales.csv"):
        if os.path.exists(cand):
            return cand
    sys.exit("cin_edge_cases: bank-holidays-england-and-wales.csv not found; pass --holidays")


HOLIDAYS = set()


def D(s):
    return dt.date.fromisoformat(s)


def working(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def add_wd(start, n):
    """The n-th working day strictly after start (n >= 1); n = 0 gives start."""
    d = start
    while n > 0:
        d += dt.timedelta(days=1)
        if working(d):
            n -= 1
    return d


def sub_wd(end, n):
    """The date s with wd(s, end) = n, s the latest such working day (end itself a working day)."""
    d = end
    while n > 0:
        if working(d):
            n -= 1
        d -= dt.timedelta(days=1)
    while not working(d):
        d -= dt.timedelta(days=1)
    return d


# --- the model -----------------------------------------------------------------------------------------------------

class Plan:
    def __init__(self, start, end=None, nprev=0, reviews=()):
        self.start, self.end, self.nprev, self.reviews = start, end, nprev, list(reviews)


class Episode:
    def __init__(self, ref, closure=None, nfa=False, nfa_text=None, assessments=(), s47=(), plans=(), cinplans=(),
                 ep_icpc=None, versions=None):
        self.ref, self.closure, self.nfa = ref, closure, nfa
        self.nfa_text = nfa_text
        self.assessments = list(assessments)  # (start, auth or None)
        self.s47 = list(s47)  # (start, icpc or None, not_required, target or None)
        self.plans = list(plans)
        self.cinplans = list(cinplans)  # (start, end or None)
        self.ep_icpc = ep_icpc
        self.versions = versions or {}  # census year -> Episode shown in that census instead (None: left out)


class Child:
    def __init__(self, cid, note, episodes=(), always=False):
        self.cid, self.note, self.episodes = cid, note, list(episodes)
        self.always = always  # written in every census, even with no episode in it


def cut(d, r):
    return d if d is not None and d <= r else None


def view(ep, year):
    """The episode as known at the census of `year` (reference date 31 March), or None when not in it."""
    r = dt.date(year, 3, 31)
    s = dt.date(year - 1, 4, 1)
    if year in ep.versions:
        ep = ep.versions[year]
        if ep is None:  # left out of that census
            return None
    if ep.ref > r or (ep.closure is not None and ep.closure < s):
        return None
    return Episode(
        ep.ref, cut(ep.closure, r), ep.nfa, ep.nfa_text,
        [(a, cut(b, r)) for a, b in ep.assessments if a <= r],
        [(a, cut(b, r), nr, t) for a, b, nr, t in ep.s47 if a <= r],
        [Plan(p.start, cut(p.end, r), p.nprev, [x for x in p.reviews if x <= r]) for p in ep.plans if p.start <= r],
        [(a, cut(b, r)) for a, b in ep.cinplans if a <= r],
        cut(ep.ep_icpc, r))


# --- the planted cases ---------------------------------------------------------------------------------------------

def children():
    c = []
    add = c.append

    # Same-day referrals (§7: one referral day; both episodes kept; the day is NFA and assessed if any episode is).
    r = D("2023-06-05")
    icpc = add_wd(D("2023-06-06"), 15)
    add(Child("E01", "NFA contact and a re-referral on Mon 2023-06-05 (both in the 2024 census, only the second in "
                     "2025, with more data); the second has an assessment, S47, ICPC on day 15, a CP plan with reviews "
                     "on the due date (+3 m, +6 m) then one a day late (2024-09-28); a previous referral exactly 12 "
                     "months earlier (Sun 2022-06-05) makes 2023-06-05 a re-referral", [
        Episode(D("2022-06-05"), D("2022-07-01"), assessments=[(D("2022-06-06"), D("2022-06-30"))]),
        Episode(r, r, nfa=True, nfa_text="true"),
        Episode(r, D("2025-02-03"), assessments=[(r, D("2023-07-20"))],
                s47=[(D("2023-06-06"), icpc, False, D("2023-06-20"))],
                plans=[Plan(icpc, D("2025-01-15"), 0, [D("2023-09-27"), D("2024-03-27"), D("2024-09-28")])],
                cinplans=[(D("2025-01-15"), None)]),
    ]))
    add(Child("E02", "two episodes referred Fri 2024-03-15, both open at 31 March 2024 and both in the 2025 census: "
                     "the assessed one is listed first, the NFA contact (no dates in 2024) second", [
        Episode(D("2024-03-15"), D("2024-07-01"), assessments=[(D("2024-03-18"), D("2024-05-10"))]),
        Episode(D("2024-03-15"), D("2024-04-02"), nfa=True, nfa_text="1"),
    ]))
    add(Child("E03", "two NFA contacts on Mon 2023-11-20, both closed the same day: one referral day, NFA", [
        Episode(D("2023-11-20"), D("2023-11-20"), nfa=True, nfa_text="TRUE"),
        Episode(D("2023-11-20"), D("2023-11-20"), nfa=True, nfa_text="true"),
    ]))

    # Re-referrals: leap days and the exact 12-month boundary (§7 counts back from the current referral).
    add(Child("E04", "referrals 2023-02-28, 2024-02-29 (re-referral: 2023-02-28 is within 12 months), 2025-02-28 "
                     "(re-referral: 2024-02-29 >= 2024-02-28)", [
        Episode(D("2023-02-28"), D("2023-03-10"), nfa=True, nfa_text="true"),
        Episode(D("2024-02-29"), D("2024-03-05"), nfa=True, nfa_text="true"),
        Episode(D("2025-02-28"), None, assessments=[(D("2025-03-03"), None)]),
    ]))
    add(Child("E05", "referrals 2023-02-27, 2024-02-29 (not a re-referral: 2023-02-27 < 2023-02-28), 2025-03-01 "
                     "(not: 2024-02-29 < 2024-03-01)", [
        Episode(D("2023-02-27"), D("2023-03-01"), nfa=True, nfa_text="1"),
        Episode(D("2024-02-29"), D("2024-03-01"), nfa=True, nfa_text="1"),
        Episode(D("2025-03-01"), None),
    ]))
    add(Child("E06", "referrals 2023-03-31 and Sun 2024-03-31 (exactly 12 months: re-referral)", [
        Episode(D("2023-03-31"), D("2023-04-20"), assessments=[(D("2023-03-31"), D("2023-04-19"))]),
        Episode(D("2024-03-31"), None, assessments=[(D("2024-04-02"), D("2024-05-15"))]),
    ]))
    add(Child("E07", "referrals 2023-03-30 and 2024-03-31 (12 months and a day: not a re-referral)", [
        Episode(D("2023-03-30"), D("2023-03-30"), nfa=True, nfa_text="true"),
        Episode(D("2024-03-31"), D("2024-04-01"), nfa=True, nfa_text="true"),
    ]))
    add(Child("E42", "referral 2021-08-10 (before the first reported month, closed 2022-05-01) and 2022-08-01: "
                     "re-referral from a look-back reaching before the window", [
        Episode(D("2021-08-10"), D("2022-05-01"), assessments=[(D("2021-08-11"), D("2021-09-30"))]),
        Episode(D("2022-08-01"), D("2022-08-20"), nfa=True, nfa_text="true"),
    ]))

    # Assessments: 45 working days across weekends and bank holidays (§1.1, §3.3).
    sat = D("2023-11-25")
    dl = add_wd(sat, 45)
    add(Child("E08", f"referral Sat {sat}, assessment started Mon 2023-11-27, authorised on the 45th working day "
                     f"{dl} (Christmas and New Year holidays between): on time on both clocks", [
        Episode(sat, D("2024-02-15"), assessments=[(D("2023-11-27"), dl)]),
    ]))
    add(Child("E09", f"referral Sat {sat}, assessment started Mon 2023-11-27, authorised one working day late "
                     f"{add_wd(dl, 1)}: late from the referral, on time from the start (45 WD)", [
        Episode(sat, D("2024-02-15"), assessments=[(D("2023-11-27"), add_wd(dl, 1))]),
    ]))
    bh = D("2024-05-06")
    add(Child("E10", f"referral on the Early May bank holiday {bh}, authorised on the 45th working day "
                     f"{add_wd(bh, 45)}: on time", [
        Episode(bh, D("2024-08-01"), assessments=[(bh, add_wd(bh, 45))]),
    ]))
    gf = D("2024-03-29")
    add(Child("E10b", "referral on Good Friday 2024-03-29, assessment started that day (open in the 2024 census), "
                      f"authorised on working day 46 {add_wd(gf, 46)} (2025 census): late", [
        Episode(gf, D("2024-08-01"), assessments=[(gf, add_wd(gf, 46))]),
    ]))
    add(Child("E11", "one long episode referred 2022-09-01: first assessment on time, a re-assessment started "
                     "2023-05-02 and authorised 2023-06-01 (late from the referral, on time from its start), and a "
                     "third started 2023-11-01 never authorised (overdue open from the referral's clock)", [
        Episode(D("2022-09-01"), None, assessments=[(D("2022-09-01"), D("2022-10-10")),
                                                    (D("2023-05-02"), D("2023-06-01")),
                                                    (D("2023-11-01"), None)]),
    ]))
    add(Child("E12", "assessment authorised 2023-09-01 before its start 2023-09-05 (referral 2023-08-21): counted "
                     "from the referral, left out of the _dfe variant", [
        Episode(D("2023-08-21"), D("2023-10-01"), assessments=[(D("2023-09-05"), D("2023-09-01"))]),
    ]))
    add(Child("E13", "assessment started 2023-09-28 and authorised 2023-10-01, both before the referral "
                     "2023-10-02: left out from the referral clock, counted on the _dfe clock", [
        Episode(D("2023-10-02"), D("2023-11-01"), assessments=[(D("2023-09-28"), D("2023-10-01"))]),
    ]))
    add(Child("E14", "assessment started 2024-01-10 (referral Mon 2024-01-08) still open at 31 March 2024, "
                     "authorised 2024-04-20 in the 2025 census: open and overdue at the March 2024 snapshot", [
        Episode(D("2024-01-08"), D("2024-06-01"), assessments=[(D("2024-01-10"), D("2024-04-20"))]),
    ]))
    d0 = D("2024-01-31")
    r45, r46 = sub_wd(d0, 45), sub_wd(d0, 46)
    add(Child("E15", f"open at 2024-01-31 with exactly 45 working days since the referral {r45} (not overdue), "
                     "authorised 2024-02-20", [
        Episode(r45, D("2024-03-01"), assessments=[(r45, D("2024-02-20"))]),
    ]))
    add(Child("E15b", f"open at 2024-01-31 with 46 working days since the referral {r46} (overdue), never "
                      "authorised, episode closed 2024-03-01", [
        Episode(r46, D("2024-03-01"), assessments=[(r46, None)]),
    ]))

    # ICPCs: 15 working days from the S47 start (§3.9, §7).
    s = D("2023-12-15")
    d15 = add_wd(s, 15)
    add(Child("E16", f"S47 started Fri {s}, ICPC on working day 15 {d15} (Christmas between); the episode's own "
                     "DateOfInitialCPC and InitialCPCtarget say otherwise and are ignored", [
        Episode(D("2023-12-14"), D("2024-03-01"), s47=[(s, d15, False, D("2023-12-20"))], ep_icpc=D("2024-02-01")),
    ]))
    add(Child("E17", f"S47 started Fri {s}, ICPC on working day 16 {add_wd(s, 16)}", [
        Episode(D("2023-12-14"), D("2024-03-01"), s47=[(s, add_wd(s, 16), False, None)]),
    ]))
    add(Child("E18", "ICPC 2023-07-03 before its S47 start 2023-07-05: left out; a second S47 in the episode with no "
                     "ICPC; a third with ICPCnotRequired true and a date 2023-07-20 (counted, 11 WD)", [
        Episode(D("2023-07-03"), D("2023-09-01"), s47=[(D("2023-07-05"), D("2023-07-03"), False, None),
                                                         (D("2023-07-06"), None, True, None),
                                                         (D("2023-07-05"), D("2023-07-20"), True, None)]),
    ]))
    bank = D("2023-05-05")
    add(Child("E19", f"S47 started Fri {bank} before the coronation holiday (Mon 2023-05-08): ICPC on day 15 "
                     f"{add_wd(bank, 15)} and a second S47 the same day with ICPC on day 16 {add_wd(bank, 16)}", [
        Episode(D("2023-05-04"), D("2023-08-01"), s47=[(bank, add_wd(bank, 15), False, None),
                                                         (bank, add_wd(bank, 16), False, None)]),
    ]))

    # Repeat plans (§3.6, §7).
    add(Child("E20", "first plan in the data (2023-02-06) with NumberOfPreviousCPP 2: a repeat ever, not within 2y", [
        Episode(D("2023-01-16"), D("2023-12-01"), plans=[Plan(D("2023-02-06"), D("2023-11-20"), 2,
                                                              [D("2023-05-04"), D("2023-11-02")])]),
    ]))
    add(Child("E21", "plan 2021-11-01..2022-06-10, new plan 2024-06-10: previous end exactly 24 months before "
                     "(repeat within 2y)", [
        Episode(D("2021-10-11"), D("2022-07-01"), plans=[Plan(D("2021-11-01"), D("2022-06-10"), 0,
                                                              [D("2022-02-01")])]),
        Episode(D("2024-05-20"), None, plans=[Plan(D("2024-06-10"), None, 1, [D("2024-09-10"), D("2025-03-10")])]),
    ]))
    add(Child("E22", "plan 2021-11-01..2022-06-09, new plan 2024-06-10: ended 24 months and a day before (repeat "
                     "ever only); NumberOfPreviousCPP 0 on both", [
        Episode(D("2021-10-11"), D("2022-07-01"), plans=[Plan(D("2021-11-01"), D("2022-06-09"), 0,
                                                              [D("2022-02-01")])]),
        Episode(D("2024-05-20"), None, plans=[Plan(D("2024-06-10"), None, 0, [D("2024-09-10")])]),
    ]))
    add(Child("E23", "plan 2023-03-01..2024-06-10 and a new plan starting the day the first ended, in another "
                     "episode (repeat ever; not within 2y, the end is not before the start)", [
        Episode(D("2023-02-01"), D("2024-06-10"), plans=[Plan(D("2023-03-01"), D("2024-06-10"), 0,
                                                              [D("2023-06-01"), D("2023-12-01")])]),
        Episode(D("2024-06-03"), None, plans=[Plan(D("2024-06-10"), None, 0, [D("2024-09-09")])]),
    ]))
    add(Child("E24", "two plan records with the same start 2023-09-01 and end 2024-02-15 in one episode, "
                     "NumberOfPreviousCPP 0 and 1: one plan start, a repeat", [
        Episode(D("2023-08-14"), D("2024-03-01"), plans=[Plan(D("2023-09-01"), D("2024-02-15"), 0,
                                                              [D("2023-12-01")]),
                                                         Plan(D("2023-09-01"), D("2024-02-15"), 1,
                                                              [D("2023-12-01")])]),
    ]))
    add(Child("E25", "two plan records with the same start 2023-10-02 in two same-day episodes, one ending "
                     "2024-01-10, one open; reviews on the open one", [
        Episode(D("2023-09-18"), D("2024-01-10"), plans=[Plan(D("2023-10-02"), D("2024-01-10"), 0, [])]),
        Episode(D("2023-09-18"), None, plans=[Plan(D("2023-10-02"), None, 0, [D("2024-01-02"), D("2024-07-01")])]),
    ]))

    # Plans lasting 2 years (§3.7), open 2 years (snapshot).
    add(Child("E26", "plan 2022-02-28..2024-02-28: exactly 24 months (lasting)", [
        Episode(D("2022-02-01"), D("2024-03-15"), plans=[Plan(D("2022-02-28"), D("2024-02-28"), 0,
                                                              [D("2022-05-27"), D("2022-11-25"), D("2023-05-25"),
                                                               D("2023-11-24")])]),
    ]))
    add(Child("E27", "plan 2022-03-01..2024-02-29: a day short of 24 months (addMonths = 2024-03-01)", [
        Episode(D("2022-02-01"), D("2024-03-15"), plans=[Plan(D("2022-03-01"), D("2024-02-29"), 0,
                                                              [D("2022-06-01"), D("2022-12-01"), D("2023-06-01"),
                                                               D("2023-12-01")])]),
    ]))
    add(Child("E28", "plan ending 2023-05-01 before its start 2023-05-10: left out of lasting", [
        Episode(D("2023-04-20"), D("2023-06-01"), plans=[Plan(D("2023-05-10"), D("2023-05-01"), 0, [])]),
    ]))
    add(Child("E29", "plan open from 2022-01-31: open 2 years or more from the 2024-01-31 snapshot "
                     "(addMonths(start, 24) = 2024-01-31); reviews on time throughout", [
        Episode(D("2022-01-04"), None, plans=[Plan(D("2022-01-31"), None, 0,
                                                   [D("2022-04-29"), D("2022-10-28"), D("2023-04-28"),
                                                    D("2023-10-27"), D("2024-04-26"), D("2024-10-25")])]),
    ]))

    # Review timeliness (§3.8, §7): clamping, due dates, duplicates, several open plans.
    add(Child("E30", "plan 2023-11-30: first review 2024-02-29 = addMonths(start, 3) (on time), next 2024-08-29 "
                     "(on time); no later review: on time at the Feb 2025 snapshot (due 2025-02-28), overdue at "
                     "March 2025", [
        Episode(D("2023-11-13"), None, plans=[Plan(D("2023-11-30"), None, 0, [D("2024-02-29"), D("2024-08-29")])]),
    ]))
    add(Child("E31", "plan 2023-05-31: reviews 2023-08-31 and 2024-02-29 = addMonths(2023-08-31, 6) (on time)", [
        Episode(D("2023-05-15"), None, plans=[Plan(D("2023-05-31"), None, 0,
                                                   [D("2023-08-31"), D("2024-02-29"), D("2024-08-29")])]),
    ]))
    add(Child("E32", "plan 2023-05-31: reviews 2023-08-31 and 2024-03-01 (a day late)", [
        Episode(D("2023-05-15"), None, plans=[Plan(D("2023-05-31"), None, 0,
                                                   [D("2023-08-31"), D("2024-03-01"), D("2024-08-30")])]),
    ]))
    add(Child("E33", "plan 2023-07-03: a review dated before the start (2023-06-30, ignored), 2023-10-02 twice "
                     "(counts once), 2024-04-01 (on time)", [
        Episode(D("2023-06-12"), None, plans=[Plan(D("2023-07-03"), None, 0,
                                                   [D("2023-06-30"), D("2023-10-02"), D("2023-10-02"),
                                                    D("2024-04-01")])]),
    ]))
    add(Child("E34", "two plans open at once (a data fault): 2023-01-10 with no reviews and 2023-08-01 reviewed on "
                     "time; the current plan is the later one", [
        Episode(D("2023-01-02"), None, plans=[Plan(D("2023-01-10"), None, 0, []),
                                              Plan(D("2023-08-01"), None, 0,
                                                   [D("2023-11-01"), D("2024-05-01"), D("2024-11-01")])]),
    ]))
    add(Child("E35", "plan 2023-04-03..2024-01-31, reviews on time: not open at the 2024-01-31 snapshot", [
        Episode(D("2023-03-20"), D("2024-02-10"), plans=[Plan(D("2023-04-03"), D("2024-01-31"), 0,
                                                              [D("2023-07-03"), D("2024-01-03")])]),
    ]))
    add(Child("E36", "plan 2023-10-31: in the 2024-01-31 cohort (addMonths(D, -3) = 2023-10-31) and on time with "
                     "no review yet (due 2024-01-31); first review 2024-02-05 late", [
        Episode(D("2023-10-16"), None, plans=[Plan(D("2023-10-31"), None, 0, [D("2024-02-05")])]),
    ]))
    add(Child("E43", "plan Wed 2024-01-31: reviews 2024-04-30 (= addMonths(start, 3)) and 2024-10-30 "
                     "(= addMonths(2024-04-30, 6)): on time", [
        Episode(D("2024-01-15"), None, plans=[Plan(D("2024-01-31"), None, 0, [D("2024-04-30"), D("2024-10-30")])]),
    ]))
    add(Child("E44", "plan 2024-01-31: reviews 2024-04-30 and 2024-10-31, a day after addMonths(2024-04-30, 6) "
                     "(late: the due date runs from the previous review, not from the start)", [
        Episode(D("2024-01-15"), None, plans=[Plan(D("2024-01-31"), None, 0, [D("2024-04-30"), D("2024-10-31")])]),
    ]))

    # Merging census files (§7, FORMATS §1): the later census replaces the episode.
    add(Child("E39", "episode referred 2024-02-12: the 2024 census has its assessment authorised 2024-03-01; the "
                     "2025 census corrects it to 2024-02-28 (day 12) and adds a closure", [
        Episode(D("2024-02-12"), D("2024-06-01"), assessments=[(D("2024-02-12"), D("2024-02-28"))],
                versions={2024: Episode(D("2024-02-12"), None, assessments=[(D("2024-02-12"), D("2024-03-01"))])}),
    ]))
    add(Child("E40", "episode referred 2024-01-22: the 2024 census has two assessments, the 2025 census only one "
                     "(the later file's version replaces the earlier one, it is not merged with it)", [
        Episode(D("2024-01-22"), D("2024-05-01"), assessments=[(D("2024-01-22"), D("2024-03-04"))],
                versions={2024: Episode(D("2024-01-22"), None,
                                        assessments=[(D("2024-01-22"), D("2024-03-04")),
                                                     (D("2024-02-01"), D("2024-03-20"))])}),
    ]))
    add(Child("E41", "same-day pair in an older census only: two episodes referred Sat 2022-10-01 (an NFA contact "
                     "and an assessed referral), both closed in 2022-23, so only the 2023 census has them", [
        Episode(D("2022-10-01"), D("2022-10-01"), nfa=True, nfa_text="true"),
        Episode(D("2022-10-01"), D("2022-12-01"), assessments=[(D("2022-10-03"), D("2022-11-30"))]),
    ]))
    add(Child("E45", "same-day pair where the 2025 census keeps one episode and the 2024 census had two that both "
                     "agree with it (no dates of their own): one is matched, the other added", [
        Episode(D("2024-03-25"), D("2024-04-03"), nfa=False, versions={
            2024: Episode(D("2024-03-25"), None)}),
        Episode(D("2024-03-25"), D("2024-03-25"), nfa=True, nfa_text="true", versions={
            2024: Episode(D("2024-03-25"), None, nfa=True, nfa_text="true"),
            2025: None}),  # not in the 2025 census
    ]))

    add(Child("E46", "same-day pair referred Mon 2024-03-18 in both censuses: an NFA contact (ReferralNFA 'TRUE', "
                     "closed 2024-04-05) and an assessed referral (ReferralNFA '0') whose assessment start 2024-03-20 "
                     "is corrected to 2024-03-21 in 2025: it agrees with no kept episode, so it is matched in order, "
                     "not added", [
        Episode(D("2024-03-18"), D("2024-04-05"), nfa=True, nfa_text="TRUE"),
        Episode(D("2024-03-18"), D("2024-06-28"), nfa_text="0", assessments=[(D("2024-03-21"), D("2024-05-02"))],
                versions={2024: Episode(D("2024-03-18"), None, nfa_text="FALSE",
                                        assessments=[(D("2024-03-20"), None)])}),
    ]))
    add(Child("E47", "plan 2024-04-15 reviewed the day it started and on 2024-10-15 (= addMonths(2024-04-15, 6))", [
        Episode(D("2024-04-01"), None, plans=[Plan(D("2024-04-15"), None, 0, [D("2024-04-15"), D("2024-10-15")])]),
    ]))
    add(Child("E48", "plan 2021-09-01..2022-02-28 (episode closed 2022-04-05) and a plan starting 2024-02-29: the "
                     "previous end is addMonths(2024-02-29, -24) = 2022-02-28 (repeat within 2y); reviews "
                     "2024-05-29 (= addMonths(2024-02-29, 3)) and 2024-11-29", [
        Episode(D("2021-08-16"), D("2022-04-05"), plans=[Plan(D("2021-09-01"), D("2022-02-28"), 0,
                                                              [D("2021-12-01")])]),
        Episode(D("2024-02-12"), None, plans=[Plan(D("2024-02-29"), None, 0, [D("2024-05-29"), D("2024-11-29")])]),
    ]))

    # Negative durations by date with no working day between (§1.3: end before start is left out).
    add(Child("E49", "S47 started Sun 2023-09-10, ICPC dated Fri 2023-09-08 (before the start, 0 working days "
                     "apart): left out", [
        Episode(D("2023-09-04"), D("2023-10-31"), s47=[(D("2023-09-10"), D("2023-09-08"), False, None)]),
    ]))
    add(Child("E50", "assessment started Sat 2023-09-16, authorised Fri 2023-09-15 (referral Mon 2023-09-11): "
                     "left out of the _dfe variant only", [
        Episode(D("2023-09-11"), D("2023-10-31"), assessments=[(D("2023-09-16"), D("2023-09-15"))]),
    ]))
    add(Child("E51", "referral on Easter Monday 2024-04-01, assessment started and authorised Thu 2024-03-28 "
                     "(before the referral, the Good Friday holiday between): left out of the referral clock, "
                     "counted (0 WD) on the _dfe clock", [
        Episode(D("2024-04-01"), D("2024-05-31"), assessments=[(D("2024-03-28"), D("2024-03-28"))]),
    ]))
    add(Child("E52", "two records of one plan (start 2023-06-01, both open), one reviewed 2023-09-01, the other "
                     "2024-03-01: as one plan both reviews are on time", [
        Episode(D("2023-05-15"), None, plans=[Plan(D("2023-06-01"), None, 0, [D("2023-09-01")]),
                                              Plan(D("2023-06-01"), None, 0, [D("2024-03-01")])]),
    ]))

    # No episodes.
    add(Child("E37", "a child with no CINdetails at all (in every census)", []))
    add(Child("E38", "a child with no CINdetails in the 2025 census only; its open 2023-24 episode stays as the "
                     "2024 census has it", [
        Episode(D("2023-07-10"), None, assessments=[(D("2023-07-10"), D("2023-08-25"))], versions={
            2025: None}),
    ], always=True))
    return c


# --- random children near the same boundaries (--random N) -------------------------------------------------------

def add_months(d, k):
    n = d.year * 12 + d.month - 1 + k
    y, m = n // 12, n % 12 + 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def random_children(n, seed):
    import random
    rnd = random.Random(seed)
    lo, hi = D("2021-06-01"), D("2025-03-31")
    special = sorted(d for d in HOLIDAYS if lo <= d <= hi)
    special += [D(x) for x in ("2024-02-29", "2023-02-28", "2024-02-28", "2025-02-28", "2023-03-01", "2024-03-01")]
    y, m = 2021, 6
    while (y, m) <= (2025, 3):  # month ends and firsts
        special.append(add_months(dt.date(y, m, 1), 1) - dt.timedelta(days=1))
        special.append(dt.date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)

    def day():
        if rnd.random() < 0.4:
            return rnd.choice(special)
        return lo + dt.timedelta(days=rnd.randrange((hi - lo).days + 1))

    def maybe(p, value):
        return value if rnd.random() < p else None

    def nfa_text(nfa):
        return rnd.choice(["true", "TRUE", "1"] if nfa else ["false", "FALSE", "0"])

    kids = []
    for k in range(1, n + 1):
        eps = []
        refs = sorted(day() for _ in range(rnd.choice([1, 1, 2, 2, 3])))
        last_ref = None
        for ref in refs:
            if last_ref is not None and rnd.random() < 0.3:  # a re-referral near the 12-month boundary
                ref = add_months(last_ref, 12) + dt.timedelta(days=rnd.choice([-1, 0, 1]))
            last_ref = ref
            nfa = rnd.random() < 0.2
            closure = maybe(0.7, ref + dt.timedelta(days=0 if nfa else rnd.randrange(0, 500)))
            assessments = []
            for _ in range(0 if nfa else rnd.choice([0, 1, 1, 1, 2])):
                start = ref + dt.timedelta(days=rnd.choice([0, 0, 1, 2, 3, -1, 40, 120]))
                auth = rnd.choice([None, add_wd(ref, rnd.choice([44, 45, 46])), add_wd(start, rnd.choice([44, 45, 46])),
                                   start + dt.timedelta(days=rnd.randrange(-5, 90))])
                assessments.append((start, auth))
            s47s, plans = [], []
            if not nfa and rnd.random() < 0.4:
                s47 = ref + dt.timedelta(days=rnd.randrange(0, 20))
                icpc = rnd.choice([None, add_wd(s47, 14), add_wd(s47, 15), add_wd(s47, 16), add_wd(s47, 30),
                                   s47 - dt.timedelta(days=2)])
                s47s.append((s47, icpc, rnd.random() < 0.1, None))
                if icpc is not None and rnd.random() < 0.8:
                    pstart = max(icpc, s47)
                    end = rnd.choice([None, None, add_months(pstart, 24), add_months(pstart, 24) - dt.timedelta(days=1),
                                      pstart + dt.timedelta(days=rnd.randrange(-3, 800))])
                    reviews, prev = [], None
                    while True:
                        due = add_months(pstart, 3) if prev is None else add_months(prev, 6)
                        r = due + dt.timedelta(days=rnd.choice([0, 0, -1, -20, 1, 3]))
                        if r > hi or (end is not None and r > end):
                            break
                        reviews.append(r)
                        if rnd.random() < 0.05:
                            reviews.append(r)
                        prev = r
                    if rnd.random() < 0.05:
                        reviews.insert(0, pstart - dt.timedelta(days=3))
                    nprev = rnd.choice([0, 0, 0, 0, 1, 2])
                    plans.append(Plan(pstart, end, nprev, reviews))
                    if rnd.random() < 0.1:  # the same plan recorded twice
                        plans.append(Plan(pstart, rnd.choice([end, None]), nprev, reviews[:1]))
            versions = {}
            if assessments and rnd.random() < 0.15:  # the earlier census had another authorisation date
                a0, b0 = assessments[0]
                versions[2024] = Episode(ref, None, nfa, nfa_text(nfa),
                                         [(a0, None if b0 is None else b0 + dt.timedelta(days=rnd.choice([-2, 3])))]
                                         + assessments[1:], s47s, plans)
            eps.append(Episode(ref, closure, nfa, nfa_text(nfa), assessments, s47s, plans, versions=versions))
            if rnd.random() < 0.15:  # a same-day NFA contact beside it
                eps.insert(len(eps) - rnd.randrange(2), Episode(ref, ref, True, nfa_text(True)))
        kids.append(Child(f"R{seed}-{k:04d}", "random", eps))
    return kids


# --- XML -------------------------------------------------------------------------------------------------------------

def el(out, ind, tag, value):
    if value is not None:
        out.append(f"{'  ' * ind}<{tag}>{escape(str(value))}</{tag}>")


def child_xml(ch, year, episodes, force=False):
    out = ["    <Child>", "      <ChildIdentifiers>"]
    el(out, 4, "LAchildID", ch.cid)
    el(out, 4, "PersonBirthDate", "2012-05-17")
    el(out, 4, "GenderCurrent", "1" if year < 2025 else None)
    out.append("      </ChildIdentifiers>")
    out.append("      <ChildCharacteristics>")
    el(out, 4, "Ethnicity", "WBRI")
    out.append("      </ChildCharacteristics>")
    for e in episodes:
        out.append("      <CINdetails>")
        el(out, 4, "CINreferralDate", e.ref)
        el(out, 4, "ReferralSource", "1A")
        el(out, 4, "PrimaryNeedCode", "N1")
        el(out, 4, "CINclosureDate", e.closure)
        el(out, 4, "ReasonForClosure", "RC8" if e.closure else None)
        el(out, 4, "DateOfInitialCPC", e.ep_icpc)
        for a, b in e.assessments:
            out.append("        <Assessments>")
            el(out, 5, "AssessmentActualStartDate", a)
            el(out, 5, "AssessmentAuthorisationDate", b)
            if b is not None:
                out.append("          <FactorsIdentifiedAtAssessment>")
                el(out, 6, "AssessmentFactors", "21")
                out.append("          </FactorsIdentifiedAtAssessment>")
            out.append("        </Assessments>")
        for a, b in e.cinplans:
            out.append("        <CINPlanDates>")
            el(out, 5, "CINPlanStartDate", a)
            el(out, 5, "CINPlanEndDate", b)
            out.append("        </CINPlanDates>")
        for a, b, nr, t in e.s47:
            out.append("        <Section47>")
            el(out, 5, "S47ActualStartDate", a)
            el(out, 5, "InitialCPCtarget", t)
            el(out, 5, "DateOfInitialCPC", b)
            el(out, 5, "ICPCnotRequired", "true" if nr else "false")
            out.append("        </Section47>")
        el(out, 4, "ReferralNFA", e.nfa_text or ("true" if e.nfa else "false"))
        for p in e.plans:
            out.append("        <ChildProtectionPlans>")
            el(out, 5, "CPPstartDate", p.start)
            el(out, 5, "CPPendDate", p.end)
            el(out, 5, "InitialCategoryOfAbuse", "NEG")
            el(out, 5, "LatestCategoryOfAbuse", "NEG")
            el(out, 5, "NumberOfPreviousCPP", p.nprev)
            if p.reviews:
                out.append("          <Reviews>")
                for x in p.reviews:
                    el(out, 6, "CPPreviewDate", x)
                out.append("          </Reviews>")
            out.append("        </ChildProtectionPlans>")
        out.append("      </CINdetails>")
    out.append("    </Child>")
    if year >= 2025:  # 2024-25 onwards: <Sex> replaces <GenderCurrent>
        i = out.index("      </ChildIdentifiers>")
        out.insert(i, "        <Sex>M</Sex>")
    return out


def census_xml(year, kids):
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<Message>", "  <Header>", "    <CollectionDetails>",
           "      <Collection>CIN</Collection>", f"      <Year>{year}</Year>",
           f"      <ReferenceDate>{year}-03-31</ReferenceDate>", "    </CollectionDetails>", "    <Source>",
           "      <SourceLevel>L</SourceLevel>", "      <LEA>999</LEA>",
           "      <SoftwareCode>cin_edge_cases.py</SoftwareCode>", "      <Release>1</Release>",
           "      <SerialNo>001</SerialNo>", f"      <DateTime>{year}-05-01T09:00:00</DateTime>", "    </Source>",
           "  </Header>", "  <Children>"]
    for ch in kids:
        eps = [v for v in (view(e, year) for e in ch.episodes) if v is not None]
        if eps or not ch.episodes or ch.always:
            out += child_xml(ch, year, eps)
    out += ["  </Children>", "</Message>", ""]
    return "\n".join(out)


YEARS = (2023, 2024, 2025)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Write the CIN edge-case census files.")
    ap.add_argument("out_dir")
    ap.add_argument("--holidays", default=None)
    ap.add_argument("--random", type=int, default=0, help="write N random children near the boundaries instead")
    ap.add_argument("--seed", type=int, default=1, help="seed for --random")
    args = ap.parse_args(argv)
    with open(args.holidays or default_holidays(), encoding="utf-8") as f:
        for k, line in enumerate(f):
            first = line.split(",", 1)[0].strip()
            if k and first:
                HOLIDAYS.add(D(first))
    kids = random_children(args.random, args.seed) if args.random else children()
    os.makedirs(args.out_dir, exist_ok=True)
    for y in YEARS:
        path = os.path.join(args.out_dir, f"cin-edge-{y}.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(census_xml(y, kids))
    with open(os.path.join(args.out_dir, "CASES.md"), "w", encoding="utf-8") as f:
        f.write("# Planted CIN edge cases (cin_edge_cases.py)\n\n"
                "Census files: " + ", ".join(f"cin-edge-{y}.xml (reference date {y}-03-31)" for y in YEARS) +
                ". Report months 2022-04 to 2025-03.\n\n| child | case |\n| --- | --- |\n")
        for ch in kids:
            f.write(f"| {ch.cid} | {ch.note} |\n")
    print(f"cin_edge_cases: {len(kids)} children, {len(YEARS)} census files -> {args.out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
