// An HSDS record as the directory reads, checks, stores and writes it: the values of one row of
// one table (hsds.h), as text, with where it was read so that a refusal names its file and row.
// The checks are the schemas' (required fields, formats, choices) and the schedules'
// recurrence rules (schedule.h); references between records are checked by the import, which
// sees all of them (interchange.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.h"
#include "directory/hsds.h"

namespace innet::directory {

struct Record {
  const Table* table = nullptr;
  // One per table->fields; nullopt when absent (an empty CSV cell, a JSON null or no member).
  // A number is kept as its decimal text, as the CSV has it.
  std::vector<std::optional<std::string>> values;
  std::string file;     // where it was read: "services.csv", "service_full.json"
  std::size_t row = 0;  // CSV: the spreadsheet's row (the header is row 1); JSON: the item, from 1
  std::string path;     // JSON: where in the item ("service_at_locations[0].location."), else ""

  explicit Record(const Table& t) : table(&t), values(t.fields.size()) {}
  const std::optional<std::string>& value(std::string_view field) const;
  void set(std::string_view field, std::optional<std::string> value);
  const std::string& id() const { return *values.at(0); }  // checked present by check_record
  bool operator==(const Record& other) const {
    return table == other.table && values == other.values;
  }
};

// A refused value: file, row and field (a JSON path for nested objects), and why.
struct Rejection {
  std::string file;
  std::size_t row = 0;
  std::string field;
  FieldError reason;
};
Rejection reject(const Record& record, std::string_view field, FieldError reason);

bool is_uuid(std::string_view text);
bool is_uri(std::string_view text);
bool is_time(std::string_view text);
bool is_timestamp(std::string_view text);
bool is_number(std::string_view text);
bool is_utf8(std::string_view text);

// Why `text` is not a value of `field`, if it is not (its kind, its choices; not "required").
std::optional<FieldError> check_value(const Field& field, std::string_view text);
// Every refusal of one record on its own: required fields, values, and for a schedule its
// recurrence (schedule.h). Appends to `out`.
void check_record(const Record& record, std::vector<Rejection>& out);

}  // namespace innet::directory
