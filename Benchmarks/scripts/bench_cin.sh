#!/usr/bin/env bash
# bench_cin.sh: the CIN pipeline's speed and memory against two reference tools, on synthetic councils.
#
# What it measures, in one run on the same data:
#   (a) XML import: `improve-benchmarks cin-import FILES` (the Swift streaming importer) against lxml_parse.py (lxml
#       iterparse, libxml2 in C) over the same census files: throughput in MB/s and the ratio swift/lxml.
#   (b) Indicators: `improve indicators --input FILES --from --to --format csv` (reads the XML, merges the years,
#       computes every indicator) against duckdb_indicators.py (DuckDB SQL over the CIN validator's CSV tables,
#       six indicators; the XML-to-CSV conversion is not timed): wall time and the ratio swift/duckdb.
#   (c) Peak resident memory of each of the four runs (/usr/bin/time -f %M).
#   and, where improve-benchmarks has it, `cin-indicators` for the Swift engine's load and compute times apart.
# and checks that the two indicator outputs agree, row for row, on the six indicators both compute.
#
# Steps: creates /tmp/benchvenv (lxml, duckdb) if missing; builds the release binaries; generates SCALE councils
# (codes 800, 801, ...) with `improve generate` into /tmp/cin-bench/<code>/ (kept between runs; regenerated when the
# arguments change); writes each census file's CSV tables with `improve tables` (one call per file) and concatenates
# them per table, earliest census first, with a SourceFile column (concat_tables.py); then times the four runs.
#
# Run from anywhere (takes long at the default scale: 152 councils x 5 years):
#
#     Benchmarks/scripts/bench_cin.sh [SCALE]
#
# Environment (all optional):
#     BENCH_DATA=/tmp/cin-bench   where data, tables and results go
#     BENCH_FROM=2019-04 BENCH_TO=2024-03   the months generated and reported
#     BENCH_CHILDREN=N            --children for the generator (default: the generator's)
#     BENCH_SEED=N                seed of the first council, +1 for each next one (default: the council code)
#     BENCH_FIRST_CODE=800        the first council code; BENCH_CODES="800 801 ..." names them instead
#     BENCH_THREADS=N             DuckDB threads (default: DuckDB's, one per core)
#     BENCH_JOBS=2                parallel `improve generate` / `improve tables` calls
#     BENCH_BIN=DIR               use the binaries in DIR and do not build (SKIP_BUILD=1 also skips the build)
#     BENCH_VENV=/tmp/benchvenv   the Python virtualenv
#     REGENERATE=1                generate the councils again even if present
#
# Output: a table on stdout; the raw outputs, timings and the diff in $BENCH_DATA/_results/. Exits 1 when the two
# indicator outputs disagree.
set -euo pipefail

SCALE=${1:-152}
SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPTS/../.." && pwd)
DATA=${BENCH_DATA:-/tmp/cin-bench}
FROM=${BENCH_FROM:-2019-04}
TO=${BENCH_TO:-2024-03}
FIRST_CODE=${BENCH_FIRST_CODE:-800}
JOBS=${BENCH_JOBS:-2}
export BENCH_VENV=${BENCH_VENV:-/tmp/benchvenv}
PY=$BENCH_VENV/bin/python
RES=$DATA/_results
SIX='cpp_lasting_2y_plus|cpp_repeat_ever|icpc_within_15wd_dfe|re_referral_12m|single_assessment_timeliness|single_assessment_timeliness_dfe'

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'bench_cin: %s\n' "$*" >&2; exit 1; }

[[ $SCALE =~ ^[0-9]+$ && $SCALE -ge 1 ]] || die "SCALE must be a positive number of councils, not '$SCALE'"
mkdir -p "$DATA" "$RES"

# --- Python environment -------------------------------------------------------------------------------------------
say "Python environment $BENCH_VENV (lxml, duckdb)"
python3 "$SCRIPTS/benchvenv.py" >/dev/null

# --- Swift binaries -----------------------------------------------------------------------------------------------
if [[ -n ${BENCH_BIN:-} ]]; then
    BIN=$BENCH_BIN
else
    if [[ ${SKIP_BUILD:-0} != 1 ]]; then
        say "swift build -c release (improve, improve-benchmarks)"
        (cd "$ROOT" && swift build -c release --product improve && swift build -c release --product improve-benchmarks)
    fi
    BIN=$(cd "$ROOT" && swift build -c release --show-bin-path)
fi
IMPROVE=$BIN/improve
BENCHMARKS=$BIN/improve-benchmarks
[[ -x $IMPROVE ]] || die "$IMPROVE is missing: build it, or set BENCH_BIN"
[[ -x $BENCHMARKS ]] || die "$BENCHMARKS is missing: build it, or set BENCH_BIN"

