// The persons of cases, for a module above cases that keeps rows per case (screening's flags)
// and names persons to a module below (reception's guests), in one statement.
#pragma once

#include "db/query.h"

namespace innet::cases {

// The persons of the cases `case_ids` selects (one column, the case id), as a subquery of one
// column (person_id).
db::Subquery persons_of_cases(const db::Subquery& case_ids);

}  // namespace innet::cases
