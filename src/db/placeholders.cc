// Storage code writes `?` placeholders once; PostgreSQL wants $1, $2, ... A `?` inside a string
// literal, a quoted identifier or a comment is text, not a parameter, so the scan tracks those.
// Only the SQL that both engines understand is recognised: '...' and "..." with doubled quotes as
// escapes, -- line comments and /* */ block comments.

#include "db/database.h"

#include <string>
#include <string_view>

namespace innet::db {

namespace {

// Returns the index just past the quoted run that opens at `start`; a doubled quote stays inside.
std::size_t skip_quoted(std::string_view sql, std::size_t start) {
  const char quote = sql[start];
  std::size_t i = start + 1;
  while (i < sql.size()) {
    if (sql[i] != quote) {
      ++i;
    } else if (i + 1 < sql.size() && sql[i + 1] == quote) {
      i += 2;
    } else {
      return i + 1;
    }
  }
  return sql.size();
}

std::size_t skip_past(std::string_view sql, std::size_t start, std::string_view terminator) {
  const std::size_t end = sql.find(terminator, start);
  return end == std::string_view::npos ? sql.size() : end + terminator.size();
}

}  // namespace

std::string to_postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next_parameter = 1;
  std::size_t i = 0;
  while (i < sql.size()) {
    std::size_t verbatim_end = i + 1;
    const char c = sql[i];
    if (c == '?') {
      out += '$';
      out += std::to_string(next_parameter++);
      ++i;
      continue;
    }
    if (c == '\'' || c == '"') {
      verbatim_end = skip_quoted(sql, i);
    } else if (sql.substr(i, 2) == "--") {
      verbatim_end = skip_past(sql, i + 2, "\n");
    } else if (sql.substr(i, 2) == "/*") {
      verbatim_end = skip_past(sql, i + 2, "*/");
    }
    out.append(sql.substr(i, verbatim_end - i));
    i = verbatim_end;
  }
  return out;
}

}  // namespace innet::db
