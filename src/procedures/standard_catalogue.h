// The catalogue's first procedures (issue 13; decision 0040), installed by migration 2 and then
// the admin's to edit: family reunification nulla osta, work entry nulla osta (decreto flussi),
// permit conversion, integration agreement, Italian test for the EU long-term permit,
// citizenship, temporary protection for people from Ukraine. Terms from domain.md, "Procedures of
// the Prefettura and the SUI"; where it gives none the decision says which term was assumed.
#pragma once

#include <vector>

#include "procedures/catalogue.h"

namespace innet::procedures {

// With their names in the five other languages (standard_names.cc).
std::vector<Procedure> standard_catalogue();

// Fills the translations of a standard procedure's name, steps and documents by code; a
// procedure or an item it does not know keeps none.
void add_standard_names(Procedure& p);

}  // namespace innet::procedures
