#include "reception/placements/guest_counts.h"

namespace innet::reception {

Result<std::map<std::int64_t, std::int64_t>> guests_among_on(db::Connection& conn, CivilDay day,
                                                             const db::Subquery& persons) {
  db::Params params = {day.to_string(), day.to_string()};
  params.insert(params.end(), persons.params.begin(), persons.params.end());
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT centre_id, COUNT(*) FROM placements WHERE start_date <= ? AND "
                            "(end_date IS NULL OR end_date > ?) AND person_id IN (" +
                                persons.sql + ") GROUP BY centre_id",
                            params));
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& r : rows) out[r.integer(0)] = r.integer(1);
  return out;
}

}  // namespace innet::reception
