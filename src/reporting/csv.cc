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

// `text`: typed by someone, so guarded against formulas; numbers we wrote are not (a negative
// amount starts with '-').
void append_field(std::string& out, const std::string& value, char separator, bool text = true) {
  const std::string v = text && formula_like(value) ? "'" + value : value;
  if (v.find_first_of(std::string{separator} + "\"\r\n") == std::string::npos) {
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

// Euros with a decimal comma and no grouping: "-1234,05".
std::string euros(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::uint64_t abs =
      negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  std::string decimals = std::to_string(abs % 100);
  if (decimals.size() < 2) decimals.insert(0, "0");
  return (negative ? "-" : "") + std::to_string(abs / 100) + "," + decimals;
}

// YYYY-MM-DD as dd/mm/yyyy; any other text as it is.
std::string italian_day(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string cell_text(const Cell& c, CsvStyle style) {
  switch (c.kind) {
    case Cell::Kind::empty:
      return "";
    case Cell::Kind::text:
      return c.text;
    case Cell::Kind::date:
      return style == CsvStyle::office ? italian_day(c.text) : c.text;
    case Cell::Kind::integer:
      return std::to_string(c.number);
    case Cell::Kind::money:
      return style == CsvStyle::office ? euros(c.number) : std::to_string(c.number);
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

std::string to_csv(const Table& table, CsvStyle style) {
  const bool office = style == CsvStyle::office;
  const char separator = office ? ';' : ',';
  std::string out = office ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i) out += separator;
    append_field(out, office ? table.columns[i].title : table.columns[i].name, separator);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += separator;
      append_field(out, cell_text(row[i], style), separator, row[i].kind == Cell::Kind::text);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace innet::reporting
