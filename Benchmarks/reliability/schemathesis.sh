#!/usr/bin/env bash
# Fuzz the JSON API against its own OpenAPI document with Schemathesis (from PyPI, in its own virtualenv).
#
#   Benchmarks/reliability/schemathesis.sh [max examples per operation, default 50]
#
# Starts `improve demo` on a fresh SQLite file in a temporary folder (on PostgreSQL when DATABASE_URL and
# IMPROVE_SECRET are set), signs in as the council officer, takes an API token from the Account page, and runs
#   schemathesis run http://127.0.0.1:P/api/v1/openapi.json --header "Authorization: Bearer TOKEN" \
#       --checks not_a_server_error,response_schema_conformance --max-examples N
# twice: (1) as is, where path parameters are generated (so mostly unknown councils: 404s), and (2) with the path
# parameters `council` and `target` bound to the demonstration's real council and one of its targets (a config file),
# so the handlers run on real data and the indicator, basis and query values are what is fuzzed.
# Loopback only; bounded by --max-examples, a request timeout and `timeout MAX_TIME` around each run (not Schemathesis'
# --max-time, which is a budget: fuzzing repeats until it is spent). After each run the responses are counted by
# operation and status from its NDJSON report. Reports (JUnit XML; NDJSON too with KEEP_NDJSON=1, it is large) are
# kept in $RESULTS (default /tmp/schemathesis-results). Exit status: 0 when both runs pass, 1 otherwise.
#
# Environment: IMPROVE_BIN (default .build/release/improve), SCHEMATHESIS_VENV (default /tmp/schemathesis-venv),
# SCHEMATHESIS_VERSION (a pip requirement, default: the newest), SEED (default 1), MAX_TIME seconds per run (default 900).
set -euo pipefail
cd "$(dirname "$0")/../.."
. Benchmarks/scripts/demo_session.sh
examples=${1:-50}
bin=${IMPROVE_BIN:-.build/release/improve}
[ -x "$bin" ] || { echo "no binary at $bin: swift build -c release --product improve, or set IMPROVE_BIN" >&2; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
venv=${SCHEMATHESIS_VENV:-/tmp/schemathesis-venv}
results=${RESULTS:-/tmp/schemathesis-results}
seed=${SEED:-1}
max_time=${MAX_TIME:-900}

if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "${SCHEMATHESIS_VERSION:-schemathesis}"
fi
version=$("$venv/bin/schemathesis" --version)

work=$(mktemp -d /tmp/improve-schemathesis-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server=
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
if [ -z "${DATABASE_URL:-}" ]; then export SQLITE_PATH="$work/data/improvement-monitor.sqlite"; database=SQLite; else database=PostgreSQL; fi
(cd "$work" && exec env BCRYPT_COST=4 LOG_LEVEL=warning "$bin" demo --hostname 127.0.0.1 --port "$port" > "$work/server.log" 2>&1) &
server=$!
wait_healthy "$port" "$work/server.log"

# Sign in as the council officer and take an API token.
jar="$work/jar"
sign_in_officer "$port" "$jar"
target=$(curl -s -b "$jar" "http://127.0.0.1:$port$dashboard" | grep -o "/councils/$council/targets/[0-9A-Fa-f-]*" | head -1 | sed 's|.*/||')
token=$(api_token "$port" "$jar")
[ -n "$token" ] && [ -n "$council" ] && [ -n "$target" ] || { echo "could not sign in or take a token" >&2; exit 1; }

mkdir -p "$results"
cat > "$work/bound.toml" <<EOF
[parameters]
"path.council" = "$council"
"path.target" = "$target"
EOF

echo "$version; $database; server $bin on 127.0.0.1:$port; council $council; target $target; seed $seed; max examples $examples"
status=0
run() { # name, extra global options...
    local name=$1; shift
    echo
    echo "== run $name: $*"
    set +e
    rm -rf "${results:?}/$name"
    timeout "$max_time" "$venv/bin/schemathesis" "$@" run "http://127.0.0.1:$port/api/v1/openapi.json" \
        --header "Authorization: Bearer $token" \
        --checks not_a_server_error,response_schema_conformance \
        --max-examples "$examples" --seed "$seed" --request-timeout 20 \
        --no-color --report junit,ndjson --report-dir "$results/$name"
    local rc=$?
    set -e
    echo "== run $name: exit status $rc$([ $rc -eq 124 ] && echo ' (timed out)') (reports in $results/$name)"
    echo "responses by operation and status (the NDJSON report's recorded interactions):"
    "$venv/bin/python" - "$results/$name"/ndjson-*.ndjson <<'PY' || true
import collections, json, sys
counts = collections.Counter()
for path in sys.argv[1:]:
    for line in open(path):
        if '"interactions"' not in line:
            continue
        event = next(iter(json.loads(line).values()))
        recorder = event.get("recorder") or {}
        for interaction in (recorder.get("interactions") or {}).values():
            response = interaction.get("response") or {}
            counts[(recorder.get("label") or "?", response.get("status_code", "no response"))] += 1
print("| operation | status | responses |\n| --- | --- | --- |")
for (label, status), n in sorted(counts.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
    print(f"| {label} | {status} | {n} |")
PY
    [ -n "${KEEP_NDJSON:-}" ] || rm -f "$results/$name"/ndjson-*.ndjson
    [ $rc -eq 0 ] || status=1
}
run generated-parameters
run bound-parameters --config-file "$work/bound.toml"
kill "$server"; wait "$server" 2>/dev/null || true; server=
if grep -qi ' error\| critical' "$work/server.log"; then
    echo; echo "server log, error lines:"; grep -i ' error\| critical' "$work/server.log" | head -20
fi
echo
[ $status -eq 0 ] && echo "schemathesis: both runs passed" || echo "schemathesis: FAILURES (above)"
exit $status
