// Occupancy snapshots: how many guests each centre hosted per category on the 1st and the 16th of
// each month. They make the occupancy of every centre on any day cheap at national scale: the
// latest snapshot on or before that day plus the arrivals and exits since (at most 15 days),
// instead of a scan of every placement ever made (see docs/benchmarks.md).
// Snapshots are derived data. Every placement write adjusts the materialised snapshots it
// touches, in the same transaction; a snapshot day not materialised yet is computed from
// placements by the first write after it (or by rebuild_snapshots), and until then occupancy
// reads fall back to a count over placements.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "centres/centres.h"
#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"

namespace innet::reception {

using CountsByCentre = std::map<std::int64_t, centres::PlacesByCategory>;

// The snapshot day on or before `day` (the 1st or the 16th of its month), and the one after it.
CivilDay snapshot_day(CivilDay day);
CivilDay next_snapshot_day(CivilDay day);

// The snapshot of a snapshot day, or nothing when it is not materialised.
Result<std::optional<CountsByCentre>> snapshot(db::Connection& conn, CivilDay day);

// Materialises the snapshot of a snapshot day from placements if it is not yet.
Status ensure_snapshot(db::Connection& conn, CivilDay day);

// A stay of `delta` guests over [from, to) (to: nothing for an open stay) at a centre: adjusts
// every materialised snapshot whose day it covers.
Status adjust_snapshots(db::Connection& conn, std::int64_t centre_id, centres::Category category,
                        CivilDay from, std::optional<CivilDay> to, std::int64_t delta);

// Recomputes every snapshot day from `first` to `last` from placements, in one pass.
Status rebuild_snapshots(db::Connection& conn, CivilDay first, CivilDay last);

// Guests per centre and category on `day`, counted directly from placements (the fallback).
Result<CountsByCentre> count_guests(db::Connection& conn, CivilDay day);

}  // namespace innet::reception
