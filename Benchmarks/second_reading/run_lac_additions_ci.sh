#!/usr/bin/env bash
# Second reading of the looked-after additions: compare `improve indicators`
# with lac_additions.py on every planted case and on generated councils; one
# line per input, a summary last; exit 0 only when every input agrees.
#
#   IMPROVE=/path/to/improve ./run_lac_additions_ci.sh
#
# IMPROVE   the already built binary (default /work/main/.build/debug/improve,
#           or this repository's .build/debug/improve when it exists).  Builds
#           nothing.
# SHARED_DIR  shared/ (default: found walking up from here, else /work/shared).
# SECOND_READING_BUDGET  seconds for the whole run (default 85); each program
#           run gets at most half of what is left.
#
# In a case's `args`, @REPO@ stands for this repository and @CASE@ for the
# case's folder (for --population).  Exit status: 0 all agree; 1 any
# disagreement, failed hand count, failing or timed-out program; 2 no binary,
# no python3.
set -u
export LC_ALL=C PYTHONDONTWRITEBYTECODE=1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PY="${PYTHON:-python3}"
BUDGET="${SECOND_READING_BUDGET:-85}"
POP="$REPO/Resources/published/ons_mid-year_population_estimates_2012_to_2024.csv"

if [ -z "${IMPROVE:-}" ]; then
  if [ -x "$REPO/.build/debug/improve" ]; then IMPROVE="$REPO/.build/debug/improve"
  else IMPROVE=/work/main/.build/debug/improve; fi
fi
case "$IMPROVE" in /*) ;; *) IMPROVE="$PWD/$IMPROVE" ;; esac
export IMPROVE
if [ ! -x "$IMPROVE" ]; then
  echo "second reading (lac additions): no improve binary at $IMPROVE (set IMPROVE)" >&2
  exit 2
fi
if ! command -v "$PY" >/dev/null 2>&1; then
  echo "second reading (lac additions): $PY not found" >&2
  exit 2
fi
SHARED="${SHARED_DIR:-}"
if [ -z "$SHARED" ]; then
  d="$HERE"
  for _ in 1 2 3 4 5 6; do
    if [ -d "$d/shared/data/ssda903" ]; then SHARED="$d/shared"; break; fi
    d="$(dirname "$d")"
  done
fi
[ -z "$SHARED" ] && [ -d /work/shared/data/ssda903 ] && SHARED=/work/shared

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "second reading (lac additions): $IMPROVE"
failures=0
total=0

left() { echo $(( (BUDGET - SECONDS) / 2 )); }

check() {  # check NAME compare-arguments...
  local name="$1"; shift
  local t; t="$(left)"
  total=$((total + 1))
  if [ "$t" -lt 2 ]; then
    echo "FAIL $name: out of time (budget ${BUDGET} s)"
    failures=$((failures + 1))
    return
  fi
  "$PY" "$HERE/compare_lac_additions.py" --oneline "$name" --timeout "$t" "$@" || failures=$((failures + 1))
}

generate() {  # generate OUTDIR generate-arguments...
  local out="$1"; shift
  local t; t="$(left)"
  if command -v timeout >/dev/null 2>&1; then TO=(timeout "$t"); else TO=(); fi
  "${TO[@]}" "$IMPROVE" generate "$@" --out "$out" >"$out.log" 2>&1
}

# (a) the planted cases, each with its own range (args) and hand counts
for dir in "$HERE"/cases_lac_additions/*/; do
  name="case $(basename "$dir")"
  if [ ! -f "$dir/args" ] || [ ! -f "$dir/expected.csv" ]; then
    total=$((total + 1)); failures=$((failures + 1))
    echo "FAIL $name: args or expected.csv missing"
    continue
  fi
  line="$(sed -e "s#@REPO@#$REPO#g" -e "s#@CASE@#${dir%/}#g" "$dir/args")"
  read -r -a ARGS <<< "$line"
  check "$name" --input "$dir" "${ARGS[@]}" --expected "$dir/expected.csv"
done

# (b) generated councils: 2024-25 to 2026-27 (social workers, OC3, DoL), two
# seeds, with and without --as-of (without it the day of reading is today);
# and 2016-17 to 2018-19
for spec in "5 2024-04 2027-03 300 --as-of 2027-03-31" "9 2024-04 2027-03 1500" \
            "5 2016-04 2019-03 300 --as-of 2019-03-31" "9 2016-04 2019-03 1500"; do
  read -r seed from to children asof asofv <<< "$spec"
  out="$TMP/gen-$seed-$from"
  name="generated 891 seed $seed $from..$to ($children children${asof:+, $asof $asofv})"
  if generate "$out" --council 891 --from "$from" --to "$to" --children "$children" --seed "$seed"; then
    check "$name" --input "$out" --from "$from" --to "$to" --population "$POP" --council 891 ${asof:+$asof $asofv}
  else
    total=$((total + 1)); failures=$((failures + 1))
    echo "FAIL $name: improve generate failed or timed out"
    tail -n 5 "$out.log" | sed 's/^/    /'
  fi
done

# (c) the shared 903 sample (OC3, the social worker table), up to 31 March 2020
if [ -n "$SHARED" ] && [ -d "$SHARED/data/ssda903" ]; then
  check "shared ssda903 (2015-04..2020-03, as of 2020-03-31)" --input "$SHARED/data/ssda903" \
    --from 2015-04 --to 2020-03 --as-of 2020-03-31
fi

if [ "$failures" -eq 0 ]; then
  echo "second reading (lac additions): all $total inputs agree (${SECONDS} s)"
  exit 0
fi
echo "second reading (lac additions): $failures of $total inputs FAIL (${SECONDS} s)"
exit 1
