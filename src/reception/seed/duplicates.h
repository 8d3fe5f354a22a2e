// Demo data: pairs of records of one person, of each kind that duplicate candidates find
// (decision 0026), so that the registration warning and the review page have something to show.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"

namespace innet::reception::seed {

struct DuplicatePairs {
  std::int64_t pairs = 0;
  // The pairs whose names do not match, which only a passport recorded on both tells apart: the
  // cases step (which owns identity documents) records it.
  std::vector<std::pair<std::int64_t, std::int64_t>> sharing_a_passport;
};

// The first record of each pair is a guest of the operator's centres now; the second, a record
// typed elsewhere (at a landing, by another office), is placed only in the pairs whose two records
// both stay somewhere (a merge that must be refused until one stay ends).
Result<DuplicatePairs> seed_duplicate_pairs(db::Connection& conn, std::int64_t operator_id,
                                            CivilDay today);

}  // namespace innet::reception::seed
