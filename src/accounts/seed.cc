#include "accounts/seed.h"

#include <map>

#include "accounts/accounts.h"
#include "auth/passwords.h"
#include "auth/policy.h"
#include "core/crypto.h"
#include "geo/municipalities.h"

namespace innet::accounts {
namespace {

Status require_empty(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto organizations, accounts::count_organizations(conn));
  if (organizations > 0)
    return Error::make(ErrorKind::conflict, "not_empty",
                       "the database already has organisations; seed only a new database");
  return Status::success();
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

Status seed_demo(api::SeedContext& ctx) {
  auto& conn = ctx.conn;
  INNET_ASSIGN_OR_RETURN(auto hash, auth::hash_published_password(api::kDemoPassword));
  std::map<std::string, std::int64_t> org_ids;
  for (const auto& o : kDemoOrganizations) {
    accounts::Organization org{0, o.name, o.type, std::nullopt, ""};
    if (o.istat_code) org.istat_code = o.istat_code;
    INNET_ASSIGN_OR_RETURN(auto created, accounts::create_organization(conn, org));
    org_ids[o.name] = created.id;
  }
  auto& accounts_out = ctx.report.accounts;
  auto& user_ids = ctx.registry.demo_users;
  for (const auto& u : kDemoUsers) {
    accounts::User user;
    user.email = auth::to_string(u.role) + "@" + api::kDemoDomain;
    user.display_name = u.display_name;
    user.role = u.role;
    user.organization_id = org_ids.at(u.organization);
    user.password_hash = hash;
    INNET_ASSIGN_OR_RETURN(auto created, accounts::create_user(conn, user));
    user_ids[u.role] = created.id;
    accounts_out.push_back({user.email, auth::to_string(u.role), u.organization});
  }
  auto& registry = ctx.registry;
  for (const auto& o : kDemoOrganizations)
    if (std::string_view(o.type) == "centre_operator")
      registry.operators.push_back(org_ids[o.name]);
  registry.featured_operator = org_ids.at("Cooperativa Sociale Approdo (demo)");
  ctx.report.counts.push_back({static_cast<std::int64_t>(org_ids.size()), "organisations"});
  ctx.report.counts.push_back({static_cast<std::int64_t>(user_ids.size()), "users"});
  return Status::success();
}

Status seed_national(api::SeedContext& ctx) {
  constexpr int kOperators = 2000;
  constexpr int kUsersPerOperator = 5;
  auto& conn = ctx.conn;
  // Benchmark accounts cannot sign in: they share the hash of a random, discarded password.
  INNET_ASSIGN_OR_RETURN(auto hash, auth::hash_password(crypto::random_hex(16)));

  struct {
    std::int64_t organizations = 0;
    std::int64_t users = 0;
  } report;
  auto& rng = ctx.rng;
  const auto& towns = geo::municipalities();
  auto add_org = [&](const std::string& name, const char* type,
                     std::string_view istat) -> Result<std::int64_t> {
    INNET_ASSIGN_OR_RETURN(
        auto created, accounts::create_organization(conn, {0, name, type, std::string(istat), ""}));
    ++report.organizations;
    return created.id;
  };
  for (const auto& m : towns)
    INNET_TRY(add_org("Comune di " + std::string(m.name), "municipality", m.istat_code));
  auto& registry = ctx.registry;
  auto& staff_by_operator = registry.staff_by_operator;  // the first user of each
  for (int i = 1; i <= kOperators; ++i) {
    const auto& town = towns[rng() % towns.size()];
    INNET_ASSIGN_OR_RETURN(
        auto org, add_org("Ente gestore " + std::to_string(i), "centre_operator", town.istat_code));
    registry.operators.push_back(org);
    for (int k = 1; k <= kUsersPerOperator; ++k) {
      accounts::User u;
      u.email = "operator" + std::to_string(i) + "." + std::to_string(k) + "@bench.innet.example";
      u.display_name = "Operatore " + std::to_string(i) + "." + std::to_string(k);
      u.role = auth::Role::case_worker;
      u.organization_id = org;
      u.password_hash = hash;
      INNET_ASSIGN_OR_RETURN(auto created, accounts::create_user(conn, u));
      staff_by_operator.emplace(org, created.id);
      ++report.users;
    }
  }
  // The Prefettura's inspector, who makes the generated inspections (monitoring's step).
  INNET_ASSIGN_OR_RETURN(auto prefecture, add_org("Prefettura (bench)", "prefecture", "082053"));
  accounts::User inspector;
  inspector.email = "inspector@bench.innet.example";
  inspector.display_name = "Ispettore (bench)";
  inspector.role = auth::Role::inspector;
  inspector.organization_id = prefecture;
  inspector.password_hash = hash;
  INNET_ASSIGN_OR_RETURN(auto created, accounts::create_user(conn, inspector));
  registry.demo_users[auth::Role::inspector] = created.id;
  ++report.users;
  ctx.report.counts.push_back({report.organizations, "organisations"});
  ctx.report.counts.push_back({report.users, "users"});
  return Status::success();
}

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  INNET_TRY(require_empty(ctx.conn));
  return ctx.scale == api::SeedScale::demo ? seed_demo(ctx) : seed_national(ctx);
}

}  // namespace innet::accounts
