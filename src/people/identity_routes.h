// /api/v1/persons/identities: find or register a person by identity only (decision 0043).
#pragma once

#include "api/api.h"

namespace innet::people {

void add_identity_routes(api::Api& api);

}  // namespace innet::people
