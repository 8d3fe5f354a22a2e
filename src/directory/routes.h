#pragma once

#include "api/api.h"

namespace innet::directory {

// The HSDS API: read-only, public (decision 0034).
void add_routes(api::Api& api);

}  // namespace innet::directory
