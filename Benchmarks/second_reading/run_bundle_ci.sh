#!/usr/bin/env bash
# Second reading of the CSV-bundle indicators: compare `improve indicators`
# with bundle_reading.py on every planted case and on generated councils,
# one summary line per input, exit non-zero on any disagreement.
#
#   IMPROVE=/path/to/improve ./run_bundle_ci.sh
#
# IMPROVE   the already built binary (default: /work/main/.build/debug/improve,
#           or this repository's .build/debug/improve when that exists).
#           Builds nothing.
# BUNDLE_READING_BUDGET  seconds for the whole run (default 90); each program
#           run gets at most half of what is left, so the script ends within
#           the budget even if a program hangs.
#
# Inputs: every folder of cases_bundle/ (its `args` and `expected.csv`), then
# the councils written by `improve generate --council 891 --children 300`
# with seed 5 and seed 9 over 2009-04..2014-03 and seed 5 over 2023-04..2026-03,
# each compared over the months it covers, and docs/csv-bundle-sample.
#
# Needs bash, python3 (standard library only) and coreutils.  Exit status:
# 0 all agree; 1 a disagreement, a failed hand count, a program that fails or
# times out; 2 no binary or no python3.
set -u
export LC_ALL=C PYTHONDONTWRITEBYTECODE=1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PY="${PYTHON:-python3}"
BUDGET="${BUNDLE_READING_BUDGET:-90}"

if [ -z "${IMPROVE:-}" ]; then
  if [ -x "$REPO/.build/debug/improve" ]; then IMPROVE="$REPO/.build/debug/improve"
  else IMPROVE=/work/main/.build/debug/improve; fi
fi
case "$IMPROVE" in /*) ;; *) IMPROVE="$PWD/$IMPROVE" ;; esac
export IMPROVE
if [ ! -x "$IMPROVE" ]; then
  echo "bundle second reading: no improve binary at $IMPROVE (set IMPROVE)" >&2
  exit 2
fi
if ! command -v "$PY" >/dev/null 2>&1; then
  echo "bundle second reading: $PY not found" >&2
  exit 2
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "bundle second reading: $IMPROVE"
failures=0
total=0

left() {  # seconds each program may still take (half of what is left)
  echo $(( (BUDGET - SECONDS) / 2 ))
}

check() {  # check NAME compare_bundle.py-arguments...
  local name="$1"; shift
  local t; t="$(left)"
  total=$((total + 1))
  if [ "$t" -lt 2 ]; then
    echo "FAIL $name: out of time (budget ${BUDGET} s)"
    failures=$((failures + 1))
    return
  fi
  "$PY" "$HERE/compare_bundle.py" --oneline "$name" --timeout "$t" "$@" || failures=$((failures + 1))
}

# (a) the hand-planted cases, each with its own range (args) and hand counts
for dir in "$HERE"/cases_bundle/*/; do
  name="case $(basename "$dir")"
  if [ ! -f "$dir/args" ] || [ ! -f "$dir/expected.csv" ]; then
    total=$((total + 1))
    echo "FAIL $name: args or expected.csv missing"
    failures=$((failures + 1))
    continue
  fi
  read -r -a ARGS < "$dir/args"
  check "$name" --input "$dir" "${ARGS[@]}" --expected "$dir/expected.csv"
done

# (b) generated councils, compared over the months they cover
gen() {  # gen SEED FROM TO
  local seed="$1" from="$2" to="$3"
  local out="$TMP/gen-$seed-$from"
  local name="generated council 891 seed $seed ($from..$to)"
  local t; t="$(left)"
  if [ "$t" -lt 2 ]; then
    total=$((total + 1)); failures=$((failures + 1))
    echo "FAIL $name: out of time (budget ${BUDGET} s)"
    return
  fi
  if command -v timeout >/dev/null 2>&1; then TO=(timeout "$t"); else TO=(); fi
  if "${TO[@]}" "$IMPROVE" generate --council 891 --from "$from" --to "$to" --children 300 \
       --seed "$seed" --out "$out" >"$out.log" 2>&1; then
    check "$name" --input "$out" --from "$from" --to "$to"
  else
    total=$((total + 1)); failures=$((failures + 1))
    echo "FAIL $name: improve generate failed or timed out"
    tail -n 5 "$out.log" | sed 's/^/    /'
  fi
}
gen 5 2009-04 2014-03
gen 9 2009-04 2014-03
gen 5 2023-04 2026-03

# (c) the sample bundle of docs/csv-bundle.md (no census: event indicators only)
if [ -d "$REPO/docs/csv-bundle-sample" ]; then
  check "docs/csv-bundle-sample (2011-04..2011-07)" --input "$REPO/docs/csv-bundle-sample" --from 2011-04 --to 2011-07
fi

if [ "$failures" -eq 0 ]; then
  echo "bundle second reading: all $total inputs agree (${SECONDS} s)"
  exit 0
fi
echo "bundle second reading: $failures of $total inputs FAIL (${SECONDS} s)"
exit 1
