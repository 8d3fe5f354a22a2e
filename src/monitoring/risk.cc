#include "monitoring/risk.h"

#include <algorithm>
#include <map>

#include "centres/centres.h"
#include "core/working_days.h"

namespace innet::monitoring {

namespace {

// Stores what one completed inspection found: failed items by default severity, and its scores
// (overall in inspection_results, each area with a scored answer in inspection_area_scores).
Status store_results(db::Connection& conn, const Inspection& inspection,
                     const ChecklistVersion& checklist, const std::vector<Answer>& answers) {
  std::map<std::int64_t, const ChecklistItem*> items;
  for (const auto& item : checklist.items) items[item.id] = &item;
  std::map<std::string, std::int64_t> failed;
  for (const auto& a : answers) {
    const ChecklistItem& item = *items.at(a.item_id);
    if (item.failure_is_finding && passes(item, a) == false) ++failed[item.default_severity];
  }
  const Scores scores = score(checklist, answers);
  // The visit's day: when it started, else the day it was planned for.
  const std::string day =
      inspection.started_at ? inspection.started_at->substr(0, 10) : inspection.planned_date;
  db::Value overall = nullptr;
  if (scores.overall) overall = *scores.overall;
  INNET_TRY(conn.execute(
      "INSERT INTO inspection_results (inspection_id, centre_id, visit_day, critical, major, "
      "minor, overall_score) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {inspection.id, inspection.centre_id, day, failed["critical"], failed["major"],
       failed["minor"], overall}));
  return store_area_scores(conn, inspection.id, scores);
}

}  // namespace

Status store_area_scores(db::Connection& conn, std::int64_t inspection_id, const Scores& scores) {
  // One statement for all the areas (eight at most: as many statement texts).
  std::string sql =
      "INSERT INTO inspection_area_scores (inspection_id, area, score, answered, failed) VALUES ";
  db::Params params;
  for (const auto& a : scores.areas) {
    if (a.answered == 0) continue;
    sql += params.empty() ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)";
    params.push_back(inspection_id);
    params.push_back(a.area);
    params.push_back(a.score ? db::Value(*a.score) : db::Value(nullptr));
    params.push_back(a.answered);
    params.push_back(a.failed);
  }
  if (params.empty()) return Status::success();
  INNET_TRY(conn.execute(sql, params));
  return Status::success();
}

Status record_results(db::Connection& conn, const Inspection& inspection) {
  INNET_ASSIGN_OR_RETURN(auto checklist, find_version(conn, inspection.checklist_id));
  INNET_ASSIGN_OR_RETURN(auto answers, current_answers(conn, inspection.id));
  return store_results(conn, inspection, checklist, answers);
}

Status score_completed_inspections(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT r.inspection_id, i.checklist_id FROM "
                                               "inspection_results r JOIN inspections i ON i.id = "
                                               "r.inspection_id ORDER BY r.inspection_id"));
  std::map<std::int64_t, ChecklistVersion> checklists;
  constexpr std::size_t kChunk = 500;  // inspections whose answers are read in one statement
  for (std::size_t first = 0; first < rows.size(); first += kChunk) {
    const std::size_t last = std::min(rows.size(), first + kChunk);
    std::vector<std::int64_t> ids;
    for (std::size_t k = first; k < last; ++k) ids.push_back(rows[k].integer(0));
    INNET_ASSIGN_OR_RETURN(auto answers, current_answers_of(conn, ids));
    for (std::size_t k = first; k < last; ++k) {
      const std::int64_t id = rows[k].integer(0), checklist_id = rows[k].integer(1);
      auto checklist = checklists.find(checklist_id);
      if (checklist == checklists.end()) {
        INNET_ASSIGN_OR_RETURN(auto version, find_version(conn, checklist_id));
        checklist = checklists.emplace(checklist_id, std::move(version)).first;
      }
      const Scores scores = score(checklist->second, answers[id]);
      db::Value overall = nullptr;
      if (scores.overall) overall = *scores.overall;
      INNET_TRY(
          conn.execute("UPDATE inspection_results SET overall_score = ? WHERE inspection_id = ?",
                       {overall, id}));
      INNET_TRY(store_area_scores(conn, id, scores));
    }
  }
  return Status::success();
}

