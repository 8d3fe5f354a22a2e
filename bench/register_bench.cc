// The presence register at national scale: how long one centre's month of presence (the input
// of its monthly cost), its overview, one day's register and the tamper check of a centre's year
// take, with every centre's year of placements, absences and confirmations in the database.
//
//   INNET_BENCH_REGISTER_DB  the database, filled on the first run and reused by later ones;
//                            unset, these benchmarks are skipped (bench/reception.sh runs the
//                            others on the national seed, which has no register data yet)
//   INNET_BENCH_CENTRES      centres to generate (default 2000, 100 places each: ~200,000 guests
//                            at a time, more than Italy's whole reception system)
// SQLite: INNET_BENCH_REGISTER_DB=sqlite:///tmp/innet-register-bench.db
//   build/innet_bench --benchmark_filter=Register
// PostgreSQL: scripts/with-postgres.sh bash -c
//   'INNET_BENCH_REGISTER_DB=$INNET_TEST_PG_URL build/innet_bench --benchmark_filter=Register'
//
// The generator writes with multi-row INSERTs and explicit ids instead of the storage functions:
// these would take an hour for the 3.5 million rows. The digests and hashes come from the
// product's own functions, so the tamper check sees an intact register.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <random>

#include "accounts/accounts.h"
#include "app/app.h"
#include "core/civil_day.h"
#include "core/crypto.h"
#include "db/query.h"
#include "reception/register/register.h"
#include "reception/register/register_days.h"

namespace innet::reception {
namespace {

const std::string kKey = "bench-chain-key-0123456789abcdef";
constexpr CivilDay kYear{std::chrono::year{2025} / 1 / 1};
constexpr CivilDay kNextYear{std::chrono::year{2026} / 1 / 1};
constexpr CivilDay kJune{std::chrono::year{2025} / 6 / 1};
constexpr int kPlaces = 100;

// Rows gathered into one INSERT of up to 100 rows: few statements, a bounded number of values.
class Batch {
 public:
  Batch(db::Connection& conn, std::string head, std::size_t columns)
      : conn_(conn), head_(std::move(head)), columns_(columns) {}
  ~Batch() { flush(); }
  void add(db::Params row) {
    params_.insert(params_.end(), row.begin(), row.end());
    if (++rows_ == 100) flush();
  }
  void flush() {
    if (rows_ == 0) return;
    std::string sql = head_ + " VALUES ";
    for (std::size_t i = 0; i < rows_; ++i)
      sql += (i ? ", (" : "(") + db::placeholders(columns_) + ")";
    auto r = conn_.execute(sql, params_);
    if (!r.ok()) {
      std::fprintf(stderr, "bench: %s\n", r.error().message.c_str());
      std::exit(1);
    }
    params_.clear();
    rows_ = 0;
  }

 private:
  db::Connection& conn_;
  std::string head_;
  std::size_t columns_;
  db::Params params_;
  std::size_t rows_ = 0;
};

void check(const Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "bench: %s\n", s.error().message.c_str());
    std::exit(1);
  }
}

struct Ids {
  std::int64_t person = 0, placement = 0, absence = 0, confirmation = 0;
};

