#include "directory/module.h"

#include "directory/catalog.h"
#include "directory/editorial.h"
#include "directory/editorial_routes.h"
#include "directory/editorial_storage.h"
#include "directory/public_routes.h"
#include "directory/routes.h"
#include "directory/seed.h"
#include "directory/storage.h"

namespace innet::directory {
namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  // The HSDS API and the public's feedback and suggestions are public (routes.cc,
  // public_writes.cc). The editorial workflow (decision 0038): the users of the organisation
  // that keeps a listing (innet_organization_id; a service provider's, or an operator's case
  // workers) read their listings, propose changes, verify them and read their feedback; the
  // Prefettura's officers and the admin moderate every listing (approve, reject, edit directly,
  // the public's suggestions); the admin alone uploads HSDS packages.
  std::vector<auth::Policy::Grant> out;
  for (const char* action :
       {"directory.listings.read", "directory.listings.propose", "directory.listings.verify",
        "directory.changes.read", "directory.feedback.read"}) {
    out.push_back({action, service_provider, organization});
    out.push_back({action, case_worker, organization});
    out.push_back({action, prefecture_officer, all});
    out.push_back({action, admin, all});
  }
  out.push_back({"directory.moderate", prefecture_officer, all});
  out.push_back({"directory.moderate", admin, all});
  out.push_back({"directory.import", admin, all});
  return out;
}

}  // namespace

api::Module module() {
  // The search index: loaded as the server starts, refreshed every job interval besides the
  // refresh before each search (catalog.h, decision 0037).
  api::Job refresh{.name = "directory search index",
                   .run = [](api::Services& services) -> Status {
                     INNET_ASSIGN_OR_RETURN(auto conn, services.pool.acquire());
                     return catalog().refresh(*conn);
                   },
                   .at_start = true};
  return {.name = "directory",
          .grants = grants(),
          .migrations =
              [](db::Engine engine) {
                auto all = migrations(engine);
                all.push_back(editorial_migration());
                return all;
              },
          .add_routes =
              [](api::Api& api) {
                add_routes(api);
                add_public_routes(api);
                add_editorial_routes(api);
                add_public_write_routes(api);
              },
          .connect = add_task_sources,
          .seed = seed_step,
          .jobs = {std::move(refresh)}};
}

}  // namespace innet::directory
