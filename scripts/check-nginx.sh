#!/usr/bin/env bash
# The compose setup's nginx files, checked without a Docker engine: both configurations parse, and the
# dashboard's serves the build (run `npm run build` first) as it would in its container: every page path as
# the app under the dashboard's policy, hashed assets cached, a missing asset a 404.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; }

scratch=$(mktemp -d)
trap 'nginx -p "$scratch" -c "$scratch/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$scratch"' EXIT
mkdir -p "$scratch/logs"
port=18080
sed "s#root /usr/share/nginx/html;#root $PWD/packages/dashboard/dist;#; s/listen 8080;/listen $port;/" \
  docker/dashboard.nginx.conf >"$scratch/dashboard.conf"
# The front's upstream names only resolve inside compose; here they point at this machine.
sed 's/gateway-[12]:4000/127.0.0.1:4000/; s/dashboard:8080/127.0.0.1:8080/; s/listen 8080;/listen 18081;/' \
  docker/nginx.conf >"$scratch/front.conf"
cat >"$scratch/nginx.conf" <<CONF
pid $scratch/nginx.pid;
error_log $scratch/logs/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  include $scratch/dashboard.conf;
  include $scratch/front.conf;
}
CONF
nginx -p "$scratch" -c "$scratch/nginx.conf" -t -q
nginx -p "$scratch" -c "$scratch/nginx.conf"

expect_header() { # url host header-pattern
  curl -sfI "$1" -H "Host: $2" | tr -d '\r' | grep -qi "$3" || { echo "nginx: $1 lacks $3" >&2; exit 1; }
}
expect_header "http://127.0.0.1:$port/referrals/new" localhost:4000 "connect-src 'self' ws://localhost:4000 wss://localhost:4000"
expect_header "http://127.0.0.1:$port/referrals/new" localhost:4000 '^content-type: text/html'
expect_header "http://127.0.0.1:$port/" localhost:4000 '^cache-control: no-cache'
asset=$(cd packages/dashboard/dist/assets && ls ./*.js | head -1)
expect_header "http://127.0.0.1:$port/assets/${asset#./}" localhost:4000 '^cache-control: max-age=31536000'
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/assets/missing.js")
[ "$status" = 404 ] || { echo "nginx: a missing asset answered $status" >&2; exit 1; }
echo "nginx configurations parse; the dashboard is served with its policy"
