// A reception path: the placements of a person chained by transfers (previous_placement_id). It
// starts with an arrival; a transfer continues it, an exit ends it, and a later arrival starts a
// new one. The phone card and the first-entry kit are given once per path.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"

namespace innet::reception {

struct PathStep {
  std::int64_t id = 0;  // the placement
  std::int64_t person_id = 0;
  std::int64_t centre_id = 0;
  std::string start_date;
  std::int64_t root = 0;  // the placement that started the path (an arrival)
};

// Every placement of these persons with the first placement of its path, by placement id: two
// queries whatever the number of persons.
Result<std::map<std::int64_t, PathStep>> paths_of_persons(
    db::Connection& conn, const std::vector<std::int64_t>& person_ids);
// The placements of the path `placement_id` belongs to.
Result<std::vector<std::int64_t>> path_of(db::Connection& conn, std::int64_t placement_id);

}  // namespace innet::reception
