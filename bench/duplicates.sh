#!/usr/bin/env bash
# Usage: bench/duplicates.sh [sqlite|postgresql|both]
# Duplicate candidate search at national scale (decision 0026): seeds `innet seed --scale
# national` (its time includes storing every person's name keys) into a fresh database of each
# engine, then runs bench/duplicates_bench.cc: p50 and p95 of people::find_duplicates per kind of
# query, 200 different persons each. INNET_BENCH_DB=<url> skips the seed and uses that database
# (migrated first). The seed is only the modules whose data the search reads (`--only
# $SEED_ONLY`, by default accounts,reception: the same persons as the whole national seed, whose
# first steps they are, in minutes less); SEED_ONLY= (empty) seeds every module. Needs `make
# build` with Google Benchmark. PostgreSQL runs in a throwaway server (scripts/with-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
engines=${1:-both}
SEED_ONLY=${SEED_ONLY-accounts,reception}
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export INNET_SECRETS_FILE=$work/secrets.key

run() {  # run DB_URL
  if [ -z "${INNET_BENCH_DB:-}" ]; then
    echo "=== seeding $1"
    /usr/bin/time -f "seed: %e s, %U s user, %M KiB peak" build/innet seed --scale national \
      ${SEED_ONLY:+--only "$SEED_ONLY"} --db "$1"
  else
    /usr/bin/time -f "migrate: %e s" build/innet migrate --db "$1"
  fi
  INNET_BENCH_DB=$1 build/innet_bench --benchmark_filter='Duplicate' \
    --benchmark_counters_tabular=true
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${INNET_BENCH_DB:-}" ]; then
  run "$INNET_BENCH_DB"
else
  if [ "$engines" = sqlite ] || [ "$engines" = both ]; then
    run "sqlite://$work/national.db"
  fi
  if [ "$engines" = postgresql ] || [ "$engines" = both ]; then
    scripts/with-postgres.sh bash -c "SEED_ONLY=$SEED_ONLY; $(declare -f run); run \"\$INNET_TEST_PG_URL\""
  fi
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
