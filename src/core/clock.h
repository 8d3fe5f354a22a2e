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

}  // namespace innet::clock
