#!/usr/bin/env bash
# Usage: bench/procedure_counts.sh [sqlite|postgresql] [FILES]
# The deadline dashboard's counts (GET /procedure-files/counts) and the first page of the files
# past due over FILES generated files (500,000 by default), for a machine where the national seed
# (bench/procedures-dashboard.sh) takes too long: a demo seed, then FILES rows of procedure_files
# written by one SQL statement, without steps, documents or suspensions (the counts and the list
# read the files' stored clock only): 40% open, their due dates spread from 700 days ago to 400
# days ahead (about 64% of the open files past due, 1% due within 10 days), 1 in 97 without a
# term, 1 in 100 suspended until a day of the next month. The insert goes through the table's
# triggers (procedures migrations 7 and 9) and is timed. Then, as an SUI officer (every file), 20
# sequential requests after 3 (median, p95) of the same-run baseline (GET /auth/me), the counts
# and the list filtered overdue, served by INNET (build/innet) and, when set, by BASELINE (e.g.
# main's binary) on the same database.
set -euo pipefail
INNET=${INNET:-build/innet}
cd "$(dirname "$0")/.."
engine=${1:-sqlite}
files=${2:-500000}
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export INNET_SECRETS_FILE=$work/secrets.key
source bench/lib/http.sh

# Engine-specific: a day N days from today as text, and the client that runs the SQL.
if [ "$engine" = sqlite ]; then
  day() { echo "date('now', ($1) || ' days')"; }
else
  day() { echo "to_char(CURRENT_DATE + ($1)::int, 'YYYY-MM-DD')"; }
fi
generate_sql() {
  cat <<SQL
INSERT INTO procedure_files (procedure_id, person_id, protocol_number, filed_on, status, outcome,
  decided_on, decided_by, due_on, suspended_until, created_by, created_at, updated_at)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $files)
SELECT 1 + i % 7, 1 + i % (SELECT COUNT(*) FROM persons), 'BENCH-' || i, $(day '-800'),
  CASE WHEN i % 5 < 2 THEN 'open' ELSE 'closed' END,
  CASE WHEN i % 5 < 2 THEN NULL ELSE 'granted' END,
  CASE WHEN i % 5 < 2 THEN NULL ELSE $(day '-30') END,
  CASE WHEN i % 5 < 2 THEN NULL ELSE 1 END,
  CASE WHEN i % 97 = 0 THEN NULL ELSE $(day '(i % 1100) * 7919 % 1100 - 700') END,
  CASE WHEN i % 100 = 1 THEN $(day '1 + i % 30') END,
  1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM n;
SQL
  # PostgreSQL's autovacuum analyses a table this changed within a minute or so; the requests
  # are timed right after, so the statistics are taken here (SQLite keeps none, by design).
  if [ "$engine" = postgresql ]; then echo 'ANALYZE procedure_files;'; fi
}

run() {  # run DB_URL SQL_CLIENT...
  local url=$1; shift
  /usr/bin/time -f "demo seed: %e s" "$INNET" seed --demo --db "$url" >"$work/demo.out" 2>&1 ||
    { cat "$work/demo.out"; exit 1; }
  generate_sql >"$work/files.sql"
  /usr/bin/time -f "insert of $files files by SQL: %e s" "$@" <"$work/files.sql" || exit 1
  local sui=bench-sui@innet.example cookie
  printf 'bench-password-1\n' | "$INNET" --db "$url" user add --email $sui --name "Bench SUI" \
    --role sui_officer --org 1 --password-stdin >/dev/null 2>&1 || true
  for binary in "$INNET" ${BASELINE:-}; do
    echo "served by $binary:"
    serve "$binary" "$url"
    cookie=$(signin $sui)
    curl -sf -H "Cookie: $cookie" "$base/procedure-files/counts" | python3 -c '
import json,sys; d=json.load(sys.stdin)
print("files: open %d, overdue %d, due soon %d, suspended %d" % (d["open"], d["overdue"], d["due_soon"], d["suspended"]))'
    timed "$base" "$cookie" /auth/me
    timed "$base" "$cookie" /procedure-files/counts
    timed "$base" "$cookie" '/procedure-files?overdue=true'
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$engine" = sqlite ]; then
  run "sqlite://$work/bench.db" sqlite3 "$work/bench.db"
else
  scripts/with-postgres.sh bash -c "work=$work; INNET=$INNET; BASELINE=${BASELINE:-}; \
    export INNET_SECRETS_FILE=$INNET_SECRETS_FILE; files=$files; \
    engine=$engine; $(declare -f run timed serve signin generate_sql day); \
    run \"\$INNET_TEST_PG_URL\" psql -q -v ON_ERROR_STOP=1 \"\$INNET_TEST_PG_URL\""
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
