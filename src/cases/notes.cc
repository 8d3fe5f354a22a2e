#include "cases/notes.h"

#include <algorithm>

#include "cases/cases.h"
#include "core/crypto.h"
#include "core/json_input.h"

namespace innet::cases {

namespace {

db::Blob sealed_blob(const std::string& key, const std::string& text) {
  const std::string bytes = crypto::seal(key, text);
  return db::Blob{{bytes.begin(), bytes.end()}};
}

std::optional<std::string> open_blob(const std::string& key, const db::Blob& sealed) {
  return crypto::open_sealed(
      key, {reinterpret_cast<const char*>(sealed.bytes.data()), sealed.bytes.size()});
}

// A sealed text opened with the server's key; `what` names it in the error ("sensitive note 4",
// "version 2 of sensitive note 4"). The key id tells a key file replaced (or a server started
// before a rotation and still holding the old key) from a row altered in the database.
Result<std::string> open_text(const std::string& key, const db::Blob& sealed,
                              const std::optional<std::string>& stored_id,
                              const std::string& what) {
  if (auto text = open_blob(key, sealed)) return *text;
  const bool other_key = stored_id && *stored_id != notes_key_id(key);
  return Error::internal(what + " does not open with the key of case_notes_key_file: " +
                         (other_key ? "it is sealed under key id " + *stored_id +
                                          ", the server holds key id " + notes_key_id(key) +
                                          " (restart it after a key rotation)"
                                    : std::string("the file was replaced or the note altered")));
}

// A text as stored: written as it is (body) or sealed under `key`, with the key's id.
struct Stored {
  db::Value body = nullptr;
  db::Value sealed = nullptr;
  db::Value key_id = nullptr;
};

Result<Stored> stored_text(bool sensitive, const std::string& text, const std::string& key) {
  if (!sensitive) return Stored{.body = text};
  if (key.size() != crypto::kSecretKeyBytes)
    return Error::internal("no key to seal sensitive notes (case_notes_key_file)");
  return Stored{.sealed = sealed_blob(key, text), .key_id = notes_key_id(key)};
}

// Seals the earlier texts in `rows` (id, body) under `key`: a text stored in clear, of a note
// sensitive now.
Status seal_versions(db::Connection& conn, const db::Rows& rows, const std::string& key) {
  const std::string key_id = notes_key_id(key);
  for (const auto& r : rows)
    INNET_TRY(conn.execute(
        "UPDATE case_note_versions SET body = NULL, sealed = ?, key_id = ? WHERE id = ?",
        {sealed_blob(key, r.text(1)), key_id, r.integer(0)}));
  return Status::success();
}

// The tables holding seals: the notes, and the texts corrections replaced.
constexpr const char* kSealTables[] = {"case_notes", "case_note_versions"};

}  // namespace

const std::vector<std::string>& note_sensitivities() {
  static const std::vector<std::string> v = {"normal", "sensitive"};
  return v;
}

Result<Note> add_note(db::Connection& conn, const Note& note, const std::string& key) {
  INNET_ASSIGN_OR_RETURN(auto s, stored_text(note.sensitivity == "sensitive", *note.text, key));
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("INSERT INTO case_notes (case_id, sensitivity, body, sealed, key_id, "
                            "written_by, written_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                            {note.case_id, note.sensitivity, s.body, s.sealed, s.key_id,
                             note.written_by, note.written_at}));
  Note stored = note;
  stored.id = rows[0].integer(0);
  return stored;
}

namespace {

// The case's notes, or the one `note_id` names, with their last correction.
Result<std::vector<Note>> read_notes(db::Connection& conn, std::int64_t case_id,
                                     std::optional<std::int64_t> note_id, const std::string* key) {
  // The last correction of each note, when any, with how many there were.
  std::string sql =
      "SELECT n.id, n.case_id, n.sensitivity, n.body, n.sealed, n.written_by, n.written_at, "
      "n.key_id, v.corrected_by, v.corrected_at, "
      "(SELECT COUNT(*) FROM case_note_versions c WHERE c.note_id = n.id) "
      "FROM case_notes n LEFT JOIN case_note_versions v ON v.id = "
      "(SELECT MAX(l.id) FROM case_note_versions l WHERE l.note_id = n.id) "
      "WHERE n.case_id = ?";
  db::Params params = {case_id};
  if (note_id) {
    sql += " AND n.id = ?";
    params.emplace_back(*note_id);
  }
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " ORDER BY n.id", params));
  std::vector<Note> out;
  for (const auto& r : rows) {
    Note n{.id = r.integer(0),
           .case_id = r.integer(1),
           .sensitivity = r.text(2),
           .text = r.opt_text(3),
           .written_by = r.integer(5),
           .written_at = r.text(6),
           .corrections = r.integer(10),
           .corrected_by = r.opt_integer(8),
           .corrected_at = r.opt_text(9)};
    if (n.sensitivity == "sensitive" && key) {
      INNET_ASSIGN_OR_RETURN(n.text, open_text(*key, r.blob(4), r.opt_text(7),
                                               "sensitive note " + std::to_string(n.id)));
    }
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace

Result<std::vector<Note>> notes_of(db::Connection& conn, std::int64_t case_id,
                                   const std::string* key) {
  return read_notes(conn, case_id, std::nullopt, key);
}

Result<Note> find_note(db::Connection& conn, std::int64_t case_id, std::int64_t note_id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT id, case_id, sensitivity, written_by, "
                                               "written_at FROM case_notes "
                                               "WHERE id = ? AND case_id = ?",
                                               {note_id, case_id}));
  if (rows.empty()) return Error::not_found("note");
  const auto& r = rows[0];
  return Note{.id = r.integer(0),
              .case_id = r.integer(1),
              .sensitivity = r.text(2),
              .written_by = r.integer(3),
              .written_at = r.text(4)};
}

