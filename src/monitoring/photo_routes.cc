// /api/v1/inspections/{id}/photos: photo evidence on an inspection's items (decision 0029). The
// inspector uploads the picture to /api/v1/documents (its size limit, its type read from the
// bytes), then attaches it here to an item of an inspection in progress; the page's offline queue
// replays an attachment with the same idempotency key without attaching twice. A photo is read
// by whoever reads its inspection, through the documents module's owner hook. Detached only
// while the inspection is in progress: afterwards the photos are part of the record.
#include "core/clock.h"
#include "monitoring/photos.h"
#include "monitoring/routes.h"

namespace innet::monitoring {
namespace {

constexpr const char* kBase = "/api/v1/inspections/{id}/photos";

Result<documents::OwnerAccess> photo_access(api::Context& ctx, std::int64_t photo_id) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  auto photo = find_photo(*conn, photo_id);
  if (!photo.ok()) {
    if (photo.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return photo.take_error();
  }
  // Taken off the inspection: nobody's evidence any more, so nobody reads it.
  if (photo->detached_at) return documents::OwnerAccess{};
  auto inspection = visible_inspection(ctx, *conn, photo->inspection_id, "inspections.read");
  if (!inspection.ok()) {
    if (inspection.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return inspection.take_error();
  }
  return documents::OwnerAccess{.readable = true};
}

Status commit(api::Context& ctx, const char* action, const Photo& p) {
  auto entry = ctx.audit(action, "inspection", std::to_string(p.inspection_id));
  // The document's id and hash, never its filename (which may name someone).
  entry.details = nlohmann::json({{"photo_id", p.id},
                                  {"item_id", p.item_id},
                                  {"document_id", p.document.id},
                                  {"sha256", p.document.sha256}})
                      .dump();
  return ctx.commit(entry);
}

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto inspection, inspection_in_scope(ctx, *conn, "inspections.read"));
  INNET_ASSIGN_OR_RETURN(auto photos, photos_of(*conn, inspection.id));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : photos) items.push_back(photo_type().to_json(p));
  return api::ok({{"items", std::move(items)}});
}

Result<http::Response> attach(api::Context& ctx) {
  NewPhoto n{.item_id = ctx.body["item_id"],
             .document_id = ctx.body["document_id"],
             .idempotency_key = ctx.body["idempotency_key"],
             .attached_by = ctx.actor->user_id,
             .attached_at = clock::now_iso()};
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto inspection, inspection_in_scope(ctx, *conn, "inspections.manage"));
  // A replay after a lost answer: what the first attachment answered, nothing stored twice.
  INNET_ASSIGN_OR_RETURN(auto replay, photo_with_key(*conn, inspection.id, n.idempotency_key));
  if (replay) return api::created(photo_type().to_json(*replay));
  INNET_ASSIGN_OR_RETURN(auto photo, attach_photo(*conn, inspection, n));
  INNET_TRY(documents::link_document(ctx, *conn, n.document_id, kPhotoOwnerKind, photo.id));
  INNET_ASSIGN_OR_RETURN(photo, find_photo(*conn, photo.id));
  INNET_TRY(commit(ctx, "inspections.attach_photo", photo));
  return api::created(photo_type().to_json(photo));
}

Result<http::Response> detach(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto photo_id, ctx.id_param("photo_id"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto inspection, inspection_in_scope(ctx, *conn, "inspections.manage"));
  INNET_ASSIGN_OR_RETURN(
      auto photo, detach_photo(*conn, inspection, photo_id, ctx.actor->user_id, clock::now_iso()));
  INNET_TRY(commit(ctx, "inspections.detach_photo", photo));
  return api::created(photo_type().to_json(photo));
}

}  // namespace

documents::Owner photo_owner() {
  return {.kind = kPhotoOwnerKind, .media_types = photo_media_types(), .access = photo_access};
}

void add_photo_routes(api::Api& api) {
  static const api::ListType photo_list("InspectionPhotoList", photo_type(), false);
  api.add_schema(photo_type());
  api.add_schema(photo_list);
  api.add({.method = "GET",
           .pattern = kBase,
           .action = "inspections.read",
           .summary = "The photos attached to an inspection's items",
           .tag = "monitoring",
           .response_schema = "InspectionPhotoList",
           .handler = list});
  api.add(
      {.method = "POST",
       .pattern = kBase,
       .action = "inspections.manage",
       .summary = "Attach an uploaded image (POST /documents) to an item of an inspection in "
                  "progress (a replay with the same idempotency key attaches nothing twice)",
       .tag = "monitoring",
       .body = {{.name = "item_id", .type = FieldType::integer, .required = true, .min_value = 1},
                {.name = "document_id",
                 .type = FieldType::integer,
                 .required = true,
                 .description = "an image the caller uploaded and nothing holds yet",
                 .min_value = 1},
                {.name = "idempotency_key",
                 .required = true,
                 .max_length = 64,
                 .min_length = 8,
                 .description = "chosen by the client for each attachment, e.g. a UUID"}},
       .response_schema = "InspectionPhoto",
       .success_status = 201,
       .handler = attach});
  api.add({.method = "POST",
           .pattern = std::string(kBase) + "/{photo_id}/detachment",
           .action = "inspections.manage",
           .summary = "Take a photo off an inspection in progress (once completed, photos are "
                      "final)",
           .tag = "monitoring",
           .response_schema = "InspectionPhoto",
           .success_status = 201,
           .handler = detach});
}

}  // namespace innet::monitoring
