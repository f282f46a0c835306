#!/usr/bin/env bash
# Starts the built gateway as `npm start` does (embedded PostgreSQL, demo network) in a scratch data
# folder, signs in, reads the bed board, fetches the dashboard, then stops it with SIGTERM and expects a clean exit.
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir=$(mktemp -d)
chmod 755 "$data_dir" # as root, embedded-postgres runs the server as a separate postgres user
port=${SMOKE_PORT:-4599}
log="$data_dir/gateway.log"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data_dir"' EXIT

SAHAYOG_DATA_DIR="$data_dir" PORT="$port" node packages/gateway/dist/cli.js serve >"$log" 2>&1 &
pid=$!

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "the gateway exited during start-up"; exit 1; }
  sleep 0.5
done

graphql() {
  curl -fsS "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' ${2:+-H "authorization: Bearer $2"} -d "$1"
}
token=$(graphql '{"query":"mutation { login(email: \"coordinator@mahima.demo\", password: \"sahayog-demo\") { accessToken } }"}' |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).data.login.accessToken))')
units=$(graphql '{"query":"{ bedAvailability(filter: { availableOnly: true }) { name available facility { name } } }"}' "$token" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).data.bedAvailability.length))')
echo "signed in; the bed board lists $units units with free beds"
[ "$units" -gt 0 ]

# The built dashboard is served at / (and any page path) under its own CSP.
curl -fsS -D "$data_dir/headers" "http://127.0.0.1:$port/?demo" | grep -q '<div id="root">'
grep -qi "^content-security-policy: default-src 'self'" "$data_dir/headers"
echo "the dashboard is served at /"

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
tail -n 3 "$log"
[ "$status" -eq 0 ] || { echo "the gateway exited with $status after SIGTERM"; exit 1; }
echo "stopped cleanly"
grep -q 'Demo accounts' "$log"
