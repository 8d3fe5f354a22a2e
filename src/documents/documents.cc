#include "documents/documents.h"

#include <sodium.h>

#include <algorithm>

#include "core/clock.h"
#include "db/query.h"

namespace innet::documents {
namespace {

constexpr std::size_t kMaxFilenameBytes = 100;
constexpr const char* kColumns =
    "id, sha256, media_type, size, filename, uploaded_by, uploaded_at, owner_kind, owner_id, "
    "linked_by, linked_at";

Document from_row(const db::Row& r) {
  return {.id = r.integer(0),
          .sha256 = r.text(1),
          .media_type = r.text(2),
          .size = r.integer(3),
          .filename = r.text(4),
          .uploaded_by = r.integer(5),
          .uploaded_at = r.text(6),
          .owner_kind = r.opt_text(7),
          .owner_id = r.opt_integer(8),
          .linked_by = r.opt_integer(9),
          .linked_at = r.opt_text(10)};
}

// The length of the UTF-8 sequence starting with `lead`, or 0 for a byte that cannot start one.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Marks that reorder text (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069): a name could show
// "gpj.exe" as "exe.jpg".
bool is_bidi(std::string_view c) {
  if (c.size() != 3 || static_cast<unsigned char>(c[0]) != 0xE2) return false;
  const auto b1 = static_cast<unsigned char>(c[1]), b2 = static_cast<unsigned char>(c[2]);
  return (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) ||
         (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
}

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

std::string sanitize_filename(std::string_view name, const MediaType& type) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos)
    name = name.substr(slash + 1);
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    const auto lead = static_cast<unsigned char>(name[i]);
    std::size_t n = sequence_length(lead);
    bool valid = n > 0 && i + n <= name.size();
    for (std::size_t k = 1; valid && k < n; ++k)
      valid = (static_cast<unsigned char>(name[i + k]) & 0xC0) == 0x80;
    if (!valid) {  // not UTF-8: dropped
      ++i;
      continue;
    }
    const auto c = name.substr(i, n);
    i += n;
    if (n == 1 && (lead < 0x20 || lead == 0x7F ||
                   std::string_view("/\\:*?\"<>|").find(c[0]) != std::string_view::npos))
      continue;
    if (is_bidi(c)) continue;
    if (out.size() + n > kMaxFilenameBytes) break;
    out += c;
  }
  // No hidden files, no trailing dots or spaces (Windows drops them).
  auto first = out.find_first_not_of(". ");
  out = first == std::string::npos ? "" : out.substr(first);
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  if (out.empty()) out = "document";
  const std::string name_lower = lower(out);
  bool has_extension = name_lower.ends_with("." + type.extension) ||
                       (type.extension == "jpg" && name_lower.ends_with(".jpeg"));
  if (!has_extension) out += "." + type.extension;
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Result<Document> store_document(db::Connection& conn, std::string_view content,
                                const MediaType& type, const std::string& filename,
                                std::int64_t uploaded_by) {
  const std::string hash = sha256_hex(content);
  INNET_ASSIGN_OR_RETURN(auto known,
                         conn.query("SELECT 1 FROM document_contents WHERE sha256 = ?", {hash}));
  if (known.empty()) {
    // The one copy of the bytes besides the request body, made only for a new content. Another
    // request storing the same bytes at the same moment finds the row there: nothing to do.
    db::Blob blob{std::vector<unsigned char>(content.begin(), content.end())};
    INNET_TRY(
        conn.execute("INSERT INTO document_contents (sha256, size, content) VALUES (?, ?, ?) "
                     "ON CONFLICT (sha256) DO NOTHING",
                     {hash, static_cast<std::int64_t>(content.size()), std::move(blob)}));
  }
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("INSERT INTO documents (sha256, media_type, size, filename, "
                             "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?) "
                             "RETURNING ") +
                     kColumns,
                 {hash, type.name, static_cast<std::int64_t>(content.size()), filename, uploaded_by,
                  clock::now_iso()}));
  return from_row(rows[0]);
}

Result<Document> find_document(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM documents WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("document");
  return from_row(rows[0]);
}

