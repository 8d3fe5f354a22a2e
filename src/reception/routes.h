#pragma once

#include "api/api.h"
#include "centres/routes.h"

namespace innet::reception {

// Every reception route: placements, the register, occupancy, costs.
void add_routes(api::Api& api);

// One file each, called by add_routes.
void add_placement_routes(api::Api& api);
void add_occupancy_routes(api::Api& api);
void add_register_routes(api::Api& api);
void add_absence_routes(api::Api& api);   // notices of absence and decisions (absences/)
void add_cost_routes(api::Api& api);      // costs, invoices, reconciliation (costs/routes.cc)
void add_handover_routes(api::Api& api);  // money beside the daily price (handovers/)
// The officer's lists across centres, the placement desk, the movements export (overview/).
void add_overview_routes(api::Api& api);

}  // namespace innet::reception
