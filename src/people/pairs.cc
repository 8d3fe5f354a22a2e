#include "people/pairs.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "core/clock.h"
#include "core/slices.h"
#include "people/duplicates.h"
#include "people/person_records.h"

namespace innet::people {
namespace {

using Ids = std::vector<std::int64_t>;
using Key = std::pair<std::int64_t, std::int64_t>;  // (lower id, higher id)

// Ids per statement: a person has 1 to 3 pair keys, each meeting about a hundred namesakes born
// the same year, of whom a few the same day. Large slices, since a statement has a cost of its
// own on PostgreSQL (planning, at times a sequential read of persons and JIT compilation): a
// bulk of 800,000 persons is 160 slices. A registration or a correction has one person.
constexpr std::size_t kSlice = 5000;

Key key_of(std::int64_t a, std::int64_t b) {
  return {std::min(a, b), std::max(a, b)};
}

// The blocking partners of a slice of persons, each pair once: the persons sharing a pair key
// (family word and given word, consonant keys, either order) and the birth date, through
// person_match_keys' primary key (key and year) and the persons' ids. A shared name without the
// same birth date cannot reach kPairMinScore, so it is not read: on national data a common name
// and year have a hundred bearers, a name and date a few.
Status name_partners(db::Connection& conn, const Ids& slice, std::set<Key>& pairs) {
  db::Params params(slice.begin(), slice.end());
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      // Written so that SQLite looks b up by key and year both: with "a.birth_year > 0" it
      // carried the range over to b and read every bearer of the key, of any year; with a range on
      // a.match_key it could scan the keys instead of this slice's persons. The set dedups.
      conn.query("SELECT a.person_id, b.person_id FROM person_match_keys a "
                 "JOIN person_match_keys b ON b.match_key = a.match_key "
                 "AND b.birth_year = a.birth_year "
                 "JOIN persons pa ON pa.id = a.person_id "
                 "JOIN persons pb ON pb.id = b.person_id AND pb.birth_date = pa.birth_date "
                 "WHERE a.person_id IN (" +
                     db::placeholders(slice.size()) +
                     ") AND a.birth_year <> 0 AND substr(a.match_key, 1, 2) = 'p:' "
                     "AND b.person_id <> a.person_id",
                 params));
  for (const auto& r : rows) pairs.insert(key_of(r.integer(0), r.integer(1)));
  return Status::success();
}

// The persons sharing an identity document number with one of the slice, from the modules that
// record documents.
Status document_partners(db::Connection& conn, const Ids& slice, std::set<Key>& pairs,
                         std::set<Key>& by_document) {
  for (const auto& records : person_records()) {
    if (!records.documents_of || !records.persons_with_document) continue;
    INNET_ASSIGN_OR_RETURN(auto documents, records.documents_of(conn, slice));
    for (const auto& [person_id, number] : documents) {
      INNET_ASSIGN_OR_RETURN(auto others, records.persons_with_document(conn, number));
      for (auto other : others)
        if (other != person_id) {
          pairs.insert(key_of(person_id, other));
          by_document.insert(key_of(person_id, other));
        }
    }
  }
  return Status::success();
}

Status store(db::Connection& conn, const std::vector<DuplicatePair>& found) {
  return db::insert_many(
      conn, "INSERT INTO person_pairs (low_id, high_id, score, reasons) VALUES ", 4, found.size(),
      [&](std::size_t i, db::Params& params) {
        const auto& p = found[i];
        params.insert(params.end(),
                      {p.first.id, p.second.id, std::int64_t{p.score}, db::join_codes(p.reasons)});
      });
}

// Scores the pairs found and stores those that make the queue.
Status score_and_store(db::Connection& conn, const std::set<Key>& pairs,
                       const std::set<Key>& by_document) {
  if (pairs.empty()) return Status::success();
  std::set<std::int64_t> ids;
  for (const auto& [a, b] : pairs) ids.insert(a), ids.insert(b);
  INNET_ASSIGN_OR_RETURN(auto persons, find_live_persons(conn, {ids.begin(), ids.end()}, {}));
  std::map<std::int64_t, const Person*> by_id;
  for (const auto& p : persons) by_id[p.id] = &p;
  std::vector<DuplicatePair> found;
  for (const auto& key : pairs) {
    const auto a = by_id.find(key.first);
    const auto b = by_id.find(key.second);
    if (a == by_id.end() || b == by_id.end()) continue;  // merged into another
    auto c = score_pair(*a->second, *b->second, by_document.contains(key));
    if (c.reasons.empty() || c.score < kPairMinScore) continue;
    found.push_back({*a->second, *b->second, c.score, std::move(c.reasons)});
  }
  return store(conn, found);
}

// The pairs of a slice of persons whose rows may be queued: deleted, found again.
Status refresh_slice(db::Connection& conn, const Ids& slice) {
  const auto in = db::placeholders(slice.size());
  db::Params twice(slice.begin(), slice.end());
  twice.insert(twice.end(), slice.begin(), slice.end());
  INNET_TRY(conn.execute(
      "DELETE FROM person_pairs WHERE low_id IN (" + in + ") OR high_id IN (" + in + ")", twice));
  std::set<Key> pairs;
  std::set<Key> by_document;
  INNET_TRY(name_partners(conn, slice, pairs));
  INNET_TRY(document_partners(conn, slice, pairs, by_document));
  return score_and_store(conn, pairs, by_document);
}

// The pairs of a slice of persons none of whom has a row queued (`fresh`: whether a person is
// one of those, in this slice or another): nothing to delete. A pair of two fresh persons is
// found from both sides; it is stored from its lower id's slice only.
Status queue_slice(db::Connection& conn, const Ids& slice,
                   const std::function<bool(std::int64_t)>& fresh) {
  std::set<Key> pairs;
  std::set<Key> by_document;
  INNET_TRY(name_partners(conn, slice, pairs));
  INNET_TRY(document_partners(conn, slice, pairs, by_document));
  const std::set<std::int64_t> in_slice(slice.begin(), slice.end());
  std::erase_if(pairs,
                [&](const Key& key) { return !in_slice.contains(key.first) && fresh(key.first); });
  return score_and_store(conn, pairs, by_document);
}

// Each slice of kSlice of `person_ids` in turn.
Status by_slices(const Ids& person_ids, const std::function<Status(const Ids&)>& each) {
  return for_each_slice(person_ids, kSlice, [&](std::span<const std::int64_t> slice) {
    return each(Ids(slice.begin(), slice.end()));
  });
}

// The pairs of persons written in bulk where no other person lives (a seed's): their blocks by
// name (pair_blocks: the pair keys name_partners looks up, with the birth date) paired in memory.
// The lookup of name_partners reads every namesake born the same year back by id, and on
// PostgreSQL rows the transaction wrote have no visibility map yet, so each was a heap fetch:
// about 20 s a slice of 5,000 on national data, 55 minutes for the nation. Documents as elsewhere.
Status queue_among(db::Connection& conn, const std::vector<const Person*>& persons,
                   const Ids& ids) {
  std::unordered_map<std::string, Ids> blocks;
  for (const Person* p : persons)
    for (auto& block : pair_blocks(*p)) blocks[std::move(block)].push_back(p->id);
  std::set<Key> by_name;
  for (const auto& [block, bearers] : blocks)
    for (std::size_t i = 0; i < bearers.size(); ++i)
      for (std::size_t j = i + 1; j < bearers.size(); ++j)
        if (bearers[i] != bearers[j]) by_name.insert(key_of(bearers[i], bearers[j]));
  blocks.clear();
  return by_slices(ids, [&](const Ids& slice) -> Status {
    std::set<Key> pairs;
    std::set<Key> by_document;
    INNET_TRY(document_partners(conn, slice, pairs, by_document));
    const std::set<std::int64_t> in_slice(slice.begin(), slice.end());
    std::erase_if(pairs, [&](const Key& key) { return !in_slice.contains(key.first); });
    for (auto id : slice)
      for (auto it = by_name.lower_bound({id, 0}); it != by_name.end() && it->first == id; ++it)
        pairs.insert(*it);
    return score_and_store(conn, pairs, by_document);
  });
}

constexpr const char* kDismissalColumns =
    "id, low_id, high_id, reason, dismissed_by, dismissed_at, undone_by, undone_at, undo_reason";

PairDismissal dismissal_from_row(const db::Row& r) {
  PairDismissal d;
  d.id = r.integer(0);
  d.first.id = r.integer(1);
  d.second.id = r.integer(2);
  d.reason = r.text(3);
  d.dismissed_by = r.integer(4);
  d.dismissed_at = r.text(5);
  d.undone_by = r.opt_integer(6);
  d.undone_at = r.opt_text(7);
  d.undo_reason = r.opt_text(8);
  return d;
}

// The persons a page names, read in one query and put in place of their ids.
template <typename T>
Status fill_persons(db::Connection& conn, std::vector<T>& items) {
  Ids ids;
  for (const auto& item : items) ids.push_back(item.first.id), ids.push_back(item.second.id);
  INNET_ASSIGN_OR_RETURN(auto persons, find_persons(conn, ids));
  std::map<std::int64_t, Person> by_id;
  for (auto& p : persons) by_id[p.id] = std::move(p);
  for (auto& item : items) {
    item.first = by_id.at(item.first.id);
    item.second = by_id.at(item.second.id);
  }
  return Status::success();
}

// The persons filled in, that the page's ids name (a person is never deleted).
Result<PairDismissal> with_persons(db::Connection& conn, PairDismissal d) {
  std::vector<PairDismissal> one{std::move(d)};
  INNET_TRY(fill_persons(conn, one));
  return std::move(one[0]);
}

// The ids of persons the migration reads at a time.
constexpr std::int64_t kFillBatch = 20000;

// Migration 18: the pairs of every person recorded (merged ones have no keys: no pairs).
Status fill_pairs(db::Connection& conn) {
  std::int64_t after = 0;
  for (;;) {
    INNET_ASSIGN_OR_RETURN(auto rows,
                           conn.query("SELECT id FROM persons WHERE id > ? AND merged_into IS NULL "
                                      "ORDER BY id LIMIT ?",
                                      {after, kFillBatch}));
    if (rows.empty()) return Status::success();
    Ids ids;
    for (const auto& r : rows) ids.push_back(r.integer(0));
    after = ids.back();
    // The table is new: every person is fresh.
    INNET_TRY(by_slices(ids, [&](const Ids& slice) {
      return queue_slice(conn, slice, [](std::int64_t) { return true; });
    }));
  }
}

}  // namespace

