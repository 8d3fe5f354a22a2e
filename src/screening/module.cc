#include "screening/module.h"

#include "screening/links.h"
#include "screening/routes.h"
#include "screening/screenings.h"
#include "screening/seed.h"

namespace innet::screening {
namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  // As cases does: the case workers of the organisation keeping a case read and write its
  // screenings and flags; "screening.narratives" is the field set of notes and reasons (health
  // and violence in words), theirs only. Prefecture officers read categories, severities, dates
  // and results of every case. Analysts read the timeliness aggregates, never a case. Admins
  // publish instrument versions and set the terms (no case data).
  return {
      {"screening.read", case_worker, organization},
      {"screening.read", prefecture_officer, all},
      {"screening.manage", case_worker, organization},
      {"screening.narratives", case_worker, organization},
      {"screening.instruments.read", case_worker, all},
      {"screening.instruments.read", prefecture_officer, all},
      {"screening.instruments.read", admin, all},
      {"screening.instruments.publish", admin, all},
      {"screening.statistics", prefecture_officer, all},
      {"screening.statistics", analyst, all},
  };
}

}  // namespace

api::Module module() {
  return {.name = "screening",
          .grants = grants(),
          .migrations = migrations,
          .add_routes = add_routes,
          .connect =
              [] {
                add_task_sources();
                answer_case_filters();
                cases::add_case_records(joined_case_records());
              },
          .seed = seed_step,
          .seed_needs = {"accounts", "reception", "cases"}};
}

}  // namespace innet::screening
