#include "seed/seed.h"

#include <map>
#include <random>

#include "accounts/accounts.h"
#include "audit/audit_log.h"
#include "auth/passwords.h"
#include "auth/policy.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "geo/municipalities.h"
#include "seed/reception.h"

namespace innet::seed {
namespace {

Status require_empty(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto organizations, accounts::count_organizations(conn));
  if (organizations > 0)
    return Error::make(ErrorKind::conflict, "not_empty",
                       "the database already has organisations; seed only a new database");
  return Status::success();
}

// After a bulk load PostgreSQL's planner needs statistics, and its index-only scans need the
// visibility map that VACUUM writes (until autovacuum gets there, occupancy reads the heap).
// SQLite gets no ANALYZE: with statistics it chose a skip-scan of (centre_id, start_date) over
// the covering (start_date, ...) index for occupancy's window query, 40% slower (benchmarks.md).
Status refresh_statistics(db::Connection& conn) {
  if (conn.engine() != db::Engine::postgresql) return Status::success();
  return conn.execute_script("VACUUM ANALYZE");
}

audit::Entry seed_entry(const std::string& what) {
  audit::Entry e;
  e.actor_email = "cli:seed";
  e.action = "seed." + what;
  e.entity_type = "database";
  return e;
}

struct DemoOrg {
  const char* name;
  const char* type;
  const char* istat_code;  // nullptr when none
};

// The Palermo network: public institutions by their real names; operators and NGOs are fictional.
const std::vector<DemoOrg> kDemoOrganizations = {
    {"Prefettura di Palermo", "prefecture", "082053"},
    {"Questura di Palermo", "questura", "082053"},
    {"ASP Palermo", "health_authority", "082053"},
    {"Comune di Palermo", "municipality", "082053"},
    {"Comune di Bagheria", "municipality", "082006"},
    {"Comune di Monreale", "municipality", "082049"},
    {"Comune di Carini", "municipality", "082021"},
    {"Comune di Partinico", "municipality", "082054"},
    {"Comune di Termini Imerese", "municipality", "082070"},
    {"Comune di Misilmeri", "municipality", "082048"},
    {"Cooperativa Sociale Approdo (demo)", "centre_operator", "082053"},
    {"Consorzio Accoglienza Conca d'Oro (demo)", "centre_operator", "082006"},
    {"Cooperativa Il Ponte (demo)", "centre_operator", "082054"},
    {"Cooperativa Nuovi Orizzonti (demo)", "centre_operator", "082021"},
    {"Consorzio Terre di Accoglienza (demo)", "centre_operator", "082049"},
    {"Associazione Casa Comune (demo)", "centre_operator", "082070"},
    {"Cooperativa Mare Aperto (demo)", "centre_operator", "082053"},
    {"Associazione Diritti in Rete (demo)", "ngo", "082053"},
    {"Centro Ascolto Vulnerabilita (demo)", "ngo", "082053"},
    {"CPIA Palermo 1 (demo)", "school", "082053"},
};

struct DemoUser {
  auth::Role role;
  const char* display_name;
  const char* organization;
};

const std::vector<DemoUser> kDemoUsers = {
    {auth::Role::admin, "Giulia Amministratrice", "Prefettura di Palermo"},
    {auth::Role::prefecture_officer, "Marco Funzionario", "Prefettura di Palermo"},
    {auth::Role::inspector, "Elena Ispettrice", "Prefettura di Palermo"},
    {auth::Role::case_worker, "Salvatore Operatore", "Cooperativa Sociale Approdo (demo)"},
    {auth::Role::service_provider, "Amina Servizi", "Associazione Diritti in Rete (demo)"},
    {auth::Role::sui_officer, "Francesca Sportello", "Prefettura di Palermo"},
    {auth::Role::analyst, "Luca Analista", "Comune di Palermo"},
};

}  // namespace

