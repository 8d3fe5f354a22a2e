#pragma once

#include "api/seed_context.h"

namespace innet::referrals {

// Demo: a service provider's account at ASP Palermo, and referrals of the demo operator's cases
// to ASP Palermo and the two demo NGOs in every state (some escalated, one sent on the
// Prefettura's override), each with the person's consent, one of them withdrawn. National: a
// referral for one case in twenty, with its consent, inserted in bulk.
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::referrals
