#pragma once

#include "api/module.h"

namespace innet::reception {

// Placements, the daily presence register, occupancy, costs and invoices.
api::Module module();

}  // namespace innet::reception
