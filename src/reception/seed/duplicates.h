// Demo data: pairs of records of one person, of each kind that duplicate candidates find
// (decision 0026), so that the registration warning and the review page have something to show.
#pragma once

#include <cstdint>

#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"

namespace innet::reception::seed {

// The first record of each pair is a guest of the operator's centres now; the second, a record
// typed elsewhere (at a landing, by another office), is placed only in the pair whose two records
// both stay somewhere (the merge that must be refused). Returns the number of pairs.
Result<std::int64_t> seed_duplicate_pairs(db::Connection& conn, std::int64_t operator_id,
                                          CivilDay today);

}  // namespace innet::reception::seed
