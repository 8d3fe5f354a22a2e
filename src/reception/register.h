// The daily presence register of each centre. Built for national scale: presence derives from
// placements minus recorded absences, and the operator confirms each day once per centre (one
// row per centre per day, not one per person per day).
// Tamper evidence: absences and confirmations are append-only (database triggers refuse UPDATE
// and DELETE). Each confirmation stores a digest of the day as confirmed and is linked into a
// per-centre hash chain keyed with the audit key. A correction is a new entry that points at what
// it corrects: an absence withdrawal points at the absence, a re-confirmation at the confirmation
// it supersedes. verify_registers() recomputes both the chains and the digests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "reception/placements.h"

namespace innet::reception {

const std::vector<std::string>& absence_reasons();  // authorised_leave, hospitalised, ...

struct Absence {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::string day;
  std::int64_t person_id = 0;
  std::string reason;
  std::optional<std::string> note;
  std::int64_t recorded_by = 0;  // user id
  std::string recorded_at;
  std::optional<std::int64_t> withdraws_id;  // set on a withdrawal entry: the absence it cancels
};

struct Confirmation {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::string day;
  std::int64_t seq = 0;  // position in the centre's chain, from 1
  std::int64_t present = 0;
  std::int64_t absent = 0;
  std::string digest;                       // of the day's state as confirmed
  std::optional<std::int64_t> corrects_id;  // the earlier confirmation of the same day
  std::optional<std::string> note;
  std::int64_t confirmed_by = 0;
  std::string confirmed_at;
  std::string prev_hash;
  std::string hash;
};

// Who was present at a centre on one day.
struct DayPresence {
  std::string day;
  std::vector<Placement> present;  // placements covering the day, minus the absent
  std::vector<Absence> absent;     // effective absences (not withdrawn)
};

// Presence for each day of [from, to) at a centre: the source of presence-days and costs.
Result<std::vector<DayPresence>> presence_between(db::Connection& conn, std::int64_t centre_id,
                                                  const std::string& from, const std::string& to);

std::vector<db::Migration> register_migrations(db::Engine engine);

}  // namespace innet::reception
