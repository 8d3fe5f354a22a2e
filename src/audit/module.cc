#include "audit/module.h"

#include "audit/audit_log.h"
#include "audit/read_log.h"
#include "audit/routes.h"

namespace innet::audit {

api::Module module() {
  return {.name = "audit",
          .migrations =
              [](db::Engine engine) {
                auto all = migrations(engine);
                auto reads = read_migrations(engine);
                all.insert(all.end(), reads.begin(), reads.end());
                return all;
              },
          .add_routes = add_routes};
}

}  // namespace innet::audit
