#include "directory/storage.h"

#include <set>
#include <unordered_map>

#include "db/query.h"
#include "directory/profile.h"

namespace innet::directory {
namespace {

// Identifiers are quoted: HSDS names columns "interval", "option", "count"...
std::string quoted(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

std::string column_list(const Table& table) {
  std::string out;
  for (const auto& f : table.fields) out += (out.empty() ? "" : ", ") + quoted(f.name);
  return out;
}

std::string select_from(const Table& table) {
  return "SELECT " + column_list(table) + " FROM " + std::string(table.sql);
}

std::vector<Record> records_of(const Table& table, const db::Rows& rows) {
  std::vector<Record> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    Record r(table);
    for (std::size_t i = 0; i < table.fields.size(); ++i) r.values[i] = row.opt_text(i);
    out.push_back(std::move(r));
  }
  return out;
}

db::Params params_of(const Record& r) {
  db::Params p;
  p.reserve(r.values.size() + 1);
  for (const auto& v : r.values) p.push_back(db::optional_value(v));
  return p;
}

// Bound parameters per statement: SQLite's default limit is 32766, PostgreSQL's 65535.
constexpr std::size_t kIdsPerQuery = 500;

// Migration 2's data: the profile's taxonomies and terms (profile.h) as HSDS rows, Italian in
// the HSDS columns and the other five languages in directory_translations, from the one list of
// labels that GET /api/v1/directory/terms answers too.
Status install_profile(db::Connection& c);

// The services a record's write may change for search: itself (a service), the services of an
// organisation, of a location (its address, its coordinates, its hours...), of a place
// (service_at_location), or named by a service_id or an attribute's link_id.
struct Touched {
  std::set<std::string> services, organizations, locations, places;
  bool empty() const {
    return services.empty() && organizations.empty() && locations.empty() && places.empty();
  }
  void add(const Record& r) {
    const std::string_view name = r.table->name;
    if (name == "service") services.insert(r.id());
    if (name == "organization") organizations.insert(r.id());
    if (name == "location") locations.insert(r.id());
    if (name == "service_at_location") places.insert(r.id());
    if (name == "taxonomy" || name == "taxonomy_term" || name == "metadata") return;
    auto named = [&](std::string_view field, std::set<std::string>& into) {
      if (!r.table->field(field)) return;
      if (const auto& v = r.value(field)) into.insert(*v);
    };
    named("service_id", services);
    named("location_id", locations);
    named("service_at_location_id", places);
    if (name == "attribute") named("link_id", services);
  }
  void add(std::string_view table_name, const std::string& id) {
    if (table_name == "service") services.insert(id);
    if (table_name == "organization") organizations.insert(id);
    if (table_name == "location") locations.insert(id);
    if (table_name == "service_at_location") places.insert(id);
  }
};

Status stamp(db::Connection& c, const Touched& touched) {
  if (touched.empty()) return Status::success();
  INNET_TRY(c.execute("UPDATE directory_change_counter SET value = value + 1 WHERE id = 1"));
  INNET_ASSIGN_OR_RETURN(auto rows,
                         c.query("SELECT value FROM directory_change_counter WHERE id = 1"));
  if (rows.empty()) return Error::internal("directory_change_counter has no row");
  const std::int64_t seq = rows[0].integer(0);
  auto run = [&](const std::set<std::string>& ids, const std::string& condition) -> Status {
    std::vector<std::string> all(ids.begin(), ids.end());
    for (std::size_t from = 0; from < all.size(); from += kIdsPerQuery) {
      const std::size_t to = std::min(all.size(), from + kIdsPerQuery);
      db::Params p{seq};
      p.insert(p.end(), all.begin() + from, all.begin() + to);
      std::string sql = "UPDATE directory_services SET change_seq = ? WHERE " + condition;
      sql.replace(sql.find("%"), 1, db::placeholders(to - from));
      INNET_TRY(c.execute(sql, p));
    }
    return Status::success();
  };
  INNET_TRY(run(touched.services, "id IN (%)"));
  INNET_TRY(run(touched.organizations, "organization_id IN (%)"));
  INNET_TRY(run(touched.places,
                "id IN (SELECT service_id FROM directory_service_at_location WHERE id IN (%))"));
  INNET_TRY(run(touched.locations,
                "id IN (SELECT service_id FROM directory_service_at_location WHERE "
                "location_id IN (%))"));
  return Status::success();
}

}  // namespace

std::vector<db::Migration> migrations(db::Engine) {
  // One table per HSDS table, a TEXT column per field (numbers as their decimal text, days and
  // times as ISO text: what the CSV and JSON carry, so that an export gives back what was
  // imported), NOT NULL where HSDS requires the field. References between HSDS records are
  // checked by the import (some may name records outside the data, hsds.h), so they are
  // indexed rather than declared. Our profile's columns follow the HSDS ones.
  return {{1, "directory: the HSDS 3.1 tables and our profile's columns", R"sql(
CREATE TABLE directory_organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  alternate_name TEXT,
  description TEXT NOT NULL,
  email TEXT,
  website TEXT,
  tax_status TEXT,
  tax_id TEXT,
  year_incorporated TEXT,
  legal_status TEXT,
  logo TEXT,
  uri TEXT,
  parent_organization_id TEXT,
  -- Our profile (decision 0034): the InNet organisation (accounts) that keeps the listing.
  innet_organization_id BIGINT REFERENCES organizations (id)
);
CREATE INDEX directory_organizations_parent_organization_id ON directory_organizations (parent_organization_id);
CREATE TABLE directory_programs (
  id TEXT PRIMARY KEY,
  organization_id TEXT,
  name TEXT NOT NULL,
  alternate_name TEXT,
  description TEXT NOT NULL
);
CREATE INDEX directory_programs_organization_id ON directory_programs (organization_id);
CREATE TABLE directory_services (
  id TEXT PRIMARY KEY,
  organization_id TEXT,
  program_id TEXT,
  name TEXT NOT NULL,
  alternate_name TEXT,
  description TEXT,
  url TEXT,
  email TEXT,
  status TEXT NOT NULL,
  interpretation_services TEXT,
  application_process TEXT,
  fees_description TEXT,
  wait_time TEXT,
  fees TEXT,
  accreditations TEXT,
  eligibility_description TEXT,
  minimum_age TEXT,
  maximum_age TEXT,
  assured_date TEXT,
  assurer_email TEXT,
  licenses TEXT,
  alert TEXT,
  last_modified TEXT,
  -- Our profile: when the listing was last checked with its provider, and by whom, apart
  -- from last_modified (its last edit).
  last_verified_on TEXT,
  verified_by BIGINT REFERENCES users (id)
);
CREATE INDEX directory_services_organization_id ON directory_services (organization_id);
CREATE INDEX directory_services_program_id ON directory_services (program_id);
CREATE TABLE directory_attributes (
  id TEXT PRIMARY KEY,
  link_id TEXT,
  taxonomy_term_id TEXT,
  link_type TEXT,
  link_entity TEXT,
  value TEXT
);
CREATE INDEX directory_attributes_taxonomy_term_id ON directory_attributes (taxonomy_term_id);
CREATE INDEX directory_attributes_link_id ON directory_attributes (link_id);
CREATE TABLE directory_service_at_location (
  id TEXT PRIMARY KEY,
  service_id TEXT,
  location_id TEXT,
  description TEXT
);
CREATE INDEX directory_service_at_location_service_id ON directory_service_at_location (service_id);
CREATE INDEX directory_service_at_location_location_id ON directory_service_at_location (location_id);
CREATE TABLE directory_locations (
  id TEXT PRIMARY KEY,
  location_type TEXT NOT NULL,
  url TEXT,
  organization_id TEXT,
  name TEXT,
  alternate_name TEXT,
  description TEXT,
  transportation TEXT,
  latitude TEXT,
  longitude TEXT,
  external_identifier TEXT,
  external_identifier_type TEXT,
  -- Our profile: a shelter's address and coordinates are never shown to the public.
  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1))
);
CREATE INDEX directory_locations_organization_id ON directory_locations (organization_id);
CREATE TABLE directory_phones (
  id TEXT PRIMARY KEY,
  location_id TEXT,
  service_id TEXT,
  organization_id TEXT,
  contact_id TEXT,
  service_at_location_id TEXT,
  number TEXT NOT NULL,
  extension TEXT,
  type TEXT,
  description TEXT
);
CREATE INDEX directory_phones_location_id ON directory_phones (location_id);
CREATE INDEX directory_phones_service_id ON directory_phones (service_id);
CREATE INDEX directory_phones_organization_id ON directory_phones (organization_id);
CREATE INDEX directory_phones_contact_id ON directory_phones (contact_id);
CREATE INDEX directory_phones_service_at_location_id ON directory_phones (service_at_location_id);
CREATE TABLE directory_contacts (
  id TEXT PRIMARY KEY,
  organization_id TEXT,
  service_id TEXT,
  service_at_location_id TEXT,
  location_id TEXT,
  name TEXT,
  title TEXT,
  department TEXT,
  email TEXT
);
CREATE INDEX directory_contacts_organization_id ON directory_contacts (organization_id);
CREATE INDEX directory_contacts_service_id ON directory_contacts (service_id);
CREATE INDEX directory_contacts_service_at_location_id ON directory_contacts (service_at_location_id);
CREATE INDEX directory_contacts_location_id ON directory_contacts (location_id);
CREATE TABLE directory_addresses (
  id TEXT PRIMARY KEY,
  location_id TEXT,
  attention TEXT,
  address_1 TEXT NOT NULL,
  address_2 TEXT,
  city TEXT NOT NULL,
  region TEXT,
  state_province TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  country TEXT NOT NULL,
  address_type TEXT NOT NULL
);
CREATE INDEX directory_addresses_location_id ON directory_addresses (location_id);
CREATE TABLE directory_schedules (
  id TEXT PRIMARY KEY,
  service_id TEXT,
  location_id TEXT,
  service_at_location_id TEXT,
  valid_from TEXT,
  valid_to TEXT,
  dtstart TEXT,
  timezone TEXT,
  until TEXT,
  count TEXT,
  wkst TEXT,
  freq TEXT,
  interval TEXT,
  byday TEXT,
  byweekno TEXT,
  bymonthday TEXT,
  byyearday TEXT,
  description TEXT,
  opens_at TEXT,
  closes_at TEXT,
  schedule_link TEXT,
  attending_type TEXT,
  notes TEXT
);
CREATE INDEX directory_schedules_service_id ON directory_schedules (service_id);
CREATE INDEX directory_schedules_location_id ON directory_schedules (location_id);
CREATE INDEX directory_schedules_service_at_location_id ON directory_schedules (service_at_location_id);
CREATE TABLE directory_funding (
  id TEXT PRIMARY KEY,
  organization_id TEXT,
  service_id TEXT,
  source TEXT
);
CREATE INDEX directory_funding_organization_id ON directory_funding (organization_id);
CREATE INDEX directory_funding_service_id ON directory_funding (service_id);
CREATE TABLE directory_service_areas (
  id TEXT PRIMARY KEY,
  service_id TEXT,
  name TEXT,
  description TEXT,
  extent TEXT,
  extent_type TEXT,
  uri TEXT
);
CREATE INDEX directory_service_areas_service_id ON directory_service_areas (service_id);
CREATE TABLE directory_required_documents (
  id TEXT PRIMARY KEY,
  service_id TEXT,
  document TEXT,
  uri TEXT
);
CREATE INDEX directory_required_documents_service_id ON directory_required_documents (service_id);
CREATE TABLE directory_languages (
  id TEXT PRIMARY KEY,
  service_id TEXT,
  location_id TEXT,
  phone_id TEXT,
  name TEXT,
  code TEXT,
  note TEXT
);
CREATE INDEX directory_languages_service_id ON directory_languages (service_id);
CREATE INDEX directory_languages_location_id ON directory_languages (location_id);
CREATE INDEX directory_languages_phone_id ON directory_languages (phone_id);
CREATE TABLE directory_accessibility (
  id TEXT PRIMARY KEY,
  location_id TEXT,
  description TEXT,
  details TEXT,
  url TEXT
);
CREATE INDEX directory_accessibility_location_id ON directory_accessibility (location_id);
CREATE TABLE directory_taxonomy_terms (
  id TEXT PRIMARY KEY,
  code TEXT,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  parent_id TEXT,
  taxonomy TEXT,
  language TEXT,
  taxonomy_id TEXT,
  term_uri TEXT
);
CREATE INDEX directory_taxonomy_terms_parent_id ON directory_taxonomy_terms (parent_id);
CREATE INDEX directory_taxonomy_terms_taxonomy_id ON directory_taxonomy_terms (taxonomy_id);
CREATE TABLE directory_metadata (
  id TEXT PRIMARY KEY,
  resource_id TEXT,
  resource_type TEXT,
  last_action_date TEXT NOT NULL,
  last_action_type TEXT NOT NULL,
  field_name TEXT NOT NULL,
  previous_value TEXT NOT NULL,
  replacement_value TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX directory_metadata_resource_id ON directory_metadata (resource_id);
CREATE TABLE directory_meta_table_descriptions (
  id TEXT PRIMARY KEY,
  name TEXT,
  language TEXT,
  character_set TEXT
);
CREATE TABLE directory_cost_options (
  id TEXT PRIMARY KEY,
  service_id TEXT,
  valid_from TEXT,
  valid_to TEXT,
  option TEXT,
  currency TEXT,
  amount TEXT,
  amount_description TEXT
);
CREATE INDEX directory_cost_options_service_id ON directory_cost_options (service_id);
CREATE TABLE directory_organization_identifiers (
  id TEXT PRIMARY KEY,
  organization_id TEXT,
  identifier_scheme TEXT,
  identifier_type TEXT NOT NULL,
  identifier TEXT NOT NULL
);
CREATE INDEX directory_organization_identifiers_organization_id ON directory_organization_identifiers (organization_id);
CREATE TABLE directory_taxonomies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  uri TEXT,
  version TEXT
);
CREATE TABLE directory_translations (
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('it', 'en', 'fr', 'ar', 'uk', 'bn')),
  text TEXT NOT NULL,
  PRIMARY KEY (table_name, record_id, field, language)
);
)sql"},
          {.version = 2,
           .name = "directory: the profile's taxonomies and terms; the change counter for search",
           .sql = R"sql(
-- Every write that search sees takes the next value of this one row in the writer's
-- transaction (note_changes) and stamps the services it touches with it: the row lock
-- serialises the writers, so the values commit in order and an instance that read every stamp
-- up to N has missed none below it (decision 0037).
CREATE TABLE directory_change_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO directory_change_counter (id, value) VALUES (1, 0);
ALTER TABLE directory_services ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX directory_services_change_seq ON directory_services (change_seq);
)sql",
           .then = install_profile}};
}

