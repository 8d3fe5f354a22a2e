// Time as the product stores it: UTC, ISO-8601 text ("2026-11-26T08:15:02Z"), which sorts
// lexicographically and reads the same on SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_day.h"

namespace innet::clock {

std::int64_t now_seconds();  // Unix time
std::string iso_utc(std::int64_t unix_seconds);
std::string now_iso();
std::optional<std::int64_t> parse_iso_utc(std::string_view text);  // inverse of iso_utc

// A day in the register or a stay is a day in Italy: today() is the local date of the process's
// time zone, which `innet serve` sets to Europe/Rome unless TZ is set.
CivilDay today();
// For the demo-data generator, which still walks days as text: `date` must be a valid
// YYYY-MM-DD. Everything else uses CivilDay::plus_days.
std::string add_days(std::string_view date, std::int64_t days);

}  // namespace innet::clock