// One centre's year: stays of 30 to 230 days back to back on each place, 3% of guest-days
// absent (2% of those withdrawn), one confirmation per day.
void generate_centre(db::Connection& conn, std::int64_t centre, std::int64_t user, Ids& ids) {
  std::mt19937 rng(static_cast<unsigned>(centre));
  constexpr CivilDay origin{std::chrono::year{2024} / 9 / 1};
  const auto year_start = origin.days_until(kYear);
  const auto year_end = origin.days_until(kNextYear);
  std::vector<Placement> placements;
  for (int place = 0; place < kPlaces; ++place) {
    for (std::int64_t t = rng() % 120; t < year_end;) {
      Placement p;
      p.id = ++ids.placement;
      p.person_id = ++ids.person;
      p.centre_id = centre;
      p.start_date = origin.plus_days(t).to_string();
      const std::int64_t end = t + 30 + rng() % 200;
      if (end < year_end) p.end_date = origin.plus_days(end).to_string();
      placements.push_back(p);
      t = end + rng() % 6;
    }
  }
  std::vector<Absence> entries;
  const auto& reasons = absence_reasons();
  for (const auto& p : placements) {
    const auto from = std::max(origin.days_until(*CivilDay::parse(p.start_date)), year_start);
    const auto to = p.end_date ? origin.days_until(*CivilDay::parse(*p.end_date)) : year_end;
    for (auto d = from; d < to; ++d) {
      if (rng() % 100 >= 3) continue;
      Absence a{++ids.absence, centre, origin.plus_days(d).to_string(), p.person_id,
                reasons[rng() % reasons.size()]};
      if (a.reason == kOtherReason) a.note = "bench";
      a.recorded_by = user;
      entries.push_back(a);
      if (rng() % 100 < 2) {
        Absence w = a;
        w.id = ++ids.absence;
        w.note = "bench";
        w.withdraws_id = a.id;
        entries.push_back(w);
      }
    }
  }
  std::sort(entries.begin(), entries.end(), [](const Absence& a, const Absence& b) {
    return a.day != b.day ? a.day < b.day : a.id < b.id;
  });
  {
    Batch persons(conn,
                  "INSERT INTO persons (id, family_name, given_names, sex, nationality, "
                  "created_at, updated_at)",
                  7);
    Batch rows(conn,
               "INSERT INTO placements (id, person_id, centre_id, category, start_date, "
               "arrival_from, end_date, exit_reason, created_at)",
               9);
    for (const auto& p : placements) {
      persons.add({p.person_id, std::string("Bench"), std::string("Guest"), std::string("male"),
                   std::string("NG"), p.start_date, p.start_date});
      rows.add({p.id, p.person_id, centre, std::string("single_men"), p.start_date,
                std::string("direct"), db::optional_value(p.end_date),
                p.end_date ? db::Value(std::string("left_voluntarily")) : db::Value(nullptr),
                p.start_date});
    }
    persons.flush();  // before the placements that refer to them
  }
  {
    // Withdrawals refer to absences inserted before them: id order.
    auto by_id = entries;
    std::sort(by_id.begin(), by_id.end(), [](auto& a, auto& b) { return a.id < b.id; });
    Batch rows(conn,
               "INSERT INTO register_absences (id, centre_id, day, person_id, reason, note, "
               "recorded_by, recorded_at, withdraws_id)",
               9);
    for (const auto& a : by_id)
      rows.add({a.id, centre, a.day, a.person_id, a.reason, db::optional_value(a.note), user,
                a.day + "T09:00:00Z", db::optional_value(a.withdraws_id)});
  }
  const auto effective = effective_absences(entries);
  const auto days = kYear.days_until(kNextYear);
  const auto laid = lay_out(kYear, days, placements, effective);
  Batch rows(conn,
             "INSERT INTO register_confirmations (id, centre_id, day, seq, present, absent, "
             "digest, absences_through, confirmed_by, confirmed_at, prev_hash, hash)",
             12);
  std::string prev;
  std::size_t e = 0;
  for (std::int64_t d = 0; d < days; ++d) {
    Confirmation c;
    c.id = ++ids.confirmation;
    c.centre_id = centre;
    c.day = kYear.plus_days(d).to_string();
    c.seq = d + 1;
    c.present = laid[static_cast<std::size_t>(d)].present();
    c.absent = laid[static_cast<std::size_t>(d)].absent();
    c.digest = day_digest(centre, kYear.plus_days(d), laid[static_cast<std::size_t>(d)], placements,
                          effective);
    for (; e < entries.size() && entries[e].day <= c.day; ++e)
      if (entries[e].day == c.day) c.absences_through = std::max(c.absences_through, entries[e].id);
    c.confirmed_by = user;
    c.confirmed_at = c.day + "T20:00:00Z";
    c.prev_hash = prev;
    c.hash = confirmation_hash(kKey, c);
    prev = c.hash;
    rows.add({c.id, centre, c.day, c.seq, c.present, c.absent, c.digest, c.absences_through, user,
              c.confirmed_at, c.prev_hash, c.hash});
  }
}

struct Fixture {
  std::unique_ptr<db::Pool> pool;
  std::vector<std::int64_t> centres;
};

const char* database_url() {
  const char* url = std::getenv("INNET_BENCH_REGISTER_DB");
  return url && *url ? url : nullptr;
}