Result<std::vector<Record>> load(db::Connection& c, const Table& table) {
  INNET_ASSIGN_OR_RETURN(auto rows, c.query(select_from(table) + " ORDER BY id"));
  return records_of(table, rows);
}

Result<std::vector<Record>> load_where(db::Connection& c, const Table& table,
                                       std::string_view field, const std::string& value) {
  if (!table.field(field)) return Error::internal("no field " + std::string(field));
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      c.query(select_from(table) + " WHERE " + quoted(field) + " = ? ORDER BY id", {value}));
  return records_of(table, rows);
}

Result<std::optional<Record>> find(db::Connection& c, const Table& table, const std::string& id) {
  INNET_ASSIGN_OR_RETURN(auto found, load_where(c, table, "id", id));
  if (found.empty()) return std::optional<Record>();
  return std::optional<Record>(std::move(found.front()));
}

Result<std::vector<std::string>> existing_ids(db::Connection& c, const Table& table,
                                              const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (std::size_t from = 0; from < ids.size(); from += kIdsPerQuery) {
    std::size_t to = std::min(ids.size(), from + kIdsPerQuery);
    db::Params params(ids.begin() + from, ids.begin() + to);
    INNET_ASSIGN_OR_RETURN(auto rows,
                           c.query("SELECT id FROM " + std::string(table.sql) + " WHERE id IN (" +
                                       db::placeholders(to - from) + ")",
                                   params));
    for (const auto& row : rows) out.push_back(row.text(0));
  }
  return out;
}

