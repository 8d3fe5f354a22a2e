#include "people/persons.h"

#include <algorithm>
#include <array>
#include <limits>
#include <set>

#include "core/clock.h"
#include "core/slices.h"
#include "people/duplicates.h"
#include "people/merges.h"
#include "people/name_fold.h"
#include "people/pairs.h"

namespace innet::people {
namespace {

constexpr const char* kColumns =
    "id, family_name, given_names, family_name_original, given_names_original, sex, birth_date, "
    "birth_date_estimated, nationality, languages, cui, codice_fiscale, family_group_id, "
    "created_at, updated_at, unaccompanied_minor";
constexpr std::size_t kColumnCount = 16;
// Ids read per statement, so that one statement never binds more values than an engine accepts.
constexpr std::size_t kIdSlice = 500;

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
  p.unaccompanied_minor = r.integer(15) != 0;
  return p;
}

// The values of the columns from family_name to family_group_id, in kColumns order; the
// statements below bind created_at, updated_at and unaccompanied_minor after them.
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

// A search reads the persons of several names in one statement: one name first, then twice as
// many each time the page or the count still lacks matches, up to this many.
constexpr std::size_t kNamesPerRead = 256;

// The filters other than the query; a merged record is history, not a person to list.
void add_filters(db::Where& where, const PersonFilter& f) {
  where.add("persons.merged_into IS NULL");
  if (!f.nationality.empty()) where.add("persons.nationality = ?", f.nationality);
  if (f.family_group_id) where.add("persons.family_group_id = ?", *f.family_group_id);
  if (f.among) where.add_in("persons.id", *f.among);
}

std::string like_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The test of a search key (person_names.search_key, folded by fold_name) against the words of
// a query: every word, a longer one anywhere, a shorter one as a whole word (name_fold.h). The
// same test as key_matches(), in SQL. No words: nothing matches by name.
std::string key_test(const std::string& column, const std::vector<std::string>& words,
                     db::Params& params) {
  if (words.empty()) return "1 = 0";
  std::string out;
  for (const auto& word : words) {
    out += out.empty() ? "" : " AND ";
    out += column + " LIKE ? ESCAPE '\\'";
    params.push_back(characters(word) >= kSubstringWord ? "%" + like_escaped(word) + "%"
                                                        : "% " + like_escaped(word) + " %");
  }
  return "(" + out + ")";
}

// The words of at least three characters as an FTS5 query over the trigram index: each word a
// phrase, which the trigram tokenizer matches as a substring. Empty when no word is that long.
std::string fts_query(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (characters(word) < kSubstringWord) continue;
    out += out.empty() ? "\"" : " AND \"";
    for (char c : word) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += "\"";
  }
  return out;
}

// The person's row in person_names, which holds the key of the person's names.
constexpr const char* kSameName =
    "n.family_name = persons.family_name AND n.given_names = persons.given_names AND "
    "n.family_name_original = COALESCE(persons.family_name_original, '') AND "
    "n.given_names_original = COALESCE(persons.given_names_original, '')";

// The whole test of a person, names and identifiers, in the persons table.
void add_match(db::Where& where, const std::string& query) {
  db::Params params;
  const std::string names = std::string("EXISTS (SELECT 1 FROM person_names n WHERE ") + kSameName +
                            " AND " + key_test("n.search_key", query_words(query), params) + ")";
  params.push_back(query);
  params.push_back(query);
  where.add(("(" + names + " OR persons.cui = ? OR persons.codice_fiscale = ?)").c_str(), params);
}

Result<std::vector<Person>> read_persons(db::Connection& conn, const db::Where& where,
                                         const std::string& order, std::int64_t limit,
                                         std::int64_t offset = 0) {
  db::Params params = where.params();
  params.push_back(limit);
  params.push_back(offset);
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kColumns + " FROM persons" + where.sql() +
                                " ORDER BY " + order + " LIMIT ? OFFSET ?",
                            params));
  std::vector<Person> out;
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

// COUNT(*) of persons up to `limit`.
Result<std::int64_t> count_persons(db::Connection& conn, const db::Where& where,
                                   std::int64_t limit) {
  db::Params params = where.params();
  params.push_back(limit);
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT COUNT(*) FROM (SELECT 1 FROM persons" +
                                                   where.sql() + " LIMIT ?) m",
                                               params));
  return rows[0].integer(0);
}