Result<Note> correct_note(db::Connection& conn, const NoteCorrection& correction,
                          const std::string& key) {
  if (trim_text(correction.reason).empty())
    return Error::rule(ErrorKind::unprocessable, "reason_required", "reason",
                       FieldError::required());
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT sensitivity, body, sealed, key_id, written_by, written_at "
                            "FROM case_notes WHERE id = ? AND case_id = ?",
                            {correction.note_id, correction.case_id}));
  if (rows.empty()) return Error::not_found("note");
  const auto& r = rows[0];
  const bool sensitive = r.text(0) == "sensitive";
  std::string current;
  if (sensitive) {
    INNET_ASSIGN_OR_RETURN(current,
                           open_text(key, r.blob(2), r.opt_text(3),
                                     "sensitive note " + std::to_string(correction.note_id)));
  } else {
    current = r.text(1);
  }
  const std::string sensitivity = correction.sensitivity.value_or(r.text(0));
  const auto& levels = note_sensitivities();
  if (std::find(levels.begin(), levels.end(), sensitivity) == levels.end())
    return Error::field(ErrorKind::unprocessable, "sensitivity", FieldError::not_in_list(levels));
  if (current == correction.text && sensitivity == r.text(0))
    return Error::rule(ErrorKind::unprocessable, "unchanged", "text", CaseErrors::unchanged());
  // Who wrote the text being replaced: the last correction's author, or the note's.
  std::int64_t written_by = r.integer(4);
  std::string written_at = r.text(5);
  INNET_ASSIGN_OR_RETURN(auto last, conn.query("SELECT corrected_by, corrected_at "
                                               "FROM case_note_versions WHERE note_id = ? "
                                               "ORDER BY id DESC LIMIT 1",
                                               {correction.note_id}));
  if (!last.empty()) {
    written_by = last[0].integer(0);
    written_at = last[0].text(1);
  }
  // The replaced text keeps its level, and its stored form: a seal is copied as it is, under its
  // key and key id; a plain text is kept plain unless the note becomes sensitive, below.
  const db::Value sealed = sensitive ? db::Value(r.blob(2)) : db::Value(nullptr);
  INNET_TRY(conn.execute(
      "INSERT INTO case_note_versions (note_id, sensitivity, body, sealed, key_id, written_by, "
      "written_at, reason, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {correction.note_id, r.text(0), sensitive ? db::Value(nullptr) : db::Value(current), sealed,
       db::optional_value(r.opt_text(3)), written_by, written_at, trim_text(correction.reason),
       correction.corrected_by, correction.corrected_at}));
  INNET_ASSIGN_OR_RETURN(auto s, stored_text(sensitivity == "sensitive", correction.text, key));
  INNET_TRY(conn.execute(
      "UPDATE case_notes SET sensitivity = ?, body = ?, sealed = ?, key_id = ? WHERE id = ?",
      {sensitivity, s.body, s.sealed, s.key_id, correction.note_id}));
  // Made sensitive: what the note said before is as sensitive as what it says now (the reason is
  // usually that it always held health or violence details), so no earlier text stays in clear.
  if (sensitivity == "sensitive" && !sensitive) {
    INNET_ASSIGN_OR_RETURN(auto plain, conn.query("SELECT id, body FROM case_note_versions "
                                                  "WHERE note_id = ? AND sealed IS NULL",
                                                  {correction.note_id}));
    INNET_TRY(seal_versions(conn, plain, key));
  }
  return Note{.id = correction.note_id,
              .case_id = correction.case_id,
              .sensitivity = sensitivity,
              .text = correction.text,
              .written_by = r.integer(4),
              .written_at = r.text(5)};
}

