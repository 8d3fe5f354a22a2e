// Photo evidence on an inspection's answers (decision 0029): an inspector photographs what an
// item is about (a room, a fire extinguisher, the pests) and attaches the picture to that item of
// an inspection in progress. The picture is a document of the documents module (uploaded with
// its size limit, typed from its bytes, stored once per content hash); this file keeps which
// inspection and item it belongs to, who attached it and, when it was taken off before the
// inspection was completed, who detached it. After completion the photos are final, like the
// answers: a correction is an addendum.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "documents/documents.h"
#include "monitoring/inspections.h"

namespace innet::monitoring {

// The documents module's owner kind of a photo: the owner id is the photo's id.
inline constexpr const char* kPhotoOwnerKind = "monitoring.photo";

// What a photo may be: the image types documents accepts (a PDF is not a photo).
std::vector<std::string> photo_media_types();

struct Photo {
  std::int64_t id = 0;
  std::int64_t inspection_id = 0;
  std::int64_t item_id = 0;
  documents::Document document;
  std::string idempotency_key;  // chosen by the page, unique per inspection
  std::int64_t attached_by = 0;
  std::string attached_at;
  std::optional<std::int64_t> detached_by;
  std::optional<std::string> detached_at;
};

struct NewPhoto {
  std::int64_t item_id = 0;
  std::int64_t document_id = 0;
  std::string idempotency_key;
  std::int64_t attached_by = 0;
  std::string attached_at;
};

// The photo attached with this key to this inspection, if any: a replayed attachment answers it.
Result<std::optional<Photo>> photo_with_key(db::Connection& conn, std::int64_t inspection_id,
                                            const std::string& key);

// Stores the attachment of an inspection in progress, in the caller's transaction, before the
// caller links the document to it (documents::link_document, which refuses a document the caller
// may not see, one attached elsewhere, one that is not an image). Refused: an inspection not in
// progress (409 wrong_status), an item not in its checklist version (422 item_not_in_checklist).
Result<Photo> attach_photo(db::Connection& conn, const Inspection& inspection, const NewPhoto& p);

// 404 "photo" when there is none.
Result<Photo> find_photo(db::Connection& conn, std::int64_t id);

// Takes a photo off an inspection in progress (409 wrong_status otherwise; 409 already_detached).
// The document stays stored, linked to the detached photo, which nobody reads any more.
Result<Photo> detach_photo(db::Connection& conn, const Inspection& inspection, std::int64_t id,
                           std::int64_t user_id, const std::string& now);

// The attached photos of an inspection (detached ones left out), by item then attachment.
Result<std::vector<Photo>> photos_of(db::Connection& conn, std::int64_t inspection_id);

const api::ObjectType<Photo>& photo_type();

std::vector<db::Migration> photo_migrations(db::Engine engine);

}  // namespace innet::monitoring
