// Public holidays and working days in Italy, in one place: the procedures compute their legal
// deadlines with HolidayCalendar (docs/decisions/0015-civil-days.md lists the sources).
#pragma once

#include <chrono>
#include <cstdint>

#include "core/civil_day.h"

namespace innet {

// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/
// Butcher).
CivilDay easter_sunday(std::chrono::year year);

// Whether a deadline that falls on a Saturday moves to the next working day. Art. 155 c.5 c.p.c.
// moves procedural deadlines off Saturdays; other deadlines keep them: each rule says which.
enum class SaturdayDeadline { stays, moves };

// The national public holidays plus the patron saint's day of the place (for Palermo, Santa
// Rosalia on 15 July, when municipal offices close).
class HolidayCalendar {
 public:
  explicit HolidayCalendar(std::chrono::month_day local_feast) : local_feast_(local_feast) {}

  // A public holiday (national or local). Sundays are not holidays by this test, only rest days.
  bool is_holiday(CivilDay day) const;
  // Monday to Friday and not a holiday.
  bool is_working_day(CivilDay day) const;
  // The `n`-th working day after `day` (before it when n < 0); `day` itself when n == 0.
  CivilDay add_working_days(CivilDay day, std::int64_t n) const;
  // A deadline of `days` calendar days from `day` (art. 155 c.p.c., art. 2963 c.c.): the day does
  // not count, and an end that falls on a holiday or a Sunday (or a Saturday, when `saturday`
  // says so) moves to the next day that is none of those.
  CivilDay deadline_after(CivilDay day, std::int64_t days,
                          SaturdayDeadline saturday = SaturdayDeadline::stays) const;

 private:
  std::chrono::month_day local_feast_;
};

// The calendar of the Prefecture of Palermo.
inline constexpr std::chrono::month_day kPalermoPatronFeast{std::chrono::July,
                                                            std::chrono::day{15}};

}  // namespace innet
