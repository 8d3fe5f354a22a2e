#pragma once

#include "api/seed_context.h"

namespace innet::procedures {

// Demo: integration agreements at each stage and Ukrainian families with and without placements
// (decision 0042).
Status seed_agreements_and_families(api::SeedContext& ctx);

}  // namespace innet::procedures
