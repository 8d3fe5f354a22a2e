// Accounts' part of the generated data (api::Module::seed): the organisations and the users.
// Demo: the Palermo network (public institutions by their real names, fictional operators and
// NGOs) and one account per role, password api::kDemoPassword. National: the municipalities and
// 2,000 centre operators with 5 case workers each, who cannot sign in.
#pragma once

#include "api/seed_context.h"
#include "core/result.h"

namespace innet::accounts {

// Runs first: refuses a database that already has organisations, so that generated data never
// mixes with real data. Fills the registry's operators, featured operator, demo users and staff.
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::accounts
