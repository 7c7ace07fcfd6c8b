#!/usr/bin/env bash
# Second reading of the CIN additions (pre-proceedings, rates per 10,000, ICPCs per 100 section 47s,
# assessment factors, Annex A icpc_within_15wd): compare `improve indicators` with cin_additions.py on
# every planted case (cases_cin_additions/*, with their hand counts) and on two generated councils.
# One line per input, a summary line last; exit 0 only when every input agrees.
#
#   IMPROVE=/path/to/improve ./run_cin_additions_ci.sh
#
# IMPROVE  the already built binary (default: <repo>/.build/debug/improve, else
#          /work/main/.build/debug/improve). Builds nothing.
# CIN_ADDITIONS_SEEDS  seeds of the generated councils (default "5 9").
# CIN_ADDITIONS_BUDGET seconds for the whole run (default 90); each program run gets at most half
#          of what is left.
# Needs bash, python3 (standard library only) and coreutils.
set -u
export LC_ALL=C PYTHONDONTWRITEBYTECODE=1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PY="${PYTHON:-python3}"
BUDGET="${CIN_ADDITIONS_BUDGET:-90}"
SEEDS="${CIN_ADDITIONS_SEEDS:-5 9}"

if [ -z "${IMPROVE:-}" ]; then
  if [ -x "$REPO/.build/debug/improve" ]; then IMPROVE="$REPO/.build/debug/improve"
  else IMPROVE=/work/main/.build/debug/improve; fi
fi
case "$IMPROVE" in /*) ;; *) IMPROVE="$PWD/$IMPROVE" ;; esac
export IMPROVE
if [ ! -x "$IMPROVE" ]; then
  echo "cin additions: no improve binary at $IMPROVE (set IMPROVE)" >&2
  exit 2
fi
command -v "$PY" >/dev/null 2>&1 || { echo "cin additions: $PY not found" >&2; exit 2; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "cin additions second reading: $IMPROVE"
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
  "$PY" "$HERE/compare_cin_additions.py" --oneline "$name" --timeout "$t" --max-print 12 "$@" \
    || failures=$((failures + 1))
}

# (a) the planted cases, each with its own range (args) and hand counts
for dir in "$HERE"/cases_cin_additions/*/; do
  name="case $(basename "$dir")"
  if [ ! -f "$dir/args" ] || [ ! -f "$dir/expected.csv" ]; then
    total=$((total + 1)); failures=$((failures + 1))
    echo "FAIL $name: args or expected.csv missing"
    continue
  fi
  read -r -a ARGS < "$dir/args"
  check "$name" --input "$dir" "${ARGS[@]}" --expected "$dir/expected.csv"
done

# (b) generated councils: 2025-26 and 2026-27 censuses (the latter with pre-proceedings blocks)
#     and an Annex A workbook for the last twelve months
for seed in $SEEDS; do
  out="$TMP/gen-$seed"
  t="$(left)"
  if command -v timeout >/dev/null 2>&1; then TO=(timeout "$t"); else TO=(); fi
  if "${TO[@]}" "$IMPROVE" generate --council 891 --from 2025-04 --to 2027-03 --children 300 --seed "$seed" \
       --out "$out" >"$TMP/gen-$seed.log" 2>&1; then
    check "generated council 891 seed $seed (2025-04..2027-03)" --input "$out" --from 2025-04 --to 2027-03 \
      --council 891
  else
    total=$((total + 1)); failures=$((failures + 1))
    echo "FAIL generated council 891 seed $seed: improve generate failed or timed out"
    tail -n 5 "$TMP/gen-$seed.log" | sed 's/^/    /'
  fi
done

if [ "$failures" -eq 0 ]; then
  echo "cin additions: all $total inputs agree (${SECONDS} s)"
  exit 0
fi
echo "cin additions: $failures of $total inputs FAIL (${SECONDS} s)"
exit 1