Status refresh_pairs(db::Connection& conn, const std::vector<std::int64_t>& person_ids) {
  return by_slices(person_ids, [&](const Ids& slice) { return refresh_slice(conn, slice); });
}

Status queue_new_pairs(db::Connection& conn, const std::vector<const Person*>& persons) {
  Ids ids;
  for (const Person* p : persons) ids.push_back(p->id);
  if (persons.size() > kSlice) {
    // Persons written in bulk (the national seed writes 800,000 in its one transaction): the
    // planner of PostgreSQL knows nothing of rows its own transaction wrote (autovacuum cannot
    // see them), took each id of a slice for 0.5% of the keys, and read both tables whole for
    // every slice: 4.4 s a slice of 300, 4 hours for the nation. ANALYZE samples the
    // transaction's own rows.
    if (conn.engine() == db::Engine::postgresql)
      INNET_TRY(conn.execute("ANALYZE persons, person_match_keys"));
    INNET_ASSIGN_OR_RETURN(auto live,
                           conn.query("SELECT COUNT(*) FROM persons WHERE merged_into IS NULL"));
    if (live[0].integer(0) == static_cast<std::int64_t>(persons.size()))
      return queue_among(conn, persons, ids);
  }
  const std::set<std::int64_t> fresh(ids.begin(), ids.end());
  return by_slices(ids, [&](const Ids& slice) {
    return queue_slice(conn, slice, [&](std::int64_t id) { return fresh.contains(id); });
  });
}