// The persons an organisation sees are few next to the nation's: they are the candidates, each
// tested, and the matches sorted and counted in one statement.
Result<PersonPage> search_among(db::Connection& conn, const PersonFilter& f, const Paging& paging) {
  db::Where where;
  add_match(where, f.query);
  add_filters(where, f);
  db::Params params = where.params();
  params.push_back(paging.per_page);
  params.push_back(paging.offset());
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kColumns + ", COUNT(*) OVER () FROM persons" +
                                where.sql() + " ORDER BY " + kOrder + " LIMIT ? OFFSET ?",
                            params));
  PersonPage page;
  for (const auto& r : rows) page.items.push_back(from_row(r));
  if (!rows.empty()) {
    page.total = rows[0].integer(kColumnCount);
  } else if (paging.offset() > 0) {  // past the end: the count alone
    INNET_ASSIGN_OR_RETURN(auto total,
                           count_persons(conn, where, std::numeric_limits<std::int64_t>::max()));
    page.total = total;
  }
  return page;
}

// A (family name, given names) pair that the query matches: through its Latin names (every
// person of the pair matches), or only through the names in the original script of some of its
// persons (those variants), or an identifier of one of its persons.
struct MatchedName {
  std::string family_name;
  std::string given_names;
  bool by_pair = false;
  std::vector<std::pair<std::string, std::string>> originals;  // matched original-script names
  bool by_identifier = false;
};

// The matched names in list order: distinct names from person_names (through its trigram index
// on SQLite, pg_trgm on PostgreSQL), and the names of the persons whose CUI or codice fiscale is
// the query.
Result<std::vector<MatchedName>> matched_names(db::Connection& conn, const std::string& query) {
  const auto words = query_words(query);
  db::Params params;
  std::string sql =
      "SELECT family_name, given_names, family_name_original, given_names_original, 0 "
      "FROM person_names WHERE " +
      key_test("search_key", words, params);
  const std::string fts = fts_query(words);
  if (conn.engine() == db::Engine::sqlite && !fts.empty()) {
    sql += " AND id IN (SELECT rowid FROM person_names_search WHERE person_names_search MATCH ?)";
    params.push_back(fts);
  }
  sql +=
      " UNION ALL SELECT family_name, given_names, '', '', 1 FROM persons "
      "WHERE cui = ? OR codice_fiscale = ?";
  params.push_back(query);
  params.push_back(query);
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " ORDER BY 1, 2", params));
  std::vector<MatchedName> out;
  for (const auto& r : rows) {
    if (out.empty() || out.back().family_name != r.text(0) || out.back().given_names != r.text(1))
      out.push_back({r.text(0), r.text(1)});
    auto& name = out.back();
    if (r.integer(4)) {
      name.by_identifier = true;
    } else if (key_matches(search_key(name.family_name, name.given_names, "", ""), words)) {
      name.by_pair = true;
    } else {
      name.originals.emplace_back(r.text(2), r.text(3));
    }
  }
  return out;
}

// The test that the person of `alias` bears `name` as the words matched it: every bearer when
// they matched its Latin pair, else those whose original-script names or identifier they matched.
std::string name_test(const std::string& alias, const MatchedName& name, const std::string& query,
                      db::Params& params) {
  std::string test = "(" + alias + ".family_name = ? AND " + alias + ".given_names = ?";
  params.push_back(name.family_name);
  params.push_back(name.given_names);
  if (!name.by_pair) {
    std::string some;
    for (const auto& [family, given] : name.originals) {
      some += std::string(some.empty() ? "" : " OR ") + "(COALESCE(" + alias +
              ".family_name_original, '') = ? AND COALESCE(" + alias +
              ".given_names_original, '') = ?)";
      params.push_back(family);
      params.push_back(given);
    }
    // As a subquery: a planner would otherwise walk the whole pair to test each identifier.
    if (name.by_identifier) {
      some += std::string(some.empty() ? "" : " OR ") + alias +
              ".id IN (SELECT i.id FROM persons i WHERE i.cui = ? OR i.codice_fiscale = ?)";
      params.push_back(query);
      params.push_back(query);
    }
    test += " AND (" + some + ")";
  }
  return test + ")";
}

