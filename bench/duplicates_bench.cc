// Duplicate candidate search at national scale (GET /api/v1/persons/duplicates, decision 0026):
// people::find_duplicates as a registration asks it, for 200 different persons of the data per
// kind of query (so that no single key stays hot), each request timed on its own; p50_ms and
// p95_ms over them. Run through bench/duplicates.sh.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <tuple>
#include <vector>

#include "bench_db.h"
#include "people/duplicates.h"
#include "people/pairs.h"
#include "reception/placements/placements.h"

namespace {

using innet::bench::pool;
using innet::people::DuplicateQuery;

constexpr int kQueries = 200;

// The queries of one kind, made from persons spread over the data.
std::vector<DuplicateQuery> queries_for(innet::db::Connection& conn, const std::string& kind) {
  const bool original = kind == "original_script";
  const bool cui = kind == "cui";
  auto rows = conn.query(
      std::string("SELECT family_name, given_names, family_name_original, given_names_original, "
                  "birth_date, nationality, cui FROM persons WHERE ") +
          (original ? "family_name_original IS NOT NULL AND given_names_original IS NOT NULL"
           : cui    ? "cui IS NOT NULL"
                    : "1 = 1") +
          " AND id % 3989 = 7 ORDER BY id LIMIT ?",
      {std::int64_t{kQueries}});
  std::vector<DuplicateQuery> out;
  if (!rows.ok()) return out;
  std::optional<innet::db::Subquery> among;
  if (kind == "operator") {
    auto op = conn.query(
        "SELECT operator_id FROM centres GROUP BY operator_id ORDER BY COUNT(*) DESC LIMIT 1");
    if (op.ok() && !op->empty()) among = innet::reception::persons_hosted_by((*op)[0].integer(0));
  }
  for (const auto& r : *rows) {
    DuplicateQuery q;
    q.family_name = r.text(0);
    q.given_names = r.text(1);
    q.birth_date = r.opt_text(4);
    q.nationality = r.text(5);
    if (kind == "reversed") std::swap(q.family_name, q.given_names);
    if (original) {
      q.family_name = r.text(2);
      q.given_names = r.text(3);
    }
    if (kind == "name_only") q.birth_date.reset();
    if (cui) q = DuplicateQuery{.cui = r.text(6)};
    q.among = among;
    out.push_back(std::move(q));
  }
  return out;
}

void BM_Duplicates(benchmark::State& state, std::string kind) {
  auto conn = pool().acquire();
  if (!conn.ok()) return state.SkipWithError(conn.error().message.c_str());
  const auto queries = queries_for(**conn, kind);
  if (queries.empty()) return state.SkipWithError("no persons to ask about");
  std::vector<double> ms;
  std::size_t at = 0;
  double found = 0;
  for (auto _ : state) {
    const auto& q = queries[at++ % queries.size()];
    const auto start = std::chrono::steady_clock::now();
    auto candidates = innet::people::find_duplicates(**conn, q);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    if (!candidates.ok()) return state.SkipWithError(candidates.error().message.c_str());
    found += static_cast<double>(candidates->size());
  }
  std::sort(ms.begin(), ms.end());
  const auto pct = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  state.counters["p50_ms"] = pct(0.50);
  state.counters["p95_ms"] = pct(0.95);
  state.counters["candidates"] = found / static_cast<double>(ms.size());
}

// The queue of likely pairs (GET /api/v1/persons/duplicate-pairs): one page of 50, the first,
// the tenth or the hundredth, for the Prefettura or scoped to the operator with the most centres;
// `pairs`: how many are queued.
void BM_DuplicatePairs(benchmark::State& state, std::int64_t page, bool scoped) {
  auto conn = pool().acquire();
  if (!conn.ok()) return state.SkipWithError(conn.error().message.c_str());
  std::optional<innet::db::Subquery> among;
  if (scoped) {
    auto op = (*conn)->query(
        "SELECT operator_id FROM centres GROUP BY operator_id ORDER BY COUNT(*) DESC LIMIT 1");
    if (!op.ok() || op->empty()) return state.SkipWithError("no operator");
    among = innet::reception::persons_hosted_by((*op)[0].integer(0));
  }
  std::vector<double> ms;
  double total = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    auto got = innet::people::list_pairs(**conn, among, {page, 50});
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    if (!got.ok()) return state.SkipWithError(got.error().message.c_str());
    total = static_cast<double>(got->total);
  }
  std::sort(ms.begin(), ms.end());
  const auto pct = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  state.counters["p50_ms"] = pct(0.50);
  state.counters["p95_ms"] = pct(0.95);
  state.counters["pairs"] = total;
}

const int registered = [] {
  for (const auto& [name, page, scoped] :
       {std::tuple{"page_1", 1, false}, std::tuple{"page_10", 10, false},
        std::tuple{"page_100", 100, false}, std::tuple{"operator_page_1", 1, true}})
    benchmark::RegisterBenchmark((std::string("BM_DuplicatePairs/") + name).c_str(),
                                 BM_DuplicatePairs, std::int64_t{page}, scoped)
        ->Iterations(50)
        ->Unit(benchmark::kMillisecond);
  for (const char* kind :
       {"name_and_birth", "reversed", "original_script", "name_only", "cui", "operator"})
    benchmark::RegisterBenchmark((std::string("BM_Duplicates/") + kind).c_str(), BM_Duplicates,
                                 std::string(kind))
        ->Iterations(kQueries)
        ->Unit(benchmark::kMillisecond);
  return 0;
}();

}  // namespace
