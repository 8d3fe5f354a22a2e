#include "directory/module.h"

#include "directory/routes.h"
#include "directory/seed.h"
#include "directory/storage.h"

namespace innet::directory {

api::Module module() {
  // No grants yet: the HSDS API is public (routes.cc), and the staff's editing routes come with
  // the editorial workflow (issue 12, point 3).
  return {
      .name = "directory", .migrations = migrations, .add_routes = add_routes, .seed = seed_step};
}

}  // namespace innet::directory
