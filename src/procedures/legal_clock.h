// The legal clock of an administrative procedure (issue 13; decision 0040): from the rule that
// governs a file (how many days, counted how, Saturdays moving the end or not), the day its term
// starts, the suspensions for requests of integration and the day it closed, the due date, the
// days left and the state a file shows. A pure function: no storage, no clock of its own (today is
// a parameter), so that every case is a test with the dates checked by hand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_day.h"
#include "core/working_days.h"

namespace innet::procedures {

// How a term's amount is counted: calendar days (the default of domain.md), working days, or
// months (the citizenship decision: 24 months).
enum class Counting { calendar, working, months };
const std::vector<std::string>& countings();  // "calendar", "working", "months"
std::optional<Counting> parse_counting(const std::string& text);
const std::string& to_string(Counting counting);

// What a file shows. not_started: the event the term runs from has not happened yet (a work entry
// not yet charged to the quota); due_soon: kDueSoonDays or fewer left.
enum class ClockState { not_started, running, suspended, due_soon, overdue, closed };
const std::vector<std::string>& clock_states();
const std::string& to_string(ClockState state);
std::optional<ClockState> parse_clock_state(const std::string& text);

inline constexpr std::int64_t kDueSoonDays = 10;

// A request for integration: the term stops on `start` and runs again on `end` (the day the
// integration arrives); open while `end` is empty.
struct SuspensionSpan {
  CivilDay start;
  std::optional<CivilDay> end;
};

struct ClockInput {
  std::optional<CivilDay> started_on;  // the start event's day; none: not yet
  std::int64_t amount = 0;
  Counting counting = Counting::calendar;
  SaturdayDeadline saturday = SaturdayDeadline::stays;
  // L. 241/1990 art. 2 c.7: a suspension stops the term for 30 days at most; after that the term
  // runs again even while the integration is still awaited. A procedure's own rules may allow
  // longer ones.
  std::int64_t max_suspension_days = 30;
  std::vector<SuspensionSpan> suspensions;
  std::optional<CivilDay> closed_on;  // the decision's day
};

struct Clock {
  ClockState state = ClockState::not_started;
  std::optional<CivilDay> due;
  // Calendar days from today (the closing day, once closed) to the due date; negative once past.
  std::optional<std::int64_t> days_left;
  std::int64_t suspended_days = 0;  // calendar days the term stood still (each suspension capped)
};

// The due date: the amount counted from the start event (the start day not counted), lengthened
// by the days suspended (working days of the suspensions for a term in working days), an end on a
// Sunday, a holiday of `calendar` or (when the rule says so) a Saturday moved to the next open day.
Clock legal_clock(const ClockInput& in, CivilDay today, const HolidayCalendar& calendar);

// `day` plus `months` months, on the same day of the month or the month's last day.
CivilDay add_months(CivilDay day, std::int64_t months);

}  // namespace innet::procedures
