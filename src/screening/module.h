#pragma once

#include "api/module.h"

namespace innet::screening {

// Vulnerability screening and flags (issue 11 point 2, decision 0031).
api::Module module();

}  // namespace innet::screening
