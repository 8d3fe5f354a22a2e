#pragma once

#include "api/api.h"

namespace innet::guidance {

// /api/v1/guidance: the pages, one per vulnerability category and language (decision 0033).
void add_routes(api::Api& api);

}  // namespace innet::guidance
