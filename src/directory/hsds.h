// The HSDS 3.1 tables (Open Referral's Human Services Data Specification), described once as
// data: each table's fields in the order of its CSV columns, their kinds, which are required,
// which name another table's record, and which objects the JSON nests in it. The import, the
// export, the validation and the storage of the directory are written once over this
// description rather than once per table (decision 0034), so adding a field is one line here
// (and a migration). The description follows the vendored schemas in tests/directory/hsds/schema
// field for field; tests/directory/hsds_test.cc checks that it does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace innet::directory {

enum class Kind {
  text,
  uuid,      // 8-4-4-4-12 hexadecimal digits
  email,     // as core's is_valid_email
  uri,       // an absolute URI: scheme ":" then no spaces
  date,      // YYYY-MM-DD
  time,      // HH:MM or HH:MM:SS, optionally followed by Z or an offset (+01:00)
  datetime,  // YYYY-MM-DDTHH:MM:SS, optional fraction, then Z or an offset
  number,    // a JSON number; in CSV its decimal text
  choice,    // one of `choices`
};

struct Field {
  std::string_view name;
  Kind kind = Kind::text;
  bool required = false;
  // For a uuid that names a record of another table (e.g. service_id names a "service").
  std::string_view names = {};
  // True when HSDS lets the record named live outside the data (another directory's parent
  // organisation, an external taxonomy): such a reference is kept even when nothing here has
  // that id. Every other reference must name a record of the same data or of the database.
  bool may_be_outside = false;
  std::vector<std::string_view> choices = {};
};

// An object the JSON nests in a record of the table (service_full.json's "phones",
// "organization"...). An array's objects name their parent in `via` (a phone's service_id);
// a single object is the one the parent names in its own field `via` (a service's
// organization_id).
struct Nested {
  std::string_view key;
  std::string_view table;
  bool many;
  std::string_view via;
};

struct Table {
  std::string_view name;      // the HSDS object: "service"
  std::string_view resource;  // the data package's resource and CSV file stem: "services"
  std::string_view sql;       // our table: "directory_services"
  std::vector<Field> fields;  // in the CSV's column order; "id" first
  std::vector<Nested> nested;

  const Field* field(std::string_view name) const;
  std::optional<std::size_t> index_of(std::string_view name) const;
};

// Every table, in the order of the HSDS data package (organizations first).
const std::vector<Table>& tables();
// The table of an HSDS object name ("service") or resource name ("services"); nullptr if none.
const Table* table(std::string_view name);

}  // namespace innet::directory