Status drop_pairs(db::Connection& conn, std::int64_t person_id) {
  INNET_TRY(conn.execute("DELETE FROM person_pairs WHERE low_id = ? OR high_id = ?",
                         {person_id, person_id}));
  return Status::success();
}

Result<PairPage> list_pairs(db::Connection& conn, const std::optional<db::Subquery>& among,
                            const Paging& paging) {
  db::Where where;
  where.add(
      "NOT EXISTS (SELECT 1 FROM person_pair_dismissals d WHERE d.low_id = person_pairs.low_id "
      "AND d.high_id = person_pairs.high_id AND d.undone_at IS NULL)");
  if (among) {
    // An organisation's pairs from its persons: their rows by the primary key (low_id first),
    // the other person tested on each (the unary + keeps it off an index), then sorted; a few
    // thousand persons have a few thousand pairs. Picking them out of the nation's queue in
    // score order read most of its two million rows (1.05 s).
    // On PostgreSQL an `IN (...)` of the union of the organisation's persons is estimated at
    // far more rows than its thousand or so, and the planner read the whole queue (2 million
    // rows, 0.56 s); an array of them is looked up in the primary key (45 ms; decision 0046).
    if (conn.engine() == db::Engine::postgresql)
      where.add(("person_pairs.low_id = ANY(ARRAY(" + among->sql + "))").c_str(), among->params);
    else
      where.add_in("person_pairs.low_id", *among);
    where.add_in("+person_pairs.high_id", *among);
  }
  const std::string from = " FROM person_pairs" + where.sql();
  db::Params params = where.params();
  params.push_back(paging.per_page);
  params.push_back(paging.offset());
  // The nation's page walks the order's index; an organisation's is sorted, and its order is kept
  // off that index too: PostgreSQL walked it for an operator, testing the two million pairs one
  // by one against its persons (over the 10 s statement timeout; sorted, 0.3 s under load 11).
  const std::string order = among ? "+score DESC" : "score DESC";
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT low_id, high_id, score, reasons" + from + " ORDER BY " + order +
                                ", low_id, high_id LIMIT ? OFFSET ?",
                            params));
  PairPage page;
  for (const auto& r : rows) {
    DuplicatePair p;
    p.first.id = r.integer(0);
    p.second.id = r.integer(1);
    p.score = static_cast<int>(r.integer(2));
    p.reasons = db::split_codes(r.text(3));
    page.items.push_back(std::move(p));
  }
  // The count reads at most one row past the limit.
  params = where.params();
  params.push_back(kPairCountLimit + 1);
  INNET_ASSIGN_OR_RETURN(
      auto counted, conn.query("SELECT COUNT(*) FROM (SELECT 1" + from + " LIMIT ?) n", params));
  page.total = std::min(counted[0].integer(0), kPairCountLimit);
  page.total_capped = counted[0].integer(0) > kPairCountLimit;
  INNET_TRY(fill_persons(conn, page.items));
  return page;
}

