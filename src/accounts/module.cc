#include "accounts/module.h"

#include "accounts/accounts.h"
#include "accounts/routes.h"

namespace innet::accounts {

api::Module module() {
  return {.name = "accounts", .migrations = migrations, .add_routes = add_routes};
}

}  // namespace innet::accounts
