#include "monitoring/photos.h"

#include <algorithm>
#include <map>

#include "documents/sniff.h"

namespace innet::monitoring {
namespace {

constexpr const char* kColumns =
    "id, inspection_id, item_id, document_id, idempotency_key, attached_by, attached_at, "
    "detached_by, detached_at";

Photo photo_from(const db::Row& r) {
  Photo p;
  p.id = r.integer(0);
  p.inspection_id = r.integer(1);
  p.item_id = r.integer(2);
  p.document.id = r.integer(3);
  p.idempotency_key = r.text(4);
  p.attached_by = r.integer(5);
  p.attached_at = r.text(6);
  p.detached_by = r.opt_integer(7);
  p.detached_at = r.opt_text(8);
  return p;
}

// Each photo's document, read in one query.
Status fill_documents(db::Connection& conn, std::vector<Photo>& photos) {
  std::vector<std::int64_t> ids;
  for (const auto& p : photos) ids.push_back(p.id);
  INNET_ASSIGN_OR_RETURN(auto documents, documents::documents_of(conn, kPhotoOwnerKind, ids));
  std::map<std::int64_t, documents::Document> by_owner;
  for (auto& d : documents) by_owner[*d.owner_id] = std::move(d);
  for (auto& p : photos) {
    auto d = by_owner.find(p.id);
    if (d == by_owner.end()) return Error::internal("photo without its document");
    p.document = d->second;
  }
  return Status::success();
}

Error not_in_progress(const Inspection& inspection) {
  return Error::rule(ErrorKind::conflict, "wrong_status", "status",
                     InspectionErrors::wrong_status(inspection.status, "in_progress"));
}

}  // namespace

std::vector<std::string> photo_media_types() {
  std::vector<std::string> out;
  for (const auto& name : documents::accepted_media_type_names())
    if (name.starts_with("image/")) out.push_back(name);
  return out;
}

Result<std::optional<Photo>> photo_with_key(db::Connection& conn, std::int64_t inspection_id,
                                            const std::string& key) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns +
                     " FROM inspection_photos WHERE inspection_id = ? AND idempotency_key = ?",
                 {inspection_id, key}));
  if (rows.empty()) return std::optional<Photo>();
  INNET_ASSIGN_OR_RETURN(auto photo, find_photo(conn, rows[0].integer(0)));
  return std::optional<Photo>(std::move(photo));
}

Result<Photo> attach_photo(db::Connection& conn, const Inspection& inspection, const NewPhoto& p) {
  if (inspection.status != "in_progress") return not_in_progress(inspection);
  auto item = find_item(conn, inspection.checklist_id, p.item_id);
  if (!item.ok()) {
    if (item.error().kind != ErrorKind::not_found) return item.take_error();
    return Error::rule(ErrorKind::unprocessable, "item_not_in_checklist", "item_id",
                       InspectionErrors::item_not_in_checklist());
  }
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("INSERT INTO inspection_photos (inspection_id, item_id, "
                                        "document_id, idempotency_key, attached_by, attached_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?) RETURNING ") +
                                kColumns,
                            {inspection.id, p.item_id, p.document_id, p.idempotency_key,
                             p.attached_by, p.attached_at}));
  return photo_from(rows[0]);
}

Result<Photo> find_photo(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM inspection_photos WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("photo");
  std::vector<Photo> one = {photo_from(rows[0])};
  INNET_TRY(fill_documents(conn, one));
  return std::move(one[0]);
}

Result<Photo> detach_photo(db::Connection& conn, const Inspection& inspection, std::int64_t id,
                           std::int64_t user_id, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto photo, find_photo(conn, id));
  if (photo.inspection_id != inspection.id) return Error::not_found("photo");
  if (inspection.status != "in_progress") return not_in_progress(inspection);
  INNET_ASSIGN_OR_RETURN(auto changed,
                         conn.execute("UPDATE inspection_photos SET detached_by = ?, "
                                      "detached_at = ? WHERE id = ? AND detached_at IS NULL",
                                      {user_id, now, id}));
  if (changed == 0)
    return Error::make(ErrorKind::conflict, "already_detached", "the photo was detached already");
  return find_photo(conn, id);
}

Result<std::vector<Photo>> photos_of(db::Connection& conn, std::int64_t inspection_id) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kColumns +
                                        " FROM inspection_photos WHERE inspection_id = ? AND "
                                        "detached_at IS NULL ORDER BY item_id, id",
                                    {inspection_id}));
  std::vector<Photo> out;
  for (const auto& r : rows) out.push_back(photo_from(r));
  INNET_TRY(fill_documents(conn, out));
  return out;
}

const api::ObjectType<Photo>& photo_type() {
  static const auto type =
      api::ObjectType<Photo>("InspectionPhoto", "a photo attached to an item of an inspection")
          .field("id", &Photo::id)
          .field("item_id", &Photo::item_id)
          .field("document", &Photo::document, documents::document_type(),
                 {.description = "the picture: GET /documents/{id}/content downloads it"})
          .field("idempotency_key", &Photo::idempotency_key)
          .field("attached_by", &Photo::attached_by)
          .field("attached_at", &Photo::attached_at, {.format = "date-time"})
          .field("detached_at", &Photo::detached_at,
                 {.description = "set when taken off before the inspection was completed",
                  .format = "date-time"});
  return type;
}

std::vector<db::Migration> photo_migrations(db::Engine) {
  // No foreign key to documents: the document's own row names its owner (documents' set_owner,
  // in the same transaction), and linking it is what refuses a document the caller may not see.
  const std::string tables = R"sql(
CREATE TABLE inspection_photos (
  id {{pk}},
  inspection_id BIGINT NOT NULL REFERENCES inspections (id),
  item_id BIGINT NOT NULL REFERENCES checklist_items (id),
  document_id BIGINT NOT NULL,
  idempotency_key TEXT NOT NULL,
  attached_by BIGINT NOT NULL REFERENCES users (id),
  attached_at TEXT NOT NULL,
  detached_by BIGINT REFERENCES users (id),
  detached_at TEXT,
  UNIQUE (inspection_id, idempotency_key),
  CHECK ((detached_by IS NULL) = (detached_at IS NULL))
);
CREATE INDEX inspection_photos_item ON inspection_photos (inspection_id, item_id);
)sql";
  return {
      {.version = 10, .name = "monitoring: photos attached to inspections' items", .sql = tables}};
}

}  // namespace innet::monitoring