Result<PairDismissal> dismiss_pair(db::Connection& conn, std::int64_t person_id,
                                   std::int64_t other_id, const std::string& reason,
                                   std::int64_t actor_id) {
  if (person_id == other_id)
    return Error::field(ErrorKind::unprocessable, "other_id", FieldError::same_person());
  const auto [low, high] = key_of(person_id, other_id);
  INNET_ASSIGN_OR_RETURN(auto active,
                         conn.query("SELECT id FROM person_pair_dismissals WHERE low_id = ? AND "
                                    "high_id = ? AND undone_at IS NULL",
                                    {low, high}));
  if (!active.empty())
    return Error::rule(ErrorKind::conflict, "already_dismissed", "other_id",
                       {"already_dismissed",
                        {{"dismissal_id", active[0].integer(0)}},
                        "the pair is marked as two different persons already"});
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO person_pair_dismissals (low_id, high_id, reason, dismissed_by, "
                 "dismissed_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                 {low, high, reason, actor_id, clock::now_iso()}));
  return find_dismissal(conn, rows[0].integer(0));
}

Result<PairDismissal> undo_dismissal(db::Connection& conn, std::int64_t id,
                                     const std::string& reason, std::int64_t actor_id) {
  INNET_ASSIGN_OR_RETURN(auto d, find_dismissal(conn, id));
  if (d.undone_at)
    return Error::rule(ErrorKind::conflict, "already_undone", "id",
                       {"already_undone", {{"at", *d.undone_at}}, "was undone at " + *d.undone_at});
  INNET_TRY(
      db::expect_one(conn.execute("UPDATE person_pair_dismissals SET undone_by = ?, undone_at = ?, "
                                  "undo_reason = ? WHERE id = ? AND undone_at IS NULL",
                                  {actor_id, clock::now_iso(), reason, id}),
                     "dismissal"));
  return find_dismissal(conn, id);
}

Result<PairDismissal> find_dismissal(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kDismissalColumns +
                                                   " FROM person_pair_dismissals WHERE id = ?",
                                               {id}));
  if (rows.empty()) return Error::not_found("dismissal");
  return with_persons(conn, dismissal_from_row(rows[0]));
}

