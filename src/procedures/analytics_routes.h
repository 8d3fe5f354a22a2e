#pragma once

#include "api/api.h"

namespace innet::procedures {

// GET /api/v1/procedure-files/analytics: the procedures' bottleneck figures (analytics.h).
void add_analytics_routes(api::Api& api);

}  // namespace innet::procedures
