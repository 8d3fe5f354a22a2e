#include "accounts/module.h"

#include "accounts/accounts.h"
#include "accounts/auth_routes.h"
#include "accounts/routes.h"
#include "accounts/seed.h"
#include "accounts/sessions.h"

namespace innet::accounts {

namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  return {
      // Partner organisations are a shared directory of the network: everyone signed in reads it.
      {"organizations.read", admin, all},
      {"organizations.read", prefecture_officer, all},
      {"organizations.read", inspector, all},
      {"organizations.read", case_worker, all},
      {"organizations.read", service_provider, all},
      {"organizations.read", sui_officer, all},
      {"organizations.read", analyst, all},
      {"organizations.manage", admin, all},
      // Colleagues: the Prefecture sees every account, others their own organisation's.
      {"users.read", admin, all},
      {"users.read", prefecture_officer, all},
      {"users.read", inspector, organization},
      {"users.read", case_worker, organization},
      {"users.read", service_provider, organization},
      {"users.read", sui_officer, organization},
      {"users.manage", admin, all},
      // E-mail and last sign-in of other accounts: account administration only.
      {"users.fields.contact", admin, all},
  };
}

}  // namespace

api::Module module() {
  return {.name = "accounts",
          .grants = grants(),
          .migrations =
              [](db::Engine engine) {
                auto all = migrations(engine);
                auto credentials = session_migrations(engine);
                all.insert(all.end(), credentials.begin(), credentials.end());
                return all;
              },
          .add_routes =
              [](api::Api& api) {
                add_auth_routes(api);
                add_routes(api);
              },
          .seed = seed_step};
}

}  // namespace innet::accounts
