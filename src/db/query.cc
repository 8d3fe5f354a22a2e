#include "db/query.h"

#include <algorithm>

namespace innet::db {

std::string like_pattern(const std::string& text) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  std::string out = "%";
  for (char c : lower) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

Status expect_one(const Result<std::int64_t>& changed, const char* what) {
  if (!changed.ok()) return changed.error();
  if (*changed == 0) return Error::not_found(what);
  return Status::success();
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace innet::db