Result<db::Page<Record>> list(db::Connection& c, const Table& table, const ListFilter& filter,
                              const Paging& paging) {
  // Fragments written here, values bound. A service's conditions reach it as x.id in the
  // services list and as x.service_id in the service_at_location list.
  db::Where where;
  const bool service = table.name == "service";
  const bool place = table.name == "service_at_location";
  if (service || place) {
    if (filter.organization_id)
      where.add(service ? "x.organization_id = ?"
                        : "EXISTS (SELECT 1 FROM directory_services s WHERE s.id = x.service_id "
                          "AND s.organization_id = ?)",
                *filter.organization_id);
    // A term linked to the service (or, in the places' list, to the place itself).
    if (filter.taxonomy_term_id)
      where.add(service ? "EXISTS (SELECT 1 FROM directory_attributes a WHERE a.link_id = x.id "
                          "AND a.taxonomy_term_id = ?)"
                        : "EXISTS (SELECT 1 FROM directory_attributes a WHERE a.link_id IN "
                          "(x.id, x.service_id) AND a.taxonomy_term_id = ?)",
                *filter.taxonomy_term_id);
    if (filter.taxonomy_id)
      where.add(service ? "EXISTS (SELECT 1 FROM directory_attributes a JOIN "
                          "directory_taxonomy_terms t ON t.id = a.taxonomy_term_id WHERE "
                          "a.link_id = x.id AND t.taxonomy_id = ?)"
                        : "EXISTS (SELECT 1 FROM directory_attributes a JOIN "
                          "directory_taxonomy_terms t ON t.id = a.taxonomy_term_id WHERE "
                          "a.link_id IN (x.id, x.service_id) AND t.taxonomy_id = ?)",
                *filter.taxonomy_id);
    if (filter.modified_after)
      where.add(service ? "x.last_modified >= ?"
                        : "EXISTS (SELECT 1 FROM directory_services s WHERE s.id = x.service_id "
                          "AND s.last_modified >= ?)",
                *filter.modified_after);
    if (filter.postcode)
      where.add(service ? "EXISTS (SELECT 1 FROM directory_service_at_location p JOIN "
                          "directory_locations l ON l.id = p.location_id JOIN directory_addresses "
                          "d ON d.location_id = l.id WHERE p.service_id = x.id AND "
                          "l.confidential = 0 AND d.postal_code = ?)"
                        : "EXISTS (SELECT 1 FROM directory_locations l JOIN directory_addresses d "
                          "ON d.location_id = l.id WHERE l.id = x.location_id AND "
                          "l.confidential = 0 AND d.postal_code = ?)",
                *filter.postcode);
  }
  std::string in_ids;
  if (filter.ids) {
    if (filter.ids->size() > kIdsPerQuery) return Error::internal("too many ids for one list");
    in_ids = "x.id IN (" + db::placeholders(filter.ids->size()) + ")";
    if (filter.ids->empty()) in_ids = "1 = 0";
    where.add(in_ids.c_str(), db::Params(filter.ids->begin(), filter.ids->end()));
  }
  if (table.name == "taxonomy_term") {
    if (filter.taxonomy_id) where.add("x.taxonomy_id = ?", *filter.taxonomy_id);
    if (filter.parent_id) where.add("x.parent_id = ?", *filter.parent_id);
    if (filter.top_only) where.add("x.parent_id IS NULL");
  }
  std::string columns;
  for (const auto& f : table.fields) columns += (columns.empty() ? "x." : ", x.") + quoted(f.name);
  return db::page_query<Record>(c, columns, std::string(table.sql) + " x", where, "x.id", paging,
                                [&](const db::Row& row) {
                                  Record r(table);
                                  for (std::size_t i = 0; i < table.fields.size(); ++i)
                                    r.values[i] = row.opt_text(i);
                                  return r;
                                });
}

