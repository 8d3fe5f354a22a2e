#pragma once

#include "api/api.h"

namespace innet::opportunities {

// /api/v1/opportunities (staff), /api/v1/public/opportunities (the portal, no login) and the
// recommendations on a case (decision 0039).
void add_routes(api::Api& api);

}  // namespace innet::opportunities
