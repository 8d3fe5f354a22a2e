#!/usr/bin/env bash
# Benchmark: innet's authenticated JSON answers against nginx serving a small static file, both
# with wrk at 64 connections on loopback, in the same run on the same machine:
#   GET /api/v1/auth/me as the analyst (issue 2): target at least 50% of nginx's requests/s;
#   GET /api/v1/persons/{id} as the prefecture officer, with its read-log entry (issue 7):
#   target at least 40%.
# Usage: bench/http_me.sh [duration_seconds] [runs]   (needs: apt-get install nginx wrk; build/innet)
# Each run measures every endpoint for duration_seconds in slices of SLICE seconds (default 2)
# taken in turn; requests/s are totals over the slices, p99 the worst slice's.
# NGINX_ACCESS_LOG=off measures nginx without its access log (innet always writes one).
# Every measured answer must be a 200 with the expected body: each endpoint is checked with curl
# before and after its run, and a run whose wrk output reports non-2xx answers fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
runs=${2:-1}
slice=${SLICE:-2}  # seconds per wrk slice; a run measures each endpoint for `duration` seconds
[ $((duration % slice)) -eq 0 ] || { echo "bench: duration must be a multiple of $slice" >&2; exit 2; }
for tool in nginx wrk curl; do
  command -v $tool >/dev/null || { echo "bench: $tool missing (apt-get install -y nginx wrk)" >&2; exit 2; }
