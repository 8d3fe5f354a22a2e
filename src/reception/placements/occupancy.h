// Occupancy: how many guests each centre hosts on a day, per category, against its places and
// its contract. Derived from placements; nothing is stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "centres/centres.h"
#include "core/result.h"
#include "db/database.h"
#include "reception/placements/snapshots.h"

namespace innet::reception {

// Below this share of its places a centre is flagged as under-used.
inline constexpr std::int64_t kUnderUsePercent = 70;

struct CentreOccupancy {
  centres::Centre centre;
  centres::PlacesByCategory guests{};
  std::optional<std::int64_t> contract_places;  // of the contract in force that day
  // Places above contract granted by decisions of the Prefettura in force that day
  // (centres/derogations.h), apart from the centre's own places.
  centres::PlacesByCategory derogated_places{};

  std::int64_t guests_total() const { return centres::total(guests); }
  // The centre's own places plus the derogated ones: what the day can take.
  std::int64_t places_available(centres::Category c) const;
  std::int64_t free(centres::Category c) const;
  // More guests than places (derogated ones included) in some category, or in all than the
  // contract and the derogations allow.
  bool over_capacity() const;
  bool under_use() const;
};

// Guests per centre and category on a day: the latest snapshot plus the arrivals and exits since
// (a few index range scans), or a count over placements when that snapshot is not materialised.
Result<CountsByCentre> guests_on(db::Connection& conn, CivilDay day);

// Every centre matching the filter on `day`, in id order; a handful of queries whatever the count.
Result<std::vector<CentreOccupancy>> occupancy_on(db::Connection& conn, CivilDay day,
                                                  const centres::CentreFilter& filter);

struct DailyGuests {
  std::string day;
  centres::PlacesByCategory guests{};
};
// One centre, each day of [from, to).
Result<std::vector<DailyGuests>> occupancy_between(db::Connection& conn, std::int64_t centre_id,
                                                   CivilDay from, CivilDay to);

const api::ObjectType<CentreOccupancy>& occupancy_type();
nlohmann::json to_json(const CentreOccupancy& o);
nlohmann::json to_json(const centres::PlacesByCategory& counts);

}  // namespace innet::reception
