#pragma once

#include "api/module.h"

namespace innet::audit {

// The audit trail and the read log of personal data.
api::Module module();

}  // namespace innet::audit
