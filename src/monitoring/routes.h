#pragma once

#include "api/api.h"
#include "documents/owners.h"

namespace innet::monitoring {

// /api/v1/checklists: the checklist versions inspections are made with.
void add_routes(api::Api& api);
// /api/v1/inspections (inspection_routes.cc).
void add_inspection_routes(api::Api& api);
// /api/v1/findings (finding_routes.cc).
void add_finding_routes(api::Api& api);
// /api/v1/sanctions and a contract's penalties (sanction_routes.cc).
void add_sanction_routes(api::Api& api);

// The owners of the documents attached to a finding's reply and to a sanction.
documents::Owner finding_owner();
documents::Owner sanction_owner();

}  // namespace innet::monitoring
