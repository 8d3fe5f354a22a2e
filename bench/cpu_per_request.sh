#!/usr/bin/env bash
# Benchmark: the server's CPU time per request of two builds, in the same run, alternating.
#   GET /api/v1/auth/me as the analyst, and GET /api/v1/persons/{id} (with its read-log entry) as
#   the prefecture officer, each loaded by wrk at 64 connections for SECONDS.
# CPU time per request (user + system time of the server process over the requests served) moves
# far less than requests/s when other work shares the machine, so two builds can be compared on
# a busy machine, where bench/http_me.sh's ratio to nginx cannot be trusted.
# Usage: bench/cpu_per_request.sh BASELINE_BIN CANDIDATE_BIN [seconds] [rounds]
#   e.g. a worktree of the baseline commit built alongside: bench/cpu_per_request.sh
#   ../old/build/innet build/innet 4 3        (needs: wrk, curl, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,10p "$0" >&2; exit 2; }
baseline=$1 candidate=$2 seconds=${3:-4} rounds=${4:-3}
for tool in wrk curl python3; do
  command -v $tool >/dev/null || { echo "bench: $tool missing" >&2; exit 2; }
done
work=$(mktemp -d /tmp/innet-cpu.XXXXXX)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export INNET_SECRETS_FILE=$work/secrets.key
"$baseline" seed --demo --db "sqlite://$work/innet.db" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
ticks=$(getconf CLK_TCK)

start() {
  "$1" serve --db "sqlite://$work/innet.db" --port "$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 50); do curl -sf "$base/healthz" >/dev/null && return; sleep 0.1; done
  echo "bench: $1 did not start" >&2; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=; }
session() {
  curl -s -i -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1@demo.innet.example\",\"password\":\"demo\"}" |
    grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/'
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }

# measure PATH COOKIE: prints the CPU microseconds per request; every answer must be a 200.
measure() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $2" "$base$1")" = 200 ] ||
    { echo "bench: $1 did not answer 200" >&2; exit 1; }
  local before after out n
  before=$(cpu_ticks)
  out=$(wrk -t2 -c64 -d"${seconds}s" -H "Cookie: $2" "$base$1")
  after=$(cpu_ticks)
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "bench: failed answers: $out" >&2; exit 1; fi
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  python3 -c "print(f'{($after - $before) * 1e6 / $ticks / $n:.1f}')"
}

printf '%-10s %-9s %14s %18s\n' round build 'auth/me us/req' 'persons/{id} us/req'
for round in $(seq 1 "$rounds"); do
  for build in baseline candidate; do
    bin=$baseline
    [ $build = candidate ] && bin=$candidate
    start "$bin"
    analyst=$(session analyst)
    officer=$(session prefecture_officer)
    person=$(curl -sf -H "Cookie: $officer" "$base/api/v1/persons?per_page=1" |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
    me=$(measure /api/v1/auth/me "$analyst")
    one=$(measure "/api/v1/persons/$person" "$officer")
    printf '%-10s %-9s %14s %18s\n' "$round" $build "$me" "$one"
    stop
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
