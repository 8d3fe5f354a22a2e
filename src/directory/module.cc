#include "directory/module.h"

#include "directory/catalog.h"
#include "directory/public_routes.h"
#include "directory/routes.h"
#include "directory/seed.h"
#include "directory/storage.h"

namespace innet::directory {

api::Module module() {
  // No grants yet: the HSDS API is public (routes.cc), and the staff's editing routes come with
  // the editorial workflow (issue 12, point 3).
  // The search index: loaded as the server starts, refreshed every job interval besides the
  // refresh before each search (catalog.h, decision 0037).
  api::Job refresh{.name = "directory search index",
                   .run = [](api::Services& services) -> Status {
                     INNET_ASSIGN_OR_RETURN(auto conn, services.pool.acquire());
                     return catalog().refresh(*conn);
                   },
                   .at_start = true};
  return {.name = "directory",
          .migrations = migrations,
          .add_routes =
              [](api::Api& api) {
                add_routes(api);
                add_public_routes(api);
              },
          .seed = seed_step,
          .jobs = {std::move(refresh)}};
}

}  // namespace innet::directory
