#include "audit/routes.h"

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

Result<http::Response> list_entries(api::Context& ctx) {
  auto paging = parse_paging(ctx.request.query);
  if (!paging.ok()) return paging.take_error();
  auto& q = ctx.request.query;
  Filter f;
  if (!q["actor_user_id"].empty()) f.actor_user_id = parse_int(q["actor_user_id"]);
  f.action = q["action"];
  f.entity_type = q["entity_type"];
  f.entity_id = q["entity_id"];
  for (auto [name, value] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
    *value = q[name];
    // The bounds are compared as text with the stored timestamps: only the canonical forms
    // compare right ("2026-1-1" or "2026-01-01T1:2:3Z" would silently select the wrong rows).
    auto t = clock::parse_iso_utc(*value);
    bool timestamp = t && clock::iso_utc(*t) == *value;
    if (!value->empty() && !is_valid_date(*value) && !timestamp)
      return Error::field(ErrorKind::invalid_input, name,
                          "must be a date (YYYY-MM-DD) or a UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)");
  }
  auto conn = ctx.db();
  if (!conn.ok()) return conn.take_error();
  auto page = list(**conn, f, *paging);
  if (!page.ok()) return page.take_error();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : page->first) items.push_back(to_json(s));
  return api::ok(list_envelope(std::move(items), page->second, *paging));
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
}

}  // namespace innet::audit
