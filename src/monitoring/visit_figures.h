// What the centre's own records say about the day and month of an inspection, set beside what
// the inspectors found (issue 10 point 2): the presence register of the inspection's day (present
// and absent as registered, whether the day was confirmed) against the guests the inspectors
// counted, and the month's money beside the daily price (pocket money, phone card, kit: due
// against handed over). Read through reception's interface; counts only, no guest is named.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "monitoring/inspections.h"
#include "reception/costs/costs.h"

namespace innet::monitoring {

// The item whose answer is the inspectors' head count (the same code in every version).
inline constexpr const char* kGuestsCountedItem = "capacity_presences.guests_counted";

struct RegisterFigures {
  std::string day;     // the inspection's planned day
  std::string status;  // unconfirmed, confirmed, changed_since_confirmation
  std::int64_t registered_present = 0;
  std::int64_t registered_absent = 0;
  std::optional<std::int64_t> confirmed_present;  // as last confirmed by the centre's staff
  std::optional<double> counted;                  // the inspectors' head count, when answered
  std::optional<double> difference;               // counted minus registered present
};

struct MoneyFigures {
  std::string month;  // YYYY-MM, the inspection's
  std::string to;     // last day counted: today in the current month
  bool complete = true;
  std::vector<reception::MoneyLine> lines;
};

struct VisitFigures {
  std::optional<RegisterFigures> register_day;  // null: the day is after today
  std::optional<MoneyFigures> money;            // null: the month is after today's
};

Result<VisitFigures> visit_figures(db::Connection& conn, const Inspection& inspection,
                                   const ChecklistVersion& checklist,
                                   const std::vector<Answer>& answers, CivilDay today);

const api::ObjectType<RegisterFigures>& register_figures_type();
const api::ObjectType<MoneyFigures>& money_figures_type();

}  // namespace innet::monitoring
