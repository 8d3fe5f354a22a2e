#include "audit/routes.h"

#include "audit/read_log.h"
#include "core/clock.h"

namespace innet::audit {
namespace {

nlohmann::json to_json(const StoredEntry& s) {
  nlohmann::json details = nlohmann::json::parse(s.entry.details, nullptr, false);
  return {{"seq", s.seq == 0 ? nlohmann::json() : nlohmann::json(s.seq)},
          {"at", s.at},
          {"actor_user_id",
           s.entry.actor_user_id ? nlohmann::json(*s.entry.actor_user_id) : nlohmann::json()},
          {"actor_email", s.entry.actor_email},
          {"client_address", s.entry.client_address},
          {"action", s.entry.action},
          {"entity_type", s.entry.entity_type},
          {"entity_id", s.entry.entity_id},
          {"outcome", s.entry.outcome},
          {"details", details.is_discarded() ? nlohmann::json() : details},
          {"request_id", s.entry.request_id}};
}

// The from and to filters of both lists.
Status time_filters(std::map<std::string, std::string>& q, std::string& from, std::string& to) {
  for (auto [name, value] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    *value = q[name];
    // The bounds are compared as text with the stored timestamps: only the canonical forms
    // compare right ("2026-1-1" or "2026-01-01T1:2:3Z" would silently select the wrong rows).
    auto t = clock::parse_iso_utc(*value);
    bool timestamp = t && clock::iso_utc(*t) == *value;
    if (!value->empty() && !is_valid_date(*value) && !timestamp)
      return Error::field(ErrorKind::invalid_input, name,
                          FieldError::wrong_type("date_or_timestamp"));
  }
  return Status::success();
}

Result<http::Response> list_entries(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  auto& q = ctx.request.query;
  Filter f;
  if (!q["actor_user_id"].empty()) f.actor_user_id = parse_int(q["actor_user_id"]);
  f.action = q["action"];
  f.entity_type = q["entity_type"];
  f.entity_id = q["entity_id"];
  INNET_TRY(time_filters(q, f.from, f.to));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list(*conn, f, paging));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : page.first) items.push_back(to_json(s));
  return api::ok(list_envelope(std::move(items), page.second, paging));
}

nlohmann::json to_json(const StoredRead& s) {
  const auto& e = s.entry;
  return {{"id", s.id},
          {"at", e.at},
          {"actor_user_id", e.actor_user_id ? nlohmann::json(*e.actor_user_id) : nlohmann::json()},
          {"actor_email", e.actor_email},
          {"client_address", e.client_address},
          {"request_id", e.request_id},
          {"route", e.route},
          {"path", e.path},
          {"status", e.status},
          {"outcome", e.outcome},
          {"person_ids", e.person_ids}};
}

Result<http::Response> list_read_entries(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  auto& q = ctx.request.query;
  ReadFilter f;
  if (!q["actor_user_id"].empty()) f.actor_user_id = parse_int(q["actor_user_id"]);
  if (!q["person_id"].empty()) f.person_id = parse_int(q["person_id"]);
  f.outcome = q["outcome"];
  INNET_TRY(time_filters(q, f.from, f.to));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_reads(*conn, f, paging));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : page.first) items.push_back(to_json(s));
  return api::ok(list_envelope(std::move(items), page.second, paging));
}

}  // namespace

void add_routes(api::Api& api) {
  using nlohmann::json;
  json text = {{"type", "string"}};
  api.add_schema("AuditEntry",
                 {{"type", "object"},
                  {"properties",
                   {{"seq", {{"type", {"integer", "null"}}, {"description", "null until chained"}}},
                    {"at", text},
                    {"actor_user_id", {{"type", {"integer", "null"}}}},
                    {"actor_email", text},
                    {"client_address", text},
                    {"action", text},
                    {"entity_type", text},
                    {"entity_id", text},
                    {"outcome", {{"type", "string"}, {"enum", {"success", "failure", "denied"}}}},
                    {"details", {{"type", {"object", "null"}}}},
                    {"request_id", text}}}});
  api.add_schema("AuditEntryList", api::list_schema("AuditEntry"));
  api.add({.method = "GET",
           .pattern = "/api/v1/audit",
           .action = "audit.read",
           .summary = "The audit trail, newest first",
           .tag = "audit",
           .query = {{.name = "actor_user_id", .type = FieldType::integer},
                     {.name = "action", .max_length = 100},
                     {.name = "entity_type", .max_length = 100},
                     {.name = "entity_id", .max_length = 100},
                     {.name = "from", .max_length = 20},
                     {.name = "to", .max_length = 20}},
           .paged = true,
           .response_schema = "AuditEntryList",
           .handler = list_entries});

  const json integer = {{"type", "integer"}};
  api.add_schema(
      "ReadEntry",
      {{"type", "object"},
       {"properties",
        {{"id", integer},
         {"at", text},
         {"actor_user_id", {{"type", {"integer", "null"}}}},
         {"actor_email", text},
         {"client_address", text},
         {"request_id", text},
         {"route", {{"type", "string"}, {"description", "method and route: the purpose"}}},
         {"path", text},
         {"status", integer},
         {"outcome", {{"type", "string"}, {"enum", {"success", "denied"}}}},
         {"person_ids", {{"type", "array"}, {"items", integer}}}}}});
  api.add_schema("ReadEntryList", api::list_schema("ReadEntry"));
  api.add({.method = "GET",
           .pattern = "/api/v1/audit/reads",
           .action = "audit.read",
           .summary = "Who read which persons, and refused reads (403, 404), newest first",
           .tag = "audit",
           .query = {{.name = "actor_user_id", .type = FieldType::integer},
                     {.name = "person_id", .type = FieldType::integer},
                     {.name = "outcome", .max_length = 20, .allowed = {"success", "denied"}},
                     {.name = "from", .max_length = 20},
                     {.name = "to", .max_length = 20}},
           .paged = true,
           .response_schema = "ReadEntryList",
           .handler = list_read_entries});
}

}  // namespace innet::audit
