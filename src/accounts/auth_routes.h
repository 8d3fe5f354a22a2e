#pragma once

#include "api/api.h"

namespace innet::accounts {

// Sign-in, sign-out, the current user, password change and personal API tokens.
void add_auth_routes(api::Api& api);

// Resolves the caller from the session cookie or an `Authorization: Bearer` API token.
api::Authenticator make_authenticator(api::Services& services);

}  // namespace innet::accounts