# --- Synthetic councils -------------------------------------------------------------------------------------------
if [[ -n ${BENCH_CODES:-} ]]; then
    read -r -a CODES <<<"$BENCH_CODES"
    CODES=("${CODES[@]:0:$SCALE}")
else
    CODES=()
    for ((i = 0; i < SCALE; i++)); do CODES+=("$((FIRST_CODE + i))"); done
fi

FAILED=$DATA/_failed
rm -f "$FAILED"
throttle() { while (($(jobs -rp | wc -l) >= JOBS)); do sleep 0.05; done; }

say "improve generate: ${#CODES[@]} councils, $FROM to $TO, into $DATA/<code>/"
for i in "${!CODES[@]}"; do
    code=${CODES[$i]}
    seed=${BENCH_SEED:+$((BENCH_SEED + i))}
    seed=${seed:-$code}
    args=(generate --council "$code" --from "$FROM" --to "$TO" --seed "$seed" --out "$DATA/$code")
    [[ -n ${BENCH_CHILDREN:-} ]] && args+=(--children "$BENCH_CHILDREN")
    stamp=$DATA/$code/.bench-args
    if [[ ${REGENERATE:-0} != 1 && -f $stamp && $(cat "$stamp") == "${args[*]}" ]]; then continue; fi
    throttle
    (
        rm -rf "${DATA:?}/${code:?}" && mkdir -p "$DATA/$code"
        if "$IMPROVE" "${args[@]}" >"$DATA/$code.generate.log" 2>&1; then
            echo "${args[*]}" >"$stamp"
        else
            echo "improve ${args[*]}" >>"$FAILED"
        fi
    ) &
done
wait
[[ -f $FAILED ]] && die "improve generate failed: $(head -1 "$FAILED") (log: $DATA/<code>.generate.log)"

# Every CIN census XML of those councils (the generator also writes other returns), earliest census first: the merge
# order of both the Swift loader (by ReferenceDate, then position) and the concatenated tables (SourceFile).
LIST=$RES/files.tsv
: >"$LIST.tmp"
for code in "${CODES[@]}"; do
    while IFS= read -r -d '' f; do
        head=$(head -c 4096 "$f")
        [[ $head == *"<Collection>CIN</Collection>"* ]] || continue
        ref=$(grep -o '<ReferenceDate>[^<]*' <<<"$head" | head -1 | sed 's/.*>//')
        printf '%s\t%s\t%s\n' "${ref:-0000-00-00}" "$code" "$f" >>"$LIST.tmp"
    done < <(find "$DATA/$code" -type f -name '*.xml' -print0)
