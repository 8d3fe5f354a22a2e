// The people the network serves: the identity that reception needs today, which case management
// will extend. Model and storage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "core/json_input.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"

namespace innet::people {

const std::vector<std::string>& sexes();  // female, male, unspecified

struct Person {
  std::int64_t id = 0;
  std::string family_name;  // Latin script, as on the documents
  std::string given_names;
  // The same names in the person's own script (Arabic, Bengali, Cyrillic...), when it differs.
  std::optional<std::string> family_name_original;
  std::optional<std::string> given_names_original;
  std::string sex = "unspecified";
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  bool birth_date_estimated = false;      // an estimate (age assessment, declared year only)
  // A minor without a parent or guardian in Italy (MSNA, art. 2 L. 47/2017). While the person is
  // under 18 on a placement's date (by birth_date, estimated or not) the minors' placement rules
  // apply (reception/placements/minors.h); from 18 the flag records the past and changes nothing.
  bool unaccompanied_minor = false;
  std::string nationality;             // ISO 3166-1 alpha-2, XX stateless, ZZ unknown
  std::vector<std::string> languages;  // BCP 47 primary codes, most fluent first
  std::optional<std::string> cui;      // codice unico identificativo (fotosegnalamento)
  std::optional<std::string> codice_fiscale;
  std::optional<std::int64_t> family_group_id;
  std::string created_at;
  std::string updated_at;
};

struct FamilyGroup {
  std::int64_t id = 0;
  std::string label;  // e.g. "Famiglia Rahman"
  std::string created_at;
};

struct PersonFilter {
  // Words, each found in one of the four names in any order, without accents or case
  // (name_fold.h), or a whole CUI or codice fiscale. A word of one or two characters matches
  // only a whole word of a name: substring search needs three (decision 0007).
  std::string query;
  std::string nationality;
  std::optional<std::int64_t> family_group_id;
  // Only these persons: an organisation's view, from people::persons_linked_to (visibility.h).
  std::optional<db::Subquery> among;
};

// A search stops counting after this many matches: on national data a fragment may match a
// tenth of everyone, and counting them would cost more than finding the page.
constexpr std::int64_t kSearchCountLimit = 1000;

// A page of persons; `total` counts every match, except as said above.
struct PersonPage {
  std::vector<Person> items;
  std::int64_t total = 0;
  bool total_capped = false;  // more than kSearchCountLimit match; total is that limit
};

Result<Person> create_person(db::Connection& conn, const Person& p);
Result<Person> find_person(db::Connection& conn, std::int64_t id);
// The persons with these ids, in one query, in no particular order.
Result<std::vector<Person>> find_persons(db::Connection& conn,
                                         const std::vector<std::int64_t>& ids);
// In order of family name, given names and id.
Result<PersonPage> list_persons(db::Connection& conn, const PersonFilter& f, const Paging& paging);
Status update_person(db::Connection& conn, const Person& p);
// Many persons in few statements (data generation and imports); sets each one's id.
Status insert_persons(db::Connection& conn, std::vector<Person>& persons);

// For another module's list of records that name a person (a case list), so that it filters and
// sorts by the person in one statement without reading this module's tables:
// - the persons as a derived table to join on its person column,
//   `JOIN (sql) alias ON alias.id = ...`, with the columns id, family_name, given_names,
//   nationality (the PersonSummary fields), and those person_matches() tests;
db::Subquery person_rows();
// - the order by name of that derived table (the index persons_name_order, or
//   persons_nationality_name when the list is of one nationality), ties by person;
std::string name_order(const std::string& alias, bool descending);
// - the persons the words of a search find, as the search does (folded words against the names'
//   search key, or a whole CUI or codice fiscale): `person_id IN (sql)`.
db::Subquery persons_matching(db::Engine engine, const std::string& query);
// - the same test as a condition on the derived table's row `alias` (its SQL and values): for a
//   list of a few thousand rows (an organisation's), which it tests one by one, where
//   persons_matching() would first find every bearer in the nation of a common name.
db::Subquery person_matches(const std::string& alias, const std::string& query);
// - the same persons name by name, in the order of name_order(): for each distinct name the
//   words match, a condition on the derived table's row `alias`. A list in name order reads the
//   bearers of a few names at a time from the index of that order until its page is full, where
//   persons_matching() would first find the nation's bearers of a common name (37,000).
Result<std::vector<db::Subquery>> names_matching(db::Connection& conn, const std::string& alias,
                                                 const std::string& query);

Result<FamilyGroup> create_family_group(db::Connection& conn, const std::string& label);
Result<FamilyGroup> find_family_group(db::Connection& conn, std::int64_t id);

const api::ObjectType<Person>& person_type();
// The few fields that name a person in someone else's answer (a family, a guest list).
const api::ObjectType<Person>& person_summary_type();
const api::ObjectType<FamilyGroup>& family_group_type();
nlohmann::json to_json(const Person& p);
nlohmann::json to_json(const FamilyGroup& g);
// Name fields only, for lists of guests that need no more than who they are.
nlohmann::json summary_json(const Person& p);

std::vector<db::Migration> migrations(db::Engine engine);

}  // namespace innet::people
