#pragma once

#include "api/module.h"

namespace innet::monitoring {

// Monitoring of reception centres (art. 20 d.lgs. 142/2015): checklists now; inspections,
// findings, sanctions and the risk ranking next (decision 0022).
api::Module module();

}  // namespace innet::monitoring
