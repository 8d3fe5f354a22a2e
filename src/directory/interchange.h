// HSDS in and out: the tabular data package (a folder of CSV files with datapackage.json) and
// the JSON of the HSDS API (a service with its nested objects, as examples/service_full.json).
// An import reads everything, checks everything (every record against the schemas, every
// reference against the data and the database) and reports every refusal with its file, row
// and field; only when there is none does it write, all in one transaction, changing only the
// records that differ (decision 0034).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "db/database.h"
#include "directory/records.h"

namespace innet::directory {

struct Package {
  std::vector<Record> records;
  std::vector<Rejection> rejections;
};

// A folder with datapackage.json: the CSV files its resources name (the standard names
// "services.csv"... when it lists none). Every cell is checked (check_record).
Package read_tabular(const std::filesystem::path& folder);
// A JSON document of `root` objects (service by default): one object, an array of them, or an
// HSDS page ({"contents": [...]}). Nested objects become records of their tables, linked to
// their parent; an object given twice (a phone under its service and under its contact) is one
// record, refused when the copies disagree.
Package read_json(std::string_view text, const std::string& file, const Table& root);
// read_tabular for a folder, read_json for a file.
Package read_path(const std::filesystem::path& path, const Table& root);

// Appends the refusals that need every record and the database: an id given twice in a table,
// a reference to no record of the data nor of the database (unless HSDS lets it point outside,
// hsds.h). Returns how many references point outside the data.
Result<std::size_t> check_references(db::Connection& c, Package& package);

struct ImportReport {
  std::size_t records = 0;  // read
  std::size_t changed = 0;  // inserted or updated: 0 when the same data is imported again
  std::size_t outside_references = 0;
  std::vector<Rejection> rejections;  // when not empty, nothing was written
};
// Reads, checks and saves in one transaction; `before_commit` adds the caller's own writes
// (the CLI's audit entry) to it.
Result<ImportReport> import_hsds(
    db::Connection& c, const std::filesystem::path& path, const Table& root,
    const std::function<Status(db::Connection&, const ImportReport&)>& before_commit = nullptr);

// How nest finds the records linked to one: those of `table` whose `field` is `value`.
using Lookup = std::function<Result<std::vector<Record>>(const Table& table, std::string_view field,
                                                         const std::string& value)>;
Lookup database_lookup(db::Connection& c);
// A record as the HSDS API's JSON: its fields, and its nested objects as its table describes
// them, each table at most once on a path (a service's organization does not list the services
// again). Numbers are JSON numbers; absent values and empty arrays are left out. Not `full`:
// the record's fields and the single objects it names (a service's organization and program,
// without their own nested objects), as the HSDS API's lists give them.
Result<nlohmann::json> nest(const Record& record, const Lookup& lookup, bool full = true);

// The whole directory as a tabular package in `folder` (created if needed): one CSV per table,
// header row included even when empty, and datapackage.json.
Status write_tabular(db::Connection& c, const std::filesystem::path& folder);
// The whole directory as a JSON array of services with their nested objects.
Result<std::string> write_json(db::Connection& c);

std::string to_csv_cell(std::string_view text);

}  // namespace innet::directory
