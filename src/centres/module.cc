#include "centres/module.h"

#include "centres/centres.h"
#include "centres/derogations.h"
#include "centres/routes.h"

namespace innet::centres {

namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  return {
      // Reception. Centres are not personal data: the network reads them; operators their own.
      {"centres.read", prefecture_officer, all},
      {"centres.read", inspector, all},
      {"centres.read", analyst, all},
      {"centres.read", case_worker, organization},
      {"centres.manage", prefecture_officer, all},
      {"contracts.read", prefecture_officer, all},
      {"contracts.read", inspector, all},
      {"contracts.read", case_worker, organization},
      {"contracts.manage", prefecture_officer, all},
  };
}

std::vector<db::Migration> migrations(db::Engine engine) {
  auto all = centre_migrations(engine);
  for (auto& m : derogation_migrations()) all.push_back(std::move(m));
  return all;
}

}  // namespace

api::Module module() {
  return {
      .name = "centres", .grants = grants(), .migrations = migrations, .add_routes = add_routes};
}

}  // namespace innet::centres
