#!/usr/bin/env bash
# Builds the libFuzzer harnesses and fuzzes each target for a bounded time, one at a time, then prints a table.
#
#   Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 120 seconds, every target)
#
# Each target fuzzes from its working corpus (.work/<target>/, grown by the run, kept between runs, not in git) and
# the committed seeds (corpus/<target>/, read only), in libFuzzer's fork mode with one job: a crash, leak, timeout
# (10 s for one input) or out-of-memory input (2 GB) is written to artifacts/<target>/ and fuzzing goes on for the
# rest of the target's time, so one run can find more than one fault. libFuzzer's log is artifacts/<target>/fuzz.log.
#
# Environment: SKIP_BUILD=1 reuses the last build; FUZZ_FLAGS adds libFuzzer flags to every target
# (e.g. FUZZ_FLAGS="-seed=1").
set -euo pipefail

cd "$(dirname "$0")"
SECONDS_PER_TARGET="${1:-120}"
shift || true

ALL_TARGETS=(fuzz-notice-reader fuzz-notice-pdf fuzz-cin-census fuzz-ssda903 fuzz-csww fuzz-annex-a fuzz-annex-a-parts fuzz-bundle fuzz-return-loader fuzz-published fuzz-plan-sheet)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL_TARGETS[@]}"); fi

# The largest input libFuzzer makes for each format: a little over the largest seed, so mutations can grow it.
max_len() {
    case "$1" in
        fuzz-notice-reader) echo 16384 ;;   # notices are 4-11 KB of text
        fuzz-notice-pdf) echo 49152 ;;      # the notices as PDFs are 27-32 KB with their fonts
        fuzz-cin-census) echo 32768 ;;      # seeds up to 24 KB
        fuzz-ssda903) echo 16384 ;;         # CSV tables cut to 25 rows, XML cut to three children
        fuzz-csww) echo 24576 ;;            # seeds up to 18 KB
        fuzz-annex-a) echo 40960 ;;         # the workbook seed is 27 KB of zip
        fuzz-annex-a-parts) echo 65536 ;;   # lists 3 to 9 of the sample workbook are 51 KB of XML
        fuzz-bundle) echo 8192 ;;           # seeds up to 3 KB
        fuzz-return-loader) echo 40960 ;;   # several files joined by --8<-- lines
        fuzz-published) echo 8192 ;;        # the published tables cut to 25 rows (up to 6 KB), a small ODS workbook
        fuzz-plan-sheet) echo 8192 ;;       # plan sheets of 3 to 12 actions: CSV up to 3 KB, xlsx workbooks of 3 KB
        *) echo 4096 ;;
    esac
}

SCRATCH=.build-fuzz
BIN="$SCRATCH/release"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building the harnesses with -sanitize=fuzzer,address (release, scratch path $SCRATCH)"
    # SwiftPM reuses its cached build description and misses files added to the main package (a path dependency):
    # dropping it costs a second of planning.
    rm -f "$SCRATCH"/*/release/description.json
    swift build -c release --scratch-path "$SCRATCH" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 \
        | grep -v -e "Cannot export local symbol '__asan_extra_spill_area'" -e '^\[' || true
    for t in "${TARGETS[@]}"; do
        [ -x "$BIN/$t" ] || { echo "error: $BIN/$t was not built" >&2; exit 1; }
    done
fi

# One line per target: name, seconds, inputs executed, corpus size, crashes, timeouts, out-of-memory, new artifacts.
RESULTS=()
for t in "${TARGETS[@]}"; do
    corpus="corpus/$t"
    work=".work/$t"
    artifacts="artifacts/$t"
    mkdir -p "$work" "$artifacts"
    log="$artifacts/fuzz.log"
    before=$(ls "$artifacts" | grep -E '^(crash|timeout|oom|leak|slow-unit)-' | sort || true)
    start=$(date +%s)
    echo "== $t: fuzzing for ${SECONDS_PER_TARGET}s (max_len $(max_len "$t"))"
    # -fork=1: one fuzzing job at a time in a child process, restarted after a crash, timeout or leak (each written
    # to artifacts/), so a shallow fault does not end the target's time.
    # A dictionary of the format's words where there is one (dict/<target>.dict).
    dict=()
    [ -f "dict/$t.dict" ] && dict=(-dict="dict/$t.dict")
    status=0
    # Swift's own backtracer makes every crash slow to report; libFuzzer's ASan stack trace names the frame.
    # shellcheck disable=SC2086
    SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}" "$BIN/$t" "$work" "$corpus" "${dict[@]}" \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 \
        -max_len="$(max_len "$t")" -print_final_stats=1 -artifact_prefix="$artifacts/" \
        ${FUZZ_FLAGS:-} >"$log" 2>&1 || status=$?
    elapsed=$(( $(date +%s) - start ))
    # The fork driver's progress lines: "#RUNS: cov: .. ft: .. corp: N exec/s: .. oom/timeout/crash: O/T/C time: ..".
    last=$(grep -aE '^#[0-9]+: cov:' "$log" | tail -1 || true)
    executed=$(sed -nE 's/^#([0-9]+):.*/\1/p' <<<"$last")
    corp=$(sed -nE 's/.* corp: ([0-9]+) .*/\1/p' <<<"$last")
    otc=$(sed -nE 's|.* oom/timeout/crash: ([0-9]+/[0-9]+/[0-9]+) .*|\1|p' <<<"$last")
    IFS=/ read -r ooms timeouts crashes <<<"${otc:-0/0/0}"
    after=$(ls "$artifacts" | grep -E '^(crash|timeout|oom|leak|slow-unit)-' | sort || true)
    new=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep -c . || true)
    RESULTS+=("$t|$elapsed|${executed:-0}|${corp:-0}|$crashes|$timeouts|$ooms|$new|$status")
done

echo
printf '| %-20s | %7s | %15s | %6s | %7s | %8s | %4s | %9s |\n' target seconds "inputs executed" corpus crashes timeouts ooms artifacts
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "----------------------" "---------" "-----------------" "--------" "---------" "----------" "------" "-----------"
total=0
for r in "${RESULTS[@]}"; do
    IFS='|' read -r t secs executed corp crashes timeouts ooms new status <<<"$r"
    printf '| %-20s | %7s | %15s | %6s | %7s | %8s | %4s | %9s |\n' "$t" "$secs" "$executed" "$corp" "$crashes" "$timeouts" "$ooms" "$new"
    total=$((total + crashes + timeouts + ooms))
done
echo
echo "findings: $total (crashes and leaks, timeouts, out-of-memory; inputs in Fuzz/artifacts/<target>/, logs in"
echo "Fuzz/artifacts/<target>/fuzz.log; replay one with .build-fuzz/release/<target> FILE or the plain build's reproducer)"
[ "$total" -eq 0 ]
