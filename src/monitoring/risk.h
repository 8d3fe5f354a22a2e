// Risk-based planning of inspections (issue 10 part 6, decision 0022): a score per centre from
// what its recent inspections found, its corrective actions left overdue, the time since it was
// last visited, whether it is over capacity today and how many highly vulnerable guests it hosts
// today, with the reasons behind each score; and a plan for a month that visits the riskiest
// centres first within the inspectors' capacity.
//
// What each completed inspection found is kept in inspection_results when it is completed (one
// row per inspection: failed items by severity, its overall score), so a ranking of thousands of
// centres reads those rows, not millions of answers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "monitoring/inspections.h"

namespace innet::monitoring {

// Counts the failed items of a completed inspection by their default severity and stores them
// with the day of the visit, its overall score and its areas' scores (called by
// complete_inspection, in its transaction): the list and the ranking read these, never the
// answers, which a completed inspection no longer changes.
Status record_results(db::Connection& conn, const Inspection& inspection);
// The scores of the areas with a scored answer (an area without one has no score: no row).
Status store_area_scores(db::Connection& conn, std::int64_t inspection_id, const Scores& scores);
// Migration 8: the scores of the inspections completed before it, computed from their answers.
Status score_completed_inspections(db::Connection& conn);

// One factor of a centre's score: what it is, its value and the points it gives.
struct RiskReason {
  std::string factor;  // critical_findings, major_findings, minor_findings, overdue_actions,
                       // days_since_visit, never_visited, over_capacity, vulnerable_guests
  std::int64_t value = 0;
  std::int64_t points = 0;
};

struct CentreRisk {
  std::int64_t centre_id = 0;
  std::string centre_name;
  std::string istat_code;
  std::int64_t score = 0;
  std::optional<std::string> last_visit;  // the day of the last completed inspection
  std::optional<std::string> next_planned;
  std::vector<RiskReason> reasons;  // the factors that gave points, largest first
};

// The points of each factor (written here once; the web shows the reasons, not the weights).
struct RiskWeights {
  static constexpr std::int64_t critical = 10;
  static constexpr std::int64_t major = 4;
  static constexpr std::int64_t minor = 1;
  static constexpr std::int64_t per_month_since_visit = 1;  // up to 24 months
  static constexpr std::int64_t never_visited = 24;
  static constexpr std::int64_t over_capacity = 10;
  // Per corrective action the operator was sent and left open past its deadline, up to six:
  // beyond that the centre is planned first anyway, and one neglected report should not hide
  // every other signal.
  static constexpr std::int64_t per_overdue_action = 5;
  static constexpr std::int64_t max_overdue_actions = 6;
  // Per guest hosted today with an active high-severity vulnerability flag, up to ten: what a
  // failing centre costs its most fragile guests; a count, not a share, because each of them is
  // someone the inspection must see to (a share would rank a two-bed flat with one such guest
  // above a 300-place centre with thirty).
  static constexpr std::int64_t per_vulnerable_guest = 2;
  static constexpr std::int64_t max_vulnerable_guests = 10;
  static constexpr std::int64_t window_days = 730;  // findings count for two years
};

// The factors of one centre, with no database: the arithmetic the tests check by hand.
struct RiskInputs {
  std::int64_t critical = 0, major = 0, minor = 0;  // failed items in the window
  std::optional<std::int64_t> days_since_visit;     // none: never visited
  bool over_capacity = false;
  std::int64_t overdue_actions = 0;    // open findings of issued reports past their deadline
  std::int64_t vulnerable_guests = 0;  // hosted today, with an active high-severity flag
};
std::vector<RiskReason> risk_reasons(const RiskInputs& in);

// What other modules know of the centres today, asked by the routes: those over capacity
// (reception's occupancy) and, by centre, the guests with an active high-severity vulnerability
// flag (screening's flagged persons counted among reception's guests). Counts only, no person.
struct CentresToday {
  std::vector<std::int64_t> over_capacity;
  std::map<std::int64_t, std::int64_t> vulnerable_guests;
};

// Every active centre (centres' filter: not closed), riskiest first; ties by name. The findings'
// overdue corrective actions are read here (monitoring's own); the rest comes in `outside`.
Result<std::vector<CentreRisk>> rank_centres(db::Connection& conn, CivilDay today,
                                             const CentresToday& outside);

struct PlannedVisit {
  CivilDay day = kEarliestDay;
  CentreRisk centre;
};

// A plan for the working days of `month` (Palermo's calendar): at most `visits_per_week` visits
// in each week (Monday to Sunday), riskiest first, leaving out centres with an inspection
// already planned in the month; one visit a day per inspector team, spread from the first day.
std::vector<PlannedVisit> suggest_plan(const std::vector<CentreRisk>& ranked, CivilMonth month,
                                       std::int64_t visits_per_week);

const api::ObjectType<CentreRisk>& centre_risk_type();
const api::ObjectType<PlannedVisit>& planned_visit_type();

std::vector<db::Migration> risk_migrations(db::Engine engine);

}  // namespace innet::monitoring
