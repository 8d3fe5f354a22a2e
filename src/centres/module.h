#pragma once

#include "api/module.h"

namespace innet::centres {

// Reception centres and their contracts.
api::Module module();

}  // namespace innet::centres
