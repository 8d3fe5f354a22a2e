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

// The order of every list of persons; the index persons_name_order gives it without a sort.
constexpr const char* kOrder = "persons.family_name, persons.given_names, persons.id";

// Trigram indexes find substrings of at least this many characters.
constexpr std::size_t kTrigram = 3;

// The filters other than the query. Columns are qualified: the trigram index on SQLite has columns
// of the same names.
void add_filters(db::Where& where, const PersonFilter& f) {
  if (!f.nationality.empty()) where.add("persons.nationality = ?", f.nationality);
  if (f.family_group_id) where.add("persons.family_group_id = ?", *f.family_group_id);
  if (f.hosted_by_operator)
    where.add(
        "persons.id IN (SELECT pl.person_id FROM centres c JOIN placements pl "
        "ON pl.centre_id = c.id WHERE c.operator_id = ?)",
        *f.hosted_by_operator);
}

std::size_t characters(const std::string& utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// What a query matches, whichever index finds the candidates: the LIKE test of the search before
// the indexes, so that results depend on neither. LOWER() and LIKE fold only A-Z on SQLite (and
// on a PostgreSQL database with the C locale): that is the case-insensitivity promised.
void add_match(db::Where& where, const std::string& query) {
  if (characters(query) >= kTrigram) {
    const std::string like = db::like_pattern(query);
    where.add(
        "(LOWER(persons.family_name) LIKE ? ESCAPE '\\' OR LOWER(persons.given_names) LIKE ? "
        "ESCAPE '\\' OR LOWER(persons.family_name_original) LIKE ? ESCAPE '\\' OR "
        "persons.cui = ? OR persons.codice_fiscale = ?)",
        {like, like, like, query, query});
    return;
  }
  // Too short for a trigram, and as a substring it would match nearly everyone: a whole name.
  std::string lower = query;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  where.add(
      "(LOWER(persons.family_name) = ? OR LOWER(persons.given_names) = ? OR "
      "LOWER(persons.family_name_original) = ? OR persons.cui = ? OR persons.codice_fiscale = ?)",
      {lower, lower, lower, query, query});
}

// The query as one FTS5 phrase, which the trigram tokenizer matches as a substring of a column.
std::string fts_phrase(const std::string& query) {
  std::string out = "\"";
  for (char c : query) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The matches counted up to kSearchCountLimit + 1.
Result<std::int64_t> count_up_to_limit(db::Connection& conn, const db::Where& where) {
  db::Params params = where.params();
  params.push_back(kSearchCountLimit + 1);
  auto rows = conn.query(
      "SELECT COUNT(*) FROM (SELECT 1 FROM persons" + where.sql() + " LIMIT ?) m", params);
  if (!rows.ok()) return rows.take_error();
  return (*rows)[0].integer(0);
}

Result<std::vector<Person>> page_of(db::Connection& conn, const db::Where& where,
                                    const Paging& paging) {
  db::Params params = where.params();
  params.push_back(paging.per_page);
  params.push_back(paging.offset());
  auto rows = conn.query(std::string("SELECT ") + kColumns + " FROM persons" + where.sql() +
                             " ORDER BY " + kOrder + " LIMIT ? OFFSET ?",
                         params);
  if (!rows.ok()) return rows.take_error();
  std::vector<Person> out;
  for (const auto& r : *rows) out.push_back(from_row(r));
  return out;
}

// A search reads its candidates from a trigram index, tests each against the query, and sorts
// the matches (decision 0007). On SQLite the FTS5 table names the candidates; PostgreSQL's
// planner uses the pg_trgm indexes for the same LIKE conditions. An operator's persons are few
// next to the nation's, so for a case worker they are the candidates instead.
Result<PersonPage> search_persons(db::Connection& conn, const PersonFilter& f,
                                  const Paging& paging) {
  db::Where where;
  add_match(where, f.query);
  add_filters(where, f);
  if (conn.engine() == db::Engine::sqlite && !f.hosted_by_operator &&
      characters(f.query) >= kTrigram)
    where.add("persons.id IN (SELECT rowid FROM persons_search WHERE persons_search MATCH ?)",
              fts_phrase(f.query));
  auto total = count_up_to_limit(conn, where);
  if (!total.ok()) return total.take_error();
  PersonPage page;
  page.total_capped = *total > kSearchCountLimit;
  page.total = std::min(*total, kSearchCountLimit);
  // Past the last match nothing is left to read.
  if (page.total_capped || paging.offset() < *total) {
    auto items = page_of(conn, where, paging);
    if (!items.ok()) return items.take_error();
    page.items = std::move(*items);
  }
  return page;
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

Result<PersonPage> list_persons(db::Connection& conn, const PersonFilter& f, const Paging& paging) {
  if (!f.query.empty()) return search_persons(conn, f, paging);
  db::Where where;
  add_filters(where, f);
  auto page = db::page_query<Person>(conn, kColumns, "persons", where, kOrder, paging, from_row);
  if (!page.ok()) return page.take_error();
  return PersonPage{std::move(page->items), page->total, false};
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

std::vector<db::Migration> migrations(db::Engine engine) {
  // Person search (docs/decisions/0007-person-search.md): trigram indexes for substrings of
  // three characters or more, kept in the same transaction as every write of a person (SQLite:
  // triggers on an external-content FTS5 table; PostgreSQL: ordinary indexes), indexes on the
  // lower-cased names for whole names of one or two characters, and the list order without a
  // sort. The FTS5 table also holds the identifiers, so that its candidates cover every match.
  const std::string search_columns =
      "family_name, given_names, family_name_original, cui, "
      "codice_fiscale";
  const std::string fts_new =
      "new.id, new.family_name, new.given_names, new.family_name_original, new.cui, "
      "new.codice_fiscale";
  const std::string fts_old =
      "'delete', old.id, old.family_name, old.given_names, old.family_name_original, old.cui, "
      "old.codice_fiscale";
  const std::string search =
      engine == db::Engine::sqlite
          ? "CREATE VIRTUAL TABLE persons_search USING fts5(" + search_columns +
                ", content = 'persons', content_rowid = 'id', tokenize = 'trigram');\n"
                "CREATE TRIGGER persons_search_insert AFTER INSERT ON persons BEGIN\n"
                "  INSERT INTO persons_search (rowid, " +
                search_columns + ") VALUES (" + fts_new +
                ");\nEND;\n"
                "CREATE TRIGGER persons_search_delete AFTER DELETE ON persons BEGIN\n"
                "  INSERT INTO persons_search (persons_search, rowid, " +
                search_columns + ") VALUES (" + fts_old +
                ");\nEND;\n"
                "CREATE TRIGGER persons_search_update AFTER UPDATE OF " +
                search_columns +
                " ON persons BEGIN\n"
                "  INSERT INTO persons_search (persons_search, rowid, " +
                search_columns + ") VALUES (" + fts_old +
                ");\n"
                "  INSERT INTO persons_search (rowid, " +
                search_columns + ") VALUES (" + fts_new +
                ");\nEND;\n"
                "INSERT INTO persons_search (persons_search) VALUES ('rebuild');\n"
                "CREATE INDEX persons_family_name_lower ON persons (LOWER(family_name));\n"
                "CREATE INDEX persons_given_names_lower ON persons (LOWER(given_names));\n"
                "CREATE INDEX persons_original_lower ON persons (LOWER(family_name_original));\n"
          // A trusted extension: the database owner may create it. In schema public, where
          // every schema's indexes find it (the storage tests use one schema each).
          : "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;\n"
            "CREATE INDEX persons_family_name_trgm ON persons "
            "USING gin (LOWER(family_name) public.gin_trgm_ops);\n"
            "CREATE INDEX persons_given_names_trgm ON persons "
            "USING gin (LOWER(given_names) public.gin_trgm_ops);\n"
            "CREATE INDEX persons_original_trgm ON persons "
            "USING gin (LOWER(family_name_original) public.gin_trgm_ops);\n";
  return {
      {4, "people: persons and family groups", R"sql(
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
)sql"},
      {12, "people: person search indexes",
       search + "DROP INDEX persons_family_name;\n"
                "CREATE INDEX persons_name_order ON persons (family_name, given_names, id);\n"}};
}

}  // namespace innet::people
