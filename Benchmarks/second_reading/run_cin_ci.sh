#!/usr/bin/env bash
# run_cin_ci.sh: the CIN census second reading against `improve indicators`, row for row.
#
#   1. cin_edge_cases.py writes the planted edge-case censuses (2022-23 to 2024-25) and compare_cin.py compares
#      every indicator both compute over 2022-04..2025-03;
#   2. compare_cin.py --generate compares on `improve generate --council 891 --from 2021-04 --to 2024-03
#      --children 600 --seed 11` (its cin-*.xml files only) over 2021-04..2024-03;
#   3. with CIN_CI_RANDOM="1 2 ..." also on random edge-case censuses of 400 children per seed.
#
# Exits non-zero on any disagreement (each one is printed, product | duckdb). Takes well under a minute on 2 cores.
#
#     Benchmarks/second_reading/run_cin_ci.sh
#
# Environment (optional): IMPROVE=path/to/improve (default .build/debug/improve), CIN_CI_WORK=DIR (kept; default a
# temporary folder removed at the end), CIN_CI_RANDOM="seeds", BENCH_VENV (see Benchmarks/scripts/benchvenv.py).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
IMPROVE=${IMPROVE:-$ROOT/.build/debug/improve}
if [[ -n ${CIN_CI_WORK:-} ]]; then
    WORK=$CIN_CI_WORK
    mkdir -p "$WORK"
else
    WORK=$(mktemp -d /tmp/cin-ci.XXXXXX)
    trap 'rm -rf "$WORK"' EXIT
fi

python3 "$ROOT/Benchmarks/scripts/benchvenv.py" >/dev/null || { echo "run_cin_ci: cannot set up the Python environment" >&2; exit 2; }

status=0
rm -rf "$WORK/edge"
python3 "$HERE/cin_edge_cases.py" "$WORK/edge" || exit 2
python3 "$HERE/compare_cin.py" --improve "$IMPROVE" --from 2022-04 --to 2025-03 --work "$WORK/cmp-edge" \
    --label "planted edge cases" "$WORK/edge" || status=1

python3 "$HERE/compare_cin.py" --improve "$IMPROVE" --generate --council 891 --gen-from 2021-04 --gen-to 2024-03 \
    --children 600 --seed 11 --work "$WORK/cmp-891" --label "generated council 891 (seed 11, 600 children)" || status=1

for seed in ${CIN_CI_RANDOM:-}; do
    rm -rf "$WORK/random-$seed"
    python3 "$HERE/cin_edge_cases.py" "$WORK/random-$seed" --random 400 --seed "$seed" || exit 2
    python3 "$HERE/compare_cin.py" --improve "$IMPROVE" --from 2022-04 --to 2025-03 --work "$WORK/cmp-random-$seed" \
        --label "random edge cases, seed $seed" --max-print 5 "$WORK/random-$seed" || status=1
done

if ((status == 0)); then
    echo "run_cin_ci: improve indicators and the DuckDB second reading agree on every compared row"
else
    echo "run_cin_ci: DISAGREEMENT (see above)" >&2
fi
exit $status
