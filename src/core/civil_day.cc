#include "core/civil_day.h"

#include <cstdio>

namespace innet {

namespace {

// The value of `count` decimal digits at `at`, or -1 when any of them is not a digit.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<CivilDay> CivilDay::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  const CivilDay day(ymd);
  if (day < kEarliestDay || day > kLatestDay) return std::nullopt;
  return day;
}

Result<CivilDay> stored_day(std::string_view text) {
  if (auto day = CivilDay::parse(text)) return *day;
  return Error::internal("stored day is not a date: '" + std::string(text) + "'");
}

std::string CivilDay::to_string() const {
  const auto ymd = year_month_day();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

CivilDay CivilDay::first_of_month() const {
  return CivilMonth::of(*this).first_day();
}

CivilDay CivilDay::first_of_next_month() const {
  return CivilMonth::of(*this).next().first_day();
}

std::optional<CivilMonth> CivilMonth::parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const int y = digits(text, 0, 4), m = digits(text, 5, 2);
  if (y < 0 || m < 1 || m > 12) return std::nullopt;
  const CivilMonth month(std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)});
  if (month < CivilMonth::of(kEarliestDay) || month > CivilMonth::of(kLatestDay))
    return std::nullopt;
  return month;
}

std::string CivilMonth::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ym_.year()),
                static_cast<unsigned>(ym_.month()));
  return buf;
}

}  // namespace innet
