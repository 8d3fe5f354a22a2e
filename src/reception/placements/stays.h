// A person's stays as another module shows them (the persons' placement history, a case's
// timeline): each placement with its centre's name, only those in centres the caller may read
// under the action (an operator's staff: stays in its own centres, not where the person was
// before or after).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api/api.h"
#include "reception/placements/placements.h"

namespace innet::reception {

struct Stay {
  Placement placement;
  std::string centre_name;
};

// Newest first.
Result<std::vector<Stay>> visible_stays(api::Context& ctx, db::Connection& conn,
                                        std::int64_t person_id, const char* action);

}  // namespace innet::reception
