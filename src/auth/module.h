#pragma once

#include "api/module.h"

namespace innet::auth {

// Sessions, API tokens and sign-in (the access policy itself is auth/policy.h).
api::Module module();

}  // namespace innet::auth
