#!/usr/bin/env bash
# Usage: bench/reception.sh [sqlite|postgresql|both]
# Seeds national-scale data (`innet seed --scale national`) into a fresh database of each engine
# and runs bench/reception_bench.cc against it. Needs `make build` with Google Benchmark
# (libbenchmark-dev, installed by scripts/setup.sh). PostgreSQL runs in a throwaway server
# (scripts/with-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
engines=${1:-both}
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export INNET_SECRETS_FILE=$work/secrets.key

run() {  # run DB_URL
  echo "=== seeding $1"
  /usr/bin/time -f "seed: %e s, %M KiB peak" build/innet seed --scale national --db "$1"
  INNET_BENCH_DB=$1 build/innet_bench --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true
}

if [ "$engines" = sqlite ] || [ "$engines" = both ]; then
  run "sqlite://$work/national.db"
fi
if [ "$engines" = postgresql ] || [ "$engines" = both ]; then
  scripts/with-postgres.sh bash -c "$(declare -f run); run \"\$INNET_TEST_PG_URL\""
fi
