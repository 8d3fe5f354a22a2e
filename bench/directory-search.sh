#!/usr/bin/env bash
# Usage: bench/directory-search.sh [SERVICES] [sqlite|postgresql]
# The public directory search over HTTP (decision 0037): imports a generated HSDS package of
# SERVICES services (100,000 by default; bench/hsds-package.mjs) into a fresh database, starts
# `innet serve`, reports the index's load time and the server's resident memory before the
# load and after, then p50/p95/p99 of /api/v1/directory/search per kind of query, one request at
# a time (bench/directory-search.mjs). PostgreSQL runs in a throwaway server
# (scripts/with-postgres.sh). BASELINE=path/to/another/innet serves the same database afterwards
# and is measured the same way: a before and after in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
services=${1:-100000}
engine=${2:-sqlite}
work=$(mktemp -d /tmp/innet-dirbench.XXXXXX)
trap 'kill $srv 2>/dev/null || true; rm -rf "$work"' EXIT
export INNET_SECRETS_FILE=$work/secrets.key
srv=""

run() {  # run DB_URL
  node bench/hsds-package.mjs "$work/pkg" "$services" >/dev/null
  build/innet migrate --db "$1" >/dev/null
  /usr/bin/time -f "import: %e s, %M KiB peak" build/innet import hsds "$work/pkg" --db "$1" | tail -1
  serve_and_query build/innet "$1"
  if [ -n "${BASELINE:-}" ]; then serve_and_query "$BASELINE" "$1"; fi
}

serve_and_query() {  # serve_and_query INNET DB_URL
  echo "== $1"
  "$1" serve --db "$2" --port 0 --web-root web/dist >"$work/server.log" 2>&1 &
  srv=$!
  local port=""
  for _ in $(seq 1 600); do
    port=$(grep -oE 'listening on http://127.0.0.1:[0-9]+' "$work/server.log" | grep -oE '[0-9]+$' || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  echo "RSS at listen: $(grep VmRSS /proc/$srv/status)"
  for _ in $(seq 1 3000); do grep -q 'indexed for search' "$work/server.log" && break; sleep 0.1; done
  grep -oE 'directory: [0-9]+ services indexed for search in [0-9]+ ms' "$work/server.log"
  echo "RSS after the index load: $(grep VmRSS /proc/$srv/status)"
  node bench/directory-search.mjs "http://127.0.0.1:$port" 300 "$srv"
  echo "RSS after the queries: $(grep VmRSS /proc/$srv/status)"
  kill $srv; wait $srv 2>/dev/null || true
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$engine" = sqlite ]; then
  run "sqlite://$work/dir.db"
else
  scripts/with-postgres.sh bash -c "$(declare -f run serve_and_query); work=$work services=$services BASELINE=${BASELINE:-}; run \"\$INNET_TEST_PG_URL\""
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
