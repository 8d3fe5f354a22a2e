// Tables as files for offices: CSV ('"' quoted, CRLF line ends, UTF-8, one header row) and XLSX
// (libxlsxwriter, see docs/decisions/0003-xlsx-export.md). A module builds its report as Tables
// once and every format renders the same tables, so they cannot disagree.
// Two CSV styles (decision 0021):
// - data: RFC 4180 (',' separated), headers are the columns' stable names, money in integer cents
//   (columns named *_cents) as in the JSON, dates as YYYY-MM-DD: for programs.
// - office: what an Italian office's spreadsheet opens as it is: ';' separated, headers are the
//   columns' titles (from a label catalogue in the user's language, language.h), money in euros
//   with a decimal comma and no grouping ("1234,50"), dates dd/mm/yyyy, and a UTF-8 byte order
//   mark, without which Excel reads UTF-8 as Windows-1252 and garbles accents and Arabic names.
// XLSX shows euros as currency cells and dates as date cells, both with Italian formats.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace innet::reporting {

struct Cell {
  enum class Kind { empty, text, integer, money, date };
  Kind kind = Kind::empty;
  std::string text;
  std::int64_t number = 0;  // integer, or cents for money
  // A date's text is YYYY-MM-DD.

  static Cell of(std::string s) { return {Kind::text, std::move(s), 0}; }
  static Cell of(std::int64_t n) { return {Kind::integer, {}, n}; }
  static Cell cents(std::int64_t c) { return {Kind::money, {}, c}; }
  static Cell date(std::string iso_day) { return {Kind::date, std::move(iso_day), 0}; }
};

struct Column {
  std::string name;   // data CSV header: stable, machine-readable
  std::string title;  // office CSV and XLSX header: for people
};

struct Table {
  std::string name;  // XLSX sheet name (at most 31 characters)
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

// Files are built in memory on a worker, so their size is bounded: a file whose tables hold
// more rows than this is refused with 422 "export_too_large" before it is rendered. The bound
// covers a month of daily differences for a centre of 1,600 guests.
inline constexpr std::size_t kMaxExportRows = 50000;
Status check_export_size(const std::vector<Table>& tables);

enum class CsvStyle { data, office };
std::string to_csv(const Table& table, CsvStyle style = CsvStyle::data);
// The bytes of an .xlsx workbook with one sheet per table, in order.
Result<std::string> to_xlsx(const std::vector<Table>& tables);

inline constexpr const char* kCsvType = "text/csv; charset=utf-8";
inline constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace innet::reporting
