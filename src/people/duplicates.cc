#include "people/duplicates.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "core/slices.h"
#include "people/name_match.h"
#include "people/pairs.h"
#include "people/person_records.h"

namespace innet::people {
namespace {

std::vector<PersonRecords>& registered() {
  static std::vector<PersonRecords> all;
  return all;
}

// The persons a key lookup reads at most. A common name with no birth date to narrow it matches
// thousands on national data; these are scored and the best kept (decision 0026, limits).
constexpr std::int64_t kLookupLimit = 200;

Names names_of(const Person& p) {
  return {p.family_name, p.given_names, p.family_name_original.value_or(""),
          p.given_names_original.value_or("")};
}

std::int64_t year_of(const std::optional<std::string>& date) {
  return date && date->size() >= 4 ? std::atoll(date->substr(0, 4).c_str()) : 0;
}

void add_among(std::string& sql, db::Params& params, const char* column,
               const std::optional<db::Subquery>& among) {
  if (!among) return;
  sql += std::string(" AND ") + column + " IN (" + among->sql + ")";
  params.insert(params.end(), among->params.begin(), among->params.end());
}

Status collect(Result<db::Rows> rows, std::set<std::int64_t>& ids) {
  if (!rows.ok()) return rows.take_error();
  for (const auto& r : *rows) ids.insert(r.integer(0));
  return Status::success();
}

// The ids of the persons the query may describe, among those the caller may see: by CUI, by name
// keys (within a year of the birth date when it is given), or by birth date when no name is
// given. Document numbers come from the PersonRecords hooks, in find_duplicates.
Result<std::set<std::int64_t>> lookup(db::Connection& conn, const DuplicateQuery& q) {
  std::set<std::int64_t> ids;
  const auto limit = " LIMIT " + std::to_string(kLookupLimit);
  if (const auto cui = normalised_identifier(q.cui); !cui.empty()) {
    std::string sql = "SELECT id FROM persons WHERE cui = ? AND merged_into IS NULL";
    db::Params params{cui};
    add_among(sql, params, "id", q.among);
    INNET_TRY(collect(conn.query(sql, params), ids));
  }
  const auto keys = query_keys(q.family_name, q.given_names);
  const auto year = year_of(q.birth_date);
  if (!keys.empty()) {
    std::string sql = "SELECT DISTINCT person_id FROM person_match_keys WHERE match_key IN (" +
                      db::placeholders(keys.size()) + ")";
    db::Params params(keys.begin(), keys.end());
    if (year > 0) {
      sql += " AND birth_year IN (0, ?, ?, ?)";
      params.insert(params.end(), {year - 1, year, year + 1});
    }
    add_among(sql, params, "person_id", q.among);
    INNET_TRY(collect(conn.query(sql + limit, params), ids));
  } else if (q.birth_date) {
    std::string sql = "SELECT id FROM persons WHERE birth_date = ? AND merged_into IS NULL";
    db::Params params{*q.birth_date};
    add_among(sql, params, "id", q.among);
    INNET_TRY(collect(conn.query(sql + limit, params), ids));
  }
  return ids;
}

// Whether two birth dates may be one person's: unknown, or the same year, or a year apart when
// either is an estimate (an age assessment gives a year, often with 1 January).
bool birth_compatible(const std::optional<std::string>& query, const Person& p) {
  if (!query || !p.birth_date) return true;
  const auto gap = std::llabs(year_of(query) - year_of(p.birth_date));
  return gap == 0 || (gap == 1 && p.birth_date_estimated);
}

// The score and reasons of one candidate; no reasons when it is not one.
Candidate score(const DuplicateQuery& q, Person p, const std::set<std::int64_t>& by_document) {
  Candidate c;
  int points = 0;
  const auto cui = normalised_identifier(q.cui);
  const bool same_cui = !cui.empty() && p.cui && normalised_identifier(*p.cui) == cui;
  const bool same_document = by_document.contains(p.id);
  if (same_cui) c.reasons.push_back("same_cui");
  if (same_document) c.reasons.push_back("same_document");
  points += same_cui || same_document ? 60 : 0;
  points += same_cui && same_document ? 20 : 0;
  const bool asked_name = !name_words(q.family_name).empty() || !name_words(q.given_names).empty();
  const auto name = compare_names(q.family_name, q.given_names, names_of(p));
  switch (name.match) {
    case NameMatch::equal:
      c.reasons.push_back("name_equal"), points += 35;
      break;
    case NameMatch::phonetic:
      c.reasons.push_back("name_phonetic"), points += 30;
      break;
    case NameMatch::transliterated:
      c.reasons.push_back("name_transliterated"), points += 30;
      break;
    case NameMatch::none:
      break;
  }
  if (name.reversed) c.reasons.push_back("name_reversed"), points -= 5;
  bool same_date = false;
  if (q.birth_date && p.birth_date) {
    same_date = *q.birth_date == *p.birth_date;
    if (same_date)
      c.reasons.push_back("birth_date_equal"), points += 30;
    else if (year_of(q.birth_date) == year_of(p.birth_date))
      c.reasons.push_back("birth_year_equal"), points += 15;
  }
  if (!q.nationality.empty() && q.nationality == p.nationality)
    c.reasons.push_back("nationality_equal"), points += 5;
  const bool identified = same_cui || same_document;
  const bool by_name = name.match != NameMatch::none && birth_compatible(q.birth_date, p);
  const bool by_birth = !asked_name && same_date;
  if (!identified && !by_name && !by_birth) c.reasons.clear();
  c.score = std::clamp(points, 0, 100);
  c.person = std::move(p);
  return c;
}

// One statement's worth of keys at a time: 3 values a row.
constexpr std::size_t kKeyRows = 300;

Status insert_keys(db::Connection& conn,
                   const std::vector<std::tuple<std::string, std::int64_t, std::int64_t>>& rows) {
  using KeyRow = std::tuple<std::string, std::int64_t, std::int64_t>;
  return for_each_slice(rows, kKeyRows, [&](std::span<const KeyRow> slice) -> Status {
    std::string sql = "INSERT INTO person_match_keys (match_key, birth_year, person_id) VALUES ";
    db::Params params;
    for (const auto& [key, year, id] : slice) {
      sql += params.empty() ? "(?, ?, ?)" : ", (?, ?, ?)";
      params.insert(params.end(), {key, year, id});
    }
    INNET_TRY(conn.execute(sql + " ON CONFLICT DO NOTHING", params));
    return Status::success();
  });
}

// The keys of these persons, replacing those they had when `replace`.
Status store_keys(db::Connection& conn, const std::vector<const Person*>& persons, bool replace) {
  std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> rows;
  for (const Person* p : persons) {
    if (replace)
      INNET_TRY(conn.execute("DELETE FROM person_match_keys WHERE person_id = ?", {p->id}));
    for (auto& key : match_keys(names_of(*p)))
      rows.emplace_back(std::move(key), year_of(p->birth_date), p->id);
  }
  return insert_keys(conn, rows);
}

// A person's fields as the query of its own candidates.
DuplicateQuery query_of(const Person& p) {
  DuplicateQuery q{p.family_name, p.given_names,      p.birth_date,
                   p.nationality, p.cui.value_or(""), ""};
  q.except_id = p.id;
  return q;
}

// Migration 15: the keys of every person not merged (none is, yet: merges come with 16).
Status fill_keys(db::Connection& conn) {
  constexpr std::int64_t kBatch = 20000;
  std::int64_t after = 0;
  for (;;) {
    INNET_ASSIGN_OR_RETURN(
        auto rows,
        conn.query("SELECT id, family_name, given_names, family_name_original, "
                   "given_names_original, birth_date FROM persons WHERE id > ? ORDER BY id LIMIT ?",
                   {after, kBatch}));
    if (rows.empty()) return Status::success();
    std::vector<Person> persons;
    for (const auto& r : rows) {
      Person p;
      p.id = r.integer(0);
      p.family_name = r.text(1);
      p.given_names = r.text(2);
      p.family_name_original = r.opt_text(3);
      p.given_names_original = r.opt_text(4);
      p.birth_date = r.opt_text(5);
      persons.push_back(std::move(p));
    }
    after = persons.back().id;
    std::vector<const Person*> all;
    for (const auto& p : persons) all.push_back(&p);
    // Keys only: the pairs (migration 18) are computed from them when their table exists.
    INNET_TRY(store_keys(conn, all, false));
  }
}

}  // namespace

void add_person_records(PersonRecords records) {
  registered().push_back(std::move(records));
}

const std::vector<PersonRecords>& person_records() {
  return registered();
}

FieldError one_of_required(std::vector<std::string> fields) {
  std::string message = "give at least one of";
  for (const auto& f : fields) message += " " + f;
  return {"one_of_required", {{"fields", std::move(fields)}}, std::move(message)};
}

FieldError already_merged(std::int64_t into) {
  return {"already_merged", {{"into", into}}, "was merged into person " + std::to_string(into)};
}

FieldError already_unmerged(std::string at) {
  std::string message = "was unmerged at " + at;
  return {"already_unmerged", {{"at", std::move(at)}}, std::move(message)};
}

FieldError placements_overlap(std::int64_t kept_placement, std::int64_t merged_placement,
                              bool both_open) {
  const std::string ids =
      std::to_string(kept_placement) + " and " + std::to_string(merged_placement);
  return {both_open ? "both_placed" : "placements_overlap",
          {{"kept_placement", kept_placement}, {"merged_placement", merged_placement}},
          both_open ? "both records are placed now (placements " + ids + ")"
                    : "placements " + ids + " overlap"};
}

std::string normalised_identifier(const std::string& text) {
  std::string out;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool has_criterion(const DuplicateQuery& q) {
  return !name_words(q.family_name).empty() || !name_words(q.given_names).empty() || q.birth_date ||
         !normalised_identifier(q.cui).empty() || !normalised_identifier(q.document_number).empty();
}

Result<std::vector<Candidate>> find_duplicates(db::Connection& conn, const DuplicateQuery& q) {
  INNET_ASSIGN_OR_RETURN(auto ids, lookup(conn, q));
  // The number asked, or a recorded person's own documents: the queue of pairs (pairs.h) pairs
  // records by them, and its review page lists the candidates of one of the two.
  std::vector<std::string> numbers;
  if (auto number = normalised_identifier(q.document_number); !number.empty())
    numbers.push_back(std::move(number));
  else if (q.except_id)
    for (const auto& records : registered())
      if (records.documents_of) {
        INNET_ASSIGN_OR_RETURN(auto own, records.documents_of(conn, {*q.except_id}));
        for (auto& owned : own) numbers.push_back(std::move(owned.second));
      }
  std::set<std::int64_t> by_document;
  for (const auto& number : numbers)
    for (const auto& records : registered())
      if (records.persons_with_document) {
        INNET_ASSIGN_OR_RETURN(auto found, records.persons_with_document(conn, number));
        by_document.insert(found.begin(), found.end());
      }
  if (q.except_id) ids.erase(*q.except_id), by_document.erase(*q.except_id);
  // The lookup is scoped already: its persons are read without the organisation's subquery, which
  // an engine may materialise again (decision 0026); only those found by document alone need it.
  INNET_ASSIGN_OR_RETURN(auto persons, find_live_persons(conn, {ids.begin(), ids.end()}, {}));
  std::vector<std::int64_t> documents_only;
  for (auto id : by_document)
    if (!ids.contains(id)) documents_only.push_back(id);
  if (!documents_only.empty()) {
    INNET_ASSIGN_OR_RETURN(auto more, find_live_persons(conn, documents_only, q.among));
    persons.insert(persons.end(), std::make_move_iterator(more.begin()),
                   std::make_move_iterator(more.end()));
  }
  std::vector<Candidate> out;
  for (auto& p : persons)
    if (auto c = score(q, std::move(p), by_document); !c.reasons.empty())
      out.push_back(std::move(c));
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.person.id < b.person.id;
  });
  if (out.size() > kMaxCandidates) out.resize(kMaxCandidates);
  return out;
}

