#pragma once

#include "api/module.h"

namespace innet::procedures {

api::Module module();

}  // namespace innet::procedures