Result<std::vector<NoteVersion>> note_versions(db::Connection& conn, std::int64_t case_id,
                                               std::int64_t note_id, const std::string* key) {
  INNET_ASSIGN_OR_RETURN(auto found, read_notes(conn, case_id, note_id, key));
  if (found.empty()) return Error::not_found("note");
  Note& note = found[0];
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT body, sealed, key_id, written_by, written_at, reason, "
                                    "sensitivity FROM case_note_versions "
                                    "WHERE note_id = ? ORDER BY id",
                                    {note_id}));
  const bool sensitive_now = note.sensitivity == "sensitive";
  std::vector<NoteVersion> out;
  std::optional<std::string> reason;  // why the version was written: the previous row's
  for (const auto& r : rows) {
    // A version says the level it was written at; its text is stored sealed when that level, or
    // the note's later, was sensitive.
    const bool sealed = !r.is_null(1);
    NoteVersion v{.number = static_cast<std::int64_t>(out.size()) + 1,
                  .sensitivity = r.text(6),
                  .text = key || !sensitive_now ? r.opt_text(0) : std::nullopt,
                  .written_by = r.integer(3),
                  .written_at = r.text(4),
                  .reason = reason};
    if (sealed && key) {
      INNET_ASSIGN_OR_RETURN(
          v.text, open_text(*key, r.blob(1), r.opt_text(2),
                            "version " + std::to_string(v.number) + " of sensitive note " +
                                std::to_string(note_id)));
    }
    out.push_back(std::move(v));
    reason = r.text(5);
  }
  out.push_back({.number = static_cast<std::int64_t>(out.size()) + 1,
                 .sensitivity = note.sensitivity,
                 .text = std::move(note.text),
                 .written_by = note.corrected_by.value_or(note.written_by),
                 .written_at = note.corrected_at.value_or(note.written_at),
                 .reason = reason});
  return out;
}

Result<std::vector<NoteCorrectionEntry>> note_corrections_of(db::Connection& conn,
                                                             std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT v.note_id, n.sensitivity, v.reason, v.corrected_by, "
                                    "v.corrected_at FROM case_note_versions v "
                                    "JOIN case_notes n ON n.id = v.note_id "
                                    "WHERE n.case_id = ? ORDER BY v.id",
                                    {case_id}));
  std::vector<NoteCorrectionEntry> out;
  for (const auto& r : rows)
    out.push_back({r.integer(0), r.text(1), r.text(2), r.integer(3), r.text(4)});
  return out;
}

std::string notes_key_id(std::string_view key) {
  return crypto::keyed_hash_hex(key, "innet case notes key id").substr(0, 16);
}

Result<std::int64_t> seal_clear_versions(db::Connection& conn, const std::string& key) {
  INNET_ASSIGN_OR_RETURN(auto plain,
                         conn.query("SELECT v.id, v.body FROM case_note_versions v "
                                    "JOIN case_notes n ON n.id = v.note_id "
                                    "WHERE v.sealed IS NULL AND n.sensitivity = 'sensitive'"));
  INNET_TRY(seal_versions(conn, plain, key));
  return static_cast<std::int64_t>(plain.size());
}

Result<std::map<std::string, std::int64_t>> seals_by_key(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT COALESCE(key_id, ''), COUNT(*) FROM ("
                            "SELECT key_id FROM case_notes WHERE sealed IS NOT NULL UNION ALL "
                            "SELECT key_id FROM case_note_versions WHERE sealed IS NOT NULL) s "
                            "GROUP BY COALESCE(key_id, '')"));
  std::map<std::string, std::int64_t> out;
  for (const auto& r : rows) out[r.text(0)] = r.integer(1);
  return out;
}

Result<std::int64_t> reseal_notes(db::Connection& conn,
                                  const std::map<std::string, std::string>& from,
                                  const std::string& to, std::int64_t batch,
                                  const std::function<Status()>& after_batch) {
  const std::string to_id = notes_key_id(to);
  std::int64_t done = 0;
  for (const char* name : kSealTables) {
    const std::string table = name;
    // What a seal is called in an error: a note, or an earlier text of one.
    const std::string what = table == "case_notes" ? "sensitive note " : "note version ";
    std::int64_t after = 0;
    for (;;) {
      // Keyset by id: the seals already re-sealed carry `to_id` and drop out of the selection,
      // but the id keeps each batch one index range.
      INNET_ASSIGN_OR_RETURN(
          auto rows, conn.query("SELECT id, COALESCE(key_id, ''), sealed FROM " + table +
                                    " WHERE sealed IS NOT NULL AND (key_id IS NULL OR key_id <> "
                                    "?) AND id > ? ORDER BY id LIMIT ?",
                                {to_id, after, batch}));
      if (rows.empty()) break;
      for (const auto& r : rows) {
        const auto id = r.integer(0);
        const auto key = from.find(r.text(1));
        if (key == from.end())
          return Error::internal(what + std::to_string(id) + " is sealed under key id " +
                                 r.text(1) + ", which no key file holds");
        const auto text = open_blob(key->second, r.blob(2));
        if (!text)
          return Error::internal(what + std::to_string(id) +
                                 " does not open with the key its key id names: the note was "
                                 "altered");
        INNET_TRY(conn.execute("UPDATE " + table + " SET sealed = ?, key_id = ? WHERE id = ?",
                               {sealed_blob(to, *text), to_id, id}));
        after = id;
        ++done;
      }
      if (after_batch) INNET_TRY(after_batch());
    }
  }
  return done;
}

}  // namespace innet::cases
