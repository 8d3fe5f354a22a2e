// API conventions in one place. A module describes each endpoint as an ApiRoute: method, path,
// the policy action it needs, the body and query fields it accepts, and a handler. Api::install
// wraps every handler in the same steps, in this order:
//   authenticate (session cookie or Bearer token) -> 401 when required and missing
//   policy check of the route's action          -> 403
//   session-only routes called with a token     -> 403 session_required
//   CSRF check for cookie-authenticated writes  -> 403 csrf_failed
//   path, query and body validation against the spec -> 400
//   handler                                     -> its Result: a response or an error body
// The same descriptions produce the OpenAPI document, so code and documentation agree.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "audit/audit_log.h"
#include "audit/read_log.h"
#include "auth/policy.h"
#include "core/json_input.h"
#include "core/result.h"
#include "db/database.h"
#include "http/message.h"
#include "http/router.h"

namespace innet::api {

struct Settings {
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  bool cookie_secure = false;  // Secure flag always, e.g. when TLS ends at the proxy
  int password_hash_concurrency = 2;
  // The largest file a route with upload_types accepts (upload_max_bytes); other bodies keep
  // the server's max_body_bytes.
  std::size_t upload_max_bytes = 10 * 1024 * 1024;
  // Outgoing mail (password reset links): the SMTP relay, the sender, and the address of the
  // web app that links point to (public_url, e.g. https://innet.example.org).
  std::string smtp_host;
  int smtp_port = 25;
  std::string smtp_from;
  std::string public_url;
  // A run of absence without notice this long drafts a notice to the Prefettura (reception).
  int absence_notice_hours = 72;
};

// What handlers may use besides the request.
struct Services {
  db::Pool& pool;
  const auth::Policy& policy;
  Settings settings;
  // The secret key of the hash chains (the audit trail's, reused by the presence registers).
  std::string chain_key;
  // Where routes marked reads_persons queue their read entries (null: not recorded, in tools).
  audit::ReadLog* read_log = nullptr;
  // The raw key that seals sensitive case notes (case_notes_key_file; empty in tools that read
  // none).
  std::string notes_key;
};

struct Context {
  http::Request& request;
  Services& services;
  const auth::Actor* actor = nullptr;  // null on public routes with no credentials
  std::optional<auth::Scope> scope;    // the actor's scope for the route's action
  nlohmann::json body;                 // the validated body (null when the route takes none)

