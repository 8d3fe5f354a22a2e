#pragma once

#include "api/module.h"

namespace innet::cases {

// Case records (issue 11, decision 0025).
api::Module module();

}  // namespace innet::cases