// The persons of names[from, to) who match.
db::Where persons_of(const std::vector<MatchedName>& names, std::size_t from, std::size_t to,
                     const PersonFilter& f) {
  db::Params params;
  std::string any;
  for (std::size_t i = from; i < to; ++i)
    any += (any.empty() ? "(" : " OR ") + name_test("persons", names[i], f.query, params);
  db::Where where;
  where.add((any + ")").c_str(), params);
  add_filters(where, f);
  return where;
}

// person_names holds each distinct set of a person's four names with its search key
// (decision 0007); every write of a person adds its names in the same transaction. Rows are
// never updated nor deleted: a name nobody bears any more finds nobody.
Status add_names(db::Connection& conn, const std::vector<const Person*>& persons) {
  std::set<std::array<std::string, 4>> names;
  for (const Person* p : persons)
    names.insert({p->family_name, p->given_names, p->family_name_original.value_or(""),
                  p->given_names_original.value_or("")});
  constexpr std::size_t kRows = 100;  // 5 values a row
  auto it = names.begin();
  while (it != names.end()) {
    std::string sql =
        "INSERT INTO person_names (family_name, given_names, family_name_original, "
        "given_names_original, search_key) VALUES ";
    db::Params params;
    for (std::size_t n = 0; n < kRows && it != names.end(); ++n, ++it) {
      sql += n ? ", (?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?)";
      const auto& [family, given, family_original, given_original] = *it;
      params.insert(params.end(), {family, given, family_original, given_original,
                                   search_key(family, given, family_original, given_original)});
    }
    INNET_TRY(conn.execute(sql + " ON CONFLICT DO NOTHING", params));
  }
  return Status::success();
}

// Migration 13: the names of the persons already recorded.
Status fill_names(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT DISTINCT family_name, given_names, family_name_original, "
                            "given_names_original FROM persons"));
  std::vector<Person> persons;
  persons.reserve(rows.size());
  for (const auto& r : rows) {
    Person p;
    p.family_name = r.text(0);
    p.given_names = r.text(1);
    p.family_name_original = r.opt_text(2);
    p.given_names_original = r.opt_text(3);
    persons.push_back(std::move(p));
  }
  std::vector<const Person*> all;
  for (const auto& p : persons) all.push_back(&p);
  return add_names(conn, all);
}

