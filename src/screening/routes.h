#pragma once

#include "api/api.h"

namespace innet::screening {

// /api/v1/screening-instruments, /screening-settings, /cases/{id}/screening(s), /screenings,
// /vulnerability-flags, /screening-timeliness.
void add_routes(api::Api& api);

}  // namespace innet::screening
