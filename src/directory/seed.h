#pragma once

#include "api/seed_context.h"
#include "core/result.h"

namespace innet::directory {

// Demo: two services of the Palermo network in HSDS form, one at a confidential shelter, so
// that the HSDS API has something to answer (the 300 services of issue 12 come later).
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::directory
