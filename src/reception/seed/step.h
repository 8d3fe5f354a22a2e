// Reception's part of the generated data (api::Module::seed), after accounts': centres and their
// contracts, persons and their placements simulated day by day (generator.h), then, for the
// demo, the featured operator's registers and last month's invoices, and, at national scale,
// unconfirmed absences at every centre. Centres and persons are made here rather than in the
// centres and people steps: the simulation draws them from one random sequence, interleaved.
#pragma once

#include "api/seed_context.h"
#include "core/result.h"

namespace innet::reception {

Status seed_step(api::SeedContext& ctx);

}  // namespace innet::reception
