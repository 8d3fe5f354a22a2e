// Civil days and months: a day of the calendar in Italy ("2026-11-26"), with no time and no time
// zone, as the register, stays, costs and deadlines count them. The text form ("YYYY-MM-DD",
// "YYYY-MM") is what the API accepts and answers and what the database stores; inside the
// program a day is this value type, so arithmetic is checked by the compiler and costs no parsing
// (docs/decisions/0015-civil-days.md).
#pragma once

#include <chrono>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace innet {

// A calendar day, held as the count of days since 1970-01-01 so that plus_days and comparisons
// are integer operations (the register walks centres x days in its hot loops).
class CivilDay {
 public:
  // `ymd` must be a real date (ymd.ok()); for constants and the clock. Text goes through parse.
  constexpr explicit CivilDay(std::chrono::year_month_day ymd)
      : days_since_epoch_(
            static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count())) {}

  // Exactly "YYYY-MM-DD", a real calendar date from kEarliestDay to kLatestDay; nothing else.
  static std::optional<CivilDay> parse(std::string_view text);

  std::string to_string() const;  // "YYYY-MM-DD"
  std::chrono::year_month_day year_month_day() const {
    return std::chrono::year_month_day{sys_days()};
  }
  std::chrono::weekday weekday() const { return std::chrono::weekday{sys_days()}; }

  constexpr CivilDay plus_days(std::int64_t days) const {
    return CivilDay(days_since_epoch_ + static_cast<std::int32_t>(days));
  }
  // `later` minus this day, in days (negative when `later` is earlier).
  constexpr std::int64_t days_until(CivilDay later) const {
    return std::int64_t{later.days_since_epoch_} - days_since_epoch_;
  }
  CivilDay first_of_month() const;
  CivilDay first_of_next_month() const;

  constexpr auto operator<=>(const CivilDay&) const = default;

 private:
  constexpr explicit CivilDay(std::int32_t days_since_epoch)
      : days_since_epoch_(days_since_epoch) {}
  std::chrono::sys_days sys_days() const {
    return std::chrono::sys_days{std::chrono::days{days_since_epoch_}};
  }
  friend struct std::hash<CivilDay>;

  std::int32_t days_since_epoch_;
};

// The range of days the product accepts anywhere (API input, CLI, stored rows): no record of ours
// is older or newer. The JSON validation refuses days outside it as malformed.
inline constexpr CivilDay kEarliestDay{std::chrono::year{1900} / 1 / 1};
inline constexpr CivilDay kLatestDay{std::chrono::year{2099} / 12 / 31};

// A day read back from storage, which holds only days parsed on their way in: anything else is
// a damaged row (an internal error), not a caller's mistake.
Result<CivilDay> stored_day(std::string_view text);

// A calendar month ("2026-11"), e.g. the month of an invoice or of a cost report.
class CivilMonth {
 public:
  constexpr explicit CivilMonth(std::chrono::year_month ym) : ym_(ym) {}
  static CivilMonth of(CivilDay day) {
    const auto ymd = day.year_month_day();
    return CivilMonth(ymd.year() / ymd.month());
  }
  // Exactly "YYYY-MM", a month whose days lie within kEarliestDay..kLatestDay.
  static std::optional<CivilMonth> parse(std::string_view text);

  std::string to_string() const;  // "YYYY-MM"
  CivilDay first_day() const { return CivilDay(ym_ / std::chrono::day{1}); }
  CivilMonth next() const { return CivilMonth(ym_ + std::chrono::months{1}); }
  bool contains(CivilDay day) const { return of(day) == *this; }

  constexpr auto operator<=>(const CivilMonth&) const = default;

 private:
  std::chrono::year_month ym_;
};

}  // namespace innet

template <>
struct std::hash<innet::CivilDay> {
  std::size_t operator()(innet::CivilDay day) const noexcept {
    return std::hash<std::int32_t>{}(day.days_since_epoch_);
  }
};
