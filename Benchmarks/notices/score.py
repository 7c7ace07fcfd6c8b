#!/usr/bin/env python3
"""Scores the notice reader (`improve notice parse FILE --format json`) against hand-written truth files.

    python3 Benchmarks/notices/score.py [--improve PATH] [DIR_OR_FILE ...] [--min-milestone-f1 X]
                                        [--json OUT] [--verbose] [--jobs N] [--timeout S]

A notice is any .txt or .pdf file with FILE.expected.json beside it (a directory is searched recursively; a file
argument may name the notice or its .expected.json). With no DIR_OR_FILE, the corpus is
Tests/NoticeReaderTests/Fixtures/unseen and Tests/NoticeReaderTests/Fixtures/corpus of this repository.

Each score is given for the text notices, the PDF notices and all of them; see README.md beside this script for what
each one means and the conventions the comparison follows. Standard library only (Python 3.11).

Exit status: 0 when scored (and every --min-milestone-f1 threshold met), 1 when a threshold is missed, 2 on a usage
error (no binary, no notices, a path that is not a notice).
"""
from __future__ import annotations

import argparse
import calendar
import concurrent.futures
import json
import math
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
FIXTURES = os.path.join(REPO, "Tests", "NoticeReaderTests", "Fixtures")
DEFAULT_DIRS = [os.path.join(FIXTURES, "unseen"), os.path.join(FIXTURES, "corpus")]
DEFAULT_IMPROVE = os.path.join(REPO, ".build", "debug", "improve")
NOTICE_EXTS = {".txt": "text", ".pdf": "pdf"}
KINDS = ("text", "pdf", "all")
VALUE_TOLERANCE = 1e-6


_MISSING = object()   # a key the output (or truth) does not have


class UsageError(Exception):
    """A path that is not a notice, and the like: exit status 2."""


class Malformed(Exception):
    """The reader's output (or a truth file) does not have the contract's shape."""


# ---------------------------------------------------------------------------------------------------------------------
# Normalisation

_YMD = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NOTICE_PLUS = re.compile(r"^notice\+(\d+)m$")


def parse_ymd(text: Any) -> tuple[int, int, int] | None:
    if not isinstance(text, str):
        return None
    m = _YMD.match(text.strip())
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not 1 <= mo <= 12 or not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return None
    return y, mo, d


def normalise_due(due: Any, notice_date: Any) -> Any:
    """A due (or baseline period) in the form both sides are compared in.

    "YYYY-MM-DD" on the month's last day is "YYYY-MM"; "notice+Nm" is the month N months after the truth's notice
    date (when it has one), as "YYYY-MM"; anything else (other dates, "YYYY-MM", financial years "2015-16", null)
    is compared as it is. Non-strings are returned unchanged (they then match only an equal value)."""
    if not isinstance(due, str):
        return due
    text = due.strip()
    ymd = parse_ymd(text)
    if ymd is not None:
        y, mo, d = ymd
        if d == calendar.monthrange(y, mo)[1]:
            return f"{y:04d}-{mo:02d}"
        return text
    m = _NOTICE_PLUS.match(text)
    if m:
        base = parse_ymd(notice_date)
        if base is not None:
            months = base[0] * 12 + (base[1] - 1) + int(m.group(1))
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return text


def is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def same_value(a: Any, b: Any) -> bool:
    """Numbers equal within 1e-6; null equals null; anything else equal only if of the same type and equal."""
    if is_number(a) and is_number(b):
        if isinstance(a, float) and math.isnan(a) or isinstance(b, float) and math.isnan(b):
            return False
        return abs(a - b) <= VALUE_TOLERANCE
    if a is None or b is None:
        return a is None and b is None
    return type(a) is type(b) and a == b


def same_scalar(a: Any, b: Any) -> bool:
    """Strings, booleans and nulls exactly (true is not 1); numbers within the tolerance."""
    if is_number(a) and is_number(b):
        return same_value(a, b)
    return type(a) is type(b) and a == b