// A search looks its query up among the distinct names (person_names, decision 0007), far fewer
// than the persons: many share one. The names come in list order, so the persons are read name
// by name, from the index that gives that order, until the page is full and the count reaches
// its limit: a fragment that matches a tenth of the nation costs a page, not a tenth.
Result<PersonPage> search_persons(db::Connection& conn, const PersonFilter& f,
                                  const Paging& paging) {
  if (f.among) return search_among(conn, f, paging);
  INNET_ASSIGN_OR_RETURN(auto names, matched_names(conn, f.query));
  const std::int64_t wanted = paging.offset() + paging.per_page;
  std::vector<Person> found;
  std::int64_t counted = 0;  // up to kSearchCountLimit + 1
  std::size_t batch = 1;
  for (std::size_t from = 0; from < names.size(); batch = std::min(batch * 2, kNamesPerRead)) {
    const std::size_t to = std::min(names.size(), from + batch);
    const db::Where where = persons_of(names, from, to, f);
    const auto missing = wanted - static_cast<std::int64_t>(found.size());
    if (missing > 0) {
      INNET_ASSIGN_OR_RETURN(auto more, read_persons(conn, where, kOrder, missing));
      found.insert(found.end(), more.begin(), more.end());
    }
    if (counted <= kSearchCountLimit) {
      INNET_ASSIGN_OR_RETURN(auto n, count_persons(conn, where, kSearchCountLimit + 1 - counted));
      counted += n;
    }
    if (wanted <= static_cast<std::int64_t>(found.size()) && counted > kSearchCountLimit) break;
    from = to;
  }
  PersonPage page;
  page.total_capped = counted > kSearchCountLimit;
  page.total = std::min(counted, kSearchCountLimit);
  for (auto i = static_cast<std::size_t>(paging.offset()); i < found.size(); ++i)
    page.items.push_back(std::move(found[i]));
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
  params.push_back(std::int64_t{p.unaccompanied_minor ? 1 : 0});
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("INSERT INTO persons (family_name, given_names, family_name_original, "
                            "given_names_original, sex, birth_date, birth_date_estimated, "
                            "nationality, languages, cui, "
                            "codice_fiscale, family_group_id, created_at, updated_at, "
                            "unaccompanied_minor) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                            params));
  INNET_TRY(add_names(conn, {&p}));
  Person created = p;
  created.id = rows[0].integer(0);
  INNET_TRY(store_match_keys(conn, {&created}, false));
  return find_person(conn, created.id);
}

Result<Person> find_person(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM persons WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("person");
  return from_row(rows[0]);
}

Result<std::vector<Person>> find_persons(db::Connection& conn,
                                         const std::vector<std::int64_t>& ids) {
  std::vector<Person> out;
  INNET_TRY(for_each_slice(ids, kIdSlice, [&](std::span<const std::int64_t> slice) -> Status {
    INNET_ASSIGN_OR_RETURN(
        auto rows, conn.query(std::string("SELECT ") + kColumns + " FROM persons WHERE id IN (" +
                                  db::placeholders(slice.size()) + ")",
                              db::Params(slice.begin(), slice.end())));
    for (const auto& r : rows) out.push_back(from_row(r));
    return Status::success();
  }));
  return out;
}

Result<std::vector<Person>> find_live_persons(db::Connection& conn,
                                              const std::vector<std::int64_t>& ids,
                                              const std::optional<db::Subquery>& among) {
  std::vector<Person> out;
  INNET_TRY(for_each_slice(ids, kIdSlice, [&](std::span<const std::int64_t> slice) -> Status {
    db::Where where;
    where.add(("persons.id IN (" + db::placeholders(slice.size()) + ")").c_str(),
              db::Params(slice.begin(), slice.end()));
    where.add("persons.merged_into IS NULL");
    if (among) where.add_in("persons.id", *among);
    INNET_ASSIGN_OR_RETURN(
        auto rows, conn.query(std::string("SELECT ") + kColumns + " FROM persons" + where.sql(),
                              where.params()));
    for (const auto& r : rows) out.push_back(from_row(r));
    return Status::success();
  }));
  return out;
}

Result<PersonPage> list_persons(db::Connection& conn, const PersonFilter& f, const Paging& paging) {
  if (!f.query.empty()) return search_persons(conn, f, paging);
  db::Where where;
  add_filters(where, f);
  INNET_ASSIGN_OR_RETURN(auto page, db::page_query<Person>(conn, kColumns, "persons", where, kOrder,
                                                           paging, from_row));
  return PersonPage{std::move(page.items), page.total, false};
}

Status update_person(db::Connection& conn, const Person& p) {
  db::Params params = values(p);
  params.push_back(clock::now_iso());
  params.push_back(std::int64_t{p.unaccompanied_minor ? 1 : 0});
  params.push_back(p.id);
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE persons SET family_name = ?, given_names = ?, "
                   "family_name_original = ?, given_names_original = ?, sex = ?, "
                   "birth_date = ?, birth_date_estimated = ?, nationality = ?, languages = ?, "
                   "cui = ?, codice_fiscale = ?, family_group_id = ?, updated_at = ?, "
                   "unaccompanied_minor = ? WHERE id = ?",
                   params),
      "person"));
  INNET_TRY(store_match_keys(conn, {&p}, true));
  return add_names(conn, {&p});
}

