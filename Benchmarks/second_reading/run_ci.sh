#!/usr/bin/env bash
# Second reading: compare `improve indicators` with lac_workforce.py on every
# input, one summary line per input, exit non-zero on any disagreement.
#
#   IMPROVE=/path/to/improve ./run_ci.sh
#
# IMPROVE   the already built binary (default: this repository's
#           .build/debug/improve, else /work/main/.build/debug/improve).
#           Builds nothing.
# SHARED_DIR  shared/ (default: the first shared/data/ssda903 found walking
#           up from here, else /work/shared).
# SECOND_READING_BUDGET  seconds for the whole run (default 110); each program
#           run gets at most half of what is left, so the script ends within
#           the budget even if a program hangs.
#
# Needs bash, python3 (standard library only) and coreutils.  Exit status:
# 0 all agree; 1 a disagreement, a failed hand count, a program that fails or
# times out; 2 no binary, no python3 or no shared/.
set -u
export LC_ALL=C PYTHONDONTWRITEBYTECODE=1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PY="${PYTHON:-python3}"
BUDGET="${SECOND_READING_BUDGET:-110}"

if [ -z "${IMPROVE:-}" ]; then
  if [ -x "$REPO/.build/debug/improve" ]; then IMPROVE="$REPO/.build/debug/improve"
  else IMPROVE=/work/main/.build/debug/improve; fi
fi
case "$IMPROVE" in /*) ;; *) IMPROVE="$PWD/$IMPROVE" ;; esac
export IMPROVE
if [ ! -x "$IMPROVE" ]; then
  echo "second reading: no improve binary at $IMPROVE (set IMPROVE)" >&2
  exit 2
fi
if ! command -v "$PY" >/dev/null 2>&1; then
  echo "second reading: $PY not found" >&2
  exit 2
fi

# shared/ sits beside the repository (…/work/main and …/work/shared, or a CI
# clone with a copy of shared/ beside it); look upwards for it.
SHARED="${SHARED_DIR:-}"
if [ -z "$SHARED" ]; then
  d="$HERE"
  for _ in 1 2 3 4 5 6; do
    if [ -d "$d/shared/data/ssda903" ]; then SHARED="$d/shared"; break; fi
    d="$(dirname "$d")"
  done
fi
[ -z "$SHARED" ] && [ -d /work/shared/data/ssda903 ] && SHARED=/work/shared
if [ -z "$SHARED" ] || [ ! -d "$SHARED/data/ssda903" ] || [ ! -d "$SHARED/data/csww" ]; then
  echo "second reading: shared/data/ssda903 and shared/data/csww not found (set SHARED_DIR)" >&2
  exit 2
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "second reading: $IMPROVE"
failures=0
total=0

left() {  # seconds each program may still take (half of what is left)
  echo $(( (BUDGET - SECONDS) / 2 ))
}

check() {  # check NAME compare.py-arguments...
  local name="$1"; shift
  local t; t="$(left)"
  total=$((total + 1))
  if [ "$t" -lt 2 ]; then
    echo "FAIL $name: out of time (budget ${BUDGET} s)"
    failures=$((failures + 1))
    return
  fi
  "$PY" "$HERE/compare.py" --oneline "$name" --timeout "$t" "$@" || failures=$((failures + 1))
}

# (a) the generated council
total=$((total + 1))
t="$(left)"
if command -v timeout >/dev/null 2>&1; then TO=(timeout "$t"); else TO=(); fi
if "${TO[@]}" "$IMPROVE" generate --council 891 --from 2016-04 --to 2019-03 --children 400 --seed 7 \
     --out "$TMP/gen" >"$TMP/gen.log" 2>&1; then
  total=$((total - 1))
  check "generated council 891 (2016-04..2019-03)" --input "$TMP/gen" --from 2016-04 --to 2019-03
else
  echo "FAIL generated council 891: improve generate failed or timed out"
  tail -n 5 "$TMP/gen.log" | sed 's/^/    /'
  failures=$((failures + 1))
fi

# (b) the hand-planted cases, each with its own range (args) and hand counts
for dir in "$HERE"/cases/*/; do
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

# (c) the shared samples
check "shared ssda903 (2015-04..2018-03)" --input "$SHARED/data/ssda903" --from 2015-04 --to 2018-03
check "shared csww (2021-10..2022-09)" --input "$SHARED/data/csww" --from 2021-10 --to 2022-09

if [ "$failures" -eq 0 ]; then
  echo "second reading: all $total inputs agree (${SECONDS} s)"
  exit 0
fi
echo "second reading: $failures of $total inputs FAIL (${SECONDS} s)"
exit 1
