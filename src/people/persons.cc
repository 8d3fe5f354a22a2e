#include "people/persons.h"

#include <algorithm>

#include "core/clock.h"

namespace innet::people {
namespace {

constexpr const char* kColumns =
    "id, family_name, given_names, family_name_original, given_names_original, sex, birth_date, "
    "birth_date_estimated, nationality, languages, cui, codice_fiscale, family_group_id, "
    "created_at, updated_at";

Person from_row(const db::Row& r) {
  Person p;
  p.id = r.integer(0);
  p.family_name = r.text(1);
  p.given_names = r.text(2);
  p.family_name_original = r.opt_text(3);
  p.given_names_original = r.opt_text(4);
  p.sex = r.text(5);
  p.birth_date = r.opt_text(6);
  p.birth_date_estimated = r.integer(7) != 0;
  p.nationality = r.text(8);
  p.languages = db::split_codes(r.text(9));
  p.cui = r.opt_text(10);
  p.codice_fiscale = r.opt_text(11);
  p.family_group_id = r.opt_integer(12);
  p.created_at = r.text(13);
  p.updated_at = r.text(14);
  return p;
}

nlohmann::json optional_json(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

// The values of every column but id and created_at, in kColumns order.
db::Params values(const Person& p) {
  return {p.family_name,
          p.given_names,
          db::optional_value(p.family_name_original),
          db::optional_value(p.given_names_original),
          p.sex,
          db::optional_value(p.birth_date),
          std::int64_t{p.birth_date_estimated ? 1 : 0},
          p.nationality,
          db::join_codes(p.languages),
          db::optional_value(p.cui),
          db::optional_value(p.codice_fiscale),
          db::optional_value(p.family_group_id)};
}

}  // namespace

const std::vector<std::string>& sexes() {
  static const std::vector<std::string> all = {"female", "male", "unspecified"};
  return all;
}

Result<Person> create_person(db::Connection& conn, const Person& p) {
  db::Params params = values(p);
  const std::string now = clock::now_iso();
  params.push_back(now);
  params.push_back(now);
  auto rows = conn.query(
      "INSERT INTO persons (family_name, given_names, family_name_original, "
      "given_names_original, sex, birth_date, birth_date_estimated, nationality, languages, cui, "
      "codice_fiscale, family_group_id, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      params);
  if (!rows.ok()) return rows.take_error();
  return find_person(conn, (*rows)[0].integer(0));
}

Result<Person> find_person(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string("SELECT ") + kColumns + " FROM persons WHERE id = ?", {id});
  if (!rows.ok()) return rows.take_error();
  if (rows->empty()) return Error::not_found("person");
  return from_row((*rows)[0]);
}

Result<std::vector<Person>> find_persons(db::Connection& conn,
                                         const std::vector<std::int64_t>& ids) {
  std::vector<Person> out;
  // In slices, so that one statement never binds more values than an engine accepts.
  constexpr std::size_t kSlice = 500;
  for (std::size_t at = 0; at < ids.size(); at += kSlice) {
    const std::size_t n = std::min(kSlice, ids.size() - at);
    db::Params params(ids.begin() + static_cast<std::ptrdiff_t>(at),
                      ids.begin() + static_cast<std::ptrdiff_t>(at + n));
    auto rows = conn.query(std::string("SELECT ") + kColumns + " FROM persons WHERE id IN (" +
                               db::placeholders(n) + ")",
                           params);
    if (!rows.ok()) return rows.take_error();
    for (const auto& r : *rows) out.push_back(from_row(r));
  }
  return out;
}

Result<db::Page<Person>> list_persons(db::Connection& conn, const PersonFilter& f,
                                      const Paging& paging) {
  db::Where where;
  if (!f.query.empty()) {
    const std::string like = db::like_pattern(f.query);
    where.add(
        "(LOWER(family_name) LIKE ? ESCAPE '\\' OR LOWER(given_names) LIKE ? ESCAPE '\\' OR "
        "LOWER(family_name_original) LIKE ? ESCAPE '\\' OR cui = ? OR codice_fiscale = ?)",
        {like, like, like, f.query, f.query});
  }
  if (!f.nationality.empty()) where.add("nationality = ?", f.nationality);
  if (f.family_group_id) where.add("family_group_id = ?", *f.family_group_id);
  if (f.hosted_by_operator)
    where.add(
        "EXISTS (SELECT 1 FROM placements pl JOIN centres c ON c.id = pl.centre_id "
        "WHERE pl.person_id = persons.id AND c.operator_id = ?)",
        *f.hosted_by_operator);
  return db::page_query<Person>(conn, kColumns, "persons", where, "family_name, given_names, id",
                                paging, from_row);
}

Status update_person(db::Connection& conn, const Person& p) {
  db::Params params = values(p);
  params.push_back(clock::now_iso());
  params.push_back(p.id);
  return db::expect_one(
      conn.execute("UPDATE persons SET family_name = ?, given_names = ?, "
                   "family_name_original = ?, given_names_original = ?, sex = ?, "
                   "birth_date = ?, birth_date_estimated = ?, nationality = ?, languages = ?, "
                   "cui = ?, codice_fiscale = ?, family_group_id = ?, updated_at = ? WHERE id = ?",
                   params),
      "person");
}

Status insert_persons(db::Connection& conn, std::vector<Person>& persons) {
  constexpr std::size_t kRows = 400;  // 14 values a row: well under both engines' limits
  const std::string now = clock::now_iso();
  for (std::size_t at = 0; at < persons.size(); at += kRows) {
    const std::size_t n = std::min(kRows, persons.size() - at);
    std::string sql =
        "INSERT INTO persons (family_name, given_names, family_name_original, "
        "given_names_original, sex, birth_date, birth_date_estimated, nationality, languages, "
        "cui, codice_fiscale, family_group_id, created_at, updated_at) VALUES ";
    db::Params params;
    for (std::size_t i = 0; i < n; ++i) {
      sql += i ? ", (" + db::placeholders(14) + ")" : "(" + db::placeholders(14) + ")";
      auto v = values(persons[at + i]);
      params.insert(params.end(), v.begin(), v.end());
      params.push_back(now);
      params.push_back(now);
    }
    auto rows = conn.query(sql + " RETURNING id", params);
    if (!rows.ok()) return rows.take_error();
    for (std::size_t i = 0; i < n; ++i) persons[at + i].id = (*rows)[i].integer(0);
  }
  return Status::success();
}

Result<FamilyGroup> create_family_group(db::Connection& conn, const std::string& label) {
  auto rows = conn.query(
      "INSERT INTO family_groups (label, created_at) VALUES (?, ?) RETURNING id, label, "
      "created_at",
      {label, clock::now_iso()});
  if (!rows.ok()) return rows.take_error();
  const auto& r = (*rows)[0];
  return FamilyGroup{r.integer(0), r.text(1), r.text(2)};
}

Result<FamilyGroup> find_family_group(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query("SELECT id, label, created_at FROM family_groups WHERE id = ?", {id});
  if (!rows.ok()) return rows.take_error();
  if (rows->empty()) return Error::not_found("family group");
  const auto& r = (*rows)[0];
  return FamilyGroup{r.integer(0), r.text(1), r.text(2)};
}

nlohmann::json to_json(const Person& p) {
  nlohmann::json j = summary_json(p);
  j["family_name_original"] = optional_json(p.family_name_original);
  j["given_names_original"] = optional_json(p.given_names_original);
  j["sex"] = p.sex;
  j["birth_date"] = optional_json(p.birth_date);
  j["birth_date_estimated"] = p.birth_date_estimated;
  j["languages"] = p.languages;
  j["cui"] = optional_json(p.cui);
  j["codice_fiscale"] = optional_json(p.codice_fiscale);
  j["family_group_id"] = p.family_group_id ? nlohmann::json(*p.family_group_id) : nlohmann::json();
  j["created_at"] = p.created_at;
  j["updated_at"] = p.updated_at;
  return j;
}

nlohmann::json summary_json(const Person& p) {
  nlohmann::json j = nlohmann::json::object();
  j["id"] = p.id;
  j["family_name"] = p.family_name;
  j["given_names"] = p.given_names;
  j["nationality"] = p.nationality;
  return j;
}

nlohmann::json to_json(const FamilyGroup& g) {
  return {{"id", g.id}, {"label", g.label}, {"created_at", g.created_at}};
}

std::vector<db::Migration> migrations(db::Engine) {
  return {{4, "people: persons and family groups", R"sql(
CREATE TABLE family_groups (
  id {{pk}},
  label TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE persons (
  id {{pk}},
  family_name TEXT NOT NULL,
  given_names TEXT NOT NULL,
  family_name_original TEXT,
  given_names_original TEXT,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'unspecified')),
  birth_date TEXT,
  birth_date_estimated INTEGER NOT NULL DEFAULT 0,
  nationality TEXT NOT NULL,
  languages TEXT NOT NULL DEFAULT '',
  cui TEXT UNIQUE,
  codice_fiscale TEXT UNIQUE,
  family_group_id BIGINT REFERENCES family_groups (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX persons_family_name ON persons (family_name);
CREATE INDEX persons_family_group ON persons (family_group_id);
)sql"}};
}

}  // namespace innet::people