Status insert_persons(db::Connection& conn, std::vector<Person>& persons) {
  constexpr std::size_t kRows = 400;  // 15 values a row: well under both engines' limits
  const std::string now = clock::now_iso();
  for (std::size_t at = 0; at < persons.size(); at += kRows) {
    const std::size_t n = std::min(kRows, persons.size() - at);
    std::string sql =
        "INSERT INTO persons (family_name, given_names, family_name_original, "
        "given_names_original, sex, birth_date, birth_date_estimated, nationality, languages, "
        "cui, codice_fiscale, family_group_id, created_at, updated_at, unaccompanied_minor) "
        "VALUES ";
    db::Params params;
    for (std::size_t i = 0; i < n; ++i) {
      sql += i ? ", (" + db::placeholders(15) + ")" : "(" + db::placeholders(15) + ")";
      auto v = values(persons[at + i]);
      params.insert(params.end(), v.begin(), v.end());
      params.push_back(now);
      params.push_back(now);
      params.push_back(std::int64_t{persons[at + i].unaccompanied_minor ? 1 : 0});
    }
    INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " RETURNING id", params));
    for (std::size_t i = 0; i < n; ++i) persons[at + i].id = rows[i].integer(0);
  }
  std::vector<const Person*> all;
  for (const auto& p : persons) all.push_back(&p);
  INNET_TRY(store_match_keys(conn, all, false));
  return add_names(conn, all);
}

db::Subquery person_rows() {
  return {
      "SELECT id, family_name, given_names, nationality, family_name_original, "
      "given_names_original, cui, codice_fiscale FROM persons",
      {}};
}

db::Subquery person_matches(const std::string& alias, const std::string& query) {
  // add_match(), on the derived table's row.
  std::string same = kSameName;
  for (std::size_t at = 0; (at = same.find("persons.", at)) != std::string::npos;)
    same.replace(at, 8, alias + ".");
  db::Subquery test;
  test.sql = "(EXISTS (SELECT 1 FROM person_names n WHERE " + same + " AND " +
             key_test("n.search_key", query_words(query), test.params) + ") OR " + alias +
             ".cui = ? OR " + alias + ".codice_fiscale = ?)";
  test.params.push_back(query);
  test.params.push_back(query);
  return test;
}

std::string name_order(const std::string& alias, bool descending) {
  const std::string way = descending ? " DESC" : "";
  return alias + ".family_name" + way + ", " + alias + ".given_names" + way + ", " + alias + ".id" +
         way;
}

Result<std::vector<db::Subquery>> names_matching(db::Connection& conn, const std::string& alias,
                                                 const std::string& query) {
  INNET_ASSIGN_OR_RETURN(auto names, matched_names(conn, query));
  std::vector<db::Subquery> out;
  for (const auto& name : names) {
    db::Subquery test;
    test.sql = name_test(alias, name, query, test.params);
    out.push_back(std::move(test));
  }
  return out;
}

db::Subquery persons_matching(db::Engine engine, const std::string& query) {
  // From the names the words find (few, through the trigram index) to their bearers
  // (persons_name_order), as matched_names() does for the search.
  const auto words = query_words(query);
  db::Subquery ids;
  ids.sql = std::string("SELECT persons.id FROM person_names n JOIN persons ON ") + kSameName +
            " WHERE " + key_test("n.search_key", words, ids.params);
  const std::string fts = fts_query(words);
  if (engine == db::Engine::sqlite && !fts.empty()) {
    ids.sql +=
        " AND n.id IN (SELECT rowid FROM person_names_search WHERE person_names_search "
        "MATCH ?)";
    ids.params.push_back(fts);
  }
  ids.sql += " UNION SELECT id FROM persons WHERE cui = ? OR codice_fiscale = ?";
  ids.params.push_back(query);
  ids.params.push_back(query);
  return ids;
}

Result<FamilyGroup> create_family_group(db::Connection& conn, const std::string& label) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO family_groups (label, created_at) VALUES (?, ?) RETURNING id, label, "
                 "created_at",
                 {label, clock::now_iso()}));
  const auto& r = rows[0];
  return FamilyGroup{r.integer(0), r.text(1), r.text(2)};
}

Result<FamilyGroup> find_family_group(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id, label, created_at FROM family_groups WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("family group");
  const auto& r = rows[0];
  return FamilyGroup{r.integer(0), r.text(1), r.text(2)};
}

const api::ObjectType<Person>& person_summary_type() {
  static const auto type =
      api::ObjectType<Person>("PersonSummary")
          .field("id", &Person::id)
          .field("family_name", &Person::family_name)
          .field("given_names", &Person::given_names)
          .field("nationality", &Person::nationality,
                 {.description = "ISO 3166-1 alpha-2; XX stateless, ZZ unknown"});
  return type;
}

