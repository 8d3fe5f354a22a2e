#pragma once

#include "api/api.h"
#include "documents/owners.h"

namespace innet::cases {

// /api/v1/cases.
void add_routes(api::Api& api);

// The attachments of a case: read by whoever may read the case (documents/owners.h).
documents::Owner attachment_owner();

}  // namespace innet::cases
