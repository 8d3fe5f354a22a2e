#pragma once

#include "api/seed_context.h"

namespace innet::monitoring {

// Inspections of every centre, about four a year, a quarter of them unannounced, answered,
// completed and reported, and the next visits of a quarter of the centres planned. Demo: two
// years with every answer. National: ten years with the failed answers only (what the risk
// ranking's benchmark reads), a tenth of the rows.
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::monitoring
