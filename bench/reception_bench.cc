// Reception at national scale: occupancy of every centre on a day, and the monthly cost of one
// centre. Run through bench/reception.sh, which seeds the data
// (`innet seed --scale national`) on SQLite and on PostgreSQL and passes INNET_BENCH_DB.
// Each run also times a plain COUNT(*) over all placements on the same connection: the same-run
// baseline that shows how fast the engine and the machine were at that moment.
#include <benchmark/benchmark.h>

#include "bench_db.h"
#include "core/clock.h"
#include "db/database.h"
#include "reception/costs/costs.h"
#include "reception/placements/occupancy.h"

namespace {

using innet::bench::pool;

void BM_BaselineCountPlacements(benchmark::State& state) {
  auto conn = pool().acquire();
  for (auto _ : state) {
    auto rows = (*conn)->query("SELECT COUNT(*) FROM placements");
    benchmark::DoNotOptimize(rows);
  }
}
BENCHMARK(BM_BaselineCountPlacements)->Unit(benchmark::kMillisecond);

// state.range(0): how many days before today the occupancy is asked for.
void BM_OccupancyAllCentres(benchmark::State& state) {
  auto conn = pool().acquire();
  const innet::CivilDay day = innet::clock::today().plus_days(-state.range(0));
  std::size_t centres = 0;
  for (auto _ : state) {
    auto all = innet::reception::occupancy_on(**conn, day, {});
    if (!all.ok()) {
      state.SkipWithError(all.error().message.c_str());
      break;
    }
    centres = all->size();
  }
  state.counters["centres"] = static_cast<double>(centres);
}
BENCHMARK(BM_OccupancyAllCentres)->Arg(0)->Arg(365)->Arg(900)->Unit(benchmark::kMillisecond);

// The monthly cost of the largest centre (most placements) for the last complete month: presence
// from placements and the register, contracts, pocket money per family, per day and per person.
void BM_MonthlyCostOneCentre(benchmark::State& state) {
  auto conn = pool().acquire();
  auto largest = (*conn)->query(
      "SELECT centre_id FROM placements GROUP BY centre_id ORDER BY COUNT(*) DESC LIMIT 1");
  if (!largest.ok() || largest->empty()) {
    state.SkipWithError("no placements");
    return;
  }
  const auto centre = (*largest)[0].integer(0);
  const innet::CivilDay today = innet::clock::today();
  const auto month = innet::CivilMonth::of(today.first_of_month().plus_days(-1));
  std::int64_t presence_days = 0;
  for (auto _ : state) {
    auto costs = innet::reception::monthly_costs(**conn, centre, month, today);
    if (!costs.ok()) {
      state.SkipWithError(costs.error().message.c_str());
      break;
    }
    presence_days = costs->totals.presence_days;
  }
  state.counters["presence_days"] = static_cast<double>(presence_days);
}
BENCHMARK(BM_MonthlyCostOneCentre)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
