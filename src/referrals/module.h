#pragma once

#include "api/module.h"

namespace innet::referrals {

// Consents and closed-loop referrals (issue 11 point 3, decision 0032).
api::Module module();

}  // namespace innet::referrals
