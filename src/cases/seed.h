#pragma once

#include "api/seed_context.h"

namespace innet::cases {

// Demo: a case for every current guest of the demo case worker's organisation, opened on the
// day of arrival, with identity documents (some residence permits expiring within 60 days),
// asylum procedures at every stage in plausible proportions, case workers, and notes, a few of
// them sensitive (sealed with the demo's notes key). National: a case for every person reception
// ever hosted, kept by the operator of the latest stay, closed when the person left, with
// documents and procedures in the same proportions, in bulk.
Status seed_step(api::SeedContext& ctx);

}  // namespace innet::cases
