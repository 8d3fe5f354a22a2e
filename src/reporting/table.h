// Tables as files for offices: CSV (RFC 4180: ',' separated, '"' quoted, CRLF line ends, UTF-8,
// one header row) and XLSX (libxlsxwriter, see docs/decisions/0003-xlsx-export.md). A module
// builds its report as Tables once and every format renders the same tables, so they cannot
// disagree. Money: CSV carries integer cents (columns named *_cents), as the JSON does; XLSX
// shows euros with two decimals, because a spreadsheet is read by people.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace innet::reporting {

struct Cell {
  enum class Kind { empty, text, integer, money };
  Kind kind = Kind::empty;
  std::string text;
  std::int64_t number = 0;  // integer, or cents for money

  static Cell of(std::string s) { return {Kind::text, std::move(s), 0}; }
  static Cell of(std::int64_t n) { return {Kind::integer, {}, n}; }
  static Cell cents(std::int64_t c) { return {Kind::money, {}, c}; }
};

struct Column {
  std::string name;   // CSV header: stable, machine-readable
  std::string title;  // XLSX header: for people
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

std::string to_csv(const Table& table);
// The bytes of an .xlsx workbook with one sheet per table, in order.
Result<std::string> to_xlsx(const std::vector<Table>& tables);

inline constexpr const char* kCsvType = "text/csv; charset=utf-8";
inline constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace innet::reporting
