// Days written as literals in tests: "2026-06-10"_day. A literal that is not a valid day is a
// mistake in the test, reported by an exception that fails it.
#pragma once

#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>

#include "core/civil_day.h"

namespace innet {

inline CivilDay operator""_day(const char* text, std::size_t size) {
  if (auto day = CivilDay::parse({text, size})) return *day;
  throw std::invalid_argument("not a day: " + std::string(text, size));
}

// How GoogleTest prints a day in a failure message.
inline void PrintTo(CivilDay day, std::ostream* out) {
  *out << day.to_string();
}

}  // namespace innet
