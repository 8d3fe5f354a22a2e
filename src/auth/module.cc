#include "auth/module.h"

#include "auth/routes.h"
#include "auth/sessions.h"

namespace innet::auth {

api::Module module() {
  return {.name = "auth", .migrations = migrations, .add_routes = add_routes};
}

}  // namespace innet::auth
