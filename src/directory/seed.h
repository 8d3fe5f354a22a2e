#pragma once

#include "api/seed_context.h"
#include "core/result.h"

namespace innet::directory {

// Demo: about 300 services of the Palermo network in HSDS form with their translations (two
// written here, the others from the catalogue, demo.h), a few at confidential shelters, verified
// on days spread over the last year; imported through the importer's checks (zero refusals or
// the seed fails).
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::directory
