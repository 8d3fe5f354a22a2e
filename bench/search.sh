#!/usr/bin/env bash
# Usage: bench/search.sh
# The directory's search index (decision 0035) over 100,000 generated services in six languages:
# build time and memory, then p50/p95/p99 per kind of query, wall and CPU time
# (bench/search_bench.cc). Needs `make build` with Google Benchmark. No database.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
build/innet_bench --benchmark_filter='BM_Search' --benchmark_counters_tabular=true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
