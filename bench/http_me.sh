#!/usr/bin/env bash
# Benchmark: GET /api/v1/auth/me with a valid session, against nginx serving a small static file,
# both with wrk at 64 connections on loopback, in the same run on the same machine.
# Usage: bench/http_me.sh [duration_seconds]   (needs: apt-get install nginx wrk; build/innet)
# Target (issue 2): innet reaches at least 50% of nginx's requests per second.
# NGINX_ACCESS_LOG=off measures nginx without its access log (innet always writes one).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
for tool in nginx wrk; do
  command -v $tool >/dev/null || { echo "bench: $tool missing (apt-get install -y nginx wrk)" >&2; exit 2; }
done
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 0.3; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# nginx: the reference, a 15-byte static file (the size of innet's /healthz body).
nginx_port=$(free_port)
mkdir -p "$work/nginx/www"
printf '{"status":"ok"}' >"$work/nginx/www/static.json"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  # Logs each request to a file, as innet's access log does: the same work on both sides.
  access_log ${NGINX_ACCESS_LOG:-$work/nginx/access.log};
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/www;
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)

# innet on a demo database.
export INNET_SECRETS_FILE=$work/secrets.key
build/innet seed --demo --db "sqlite://$work/innet.db" >/dev/null
innet_port=$(free_port)
build/innet serve --db "sqlite://$work/innet.db" --port "$innet_port" >"$work/innet.log" 2>&1 &
pids+=($!)
sleep 1
cookie=$(curl -s -i -X POST "http://127.0.0.1:$innet_port/api/v1/auth/login" \
  -H 'Content-Type: application/json' \
  -d '{"email":"analyst@demo.innet.example","password":"demo"}' |
  grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')
[ -n "$cookie" ] || { echo "bench: login failed" >&2; exit 1; }
curl -sf -H "Cookie: $cookie" "http://127.0.0.1:$innet_port/api/v1/auth/me" >/dev/null

run_wrk() {  # prints "<requests/s> <p99 ms>"
  local out
  out=$(wrk -t2 -c64 -d"${duration}s" --latency "$@")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  # wrk prints latencies with units (us, ms, s): convert to ms.
  p99=$(echo "$p99" | awk '/us$/ {sub("us",""); print $1/1000; next} /ms$/ {sub("ms",""); print $1; next} /s$/ {sub("s",""); print $1*1000}')
  echo "$rps $p99"
}

# Warm both up, then measure nginx and innet alternately.
wrk -t2 -c64 -d2s "http://127.0.0.1:$nginx_port/static.json" >/dev/null
wrk -t2 -c64 -d2s -H "Cookie: $cookie" "http://127.0.0.1:$innet_port/api/v1/auth/me" >/dev/null
read -r nginx_rps nginx_p99 < <(run_wrk "http://127.0.0.1:$nginx_port/static.json")
read -r innet_rps innet_p99 < <(run_wrk -H "Cookie: $cookie" "http://127.0.0.1:$innet_port/api/v1/auth/me")
# The HTTP layer alone (no database), to tell where the time goes.
read -r health_rps health_p99 < <(run_wrk "http://127.0.0.1:$innet_port/healthz")
ratio=$(awk -v a="$innet_rps" -v b="$nginx_rps" 'BEGIN { printf "%.0f", 100 * a / b }')
echo "nginx static file:            ${nginx_rps} req/s, p99 ${nginx_p99} ms"
echo "innet GET /api/v1/auth/me:    ${innet_rps} req/s, p99 ${innet_p99} ms"
echo "innet GET /healthz (no DB):   ${health_rps} req/s, p99 ${health_p99} ms"
echo "innet / nginx:                ${ratio}% (target >= 50%)"
[ "$ratio" -ge 50 ]