Result<std::vector<std::string>> confidential_locations(db::Connection& c) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         c.query("SELECT id FROM directory_locations WHERE confidential = 1"));
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.text(0));
  return out;
}

Result<std::vector<std::string>> confidential_among(db::Connection& c,
                                                    const std::vector<std::string>& location_ids) {
  std::vector<std::string> out;
  for (std::size_t from = 0; from < location_ids.size(); from += kIdsPerQuery) {
    const std::size_t to = std::min(location_ids.size(), from + kIdsPerQuery);
    db::Params params(location_ids.begin() + from, location_ids.begin() + to);
    INNET_ASSIGN_OR_RETURN(auto rows,
                           c.query("SELECT id FROM directory_locations WHERE confidential = 1 "
                                   "AND id IN (" +
                                       db::placeholders(to - from) + ")",
                                   params));
    for (const auto& row : rows) out.push_back(row.text(0));
  }
  return out;
}

Status set_confidential(db::Connection& c, const std::string& location_id, bool confidential) {
  INNET_TRY(db::expect_one(c.execute("UPDATE directory_locations SET confidential = ? WHERE id = ?",
                                     {std::int64_t{confidential ? 1 : 0}, location_id}),
                           "location"));
  return note_changes(c, "location", {location_id});
}

Status note_changes(db::Connection& c, std::string_view table_name,
                    const std::vector<std::string>& record_ids) {
  Touched touched;
  const Table* t = table(table_name);
  if (!t) return Error::internal("no table " + std::string(table_name));
  if (table_name == "service" || table_name == "organization" || table_name == "location" ||
      table_name == "service_at_location") {
    for (const auto& id : record_ids) touched.add(table_name, id);
  } else {
    for (const auto& id : record_ids) {
      INNET_ASSIGN_OR_RETURN(auto found, find(c, *t, id));
      if (found) touched.add(*found);
    }
  }
  return stamp(c, touched);
}

