#include <regex>

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
      return "The body is not application/json";
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

nlohmann::json operation(const Route& r) {
  nlohmann::json op = {{"summary", r.summary},
                       {"tags", {r.tag}},
                       {"operationId", r.method + " " + r.pattern},
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

  nlohmann::json success = {{"description", reason(r.success_status)}};
  if (!r.response_schema.empty())
    success["content"] = {{"application/json", {{"schema", ref(r.response_schema)}}}};
  for (const auto& type : r.other_content_types)
    success["content"][type] = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
  nlohmann::json responses = {{std::to_string(r.success_status), success}};
  if (!r.body.empty() || !r.query.empty() || r.paged) responses["400"] = error_response(400);
  if (r.action != "public") {
    responses["401"] = error_response(401);
    responses["403"] = error_response(403);
  }
  if (r.pattern.find('{') != std::string::npos) responses["404"] = error_response(404);
  if (!r.body.empty()) responses["415"] = error_response(415);
  if (!r.io_thread) responses["503"] = error_response(503);
  if (r.method == "POST" || r.method == "PATCH") {
    responses["409"] = error_response(409);
    responses["413"] = error_response(413);
    responses["422"] = error_response(422);
  }
  if (r.throttled) responses["429"] = error_response(429);
  op["responses"] = responses;
  return op;
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
            {"fields", {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}}}}}}}}}};
}

}  // namespace

void Api::add_schema(const Described& type) {
  schemas_[type.name()] = type.schema();
  for (const auto* referred : type.references()) add_schema(*referred);
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
             {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "innet_session"}}},
              {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
}

}  // namespace innet::api
