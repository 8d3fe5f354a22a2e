// Guests counted per centre among persons another module selects: figures over every centre
// that name nobody (the risk ranking's highly vulnerable guests, decision 0022).
#pragma once

#include <cstdint>
#include <map>

#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/query.h"

namespace innet::reception {

// How many of the persons `persons` selects (one column, person_id) each centre hosts on `day`
// (placed by then and not left before the next: placements.h's rule), by centre; centres hosting
// none are absent. One statement grouped by centre, whatever the number of centres.
Result<std::map<std::int64_t, std::int64_t>> guests_among_on(db::Connection& conn, CivilDay day,
                                                             const db::Subquery& persons);

}  // namespace innet::reception
