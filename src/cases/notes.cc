#include "cases/notes.h"

#include "core/crypto.h"

namespace innet::cases {

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
  if (sensitive) {
    const std::string bytes = crypto::seal(key, *note.text);
    sealed = db::Blob{{bytes.begin(), bytes.end()}};
  }
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO case_notes (case_id, sensitivity, body, sealed, "
                 "written_by, written_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                 {note.case_id, note.sensitivity, body, sealed, note.written_by, note.written_at}));
  Note stored = note;
  stored.id = rows[0].integer(0);
  return stored;
}

Result<std::vector<Note>> notes_of(db::Connection& conn, std::int64_t case_id,
                                   const std::string* key) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT id, case_id, sensitivity, body, sealed, "
                                               "written_by, written_at FROM case_notes "
                                               "WHERE case_id = ? ORDER BY id",
                                               {case_id}));
  std::vector<Note> out;
  for (const auto& r : rows) {
    Note n{r.integer(0), r.integer(1), r.text(2), r.opt_text(3), r.integer(5), r.text(6)};
    if (n.sensitivity == "sensitive" && key) {
      const auto sealed = r.blob(4);
      n.text = crypto::open_sealed(
          *key, {reinterpret_cast<const char*>(sealed.bytes.data()), sealed.bytes.size()});
      if (!n.text)
        return Error::internal("sensitive note " + std::to_string(n.id) +
                               " does not open with the key of case_notes_key_file: the file "
                               "was replaced or the note altered");
    }
    out.push_back(std::move(n));
  }
  return out;
}

Result<std::int64_t> sealed_note_count(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT COUNT(*) FROM case_notes WHERE sealed IS NOT NULL"));
  return rows[0].integer(0);
}

}  // namespace innet::cases
