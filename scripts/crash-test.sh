#!/usr/bin/env bash
# Crash test: kills the server with SIGKILL in the middle of concurrent writes on SQLite, starts it
# again, and checks that every write it had acknowledged is there, that SQLite's integrity check
# passes and that the audit trail and the presence registers verify.
# The load (tests/crash/writer.mjs): persons created, and registers kept day by day (arrival,
# absence, confirmation of the day). Usage: scripts/crash-test.sh [SECONDS_OF_LOAD] (default 4).
set -euo pipefail
cd "$(dirname "$0")/.."
load_seconds=${1:-4}
work=$(mktemp -d /tmp/innet-crash.XXXXXX)
server_pid=
writer_pid=
cleanup() {
  [ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

db=$work/innet.db
export INNET_SECRETS_FILE=$work/secrets.key INNET_TRUSTED_PROXY=127.0.0.1

start_server() {  # sets server_pid and port
  build/innet serve --db "sqlite://$db" --port 0 >>"$work/server.log" 2>&1 &
  server_pid=$!
  port=
  for _ in $(seq 1 100); do
    port=$(grep -oE 'listening on http://127.0.0.1:[0-9]+' "$work/server.log" | tail -1 | grep -oE '[0-9]+$' || true)
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  cat "$work/server.log"
  echo "crash test: the server did not start" >&2
  return 1
}

build/innet seed --demo --db "sqlite://$db" >"$work/seed.log" 2>&1 || { cat "$work/seed.log"; exit 1; }
start_server

ACK_FILE=$work/acknowledged READY_FILE=$work/ready INNET_BASE_URL=http://127.0.0.1:$port CLIENTS=8 \
  MAX_SECONDS=60 node tests/crash/writer.mjs &
writer_pid=$!
# The load's seconds count from the writer's sign-in: on a loaded machine node alone can take
# seconds to start, and a kill before the sign-in tests nothing (and fails the writer).
for _ in $(seq 1 600); do
  [ -e "$work/ready" ] && break
  kill -0 "$writer_pid" 2>/dev/null || break
  sleep 0.1
done
[ -e "$work/ready" ] || { echo "crash test: the writer did not sign in" >&2; exit 1; }
sleep "$load_seconds"
kill -KILL "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=
wait "$writer_pid" || { echo "crash test: the writer failed" >&2; exit 1; }
writer_pid=
: >>"$work/acknowledged"
acknowledged=$(wc -l <"$work/acknowledged")
if [ "$acknowledged" -lt 20 ]; then
  echo "crash test: only $acknowledged writes acknowledged before the kill: no load to speak of" >&2
  exit 1
fi

# The restarted server recovers the database (WAL replay) and serves it.
: >"$work/server.log"
start_server
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=

failed=0
for table in persons register_absences register_confirmations; do
  awk -v t="$table" '$1 == t { print $2 }' "$work/acknowledged" | sort >"$work/acked-$table"
  sqlite3 "$db" "SELECT id FROM $table" | sort >"$work/present-$table"
  missing=$(comm -23 "$work/acked-$table" "$work/present-$table")
  echo "crash test: $table: $(wc -l <"$work/acked-$table") acknowledged before SIGKILL," \
    "$(printf '%s' "$missing" | grep -c . || true) missing"
  [ -z "$missing" ] || { echo "missing $table ids: $(echo "$missing" | head -20 | tr '\n' ' ')"; failed=1; }
done
integrity=$(sqlite3 "$db" 'PRAGMA integrity_check')
echo "crash test: PRAGMA integrity_check: $integrity"
[ "$integrity" = ok ] || failed=1
build/innet audit verify --db "sqlite://$db" || { echo "crash test: audit verify failed"; failed=1; }
build/innet register verify --db "sqlite://$db" || { echo "crash test: register verify failed"; failed=1; }
[ "$failed" -eq 0 ] && echo "crash test: passed"
exit "$failed"
