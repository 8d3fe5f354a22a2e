// Occupancy of all centres on a day, of one centre over time, and the placement desk.
#include <algorithm>

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

Result<std::string> day_param(api::Context& ctx) {
  std::string day = ctx.request.query["date"];
  if (day.empty()) return clock::today();
  if (day > clock::today())
    return Error::rule(ErrorKind::unprocessable, "future_date", "date", FieldError::future_date());
  return day;
}

// The totals cover every centre in the filter; the items are one page of those the flag keeps.
Result<http::Response> overview(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  INNET_ASSIGN_OR_RETURN(auto day, day_param(ctx));
  const std::string flag = ctx.request.query["flag"];
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto all, occupancy_on(*conn, day, filter_from(ctx)));
  centres::PlacesByCategory places{}, guests{};
  std::int64_t over = 0, under = 0, matching = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& o : all) {
    for (std::size_t i = 0; i < centres::kCategoryCount; ++i) {
      places[i] += o.centre.places[i];
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
  body["date"] = day;
  body["totals"] = {{"centres", all.size()},
                    {"places", to_json(places)},
                    {"guests", to_json(guests)},
                    {"over_capacity", over},
                    {"under_use", under}};
  return api::ok(body);
}

// Centres that can take guests of a category now, most free places first.
Result<http::Response> desk(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  const auto category = *centres::parse_category(ctx.request.query["category"]);
  auto f = filter_from(ctx);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto all, occupancy_on(*conn, clock::today(), f));
  std::vector<const CentreOccupancy*> open;
  for (const auto& o : all)
    if (centres::accepts_guests(o.centre) && o.free(category) > 0) open.push_back(&o);
  std::stable_sort(open.begin(), open.end(),
                   [&](auto* a, auto* b) { return a->free(category) > b->free(category); });
  nlohmann::json items = nlohmann::json::array();
  const auto first = std::min<std::size_t>(open.size(), paging.offset());
  const auto last = std::min<std::size_t>(open.size(), first + paging.per_page);
  for (std::size_t i = first; i < last; ++i) {
    nlohmann::json j = to_json(*open[i]);
    j["free_in_category"] = open[i]->free(category);
    items.push_back(std::move(j));
  }
  nlohmann::json body =
      list_envelope(std::move(items), static_cast<std::int64_t>(open.size()), paging);
  body["date"] = clock::today();
  body["category"] = to_string(category);
  return api::ok(body);
}

Result<http::Response> series(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "occupancy.read"));
  auto& q = ctx.request.query;
  const std::string today = clock::today();
  const std::string to = q["to"].empty() ? clock::add_days(today, 1) : clock::add_days(q["to"], 1);
  const std::string from = q["from"].empty() ? clock::add_days(to, -90) : q["from"];
  if (to <= from)
    return Error::field(ErrorKind::invalid_input, "to", FieldError::before_other("from"));
  if (clock::days_between(from, to) > kMaxSeriesDays)
    return Error::field(ErrorKind::invalid_input, "from",
                        FieldError::too_many_days(kMaxSeriesDays));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto days, occupancy_between(*conn, centre.id, from, to));
  INNET_ASSIGN_OR_RETURN(auto contracts, centres::centre_contracts(*conn, centre.id));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : days) {
    nlohmann::json j = to_json(d.guests);
    j["day"] = d.day;
    j["contract_places"] = nullptr;
    for (const auto& c : contracts)
      if (c.start_date <= d.day && d.day <= c.end_date) j["contract_places"] = c.places;
    items.push_back(std::move(j));
  }
  return api::ok({{"centre_id", centre.id},
                  {"places", to_json(centre.places)},
                  {"from", from},
                  {"to", clock::add_days(to, -1)},
                  {"items", std::move(items)}});
}

}  // namespace

void add_occupancy_routes(api::Api& api) {
  const nlohmann::json object = {{"type", "object"}};
  api.add_schema("Occupancy", object);
  api.add_schema("PlacementDesk", object);
  api.add_schema("OccupancySeries", object);
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
                  .earliest_date = centres::kFirstReceptionDate},
                 type,
                 status,
                 istat,
                 {.name = "flag", .max_length = 20, .allowed = {"over_capacity", "under_use"}}},
       .paged = true,
       .response_schema = "Occupancy",
       .handler = overview});
  api.add({.method = "GET",
           .pattern = "/api/v1/placement-desk",
           .action = "occupancy.read",
           .summary = "Centres with free places today for a category, most free first; paged",
           .tag = "reception",
           .query = {{.name = "category",
                      .required = true,
                      .max_length = 20,
                      .allowed = centres::category_names()},
                     type,
                     istat},
           .paged = true,
           .response_schema = "PlacementDesk",
           .handler = desk});
  api.add({.method = "GET",
           .pattern = "/api/v1/centres/{id}/occupancy",
           .action = "occupancy.read",
           .summary = "Daily guests of one centre per category (default: the last 90 days)",
           .tag = "reception",
           .query = {{.name = "from",
                      .type = FieldType::date,
                      .earliest_date = centres::kFirstReceptionDate},
                     {.name = "to",
                      .type = FieldType::date,
                      .earliest_date = centres::kFirstReceptionDate}},
           .response_schema = "OccupancySeries",
           .handler = series});
}

}  // namespace innet::reception
