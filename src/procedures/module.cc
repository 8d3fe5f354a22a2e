#include "procedures/module.h"

#include "procedures/agreement_person_records.h"
#include "procedures/agreement_routes.h"
#include "procedures/agreement_seed.h"
#include "procedures/analytics_routes.h"
#include "procedures/due_tasks.h"
#include "procedures/migrations.h"
#include "procedures/person_records.h"
#include "procedures/routes.h"
#include "procedures/seed.h"

namespace innet::procedures {
namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  // The catalogue is public law: every staff role reads it; the admin keeps it, and holds no
  // action on files (separation of duties). The SUI manages the files; the Prefettura's officers
  // read them; a case worker reads those of the people whose cases they are assigned to (own:
  // file_routes.cc asks cases which). Analysts read no file (aggregates come later).
  std::vector<auth::Policy::Grant> out;
  for (auto role :
       {admin, prefecture_officer, inspector, case_worker, service_provider, sui_officer, analyst})
    out.push_back({"procedures.read", role, all});
  out.push_back({"procedures.edit", admin, all});
  out.push_back({"procedure_files.read", sui_officer, all});
  out.push_back({"procedure_files.read", prefecture_officer, all});
  out.push_back({"procedure_files.read", case_worker, own});
  out.push_back({"procedure_files.manage", sui_officer, all});
  // Integration agreements (decision 0042) as the files: the SUI keeps them, the Prefettura reads
  // them, a case worker reads those of the people they follow. The contribution of temporary
  // protection is the SUI's and the Prefettura's to read.
  out.push_back({"integration_agreements.read", sui_officer, all});
  out.push_back({"integration_agreements.read", prefecture_officer, all});
  out.push_back({"integration_agreements.read", case_worker, own});
  out.push_back({"integration_agreements.manage", sui_officer, all});
  out.push_back({"temporary_protection_contribution.read", sui_officer, all});
  out.push_back({"temporary_protection_contribution.read", prefecture_officer, all});
  // The bottleneck figures (decision 0044): aggregates for the SUI, the Prefettura and analysts;
  // counts of fewer than 5 files only for those who read the files anyway.
  for (auto role : {sui_officer, prefecture_officer, analyst})
    out.push_back({"procedure_analytics.read", role, all});
  for (auto role : {sui_officer, prefecture_officer})
    out.push_back({"procedure_analytics.small_groups", role, all});
  return out;
}

}  // namespace

api::Module module() {
  return {.name = "procedures",
          .grants = grants(),
          .migrations = migrations,
          .add_routes =
              [](api::Api& api) {
                add_routes(api);
                add_agreement_routes(api);
                add_contribution_routes(api);
                add_analytics_routes(api);
              },
          .connect =
              [] {
                add_due_task_source();
                add_agreement_task_source();
                people::add_person_records(person_records());
                people::add_person_records(agreement_person_records());
              },
          .seed = [](api::SeedContext& ctx) -> Status {
            INNET_TRY(seed_step(ctx));
            return seed_agreements_and_families(ctx);
          },
          .seed_needs = {"accounts", "reception", "cases"}};
}

}  // namespace innet::procedures
