#!/usr/bin/env bash
# Called by scripts/test.sh inside scripts/with-postgres.sh (INNET_TEST_PG_URL is set).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/innet-tests.XXXXXX)
results=()
failed=0

cleanup() {
  kill $(jobs -p) 2>/dev/null
  wait
  rm -rf "$work"
}
trap cleanup EXIT

step() {  # step NAME COMMAND...: runs it, records pass/fail and its time
  local name=$1 started=$SECONDS; shift
  echo "=== $name"
  if "$@"; then results+=("PASS $name ($((SECONDS - started)) s)"); else results+=("FAIL $name ($((SECONDS - started)) s)"); failed=$((failed + 1)); fi
}

# Starts the SMTP sink of the tests (tests/support/smtp-sink.mjs) writing into $1; sets the
# server's INNET_SMTP_HOST/PORT and the tests' INNET_MAIL_DIR.
start_sink() {
  node tests/support/smtp-sink.mjs "$1" >"$1.log" 2>&1 &
  sink_pid=$!
  local smtp_port=
  for _ in $(seq 1 100); do
    smtp_port=$(grep -oE 'listening on 127.0.0.1:[0-9]+' "$1.log" | grep -oE '[0-9]+$')
    [ -n "$smtp_port" ] && break
    sleep 0.1
  done
  [ -n "$smtp_port" ] || { cat "$1.log"; return 1; }
  export INNET_SMTP_HOST=127.0.0.1 INNET_SMTP_PORT=$smtp_port INNET_MAIL_DIR=$1
  export INNET_SMTP_FROM=innet@innet.test INNET_PUBLIC_URL=https://innet.test
}

# Starts `innet serve` on a fresh, demo-seeded database, with an SMTP sink; sets INNET_BASE_URL.
start_server() {
  local db_url=$1 dir=$work/$2 port=
  mkdir -p "$dir"
  start_sink "$dir/mail" || return 1
  export INNET_SECRETS_FILE=$dir/secrets.key INNET_TRUSTED_PROXY=127.0.0.1
  # The modules' periodic jobs (referrals' escalation mails) every second rather than 5 minutes.
  export INNET_JOB_INTERVAL_SECONDS=1
  build/innet seed --demo --db "$db_url" >"$dir/seed.log" 2>&1 || { cat "$dir/seed.log"; return 1; }
  build/innet serve --db "$db_url" --port 0 --web-root web/dist >"$dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    port=$(grep -oE 'listening on http://127.0.0.1:[0-9]+' "$dir/server.log" | grep -oE '[0-9]+$')
    [ -n "$port" ] && break
    sleep 0.1
  done
  if [ -z "$port" ]; then cat "$dir/server.log"; return 1; fi
  export INNET_BASE_URL=http://127.0.0.1:$port INNET_DB_URL=$db_url INNET_BIN=$root/build/innet
  echo "server on $INNET_BASE_URL ($2)"
}

# suite NAME DB_URL COMMAND...: in a subshell of its own, started in the background by the caller,
# a server on a fresh demo database of its own (so suites never share data: login throttling, the
# audit trail), the command against it, and the server stopped; the output goes to
# $work/NAME.out and the status to $work/NAME.rc.
suite() {
  local name=$1 db_url=$2 started=$SECONDS; shift 2
  (
    server_pid= sink_pid=
    trap cleanup_servers EXIT
    if start_server "$db_url" "$name"; then "$@"; else echo "server start failed ($name)"; false; fi
  ) >"$work/$name.out" 2>&1
  echo $? >"$work/$name.rc"
  echo $((SECONDS - started)) >"$work/$name.seconds"
}
cleanup_servers() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$sink_pid" ] && kill -TERM "$sink_pid" 2>/dev/null && wait "$sink_pid" 2>/dev/null
  true
}

# collect NAME TITLE: prints a finished suite's output and records its result.
collect() {
  echo "=== $2"
  cat "$work/$1.out"
  local took="($(cat "$work/$1.seconds" 2>/dev/null) s, beside the other two)"
  if [ "$(cat "$work/$1.rc" 2>/dev/null)" = 0 ]; then results+=("PASS $2 $took"); else results+=("FAIL $2 $took"); failed=$((failed + 1)); fi
}

step "code format (clang-format)" \
  bash -c 'clang-format --dry-run --Werror $(git ls-files "src/*.cc" "src/*.h" "tests/*.cc" "tests/*.h" "bench/*.cc" "fuzz/*.cc")'

step "module boundaries (includes and tables, docs/decisions/0014)" node scripts/check-boundaries.mjs

# Redocly's recommended rules, 0 errors (the info-license warning remains: no licence chosen yet).
step "OpenAPI lint (Redocly, recommended rules)" \
  env REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  bash -c 'build/innet openapi >"$0/openapi.json" && tests/node_modules/.bin/redocly lint --extends=recommended "$0/openapi.json"' "$work"

# Every *.test.mjs under tests/ (node --test searches a directory recursively and skips
# node_modules), so a new module's folder is never missed. One file at a time: they share the
# server's data (login throttling, the audit trail).
api_tests() { node --test --test-concurrency=1 tests/; }
# The browser tests' screenshots (about 530, evidence for a human, not checks: the checks run
# either way) only when asked for: `INNET_SCREENSHOTS=1 make test` writes them to
# test-results/screenshots (an INNET_SCREENSHOT_DIR of the caller's own is kept). They cost about
# 0.6 s each on a loaded machine, some 5 minutes of test-file time, 2.5 to 5 of the suite's (two
# files at a time).
browser_tests() {
  if [ "${INNET_SCREENSHOTS:-}" = 1 ]; then export INNET_SCREENSHOT_DIR=$root/test-results/screenshots; fi
  (cd web && npm run --silent test:browser)
}

step "unit and storage tests (ctest, SQLite and PostgreSQL)" \
  ctest --test-dir build -j "$(nproc)" --output-on-failure --timeout 120

step "fuzzing, 8 s per target (HTTP request, URL, JSON input)" scripts/fuzz.sh 8

step "crash test (SIGKILL under write load on SQLite)" scripts/crash-test.sh

# The three suites that need a server run side by side, each on its own server and database: most
# of their time is spent waiting on HTTP round trips, not on the two cores. (Starting the browser
# suite beside ctest instead was tried: ctest took 604 s rather than 158 and a screenshot timed
# out, on a machine other work loaded too.)
pg_db=innet_api_$$
psql -q "$INNET_TEST_PG_URL" -c "CREATE DATABASE $pg_db" >/dev/null
pg_url=${INNET_TEST_PG_URL/\/innet_test/\/$pg_db}
suite api-sqlite "sqlite://$work/api-sqlite.db" api_tests &
suite browser "sqlite://$work/browser.db" browser_tests &
suite api-postgresql "$pg_url" api_tests &
wait
collect api-sqlite "API tests on SQLite"
collect browser "browser tests (chromium, axe-core)"
collect api-postgresql "API tests on PostgreSQL"

echo
printf '%s\n' "${results[@]}"
echo "$(( ${#results[@]} - failed )) passed, $failed failed"
[ "$failed" -eq 0 ]