Result<std::string> document_content(db::Connection& conn, const std::string& sha256) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT content FROM document_contents WHERE sha256 = ?", {sha256}));
  if (rows.empty()) return Error::not_found("document");
  // Read in place: one copy, into the answer's body.
  const auto& bytes = std::get<db::Blob>(rows[0][0]).bytes;
  return std::string(bytes.begin(), bytes.end());
}

Status set_owner(db::Connection& conn, std::int64_t document_id, const std::string& owner_kind,
                 std::int64_t owner_id, std::int64_t user_id) {
  INNET_ASSIGN_OR_RETURN(
      auto changed, conn.execute("UPDATE documents SET owner_kind = ?, owner_id = ?, "
                                 "linked_by = ?, linked_at = ? "
                                 "WHERE id = ? AND owner_kind IS NULL",
                                 {owner_kind, owner_id, user_id, clock::now_iso(), document_id}));
  if (changed == 0)
    return Error::make(ErrorKind::conflict, "already_linked",
                       "the document is already attached to a record");
  return Status::success();
}

Result<std::vector<std::int64_t>> move_documents(db::Connection& conn,
                                                 const std::string& owner_kind,
                                                 std::int64_t from_id, std::int64_t to_id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("UPDATE documents SET owner_id = ? "
                                               "WHERE owner_kind = ? AND owner_id = ? RETURNING id",
                                               {to_id, owner_kind, from_id}));
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.integer(0));
  return ids;
}

Status move_documents_back(db::Connection& conn, const std::vector<std::int64_t>& ids,
                           std::int64_t to_id, std::int64_t from_id) {
  return db::move_rows_back(conn, "documents", "owner_id", ids, to_id, from_id);
}

Result<std::vector<Document>> documents_of(db::Connection& conn, const std::string& owner_kind,
                                           const std::vector<std::int64_t>& owner_ids) {
  std::vector<Document> out;
  if (owner_ids.empty()) return out;
  db::Params params = {owner_kind};
  for (auto id : owner_ids) params.push_back(id);
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kColumns +
                                        " FROM documents WHERE owner_kind = ? AND owner_id IN (" +
                                        db::placeholders(owner_ids.size()) + ") ORDER BY id",
                                    params));
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

const api::ObjectType<Document>& document_type() {
  static const auto type =
      api::ObjectType<Document>("Document")
          .field("id", &Document::id)
          .field("sha256", &Document::sha256,
                 {.description = "SHA-256 of the content, hexadecimal"})
          .field("media_type", &Document::media_type,
                 {.description = "read from the content", .allowed = accepted_media_type_names()})
          .field("size", &Document::size, {.description = "bytes"})
          .field("filename", &Document::filename)
          .field("uploaded_at", &Document::uploaded_at, {.format = "date-time"});
  return type;
}

nlohmann::json to_json(const Document& d) {
  return document_type().to_json(d);
}

std::vector<db::Migration> migrations(db::Engine engine) {
  std::string sql = R"sql(
CREATE TABLE document_contents (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  content {{blob}} NOT NULL
);
CREATE TABLE documents (
  id {{pk}},
  sha256 TEXT NOT NULL REFERENCES document_contents (sha256),
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  filename TEXT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users (id),
  uploaded_at TEXT NOT NULL,
  owner_kind TEXT,
  owner_id BIGINT,
  linked_by BIGINT REFERENCES users (id),
  linked_at TEXT,
  CHECK ((owner_kind IS NULL) = (owner_id IS NULL))
);
CREATE INDEX documents_owner ON documents (owner_kind, owner_id);
CREATE INDEX documents_sha256 ON documents (sha256);
)sql";
  // Photos and PDFs are compressed already: PostgreSQL would try to compress each value again
  // before moving it out of line (TOAST); EXTERNAL skips that and keeps it out of line.
  if (engine == db::Engine::postgresql)
    sql += "ALTER TABLE document_contents ALTER COLUMN content SET STORAGE EXTERNAL;\n";
  return {{1, "documents: uploaded files and their contents", sql}};
}

}  // namespace innet::documents
