#include "guidance/module.h"

#include "guidance/guidance.h"
#include "guidance/routes.h"
#include "guidance/seed.h"

namespace innet::guidance {
namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  // Every role that meets people at work reads the pages: case workers and the centres' staff,
  // service providers, the Prefettura's officers and the SUI's, and inspectors, who interview
  // guests on their visits. Analysts work on aggregates and meet nobody: they get 403. The
  // admin reads what it publishes. Edits: the admin, as the issue asks, and the prefecture
  // officers, because the content is what the Prefettura's vulnerability table agrees with
  // the ASP and the NGOs, and its officers know it better than whoever runs the accounts
  // (decision 0033). Every edit is a version with its author and an audit entry.
  std::vector<auth::Policy::Grant> out;
  for (auto role : auth::kRolesMeetingPeople) out.push_back({"guidance.read", role, all});
  out.push_back({"guidance.edit", admin, all});
  out.push_back({"guidance.edit", prefecture_officer, all});
  return out;
}

}  // namespace

api::Module module() {
  return {.name = "guidance",
          .grants = grants(),
          .migrations = migrations,
          .add_routes = add_routes,
          .seed = seed_step,
          .seed_needs = {"accounts"}};
}

}  // namespace innet::guidance
