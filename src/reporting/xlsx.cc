// XLSX rendering with libxlsxwriter (Debian's libxlsxwriter-dev; docs/decisions/0003). The
// library writes to a named file only (an in-memory buffer arrived in 1.1.5, Debian 12 has 1.1.4),
// so each workbook goes to a private temporary directory, is read back and removed.
#include <stdlib.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>

#include "reporting/table.h"

namespace innet::reporting {
namespace {

// Removes the temporary directory whatever happens to the workbook.
struct TempDir {
  std::filesystem::path path;
  ~TempDir() {
    std::error_code ignored;
    if (!path.empty()) std::filesystem::remove_all(path, ignored);
  }
};

Error failed(const std::string& what) {
  return Error::internal("xlsx export: " + what);
}

struct Formats {
  lxw_format* header;
  lxw_format* money;
  lxw_format* date;
};

// A YYYY-MM-DD text as a spreadsheet date; nothing for any other text.
std::optional<lxw_datetime> day_of(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  try {
    return lxw_datetime{std::stoi(iso.substr(0, 4)),
                        std::stoi(iso.substr(5, 2)),
                        std::stoi(iso.substr(8, 2)),
                        0,
                        0,
                        0};
  } catch (...) {
    return std::nullopt;
  }
}

Status write_sheet(lxw_worksheet* ws, const Table& t, const Formats& formats) {
  lxw_format* header = formats.header;
  lxw_format* money = formats.money;
  std::vector<std::size_t> widths(t.columns.size(), 8);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.columns[c].title.c_str(),
                               header) != LXW_NO_ERROR)
      return failed("header");
    widths[c] = std::max(widths[c], t.columns[c].title.size());
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < t.rows[r].size() && c < t.columns.size(); ++c) {
      const Cell& cell = t.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      lxw_error e = LXW_NO_ERROR;
      switch (cell.kind) {
        case Cell::Kind::empty:
          break;
        case Cell::Kind::text:
          // Written as a string cell, never a formula, whatever it starts with.
          e = worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
          widths[c] = std::max(widths[c], cell.text.size());
          break;
        case Cell::Kind::integer:
          e = worksheet_write_number(ws, row, col, static_cast<double>(cell.number), nullptr);
          break;
        case Cell::Kind::money:
          // Cents to euros for display only; every sum was done in integer cents.
          e = worksheet_write_number(ws, row, col, static_cast<double>(cell.number) / 100.0, money);
          widths[c] = std::max<std::size_t>(widths[c], 12);
          break;
        case Cell::Kind::date:
          if (auto day = day_of(cell.text)) {
            e = worksheet_write_datetime(ws, row, col, &*day, formats.date);
            widths[c] = std::max<std::size_t>(widths[c], 10);
          } else {
            e = worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
          }
          break;
      }
      if (e != LXW_NO_ERROR) return failed(lxw_strerror(e));
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::min<std::size_t>(widths[c], 60) + 2), nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  return Status::success();
}

}  // namespace

Result<std::string> to_xlsx(const std::vector<Table>& tables) {
  std::string pattern = (std::filesystem::temp_directory_path() / "innet-xlsx-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return failed("cannot create a temporary directory");
  TempDir dir{pattern};
  const auto file = (dir.path / "export.xlsx").string();

  lxw_workbook* wb = workbook_new(file.c_str());
  if (wb == nullptr) return failed("cannot create the workbook");
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  lxw_format* money = workbook_add_format(wb);
  // Euros, Italian (locale 410): "1.234,50 €" in an Italian Excel or LibreOffice. Grouping and
  // the decimal sign follow the reader's locale; the symbol and its place are fixed here.
  format_set_num_format(money, "#,##0.00 [$\xE2\x82\xAC-410];-#,##0.00 [$\xE2\x82\xAC-410]");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  Status written = Status::success();
  for (const auto& t : tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
    if (ws == nullptr) {
      written = failed("cannot add sheet " + t.name);
      break;
    }
    written = write_sheet(ws, t, {header, money, date});
    if (!written.ok()) break;
  }
  // Closing writes the file and frees the workbook, also after a failure above.
  const lxw_error closed = workbook_close(wb);
  if (!written.ok()) return written.take_error();
  if (closed != LXW_NO_ERROR) return failed(lxw_strerror(closed));

  std::ifstream in(file, std::ios::binary);
  if (!in) return failed("cannot read the workbook back");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace innet::reporting
