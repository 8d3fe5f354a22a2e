// The directory's tables: one per HSDS table (directory_services, ...), a column per HSDS field
// holding its text as the interchange formats carry it, plus our profile's columns and the
// translations (decision 0034). Storage is written once over the description (hsds.h): the
// column names come from there, never from input, and every value is a bound parameter.
#pragma once

#include <cstddef>
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
#include "directory/translations.h"

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
};
// One page of a table's records, by id, with the total.
Result<db::Page<Record>> list(db::Connection& c, const Table& table, const ListFilter& filter,
                              const Paging& paging);
// The locations whose address and coordinates the public never sees.
Result<std::vector<std::string>> confidential_locations(db::Connection& c);

// Our profile: hides (or shows again) a location's address and coordinates from the public.
Status set_confidential(db::Connection& c, const std::string& location_id, bool confidential);

// Inserts the records the database does not hold and updates those that differ, in the
// caller's transaction; a record equal to the stored one is left alone. Only HSDS columns are
// written: our profile's (confidential, verification, translations) survive a re-import.
// Returns how many records were inserted or changed.
Result<std::size_t> save(db::Connection& c, const std::vector<Record>& records);

// Our profile's translations: inserts those the database does not hold and updates those whose
// text differs, in the caller's transaction; a translation absent from `translations` is left
// alone (as save leaves records alone). Returns how many were inserted or changed.
Result<std::size_t> save_translations(db::Connection& c,
                                      const std::vector<Translation>& translations);
// Every translation, sorted by table, record, field and language (bytewise).
Result<std::vector<Translation>> load_translations(db::Connection& c);

// Our profile: the day the listing was last checked with its provider (YYYY-MM-DD), and by
// whom when a user did it (the demo seed and an import name nobody).
Status set_last_verified(db::Connection& c, const std::string& service_id, const std::string& day,
                         std::optional<std::int64_t> user = std::nullopt);

// The weekly opening hours of a service: its own schedules and those of its places
// (service_at_location), for the search index (schedule.h).
Result<std::vector<WeeklyOpening>> service_openings(db::Connection& c,
                                                    const std::string& service_id);

}  // namespace innet::directory