std::vector<RiskReason> risk_reasons(const RiskInputs& in) {
  using W = RiskWeights;
  std::vector<RiskReason> out;
  auto add = [&](const char* factor, std::int64_t value, std::int64_t points) {
    if (points > 0) out.push_back({factor, value, points});
  };
  add("critical_findings", in.critical, in.critical * W::critical);
  add("major_findings", in.major, in.major * W::major);
  add("minor_findings", in.minor, in.minor * W::minor);
  if (in.days_since_visit)
    add("days_since_visit", *in.days_since_visit,
        std::min<std::int64_t>(*in.days_since_visit / 30, 24) * W::per_month_since_visit);
  else
    add("never_visited", 0, W::never_visited);
  if (in.over_capacity) add("over_capacity", 1, W::over_capacity);
  add("overdue_actions", in.overdue_actions,
      std::min(in.overdue_actions, W::max_overdue_actions) * W::per_overdue_action);
  add("vulnerable_guests", in.vulnerable_guests,
      std::min(in.vulnerable_guests, W::max_vulnerable_guests) * W::per_vulnerable_guest);
  std::stable_sort(out.begin(), out.end(),
                   [](const RiskReason& a, const RiskReason& b) { return a.points > b.points; });
  return out;
}

Result<std::vector<CentreRisk>> rank_centres(db::Connection& conn, CivilDay today,
                                             const CentresToday& outside) {
  std::map<std::int64_t, RiskInputs> inputs;
  std::map<std::int64_t, std::string> last_visit, next_planned;
  // One pass over a covering index (centre, day, counts): the last visit of every centre and
  // what its visits in the window found.
  const std::string window_start = today.plus_days(-RiskWeights::window_days).to_string();
  INNET_ASSIGN_OR_RETURN(auto found,
                         conn.query("SELECT centre_id, MAX(visit_day), "
                                    "SUM(CASE WHEN visit_day >= ? THEN critical ELSE 0 END), "
                                    "SUM(CASE WHEN visit_day >= ? THEN major ELSE 0 END), "
                                    "SUM(CASE WHEN visit_day >= ? THEN minor ELSE 0 END) "
                                    "FROM inspection_results GROUP BY centre_id",
                                    {window_start, window_start, window_start}));
  for (const auto& r : found) {
    last_visit[r.integer(0)] = r.text(1);
    auto& in = inputs[r.integer(0)];
    in.critical = r.integer(2);
    in.major = r.integer(3);
    in.minor = r.integer(4);
  }
  INNET_ASSIGN_OR_RETURN(auto planned,
                         conn.query("SELECT centre_id, MIN(planned_date) FROM inspections WHERE "
                                    "status IN ('planned', 'in_progress') AND planned_date >= ? "
                                    "GROUP BY centre_id",
                                    {today.to_string()}));
  for (const auto& r : planned) next_planned[r.integer(0)] = r.text(1);
  // The corrective actions the operators were sent (issued reports) and left open past their
  // deadline: the tasks' rule (finding_tasks.cc), counted per centre in one statement.
  INNET_ASSIGN_OR_RETURN(
      auto overdue,
      conn.query("SELECT centre_id, COUNT(*) FROM findings WHERE status = 'open' AND deadline < ? "
                 "AND inspection_id IN (SELECT id FROM inspections WHERE status = "
                 "'report_issued') GROUP BY centre_id",
                 {today.to_string()}));
  for (const auto& r : overdue) inputs[r.integer(0)].overdue_actions = r.integer(1);

  INNET_ASSIGN_OR_RETURN(auto centres, centres::all_centres(conn, {}));
  std::vector<CentreRisk> out;
  for (const auto& c : centres) {
    if (c.status == "closed") continue;
    RiskInputs in = inputs[c.id];
    if (auto v = last_visit.find(c.id); v != last_visit.end())
      if (auto day = CivilDay::parse(v->second)) in.days_since_visit = day->days_until(today);
    in.over_capacity = std::find(outside.over_capacity.begin(), outside.over_capacity.end(),
                                 c.id) != outside.over_capacity.end();
    if (auto v = outside.vulnerable_guests.find(c.id); v != outside.vulnerable_guests.end())
      in.vulnerable_guests = v->second;
    CentreRisk risk{.centre_id = c.id, .centre_name = c.name, .istat_code = c.istat_code};
    if (auto v = last_visit.find(c.id); v != last_visit.end()) risk.last_visit = v->second;
    if (auto p = next_planned.find(c.id); p != next_planned.end()) risk.next_planned = p->second;
    risk.reasons = risk_reasons(in);
    for (const auto& reason : risk.reasons) risk.score += reason.points;
    out.push_back(std::move(risk));
  }
  std::stable_sort(out.begin(), out.end(), [](const CentreRisk& a, const CentreRisk& b) {
    return a.score != b.score ? a.score > b.score : a.centre_name < b.centre_name;
  });
  return out;
}

