#pragma once

#include "api/api.h"

namespace innet::monitoring {

// /api/v1/checklists: the checklist versions inspections are made with.
void add_routes(api::Api& api);
// /api/v1/inspections (inspection_routes.cc).
void add_inspection_routes(api::Api& api);
// /api/v1/inspection-risk, /api/v1/inspection-plan (risk_routes.cc).
void add_risk_routes(api::Api& api);

}  // namespace innet::monitoring
