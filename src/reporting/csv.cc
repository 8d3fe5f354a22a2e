// CSV rendering of a Table, and the size bound every format shares.
#include "reporting/table.h"

namespace innet::reporting {
namespace {

// A spreadsheet opening the CSV would run a cell starting with one of these as a formula (CSV
// injection, e.g. a guest's name typed as "=HYPERLINK(...)"); a leading apostrophe keeps it text.
bool formula_like(const std::string& s) {
  return !s.empty() &&
         (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

void append_field(std::string& out, const std::string& value) {
  const std::string v = formula_like(value) ? "'" + value : value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string cell_text(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::empty:
      return "";
    case Cell::Kind::text:
      return c.text;
    case Cell::Kind::integer:
    case Cell::Kind::money:
      return std::to_string(c.number);
  }
  return "";
}

}  // namespace

Status check_export_size(const std::vector<Table>& tables) {
  std::size_t rows = 0;
  for (const auto& t : tables) rows += t.rows.size();
  if (rows <= kMaxExportRows) return Status::success();
  return Error::make(ErrorKind::unprocessable, "export_too_large",
                     "the export would hold " + std::to_string(rows) + " rows, more than the " +
                         std::to_string(kMaxExportRows) + " a file may hold");
}

std::string to_csv(const Table& table) {
  std::string out;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i) out += ',';
    append_field(out, table.columns[i].name);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      append_field(out, cell_text(row[i]));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace innet::reporting
