#include "reception/module.h"

#include "people/visibility.h"
#include "reception/absences/absences.h"
#include "reception/costs/invoices.h"
#include "reception/handovers/handovers.h"
#include "reception/person_records.h"
#include "reception/placements/placements.h"
#include "reception/register/register.h"
#include "reception/register/sheets.h"
#include "reception/routes.h"
#include "reception/seed/step.h"

namespace innet::reception {

namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  return {
      {"placements.read", prefecture_officer, all},
      {"placements.read", inspector, all},
      {"placements.read", case_worker, organization},
      {"placements.manage", prefecture_officer, all},
      // Overriding a full or closed centre's refusal, with a recorded reason.
      {"placements.override", prefecture_officer, all},
      // Correcting a mistaken exit or transfer, with a recorded reason (issue 9 point 7).
      {"placements.correct", prefecture_officer, all},
      // The daily register: kept by the operator's staff, read by the Prefettura and inspectors.
      {"register.read", prefecture_officer, all},
      {"register.read", inspector, all},
      {"register.read", case_worker, organization},
      {"register.record", case_worker, organization},
      // Absences without notice (art. 23 d.lgs. 142/2015): the operator sends the notice the
      // register drafts; the Prefettura decides the measure.
      {"notices.read", prefecture_officer, all},
      {"notices.read", inspector, all},
      {"notices.read", case_worker, organization},
      {"absences.notify", case_worker, organization},
      {"measures.decide", prefecture_officer, all},
      // Occupancy is aggregate: the analyst sees it too, with no guest named.
      {"occupancy.read", prefecture_officer, all},
      {"occupancy.read", inspector, all},
      {"occupancy.read", analyst, all},
      {"occupancy.read", case_worker, organization},
      {"costs.read", prefecture_officer, all},
      {"costs.read", case_worker, organization},
      {"invoices.submit", prefecture_officer, all},
      {"invoices.submit", case_worker, organization},
      {"sai_budgets.manage", prefecture_officer, all},
      // Money beside the daily price (decision 0019): the operator's staff hand it over on
      // signed receipts; the Prefettura reads them (and suspends pocket money: measures.decide).
      {"handovers.read", prefecture_officer, all},
      {"handovers.read", case_worker, organization},
      {"handovers.record", case_worker, organization},
      // The officer's lists across centres (issue 9 point 9): over capacity, registers not
      // confirmed, invoices to check, contracts ending.
      {"overview.read", prefecture_officer, all},
      // Arrivals, transfers and exits for the Ministry's reception system (SGA): the Prefettura
      // for every centre, an operator for its own.
      {"movements.export", prefecture_officer, all},
      {"movements.export", case_worker, organization},
  };
}

}  // namespace

api::Module module() {
  return {.name = "reception",
          .grants = grants(),
          .migrations =
              [](db::Engine engine) {
                std::vector<db::Migration> all;
                for (auto part : {placement_migrations, register_migrations, invoice_migrations,
                                  absence_migrations, handover_migrations}) {
                  auto some = part(engine);
                  all.insert(all.end(), some.begin(), some.end());
                }
                return all;
              },
          .add_routes = add_routes,
          .connect =
              [] {
                // An operator's staff see the persons its centres host or hosted.
                people::add_person_link({.name = "reception: guests of the organisation's centres",
                                         .organizations_of = hosting_organizations,
                                         .persons_of = persons_hosted_by,
                                         .current_places = current_places});
                // Placements and what hangs on them follow a person's records when merged.
                people::add_person_records(person_records());
                // Signed presence sheets: read by whoever may read the centre's register.
                documents::add_owner(sheet_owner());
                // Absence notices awaiting the Prefettura's decision, in the officers' inbox.
                add_notice_task_source();
                // Receipts of handovers: read by whoever may read the centre's handovers.
                documents::add_owner(receipt_owner());
              },
          .seed = seed_step,
          .seed_needs = {"accounts"}};
}

}  // namespace innet::reception
