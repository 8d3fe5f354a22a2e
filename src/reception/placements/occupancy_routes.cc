// Occupancy of all centres on a day and of one centre over time (the placement desk, which
// reads the same occupancy, is in overview/).
#include <algorithm>

#include "centres/derogations.h"
#include "core/clock.h"
#include "reception/placements/occupancy.h"
#include "reception/routes.h"

namespace innet::reception {
namespace {

constexpr std::int64_t kMaxSeriesDays = 731;

centres::CentreFilter filter_from(api::Context& ctx) {
  auto& q = ctx.request.query;
  centres::CentreFilter f{"", q["type"], q["status"], q["istat_code"], std::nullopt};
  if (ctx.scope != auth::Scope::all) f.operator_id = ctx.actor->organization_id;
  return f;
}

Result<CivilDay> day_param(api::Context& ctx) {
  const CivilDay today = clock::today();
  const CivilDay day = accepted_day(ctx.request.query, "date").value_or(today);
  if (day > today)
    return Error::rule(ErrorKind::unprocessable, "future_date", "date", FieldError::future_date());
  return day;
}

// The guests of one day of a centre, per category, the places its contract gave that day and
// those derogations added.
struct SeriesDay {
  const DailyGuests& guests;
  std::optional<std::int64_t> contract_places;
  centres::PlacesByCategory derogated_places{};
};

const api::ObjectType<SeriesDay>& series_day_type() {
  static const auto type =
      api::ObjectType<SeriesDay>("OccupancyDay")
          .include(
              centres::places_type(),
              [](const SeriesDay& d) -> const auto& { return d.guests.guests; })
          .field("day", [](const SeriesDay& d) { return d.guests.day; }, {.format = "date"})
          .field("contract_places", &SeriesDay::contract_places)
          .field("derogated_places", &SeriesDay::derogated_places, centres::places_type());
  return type;
}

// The totals cover every centre in the filter; the items are one page of those the flag keeps.
Result<http::Response> overview(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  INNET_ASSIGN_OR_RETURN(auto day, day_param(ctx));
  const std::string flag = ctx.request.query["flag"];
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto all, occupancy_on(*conn, day, filter_from(ctx)));
  centres::PlacesByCategory places{}, derogated{}, guests{};
  std::int64_t over = 0, under = 0, matching = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& o : all) {
    for (std::size_t i = 0; i < centres::kCategoryCount; ++i) {
      places[i] += o.centre.places[i];
      derogated[i] += o.derogated_places[i];
      guests[i] += o.guests[i];
    }
    over += o.over_capacity();
    under += o.under_use();
    if ((flag == "over_capacity" && !o.over_capacity()) || (flag == "under_use" && !o.under_use()))
      continue;
    if (matching++ >= paging.offset() && static_cast<std::int64_t>(items.size()) < paging.per_page)
      items.push_back(to_json(o));
  }
  nlohmann::json body = list_envelope(std::move(items), matching, paging);
  body["date"] = day.to_string();
  body["totals"] = {{"centres", all.size()},
                    {"places", to_json(places)},
                    {"derogated_places", to_json(derogated)},
                    {"guests", to_json(guests)},
                    {"over_capacity", over},
                    {"under_use", under}};
  return api::ok(body);
}

Result<http::Response> series(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "occupancy.read"));
  auto& q = ctx.request.query;
  // [from, to): the day after the last one asked for.
  const CivilDay to = accepted_day(q, "to").value_or(clock::today()).plus_days(1);
  const CivilDay from = accepted_day(q, "from").value_or(to.plus_days(-90));
  if (to <= from)
    return Error::field(ErrorKind::invalid_input, "to", FieldError::before_other("from"));
  if (from.days_until(to) > kMaxSeriesDays)
    return Error::field(ErrorKind::invalid_input, "from",
                        FieldError::too_many_days(kMaxSeriesDays));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto days, occupancy_between(*conn, centre.id, from, to));
  INNET_ASSIGN_OR_RETURN(auto contracts, centres::centre_contracts(*conn, centre.id));
  INNET_ASSIGN_OR_RETURN(auto derogations,
                         centres::derogations_during(*conn, centre.id, from, to.plus_days(-1)));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : days) {
    std::optional<std::int64_t> contract_places;
    for (const auto& c : contracts)
      if (c.start_date <= d.day && d.day <= c.end_date) contract_places = c.places;
    centres::PlacesByCategory derogated{};
    for (const auto& g : derogations)
      if (g.start_date <= d.day && d.day <= g.end_date)
        derogated[static_cast<std::size_t>(g.category)] += g.places;
    items.push_back(series_day_type().to_json({d, contract_places, derogated}));
  }
  return api::ok({{"centre_id", centre.id},
                  {"places", to_json(centre.places)},
                  {"from", from.to_string()},
                  {"to", to.plus_days(-1).to_string()},
                  {"items", std::move(items)}});
}

}  // namespace

void add_occupancy_routes(api::Api& api) {
  using nlohmann::json;
  const json date = {{"type", "string"}, {"format", "date"}};
  const json integer = {{"type", "integer"}};
  const auto places = api::ref(centres::places_type().name());
  static const auto occupancy_list =
      api::ListType("Occupancy", occupancy_type(), true)
          .with("date", date)
          .with(
              "totals",
              {{"type", "object"},
               {"required",
                {"centres", "places", "derogated_places", "guests", "over_capacity", "under_use"}},
               {"properties",
                {{"centres", integer},
                 {"places", places},
                 {"derogated_places", places},
                 {"guests", places},
                 {"over_capacity", integer},
                 {"under_use", integer}}},
               {"additionalProperties", false}},
              &centres::places_type());
  static const auto series_list = api::ListType("OccupancySeries", series_day_type(), false)
                                      .with("centre_id", integer)
                                      .with("places", places, &centres::places_type())
                                      .with("from", date)
                                      .with("to", date);
  api.add_schema(occupancy_list);
  api.add_schema(series_list);
  const Field type{.name = "type", .max_length = 40, .allowed = centres::centre_types()};
  const Field status{.name = "status", .max_length = 40, .allowed = centres::centre_statuses()};
  const Field istat{.name = "istat_code", .max_length = 6, .digits_only = true, .exact_length = 6};
  api.add(
      {.method = "GET",
       .pattern = "/api/v1/occupancy",
       .action = "occupancy.read",
       .summary =
           "Occupancy of the centres on a day (default today), with flags; paged, totals of all",
       .tag = "reception",
       .query = {{.name = "date",
                  .type = FieldType::date,
                  .earliest_day = centres::kFirstReceptionDay},
                 type,
                 status,
                 istat,
                 {.name = "flag", .max_length = 20, .allowed = {"over_capacity", "under_use"}}},
       .paged = true,
       .response_schema = "Occupancy",
       .handler = overview});
  api.add(
      {.method = "GET",
       .pattern = "/api/v1/centres/{id}/occupancy",
       .action = "occupancy.read",
       .summary = "Daily guests of one centre per category (default: the last 90 days)",
       .tag = "reception",
       .query =
           {{.name = "from", .type = FieldType::date, .earliest_day = centres::kFirstReceptionDay},
            {.name = "to", .type = FieldType::date, .earliest_day = centres::kFirstReceptionDay}},
       .response_schema = "OccupancySeries",
       .handler = series});
}

}  // namespace innet::reception
