#include "app/modules.h"

#include <mutex>

#include "accounts/module.h"
#include "audit/module.h"
#include "cases/module.h"
#include "centres/module.h"
#include "directory/module.h"
#include "documents/module.h"
#include "guidance/module.h"
#include "monitoring/module.h"
#include "opportunities/module.h"
#include "people/module.h"
#include "procedures/module.h"
#include "reception/module.h"
#include "referrals/module.h"
#include "screening/module.h"
#include "tasks/module.h"

namespace innet::app {

const std::vector<api::Module>& modules() {
  static const std::vector<api::Module> all = {
      accounts::module(),  audit::module(),         people::module(),    centres::module(),
      documents::module(), tasks::module(),         reception::module(), monitoring::module(),
      cases::module(),     screening::module(),     referrals::module(), guidance::module(),
      directory::module(), opportunities::module(), procedures::module()};
  return all;
}

std::vector<db::Migration> all_migrations(db::Engine engine) {
  std::vector<db::Migration> all;
  for (const auto& module : modules()) {
    auto own = module.migrations(engine);
    for (auto& m : own) m.module = module.name;
    all.insert(all.end(), own.begin(), own.end());
  }
  return all;
}

const auth::Policy& policy() {
  static const auth::Policy all = [] {
    std::vector<auth::Policy::Grant> grants;
    for (const auto& module : modules())
      grants.insert(grants.end(), module.grants.begin(), module.grants.end());
    return auth::Policy(std::move(grants));
  }();
  return all;
}

void connect_modules() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (const auto& module : modules())
      if (module.connect) module.connect();
  });
}

}  // namespace innet::app
