// /api/v1/documents. The upload is the one route whose body is not JSON: the raw file, up to
// upload_max_bytes (the server applies that limit to this route only, from its header, before
// reading the body). Its type is read from the content; the client's Content-Type is ignored.
#include "documents/routes.h"

#include <cstdio>

#include "documents/owners.h"
#include "documents/sniff.h"

namespace innet::documents {
namespace {

// RFC 6266 / 8187: an ASCII fallback for old clients and the UTF-8 name, percent-encoded.
std::string content_disposition(const std::string& filename) {
  std::string ascii, encoded;
  for (unsigned char c : filename) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    ascii += plain || c == ' ' ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Result<http::Response> upload(api::Context& ctx) {
  // Checked by the server already (413 before the body is read); kept for other callers.
  if (ctx.request.body.size() > ctx.services.settings.upload_max_bytes)
    return Error::make(ErrorKind::too_large, "body_too_large", "the file is too large");
  if (ctx.request.body.empty())
    return Error::make(ErrorKind::invalid_input, "empty_file", "the file is empty");
  INNET_ASSIGN_OR_RETURN(auto type, sniff(ctx.request.body));
  auto name = ctx.request.query["filename"];
  const std::string filename = sanitize_filename(name, type);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(
      auto document, store_document(*conn, ctx.request.body, type, filename, ctx.actor->user_id));
  // The body is stored: release it now rather than with the request.
  std::string().swap(ctx.request.body);
  // The filename stays out of the audit trail: it may name a person, and the trail is kept for
  // good; the document's id leads to it.
  auto entry = ctx.audit("documents.upload", "document", std::to_string(document.id));
  entry.details = nlohmann::json{
      {"sha256", document.sha256},
      {"media_type", document.media_type},
      {"size",
       document.size}}.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(to_json(document));
}

Result<http::Response> metadata(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto document, visible_document(ctx, id));
  return api::ok(to_json(document));
}

Result<http::Response> content(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto document, visible_document(ctx, id));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  http::Response r;
  INNET_ASSIGN_OR_RETURN(r.body, document_content(*conn, document.sha256));
  // Always a download, never rendered in our origin: a crafted PDF or image cannot run script
  // with the user's session. nosniff keeps browsers from reading it as anything but its type,
  // and the sandbox applies should a browser render it anyway.
  r.set_header("Content-Type", document.media_type);
  r.set_header("Content-Disposition", content_disposition(document.filename));
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Content-Security-Policy", "sandbox; default-src 'none'");
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

void add_routes(api::Api& api) {
  api.add_schema(document_type());
  const auto types = accepted_media_type_names();
  api.add({.method = "POST",
           .pattern = "/api/v1/documents",
           .action = "documents.upload",
           .summary = "Upload a file (PDF, JPEG, PNG, WebP, HEIC; at most upload_max_bytes) as "
                      "the raw body: its type is read from the content",
           .tag = "documents",
           .upload_types = types,
           .query = {{.name = "filename",
                      .max_length = 200,
                      .description = "the file's name; sanitised and given the extension of "
                                     "its type"}},
           .response_schema = "Document",
           .success_status = 201,
           .handler = upload});
  api.add({.method = "GET",
           .pattern = "/api/v1/documents/{id}",
           .action = "documents.read",
           .summary = "A document's metadata (the uploader's until a module attaches it; then "
                      "whoever may read that record)",
           .tag = "documents",
           .response_schema = "Document",
           .reads_persons = true,
           .handler = metadata});
  api.add({.method = "GET",
           .pattern = "/api/v1/documents/{id}/content",
           .action = "documents.read",
           .summary = "A document's content, as an attachment of the type read at upload",
           .tag = "documents",
           .other_content_types = types,
           .reads_persons = true,
           .handler = content});
}

}  // namespace innet::documents
