#pragma once

#include "api/seed_context.h"

namespace innet::procedures {

// Demo: some 300 files across the catalogue's procedures in every state of the clock, some past
// their due date, some of the demo case worker's people among them. National: 500,000 files of
// the persons cases keep, filed over three years, most of the older ones decided, in bulk.
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::procedures
