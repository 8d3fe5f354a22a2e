#pragma once

#include "api/module.h"

namespace innet::opportunities {

api::Module module();

}  // namespace innet::opportunities
