#include "seed/seed.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <set>

#include "audit/audit_log.h"
#include "core/clock.h"

namespace innet::seed {
namespace {

// After a bulk load PostgreSQL's planner needs statistics, and its index-only scans need the
// visibility map that VACUUM writes (until autovacuum gets there, occupancy reads the heap).
// SQLite gets no ANALYZE: with statistics it chose a skip-scan of (centre_id, start_date) over
// the covering (start_date, ...) index for occupancy's window query, 40% slower (benchmarks.md).
Status refresh_statistics(db::Connection& conn) {
  if (conn.engine() != db::Engine::postgresql) return Status::success();
  return conn.execute_script("VACUUM ANALYZE");
}

// The seed is one transaction that writes gigabytes on national data. With SQLite's default
// 2 MB page cache the dirty pages of the indexes it writes at random (procedures' steps, by day)
// were spilled to the WAL over and over: 72 GB written for a 1 GB database, and no end after 27
// minutes. A larger cache for the seed's connection keeps them until the commit; the server's
// connections keep the default.
Status widen_page_cache(db::Connection& conn, api::SeedScale scale) {
  if (conn.engine() != db::Engine::sqlite || scale != api::SeedScale::national)
    return Status::success();
  return conn.execute_script("PRAGMA cache_size = -1048576");  // KiB: 1 GiB
}

audit::Entry seed_entry(const std::string& what) {
  audit::Entry e;
  e.actor_email = "cli:seed";
  e.action = "seed." + what;
  e.entity_type = "database";
  return e;
}

}  // namespace

Result<api::SeedReport> run(db::Pool& pool, const std::vector<api::Module>& modules,
                            api::SeedScale scale, const std::string& chain_key,
                            const std::string& notes_key) {
  const bool demo = scale == api::SeedScale::demo;
  INNET_ASSIGN_OR_RETURN(auto conn, pool.acquire());
  INNET_TRY(widen_page_cache(*conn, scale));
  db::Transaction tx(*conn);
  INNET_TRY(tx.started());
  std::mt19937 rng(demo ? 2026 : 42);
  api::SeedContext ctx{.conn = *conn,
                       .scale = scale,
                       .rng = rng,
                       .today = clock::today(),
                       .chain_key = chain_key,
                       .notes_key = notes_key,
                       .registry = {},
                       .report = {}};
  // Each step's time in the log: what a module's data adds to a seed (the national one takes
  // minutes; benchmarks.md reports it by module).
  for (const auto& module : modules) {
    if (!module.seed) continue;
    const auto started = std::chrono::steady_clock::now();
    INNET_TRY(module.seed(ctx));
    spdlog::info("seed: {} in {:.1f} s", module.name,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  INNET_TRY(audit::record(*conn, seed_entry(demo ? "demo" : "national")));
  INNET_TRY(tx.commit());
  INNET_TRY(refresh_statistics(*conn));
  return std::move(ctx.report);
}

Result<std::vector<api::Module>> select(const std::vector<api::Module>& modules,
                                        std::string_view names, bool filled) {
  std::vector<std::string> with_step;
  for (const auto& m : modules)
    if (m.seed) with_step.push_back(m.name);
  std::set<std::string, std::less<>> named;
  for (std::size_t at = 0; at <= names.size();) {
    const auto comma = std::min(names.find(',', at), names.size());
    const auto name = names.substr(at, comma - at);
    if (std::find(with_step.begin(), with_step.end(), name) == with_step.end()) {
      auto e = Error::field(ErrorKind::invalid_input, "only", FieldError::not_in_list(with_step));
      e.message = "invalid field 'only': '" + std::string(name) +
                  "' is not a module with a seed step; " + e.fields.at("only").message;
      return e;
    }
    named.insert(std::string(name));
    at = comma + 1;
  }
  if (filled && named.size() > 1)
    return Error::make(ErrorKind::invalid_input, "validation_failed",
                       "invalid field 'only': the database already has data: one module's step "
                       "alone on it, or a list on a new database");
  std::vector<api::Module> chosen;
  for (const auto& m : modules) {
    if (!named.count(m.name)) continue;
    for (const auto& need : m.seed_needs)
      if (!filled && !named.count(need))
        return Error::make(ErrorKind::invalid_input, "validation_failed",
                           "invalid field 'only': '" + m.name + "' needs the data of '" + need +
                               "' on a new database: name it too");
    chosen.push_back(m);
  }
  return chosen;
}

std::string summary(const std::vector<api::SeedCount>& counts) {
  std::string out;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const auto& c = counts[i];
    const bool opens = c.detail && (i == 0 || !counts[i - 1].detail);
    if (i > 0) out += opens ? " (" : ", ";
    out += std::to_string(c.count) + " " + c.what;
    if (c.detail && (i + 1 == counts.size() || !counts[i + 1].detail)) out += ")";
  }
  return out;
}

}  // namespace innet::seed
