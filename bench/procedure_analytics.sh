#!/usr/bin/env bash
# Usage: bench/procedure_analytics.sh [FILES] [DB_URL]
# The procedures' bottleneck figures (GET /api/v1/procedure-files/analytics, decision 0044) on the
# demo data, then with FILES (default 500000) generated files added, on SQLite. Timed over HTTP
# as an analyst, 20 sequential requests after 3 to warm up: the same-run baseline (GET /auth/me),
# the default period (twelve months, every procedure), one procedure, and 36 months.
#
# The generated files are written by SQL (a recursive CTE), not by the module's functions, which
# would take hours for 500,000 files: each file is on one of the catalogue's procedures, filed
# 100 to 1,100 days ago, has its procedure's steps 20 days apart (one more for every 40 days of
# age beyond 100, up to 5), one in ten a 10-day suspension; five in six of those filed 260 days
# ago or more are decided 90 days after filing (about 30% of the files stay open, most of them
# past their term); due 60 days after filing. The figures' queries do not depend on how realistic these dates are, only on how many
# rows they read. With DB_URL (sqlite://...), uses that database as it is (no demo seed, no
# generation).
set -euo pipefail
INNET=${INNET:-build/innet}
cd "$(dirname "$0")/.."
files=${1:-500000}
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
trap 'kill ${pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
export INNET_SECRETS_FILE=${INNET_SECRETS_FILE:-$work/secrets.key}

source bench/lib/http.sh

measure() {  # measure DB_URL LABEL
  serve "$INNET" "$1"
  local cookie procedure
  cookie=$(signin analyst@demo.innet.example demo)
  procedure=$(curl -sf -H "Cookie: $cookie" "$base/procedures" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  echo "== $2"
  timed "$base" "$cookie" /auth/me
  timed "$base" "$cookie" /procedure-files/analytics
  timed "$base" "$cookie" "/procedure-files/analytics?procedure_id=$procedure"
  timed "$base" "$cookie" "/procedure-files/analytics?from=$(date -d '-35 months' +%F)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

generate() {  # generate SQLITE_FILE N
  local start end
  start=$(date +%s.%N)
  sqlite3 "$1" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TEMP TABLE ps AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM procedures;
CREATE TEMP TABLE base AS SELECT COALESCE(MAX(id), 0) AS first, (SELECT MIN(id) FROM users) AS user FROM procedure_files;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
INSERT INTO procedure_files (id, procedure_id, person_id, protocol_number, filed_on, status,
  due_on, created_by, created_at, updated_at)
SELECT (SELECT first FROM base) + i, (SELECT id FROM ps WHERE k = i % (SELECT COUNT(*) FROM ps)), 1,
  'BENCH/' || i, date('now', '-' || (100 + (i * 7919) % 1000) || ' days'), 'open',
  date('now', '-' || (40 + (i * 7919) % 1000) || ' days'), (SELECT user FROM base),
  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM n;
INSERT INTO procedure_file_steps (file_id, position, step, entered_on, recorded_by)
SELECT f.id, s.position, s.code, date(f.filed_on, '+' || ((s.position - 1) * 20) || ' days'),
  (SELECT user FROM base)
FROM procedure_files f JOIN procedure_steps s ON s.procedure_id = f.procedure_id
WHERE f.id > (SELECT first FROM base)
  AND s.position <= 1 + MIN(4, (CAST(julianday('now') - julianday(f.filed_on) AS INTEGER) - 100) / 40);
INSERT INTO procedure_file_suspensions (file_id, started_on, ended_on, reason, opened_by)
SELECT id, date(filed_on, '+5 days'), date(filed_on, '+15 days'), 'bench', (SELECT user FROM base)
FROM procedure_files WHERE id > (SELECT first FROM base) AND id % 10 = 0;
UPDATE procedure_files SET status = 'closed', outcome = 'granted',
  decided_on = date(filed_on, '+90 days'), decided_by = created_by
WHERE id > (SELECT first FROM base) AND julianday('now') - julianday(filed_on) >= 260
  AND id % 6 <> 0;
COMMIT;
ANALYZE;
SQL
  end=$(date +%s.%N)
  echo "generated $2 files in $(python3 -c "print(round($end - $start, 1))") s:" \
    "$(sqlite3 "$1" 'SELECT COUNT(*) FROM procedure_files') files," \
    "$(sqlite3 "$1" 'SELECT COUNT(*) FROM procedure_file_steps') steps," \
    "$(sqlite3 "$1" 'SELECT COUNT(*) FROM procedure_file_suspensions') suspensions"
}

if [ -n "${2:-}" ]; then
  measure "$2" "$2"
  exit 0
fi
db=${KEEP_DB:-$work/analytics.db}  # KEEP_DB=file keeps the database for DB_URL runs
"$INNET" seed --demo --db "sqlite://$db" >/dev/null
measure "sqlite://$db" "demo data ($(sqlite3 "$db" 'SELECT COUNT(*) FROM procedure_files') files)"
generate "$db" "$files"
measure "sqlite://$db" "demo data + $files generated files"
