// The queue of likely duplicate pairs (decision 0026, "The queue of pairs"): every two live
// persons who share a blocking key (a name pair's consonant key and the birth date, or an
// identity document number) and whom the duplicates' own scoring makes candidates, with their
// score and reasons, kept in person_pairs as persons are written. Reading the queue is one indexed
// query, best score first; a pair marked "not the same person" leaves it until that is undone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "core/json_input.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "people/persons.h"

namespace innet::people {

// Pairs scoring less are not queued: a name, birth date or identifier in common at least (a
// name spelt differently and the same birth date, 60). A shared name, birth year and nationality
// (55) is not: on national data a common name has a hundred bearers born the same year.
constexpr int kPairMinScore = 60;

struct DuplicatePair {
  Person first;  // the lower id
  Person second;
  int score = 0;
  std::vector<std::string> reasons;
};

// A pair marked "not the same person": recorded with its reason, undone with another.
struct PairDismissal {
  std::int64_t id = 0;
  Person first;  // the lower id
  Person second;
  std::string reason;
  std::int64_t dismissed_by = 0;
  std::string dismissed_at;
  std::optional<std::int64_t> undone_by;
  std::optional<std::string> undone_at;
  std::optional<std::string> undo_reason;
};

// Recomputes the pairs of these persons (after their names, birth date or documents changed):
// their rows are deleted, their blocking partners looked up by index, scored as duplicate
// candidates are, and those scoring kPairMinScore or more stored. Called by store_match_keys when
// a person is corrected, and by a module that records identity documents when it records one
// (PersonRecords::documents_of).
Status refresh_pairs(db::Connection& conn, const std::vector<std::int64_t>& person_ids);
// The pairs of persons just written, none of whom has a pair queued yet (created, unmerged, or
// written in bulk by a seed): the same pairs as refresh_pairs, without its DELETE, and a pair of
// two of them stored once, from the slice of its lower id. Called by store_match_keys.
Status queue_new_pairs(db::Connection& conn, const std::vector<const Person*>& persons);
// A person merged into another is in no pair any more.
Status drop_pairs(db::Connection& conn, std::int64_t person_id);

// The national queue holds millions of pairs: counting them all would cost more than the page
// (243 ms of a page's 250 on national data), so the count stops here (total_capped), as the
// person search's and the case list's do.
constexpr std::int64_t kPairCountLimit = 1000;

struct PairPage {
  std::vector<DuplicatePair> items;
  std::int64_t total = 0;  // at most kPairCountLimit
  bool total_capped = false;
};

// Best score first, then by ids; pairs dismissed (and not undone) left out; `among`: both
// persons in it (an organisation's view: its pairs are read from its persons, not picked out of
// the nation's).
Result<PairPage> list_pairs(db::Connection& conn, const std::optional<db::Subquery>& among,
                            const Paging& paging);

// 422 same_person (field other_id); 409 already_dismissed when the pair is dismissed now.
Result<PairDismissal> dismiss_pair(db::Connection& conn, std::int64_t person_id,
                                   std::int64_t other_id, const std::string& reason,
                                   std::int64_t actor_id);
// 409 already_undone.
Result<PairDismissal> undo_dismissal(db::Connection& conn, std::int64_t id,
                                     const std::string& reason, std::int64_t actor_id);
Result<PairDismissal> find_dismissal(db::Connection& conn, std::int64_t id);
// Newest first; `active`: only those not undone.
Result<db::Page<PairDismissal>> list_dismissals(db::Connection& conn, bool active,
                                                const Paging& paging);

const api::ObjectType<DuplicatePair>& duplicate_pair_type();
const api::ObjectType<PairDismissal>& pair_dismissal_type();

// Migration 18: person_pairs, filled from the persons recorded, and person_pair_dismissals.
db::Migration pairs_migration(db::Engine engine);

}  // namespace innet::people
