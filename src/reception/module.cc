#include "reception/module.h"

#include "people/visibility.h"
#include "reception/costs/invoices.h"
#include "reception/placements/placements.h"
#include "reception/register/register.h"
#include "reception/routes.h"

namespace innet::reception {

api::Module module() {
  return {.name = "reception",
          .migrations =
              [](db::Engine engine) {
                std::vector<db::Migration> all;
                for (auto part : {placement_migrations, register_migrations, invoice_migrations}) {
                  auto some = part(engine);
                  all.insert(all.end(), some.begin(), some.end());
                }
                return all;
              },
          .add_routes = add_routes,
          .connect =
              [] {
                // An operator's staff see the persons its centres host or hosted.
                people::add_person_link({.name = "reception: guests of the organisation's centres",
                                         .organizations_of = hosting_organizations,
                                         .persons_of = persons_hosted_by});
              }};
}

}  // namespace innet::reception
