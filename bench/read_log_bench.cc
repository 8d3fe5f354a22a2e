// The read log's writer (decision 0010): one batch of entries, each naming one person, as the
// writer thread writes it every 50 ms, into a fresh SQLite file that grows over the iterations.
// The argument is the batch size: at 30,000 person reads a second a batch holds about 1,500.
//   build/innet_bench --benchmark_filter=ReadLog
// Items per second are entries written per second by the one writer thread.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>

#include "app/app.h"
#include "audit/read_log.h"
#include "core/clock.h"

namespace innet::audit {
namespace {

void BM_ReadLogBatch(benchmark::State& state) {
  std::string dir = (std::filesystem::temp_directory_path() / "innet-readlog-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) return state.SkipWithError("mkdtemp failed");
  auto pool = db::Pool::open("sqlite://" + dir + "/bench.db", 1);
  if (!pool.ok() || !db::migrate(**pool, app::all_migrations(db::Engine::sqlite)).ok())
    return state.SkipWithError("cannot open the database");
  auto conn = (*pool)->acquire();
  if (!conn.ok()) return state.SkipWithError("no connection");
  std::vector<ReadEntry> batch(static_cast<std::size_t>(state.range(0)));
  std::int64_t person = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string now = clock::now_iso();
    for (auto& e : batch)
      e = {.at = now,
           .actor_user_id = 7,
           .actor_email = "prefecture_officer@demo.innet.example",
           .client_address = "127.0.0.1",
           .request_id = "0123456789abcdef0123456789abcdef",
           .route = "GET /api/v1/persons/{id}",
           .path = "/api/v1/persons/1234",
           .person_ids = {++person % 2000 + 1}};
    state.ResumeTiming();
    if (auto s = write_reads(**conn, batch); !s.ok()) return state.SkipWithError("write failed");
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_ReadLogBatch)->Arg(100)->Arg(1500)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace innet::audit
