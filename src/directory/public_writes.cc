// The public's feedback and suggestions on a service (contract of session 8, decision 0038):
// no login, no personal data asked or kept, flood-gated per client address and overall. A
// refused request (429) writes nothing; an admitted one writes one row (a suggestion) or adds to
// one row of counts (feedback).
#include <cctype>
#include <chrono>

#include "core/clock.h"
#include "core/flood_gate.h"
#include "directory/editorial_routes.h"
#include "directory/editorial_storage.h"
#include "directory/records.h"

namespace innet::directory {
namespace {

using nlohmann::json;

// The one gate of the directory's public writes in this process.
FloodGate& public_write_gate() {
  static FloodGate gate;
  return gate;
}

Status admit(const api::Context& ctx) {
  const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now().time_since_epoch())
                                  .count();
  // The address as the server determined it (the peer, or X-Forwarded-For's first entry from
  // the trusted proxy): held in memory for one window, never stored.
  const int wait = public_write_gate().admit(ctx.request.client_address, now_ms);
  if (wait == 0) return Status::success();
  Error e = Error::make(ErrorKind::rate_limited, "too_many_requests",
                        "too many messages from here; try again later");
  e.retry_after_seconds = wait;
  return e;
}

// The active service named by the path, or 404 as for a missing one.
Result<std::string> active_service(api::Context& ctx, db::Connection& c) {
  const std::string id = ctx.param("id");
  if (!is_uuid(id)) return Error::not_found("service");
  INNET_ASSIGN_OR_RETURN(auto active, is_active_service(c, id));
  if (!active) return Error::not_found("service");
  return id;
}

Result<http::Response> feedback(api::Context& ctx) {
  INNET_TRY(admit(ctx));
  std::string language;
  if (ctx.body.contains("language") && ctx.body["language"].is_string()) {
    language = ctx.body["language"];
    if (language.size() != 2 || !std::islower(static_cast<unsigned char>(language[0])) ||
        !std::islower(static_cast<unsigned char>(language[1])))
      return Error::field(ErrorKind::invalid_input, "language", FieldError::invalid_language());
  }
  std::optional<int> quality;
  if (ctx.body.contains("quality") && ctx.body["quality"].is_number_integer())
    quality = ctx.body["quality"].get<int>();
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto id, active_service(ctx, *c));
  INNET_TRY(add_feedback(*c, id, language, ctx.body["helped"].get<bool>(), quality));
  INNET_TRY(ctx.transaction->commit());  // no audit entry: an anonymous count, not an act
  return api::created(json{{"received", true}});
}

Result<http::Response> suggestion(api::Context& ctx) {
  INNET_TRY(admit(ctx));
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto id, active_service(ctx, *c));
  INNET_TRY(
      insert_suggestion(*c, id, ctx.body["field"], ctx.body["text"], clock::today().to_string()));
  INNET_TRY(ctx.transaction->commit());
  return api::created(json{{"received", true}});
}

}  // namespace

void add_public_write_routes(api::Api& api) {
  api.add_schema("DirectoryReceived",
                 {{"type", "object"},
                  {"required", {"received"}},
                  {"properties", {{"received", {{"type", "boolean"}, {"const", true}}}}}});
  const FieldSpec uuid_path = {
      {.name = "id", .max_length = 100, .description = "the service's uuid"}};
  api.add({.method = "POST",
           .pattern = "/api/v1/directory/services/{id}/feedback",
           .action = std::string(auth::kPublic),
           .summary = "The public's feedback on a service (anonymous; rate limited: 429 with "
                      "Retry-After)",
           .tag = "directory",
           .body = {{.name = "helped", .type = FieldType::boolean, .required = true},
                    {.name = "quality",
                     .type = FieldType::integer,
                     .nullable = true,
                     .min_value = 1,
                     .max_value = 5},
                    {.name = "language",
                     .nullable = true,
                     .max_length = 2,
                     .description = "ISO 639-1 code of the reader's language"}},
           .path = uuid_path,
           .response_schema = "DirectoryReceived",
           .success_status = 201,
           .throttled = true,  // documents the 429 with Retry-After of the flood gate
           .handler = feedback});
  api.add({.method = "POST",
           .pattern = "/api/v1/directory/services/{id}/suggestions",
           .action = std::string(auth::kPublic),
           .summary = "The public's suggestion of a correction (waits for a moderator; never "
                      "published as such; rate limited: 429 with Retry-After)",
           .tag = "directory",
           .body = {{.name = "text",
                     .required = true,
                     .max_length = 2000,
                     .min_length = 1,
                     .multiline = true},
                    {.name = "field",
                     .required = true,
                     .max_length = 10,
                     .allowed = {"name", "address", "hours", "phone", "other"}}},
           .path = uuid_path,
           .response_schema = "DirectoryReceived",
           .success_status = 201,
           .throttled = true,  // documents the 429 with Retry-After of the flood gate
           .handler = suggestion});
}

}  // namespace innet::directory
