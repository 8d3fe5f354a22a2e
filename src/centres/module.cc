#include "centres/module.h"

#include "centres/centres.h"
#include "centres/routes.h"

namespace innet::centres {

api::Module module() {
  return {.name = "centres", .migrations = centre_migrations, .add_routes = add_routes};
}

}  // namespace innet::centres
