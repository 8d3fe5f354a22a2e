#include "cases/module.h"

#include "cases/cases.h"
#include "cases/links.h"
#include "cases/routes.h"
#include "cases/seed.h"
#include "documents/owners.h"
#include "people/visibility.h"

namespace innet::cases {
namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  // Field-level protection of special-category data (GDPR art. 9) is decided here, in the
  // policy, as field sets: "cases.notes.sensitive" is the narratives of sensitive notes, which
  // only the case workers of the organisation keeping the case read. Prefecture officers read
  // every case but not those narratives. Analysts hold no action on cases (403: they never
  // receive a name); service providers neither, until referrals share a case with them.
  return {
      {"cases.read", prefecture_officer, all},
      {"cases.read", case_worker, organization},
      {"cases.manage", case_worker, organization},
      {"cases.notes.sensitive", case_worker, organization},
      // Correcting a note: its author or a case worker of the organisation keeping the case
      // (the route checks the scope against the note's author, so a grant of scope `own`
      // would let only the author correct).
      {"cases.notes.correct", case_worker, organization},
      // A case changes organisation (a transfer between operators) at the hands of the
      // organisation keeping it, or of the Prefettura, which places the guests.
      {"cases.handover", case_worker, organization},
      {"cases.handover", prefecture_officer, all},
  };
}

}  // namespace

api::Module module() {
  return {.name = "cases",
          .grants = grants(),
          .migrations = migrations,
          .add_routes = add_routes,
          .connect =
              [] {
                // An organisation sees the persons whose cases it keeps, wherever they stay.
                people::add_person_link({.name = "cases: persons whose case the organisation keeps",
                                         .organizations_of = case_organizations_of,
                                         .persons_of = persons_with_cases_of});
                documents::add_owner(attachment_owner());
                // A merge moves the case; duplicates find a document's holder; permits about
                // to expire are tasks.
                people::add_person_records(person_records());
                add_task_sources();
              },
          .seed = seed_step,
          .seed_needs = {"accounts", "reception"}};
}

}  // namespace innet::cases
