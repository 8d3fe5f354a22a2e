#pragma once

#include "api/module.h"

namespace innet::directory {

// The directory of services on HSDS 3.1 (issue 12; decision 0034).
api::Module module();

}  // namespace innet::directory