Result<std::int64_t> change_counter(db::Connection& c) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         c.query("SELECT value FROM directory_change_counter WHERE id = 1"));
  if (rows.empty()) return Error::internal("directory_change_counter has no row");
  return rows[0].integer(0);
}

Result<std::vector<std::string>> services_changed_since(db::Connection& c, std::int64_t seq) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      c.query("SELECT id FROM directory_services WHERE change_seq > ? ORDER BY id", {seq}));
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(row.text(0));
  return out;
}

Result<std::vector<Record>> load_in(db::Connection& c, const Table& table, std::string_view field,
                                    const std::vector<std::string>& values) {
  if (!table.field(field)) return Error::internal("no field " + std::string(field));
  std::vector<Record> out;
  for (std::size_t from = 0; from < values.size(); from += kIdsPerQuery) {
    const std::size_t to = std::min(values.size(), from + kIdsPerQuery);
    db::Params params(values.begin() + from, values.begin() + to);
    INNET_ASSIGN_OR_RETURN(auto rows, c.query(select_from(table) + " WHERE " + quoted(field) +
                                                  " IN (" + db::placeholders(to - from) + ")",
                                              params));
    auto batch = records_of(table, rows);
    out.insert(out.end(), std::make_move_iterator(batch.begin()),
               std::make_move_iterator(batch.end()));
  }
  return out;
}

