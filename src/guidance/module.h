#pragma once

#include "api/module.h"

namespace innet::guidance {

// The guidance pages per vulnerability category (issue 11, point 7; decision 0033).
api::Module module();

}  // namespace innet::guidance
