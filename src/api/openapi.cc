#include <regex>
#include <sstream>
#include <stdexcept>

#include "api/api.h"

namespace innet::api {
namespace {

std::string reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No content";
    case 400:
      return "Malformed request, wrong types, unknown or missing fields";
    case 401:
      return "Not signed in";
    case 403:
      return "The role does not allow this action, or the CSRF token is wrong";
    case 404:
      return "No such record (or not visible to the caller)";
    case 409:
      return "Conflicts with existing data";
    case 413:
      return "Body too large";
    case 415:
      return "The body is not application/json (an upload: not a file type the route accepts)";
    case 422:
      return "Violates a business rule";
    case 429:
      return "Too many attempts";
    case 503:
      return "Busy (overloaded, with Retry-After), or a query or lock wait took too long";
  }
  return "Response";
}

nlohmann::json error_response(int status) {
  return {{"description", reason(status)},
          {"content", {{"application/json", {{"schema", ref("Error")}}}}}};
}

// "persons" -> "Person", "family-groups" -> "FamilyGroup".
std::string camel(const std::string& segment, bool singular) {
  std::string out;
  bool upper = true;
  for (char c : segment) {
    if (c == '-' || c == '_' || c == '.') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(c)) : c;
    upper = false;
  }
  if (singular && out.ends_with("ies")) return out.substr(0, out.size() - 3) + "y";
  if (singular && out.ends_with('s')) out.pop_back();
  return out;
}

}  // namespace

// Derived from the method and the path, so that it is stable and unique: a verb (list for a
// paged GET, get, create, update, delete) and the path's words, a word before an {id} in the
// singular, a last key other than an id as "By<Key>": GET /api/v1/persons -> listPersons,
// GET /api/v1/persons/{id}/placements -> getPersonPlacements, GET
// /api/v1/centres/{id}/register/{day} -> getCentreRegisterByDay. A POST to a word that is not a
// collection (login, withdrawal) is named by its words: POST /api/v1/invoices/{id}/withdrawal ->
// invoiceWithdrawal.
std::string operation_id(const Route& r) {
  std::vector<std::string> segments;
  std::stringstream path(r.pattern.starts_with("/api/v1/") ? r.pattern.substr(8) : r.pattern);
  for (std::string segment; std::getline(path, segment, '/');)
    if (!segment.empty()) segments.push_back(segment);
  auto is_id = [](const std::string& segment) {
    return segment == "{id}" || segment.ends_with("_id}");
  };
  std::string words;
  std::string last;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].starts_with('{')) {
      // A key other than an id, at the end, tells the operation apart: getCentreRegisterByDay.
      if (!is_id(segments[i]) && i + 1 == segments.size())
        words += "By" + camel(segments[i].substr(1, segments[i].size() - 2), false);
      continue;
    }
    const bool before_id = i + 1 < segments.size() && is_id(segments[i + 1]);
    last = segments[i];
    words += camel(segments[i], before_id);
  }
  std::string verb;
  if (r.method == "GET") verb = r.paged ? "list" : "get";
  if (r.method == "PATCH") verb = "update";
  if (r.method == "DELETE") verb = "delete";
  if (r.method == "POST" && last.ends_with('s')) {
    verb = "create";
    // The collection's word in the singular: createPerson, createOpportunity.
    if (!segments.back().starts_with('{'))
      words = words.ends_with("ies") ? words.substr(0, words.size() - 3) + "y"
                                     : words.substr(0, words.size() - 1);
  }
  if (verb.empty()) {
    words[0] = static_cast<char>(std::tolower(words[0]));
    return words;
  }
  return verb + words;
}