def show(x: Any) -> str:
    if x is _MISSING:
        return "(absent)"
    if x is None:
        return "null"
    if isinstance(x, str):
        return x
    if is_number(x) and float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    if isinstance(x, (tuple, list)):
        return "[" + ", ".join(show(v) for v in x) + "]"
    try:
        return json.dumps(x, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(x)


# ---------------------------------------------------------------------------------------------------------------------
# Items: what is compared, extracted from a reader output or a truth file (same shape; truth may use the older
# deadlines_due / reviews_due lists)

@dataclass
class Item:
    key: tuple          # normalised fields, compared by `eq`
    text: str           # how it is shown (raw due in brackets when normalisation changed it)


@dataclass
class Extracted:
    milestones: list[Item] = field(default_factory=list)
    baselines: list[Item] = field(default_factory=list)
    targets: list[Item] = field(default_factory=list)
    deadlines: list[Item] = field(default_factory=list)
    reviews: list[Item] = field(default_factory=list)
    scalars: dict[str, Any] = field(default_factory=dict)   # council, notice_date, board fields; absent keys left out


def _list(obj: dict, key: str, where: str) -> list:
    value = obj.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise Malformed(f"{where}{key} is {type(value).__name__}, not a list")
    return value


def _dict(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise Malformed(f"{where} is {type(value).__name__}, not an object")
    return value


def _due_text(raw: Any, norm: Any) -> str:
    return show(norm) if (isinstance(raw, str) and raw.strip() == norm) or raw == norm else f"{show(norm)} [{show(raw)}]"


def extract(doc: Any, truth_notice_date: Any) -> Extracted:
    """Pulls the compared items out of one output or truth object. Raises Malformed when a container has the wrong
    type; leaves of the wrong type are kept and simply match nothing."""
    doc = _dict(doc, "the output")
    out = Extracted()
    for key in ("council", "notice_date"):
        if key in doc:
            out.scalars[key] = doc[key]
    if "board" in doc:
        board = doc["board"]
        if board is None:
            out.scalars["board"] = None
        else:
            board = _dict(board, "board")
            out.scalars["board"] = {k: board.get(k, _MISSING) for k in ("cadence_weeks", "independent_chair", "dfe_observer")}

    nd = truth_notice_date
    for ti, target in enumerate(_list(doc, "targets", "")):
        where = f"targets[{ti}]"
        target = _dict(target, where)
        iid, unit, direction = target.get("indicator_id"), target.get("unit"), target.get("direction")
        out.targets.append(Item((iid, unit, direction), f"({show(iid)}, {show(unit)}, {show(direction)})"))
        baseline = target.get("baseline")
        if baseline is not None:
            baseline = _dict(baseline, f"{where}.baseline")
            value, period = baseline.get("value"), baseline.get("period")
            norm = normalise_due(period, nd)
            out.baselines.append(Item((iid, value, norm), f"({show(iid)}, {show(value)}, {_due_text(period, norm)})"))
        for mi, milestone in enumerate(_list(target, "milestones", f"{where}.")):
            milestone = _dict(milestone, f"{where}.milestones[{mi}]")
            value, due, basis = milestone.get("value"), milestone.get("due"), milestone.get("basis")
            if value is None and due is None:
                continue    # an aim with no number: a target without a milestone
            norm = normalise_due(due, nd)
            out.milestones.append(Item((iid, value, norm, basis),
                                       f"({show(iid)}, {show(value)}, {_due_text(due, norm)}, {show(basis)})"))

    for name, attr in (("deadlines", "deadlines"), ("reviews", "reviews")):
        if name in doc and doc[name] is not None:
            dues = []
            for i, entry in enumerate(_list(doc, name, "")):
                dues.append(_dict(entry, f"{name}[{i}]").get("due"))
        else:
            dues = _list(doc, f"{name}_due", "")
        items = getattr(out, attr)
        for due in dues:
            norm = normalise_due(due, nd)
            items.append(Item((norm,), _due_text(due, norm)))
    return out


def eq_items(a: Item, b: Item) -> bool:
    if len(a.key) != len(b.key):
        return False
    return all(same_value(x, y) if is_number(x) or is_number(y) else same_scalar(x, y) for x, y in zip(a.key, b.key))


# ---------------------------------------------------------------------------------------------------------------------
# Matching: a maximum one-to-one matching between truth and output items (a multiset match that tolerates the value
# tolerance not being transitive)

@dataclass
class Match:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


def match(truth: list[Item], output: list[Item], eq: Callable[[Item, Item], bool] = eq_items) -> Match:
    edges = [[j for j, o in enumerate(output) if eq(t, o)] for t in truth]
    owner: dict[int, int] = {}   # output index -> truth index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(truth)):
        augment(i, set())
    matched_truth = set(owner.values())
    result = Match(tp=len(owner), fp=len(output) - len(owner), fn=len(truth) - len(owner))
    result.missed = [t.text for i, t in enumerate(truth) if i not in matched_truth]
    result.spurious = [o.text for j, o in enumerate(output) if j not in owner]
    return result


# ---------------------------------------------------------------------------------------------------------------------
# Running the reader

@dataclass
class Notice:
    path: str
    truth_path: str
    kind: str
    name: str


@dataclass
class Result:
    notice: Notice
    seconds: float = 0.0
    failure: str | None = None          # why the reader's output counts as empty
    truth_error: str | None = None      # the truth file could not be read: the notice is not scored
    sets: dict[str, Match] = field(default_factory=dict)
    checks: dict[str, tuple[bool, str, str]] = field(default_factory=dict)   # name -> (correct, truth, output)


SET_NAMES = ("milestones", "baselines", "targets", "reviews", "deadlines")
CHECK_NAMES = ("council", "cadence", "board", "notice_date")


def display_name(path: str) -> str:
    for root in (FIXTURES, REPO):
        rel = os.path.relpath(path, root)
        if not rel.startswith(".."):
            return rel
    return path


def first_error_line(stderr: str, stdout: str) -> str:
    lines = [l.strip() for l in (stderr or stdout or "").splitlines() if l.strip()]
    if not lines:
        return "(no message)"
    for line in lines:
        if line.lower().startswith("error"):
            return line[:300]
    return lines[-1][:300]


def run_reader(improve: str, notice: Notice, timeout: float) -> tuple[Any, str | None, float]:
    """The parsed JSON output, or None and why it failed."""
    start = time.monotonic()
    try:
        proc = subprocess.run([improve, "notice", "parse", notice.path, "--format", "json"],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout:g} s", time.monotonic() - start
    except OSError as e:
        return None, f"could not run {improve}: {e}", time.monotonic() - start
    seconds = time.monotonic() - start
    stdout = proc.stdout.decode("utf-8", errors="replace")
    stderr = proc.stderr.decode("utf-8", errors="replace")
    if proc.returncode != 0:
        how = f"exit {proc.returncode}" if proc.returncode > 0 else f"signal {-proc.returncode}"
        return None, f"{how}: {first_error_line(stderr, stdout)}", seconds
    try:
        return json.loads(stdout), None, seconds
    except (ValueError, RecursionError) as e:
        snippet = stdout.strip()[:80].replace("\n", " ")
        return None, f"output is not JSON ({e}): {snippet!r}", seconds


def score_notice(improve: str, notice: Notice, timeout: float) -> Result:
    result = Result(notice)
    try:
        with open(notice.truth_path, encoding="utf-8") as f:
            truth_doc = json.load(f)
        nd = truth_doc.get("notice_date") if isinstance(truth_doc, dict) else None
        truth = extract(truth_doc, nd)
    except (OSError, ValueError, Malformed) as e:
        result.truth_error = f"{os.path.basename(notice.truth_path)}: {e}"
        return result

    output_doc, result.failure, result.seconds = run_reader(improve, notice, timeout)
    output = Extracted()
    if result.failure is None:
        try:
            output = extract(output_doc, nd)
        except Malformed as e:
            result.failure = f"malformed output: {e}"
            output = Extracted()
        except Exception as e:   # noqa: BLE001 -- whatever the reader prints, the scorer goes on
            result.failure = f"malformed output: {type(e).__name__}: {e}"
            output = Extracted()

    for name in SET_NAMES:
        result.sets[name] = match(getattr(truth, name), [] if result.failure else getattr(output, name))

    def check(name: str, key: str, compare: Callable[[Any, Any], bool], pick: Callable[[Any], Any]) -> None:
        if key not in truth.scalars:
            return   # the truth file does not say: not scored
        t = pick(truth.scalars[key])
        o = pick(output.scalars[key]) if key in output.scalars and not result.failure else _MISSING
        ok = o is not _MISSING and compare(t, o)
        result.checks[name] = (ok, show(t), "(absent)" if o is _MISSING else show(o))

    exact = same_scalar

    def board_fields(b: Any) -> Any:
        return None if b is None else tuple(b[k] for k in ("cadence_weeks", "independent_chair", "dfe_observer"))

    def board_equal(a: Any, b: Any) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return all(x is not _MISSING and y is not _MISSING and same_scalar(x, y) for x, y in zip(a, b))

    def cadence(b: Any) -> Any:
        return None if b is None else b["cadence_weeks"]

    def cadence_equal(a: Any, b: Any) -> bool:
        return a is not _MISSING and b is not _MISSING and same_scalar(a, b)

    check("council", "council", exact, lambda x: x)
    check("cadence", "board", cadence_equal, cadence)
    check("board", "board", board_equal, board_fields)
    check("notice_date", "notice_date", exact, lambda x: x)
    return result


# ---------------------------------------------------------------------------------------------------------------------
# Finding notices

def notices_in(arg: str) -> list[Notice]:
    path = os.path.abspath(arg)
    found: list[Notice] = []

    def consider(file: str, explicit: bool) -> None:
        stem, ext = os.path.splitext(file)
        kind = NOTICE_EXTS.get(ext.lower())
        truth = stem + ".expected.json"
        if kind and os.path.isfile(truth):
            found.append(Notice(file, truth, kind, display_name(file)))
        elif explicit:
            raise UsageError(f"{arg}: not a notice (.txt or .pdf with {os.path.basename(truth)} beside it)")

    if os.path.isdir(path):
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                consider(os.path.join(root, name), False)
    elif os.path.isfile(path):
        if path.endswith(".expected.json"):
            stem = path[: -len(".expected.json")]
            for ext in NOTICE_EXTS:
                if os.path.isfile(stem + ext):
                    consider(stem + ext, True)
            if not found:
                raise UsageError(f"{arg}: no .txt or .pdf notice beside it")
        else:
            consider(path, True)
    else:
        raise UsageError(f"{arg}: no such file or directory")
    return found


# ---------------------------------------------------------------------------------------------------------------------
# Summing up

def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    return {"tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else None,
            "recall": tp / (tp + fn) if tp + fn else None,
            "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None}


def summarise(results: list[Result]) -> dict[str, Any]:
    scores: dict[str, Any] = {}
    for kind in KINDS:
        rs = [r for r in results if r.truth_error is None and (kind == "all" or r.notice.kind == kind)]
        s: dict[str, Any] = {"notices": len(rs), "failed": sum(1 for r in rs if r.failure)}
        for name in SET_NAMES:
            s[name] = prf(*(sum(getattr(r.sets[name], a) for r in rs) for a in ("tp", "fp", "fn")))
        for name in CHECK_NAMES:
            scored = [r.checks[name][0] for r in rs if name in r.checks]
            s[name] = {"correct": sum(scored), "total": len(scored),
                       "accuracy": sum(scored) / len(scored) if scored else None}
        scores[kind] = s
    return scores


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


ROWS = [
    ("milestone precision (strict)", "milestones", "precision"),
    ("milestone recall (strict)", "milestones", "recall"),
    ("milestone F1 (strict)", "milestones", "f1"),
    ("baseline F1", "baselines", "f1"),
    ("target F1", "targets", "f1"),
    ("review F1", "reviews", "f1"),
    ("deadline F1", "deadlines", "f1"),
    ("council accuracy", "council", "accuracy"),
    ("cadence accuracy", "cadence", "accuracy"),
    ("board accuracy", "board", "accuracy"),
    ("notice date accuracy", "notice_date", "accuracy"),
]


def table(scores: dict[str, Any]) -> str:
    def cell(s: dict[str, Any], group: str, stat: str) -> str:
        g = s[group]
        if stat == "accuracy":
            return f"{fmt(g['accuracy'])} ({g['correct']}/{g['total']})"
        if stat == "f1":
            return f"{fmt(g['f1'])} ({g['tp']}/{g['fp']}/{g['fn']})"
        return fmt(g[stat])

    header = ["score", "text", "pdf", "all"]
    rows = [["notices (failed)"] + [f"{scores[k]['notices']} ({scores[k]['failed']})" for k in KINDS]]
    rows += [[label] + [cell(scores[k], g, stat) for k in KINDS] for label, g, stat in ROWS]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(4)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append("F1 cells: F1 (tp/fp/fn), summed over notices; accuracy cells: accuracy (correct/scored).")
    return "\n".join(lines)


def notice_line(r: Result, width: int, verbose: bool) -> str:
    head = f"{r.notice.name.ljust(width)}  {r.notice.kind:<4}"
    if r.truth_error:
        return f"{head}  NOT SCORED: truth file unreadable: {r.truth_error}"
    m = r.sets["milestones"]
    line = f"{head}  milestones tp={m.tp:<3} fp={m.fp:<3} fn={m.fn:<3} {r.seconds:5.1f}s"
    if r.failure:
        line += f"  FAILED: {r.failure}"
    if not verbose:
        return line
    out = [line]
    if r.failure:
        total = sum(r.sets[n].fn for n in SET_NAMES)
        out.append(f"    (the reader failed: all {total} truth items counted as missed; --json OUT lists them)")
        return "\n".join(out)
    for name in SET_NAMES:
        s = r.sets[name]
        for t in s.missed:
            out.append(f"    {name[:-1]} missed:   {t}")
        for t in s.spurious:
            out.append(f"    {name[:-1]} spurious: {t}")
    for name in CHECK_NAMES:
        if name in r.checks and not r.checks[name][0]:
            _, t, o = r.checks[name]
            out.append(f"    {name} differs: expected {t}, got {o}")
    return "\n".join(out)


def to_json(improve: str, results: list[Result], scores: dict[str, Any]) -> dict[str, Any]:
    notices = []
    for r in results:
        entry: dict[str, Any] = {"name": r.notice.name, "path": r.notice.path, "kind": r.notice.kind}
        if r.truth_error:
            entry["truth_error"] = r.truth_error
        else:
            entry.update({"seconds": round(r.seconds, 3), "failure": r.failure})
            for name in SET_NAMES:
                s = r.sets[name]
                entry[name] = {"tp": s.tp, "fp": s.fp, "fn": s.fn, "missed": s.missed, "spurious": s.spurious}
            for name, (ok, t, o) in r.checks.items():
                entry[name] = {"correct": ok, "expected": t, "got": o}
        notices.append(entry)
    return {"improve": improve, "scores": scores, "notices": notices}


# ---------------------------------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score `improve notice parse` against the notices' .expected.json files.")
    ap.add_argument("paths", nargs="*", metavar="DIR_OR_FILE",
                    help="notices or directories of notices (default: Fixtures/unseen and Fixtures/corpus)")
    ap.add_argument("--improve", default=None, help=f"the improve binary (default {os.path.relpath(DEFAULT_IMPROVE, REPO)} "
                                                     "in this repository)")
    ap.add_argument("--min-milestone-f1", type=float, default=None, metavar="X",
                    help="exit 1 when the text or the PDF strict milestone F1 is below X")
    ap.add_argument("--json", metavar="OUT", help="write every score and per-notice difference as JSON to OUT")
    ap.add_argument("--verbose", "-v", action="store_true", help="list the missed and spurious items of each notice")
    ap.add_argument("--jobs", type=int, default=2, help="notices read at once (default 2)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per notice (default 60)")
    args = ap.parse_args(argv)

    improve = os.path.abspath(args.improve) if args.improve else DEFAULT_IMPROVE
    if not (os.path.isfile(improve) and os.access(improve, os.X_OK)):
        print(f"score.py: {improve}: no such executable (build it: swift build --product improve)", file=sys.stderr)
        return 2

    notices: list[Notice] = []
    if args.paths:
        try:
            for p in args.paths:
                notices += notices_in(p)
        except UsageError as e:
            print(f"score.py: {e}", file=sys.stderr)
            return 2
    else:
        for d in DEFAULT_DIRS:
            if os.path.isdir(d):
                notices += notices_in(d)
            else:
                print(f"score.py: note: {display_name(d)} does not exist; skipped", file=sys.stderr)
    seen: set[str] = set()
    notices = [n for n in notices if not (n.path in seen or seen.add(n.path))]
    if not notices:
        print("score.py: no notices found (a notice is a .txt or .pdf with FILE.expected.json beside it)", file=sys.stderr)
        return 2

    width = max(len(n.name) for n in notices)
    results: list[Result] = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for r in pool.map(lambda n: score_notice(improve, n, args.timeout), notices):
            results.append(r)
            print(notice_line(r, width, args.verbose), flush=True)

    scores = summarise(results)
    print()
    print(table(scores))
    unscored = [r for r in results if r.truth_error]
    if unscored:
        print(f"\n{len(unscored)} notice(s) not scored: their truth file could not be read (see above).")

    if args.json:
        try:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(to_json(improve, results, scores), f, indent=2, ensure_ascii=False)
                f.write("\n")
        except OSError as e:
            print(f"score.py: cannot write {args.json}: {e}", file=sys.stderr)
            return 2

    status = 0
    if args.min_milestone_f1 is not None:
        for kind, label in (("text", "text"), ("pdf", "PDF")):
            s = scores[kind]
            f1 = s["milestones"]["f1"]
            if s["notices"] == 0 or f1 is None:
                print(f"{label}: no notices with milestones; threshold not checked")
            elif f1 < args.min_milestone_f1:
                print(f"FAIL: {label} strict milestone F1 {f1:.3f} is below {args.min_milestone_f1:g}")
                status = 1
            else:
                print(f"ok: {label} strict milestone F1 {f1:.3f} >= {args.min_milestone_f1:g}")
    return status


if __name__ == "__main__":
    sys.exit(main())
