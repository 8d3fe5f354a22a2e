#!/usr/bin/env bash
# Benchmark: a flood of wrong passwords for one account from one address (wrk, 2 threads, 32
# connections, on loopback) against `innet serve` on a demo SQLite database. Reports the answers
# by status and what the flood left behind: audit entries, throttle rows and database + WAL bytes.
# Usage: bench/login_flood.sh [innet binary] [duration_seconds]   (needs: apt-get install wrk)
# Target (issue 7, point 3): refused attempts write nothing; the audit entries added stay a
# handful, whatever the number of requests.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/innet}")
duration=${2:-10}
command -v wrk >/dev/null || { echo "bench: wrk missing (apt-get install -y wrk)" >&2; exit 2; }
work=$(mktemp -d /tmp/innet-flood.XXXXXX)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; sleep 0.3; rm -rf "$work"; }
trap cleanup EXIT

export INNET_SECRETS_FILE=$work/secrets.key INNET_TRUSTED_PROXY=127.0.0.1
"$bin" seed --demo --db "sqlite://$work/innet.db" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --db "sqlite://$work/innet.db" --port "$port" >"$work/innet.log" 2>&1 &
server=$!
sleep 1

count() {  # count SQL: one number from the database
  python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' \
    "$work/innet.db" "$1"
}
bytes() { stat -c %s "$work/innet.db" "$work/innet.db-wal" 2>/dev/null | awk '{s += $1} END {print s}'; }

cat >"$work/flood.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"email":"analyst@demo.innet.example","password":"not-the-password"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Forwarded-For"] = "203.0.113.7"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() s401, s429, other = 0, 0, 0 end
function response(status)
  if status == 401 then s401 = s401 + 1 elseif status == 429 then s429 = s429 + 1 else other = other + 1 end
end
function done()
  local a, b, c = 0, 0, 0
  for _, t in ipairs(threads) do a = a + t:get("s401"); b = b + t:get("s429"); c = c + t:get("other") end
  io.write(string.format("answers: 401 %d, 429 %d, other %d\n", a, b, c))
end
LUA

audit_before=$(count "SELECT COUNT(*) FROM audit_log")
bytes_before=$(bytes)
wrk -t2 -c32 -d"${duration}s" -s "$work/flood.lua" "http://127.0.0.1:$port/api/v1/auth/login" |
  grep -E 'Requests/sec|requests in|answers'
bytes_after=$(bytes)
audit_after=$(count "SELECT COUNT(*) FROM audit_log")
echo "audit entries added: $((audit_after - audit_before))"
echo "database + WAL growth: $(( (bytes_after - bytes_before) / 1024 )) KiB"
echo "throttle rows: $(count "SELECT COUNT(*) FROM login_throttle")"
