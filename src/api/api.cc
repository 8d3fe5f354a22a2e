#include "api/api.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

#include "core/clock.h"
#include "core/crypto.h"

namespace innet::api {
namespace {

bool is_write(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// Queues the read-log entry of a route that names persons: its answers and its refusals (403, and
// 404, which is also the answer for an id out of the caller's scope). Other statuses name nobody.
// A full queue answers 503: personal data does not leave without its entry.
http::Response logged_read(const Route& route, Context& ctx, http::Response response) {
  const bool refused = response.status == 403 || response.status == 404;
  if (!route.reads_persons || !ctx.services.read_log || !ctx.actor ||
      (response.status >= 300 && !refused))
    return response;
  audit::ReadEntry e{.at = clock::now_iso(),
                     .actor_user_id = ctx.actor->user_id,
                     .actor_email = ctx.actor->email,
                     .client_address = ctx.request.client_address,
                     .request_id = ctx.request.request_id,
                     .route = route.method + " " + route.pattern,
                     .path = ctx.request.path,
                     .status = response.status,
                     .outcome = refused ? "denied" : "success",
                     .person_ids = std::move(ctx.persons_read)};
  std::sort(e.person_ids.begin(), e.person_ids.end());
  e.person_ids.erase(std::unique(e.person_ids.begin(), e.person_ids.end()), e.person_ids.end());
  if (!ctx.services.read_log->enqueue(std::move(e)))
    return http::Response::error(Error::make(ErrorKind::unavailable, "read_log_full",
                                             "the read log cannot keep up; try again shortly"));
  return response;
}

// Runs the checks in the order documented in api.h, then the handler.
http::Response dispatch(const Route& route, Services& services, const Authenticator& authenticate,
                        http::Request& request) {
  Context ctx{request, services, nullptr, std::nullopt, nullptr, std::nullopt, std::nullopt};
  // A route on the I/O thread must not read the database, so it looks up no credentials.
  Result<std::optional<auth::Actor>> actor = std::optional<auth::Actor>{};
  if (!route.io_thread) actor = authenticate(ctx);
  if (!actor.ok()) return http::Response::error(actor.error());
  if (actor->has_value()) ctx.actor = &**actor;
  if (route.action != auth::kPublic) {
    if (!ctx.actor)
      return http::Response::error(
          Error::make(ErrorKind::unauthenticated, "unauthenticated", "sign in first"));
    if (route.action != auth::kAuthenticated) {
      ctx.scope = services.policy.scope(ctx.actor->role, route.action);
      if (!ctx.scope) return logged_read(route, ctx, http::Response::error(forbidden()));
    }
    if (route.session_only && ctx.actor->session_id == 0)
      return http::Response::error(
          Error::make(ErrorKind::forbidden, "session_required",
                      "this action needs a signed-in session, not an API token"));
    // A cookie is sent by the browser on its own; the CSRF token proves the page asked.
    if (is_write(route.method) && ctx.actor->session_id != 0) {
      auto sent = request.header("x-csrf-token");
      if (!sent || !crypto::equal_constant_time(*sent, ctx.actor->csrf_token))
        return http::Response::error(Error::make(ErrorKind::forbidden, "csrf_failed",
                                                 "missing or wrong X-CSRF-Token header"));
    }
  }

  if (!route.path.empty()) {
    std::map<std::string, std::string> values;
    for (const auto& f : route.path) values[f.name] = request.params[f.name];
    if (auto s = check_query(values, route.path); !s.ok()) return http::Response::error(s.error());
  }
  if (!route.query.empty() || route.paged || !request.query.empty()) {
    if (auto s = check_query(request.query, route.query); !s.ok())
      return http::Response::error(s.error());
  }
  if (!route.body.empty()) {
    // Only JSON: a cross-site HTML form can send text/plain or form data without a preflight,
    // but not application/json. This closes login CSRF, where no session token exists yet.
    auto type = request.header("content-type");
    if (!type || !type->starts_with("application/json"))
      return http::Response::error(Error::make(ErrorKind::unsupported_media_type,
                                               "unsupported_media_type",
                                               "send the body as Content-Type: application/json"));
    auto body = parse_body(request.body, route.body);
    if (!body.ok()) return http::Response::error(body.error());
    ctx.body = std::move(body).value();
  } else if (!request.body.empty() && is_write(route.method) && route.upload_types.empty()) {
    return http::Response::error(
        Error::make(ErrorKind::invalid_input, "unexpected_body", "this endpoint takes no body"));
  }

  auto result = route.handler(ctx);
  if (!result.ok()) {
    if (result.error().kind == ErrorKind::internal)
      spdlog::error("request {} {}: {}", request.request_id, route.pattern, result.error().message);
    return logged_read(route, ctx, http::Response::error(result.error()));
  }
  return logged_read(route, ctx, std::move(result).value());
}

}  // namespace

void Api::install(http::Router& router, Services& services, Authenticator authenticate) const {
  for (const auto& route : routes_) {
    if (route.io_thread && route.action != auth::kPublic)
      throw std::invalid_argument(route.pattern + ": a route on the I/O thread must be public");
    router.add({route.method, route.pattern,
                [&route, &services, authenticate](http::Request& request) {
                  return dispatch(route, services, authenticate, request);
                },
                !route.io_thread,
                route.upload_types.empty() ? 0 : services.settings.upload_max_bytes});
  }
}

audit::Entry Context::audit(std::string action, std::string entity_type,
                            std::string entity_id) const {
  audit::Entry e;
  if (actor) {
    e.actor_user_id = actor->user_id;
    e.actor_email = actor->email;
  }
  e.client_address = request.client_address;
  e.request_id = request.request_id;
  e.action = std::move(action);
  e.entity_type = std::move(entity_type);
  e.entity_id = std::move(entity_id);
  return e;
}

Result<db::Connection*> Context::db() {
  if (!connection) {
    INNET_ASSIGN_OR_RETURN(auto borrowed, services.pool.acquire());
    connection.emplace(std::move(borrowed));
  }
  return &**connection;
}

Result<db::Connection*> Context::begin_write() {
  auto conn = db();
  if (!conn.ok()) return conn;
  transaction.emplace(**conn);
  if (!transaction->started().ok()) return transaction->started().error();
  return conn;
}

Status Context::commit(const audit::Entry& entry) {
  if (!transaction) return Error::internal("commit without begin_write");
  INNET_TRY(audit::record(**connection, entry));
  return transaction->commit();
}

Result<std::int64_t> Context::id_param(const std::string& name) const {
  auto it = request.params.find(name);
  if (it == request.params.end()) return Error::not_found("record");
  auto id = parse_int(it->second);
  if (!id || *id <= 0) return Error::not_found("record");
  return *id;
}

http::Response created(const nlohmann::json& body) {
  return http::Response::json(201, body);
}
http::Response ok(const nlohmann::json& body) {
  return http::Response::json(200, body);
}
Error forbidden() {
  return Error::make(ErrorKind::forbidden, "forbidden", "your role does not allow this action");
}

}  // namespace innet::api
