#include "documents/owners.h"

#include <algorithm>

namespace innet::documents {
namespace {

std::vector<Owner>& owners() {
  static std::vector<Owner> registered;
  return registered;
}

const Owner* find_owner(const std::string& kind) {
  for (const auto& o : owners())
    if (o.kind == kind) return &o;
  return nullptr;
}

// A reference in a body, as other modules refuse one (placements' no_such_person).
Error missing_document() {
  return Error::rule(ErrorKind::unprocessable, "no_such_document", "document_id",
                     FieldError::not_found("document"));
}

}  // namespace

void add_owner(Owner owner) {
  owners().push_back(std::move(owner));
}

Result<Document> visible_document(api::Context& ctx, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto document, find_document(*conn, id));
  if (!document.owner_kind) {
    // Not attached to anything yet: only who uploaded it, not even an administrator (who holds
    // no action on case data) nor a colleague, since nothing says yet what it is about.
    if (ctx.actor && document.uploaded_by == ctx.actor->user_id) return document;
    return Error::not_found("document");
  }
  const Owner* owner = find_owner(*document.owner_kind);
  if (!owner || !ctx.actor) return Error::not_found("document");
  INNET_ASSIGN_OR_RETURN(auto access, owner->access(ctx, *document.owner_id));
  if (!access.readable) return Error::not_found("document");
  ctx.record_read(access.persons);
  return document;
}

Result<Document> link_document(api::Context& ctx, db::Connection& conn, std::int64_t document_id,
                               const std::string& owner_kind, std::int64_t owner_id) {
  const Owner* owner = find_owner(owner_kind);
  if (!owner) return Error::internal("no document owner registered for " + owner_kind);
  auto document = visible_document(ctx, document_id);
  if (!document.ok()) {
    if (document.error().kind == ErrorKind::not_found) return missing_document();
    return document.take_error();
  }
  if (document->owner_kind)
    return Error::rule(ErrorKind::conflict, "already_linked", "document_id", FieldError::taken());
  if (std::find(owner->media_types.begin(), owner->media_types.end(), document->media_type) ==
      owner->media_types.end())
    return Error::rule(ErrorKind::unprocessable, "media_type_not_accepted", "document_id",
                       FieldError::not_in_list(owner->media_types));
  INNET_TRY(set_owner(conn, document_id, owner_kind, owner_id, ctx.actor->user_id));
  INNET_ASSIGN_OR_RETURN(auto linked, find_document(conn, document_id));
  return linked;
}

}  // namespace innet::documents