const api::ObjectType<Person>& person_type() {
  static const auto type =
      api::ObjectType<Person>("Person")
          .include(person_summary_type(), std::identity{})
          .field("family_name_original", &Person::family_name_original)
          .field("given_names_original", &Person::given_names_original)
          .field("sex", &Person::sex, {.allowed = sexes()})
          .field("birth_date", &Person::birth_date, {.format = "date"})
          .field("birth_date_estimated", &Person::birth_date_estimated)
          .field("unaccompanied_minor", &Person::unaccompanied_minor,
                 {.description = "a minor in Italy without a parent or guardian (art. 2 L. "
                                 "47/2017): placement rules apply while under 18 by birth_date"})
          .field("languages", &Person::languages,
                 {.description = "ISO 639 codes (BCP 47 primary language subtags)"})
          .field("cui", &Person::cui)
          .field("codice_fiscale", &Person::codice_fiscale)
          .field("family_group_id", &Person::family_group_id)
          .field("created_at", &Person::created_at, {.format = "date-time"})
          .field("updated_at", &Person::updated_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<FamilyGroup>& family_group_type() {
  static const auto type =
      api::ObjectType<FamilyGroup>("FamilyGroup")
          .field("id", &FamilyGroup::id)
          .field("label", &FamilyGroup::label)
          .field("created_at", &FamilyGroup::created_at, {.format = "date-time"});
  return type;
}

nlohmann::json to_json(const Person& p) {
  return person_type().to_json(p);
}

nlohmann::json summary_json(const Person& p) {
  return person_summary_type().to_json(p);
}

nlohmann::json to_json(const FamilyGroup& g) {
  return family_group_type().to_json(g);
}

std::vector<db::Migration> migrations(db::Engine engine) {
  // Person search (docs/decisions/0007-person-search.md): person_names holds every distinct
  // (family name, given names, original family name) that a person bears or bore, added by
  // triggers in the transaction of every write of a person. Never updated nor deleted: a
  // counter or a clean-up would make one row hot, or race with a new bearer of the name; a name
  // nobody bears any more finds nobody. A trigram index over it finds the names a fragment
  // matches (SQLite: an FTS5 table; PostgreSQL: pg_trgm), and persons_name_order reads their
  // persons in list order.
  const std::string names = R"sql(
CREATE TABLE person_names (
  id {{pk}},
  family_name TEXT NOT NULL,
  given_names TEXT NOT NULL,
  family_name_original TEXT NOT NULL, -- '' for none, so that the triple is unique
  UNIQUE (family_name, given_names, family_name_original)
);
)sql";
  const std::string fill = R"sql(
INSERT INTO person_names (family_name, given_names, family_name_original)
SELECT DISTINCT family_name, given_names, COALESCE(family_name_original, '') FROM persons;
DROP INDEX persons_family_name;
CREATE INDEX persons_name_order ON persons (family_name, given_names, id);
)sql";
  const std::string sqlite = R"sql(
CREATE VIRTUAL TABLE person_names_search USING fts5(family_name, given_names,
  family_name_original, content = 'person_names', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER person_names_search_insert AFTER INSERT ON person_names BEGIN
  INSERT INTO person_names_search (rowid, family_name, given_names, family_name_original)
  VALUES (new.id, new.family_name, new.given_names, new.family_name_original);
END;
CREATE TRIGGER person_names_insert AFTER INSERT ON persons BEGIN
  INSERT INTO person_names (family_name, given_names, family_name_original)
  VALUES (new.family_name, new.given_names, COALESCE(new.family_name_original, ''))
  ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER person_names_update AFTER UPDATE OF family_name, given_names,
  family_name_original ON persons BEGIN
  INSERT INTO person_names (family_name, given_names, family_name_original)
  VALUES (new.family_name, new.given_names, COALESCE(new.family_name_original, ''))
  ON CONFLICT DO NOTHING;
END;
-- Whole names of one or two characters.
CREATE INDEX person_names_family_lower ON person_names (LOWER(family_name));
CREATE INDEX person_names_given_lower ON person_names (LOWER(given_names));
CREATE INDEX person_names_original_lower ON person_names (LOWER(family_name_original));
)sql";
  // pg_trgm is a trusted extension: the database owner may create it. It goes in schema public,
  // where the indexes of every schema find it (the storage tests use a schema each).
  const std::string postgresql = R"sql(
CREATE FUNCTION person_names_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_names (family_name, given_names, family_name_original)
  VALUES (NEW.family_name, NEW.given_names, COALESCE(NEW.family_name_original, ''))
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER person_names_add AFTER INSERT OR UPDATE OF family_name, given_names,
  family_name_original ON persons FOR EACH ROW EXECUTE FUNCTION person_names_add();
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
-- GIN trigram indexes also answer equality: the whole names of one or two characters.
CREATE INDEX person_names_family_trgm ON person_names
  USING gin (LOWER(family_name) public.gin_trgm_ops);
CREATE INDEX person_names_given_trgm ON person_names
  USING gin (LOWER(given_names) public.gin_trgm_ops);
CREATE INDEX person_names_original_trgm ON person_names
  USING gin (LOWER(family_name_original) public.gin_trgm_ops);
)sql";
  // Migration 13 (decision 0007, update): person_names also holds the given names in the
  // original script and a search key, the four names folded by fold_name() (name_fold.h) in
  // C++, so that accents and case fold alike on both engines. The key is computed in C++, so the
  // rows are added by the people functions that write persons (add_names), no longer by
  // triggers, and the migration fills the table from the persons (fill_names). The trigram
  // index covers the key only.
  const std::string names_v2 = R"sql(