done
sort -t $'\t' -k1,1 -k3,3 "$LIST.tmp" >"$LIST" && rm -f "$LIST.tmp"
mapfile -t FILES < <(cut -f3 "$LIST")
((${#FILES[@]} > 0)) || die "no CIN census XML found under $DATA for councils ${CODES[*]}"
BYTES=$(cat "${FILES[@]}" | wc -c)

# --- CSV tables for DuckDB ----------------------------------------------------------------------------------------
say "improve tables: ${#FILES[@]} census files"
TABLES=$DATA/_tables
: >"$RES/tables-dirs.txt"
for f in "${FILES[@]}"; do
    rel=${f#"$DATA"/}
    out=$TABLES/${rel%.xml}
    echo "$out" >>"$RES/tables-dirs.txt"
    [[ -f $out/.done && $out/.done -nt $f ]] && continue
    throttle
    (
        rm -rf "$out" && mkdir -p "$out"
        if "$IMPROVE" tables --input "$f" --out "$out" >"$out.log" 2>&1; then touch "$out/.done"; else echo "improve tables --input $f" >>"$FAILED"; fi
    ) &
done
wait
[[ -f $FAILED ]] && die "$(head -1 "$FAILED") failed (log beside its output under $TABLES)"

CSV=$DATA/_csv
if [[ -f $CSV/.done && $(cat "$CSV/.done") == "$(md5sum <"$RES/tables-dirs.txt")" ]] &&
    [[ -z $(find "$TABLES" -name .done -newer "$CSV/.done" -print -quit) ]]; then
    say "tables already concatenated in $CSV"
else
    say "concatenating the tables into $CSV (SourceFile = position in merge order)"
    rm -rf "$CSV"
    "$PY" "$SCRIPTS/concat_tables.py" "$CSV" --list "$RES/tables-dirs.txt"
    md5sum <"$RES/tables-dirs.txt" >"$CSV/.done"
fi

# A child id used by two councils would be one child to both tools (they key children by LAchildID alone).
cut -f2 "$LIST" | awk 'BEGIN { print "SourceFile,council" } { print NR "," $0 }' >"$RES/file-councils.csv"
SHARED_IDS=$("$PY" - "$CSV/CINdetails.csv" "$RES/file-councils.csv" <<'PY'
import sys, duckdb
cin, councils = sys.argv[1:3]
print(duckdb.connect().execute(f"""
    SELECT count(*) FROM (
        SELECT c.LAchildID FROM read_csv('{cin}', all_varchar = true) c
        JOIN read_csv('{councils}', all_varchar = true) m USING (SourceFile)
        GROUP BY c.LAchildID HAVING count(DISTINCT m.council) > 1)""").fetchone()[0])
PY
)

# --- Timed runs ---------------------------------------------------------------------------------------------------
TIME_BIN=/usr/bin/time
if [[ ! -x $TIME_BIN ]]; then
    say "installing GNU time for peak memory"
    { apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; }; } || true
    [[ -x $TIME_BIN ]] || { say "no /usr/bin/time: peak memory will be n/a"; TIME_BIN=; }
fi

# run_timed NAME CMD...: stdout -> $RES/NAME.out, stderr -> $RES/NAME.err, wall seconds -> NAME.wall, peak KB -> NAME.kb.
# Stops the benchmark when the command fails, unless OPTIONAL=1 (then returns 1).
run_timed() {
    local name=$1 t0 t1 status=0
    shift
    say "run: $name"
    t0=$(date +%s.%N)
    if [[ -n $TIME_BIN ]]; then
        "$TIME_BIN" -f '%M' -o "$RES/$name.kb" "$@" >"$RES/$name.out" 2>"$RES/$name.err" || status=$?
    else
        "$@" >"$RES/$name.out" 2>"$RES/$name.err" || status=$?
        echo >"$RES/$name.kb"
    fi
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }' >"$RES/$name.wall"
    if ((status != 0)); then
        [[ ${OPTIONAL:-0} == 1 ]] && return 1
        die "$name failed (exit $status): $(tail -3 "$RES/$name.err")"
    fi
}

cat "${FILES[@]}" >/dev/null # warm the page cache: every run reads the files from memory
THREADS_ARGS=()
[[ -n ${BENCH_THREADS:-} ]] && THREADS_ARGS=(--threads "$BENCH_THREADS")

run_timed swift-import "$BENCHMARKS" cin-import "${FILES[@]}"
run_timed lxml "$PY" "$SCRIPTS/lxml_parse.py" "${FILES[@]}"
run_timed swift-indicators "$IMPROVE" indicators --input "${FILES[@]}" --from "$FROM" --to "$TO" --format csv
run_timed duckdb "$PY" "$SCRIPTS/duckdb_indicators.py" "$CSV" --from "$FROM" --to "$TO" "${THREADS_ARGS[@]}"
# The Swift engine's load and compute times apart (every indicator, every month with a referral), where the benchmark
# program has it: the counterpart of duckdb-load and duckdb-compute.
OPTIONAL=1 run_timed swift-indicators-split "$BENCHMARKS" cin-indicators --from "$FROM" --to "$TO" --only "${SIX//|/,}" "${FILES[@]}" || say "improve-benchmarks cin-indicators not available; skipped"

# --- Results ------------------------------------------------------------------------------------------------------
# field FILE WORD N: the N-th word of FILE's first line whose first word is WORD (empty when there is none).
field() { awk -v w="$2" -v k="$3" '$1 == w { print $k; exit }' "$RES/$1" 2>/dev/null || true; }
SW_S=$(field swift-import.out swift-import 2)
SW_BYTES=$(field swift-import.out swift-import 3)
SW_REFS=$(field swift-import.out swift-import 4)
LX_S=$(field lxml.out lxml 2)
LX_REFS=$(field lxml.out lxml 4)
[[ -n $SW_S ]] || die "improve-benchmarks cin-import printed no 'swift-import <seconds> <bytes> <referrals>' line (see $RES/swift-import.out)"
[[ -n $LX_S ]] || die "lxml_parse.py printed no timing (see $RES/lxml.err)"
DK_S=$(field duckdb.err duckdb 2)
DK_LOAD=$(field duckdb.err duckdb-load 2)
DK_COMPUTE=$(field duckdb.err duckdb-compute 2)
SI_WALL=$(cat "$RES/swift-indicators.wall")
SI_LOAD=$(field swift-indicators-split.out swift-load 2)
SI_COMPUTE=$(field swift-indicators-split.out swift-indicators 2)
DK_WALL=$(cat "$RES/duckdb.wall")

# The six shared indicators, rows sorted, compared as text (values to 4 decimals, empty when nothing was counted).
grep -E "^($SIX)," "$RES/swift-indicators.out" | sort >"$RES/swift-six.csv" || true
grep -E "^($SIX)," "$RES/duckdb.out" | sort >"$RES/duckdb-six.csv" || true
diff "$RES/swift-six.csv" "$RES/duckdb-six.csv" >"$RES/six.diff" || true
ONLY_SWIFT=$(comm -23 "$RES/swift-six.csv" "$RES/duckdb-six.csv" | wc -l)
ONLY_DUCK=$(comm -13 "$RES/swift-six.csv" "$RES/duckdb-six.csv" | wc -l)
ROWS=$(wc -l <"$RES/duckdb-six.csv")

mb() { [[ -n $1 ]] && awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }' || echo "n/a"; }
THREADS_LABEL=${BENCH_THREADS:+$BENCH_THREADS threads}
THREADS_LABEL=${THREADS_LABEL:-$(nproc) threads (default)}
{
    echo
    echo "CIN benchmark: ${#CODES[@]} councils, ${#FILES[@]} census files, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f MB", b / 1e6 }') of XML, $FROM to $TO"
    echo "referrals read: swift ${SW_REFS:-?}, lxml ${LX_REFS:-?}$([[ ${SW_BYTES:-} != "$BYTES" ]] && echo " (swift counted ${SW_BYTES:-?} bytes)")"
    [[ $SHARED_IDS != 0 ]] && echo "warning: $SHARED_IDS LAchildIDs occur in more than one council; both tools treat each as one child"
    echo
    awk -v b="$BYTES" -v sw="$SW_S" -v lx="$LX_S" -v si="$SI_WALL" -v dk="$DK_S" -v dl="$DK_LOAD" -v dc="$DK_COMPUTE" \
        -v dw="$DK_WALL" -v th="$THREADS_LABEL" -v sl="$SI_LOAD" -v sc="$SI_COMPUTE" \
        -v m1="$(mb "$(tail -1 "$RES/swift-import.kb")")" -v m2="$(mb "$(tail -1 "$RES/lxml.kb")")" \
        -v m3="$(mb "$(tail -1 "$RES/swift-indicators.kb")")" -v m4="$(mb "$(tail -1 "$RES/duckdb.kb")")" 'BEGIN {
        f = "%-25s %-26s %-46s %s\n"
        printf f, "", "Swift", "reference", "ratio"
        printf f, "XML import", sprintf("%.2f s, %.0f MB/s", sw, b / sw / 1e6), sprintf("lxml %.2f s, %.0f MB/s", lx, b / lx / 1e6),
            sprintf("swift/lxml throughput %.2fx", lx / sw)
        printf f, "indicators (wall)", sprintf("%.2f s", si), sprintf("duckdb %.2f s (load %.2f + compute %.2f)", dk, dl, dc),
            sprintf("swift/duckdb time %.2fx", si / dk)
        printf f, "", "", sprintf("duckdb process %.2f s, %s", dw, th), sprintf("vs its process %.2fx", si / dw)
        if (sc != "")
            printf f, "indicators, split", sprintf("load %.2f + compute %.2f", sl, sc), sprintf("duckdb load %.2f + compute %.2f", dl, dc),
                sprintf("compute swift/duckdb %.2fx", sc / dc)
        printf f, "peak memory, import", m1, "lxml " m2, ""
        printf f, "peak memory, indicators", m3, "duckdb " m4, ""
    }'
    echo
    if [[ $ONLY_SWIFT == 0 && $ONLY_DUCK == 0 && $ROWS -gt 0 ]]; then
        echo "indicator outputs: the six shared indicators agree on all $ROWS rows"
    else
        echo "indicator outputs: MISMATCH on the six shared indicators: $ONLY_SWIFT row(s) only in swift, $ONLY_DUCK only in duckdb (of $ROWS duckdb rows); first differences:"
        head -20 "$RES/six.diff"
        echo "(full diff: $RES/six.diff)"
    fi
    echo "notes: the Swift times include reading and merging the XML; DuckDB reads CSV tables made beforehand (untimed)."
    echo "       Timings are each program's own: swift-import and lxml time parsing only; duckdb times load + compute;"
    echo "       'indicators (wall)' for Swift is its whole process, reading XML; 'split' (improve-benchmarks cin-indicators)"
    echo "       computes the same six indicators over the same months ($FROM..$TO), load and compute timed apart. Raw outputs: $RES/"
} | tee "$RES/summary.txt"
[[ $ONLY_SWIFT == 0 && $ONLY_DUCK == 0 ]]
