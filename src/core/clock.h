// Time as the product stores it: UTC, ISO-8601 text ("2026-11-26T08:15:02Z"), which sorts
// lexicographically and reads the same on SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace innet::clock {

std::int64_t now_seconds();  // Unix time
std::string iso_utc(std::int64_t unix_seconds);
std::string now_iso();
std::optional<std::int64_t> parse_iso_utc(std::string_view text);  // inverse of iso_utc

// Calendar dates ("2026-11-26"). A day in the register or a stay is a day in Italy: today() is the
// local date of the process's time zone, which `innet serve` sets to Europe/Rome unless TZ is set.
std::string today();
// Dates must be valid YYYY-MM-DD (checked at the API boundary) before they reach these.
std::string add_days(std::string_view date, std::int64_t days);
std::int64_t days_between(std::string_view from, std::string_view to);  // to - from, in days
// The first day of the month of `date` and the first day of the next month.
std::string month_start(std::string_view date);
std::string next_month_start(std::string_view date);

}  // namespace innet::clock
