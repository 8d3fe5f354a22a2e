// An optional value as JSON: the value, or null. nlohmann::json 3.11 (Debian 12's) has no
// conversion for std::optional, and a field the API describes as nullable must be present as null
// rather than left out.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

namespace innet {

template <typename T>
nlohmann::json value_or_null(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace innet
