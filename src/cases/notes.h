// The notes of a case, each with a sensitivity level (decision 0025). A normal note is stored as
// written; a sensitive note's narrative (health, violence, what the person confided) is sealed
// with libsodium's secretbox under a key kept in a file outside the database
// (case_notes_key_file), so a copy of the database alone does not reveal it. Who may read a
// sensitive narrative is the policy's field set "cases.notes.sensitive": the routes open the
// seal only for a caller holding it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"

namespace innet::cases {

const std::vector<std::string>& note_sensitivities();  // normal, sensitive

struct Note {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string sensitivity = "normal";
  // The narrative; nothing for a sensitive note read without opening its seal.
  std::optional<std::string> text;
  std::int64_t written_by = 0;
  std::string written_at;
};

// Stores the note, sealing a sensitive one with `key` (the raw secretbox key).
Result<Note> add_note(db::Connection& conn, const Note& note, const std::string& key);

// The case's notes, oldest first. With a key the sensitive narratives are opened (an error
// naming the key file when a seal does not open with it); without one they stay empty.
Result<std::vector<Note>> notes_of(db::Connection& conn, std::int64_t case_id,
                                   const std::string* key);

// How many sealed notes the database holds: with any, a missing key file is a startup error
// rather than a new key that could open none of them.
Result<std::int64_t> sealed_note_count(db::Connection& conn);

}  // namespace innet::cases
