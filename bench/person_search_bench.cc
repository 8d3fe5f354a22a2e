// Person search at national scale (GET /api/v1/persons?q=): the indexed search of
// people::list_persons against the LIKE search it replaced (tests/people/person_search_
// reference.h), on the same connection in the same run, per kind of query. Run through
// bench/person_search.sh. Each request is timed on its own; p50_ms and p95_ms are over them.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "../tests/people/person_search_reference.h"
#include "bench_db.h"
#include "people/persons.h"
#include "reception/placements/placements.h"

namespace {

using innet::bench::pool;
using innet::people::PersonFilter;

// A codice fiscale that the national seed does not generate: the benchmark records one person
// with it (the first time, in the benchmark's database) so that the query finds somebody.
constexpr const char* kCodiceFiscale = "RSSMRA85T10A562S";

// The query of each kind; CUI and operator come from the data.
PersonFilter filter_for(innet::db::Connection& conn, const std::string& kind) {
  PersonFilter f;
  if (kind == "latin_common") f.query = "moha";
  if (kind == "latin") f.query = "kovalen";
  if (kind == "arabic") f.query = "منصو";
  if (kind == "cyrillic") f.query = "Ковал";
  if (kind == "bengali") f.query = "রহমা";
  if (kind == "no_match") f.query = "zzqx";
  if (kind == "short") f.query = "Bo";
  if (kind == "words") f.query = "andrii kravchenko";  // two words, in the other order
  if (kind == "unaccented") f.query = "traore";        // finds "Traoré"
  if (kind == "codice_fiscale") f.query = kCodiceFiscale;
  if (kind == "cui") {
    auto rows = conn.query(
        "SELECT cui FROM persons WHERE cui IS NOT NULL ORDER BY id LIMIT 1 "
        "OFFSET 400000");
    if (rows.ok() && !rows->empty()) f.query = (*rows)[0].text(0);
  }
  if (kind == "operator_moha") {
    // An operator's case worker: the operator that runs the most centres.
    auto rows = conn.query(
        "SELECT operator_id FROM centres GROUP BY operator_id ORDER BY COUNT(*) DESC LIMIT 1");
    if (rows.ok() && !rows->empty())
      f.among = innet::reception::persons_hosted_by((*rows)[0].integer(0));
    f.query = "moha";
  }
  return f;
}

void ensure_codice_fiscale(innet::db::Connection& conn) {
  auto rows = conn.query("SELECT 1 FROM persons WHERE codice_fiscale = ?", {kCodiceFiscale});
  if (!rows.ok() || !rows->empty()) return;
  innet::people::Person p;
  p.family_name = "Rossi";
  p.given_names = "Mario";
  p.nationality = "ZZ";
  p.codice_fiscale = kCodiceFiscale;
  (void)innet::people::create_person(conn, p);
}

void report(benchmark::State& state, std::vector<double> ms, std::int64_t total) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  state.counters["p50_ms"] = at(0.50);
  state.counters["p95_ms"] = at(0.95);
  state.counters["total"] = static_cast<double>(total);
}

template <class Search>
void run(benchmark::State& state, const std::string& kind, Search search) {
  auto conn = pool().acquire();
  if (!conn.ok()) return state.SkipWithError(conn.error().message.c_str());
  if (kind == "codice_fiscale") ensure_codice_fiscale(**conn);
  const PersonFilter f = filter_for(**conn, kind);
  std::vector<double> ms;
  std::int64_t total = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    total = search(**conn, f);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    if (total < 0) return state.SkipWithError("the search failed");
  }
  report(state, std::move(ms), total);
}

// The first page of 25, as the web app asks for it.
void BM_PersonSearch(benchmark::State& state, std::string kind) {
  run(state, kind, [](innet::db::Connection& conn, const PersonFilter& f) -> std::int64_t {
    auto page = innet::people::list_persons(conn, f, {1, 25});
    return page.ok() ? page->total : -1;
  });
}

void BM_PersonSearchLike(benchmark::State& state, std::string kind) {
  run(state, kind, [](innet::db::Connection& conn, const PersonFilter& f) -> std::int64_t {
    auto page = innet::people::reference::like_search(conn, f, {1, 25});
    return page.ok() ? page->total : -1;
  });
}

const int registered = [] {
  for (const char* kind :
       {"latin_common", "latin", "arabic", "cyrillic", "bengali", "cui", "codice_fiscale",
        "no_match", "short", "operator_moha", "words", "unaccented"}) {
    benchmark::RegisterBenchmark((std::string("BM_PersonSearch/") + kind).c_str(), BM_PersonSearch,
                                 std::string(kind))
        ->Iterations(200)
        ->Unit(benchmark::kMillisecond);
    // The LIKE search takes about a second a request here: a few are enough.
    benchmark::RegisterBenchmark((std::string("BM_PersonSearchLike/") + kind).c_str(),
                                 BM_PersonSearchLike, std::string(kind))
        ->Iterations(7)
        ->Unit(benchmark::kMillisecond);
  }
  return 0;
}();

}  // namespace
