#pragma once

#include "api/module.h"

namespace innet::people {

// Persons and family groups, and who may see them.
api::Module module();

}  // namespace innet::people
