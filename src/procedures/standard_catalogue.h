// The catalogue's first procedures (issue 13; decision 0040), installed by migration 2 and then
// the admin's to edit: family reunification nulla osta, work entry nulla osta (decreto flussi),
// permit conversion, integration agreement, Italian test for the EU long-term permit,
// citizenship, temporary protection for people from Ukraine. Terms from domain.md, "Procedures of
// the Prefettura and the SUI"; where it gives none the decision says which term was assumed.
#pragma once

#include <vector>

#include "procedures/catalogue.h"

namespace innet::procedures {

std::vector<Procedure> standard_catalogue();

}  // namespace innet::procedures
