// Row accessors convert between value types the way SQLite's sqlite3_column_* functions do, so a
// column that one engine reports as text and the other as a number (NUMERIC sums, TEXT affinity
// holding digits) reads the same through either driver.

#include "db/database.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace innet::db {

namespace {

std::string_view without_leading_space(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view() : s.substr(first);
}

// Like SQLite's text-to-number conversion, reads the longest numeric prefix: "12abc" is 12.
template <class Number>
Number leading_number(std::string_view s) {
  s = without_leading_space(s);
  Number value{};
  const auto parsed = std::from_chars(s.data(), s.data() + s.size(), value);
  return parsed.ec == std::errc() ? value : Number{};
}

// Truncates toward zero like CAST(x AS INTEGER), clamping instead of overflowing.
std::int64_t truncate_to_integer(double d) {
  constexpr double kTwoToThe63 = 9223372036854775808.0;
  if (std::isnan(d)) return 0;
  if (d >= kTwoToThe63) return std::numeric_limits<std::int64_t>::max();
  if (d < -kTwoToThe63) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(d);
}

// The shortest text that reads back as the same double.
std::string format_real(double d) {
  std::array<char, 32> buffer;
  // 32 characters hold any double, so to_chars cannot run out of room.
  const auto formatted = std::to_chars(buffer.data(), buffer.data() + buffer.size(), d);
  return std::string(buffer.data(), formatted.ptr);
}

}  // namespace

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return truncate_to_integer(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return leading_number<std::int64_t>(*s);
  return 0;
}

double Row::real(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return leading_number<double>(*s);
  return 0.0;
}

std::string Row::text(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return format_real(*d);
  if (const auto* b = std::get_if<Blob>(&v)) return std::string(b->bytes.begin(), b->bytes.end());
  return "";
}

Blob Row::blob(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* b = std::get_if<Blob>(&v)) return *b;
  if (is_null(i)) return Blob{};
  const std::string s = text(i);
  return Blob{std::vector<unsigned char>(s.begin(), s.end())};
}

std::optional<std::int64_t> Row::opt_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<std::string> Row::opt_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

}  // namespace innet::db
