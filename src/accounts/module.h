#pragma once

#include "api/module.h"

namespace innet::accounts {

// Organisations and user accounts.
api::Module module();

}  // namespace innet::accounts
