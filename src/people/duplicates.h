// Duplicate candidates (decision 0026): the persons who may be the one described, found through
// stored keys (person_match_keys: consonant keys of the names with the birth year, name_match.h),
// CUI and identity document numbers, then scored and explained in C++.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "people/persons.h"

namespace innet::people {

struct DuplicateQuery {
  std::string family_name;  // Latin or original script
  std::string given_names;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  std::string nationality;
  std::string cui;
  std::string document_number;
  std::optional<std::int64_t> except_id;  // a recorded person's candidates: not itself
  std::optional<db::Subquery> among;      // only these persons (an organisation's view)
};

// Why a person is a candidate, each a stable code: same_cui, same_document, name_equal,
// name_phonetic, name_transliterated, name_reversed, birth_date_equal, birth_year_equal,
// nationality_equal.
struct Candidate {
  Person person;
  int score = 0;  // 0 to 100
  std::vector<std::string> reasons;
};

// At most this many candidates, best first.
constexpr std::size_t kMaxCandidates = 20;

// The persons with these ids that are not merged into another, among those when given
// (persons.cc, which reads persons).
Result<std::vector<Person>> find_live_persons(db::Connection& conn,
                                              const std::vector<std::int64_t>& ids,
                                              const std::optional<db::Subquery>& among);
// The record a person was merged into, if it was (merges.h): kept as history, found no more.
Result<std::optional<std::int64_t>> merged_into(db::Connection& conn, std::int64_t person_id);

// Whether the query can find anyone: a name, a birth date, a CUI or a document number
// (a nationality alone narrows, it does not identify).
bool has_criterion(const DuplicateQuery& q);

Result<std::vector<Candidate>> find_duplicates(db::Connection& conn, const DuplicateQuery& q);

// Two recorded persons as candidates of each other (the queue of pairs, pairs.h): each one's
// fields as the query for the other, the better of the two ways; `same_document` when they share
// an identity document number. No reasons when they are not candidates.
Candidate score_pair(const Person& a, const Person& b, bool same_document);

// The blocks the queue of pairs (pairs.h) pairs a person in by name: each `p:` key of the person
// (those stored in person_match_keys) with the birth date; none without a known birth year.
std::vector<std::string> pair_blocks(const Person& p);

// CUI and document numbers as compared: letters and digits only, upper case.
std::string normalised_identifier(const std::string& text);

// The keys of these persons in person_match_keys and their pairs (pairs.h), in the transaction
// of the write of the persons (persons.cc, merges.cc): `replace` for persons recorded before (a
// correction: their keys replaced, their pairs recomputed); otherwise persons written anew, who
// have neither (created, written in bulk, unmerged).
Status store_match_keys(db::Connection& conn, const std::vector<const Person*>& persons,
                        bool replace);
// A merged person is found no more, and in no pair; unmerged, again (merges.cc).
Status drop_match_keys(db::Connection& conn, std::int64_t person_id);

// Migration 15: the keys table and the keys of the persons already recorded.
db::Migration match_keys_migration(db::Engine engine);

}  // namespace innet::people
