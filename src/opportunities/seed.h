#pragma once

#include "api/seed_context.h"

namespace innet::opportunities {

// Demo: a dozen opportunities in the Palermo area, current and expired, with translations.
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::opportunities
