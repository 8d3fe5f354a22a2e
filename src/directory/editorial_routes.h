#pragma once

#include "api/api.h"

namespace innet::directory {

// The staff's routes of the editorial workflow (decision 0038): listings, changes and their
// moderation, verification, the public's suggestions and feedback, the HSDS upload.
void add_editorial_routes(api::Api& api);
// The public's feedback and suggestions (contract of session 8), flood-gated.
void add_public_write_routes(api::Api& api);

}  // namespace innet::directory
