// The notes of a case, each with a sensitivity level (decision 0025). A normal note is stored as
// written; a sensitive note's narrative (health, violence, what the person confided) is sealed
// with libsodium's secretbox under a key kept in a file outside the database
// (case_notes_key_file), so a copy of the database alone does not reveal it. Who may read a
// sensitive narrative is the policy's field set "cases.notes.sensitive": the routes open the
// seal only for a caller holding it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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
  // How often the text was corrected, and the last correction's author and time.
  std::int64_t corrections = 0;
  std::optional<std::int64_t> corrected_by;
  std::optional<std::string> corrected_at;
};

// A mistake in a note corrected with its reason: the text changes, the text it replaces is kept
// as an earlier version (a sensitive one sealed as the note was: the same bytes, key and key
// id; a normal one as written), so a reader of the note can see what it said and why it
// changed. A correction may also change the note's sensitivity: the new text is stored as the
// new level wants (sealed, or as written), the versions keep the level each was stored at.
struct NoteCorrection {
  std::int64_t case_id = 0;
  std::int64_t note_id = 0;
  std::string text;
  std::optional<std::string> sensitivity;  // the level from now on; nothing: unchanged
  std::string reason;  // shown in the case's timeline to every reader of the case
  std::int64_t corrected_by = 0;
  std::string corrected_at;
};

// One text a note has had, oldest first; the last is the note's text now. `reason` is why it
// replaced the one before (nothing for the first).
struct NoteVersion {
  std::int64_t number = 0;  // 1 for the text as first written
  std::string sensitivity;  // as the version is stored: sealed (sensitive) or as written
  std::optional<std::string> text;
  std::int64_t written_by = 0;
  std::string written_at;
  std::optional<std::string> reason;
};

// A correction as the case's timeline tells it: which note, why, who, when; never the text.
struct NoteCorrectionEntry {
  std::int64_t note_id = 0;
  std::string sensitivity;
  std::string reason;
  std::int64_t corrected_by = 0;
  std::string corrected_at;
};

// Stores the note, sealing a sensitive one with `key` (the raw secretbox key).
Result<Note> add_note(db::Connection& conn, const Note& note, const std::string& key);

// The case's notes, oldest first. With a key the sensitive narratives are opened (an error
// naming the key file when a seal does not open with it); without one they stay empty.
Result<std::vector<Note>> notes_of(db::Connection& conn, std::int64_t case_id,
                                   const std::string* key);

// The note of the case, without its text (for deciding who may act on it); 404 "note" when the
// case has no such note.
Result<Note> find_note(db::Connection& conn, std::int64_t case_id, std::int64_t note_id);

// Replaces the note's text (and sensitivity, when the correction names one), keeping the text it
// replaces with the reason. Refused: a blank reason (422 reason_required), the current text at
// the current level (422 unchanged, field text), a note the case does not have (404). The new
// text of a sensitive note is sealed with `key`, which also opens the text a sensitive note
// had: whoever may not read it may not correct it, nor make it normal (the routes' rule). Made
// sensitive, the note's earlier texts are sealed too, each keeping the level it was written at;
// made normal again, they stay sealed.
Result<Note> correct_note(db::Connection& conn, const NoteCorrection& correction,
                          const std::string& key);

// Every text of the note, oldest first, the current one last. With a key the sensitive texts are
// opened (an error naming the key file when a seal does not open); without one they stay empty,
// and so do the earlier texts of a note that is sensitive now: one made sensitive by a
// correction seals what it said before as well. Each version says the level it was written at.
Result<std::vector<NoteVersion>> note_versions(db::Connection& conn, std::int64_t case_id,
                                               std::int64_t note_id, const std::string* key);

// Seals under `key` every earlier text still in clear of a note sensitive now, and says how
// many. A correction that makes a note sensitive seals them itself; those left in clear are from
// before cases' migration 8, which the server's startup seals.
Result<std::int64_t> seal_clear_versions(db::Connection& conn, const std::string& key);

// The corrections of the case's notes, oldest first.
Result<std::vector<NoteCorrectionEntry>> note_corrections_of(db::Connection& conn,
                                                             std::int64_t case_id);

// The identifier of a notes key stored beside each seal (16 hex digits of a keyed BLAKE2b of a
// fixed text under the key: it names the key without revealing it), so that the server's
// startup and a key rotation know which key every note needs (decision 0025, point 6).
std::string notes_key_id(std::string_view key);

// How many seals each key id holds, the earlier versions of corrected notes counted with the
// notes; "" for notes sealed before key ids were stored
// (cases' migration 5), all under the one key there was then. With any sealed note, a missing
// key file is a startup error rather than a new key that could open none of them.
Result<std::map<std::string, std::int64_t>> seals_by_key(db::Connection& conn);

// Re-seals under `to` every sealed note and earlier version whose key id is not `to`'s, opening
// each with the key of `from` (key id -> raw key, "" for notes without an id). Batches of `batch`
// notes in id order, `after_batch` called after each; the caller holds the transaction, so either
// every note is re-sealed or none. A seal whose key is not in `from`, or that does not open, is an
// error. The count is of seals: notes and earlier versions.
Result<std::int64_t> reseal_notes(db::Connection& conn,
                                  const std::map<std::string, std::string>& from,
                                  const std::string& to, std::int64_t batch,
                                  const std::function<Status()>& after_batch);

}  // namespace innet::cases
