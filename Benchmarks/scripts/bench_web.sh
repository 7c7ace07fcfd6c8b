#!/usr/bin/env bash
# Load on loopback against the demonstration: wrk at 64 connections on the dashboard, a target page with its chart,
# the API's targets, the council's comparison with England and its neighbours, the view of every council in England
# (as the DfE official; all of England, and one region on another measure), and /healthz (the reference: the same
# stack, middleware and one database query, no page).
# Usage: Benchmarks/scripts/bench_web.sh [seconds per run, default 20]
# With DATABASE_URL (and IMPROVE_SECRET) set, the server runs on PostgreSQL; otherwise on a fresh SQLite file.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Benchmarks/scripts/demo_session.sh
seconds=${1:-20}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
swift build -c release --product improve >&2
bin=$(swift build -c release --show-bin-path)/improve
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && SQLITE_PATH="$work/data/bench.sqlite" LOG_LEVEL=warning exec "$bin" demo --port "$port" > "$work/server.log" 2>&1) &
server=$!
wait_healthy "$port" "$work/server.log"

# Sign in as the council officer, as a browser would, and take an API token.
jar="$work/jar"
sign_in_officer "$port" "$jar"
session=$(awk '$6 == "improve_session" {print $7}' "$jar")
target=$(curl -s -b "$jar" "http://127.0.0.1:$port$dashboard" | grep -o "/councils/$council/targets/[^\"]*" | head -2 | tail -1)
token=$(api_token "$port" "$jar")
dfejar="$work/dfejar"
sign_in_as "$port" "$dfejar" dfe@education.example demo-dfe-2011
dfe=$(awk '$6 == "improve_session" {print $7}' "$dfejar")

run() { # name, path, header
    local out
    out=$(wrk -t2 -c64 -d"${seconds}s" --latency -H "$3" "http://127.0.0.1:$port$2")
    local rps p50 p99 errors
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}"
}
if [ -n "${DATABASE_URL:-}" ]; then database=PostgreSQL; else database=SQLite; fi
echo "database: $database; $seconds s per run, 64 connections, 2 wrk threads, $(nproc) cores (server, database and wrk share them)"
echo "| route | requests/s | p50 | p99 | non-2xx |"
echo "| --- | --- | --- | --- | --- |"
run "/healthz (reference)" "/healthz" "X-Bench: 1"
run "dashboard" "$dashboard" "Cookie: improve_session=$session"
run "target page" "$target" "Cookie: improve_session=$session"
run "API targets" "/api/v1$dashboard/targets" "Authorization: Bearer $token"
run "council's comparison" "$dashboard/compare" "Cookie: improve_session=$session"
run "every council in England" "/england" "Cookie: improve_session=$dfe"
run "England, one region, agency" "/england?measure=sw_agency_rate&region=E12000005" "Cookie: improve_session=$dfe"