Result<std::vector<DemoAccount>> seed_demo(db::Pool& pool, const std::string& chain_key) {
  INNET_ASSIGN_OR_RETURN(auto conn, pool.acquire());
  INNET_ASSIGN_OR_RETURN(auto hash, auth::hash_password(kDemoPassword));

  db::Transaction tx(*conn);
  INNET_TRY(tx.started());
  INNET_TRY(require_empty(*conn));
  std::map<std::string, std::int64_t> org_ids;
  for (const auto& o : kDemoOrganizations) {
    accounts::Organization org{0, o.name, o.type, std::nullopt, ""};
    if (o.istat_code) org.istat_code = o.istat_code;
    INNET_ASSIGN_OR_RETURN(auto created, accounts::create_organization(*conn, org));
    org_ids[o.name] = created.id;
  }
  std::vector<DemoAccount> accounts_out;
  std::map<auth::Role, std::int64_t> user_ids;
  for (const auto& u : kDemoUsers) {
    accounts::User user;
    user.email = auth::to_string(u.role) + "@" + kDemoDomain;
    user.display_name = u.display_name;
    user.role = u.role;
    user.organization_id = org_ids.at(u.organization);
    user.password_hash = hash;
    INNET_ASSIGN_OR_RETURN(auto created, accounts::create_user(*conn, user));
    user_ids[u.role] = created.id;
    accounts_out.push_back({user.email, auth::to_string(u.role), u.organization});
  }
  ReceptionPlan plan;
  for (const auto& o : kDemoOrganizations)
    if (std::string_view(o.type) == "centre_operator") plan.operators.push_back(org_ids[o.name]);
  plan.featured_operator = org_ids.at("Cooperativa Sociale Approdo (demo)");
  plan.centres = 40;
  plan.max_places = 90;
  plan.history_days = 365;
  const CivilDay today = clock::today();
  plan.today = today.to_string();
  std::mt19937 rng(2026);
  INNET_TRY(seed_reception(*conn, rng, plan));
  INNET_TRY(seed_registers(*conn, rng, plan.featured_operator, user_ids.at(auth::Role::case_worker),
                           60, today, chain_key));
  INNET_TRY(
      seed_invoices(*conn, plan.featured_operator, user_ids.at(auth::Role::case_worker), today));
  INNET_TRY(audit::record(*conn, seed_entry("demo")));
  INNET_TRY(tx.commit());
  INNET_TRY(refresh_statistics(*conn));
  return accounts_out;
}

Result<NationalReport> seed_national(db::Pool& pool) {
  constexpr int kOperators = 2000;
  constexpr int kUsersPerOperator = 5;
  INNET_ASSIGN_OR_RETURN(auto conn, pool.acquire());
  // Benchmark accounts cannot sign in: they share the hash of a random, discarded password.
  INNET_ASSIGN_OR_RETURN(auto hash, auth::hash_password(crypto::random_hex(16)));

  db::Transaction tx(*conn);
  INNET_TRY(tx.started());
  INNET_TRY(require_empty(*conn));
  NationalReport report;
  std::mt19937 rng(42);
  const auto& towns = geo::municipalities();
  auto add_org = [&](const std::string& name, const char* type,
                     std::string_view istat) -> Result<std::int64_t> {
    INNET_ASSIGN_OR_RETURN(auto created, accounts::create_organization(
                                             *conn, {0, name, type, std::string(istat), ""}));
    ++report.organizations;
    return created.id;
  };
  for (const auto& m : towns)
    INNET_TRY(add_org("Comune di " + std::string(m.name), "municipality", m.istat_code));
  ReceptionPlan plan;
  std::map<std::int64_t, std::int64_t> staff_by_operator;  // the first user of each
  for (int i = 1; i <= kOperators; ++i) {
    const auto& town = towns[rng() % towns.size()];
    INNET_ASSIGN_OR_RETURN(
        auto org, add_org("Ente gestore " + std::to_string(i), "centre_operator", town.istat_code));
    plan.operators.push_back(org);
    for (int k = 1; k <= kUsersPerOperator; ++k) {
      accounts::User u;
      u.email = "operator" + std::to_string(i) + "." + std::to_string(k) + "@bench.innet.example";
      u.display_name = "Operatore " + std::to_string(i) + "." + std::to_string(k);
      u.role = auth::Role::case_worker;
      u.organization_id = org;
      u.password_hash = hash;
      INNET_ASSIGN_OR_RETURN(auto created, accounts::create_user(*conn, u));
      staff_by_operator.emplace(org, created.id);
      ++report.users;
    }
  }
  plan.centres = 3000;
  plan.max_places = 100;
  plan.history_days = 3 * 365;
  const CivilDay today = clock::today();
  plan.today = today.to_string();
  plan.palermo_weighting = false;
  INNET_ASSIGN_OR_RETURN(auto reception, seed_reception(*conn, rng, plan));
  report.reception = reception;
  INNET_ASSIGN_OR_RETURN(auto absences, seed_absences(*conn, rng, 60, today, staff_by_operator));
  report.absences = absences;
  INNET_TRY(audit::record(*conn, seed_entry("national")));
  INNET_TRY(tx.commit());
  INNET_TRY(refresh_statistics(*conn));
  return report;
}

}  // namespace innet::seed
