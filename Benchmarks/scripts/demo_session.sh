# Sourced by the scripts that load or fuzz a running `improve demo` (bench_web.sh, reliability/schemathesis.sh):
# waiting for it to answer, and signing in as its council officer as a browser would. Needs curl.

# wait_healthy PORT LOG: until /healthz answers (5 minutes at most); else print the server's log and fail.
wait_healthy() {
    local port=$1 log=$2
    for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.5; done
    cat "$log" >&2
    return 1
}

# sign_in_officer PORT JAR: signs in as the demonstration's council officer, keeping the cookies in JAR; sets
# `dashboard` (the council's path) and `council` (its id).
sign_in_officer() {
    local port=$1 jar=$2 csrf
    csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
    curl -s -b "$jar" -c "$jar" -o /dev/null -d "email=officer@worcestershire.example&password=demo-officer-2011&_csrf=$csrf&next=/" "http://127.0.0.1:$port/sign-in"
    dashboard=$(curl -s -b "$jar" -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$port/" | sed "s|http://127.0.0.1:$port||")
    council=${dashboard#/councils/}
}

# sign_in_as PORT JAR EMAIL PASSWORD: signs in as another of the demonstration's accounts (the DfE official, ...).
sign_in_as() {
    local port=$1 jar=$2 csrf
    csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=$3" --data-urlencode "password=$4" -d "_csrf=$csrf&next=/" "http://127.0.0.1:$port/sign-in"
}

# api_token PORT JAR: takes a new API token from the Account page of the signed-in account and prints it.
api_token() {
    local port=$1 jar=$2 csrf
    csrf=$(curl -s -b "$jar" "http://127.0.0.1:$port/account" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
    curl -s -b "$jar" -d "_csrf=$csrf" "http://127.0.0.1:$port/account/api-token" | grep -o 'id="api-token">[^<]*' | sed 's/.*>//'
}
