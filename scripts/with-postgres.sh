#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh <command...>
#
# Runs the command against a throwaway PostgreSQL 15 (Debian's postgresql package) and exports
# INNET_TEST_PG_URL for it: a database `innet_test`, reached as superuser `postgres` with trust
# auth, so tests may also create schemas and databases of their own. The server listens only on
# a Unix socket inside a fresh directory under /tmp (reachable by the postgres user even when the
# repository sits in a root-only directory) and is stopped and deleted when the script exits,
# whether the command passed, failed or was interrupted. Exits with the command's status.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command...>" >&2
  exit 2
fi

pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$pg_bin/postgres" ]; then
  echo "with-postgres: no PostgreSQL 15 in $pg_bin (apt-get install postgresql)" >&2
  exit 1
fi

run_dir=$(mktemp -d /tmp/innet-pg.XXXXXX)
data_dir=$run_dir/data
log=$run_dir/server.log
# Nothing else can use a socket inside our private directory, so any port number is free.
port=$((20000 + RANDOM % 40000))

# PostgreSQL refuses to run as root, so as root the server runs as the postgres user. The
# subshell leaves the caller's directory, which that user may not be allowed to enter.
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$run_dir"
  as_server_user() { (cd "$run_dir" && runuser -u postgres -- "$@"); }
else
  as_server_user() { (cd "$run_dir" && "$@"); }
fi

cleanup() {
  if [ -f "$data_dir/postmaster.pid" ]; then
    as_server_user "$pg_bin/pg_ctl" -D "$data_dir" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$run_dir"
}
trap cleanup EXIT
# Turn signals into an exit so the EXIT trap runs for them too.
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
  echo "with-postgres: $1; server log:" >&2
  cat "$log" >&2 2>/dev/null || true
  exit 1
}

as_server_user "$pg_bin/initdb" -D "$data_dir" -U postgres -A trust -E UTF8 --locale=C \
  --no-sync >"$run_dir/initdb.log" 2>&1 || { cat "$run_dir/initdb.log" >&2; fail "initdb failed"; }

# Durability is pointless for a database deleted afterwards; turning it off speeds tests up.
cat >>"$data_dir/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$run_dir'
port = $port
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

as_server_user "$pg_bin/pg_ctl" -D "$data_dir" -l "$log" -W start >/dev/null || fail "pg_ctl start failed"
for _ in $(seq 1 300); do
  if "$pg_bin/pg_isready" -q -h "$run_dir" -p "$port"; then break; fi
  sleep 0.1
done
"$pg_bin/pg_isready" -q -h "$run_dir" -p "$port" || fail "the server did not become ready"

"$pg_bin/createdb" -h "$run_dir" -p "$port" -U postgres -O postgres innet_test ||
  fail "createdb innet_test failed"

export INNET_TEST_PG_URL="postgresql://postgres@/innet_test?host=$run_dir&port=$port"

status=0
"$@" || status=$?
exit "$status"
