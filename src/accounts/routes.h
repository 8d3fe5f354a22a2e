#pragma once

#include "api/api.h"

namespace innet::accounts {

// Administration of /api/v1/organizations and /api/v1/users.
void add_routes(api::Api& api);

}  // namespace innet::accounts
