// The directory's tables: one per HSDS table (directory_services, ...), a column per HSDS field
// holding its text as the interchange formats carry it, plus our profile's columns and the
// translations (decision 0034). Storage is written once over the description (hsds.h): the
// column names come from there, never from input, and every value is a bound parameter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "directory/records.h"
#include "directory/schedule.h"

namespace innet::directory {

std::vector<db::Migration> migrations(db::Engine engine);

// The records of a table, by id; or those whose `field` is `value` (a service's phones).
Result<std::vector<Record>> load(db::Connection& c, const Table& table);
Result<std::vector<Record>> load_where(db::Connection& c, const Table& table,
                                       std::string_view field, const std::string& value);
Result<std::optional<Record>> find(db::Connection& c, const Table& table, const std::string& id);
// Which of `ids` the table holds.
Result<std::vector<std::string>> existing_ids(db::Connection& c, const Table& table,
                                              const std::vector<std::string>& ids);

// The filters of the HSDS API's lists (unset: no filter). Which apply to which table: services
// and service_at_location take organization_id, taxonomy_term_id, taxonomy_id, modified_after
// (a service's last_modified, compared as ISO text) and postcode (an address of one of its
// places, never a confidential one); taxonomy terms take taxonomy_id, parent_id and top_only.
struct ListFilter {
  std::optional<std::string> organization_id, taxonomy_term_id, taxonomy_id, modified_after,
      postcode, parent_id;
  bool top_only = false;
  // Only these records (at most 500: the HSDS search pages through the index's ids in batches).
  std::optional<std::vector<std::string>> ids;
};
// One page of a table's records, by id, with the total.
Result<db::Page<Record>> list(db::Connection& c, const Table& table, const ListFilter& filter,
                              const Paging& paging);
// The locations whose address and coordinates the public never sees.
Result<std::vector<std::string>> confidential_locations(db::Connection& c);

// The records of a table whose `field` is one of `values` (batched; any order).
Result<std::vector<Record>> load_in(db::Connection& c, const Table& table, std::string_view field,
                                    const std::vector<std::string>& values);

// Our profile's translations as stored: of every record of a table (nullopt) or of some.
struct StoredTranslation {
  std::string record_id, field, language, text;
};
Result<std::vector<StoredTranslation>> load_translations(
    db::Connection& c, std::string_view table_name,
    const std::optional<std::vector<std::string>>& record_ids);
// Our profile's verification day of these services (id -> YYYY-MM-DD), those that have one.
Result<std::vector<std::pair<std::string, std::string>>> verified_on(
    db::Connection& c, const std::vector<std::string>& service_ids);
// The records an attribute links to this term (services, mostly).
Result<std::vector<std::string>> service_ids_of_taxonomy_term(db::Connection& c,
                                                              const std::string& term_id);

// Change tracking for the search index (decision 0037). save() and set_confidential() stamp
// the services their records touch; a writer that changes the directory's tables any other way
// (a translation, a deletion of a related record) calls note_changes in its transaction with the
// HSDS object name of the records ("service", "location", "schedule"...) it wrote.
Status note_changes(db::Connection& c, std::string_view table_name,
                    const std::vector<std::string>& record_ids);
// The counter's value: every stamp up to it has committed.
Result<std::int64_t> change_counter(db::Connection& c);
// The services stamped after `seq`.
Result<std::vector<std::string>> services_changed_since(db::Connection& c, std::int64_t seq);

// Which of these locations are confidential (the answers' few places, not the whole table).
Result<std::vector<std::string>> confidential_among(db::Connection& c,
                                                    const std::vector<std::string>& location_ids);

// Our profile: hides (or shows again) a location's address and coordinates from the public.
Status set_confidential(db::Connection& c, const std::string& location_id, bool confidential);

// Inserts the records the database does not hold and updates those that differ, in the
// caller's transaction; a record equal to the stored one is left alone. Only HSDS columns are
// written: our profile's (confidential, verification, translations) survive a re-import.
// Returns how many records were inserted or changed.
Result<std::size_t> save(db::Connection& c, const std::vector<Record>& records);

// The weekly opening hours of a service: its own schedules and those of its places
// (service_at_location), for the search index (schedule.h).
Result<std::vector<WeeklyOpening>> service_openings(db::Connection& c,
                                                    const std::string& service_id);

}  // namespace innet::directory
