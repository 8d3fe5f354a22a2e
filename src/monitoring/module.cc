#include "monitoring/module.h"

#include "documents/owners.h"
#include "monitoring/checklists.h"
#include "monitoring/findings.h"
#include "monitoring/inspections.h"
#include "monitoring/photos.h"
#include "monitoring/risk.h"
#include "monitoring/routes.h"
#include "monitoring/sanctions.h"
#include "monitoring/seed.h"

namespace innet::monitoring {
namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  // Checklists name no one: whoever takes part in inspections reads them, the operator's staff
  // included (they are inspected against them). The Prefettura writes the versions.
  return {
      {"checklists.read", prefecture_officer, all},
      {"checklists.read", inspector, all},
      {"checklists.read", analyst, all},
      {"checklists.read", case_worker, all},
      {"checklists.manage", prefecture_officer, all},
      // Inspections: the managers every one; an operator's staff the issued reports on the
      // centres their organisation runs (inspection_routes.cc); analysts only aggregates.
      {"inspections.read", prefecture_officer, all},
      {"inspections.read", inspector, all},
      {"inspections.read", case_worker, organization},
      {"inspections.manage", prefecture_officer, all},
      {"inspections.manage", inspector, all},
      // Findings (decision 0023): the managers every one; an operator's staff those of the
      // issued reports on their centres, which they answer. Sanctions are the Prefettura's
      // decisions: its officers and inspectors record and read them; the operator's staff read
      // those on their own centres (the acts they were sent) and where each contract stands
      // against the penalties' cap.
      {"findings.read", prefecture_officer, all},
      {"findings.read", inspector, all},
      {"findings.read", case_worker, organization},
      {"findings.manage", prefecture_officer, all},
      {"findings.manage", inspector, all},
      {"findings.reply", case_worker, organization},
      {"sanctions.read", prefecture_officer, all},
      {"sanctions.read", inspector, all},
      {"sanctions.read", case_worker, organization},
      // Counts per quarter, no centre or inspection named (statistics.cc): the analyst's view,
      // and the Prefettura's.
      {"monitoring.statistics", analyst, all},
      {"monitoring.statistics", prefecture_officer, all},
      {"monitoring.statistics", inspector, all},
      {"sanctions.manage", prefecture_officer, all},
      {"sanctions.manage", inspector, all},
  };
}

std::vector<db::Migration> migrations(db::Engine engine) {
  auto all = checklist_migrations(engine);
  for (auto& m : inspection_migrations(engine)) all.push_back(std::move(m));
  for (auto& m : finding_migrations(engine)) all.push_back(std::move(m));
  for (auto& m : sanction_migrations(engine)) all.push_back(std::move(m));
  for (auto& m : risk_migrations(engine)) all.push_back(std::move(m));
  for (auto& m : photo_migrations(engine)) all.push_back(std::move(m));
  for (auto& m : translation_migrations(engine)) all.push_back(std::move(m));
  return all;
}

}  // namespace

api::Module module() {
  return {.name = "monitoring",
          .grants = grants(),
          .migrations = migrations,
          .add_routes = add_routes,
          .connect =
              [] {
                // The documents of a reply, of a decision and an inspection's photos: read by
                // whoever reads the record.
                documents::add_owner(finding_owner());
                documents::add_owner(sanction_owner());
                documents::add_owner(photo_owner());
                // Overdue corrective actions and replies to verify, in the tasks inbox.
                add_task_sources();
              },
          .seed = seed_step,
          .seed_needs = {"accounts", "reception"}};
}

}  // namespace innet::monitoring
