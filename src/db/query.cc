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

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto comma = text.find(',', at);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(text.substr(at, comma - at));
    at = comma + 1;
  }
  return out;
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

Status insert_many(Connection& conn, const std::string& insert, std::size_t width,
                   std::size_t count, const std::function<void(std::size_t, Params&)>& row,
                   std::size_t per_statement) {
  const std::string one = "(" + placeholders(width) + ")";
  std::size_t at = 0;
  // Statements of per_statement rows, then of a quarter of that, down to one row: whatever the
  // count, a handful of statement texts, so the connection's statement cache stays small.
  for (std::size_t size = std::max<std::size_t>(per_statement, 1); at < count;
       size = std::max<std::size_t>(size / 4, 1)) {
    if (count - at < size) continue;
    std::string sql = insert;
    for (std::size_t k = 0; k < size; ++k) sql += k ? ", " + one : one;
    for (; count - at >= size; at += size) {
      Params params;
      params.reserve(size * width);
      for (std::size_t k = 0; k < size; ++k) row(at + k, params);
      INNET_TRY(conn.execute(sql, params));
    }
  }
  return Status::success();
}

Result<std::vector<std::int64_t>> move_rows(Connection& conn, const std::string& table,
                                            const std::string& column, std::int64_t from,
                                            std::int64_t to) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("UPDATE " + table + " SET " + column +
                                                   " = ? WHERE " + column + " = ? RETURNING id",
                                               {to, from}));
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.integer(0));
  return ids;
}

Status move_rows_back(Connection& conn, const std::string& table, const std::string& column,
                      const std::vector<std::int64_t>& ids, std::int64_t to, std::int64_t from) {
  for (auto id : ids)
    INNET_TRY(conn.execute(
        "UPDATE " + table + " SET " + column + " = ? WHERE id = ? AND " + column + " = ?",
        {from, id, to}));
  return Status::success();
}

}  // namespace innet::db
