#pragma once

#include "api/api.h"

namespace innet::audit {

// GET /api/v1/audit: the trail, newest first, with filters.
void add_routes(api::Api& api);

}  // namespace innet::audit
