// What other modules hold about a person, for duplicates and merges (decision 0026). People
// reads no other module's tables (decision 0014): a module that records a person's identity
// documents, or records that name a person (reception: placements, absences...), registers a
// PersonRecords at start-up, and people asks all of them, as it asks its PersonLinks who may
// see a person (visibility.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "db/database.h"

namespace innet::people {

// The rows of one kind a merge moved from one person to the other: what an unmerge moves back.
struct MovedRecords {
  std::string kind;  // the module's name for them, e.g. "placements"
  std::vector<std::int64_t> ids;
};

struct PersonRecords {
  std::string name;  // the module, e.g. "reception"
  // Why the two cannot be one person (e.g. both placed now), as an error naming field
  // "merged_id"; success when they can. Checked before anything moves.
  std::function<Status(db::Connection&, std::int64_t kept_id, std::int64_t merged_id)> conflict =
      nullptr;
  // Moves the merged person's records to the kept one, in the merge's transaction; answers what
  // it moved, every row by id, so that `restore` can move exactly those back. `actor_id` is the
  // user merging (or unmerging), for a module that records who changed its records.
  std::function<Result<std::vector<MovedRecords>>(db::Connection&, std::int64_t kept_id,
                                                  std::int64_t merged_id, std::int64_t actor_id)>
      move = nullptr;
  // Moves back what `move` moved (those rows only: what the kept person gained since stays).
  std::function<Status(db::Connection&, std::int64_t kept_id, std::int64_t merged_id,
                       const std::vector<MovedRecords>&, std::int64_t actor_id)>
      restore = nullptr;
  // The persons whose identity documents carry this number (letters and digits, upper case),
  // from a module that records documents; nullptr when the module records none.
  std::function<Result<std::vector<std::int64_t>>(db::Connection&, const std::string& number)>
      persons_with_document = nullptr;
  // The identity document numbers of these persons (normalised as above), each with its person:
  // the queue of pairs (pairs.h) looks up who else bears them. A module that records documents
  // calls people::refresh_pairs when it records or corrects one.
  std::function<Result<std::vector<std::pair<std::int64_t, std::string>>>(
      db::Connection&, const std::vector<std::int64_t>& person_ids)>
      documents_of = nullptr;
};

// The field errors of duplicates and merges (codes translated by the web app). They belong in
// core/field_error.h with the others; they are here so that adding them did not rebuild every
// file while five branches shared two cores (to move when this branch lands).
FieldError one_of_required(std::vector<std::string> fields);
FieldError already_merged(std::int64_t into);
FieldError already_unmerged(std::string at);
// Two records of one person cannot both have been placed on one day: both_placed when both
// placements are open, placements_overlap otherwise.
FieldError placements_overlap(std::int64_t kept_placement, std::int64_t merged_placement,
                              bool both_open);

// Called while the application is assembled, before any request: read without a lock after.
void add_person_records(PersonRecords records);
const std::vector<PersonRecords>& person_records();

}  // namespace innet::people
