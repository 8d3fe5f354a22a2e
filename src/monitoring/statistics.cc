// GET /api/v1/inspection-statistics: monitoring in aggregate, per quarter of the visits' days:
// inspections completed (announced or not) and the findings they opened by severity and area.
// Counts only: never a centre, a name or a single inspection, so the analyst may read it
// (issue 10 point 7: "analysts see aggregates").
#include <map>

#include "core/json_input.h"
#include "monitoring/checklists.h"
#include "monitoring/routes.h"

namespace innet::monitoring {
namespace {

struct FindingCount {
  std::string severity;
  std::string area;
  std::int64_t count = 0;
};

struct Quarter {
  std::string quarter;  // "2026-Q3"
  std::int64_t inspections = 0;
  std::int64_t unannounced = 0;
  std::vector<FindingCount> findings;
};

const api::ObjectType<Quarter>& quarter_type() {
  static const auto finding =
      api::ObjectType<FindingCount>("FindingCount")
          .field("severity", &FindingCount::severity, {.allowed = severities()})
          .field("area", &FindingCount::area, {.allowed = area_names()})
          .field("count", &FindingCount::count);
  static const auto type =
      api::ObjectType<Quarter>("InspectionQuarter")
          .field("quarter", &Quarter::quarter, {.description = "YYYY-Qn, of the visits' days"})
          .field("inspections", &Quarter::inspections,
                 {.description = "inspections completed (visited) in the quarter"})
          .field("unannounced", &Quarter::unannounced)
          .field("findings", &Quarter::findings, finding,
                 {.description = "findings opened by those inspections, by severity and area"});
  return type;
}

// "YYYY-Qn" of a visit_day column, the same SQL on both engines.
std::string quarter_of(const std::string& column) {
  return "SUBSTR(" + column + ", 1, 4) || '-Q' || CAST((CAST(SUBSTR(" + column +
         ", 6, 2) AS INTEGER) + 2) / 3 AS TEXT)";
}

Result<http::Response> statistics(api::Context& ctx) {
  auto& q = ctx.request.query;
  const std::string from = q["from"].empty() ? std::string(kEarliestDay.to_string()) : q["from"];
  const std::string to = q["to"].empty() ? std::string(kLatestDay.to_string()) : q["to"];
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const std::string quarter = quarter_of("r.visit_day");
  INNET_ASSIGN_OR_RETURN(
      auto visits,
      conn->query(
          "SELECT " + quarter +
              " AS q, COUNT(*), SUM(CASE WHEN i.announced = 0 THEN 1 "
              "ELSE 0 END) FROM inspection_results r JOIN inspections i ON i.id = "
              "r.inspection_id WHERE r.visit_day >= ? AND r.visit_day <= ? GROUP BY q ORDER BY q",
          {from, to}));
  std::vector<Quarter> quarters;
  std::map<std::string, std::size_t> index;
  for (const auto& r : visits) {
    index[r.text(0)] = quarters.size();
    quarters.push_back({r.text(0), r.integer(1), r.integer(2), {}});
  }
  INNET_ASSIGN_OR_RETURN(
      auto found,
      conn->query(
          "SELECT " + quarter +
              " AS q, f.severity, f.area, COUNT(*) FROM findings f JOIN "
              "inspection_results r ON r.inspection_id = f.inspection_id WHERE r.visit_day >= "
              "? AND r.visit_day <= ? GROUP BY q, f.severity, f.area ORDER BY q, f.severity, "
              "f.area",
          {from, to}));
  for (const auto& r : found)
    if (auto at = index.find(r.text(0)); at != index.end())
      quarters[at->second].findings.push_back({r.text(1), r.text(2), r.integer(3)});
  nlohmann::json items = nlohmann::json::array();
  for (const auto& quarter_row : quarters) items.push_back(quarter_type().to_json(quarter_row));
  return api::ok({{"items", std::move(items)}});
}

}  // namespace

void add_statistics_routes(api::Api& api) {
  static const api::ListType list("InspectionQuarterList", quarter_type(), false);
  api.add_schema(list);
  api.add({.method = "GET",
           .pattern = "/api/v1/inspection-statistics",
           .action = "monitoring.statistics",
           .summary = "Inspections and their findings by severity and area, per quarter: counts "
                      "only, no centre, name or single inspection",
           .tag = "monitoring",
           .query = {{.name = "from", .type = FieldType::date, .description = "first visit day"},
                     {.name = "to", .type = FieldType::date, .description = "last visit day"}},
           .response_schema = "InspectionQuarterList",
           .handler = statistics});
}

}  // namespace innet::monitoring
