#include "reception/routes.h"

#include "reception/register/sheets.h"

namespace innet::reception {

void add_routes(api::Api& api) {
  add_placement_routes(api);
  add_occupancy_routes(api);
  add_register_routes(api);
  add_sheet_routes(api);
  add_absence_routes(api);
  add_cost_routes(api);
  add_handover_routes(api);
  add_overview_routes(api);
}

}  // namespace innet::reception