namespace {

// Who may call: nobody in particular, a signed-in session (with the CSRF header on writes), or
// an API token unless the route is for a session only. Alternatives in a list, together in one
// object.
nlohmann::json security(const Route& r) {
  if (r.action == auth::kPublic) return nlohmann::json::array();
  nlohmann::json session = {{"session", nlohmann::json::array()}};
  if (r.method != "GET") session["csrf"] = nlohmann::json::array();
  nlohmann::json alternatives = {session};
  if (!r.session_only) alternatives.push_back({{"bearer", nlohmann::json::array()}});
  return alternatives;
}

nlohmann::json operation(const Route& r) {
  nlohmann::json op = {{"summary", r.summary},
                       {"tags", {r.tag}},
                       {"operationId", operation_id(r)},
                       {"security", security(r)},
                       {"x-innet-action", r.action}};
  if (r.session_only) op["x-innet-session-only"] = true;
  nlohmann::json params = nlohmann::json::array();
  static const std::regex param_re(R"(\{([a-z_]+)\})");
  const auto path_schema = json_schema(r.path);
  for (std::sregex_iterator it(r.pattern.begin(), r.pattern.end(), param_re), end; it != end;
       ++it) {
    const auto name = (*it)[1].str();
    const bool declared = path_schema["properties"].contains(name);
    params.push_back({{"name", name},
                      {"in", "path"},
                      {"required", true},
                      {"schema", declared ? path_schema["properties"][name]
                                          : nlohmann::json{{"type", "integer"}}}});
  }
  auto query_schema = json_schema(r.query);
  for (const auto& f : r.query)
    params.push_back({{"name", f.name},
                      {"in", "query"},
                      {"required", false},
                      {"schema", query_schema["properties"][f.name]}});
  if (r.paged) {
    params.push_back(
        {{"name", "page"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 1}}}});
    params.push_back({{"name", "per_page"},
                      {"in", "query"},
                      {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}}}});
  }
  if (!params.empty()) op["parameters"] = params;
  if (!r.body.empty())
    op["requestBody"] = {{"required", true},
                         {"content", {{"application/json", {{"schema", json_schema(r.body)}}}}}};
  if (!r.upload_types.empty()) {
    nlohmann::json content = nlohmann::json::object();
    for (const auto& type : r.upload_types)
      content[type] = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
    op["requestBody"] = {{"required", true},
                         {"description",
                          "the file itself; its type is read from its first bytes, whatever "
                          "Content-Type says"},
                         {"content", content}};
  }

  nlohmann::json success = {{"description", reason(r.success_status)}};
  if (!r.response_schema.empty())
    success["content"] = {{"application/json", {{"schema", ref(r.response_schema)}}}};
  for (const auto& type : r.other_content_types)
    success["content"][type] = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
  nlohmann::json responses = {{std::to_string(r.success_status), success}};
  // Unknown query parameters, and a body sent to a route that takes none, are refused everywhere.
  responses["400"] = error_response(400);
  if (r.action != auth::kPublic || r.throttled) responses["401"] = error_response(401);
  if (r.action != auth::kPublic) responses["403"] = error_response(403);
  // A path id, or a lookup by values in the body (a citizen's file by protocol number), may match
  // nothing.
  if (r.pattern.find('{') != std::string::npos || r.pattern.ends_with("/lookup"))
    responses["404"] = error_response(404);
  if (!r.body.empty() || !r.upload_types.empty()) responses["415"] = error_response(415);
  if (!r.io_thread) responses["503"] = error_response(503);
  if (r.method == "POST" || r.method == "PATCH") {
    responses["409"] = error_response(409);
    responses["413"] = error_response(413);
  }
  // Business rules on the values given (e.g. no day after today).
  if (r.method == "POST" || r.method == "PATCH" || !r.query.empty() || !r.path.empty())
    responses["422"] = error_response(422);
  if (r.throttled) responses["429"] = error_response(429);
  op["responses"] = responses;
  return op;
}

// Why one field was refused (core/field_error.h, decision 0013).
nlohmann::json field_error_schema() {
  return {{"type", "object"},
          {"required", {"code", "params", "message"}},
          {"properties",
           {{"code",
             {{"type", "string"},
              {"pattern", "^[a-z][a-z0-9_]*$"},
              {"description", "stable machine code, e.g. too_long"}}},
            {"params",
             {{"type", "object"}, {"description", "what the code needs, e.g. {\"max\": 200}"}}},
            {"message", {{"type", "string"}, {"description", "the reason in English"}}}}}};
}

nlohmann::json error_schema() {
  return {
      {"type", "object"},
      {"required", {"error"}},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"required", {"code", "message", "fields"}},
          {"properties",
           {{"code", {{"type", "string"}}},
            {"message", {{"type", "string"}}},
            {"fields", {{"type", "object"}, {"additionalProperties", field_error_schema()}}}}}}}}}};
}

}  // namespace

void Api::add_schema(const Described& type) {
  add_schema(type.name(), type.schema());
  for (const auto* referred : type.references()) add_schema(*referred);
}

void Api::add_schema(std::string name, nlohmann::json schema) {
  // Two modules naming different types alike would have one silently replace the other in the
  // document, and the web app's types with it: a programming error, refused as the server starts.
  const auto [at, added] = schemas_.try_emplace(name, schema);
  if (!added && at->second != schema)
    throw std::logic_error("two different OpenAPI schemas are named " + name);
}

nlohmann::json openapi_document(const Api& api, const std::string& version) {
  nlohmann::json paths = nlohmann::json::object();
  for (const auto& r : api.routes()) {
    std::string method = r.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    paths[r.pattern][method] = operation(r);
  }
  nlohmann::json schemas = nlohmann::json::object();
  for (const auto& [name, schema] : api.schemas()) schemas[name] = schema;
  schemas["Error"] = error_schema();
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "InNet API"},
            {"version", version},
            {"description",
             "Reception and integration network of the Prefettura di Palermo. Sign in with POST "
             "/api/v1/auth/login (session cookie, send X-CSRF-Token on writes) or send an API "
             "token as Authorization: Bearer."}}},
          {"servers", {{{"url", "/"}}}},
          {"paths", paths},
          {"components",
           {{"schemas", schemas},
            {"securitySchemes",
             {{"session",
               {{"type", "apiKey"},
                {"in", "cookie"},
                {"name", "innet_session"},
                {"description", "set by POST /api/v1/auth/login"}}},
              {"csrf",
               {{"type", "apiKey"},
                {"in", "header"},
                {"name", "X-CSRF-Token"},
                {"description", "the csrf_token of the session, on every write"}}},
              {"bearer",
               {{"type", "http"},
                {"scheme", "bearer"},
                {"description", "an API token (POST /api/v1/auth/tokens)"}}}}}}}};
}

}  // namespace innet::api
