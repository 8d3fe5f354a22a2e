#include "cases/case_persons.h"

namespace innet::cases {

db::Subquery persons_of_cases(const db::Subquery& case_ids) {
  return {"SELECT person_id FROM cases WHERE id IN (" + case_ids.sql + ")", case_ids.params};
}

}  // namespace innet::cases