  // The request's one database connection: borrowed from the pool on first use (authentication
  // usually), shared by every later step, returned when the request ends.
  Result<db::Connection*> db();
  // Opens a write transaction on that connection. The handler writes, then commit(entry)
  // records the audit entry in the same transaction and commits: a write and its audit entry
  // land together or not at all. Uncommitted, the transaction rolls back when the request ends.
  Result<db::Connection*> begin_write();
  Status commit(const audit::Entry& entry);
  std::optional<db::PooledConnection> connection;
  std::optional<db::Transaction> transaction;  // after `connection`: ends before it is returned
  // An audit entry already carrying who, from where and the request id.
  audit::Entry audit(std::string action, std::string entity_type, std::string entity_id) const;
  std::string param(const std::string& name) const { return request.params.at(name); }
  // The {id} path parameter as an integer, or a 404 for anything else.
  Result<std::int64_t> id_param(const std::string& name = "id") const;
  // Persons the response names (or, before a refusal, the person refused): the read log's
  // entry for this request lists them. Costs a vector append; the entry is written later.
  void record_read(std::int64_t person_id) { persons_read.push_back(person_id); }
  void record_read(const std::vector<std::int64_t>& person_ids) {
    persons_read.insert(persons_read.end(), person_ids.begin(), person_ids.end());
  }
  // Every item's person, e.g. record_read(page.items, &people::Person::id).
  template <class Items, class Projection>
  void record_read(const Items& items, Projection person_id) {
    for (const auto& item : items) persons_read.push_back(std::invoke(person_id, item));
  }
  std::vector<std::int64_t> persons_read;
};

using Handler = std::function<Result<http::Response>(Context&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/users/{id}"
  std::string action;   // a policy action, auth::kPublic or auth::kAuthenticated
  // Actions on one's own credentials: a signed-in session only, never an API token.
  bool session_only = false;
  std::string summary;  // one line for the OpenAPI document
  std::string tag;      // OpenAPI grouping, e.g. "accounts"
  FieldSpec body;       // accepted JSON body fields; empty = no body expected
  // A raw file as the body instead of JSON (documents' upload): the media types documented
  // for it. The body may be as large as Settings::upload_max_bytes; the handler checks the type
  // from the content, not from the client's Content-Type.
  std::vector<std::string> upload_types;
  FieldSpec query;  // accepted query parameters (besides page/per_page when paged)
  // Path parameters that are not integer ids (e.g. a date): checked like query values -> 400
  // naming the parameter, and documented with their type. Undeclared ones are integer ids.
  FieldSpec path;
  bool paged = false;
  std::string response_schema;  // components schema name; "" for 204 or plain responses
  // Other bodies the route can answer with (e.g. "text/csv" for ?format=csv): documented as
  // binary alternatives to the JSON response.
  std::vector<std::string> other_content_types;
  int success_status = 200;
  // Routes run on the server's worker pool, off the I/O threads, unless they are public, cheap
  // and never touch the database (liveness, metrics): those answer on the I/O thread, and even
  // when the worker pool is full. They skip authentication, which reads the database.
  bool io_thread = false;
  // The response names persons: every answer, refusals (403, 404) included, gets a read-log
  // entry with the persons the handler recorded (Context::record_read). See decision 0010.
  bool reads_persons = false;
  // Password guesses: the route answers 429 with Retry-After while a delay runs (auth/throttle.h).
  bool throttled = false;
  Handler handler;
};

// Resolves the caller from the request (cookie or Bearer token).
using Authenticator = std::function<Result<std::optional<auth::Actor>>(Context&)>;

class Api {
 public:
  void add(Route route) { routes_.push_back(std::move(route)); }
  // A described type for the OpenAPI components (named by Route::response_schema), with the
  // described types it refers to.
  void add_schema(const Described& type);
  // A JSON Schema for the OpenAPI components, named by Route::response_schema.
  void add_schema(std::string name, nlohmann::json schema);
  const std::vector<Route>& routes() const { return routes_; }
  const std::map<std::string, nlohmann::json>& schemas() const { return schemas_; }
  // The router keeps references to these routes: the Api must outlive it and not change after.
  void install(http::Router& router, Services& services, Authenticator authenticate) const;

 private:
  std::vector<Route> routes_;
  std::map<std::string, nlohmann::json> schemas_;
};

// The OpenAPI 3.1 description of every route, built from the same Route descriptions.
nlohmann::json openapi_document(const Api& api, const std::string& version);
// The route's operationId: e.g. listPersons, getPerson, createPlacement.
std::string operation_id(const Route& route);

// Helpers every module's routes use.
http::Response created(const nlohmann::json& body);
http::Response ok(const nlohmann::json& body);
// A described value's 200 answer, written without a json tree (ObjectType::write).
template <class T>
http::Response ok(const ObjectType<T>& type, const T& value) {
  std::string body;
  body.reserve(512);
  // Invalid UTF-8 (user input echoed back): the json path replaces it instead.
  if (!type.write(body, value)) return ok(type.to_json(value));
  return http::Response::json_text(200, std::move(body));
}
Error forbidden();

// The value a PATCH body gives an optional field: absent keeps `current`, null clears it.
template <class T>
std::optional<T> patched(const nlohmann::json& body, const char* name, std::optional<T> current) {
  if (!body.contains(name)) return current;
  if (body[name].is_null()) return std::nullopt;
  return body[name].get<T>();
}

}  // namespace innet::api
