#pragma once

#include "api/module.h"

namespace innet::accounts {

// Organisations, user accounts and their credentials: sessions, API tokens, sign-in.
api::Module module();

}  // namespace innet::accounts
