#include "core/working_days.h"

#include <array>

namespace innet {

namespace {

using std::chrono::month_day;

// Fixed-date national holidays (L. 260/1949 and later amendments; 2 June restored by L. 336/2000).
constexpr std::array kNationalHolidays = {
    month_day{std::chrono::January, std::chrono::day{1}},    // Capodanno
    month_day{std::chrono::January, std::chrono::day{6}},    // Epifania
    month_day{std::chrono::April, std::chrono::day{25}},     // Liberazione
    month_day{std::chrono::May, std::chrono::day{1}},        // Festa del lavoro
    month_day{std::chrono::June, std::chrono::day{2}},       // Festa della Repubblica
    month_day{std::chrono::August, std::chrono::day{15}},    // Assunzione (Ferragosto)
    month_day{std::chrono::November, std::chrono::day{1}},   // Ognissanti
    month_day{std::chrono::December, std::chrono::day{8}},   // Immacolata
    month_day{std::chrono::December, std::chrono::day{25}},  // Natale
    month_day{std::chrono::December, std::chrono::day{26}},  // Santo Stefano
};

// 4 October, St Francis of Assisi, is a national holiday again from 2026 (L. 7 ottobre 2025,
// n. 151, which undoes its removal by L. 54/1977).
constexpr month_day kSaintFrancis{std::chrono::October, std::chrono::day{4}};
constexpr std::chrono::year kSaintFrancisFrom{2026};

}  // namespace

CivilDay easter_sunday(std::chrono::year year) {
  const int y = static_cast<int>(year);
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return CivilDay(year / std::chrono::month{static_cast<unsigned>(month)} /
                  std::chrono::day{static_cast<unsigned>(day)});
}

bool HolidayCalendar::is_holiday(CivilDay day) const {
  const auto ymd = day.year_month_day();
  const month_day md{ymd.month(), ymd.day()};
  if (md == local_feast_) return true;
  for (month_day holiday : kNationalHolidays)
    if (md == holiday) return true;
  if (md == kSaintFrancis && ymd.year() >= kSaintFrancisFrom) return true;
  // Easter Sunday is a Sunday anyway; Easter Monday (Lunedì dell'Angelo) is the holiday that
  // moves. Only March and April can hold it.
  if (ymd.month() == std::chrono::March || ymd.month() == std::chrono::April) {
    const CivilDay easter = easter_sunday(ymd.year());
    if (day == easter || day == easter.plus_days(1)) return true;
  }
  return false;
}

bool HolidayCalendar::is_working_day(CivilDay day) const {
  const auto weekday = day.weekday();
  if (weekday == std::chrono::Saturday || weekday == std::chrono::Sunday) return false;
  return !is_holiday(day);
}

CivilDay HolidayCalendar::add_working_days(CivilDay day, std::int64_t n) const {
  const int step = n < 0 ? -1 : 1;
  for (std::int64_t left = n < 0 ? -n : n; left > 0;) {
    day = day.plus_days(step);
    if (is_working_day(day)) --left;
  }
  return day;
}

CivilDay HolidayCalendar::deadline_after(CivilDay day, std::int64_t days,
                                         SaturdayDeadline saturday) const {
  CivilDay end = day.plus_days(days);
  auto closed = [&](CivilDay d) {
    const auto weekday = d.weekday();
    if (weekday == std::chrono::Sunday) return true;
    if (weekday == std::chrono::Saturday && saturday == SaturdayDeadline::moves) return true;
    return is_holiday(d);
  };
  while (closed(end)) end = end.plus_days(1);
  return end;
}

}  // namespace innet
