#pragma once

#include "api/seed_context.h"
#include "core/result.h"

namespace innet::guidance {

// Demo: the first version of every page in the six languages, published by the demo admin.
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::guidance
