#include "people/module.h"

#include "people/persons.h"
#include "people/routes.h"

namespace innet::people {

api::Module module() {
  return {.name = "people", .migrations = migrations, .add_routes = add_routes};
}

}  // namespace innet::people