Result<std::vector<StoredTranslation>> load_translations(
    db::Connection& c, std::string_view table_name,
    const std::optional<std::vector<std::string>>& record_ids) {
  std::vector<StoredTranslation> out;
  auto read = [&](const db::Rows& rows) {
    for (const auto& row : rows)
      out.push_back({row.text(0), row.text(1), row.text(2), row.text(3)});
  };
  const std::string select =
      "SELECT record_id, field, language, text FROM directory_translations WHERE table_name = ?";
  if (!record_ids) {
    INNET_ASSIGN_OR_RETURN(auto rows, c.query(select, {std::string(table_name)}));
    read(rows);
    return out;
  }
  const auto& ids = *record_ids;
  for (std::size_t from = 0; from < ids.size(); from += kIdsPerQuery) {
    const std::size_t to = std::min(ids.size(), from + kIdsPerQuery);
    db::Params params{std::string(table_name)};
    params.insert(params.end(), ids.begin() + from, ids.begin() + to);
    INNET_ASSIGN_OR_RETURN(
        auto rows,
        c.query(select + " AND record_id IN (" + db::placeholders(to - from) + ")", params));
    read(rows);
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> verified_on(
    db::Connection& c, const std::vector<std::string>& service_ids) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t from = 0; from < service_ids.size(); from += kIdsPerQuery) {
    const std::size_t to = std::min(service_ids.size(), from + kIdsPerQuery);
    db::Params params(service_ids.begin() + from, service_ids.begin() + to);
    INNET_ASSIGN_OR_RETURN(auto rows, c.query("SELECT id, last_verified_on FROM directory_services "
                                              "WHERE last_verified_on IS NOT NULL AND id IN (" +
                                                  db::placeholders(to - from) + ")",
                                              params));
    for (const auto& row : rows) out.emplace_back(row.text(0), row.text(1));
  }
  return out;
}

Result<std::vector<std::string>> service_ids_of_taxonomy_term(db::Connection& c,
                                                              const std::string& term_id) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         c.query("SELECT DISTINCT link_id FROM directory_attributes WHERE "
                                 "taxonomy_term_id = ? AND link_id IS NOT NULL",
                                 {term_id}));
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.text(0));
  return out;
}

