#pragma once

#include "api/seed_context.h"

namespace innet::monitoring {

// Demo: two years of inspections of every centre (about four a year, a quarter of them
// unannounced), answered, completed and reported, and the next visits planned. National: none
// yet (the risk ranking's benchmark will need ten years of them: decision 0022).
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::monitoring
