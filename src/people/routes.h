#pragma once

#include "api/api.h"

namespace innet::people {

// /api/v1/persons and /api/v1/family-groups.
void add_routes(api::Api& api);

}  // namespace innet::people