Result<std::size_t> save(db::Connection& c, const std::vector<Record>& records) {
  // Group by table, then read the stored versions of each batch of ids in one query.
  std::unordered_map<const Table*, std::vector<const Record*>> by_table;
  for (const auto& r : records) by_table[r.table].push_back(&r);
  std::size_t changed = 0;
  // Every service whose search entry the records change takes a stamp of the change counter in
  // this transaction (decision 0037): no writer that saves through here can forget it.
  Touched touched;
  for (const auto& table : tables()) {
    auto it = by_table.find(&table);
    if (it == by_table.end()) continue;
    const auto& batch = it->second;
    std::string insert =
        "INSERT INTO " + std::string(table.sql) + " (" + column_list(table) + ") VALUES (";
    std::string update = "UPDATE " + std::string(table.sql) + " SET ";
    for (std::size_t i = 0; i < table.fields.size(); ++i) {
      insert += i == 0 ? "?" : ", ?";
      if (i > 0) update += (i == 1 ? "" : ", ") + quoted(table.fields[i].name) + " = ?";
    }
    insert += ")";
    update += " WHERE id = ?";
    for (std::size_t from = 0; from < batch.size(); from += kIdsPerQuery) {
      std::size_t to = std::min(batch.size(), from + kIdsPerQuery);
      db::Params ids;
      for (std::size_t i = from; i < to; ++i) ids.push_back(batch[i]->id());
      INNET_ASSIGN_OR_RETURN(
          auto rows,
          c.query(select_from(table) + " WHERE id IN (" + db::placeholders(to - from) + ")", ids));
      std::unordered_map<std::string, Record> stored;
      for (auto& r : records_of(table, rows)) stored.emplace(r.id(), std::move(r));
      for (std::size_t i = from; i < to; ++i) {
        const Record& r = *batch[i];
        auto found = stored.find(r.id());
        if (found == stored.end()) {
          INNET_TRY(c.execute(insert, params_of(r)));
          touched.add(r);
        } else if (found->second.values != r.values) {
          touched.add(r);
          touched.add(found->second);  // a record moved to another service changes both
          db::Params p = params_of(r);
          p.erase(p.begin());  // the id goes last, in the WHERE clause
          p.push_back(r.id());
          INNET_TRY(c.execute(update, p));
        } else {
          continue;
        }
        ++changed;
      }
    }
  }
  INNET_TRY(stamp(c, touched));
  return changed;
}

Result<std::vector<WeeklyOpening>> service_openings(db::Connection& c,
                                                    const std::string& service_id) {
  const Table& schedules = *table("schedule");
  INNET_ASSIGN_OR_RETURN(auto own, load_where(c, schedules, "service_id", service_id));
  INNET_ASSIGN_OR_RETURN(auto places,
                         load_where(c, *table("service_at_location"), "service_id", service_id));
  for (const auto& place : places) {
    INNET_ASSIGN_OR_RETURN(auto more,
                           load_where(c, schedules, "service_at_location_id", place.id()));
    for (auto& s : more)
      if (s.value("service_id") != service_id) own.push_back(std::move(s));  // not twice
  }
  return weekly_openings(own);
}

}  // namespace innet::directory

namespace innet::directory {
namespace {

Status install_profile(db::Connection& c) {
  std::vector<Record> records;
  const Table& taxonomy = *table("taxonomy");
  const Table& term = *table("taxonomy_term");
  for (const auto& t : profile::taxonomies()) {
    const auto& names = *profile::labels(t.taxonomy->id);
    Record r(taxonomy);
    r.set("id", std::string(t.taxonomy->id));
    r.set("name", std::string(names[0]));
    r.set("description", std::string(names[0]));
    r.set("uri", "urn:innet:taxonomy:" + std::string(t.taxonomy->code));
    r.set("version", "1");
    records.push_back(std::move(r));
    for (const auto& tm : t.terms) {
      const auto& term_names = *profile::labels(tm.id);
      Record x(term);
      x.set("id", std::string(tm.id));
      x.set("code", std::string(tm.code));
      x.set("name", std::string(term_names[0]));
      x.set("description", std::string(term_names[0]));
      x.set("taxonomy", std::string(t.taxonomy->code));
      x.set("language", "it");
      x.set("taxonomy_id", std::string(t.taxonomy->id));
      records.push_back(std::move(x));
    }
  }
  INNET_TRY(save(c, records));
  for (const auto& r : records) {
    const auto& names = *profile::labels(r.id());
    for (std::size_t i = 1; i < names.size(); ++i)
      for (const char* field : {"name", "description"})
        INNET_TRY(c.execute(
            "INSERT INTO directory_translations (table_name, record_id, field, language, text) "
            "VALUES (?, ?, ?, ?, ?)",
            {std::string(r.table->name), r.id(), std::string(field),
             std::string(profile::kLabelLanguages[i]), std::string(names[i])}));
  }
  return Status::success();
}

}  // namespace
}  // namespace innet::directory
