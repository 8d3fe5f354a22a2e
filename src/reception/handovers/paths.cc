#include "reception/handovers/paths.h"

#include <optional>

#include "db/query.h"

namespace innet::reception {

Result<std::map<std::int64_t, PathStep>> paths_of_persons(
    db::Connection& conn, const std::vector<std::int64_t>& person_ids) {
  std::map<std::int64_t, PathStep> out;
  if (person_ids.empty()) return out;
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id, person_id, centre_id, start_date, previous_placement_id "
                            "FROM placements WHERE person_id IN (" +
                                db::placeholders(person_ids.size()) + ")",
                            db::Params(person_ids.begin(), person_ids.end())));
  std::map<std::int64_t, std::optional<std::int64_t>> previous;
  for (const auto& r : rows) {
    out[r.integer(0)] = {r.integer(0), r.integer(1), r.integer(2), r.text(3), r.integer(0)};
    previous[r.integer(0)] = r.opt_integer(4);
  }
  // Placements are few per person: walking back is cheap. A transfer names an earlier placement
  // of the same person, so every walk ends.
  for (auto& [id, step] : out) {
    std::int64_t at = id;
    while (previous[at] && out.contains(*previous[at])) at = *previous[at];
    step.root = at;
  }
  return out;
}

Result<std::vector<std::int64_t>> path_of(db::Connection& conn, std::int64_t placement_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT person_id FROM placements WHERE id = ?", {placement_id}));
  if (rows.empty()) return Error::not_found("placement");
  INNET_ASSIGN_OR_RETURN(auto steps, paths_of_persons(conn, {rows[0].integer(0)}));
  const std::int64_t root = steps[placement_id].root;
  std::vector<std::int64_t> out;
  for (const auto& [id, step] : steps)
    if (step.root == root) out.push_back(id);
  return out;
}

}  // namespace innet::reception
