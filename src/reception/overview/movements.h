// Arrivals, transfers and exits per guest in the shape the Ministry's reception system (SGA)
// asks for: one row per movement with the guest's CUI, the centre, the date, the movement and
// its reason (issue 9 point 6). Derived from placements, so a corrected exit or transfer
// (decision 0018) no longer shows the movement it undid.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/query.h"

namespace innet::reception::overview {

// arrival, transfer_out, transfer_in, exit
const std::vector<std::string>& movement_kinds();

struct Movement {
  std::string day;
  std::string movement;  // one of movement_kinds()
  std::int64_t person_id = 0;
  std::optional<std::string> cui;  // codice unico identificativo, when recorded
  std::int64_t centre_id = 0;
  std::string centre_name;
  // arrival: where from (arrival_origins); exit: the exit reason; a transfer: none.
  std::optional<std::string> reason;
  std::int64_t placement_id = 0;
};

// The movements on the days of [from, to) at every centre, or at those `centre_ids` selects; by
// day, then person, a transfer's out before its in.
Result<std::vector<Movement>> movements_between(db::Connection& conn, CivilDay from, CivilDay to,
                                                const std::optional<db::Subquery>& centre_ids);

}  // namespace innet::reception::overview