Fixture& fixture() {
  static Fixture f = [] {
    Fixture fx;
    check(crypto::initialize() ? Status::success() : Error::internal("libsodium"));
    const std::string db_url = database_url();
    const char* n = std::getenv("INNET_BENCH_CENTRES");
    const int centres = n && *n ? std::atoi(n) : 2000;
    auto pool = db::Pool::open(db_url, 2);
    check(pool.ok() ? Status::success() : pool.error());
    fx.pool = std::move(*pool);
    check(db::migrate(*fx.pool, app::all_migrations(fx.pool->engine())).ok()
              ? Status::success()
              : Error::internal("migrate"));
    auto conn = fx.pool->acquire();
    check(conn.ok() ? Status::success() : conn.error());
    auto existing = (*conn)->query("SELECT id FROM centres ORDER BY id");
    check(existing.ok() ? Status::success() : existing.error());
    if (!existing->empty()) {  // generated by an earlier run
      for (const auto& r : *existing) fx.centres.push_back(r.integer(0));
      return fx;
    }
    std::fprintf(stderr, "generating %d centres (once)...\n", centres);
    auto org = accounts::create_organization(
        **conn, {0, "Bench operator", "centre_operator", std::nullopt, ""});
    check(org.ok() ? Status::success() : org.error());
    accounts::User u;
    u.email = "bench@bench.innet.example";
    u.display_name = "Bench";
    u.role = auth::Role::case_worker;
    u.organization_id = org->id;
    u.password_hash = "x";
    auto user = accounts::create_user(**conn, u);
    check(user.ok() ? Status::success() : user.error());
    Ids ids;
    for (int i = 0; i < centres; ++i) {
      centres::Centre c;
      c.name = "Centro bench " + std::to_string(i);
      c.operator_id = org->id;
      c.address = "Via Bench";
      c.istat_code = "082053";
      c.places = {kPlaces, 0, 0, 0};
      db::Transaction tx(**conn);
      check(tx.started());
      auto created = centres::create_centre(**conn, c);
      check(created.ok() ? Status::success() : created.error());
      fx.centres.push_back(created->id);
      generate_centre(**conn, created->id, user->id, ids);
      check(tx.commit());
      if ((i + 1) % 200 == 0) std::fprintf(stderr, "  %d centres\n", i + 1);
    }
    check((*conn)->execute_script("ANALYZE"));
    return fx;
  }();
  return f;
}

std::int64_t next_centre(std::size_t& i) {
  const auto& all = fixture().centres;
  return all[(i++ * 7919) % all.size()];  // spread over the table, not the same pages
}

void BM_RegisterPresenceMonth(benchmark::State& state) {
  if (!database_url()) return state.SkipWithError("set INNET_BENCH_REGISTER_DB");
  auto conn = fixture().pool->acquire();
  std::size_t i = 0;
  std::int64_t presence_days = 0;
  for (auto _ : state) {
    auto days = presence_between(**conn, next_centre(i), kJune, kJune.first_of_next_month());
    if (!days.ok()) state.SkipWithError(days.error().message.c_str());
    for (const auto& d : *days) presence_days += static_cast<std::int64_t>(d.present.size());
  }
  state.counters["presence_days"] = static_cast<double>(presence_days) / state.iterations();
}
BENCHMARK(BM_RegisterPresenceMonth)->Unit(benchmark::kMillisecond);

void BM_RegisterOverviewMonth(benchmark::State& state) {
  if (!database_url()) return state.SkipWithError("set INNET_BENCH_REGISTER_DB");
  auto conn = fixture().pool->acquire();
  std::size_t i = 0;
  for (auto _ : state) {
    auto days = register_summary(**conn, next_centre(i), kJune, kJune.first_of_next_month());
    if (!days.ok()) state.SkipWithError(days.error().message.c_str());
    benchmark::DoNotOptimize(days);
  }
}
BENCHMARK(BM_RegisterOverviewMonth)->Unit(benchmark::kMillisecond);

void BM_RegisterDay(benchmark::State& state) {
  if (!database_url()) return state.SkipWithError("set INNET_BENCH_REGISTER_DB");
  auto conn = fixture().pool->acquire();
  std::size_t i = 0;
  for (auto _ : state) {
    auto day = day_state(**conn, next_centre(i), kJune.plus_days(14));
    if (!day.ok()) state.SkipWithError(day.error().message.c_str());
    benchmark::DoNotOptimize(day);
  }
}
BENCHMARK(BM_RegisterDay)->Unit(benchmark::kMillisecond);

void BM_RegisterVerifyCentreYear(benchmark::State& state) {
  if (!database_url()) return state.SkipWithError("set INNET_BENCH_REGISTER_DB");
  auto conn = fixture().pool->acquire();
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = verify_registers(**conn, kKey, next_centre(i));
    if (!r.ok() || !r->intact())
      state.SkipWithError(r.ok() ? r->problems[0].detail.c_str() : r.error().message.c_str());
  }
}
BENCHMARK(BM_RegisterVerifyCentreYear)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace innet::reception