std::vector<PlannedVisit> suggest_plan(const std::vector<CentreRisk>& ranked, CivilMonth month,
                                       std::int64_t visits_per_week) {
  const HolidayCalendar calendar(kPalermoPatronFeast);
  std::vector<CivilDay> slots;  // one visit per working day, at most visits_per_week a week
  std::int64_t in_week = 0;
  for (CivilDay day = month.first_day(); month.contains(day); day = day.plus_days(1)) {
    if (day.weekday() == std::chrono::Monday) in_week = 0;
    if (!calendar.is_working_day(day) || in_week >= visits_per_week) continue;
    slots.push_back(day);
    ++in_week;
  }
  std::vector<PlannedVisit> plan;
  auto slot = slots.begin();
  for (const auto& centre : ranked) {
    if (slot == slots.end()) break;
    const bool planned_this_month =
        centre.next_planned && month.contains(*CivilDay::parse(*centre.next_planned));
    if (planned_this_month || centre.score == 0) continue;
    plan.push_back({*slot++, centre});
  }
  return plan;
}

const api::ObjectType<CentreRisk>& centre_risk_type() {
  static const auto reason =
      api::ObjectType<RiskReason>("RiskReason")
          .field("factor", &RiskReason::factor,
                 {.allowed = {"critical_findings", "major_findings", "minor_findings",
                              "overdue_actions", "days_since_visit", "never_visited",
                              "over_capacity", "vulnerable_guests"}})
          .field("value", &RiskReason::value)
          .field("points", &RiskReason::points);
  static const auto type =
      api::ObjectType<CentreRisk>("CentreRisk")
          .field("centre_id", &CentreRisk::centre_id)
          .field("centre_name", &CentreRisk::centre_name)
          .field("istat_code", &CentreRisk::istat_code)
          .field("score", &CentreRisk::score)
          .field("last_visit", &CentreRisk::last_visit, {.format = "date"})
          .field("next_planned", &CentreRisk::next_planned, {.format = "date"})
          .field("reasons", &CentreRisk::reasons, reason,
                 {.description = "the factors that gave points, largest first"});
  return type;
}

const api::ObjectType<PlannedVisit>& planned_visit_type() {
  static const auto type =
      api::ObjectType<PlannedVisit>("SuggestedVisit")
          .field("day", [](const PlannedVisit& v) { return v.day.to_string(); }, {.format = "date"})
          .field("centre", &PlannedVisit::centre, centre_risk_type());
  return type;
}

std::vector<db::Migration> risk_migrations(db::Engine) {
  return {{.version = 4,
           .name = "monitoring: what each completed inspection found, for the risk ranking",
           .sql = R"sql(
CREATE TABLE inspection_results (
  inspection_id BIGINT PRIMARY KEY REFERENCES inspections (id),
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  visit_day TEXT NOT NULL,
  critical BIGINT NOT NULL,
  major BIGINT NOT NULL,
  minor BIGINT NOT NULL
);
CREATE INDEX inspection_results_day ON inspection_results (visit_day, centre_id);
)sql"},
          // The ranking reads every centre's rows in one pass of this index, never the table.
          {.version = 7,
           .name = "monitoring: the risk ranking's covering index",
           .sql = "CREATE INDEX inspection_results_centre ON inspection_results "
                  "(centre_id, visit_day, critical, major, minor);"},
          // The list shows and sorts by the overall score without reading answers; the scores
          // of the inspections completed before are computed once here. The list's default
          // order (newest first) reads the date index.
          {.version = 8,
           .name = "monitoring: the scores of each completed inspection, overall and per area",
           .sql = R"sql(
ALTER TABLE inspection_results ADD COLUMN overall_score DOUBLE PRECISION;
CREATE TABLE inspection_area_scores (
  inspection_id BIGINT NOT NULL REFERENCES inspections (id),
  area TEXT NOT NULL,
  score DOUBLE PRECISION,
  answered BIGINT NOT NULL,
  failed BIGINT NOT NULL,
  PRIMARY KEY (inspection_id, area)
);
CREATE INDEX inspections_day ON inspections (planned_date, id);
)sql",
           .then = score_completed_inspections}};
}

}  // namespace innet::monitoring
