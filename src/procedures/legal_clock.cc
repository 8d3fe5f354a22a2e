#include "procedures/legal_clock.h"

#include <algorithm>

namespace innet::procedures {

const std::vector<std::string>& countings() {
  static const std::vector<std::string> all = {"calendar", "working", "months"};
  return all;
}

std::optional<Counting> parse_counting(const std::string& text) {
  if (text == "calendar") return Counting::calendar;
  if (text == "working") return Counting::working;
  if (text == "months") return Counting::months;
  return std::nullopt;
}

const std::string& to_string(Counting counting) {
  return countings()[static_cast<std::size_t>(counting)];
}

const std::vector<std::string>& clock_states() {
  static const std::vector<std::string> all = {"not_started", "running", "suspended",
                                               "due_soon",    "overdue", "closed"};
  return all;
}

const std::string& to_string(ClockState state) {
  return clock_states()[static_cast<std::size_t>(state)];
}

std::optional<ClockState> parse_clock_state(const std::string& text) {
  const auto& all = clock_states();
  auto at = std::find(all.begin(), all.end(), text);
  if (at == all.end()) return std::nullopt;
  return static_cast<ClockState>(at - all.begin());
}

CivilDay add_months(CivilDay day, std::int64_t months) {
  using namespace std::chrono;
  const auto ymd = day.year_month_day();
  const year_month ym = ymd.year() / ymd.month() + std::chrono::months{months};
  const auto month_end = (ym / std::chrono::last).day();
  return CivilDay(ym / std::min(ymd.day(), month_end));
}

namespace {

std::int64_t working_days_in(CivilDay from, std::int64_t days, const HolidayCalendar& calendar) {
  std::int64_t n = 0;
  for (std::int64_t i = 0; i < days; ++i)
    if (calendar.is_working_day(from.plus_days(i))) ++n;
  return n;
}

}  // namespace

Clock legal_clock(const ClockInput& in, CivilDay today, const HolidayCalendar& calendar) {
  Clock out;
  if (!in.started_on) {
    out.state = in.closed_on ? ClockState::closed : ClockState::not_started;
    return out;
  }
  const CivilDay start = *in.started_on;
  const CivilDay as_of = in.closed_on ? std::min(*in.closed_on, today) : today;
  bool suspended_now = false;
  std::int64_t suspended_working = 0;
  for (const auto& s : in.suspensions) {
    if (s.start > as_of) continue;  // not yet begun on the day the clock is read
    const CivilDay end = s.end && *s.end <= as_of ? *s.end : as_of;
    const std::int64_t counted =
        std::clamp<std::int64_t>(s.start.days_until(end), 0, in.max_suspension_days);
    out.suspended_days += counted;
    suspended_working += working_days_in(s.start, counted, calendar);
    if ((!s.end || *s.end > as_of) && counted < in.max_suspension_days) suspended_now = true;
  }
  switch (in.counting) {
    case Counting::working:
      out.due = calendar.add_working_days(start, in.amount + suspended_working);
      break;
    case Counting::months:
      out.due = calendar.deadline_after(
          start, start.days_until(add_months(start, in.amount)) + out.suspended_days, in.saturday);
      break;
    case Counting::calendar:
      out.due = calendar.deadline_after(start, in.amount + out.suspended_days, in.saturday);
      break;
  }
  out.days_left = as_of.days_until(*out.due);
  if (in.closed_on)
    out.state = ClockState::closed;
  else if (suspended_now)
    out.state = ClockState::suspended;
  else if (*out.days_left < 0)
    out.state = ClockState::overdue;
  else if (*out.days_left <= kDueSoonDays)
    out.state = ClockState::due_soon;
  else
    out.state = ClockState::running;
  return out;
}

}  // namespace innet::procedures
