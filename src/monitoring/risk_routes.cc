// /api/v1/inspection-risk and /api/v1/inspection-plan: the centres ranked by risk with the
// reasons behind each score, and a suggested plan of visits for a month. For those who plan
// inspections: inspectors and prefecture officers.
#include "core/clock.h"
#include "monitoring/risk.h"
#include "monitoring/routes.h"
#include "reception/placements/guest_counts.h"
#include "reception/placements/occupancy.h"
#include "screening/screenings.h"

namespace innet::monitoring {
namespace {

constexpr std::int64_t kDefaultVisitsPerWeek = 3;

Result<std::vector<CentreRisk>> ranked(db::Connection& conn, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto occupancy, reception::occupancy_on(conn, today, {}));
  CentresToday outside;
  for (const auto& o : occupancy)
    if (o.over_capacity()) outside.over_capacity.push_back(o.centre.id);
  // One statement: screening names the persons, reception counts them among each centre's
  // guests; the ranking sees numbers only.
  INNET_ASSIGN_OR_RETURN(
      outside.vulnerable_guests,
      reception::guests_among_on(conn, today, screening::persons_flagged("high")));
  return rank_centres(conn, today, outside);
}

Result<http::Response> risk(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto centres, ranked(*conn, clock::today()));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : centres) items.push_back(centre_risk_type().to_json(c));
  return api::ok({{"items", std::move(items)}});
}

Result<http::Response> plan(api::Context& ctx) {
  const auto& q = ctx.request.query;
  const CivilDay today = clock::today();
  CivilMonth month = CivilMonth::of(today).next();
  if (auto m = q.find("month"); m != q.end()) {
    auto parsed = CivilMonth::parse(m->second);
    if (!parsed)
      return Error::field(ErrorKind::invalid_input, "month", FieldError::wrong_type("month"));
    month = *parsed;
  }
  const std::int64_t per_week = q.count("visits_per_week")
                                    ? parse_int(q.at("visits_per_week")).value_or(1)
                                    : kDefaultVisitsPerWeek;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto centres, ranked(*conn, today));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : suggest_plan(centres, month, per_week))
    items.push_back(planned_visit_type().to_json(v));
  return api::ok({{"items", std::move(items)}, {"month", month.to_string()}});
}

}  // namespace

void add_risk_routes(api::Api& api) {
  static const api::ListType risk_list("CentreRiskList", centre_risk_type(), false);
  static const auto plan_list =
      api::ListType("SuggestedPlan", planned_visit_type(), false)
          .with("month", {{"type", "string"}, {"pattern", "^\\d{4}-\\d{2}$"}});
  api.add_schema(risk_list);
  api.add_schema(plan_list);
  api.add({.method = "GET",
           .pattern = "/api/v1/inspection-risk",
           .action = "inspections.manage",
           .summary = "Active centres ranked by risk, with the reasons behind each score",
           .tag = "monitoring",
           .response_schema = "CentreRiskList",
           .handler = risk});
  api.add(
      {.method = "GET",
       .pattern = "/api/v1/inspection-plan",
       .action = "inspections.manage",
       .summary = "A suggested plan of visits for a month, riskiest centres first",
       .tag = "monitoring",
       .query = {{.name = "month", .max_length = 7, .description = "YYYY-MM (default: next month)"},
                 {.name = "visits_per_week",
                  .type = FieldType::integer,
                  .description = "the inspectors' capacity (default 3)",
                  .min_value = 1,
                  .max_value = 25}},
       .response_schema = "SuggestedPlan",
       .handler = plan});
}

}  // namespace innet::monitoring
