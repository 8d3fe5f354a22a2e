// The signed presence sheets of the register: the day's printed sheet, signed by the guests,
// scanned and uploaded (a documents::Document), attached to the confirmation of the day it
// belongs to. Whoever may read the centre's register may read its sheets; reading one is a read
// of the guests of that day.
#pragma once

#include "api/api.h"
#include "documents/owners.h"

namespace innet::reception {

// The owner kind under which the register links documents.
inline constexpr const char* kSheetOwnerKind = "register.sheet";

// The register as a documents owner (registered in reception's connect hook).
documents::Owner sheet_owner();

// GET and POST /api/v1/centres/{id}/register/{day}/sheets.
void add_sheet_routes(api::Api& api);

}  // namespace innet::reception
