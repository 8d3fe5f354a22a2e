// Monthly occupancy snapshots: how many guests each centre hosted per category on the first day
// of a month. They make the occupancy of every centre on any day cheap at national scale: the
// snapshot of that day's month plus the arrivals and exits since the first of the month, instead
// of a scan of every placement ever made (see docs/benchmarks.md).
// Snapshots are derived data. Every placement write adjusts the materialised months it touches,
// in the same transaction; a month not materialised yet is computed from placements by the first
// write in it (or by rebuild_snapshots), and until then occupancy reads fall back to placements.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "core/result.h"
#include "db/database.h"
#include "reception/centres.h"

namespace innet::reception {

using CountsByCentre = std::map<std::int64_t, PlacesByCategory>;

// The snapshot of `month` ("YYYY-MM-01"), or nothing when that month is not materialised.
Result<std::optional<CountsByCentre>> snapshot(db::Connection& conn, const std::string& month);

// Materialises `month` from placements if it is not yet.
Status ensure_snapshot(db::Connection& conn, const std::string& month);

// A stay of `delta` guests over [from, to) (to: nothing for an open stay) at a centre: adjusts
// every materialised month whose first day it covers.
Status adjust_snapshots(db::Connection& conn, std::int64_t centre_id, Category category,
                        const std::string& from, const std::optional<std::string>& to,
                        std::int64_t delta);

// Recomputes every month from `first` to `last` (inclusive) from placements, in one pass.
Status rebuild_snapshots(db::Connection& conn, const std::string& first, const std::string& last);

// Guests per centre and category on `day`, counted directly from placements (the fallback).
Result<CountsByCentre> count_guests(db::Connection& conn, const std::string& day);

}  // namespace innet::reception