done
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
# nginx's workers run as another user (nobody or www-data) when it starts as root: they need a
# folder they can read. The private work folder (mode 0700, with the database and the secrets)
# stays private; only this one is readable.
www=$(mktemp -d /tmp/innet-bench-www.XXXXXX)
chmod 755 "$www"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 0.3; rm -rf "$work" "$www"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# nginx: the reference, a 15-byte static file (the size of innet's /healthz body).
nginx_port=$(free_port)
mkdir -p "$work/nginx"
static='{"status":"ok"}'
printf '%s' "$static" >"$www/static.json"
chmod 644 "$www/static.json"
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
    root $www;
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
base=http://127.0.0.1:$innet_port
session() {  # the session cookie of a demo account
  curl -s -i -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1@demo.innet.example\",\"password\":\"demo\"}" |
    grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/'
}
analyst=$(session analyst)
officer=$(session prefecture_officer)
[ -n "$analyst" ] && [ -n "$officer" ] || { echo "bench: login failed" >&2; exit 1; }
person_id=$(curl -sf -H "Cookie: $officer" "$base/api/v1/persons?per_page=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# check URL EXPECTED [curl options...]: a 200 whose body is EXPECTED (a Python expression over
# the parsed JSON `j` that must hold, or the exact text for nginx).
check() {
  local url=$1 expected=$2
  shift 2
  local out status body
  out=$(curl -s -w '\n%{http_code}' "$@" "$url")
  status=${out##*$'\n'}
  body=${out%$'\n'*}
  [ "$status" = 200 ] || { echo "bench: $url answered $status: $body" >&2; exit 1; }
  if [ "$url" = "http://127.0.0.1:$nginx_port/static.json" ]; then
    [ "$body" = "$expected" ] || { echo "bench: $url answered '$body'" >&2; exit 1; }
  else
    python3 -c "import json,sys; j=json.loads(sys.argv[1]); sys.exit(0 if ($expected) else 1)" "$body" ||
      { echo "bench: $url answered an unexpected body: $body" >&2; exit 1; }
  fi
}
nginx_url="http://127.0.0.1:$nginx_port/static.json"
me_url="$base/api/v1/auth/me"
person_url="$base/api/v1/persons/$person_id"
check_all() {
  check "$nginx_url" "$static"
  check "$me_url" "j['user']['email'] == 'analyst@demo.innet.example'" -H "Cookie: $analyst"
  check "$person_url" "j['id'] == $person_id and j['family_name'] != ''" -H "Cookie: $officer"
  check "$base/healthz" "j == {'status': 'ok'}"
}

run_wrk() {  # SECONDS ARGS...: prints "<requests> <seconds> <p99 ms>"; fails on any non-2xx answer
  local seconds=$1 out
  shift
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency "$@")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
    echo "bench: wrk saw failed answers for $*:" >&2
    echo "$out" >&2
    exit 1
  fi
  # "123456 requests in 2.00s, ..." and the 99% latency, with its unit (us, ms, s) made ms.
  echo "$out" | awk '/requests in/ {n = $1; t = $4; sub("s,", "", t)}
    $1 == "99%" {p = $2; if (p ~ /us$/) {sub("us", "", p); p /= 1000} else if (p ~ /ms$/) sub("ms", "", p);
                 else {sub("s", "", p); p *= 1000}}
    END {print n, t, p}'
}
# measure NAME SECONDS ARGS...: adds a slice's requests, seconds and worst p99 to NAME's totals.
declare -A requests seconds p99
measure() {
  local name=$1 n t p
  shift
  read -r n t p < <(run_wrk "$@")
  requests[$name]=$((${requests[$name]:-0} + n))
  seconds[$name]=$(awk -v a="${seconds[$name]:-0}" -v b="$t" 'BEGIN { print a + b }')
  p99[$name]=$(awk -v a="${p99[$name]:-0}" -v b="$p" 'BEGIN { print (b > a ? b : a) }')
}
rps() { awk -v n="${requests[$1]}" -v t="${seconds[$1]}" 'BEGIN { printf "%.0f", n / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; }

check_all
# Warm everything up, then measure nginx and innet alternately.
wrk -t2 -c64 -d2s "$nginx_url" >/dev/null
wrk -t2 -c64 -d2s -H "Cookie: $analyst" "$me_url" >/dev/null
wrk -t2 -c64 -d2s -H "Cookie: $officer" "$person_url" >/dev/null
sleep 0.5  # the warm-up's read-log entries are written
reads_before=$(sqlite3 "$work/innet.db" 'SELECT COUNT(*) FROM read_log')
echo "run | nginx req/s (worst p99 ms) | /auth/me req/s (p99) | ratio | /persons/{id} req/s (p99) | ratio | /healthz req/s"
failed=0
person_requests=0
for run in $(seq 1 "$runs"); do
  requests=() seconds=() p99=()
  # Short slices in turn, so that the other work on a shared machine weighs on every endpoint
  # alike: a run is duration/slice rounds of nginx, /auth/me, /persons/{id}, /healthz.
  for _ in $(seq 1 $((duration / slice))); do
    measure nginx "$slice" "$nginx_url"
    measure me "$slice" -H "Cookie: $analyst" "$me_url"
    measure person "$slice" -H "Cookie: $officer" "$person_url"
    # The HTTP layer alone (no database), to tell where the time goes.
    measure health "$slice" "$base/healthz"
  done
  person_requests=$((person_requests + ${requests[person]}))
  me_ratio=$(ratio "$(rps me)" "$(rps nginx)")
  person_ratio=$(ratio "$(rps person)" "$(rps nginx)")
  echo "$run | $(rps nginx) (${p99[nginx]}) | $(rps me) (${p99[me]}) | ${me_ratio}% |" \
    "$(rps person) (${p99[person]}) | ${person_ratio}% | $(rps health)"
  [ "$me_ratio" -ge 50 ] && [ "$person_ratio" -ge 40 ] || failed=1
done
check_all
# Every person read was logged: the writer keeps up (entries are written within about 50 ms).
# wrk counts the answers it read; a few more may have been answered as it stopped.
sleep 0.5
reads=$(($(sqlite3 "$work/innet.db" 'SELECT COUNT(*) FROM read_log') - reads_before))
echo "person reads answered: $person_requests; read-log entries written: $reads"
[ "$reads" -ge "$person_requests" ] || { echo "bench: read-log entries are missing" >&2; failed=1; }
echo "targets: /auth/me >= 50% of nginx, /persons/{id} with its read log >= 40%"
exit $failed
