#include "reception/placements/occupancy.h"

#include "centres/derogations.h"

#include <algorithm>
#include <unordered_map>

#include "reception/placements/placements.h"
#include "reception/placements/snapshots.h"

namespace innet::reception {

std::int64_t CentreOccupancy::places_available(centres::Category c) const {
  const auto i = static_cast<std::size_t>(c);
  return centre.places[i] + derogated_places[i];
}

std::int64_t CentreOccupancy::free(centres::Category c) const {
  return std::max<std::int64_t>(0, places_available(c) - guests[static_cast<std::size_t>(c)]);
}

bool CentreOccupancy::over_capacity() const {
  for (std::size_t i = 0; i < centres::kCategoryCount; ++i)
    if (guests[i] > places_available(static_cast<centres::Category>(i))) return true;
  return contract_places && guests_total() > *contract_places + centres::total(derogated_places);
}

bool CentreOccupancy::under_use() const {
  const auto places = centres::total(centre.places);
  return centre.status != "closed" && places > 0 &&
         guests_total() * 100 < places * kUnderUsePercent;
}

Result<CountsByCentre> guests_on(db::Connection& conn, CivilDay civil_day) {
  const CivilDay snapshot_taken = snapshot_day(civil_day);
  INNET_ASSIGN_OR_RETURN(auto base, snapshot(conn, snapshot_taken));
  if (!base) return count_guests(conn, civil_day);
  const std::string since = snapshot_taken.to_string(), day = civil_day.to_string();
  // The snapshot, plus arrivals after it up to the day, minus exits in that window.
  CountsByCentre counts = std::move(*base);
  auto apply = [&](const char* sql, std::int64_t sign) -> Status {
    INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql, {since, day}));
    for (const auto& r : rows)
      if (auto category = centres::parse_category(r.text(1)))
        counts[r.integer(0)][static_cast<std::size_t>(*category)] += sign * r.integer(2);
    return Status::success();
  };
  INNET_TRY(
      apply("SELECT centre_id, category, COUNT(*) FROM placements WHERE start_date > ? AND "
            "start_date <= ? GROUP BY centre_id, category",
            1));
  INNET_TRY(
      apply("SELECT centre_id, category, COUNT(*) FROM placements WHERE end_date > ? AND "
            "end_date <= ? GROUP BY centre_id, category",
            -1));
  return counts;
}

Result<std::vector<CentreOccupancy>> occupancy_on(db::Connection& conn, CivilDay day,
                                                  const centres::CentreFilter& filter) {
  INNET_ASSIGN_OR_RETURN(auto centres, centres::centre_summaries(conn, filter));
  std::unordered_map<std::int64_t, std::size_t> index;
  std::vector<CentreOccupancy> out;
  out.reserve(centres.size());
  for (auto& c : centres) {
    index[c.id] = out.size();
    out.push_back({std::move(c), {}, std::nullopt, {}});
  }
  INNET_ASSIGN_OR_RETURN(auto counts, guests_on(conn, day));
  for (const auto& [centre, guests] : counts)
    if (auto it = index.find(centre); it != index.end()) out[it->second].guests = guests;
  INNET_ASSIGN_OR_RETURN(auto contracted, centres::contracted_places_on(conn, day));
  for (const auto& [centre, places] : contracted)
    if (auto it = index.find(centre); it != index.end()) out[it->second].contract_places = places;
  INNET_ASSIGN_OR_RETURN(auto derogated, centres::derogated_places_on(conn, day));
  for (const auto& [centre, places] : derogated)
    if (auto it = index.find(centre); it != index.end()) out[it->second].derogated_places = places;
  return out;
}

Result<std::vector<DailyGuests>> occupancy_between(db::Connection& conn, std::int64_t centre_id,
                                                   CivilDay from, CivilDay to) {
  INNET_ASSIGN_OR_RETURN(auto placements, placements_between(conn, centre_id, from, to));
  const auto days = from.days_until(to);
  std::vector<DailyGuests> out(static_cast<std::size_t>(std::max<std::int64_t>(0, days)));
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i].day = from.plus_days(static_cast<std::int64_t>(i)).to_string();
  // Each placement adds one to its category on every day it covers within the period.
  for (const auto& p : placements) {
    INNET_ASSIGN_OR_RETURN(const CivilDay start, stored_day(p.start_date));
    auto last = days;
    if (p.end_date) {
      INNET_ASSIGN_OR_RETURN(const CivilDay end, stored_day(*p.end_date));
      last = std::min(days, from.days_until(end));
    }
    const auto first = std::max<std::int64_t>(0, from.days_until(start));
    for (auto d = first; d < last; ++d)
      ++out[static_cast<std::size_t>(d)].guests[static_cast<std::size_t>(p.category)];
  }
  return out;
}

nlohmann::json to_json(const centres::PlacesByCategory& counts) {
  return centres::places_type().to_json(counts);
}

const api::ObjectType<CentreOccupancy>& occupancy_type() {
  using O = const CentreOccupancy&;
  static const auto type =
      api::ObjectType<CentreOccupancy>("CentreOccupancy")
          .field("centre_id", [](O o) { return o.centre.id; })
          .field("name", [](O o) { return o.centre.name; })
          .field("type", [](O o) { return o.centre.type; }, {.allowed = centres::centre_types()})
          .field("status", [](O o) { return o.centre.status; },
                 {.allowed = centres::centre_statuses()})
          .field("istat_code", [](O o) { return o.centre.istat_code; })
          .field("operator_id", [](O o) { return o.centre.operator_id; })
          .field("latitude", [](O o) { return o.centre.latitude; })
          .field("longitude", [](O o) { return o.centre.longitude; })
          .field(
              "places", [](O o) { return o.centre.places; }, centres::places_type())
          .field("guests", &CentreOccupancy::guests, centres::places_type())
          .field(
              "free",
              [](O o) {
                centres::PlacesByCategory free{};
                for (std::size_t i = 0; i < centres::kCategoryCount; ++i)
                  free[i] = o.free(static_cast<centres::Category>(i));
                return free;
              },
              centres::places_type())
          .field("contract_places", &CentreOccupancy::contract_places,
                 {.description = "of the contract in force that day"})
          .field("derogated_places", &CentreOccupancy::derogated_places, centres::places_type())
          .field("over_capacity", [](O o) { return o.over_capacity(); })
          .field("under_use", [](O o) { return o.under_use(); });
  return type;
}

nlohmann::json to_json(const CentreOccupancy& o) {
  return occupancy_type().to_json(o);
}

}  // namespace innet::reception
