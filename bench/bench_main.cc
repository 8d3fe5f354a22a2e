// The benchmarks' entry point; each bench/*.cc file registers its own benchmarks.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
