#include "opportunities/module.h"

#include "cases/joins.h"

#include "opportunities/opportunities.h"
#include "opportunities/routes.h"
#include "opportunities/seed.h"

namespace innet::opportunities {
namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  // Every staff role that meets people reads them, to pass them on; analysts work on
  // aggregates. The organisations that run courses, projects and desks publish their own: service
  // providers, the centres' case workers, the SUI; the Prefettura's officers and the admin any
  // organisation's (a call of the Region, a job fair of the Comune). Case workers recommend one
  // to the person of a case they keep (decision 0039).
  std::vector<auth::Policy::Grant> out;
  for (auto role : auth::kRolesMeetingPeople) out.push_back({"opportunities.read", role, all});
  for (auto role : {admin, prefecture_officer}) out.push_back({"opportunities.publish", role, all});
  for (auto role : {case_worker, service_provider, sui_officer})
    out.push_back({"opportunities.publish", role, organization});
  out.push_back({"opportunities.recommend", case_worker, organization});
  return out;
}

}  // namespace

api::Module module() {
  return {.name = "opportunities",
          .grants = grants(),
          .migrations = migrations,
          .add_routes = add_routes,
          // A person merge that joins two cases moves the recommendations made from either.
          .connect =
              [] {
                cases::add_case_records(
                    cases::case_records_in("opportunities", {"opportunity_recommendations"}));
              },
          .seed = seed_step,
          .seed_needs = {"accounts"}};
}

}  // namespace innet::opportunities
