// HSDS in and out: the tabular data package (a folder of CSV files with datapackage.json) and
// the JSON of the HSDS API (a service with its nested objects, as examples/service_full.json).
// An import reads everything, checks everything (every record against the schemas, every
// reference against the data and the database) and reports every refusal with its file, row
// and field; only when there is none does it write, all in one transaction, changing only the
// records that differ (decision 0034). Our profile's translations travel with the records: a
// "translations" member on a JSON object ({"en": {"name": "...", "description": "..."}, "ar":
// {...}}), and translations.csv in a tabular package (columns table_name, record_id, field,
// language, text; table_name is the HSDS object, "service"); translations.h says which fields.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "db/database.h"
#include "directory/records.h"
#include "directory/translations.h"

namespace innet::directory {

struct Package {
  std::vector<Record> records;
  std::vector<Translation> translations;
  std::vector<Rejection> rejections;
};

// A folder with datapackage.json: the CSV files its resources name (the standard names
// "services.csv"... and translations.csv when it lists none; the resource "translations" when
// it does). Every cell is checked (check_record, and each translation's table, field and
// language).
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
// hsds.h), a translation of a record that is in neither, one text given twice with different
// words. Returns how many references point outside the data.
Result<std::size_t> check_references(db::Connection& c, Package& package);

struct ImportReport {
  std::size_t records = 0;       // read
  std::size_t translations = 0;  // read
  // Records and translations inserted or updated: 0 when the same data is imported again.
  std::size_t changed = 0;
  std::size_t outside_references = 0;
  std::vector<Rejection> rejections;  // when not empty, nothing was written
};
// Checks a package read by read_* against the database and, when nothing is refused, saves its
// records and translations in the caller's transaction (the demo seed's, or import_hsds's).
// With refusals it writes nothing and returns them in the report.
Result<ImportReport> check_and_save(db::Connection& c, Package package);

// Reads, checks and saves in one transaction; `before_commit` adds the caller's own writes
// (the CLI's audit entry) to it.
Result<ImportReport> import_hsds(
    db::Connection& c, const std::filesystem::path& path, const Table& root,
    const std::function<Status(db::Connection&, const ImportReport&)>& before_commit = nullptr);

// How nest finds the records linked to one: those of `table` whose `field` is `value`.
using Lookup = std::function<Result<std::vector<Record>>(const Table& table, std::string_view field,
                                                         const std::string& value)>;
Lookup database_lookup(db::Connection& c);
// The translations of each record, as the JSON's "translations" member: (table, record id) ->
// {"en": {"name": "..."}}.
using TranslationIndex = std::map<std::pair<std::string, std::string>, nlohmann::json>;
TranslationIndex index_translations(const std::vector<Translation>& translations);

// A record as the HSDS API's JSON: its fields, and its nested objects as its table describes
// them, each table at most once on a path (a service's organization does not list the services
// again). Numbers are JSON numbers; absent values and empty arrays are left out. Not `full`:
// the record's fields and the single objects it names (a service's organization and program,
// without their own nested objects), as the HSDS API's lists give them. With `translations`
// (the export), each record that has some carries them in its "translations" member.
Result<nlohmann::json> nest(const Record& record, const Lookup& lookup, bool full = true,
                            const TranslationIndex* translations = nullptr);

// The whole directory as a tabular package in `folder` (created if needed): one CSV per table,
// header row included even when empty, translations.csv, and datapackage.json.
Status write_tabular(db::Connection& c, const std::filesystem::path& folder);
// The whole directory as a JSON array of services with their nested objects and translations.
Result<std::string> write_json(db::Connection& c);

std::string to_csv_cell(std::string_view text);

}  // namespace innet::directory