Result<db::Page<PairDismissal>> list_dismissals(db::Connection& conn, bool active,
                                                const Paging& paging) {
  db::Where where;
  if (active) where.add("undone_at IS NULL");
  INNET_ASSIGN_OR_RETURN(
      auto page, db::page_query<PairDismissal>(conn, kDismissalColumns, "person_pair_dismissals",
                                               where, "id DESC", paging, dismissal_from_row));
  INNET_TRY(fill_persons(conn, page.items));
  return page;
}

const api::ObjectType<DuplicatePair>& duplicate_pair_type() {
  static const auto type =
      api::ObjectType<DuplicatePair>("DuplicatePair")
          .field("first", &DuplicatePair::first, person_type(), {.description = "the lower id"})
          .field("second", &DuplicatePair::second, person_type())
          .field("score", &DuplicatePair::score,
                 {.description = "0 to 100, as for duplicate candidates"})
          .field("reasons", &DuplicatePair::reasons,
                 {.description = "codes of the DuplicateReason vocabulary",
                  .schema = {{"type", "array"},
                             {"items", {{"$ref", "#/components/schemas/DuplicateReason"}}}}});
  return type;
}

const api::ObjectType<PairDismissal>& pair_dismissal_type() {
  static const auto type =
      api::ObjectType<PairDismissal>("PairDismissal")
          .field("id", &PairDismissal::id)
          .field("first", &PairDismissal::first, person_summary_type(),
                 {.description = "the lower id"})
          .field("second", &PairDismissal::second, person_summary_type())
          .field("reason", &PairDismissal::reason)
          .field("dismissed_by", &PairDismissal::dismissed_by)
          .field("dismissed_at", &PairDismissal::dismissed_at, {.format = "date-time"})
          .field("undone_by", &PairDismissal::undone_by)
          .field("undone_at", &PairDismissal::undone_at, {.format = "date-time"})
          .field("undo_reason", &PairDismissal::undo_reason);
  return type;
}

db::Migration pairs_migration(db::Engine) {
  // person_pairs is derived (refresh_pairs rewrites a person's rows whenever the person is
  // written): the queue's order is its index. A dismissal is a record of a decision: kept when
  // undone, one active per pair.
  return {18, "people: the queue of likely duplicate pairs", R"sql(
CREATE TABLE person_pairs (
  low_id BIGINT NOT NULL REFERENCES persons (id),
  high_id BIGINT NOT NULL REFERENCES persons (id),
  score INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  PRIMARY KEY (low_id, high_id)
);
CREATE INDEX person_pairs_high ON person_pairs (high_id);
CREATE INDEX person_pairs_order ON person_pairs (score DESC, low_id, high_id);
CREATE TABLE person_pair_dismissals (
  id {{pk}},
  low_id BIGINT NOT NULL REFERENCES persons (id),
  high_id BIGINT NOT NULL REFERENCES persons (id),
  reason TEXT NOT NULL,
  dismissed_by BIGINT NOT NULL,
  dismissed_at TEXT NOT NULL,
  undone_by BIGINT,
  undone_at TEXT,
  undo_reason TEXT
);
CREATE UNIQUE INDEX person_pair_dismissals_active ON person_pair_dismissals (low_id, high_id)
  WHERE undone_at IS NULL;
)sql",
          "", fill_pairs};
}

}  // namespace innet::people
