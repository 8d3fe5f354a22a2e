#pragma once

#include "api/api.h"

namespace innet::procedures {

// /api/v1/integration-agreements: the SUI manages the agreements and their ledgers; the
// Prefettura reads them; a case worker reads those of the people they follow (decision 0042).
void add_agreement_routes(api::Api& api);
// The SUI officers' task: agreements whose verification window is open.
void add_agreement_task_source();
// /api/v1/persons/{id}/temporary-protection-contribution (decision 0042).
void add_contribution_routes(api::Api& api);

}  // namespace innet::procedures
