// Uploaded files (signed presence sheets now; receipts and inspection photos next), stored in the
// database (docs/decisions/0016-documents.md): the bytes once per content hash in
// document_contents, and one `documents` row per upload, with its uploader and, once a module
// has linked it to one of its records, that owner (kind and id). This file is the storage; who
// may read a document is decided in owners.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/object_type.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "documents/sniff.h"

namespace innet::documents {

struct Document {
  std::int64_t id = 0;
  std::string sha256;  // hex, of the content
  std::string media_type;
  std::int64_t size = 0;
  std::string filename;  // sanitised, ending with the extension of media_type
  std::int64_t uploaded_by = 0;
  std::string uploaded_at;
  // Set when a module links the document to one of its records; changed only when the module
  // joins that record into another of its own (move_documents), and back when it undoes that.
  std::optional<std::string> owner_kind;  // e.g. "register.sheet"
  std::optional<std::int64_t> owner_id;
  std::optional<std::int64_t> linked_by;
  std::optional<std::string> linked_at;
};

// A name safe to store and to send back in Content-Disposition: the last path component, no
// control, bidi or reserved characters (/\:*?"<>|), at most 100 bytes of whole UTF-8
// characters, ending with the extension of the type read from the content ("foglio.exe" that is
// a PDF becomes "foglio.exe.pdf"); "document.<ext>" when nothing is left.
std::string sanitize_filename(std::string_view name, const MediaType& type);

std::string sha256_hex(std::string_view bytes);

// Stores one upload, in the caller's transaction: the content only if no upload had the same
// bytes before (one copy per hash), the record always (each upload has its own uploader).
Result<Document> store_document(db::Connection& conn, std::string_view content,
                                const MediaType& type, const std::string& filename,
                                std::int64_t uploaded_by);

// 404 "document" when there is none.
Result<Document> find_document(db::Connection& conn, std::int64_t id);

// The bytes of a stored content.
Result<std::string> document_content(db::Connection& conn, const std::string& sha256);

// Links a document to its owner's record, in the owner's transaction; 409 already_linked when
// it is linked already (a document belongs to one record).
Status set_owner(db::Connection& conn, std::int64_t document_id, const std::string& owner_kind,
                 std::int64_t owner_id, std::int64_t user_id);

// Two records of one owner kind joined into one (a person merge joins two cases, cases/joins.h):
// every document linked to `from_id` is linked to `to_id` instead, in the owner's transaction;
// answers their ids, for move_documents_back. The link's author and time stay the first link's.
Result<std::vector<std::int64_t>> move_documents(db::Connection& conn,
                                                 const std::string& owner_kind,
                                                 std::int64_t from_id, std::int64_t to_id);
// Undoes move_documents: those of `ids` still linked to `to_id` go back to `from_id` (a
// document linked to `to_id` since stays). A linked document never changes kind (set_owner).
Status move_documents_back(db::Connection& conn, const std::vector<std::int64_t>& ids,
                           std::int64_t to_id, std::int64_t from_id);

// The documents linked to these records of one kind, by id.
Result<std::vector<Document>> documents_of(db::Connection& conn, const std::string& owner_kind,
                                           const std::vector<std::int64_t>& owner_ids);

// {id, sha256, media_type, size, filename, uploaded_at}: what an upload answers and a
// document's metadata; the owner is not shown (its kind and id say nothing the caller needs).
const api::ObjectType<Document>& document_type();
nlohmann::json to_json(const Document& d);

std::vector<db::Migration> migrations(db::Engine engine);

}  // namespace innet::documents