CREATE TABLE person_names (
  id {{pk}},
  family_name TEXT NOT NULL,
  given_names TEXT NOT NULL,
  family_name_original TEXT NOT NULL, -- '' for none, so that the four are unique
  given_names_original TEXT NOT NULL,
  search_key TEXT NOT NULL,
  UNIQUE (family_name, given_names, family_name_original, given_names_original)
);
)sql";
  const std::string sqlite_v2 = R"sql(
CREATE VIRTUAL TABLE person_names_search USING fts5(search_key, content = 'person_names',
  content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER person_names_search_insert AFTER INSERT ON person_names BEGIN
  INSERT INTO person_names_search (rowid, search_key) VALUES (new.id, new.search_key);
END;
)sql";
  const std::string postgresql_v2 = R"sql(
CREATE INDEX person_names_key_trgm ON person_names USING gin (search_key public.gin_trgm_ops);
)sql";
  const std::string drop_sqlite = R"sql(
DROP TRIGGER person_names_insert;
DROP TRIGGER person_names_update;
DROP TRIGGER person_names_search_insert;
DROP TABLE person_names_search;
DROP TABLE person_names;
)sql";
  const std::string drop_postgresql = R"sql(
DROP TRIGGER person_names_add ON persons;
DROP FUNCTION person_names_add();
DROP TABLE person_names;
)sql";
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
)sql"},
          {12, "people: person search",
           names + (engine == db::Engine::sqlite ? sqlite : postgresql) + fill},
          {13, "people: person search by words, without accents or case",
           (engine == db::Engine::sqlite ? drop_sqlite + names_v2 + sqlite_v2
                                         : drop_postgresql + names_v2 + postgresql_v2),
           "", fill_names},
          // A flag, not an age: whether a minor is unaccompanied is a finding of the
          // authorities, recorded once; the age that decides the rules comes from birth_date.
          {14, "people: unaccompanied minors",
           "ALTER TABLE persons ADD COLUMN unaccompanied_minor INTEGER NOT NULL DEFAULT 0;"},
          // Duplicates (decision 0026): the keys candidates are found by, then merges.
          match_keys_migration(engine),
          merges_migration(engine),
          // Another module's list of one nationality, by name (the case list, decision 0025).
          {17, "people: persons of a nationality by name",
           "CREATE INDEX persons_nationality_name ON persons (nationality, family_name, "
           "given_names, id);"},
          // The queue of likely pairs and the pairs marked "not the same person".
          pairs_migration(engine)};
}

}  // namespace innet::people
