#!/usr/bin/env python3
"""lxml reference for the CIN census importer's speed.

What it measures: the time to stream-parse DfE CIN census XML files with lxml (libxml2, C) and pull out the fields the
Swift importer (`CaseRecords/CIN/CINReader.swift`) needs for the indicators, into plain Python lists:

    per child          LAchildID
    per CINdetails     CINreferralDate, CINclosureDate, ReferralNFA
    per Assessments    AssessmentActualStartDate, AssessmentAuthorisationDate
    per Section47      S47ActualStartDate, DateOfInitialCPC
    per plan           CPPstartDate, CPPendDate, NumberOfPreviousCPP
    per review         CPPreviewDate

It uses the usual fast pattern: `etree.iterparse(events=("end",), tag="Child")`, read each finished <Child> subtree,
then clear it and drop the already-processed siblings so memory stays flat. Values are kept as text (as the XML has
them); `--parse-dates` also turns the dates into `datetime.date` (closer to the Swift importer, which checks every
date). The lists are what a Python importer would hand on to the indicator code.

The timer covers parsing and extraction only (not interpreter start-up or the import of lxml); the bytes are the
files' sizes. Output, one line on stdout:

    lxml <seconds> <bytes> <referrals>

where <referrals> counts CINdetails elements (`improve-benchmarks cin-import` counts the episodes its importer keeps,
which is the same number unless a file has same-day duplicates or unreadable referral dates).

Run (the script creates /tmp/benchvenv with lxml when lxml is missing):

    python3 Benchmarks/scripts/lxml_parse.py FILE.xml [FILE.xml ...] [--parse-dates] [--repeat N]

With --repeat N every file is parsed N times and the best total is printed (warm page cache, as the Swift side).
"""
import argparse
import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
import benchvenv  # noqa: E402

benchvenv.ensure("lxml")
from lxml import etree  # noqa: E402


class Extracted:
    """Column lists, one per field; nested records point at their parent by list index."""

    def __init__(self):
        self.child_id = []
        self.ref_child, self.ref_date, self.ref_closure, self.ref_nfa = [], [], [], []
        self.ass_ref, self.ass_start, self.ass_auth = [], [], []
        self.s47_ref, self.s47_start, self.s47_icpc = [], [], []
        self.cpp_ref, self.cpp_start, self.cpp_end, self.cpp_previous = [], [], [], []
        self.review_cpp, self.review_date = [], []

    @property
    def referrals(self):
        return len(self.ref_date)


def _text(element, path):
    """The stripped text of the first element at path, or None (as findtext, without the empty-string case)."""
    value = element.findtext(path)
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_file(path, out, convert=None):
    """Streams one census file into `out`. `convert` (optional) maps date text to a value."""
    conv = convert or (lambda s: s)
    text = _text
    # Bind the list appends once: the inner loop is the measured work.
    child_id = out.child_id.append
    ref_child, ref_date, ref_closure, ref_nfa = (out.ref_child.append, out.ref_date.append,
                                                 out.ref_closure.append, out.ref_nfa.append)
    ass_ref, ass_start, ass_auth = out.ass_ref.append, out.ass_start.append, out.ass_auth.append
    s47_ref, s47_start, s47_icpc = out.s47_ref.append, out.s47_start.append, out.s47_icpc.append
    cpp_ref, cpp_start, cpp_end, cpp_previous = (out.cpp_ref.append, out.cpp_start.append,
                                                 out.cpp_end.append, out.cpp_previous.append)
    review_cpp, review_date = out.review_cpp.append, out.review_date.append

    for _, child in etree.iterparse(path, events=("end",), tag="Child"):
        c = len(out.child_id)
        child_id(text(child, "ChildIdentifiers/LAchildID"))
        for cin in child.iterfind("CINdetails"):
            r = len(out.ref_date)
            ref_child(c)
            ref_date(conv(text(cin, "CINreferralDate")))
            ref_closure(conv(text(cin, "CINclosureDate")))
            ref_nfa(text(cin, "ReferralNFA"))
            for a in cin.iterfind("Assessments"):
                ass_ref(r)
                ass_start(conv(text(a, "AssessmentActualStartDate")))
                ass_auth(conv(text(a, "AssessmentAuthorisationDate")))
            for s in cin.iterfind("Section47"):
                s47_ref(r)
                s47_start(conv(text(s, "S47ActualStartDate")))
                s47_icpc(conv(text(s, "DateOfInitialCPC")))
            for p in cin.iterfind("ChildProtectionPlans"):
                k = len(out.cpp_start)
                cpp_ref(r)
                cpp_start(conv(text(p, "CPPstartDate")))
                cpp_end(conv(text(p, "CPPendDate")))
                previous = text(p, "NumberOfPreviousCPP")
                cpp_previous(int(previous) if previous is not None and previous.isdigit() else None)
                for d in p.iterfind("Reviews/CPPreviewDate"):
                    review_cpp(k)
                    review_date(conv((d.text or "").strip() or None))
        # Free the finished subtree and the siblings before it: memory stays flat however big the file.
        child.clear(keep_tail=False)
        parent = child.getparent()
        while child.getprevious() is not None:
            del parent[0]
    return out


def parse_date(text):
    """YYYY-MM-DD (a trailing time after 'T' is dropped, as the Swift importer does); None when not a date."""
    if text is None:
        return None
    if len(text) > 10 and text[10] == "T":
        text = text[:10]
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def main(argv=None):
    ap = argparse.ArgumentParser(description="Time lxml iterparse over CIN census XML files.")
    ap.add_argument("files", nargs="+", help="CIN census XML files")
    ap.add_argument("--parse-dates", action="store_true", help="also convert dates to datetime.date")
    ap.add_argument("--repeat", type=int, default=1, help="parse everything N times; report the fastest")
    args = ap.parse_args(argv)

    size = sum(os.path.getsize(f) for f in args.files)
    convert = parse_date if args.parse_dates else None
    best, referrals = None, 0
    for _ in range(max(1, args.repeat)):
        out = Extracted()
        start = time.perf_counter()
        for f in args.files:
            parse_file(f, out, convert)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
        referrals = out.referrals
        del out
    print(f"lxml {best:.6f} {size} {referrals}")

if __name__ == "__main__":
    main()
