#pragma once

#include "api/seed_context.h"

namespace innet::screening {

// Demo: screenings for most cases (some late, some missing), confirmed categories for about one
// guest in five in plausible proportions, a few withdrawn flags, a newer PROTECT version with one
// screening left on the old one. National: the same for the cases that exist, in bulk inserts.
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::screening
