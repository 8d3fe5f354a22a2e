#include "cases/notes.h"

#include "core/crypto.h"

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

}  // namespace

const std::vector<std::string>& note_sensitivities() {
  static const std::vector<std::string> v = {"normal", "sensitive"};
  return v;
}

Result<Note> add_note(db::Connection& conn, const Note& note, const std::string& key) {
  const bool sensitive = note.sensitivity == "sensitive";
  if (sensitive && key.size() != crypto::kSecretKeyBytes)
    return Error::internal("no key to seal sensitive notes (case_notes_key_file)");
  db::Value body = sensitive ? db::Value(nullptr) : db::Value(*note.text);
  db::Value sealed = nullptr;
  db::Value key_id = nullptr;
  if (sensitive) {
    sealed = sealed_blob(key, *note.text);
    key_id = notes_key_id(key);
  }
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("INSERT INTO case_notes (case_id, sensitivity, body, sealed, key_id, "
                            "written_by, written_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                            {note.case_id, note.sensitivity, body, sealed, key_id, note.written_by,
                             note.written_at}));
  Note stored = note;
  stored.id = rows[0].integer(0);
  return stored;
}

Result<std::vector<Note>> notes_of(db::Connection& conn, std::int64_t case_id,
                                   const std::string* key) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT id, case_id, sensitivity, body, sealed, "
                                               "written_by, written_at, key_id FROM case_notes "
                                               "WHERE case_id = ? ORDER BY id",
                                               {case_id}));
  std::vector<Note> out;
  for (const auto& r : rows) {
    Note n{r.integer(0), r.integer(1), r.text(2), r.opt_text(3), r.integer(5), r.text(6)};
    if (n.sensitivity == "sensitive" && key) {
      n.text = open_blob(*key, r.blob(4));
      if (!n.text) {
        // The key id tells a key file replaced (or a server started before a rotation and
        // still holding the old key) from a note altered in the database.
        const auto stored_id = r.opt_text(7);
        const bool other_key = stored_id && *stored_id != notes_key_id(*key);
        return Error::internal(
            "sensitive note " + std::to_string(n.id) +
            " does not open with the key of case_notes_key_file: " +
            (other_key ? "it is sealed under key id " + *stored_id + ", the server holds key id " +
                             notes_key_id(*key) + " (restart it after a key rotation)"
                       : std::string("the file was replaced or the note altered")));
      }
    }
    out.push_back(std::move(n));
  }
  return out;
}

std::string notes_key_id(std::string_view key) {
  return crypto::keyed_hash_hex(key, "innet case notes key id").substr(0, 16);
}

Result<std::map<std::string, std::int64_t>> seals_by_key(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT COALESCE(key_id, ''), COUNT(*) "
                                               "FROM case_notes WHERE sealed IS NOT NULL "
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
  std::int64_t after = 0;
  for (;;) {
    // Keyset by id: the notes already re-sealed carry `to_id` and drop out of the selection,
    // but the id keeps each batch one index range.
    INNET_ASSIGN_OR_RETURN(
        auto rows, conn.query("SELECT id, COALESCE(key_id, ''), sealed FROM case_notes "
                              "WHERE sealed IS NOT NULL AND (key_id IS NULL OR key_id <> ?) "
                              "AND id > ? ORDER BY id LIMIT ?",
                              {to_id, after, batch}));
    if (rows.empty()) return done;
    for (const auto& r : rows) {
      const auto id = r.integer(0);
      const auto key = from.find(r.text(1));
      if (key == from.end())
        return Error::internal("sensitive note " + std::to_string(id) + " is sealed under key id " +
                               r.text(1) + ", which no key file holds");
      const auto text = open_blob(key->second, r.blob(2));
      if (!text)
        return Error::internal("sensitive note " + std::to_string(id) +
                               " does not open with the key its key id names: the note was "
                               "altered");
      INNET_TRY(conn.execute("UPDATE case_notes SET sealed = ?, key_id = ? WHERE id = ?",
                             {sealed_blob(to, *text), to_id, id}));
      after = id;
      ++done;
    }
    if (after_batch) INNET_TRY(after_batch());
  }
}

}  // namespace innet::cases