Candidate score_pair(const Person& a, const Person& b, bool same_document) {
  // The name comparison reads the query's Latin names against all four of the candidate's: each
  // way round, the better one.
  const std::set<std::int64_t> by_document =
      same_document ? std::set<std::int64_t>{a.id, b.id} : std::set<std::int64_t>{};
  auto one = score(query_of(a), b, by_document);
  auto other = score(query_of(b), a, by_document);
  if (one.reasons.empty() || (!other.reasons.empty() && other.score > one.score))
    std::swap(one, other);
  return one;
}

Status store_match_keys(db::Connection& conn, const std::vector<const Person*>& persons,
                        bool replace) {
  INNET_TRY(store_keys(conn, persons, replace));
  std::vector<std::int64_t> ids;
  for (const Person* p : persons) ids.push_back(p->id);
  // A person written anew has no pair queued: nothing to delete (decision 0026).
  return replace ? refresh_pairs(conn, ids) : queue_new_pairs(conn, persons);
}

std::vector<std::string> pair_blocks(const Person& p) {
  std::vector<std::string> out;
  if (year_of(p.birth_date) == 0) return out;
  for (auto& key : match_keys(names_of(p)))
    if (key.starts_with("p:")) out.push_back(key + " " + *p.birth_date);
  return out;
}

Result<std::optional<std::int64_t>> merged_into(db::Connection& conn, std::int64_t person_id) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT merged_into FROM persons WHERE id = ?", {person_id}));
  if (rows.empty()) return Error::not_found("person");
  return rows[0].opt_integer(0);
}

Status drop_match_keys(db::Connection& conn, std::int64_t person_id) {
  INNET_TRY(conn.execute("DELETE FROM person_match_keys WHERE person_id = ?", {person_id}));
  return drop_pairs(conn, person_id);
}

db::Migration match_keys_migration(db::Engine) {
  // The primary key is the lookup: a key, the birth year (0 unknown), the person. The second
  // index serves the replacement of a person's keys when the person is corrected or merged.
  return {15, "people: duplicate candidates", R"sql(
CREATE TABLE person_match_keys (
  match_key TEXT NOT NULL,
  birth_year INTEGER NOT NULL,
  person_id BIGINT NOT NULL REFERENCES persons (id),
  PRIMARY KEY (match_key, birth_year, person_id)
){{without_rowid}};
CREATE INDEX person_match_keys_person ON person_match_keys (person_id);
CREATE INDEX persons_birth_date ON persons (birth_date);
)sql",
          "", fill_keys};
}

}  // namespace innet::people
