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
  http_occupancy "$1"
}

# GET /api/v1/occupancy over HTTP as an analyst: the computation for every centre (the totals
# cover them all) plus the JSON of a page of 100 (the list is paged since issue 7), 20 sequential
# requests after 3 to warm up; prints the median and the slowest, and the body size.
http_occupancy() {  # http_occupancy DB_URL
  local port log=$work/serve.log email=bench-analyst@innet.example
  printf 'bench-password-1\n' | build/innet --db "$1" user add --email $email --name "Bench analyst" \
    --role analyst --org 1 --password-stdin >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  build/innet serve --db "$1" --port "$port" >"$log" 2>&1 &
  local pid=$!
  sleep 1
  local base=http://127.0.0.1:$port/api/v1 cookie
  cookie=$(curl -s -i -X POST "$base/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"bench-password-1\"}" |
    grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')
  for _ in 1 2 3; do curl -sf -o /dev/null -H "Cookie: $cookie" "$base/occupancy?per_page=100"; done
  for _ in $(seq 20); do
    curl -sf -o /dev/null -w '%{time_total} %{size_download}\n' -H "Cookie: $cookie" "$base/occupancy?per_page=100"
  done | sort -n | awk '{ t[NR] = $1 * 1000; size = $2 }
    END { printf "GET /api/v1/occupancy (3,000 centres, a page of 100): median %.1f ms, slowest %.1f ms, %d bytes\n",
          (t[10] + t[11]) / 2, t[NR], size }'
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

if [ "$engines" = sqlite ] || [ "$engines" = both ]; then
  run "sqlite://$work/national.db"
fi
if [ "$engines" = postgresql ] || [ "$engines" = both ]; then
  scripts/with-postgres.sh bash -c "work=$work; $(declare -f run http_occupancy); run \"\$INNET_TEST_PG_URL\""
fi
