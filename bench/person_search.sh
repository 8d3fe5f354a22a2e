#!/usr/bin/env bash
# Usage: bench/person_search.sh [sqlite|postgresql|both]
# Person search at national scale: seeds national-scale data (`innet seed --scale national`, as
# bench/reception.sh does; its time shows the cost of keeping the search index) into a fresh
# database of each engine, then runs the person search benchmarks of bench/person_search_bench.cc:
# p50 and p95 per kind of query for the indexed search, and the same-run baseline of the LIKE
# search it replaced. Needs `make build` with Google Benchmark. PostgreSQL runs in a throwaway
# server (scripts/with-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
engines=${1:-both}
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export INNET_SECRETS_FILE=$work/secrets.key

run() {  # run DB_URL
  echo "=== seeding $1"
  /usr/bin/time -f "seed: %e s, %U s user, %M KiB peak" build/innet seed --scale national --db "$1"
  INNET_BENCH_DB=$1 build/innet_bench --benchmark_filter='PersonSearch' \
    --benchmark_counters_tabular=true
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$engines" = sqlite ] || [ "$engines" = both ]; then
  run "sqlite://$work/national.db"
fi
if [ "$engines" = postgresql ] || [ "$engines" = both ]; then
  scripts/with-postgres.sh bash -c "$(declare -f run); run \"\$INNET_TEST_PG_URL\""
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
