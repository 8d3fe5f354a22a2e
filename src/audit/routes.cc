#include "audit/routes.h"

#include "audit/read_log.h"
#include "core/clock.h"

namespace innet::audit {
namespace {

const std::vector<std::string> kOutcomes = {"success", "failure", "denied"};

const api::ObjectType<StoredEntry>& entry_type() {
  static const auto type =
      api::ObjectType<StoredEntry>("AuditEntry")
          .field("seq",
                 [](const StoredEntry& s) {
                   return s.seq == 0 ? std::nullopt : std::optional<std::int64_t>(s.seq);
                 },
                 {.description = "null until chained"})
          .field("at", &StoredEntry::at, {.format = "date-time"})
          .field("actor_user_id", [](const StoredEntry& s) { return s.entry.actor_user_id; })
          .field("actor_email", [](const StoredEntry& s) { return s.entry.actor_email; })
          .field("client_address", [](const StoredEntry& s) { return s.entry.client_address; })
          .field("action", [](const StoredEntry& s) { return s.entry.action; })
          .field("entity_type", [](const StoredEntry& s) { return s.entry.entity_type; })
          .field("entity_id", [](const StoredEntry& s) { return s.entry.entity_id; })
          .field("outcome", [](const StoredEntry& s) { return s.entry.outcome; },
                 {.allowed = kOutcomes})
          .field("details",
                 [](const StoredEntry& s) {
                   auto details = nlohmann::json::parse(s.entry.details, nullptr, false);
                   return details.is_discarded() ? nlohmann::json() : details;
                 },
                 {.schema = {{"type", {"object", "null"}}}})
          .field("request_id", [](const StoredEntry& s) { return s.entry.request_id; });
  return type;
}

nlohmann::json to_json(const StoredEntry& s) {
  return entry_type().to_json(s);
}

// The from and to filters of both lists.
Status time_filters(std::map<std::string, std::string>& q, std::string& from, std::string& to) {
  for (auto [name, value] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    *value = q[name];
    // The bounds are compared as text with the stored timestamps: only the canonical forms
    // compare right ("2026-1-1" or "2026-01-01T1:2:3Z" would silently select the wrong rows).
    auto t = clock::parse_iso_utc(*value);
    bool timestamp = t && clock::iso_utc(*t) == *value;
    if (!value->empty() && !CivilDay::parse(*value) && !timestamp)
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

const api::ObjectType<StoredRead>& read_type() {
  static const auto type =
      api::ObjectType<StoredRead>("ReadEntry")
          .field("id", &StoredRead::id)
          .field("at", [](const StoredRead& s) { return s.entry.at; }, {.format = "date-time"})
          .field("actor_user_id", [](const StoredRead& s) { return s.entry.actor_user_id; })
          .field("actor_email", [](const StoredRead& s) { return s.entry.actor_email; })
          .field("client_address", [](const StoredRead& s) { return s.entry.client_address; })
          .field("request_id", [](const StoredRead& s) { return s.entry.request_id; })
          .field("route", [](const StoredRead& s) { return s.entry.route; },
                 {.description = "method and route: the purpose"})
          .field("path", [](const StoredRead& s) { return s.entry.path; })
          .field("status", [](const StoredRead& s) { return s.entry.status; })
          .field("outcome", [](const StoredRead& s) { return s.entry.outcome; },
                 {.allowed = {"success", "denied"}})
          .field("person_ids", [](const StoredRead& s) { return s.entry.person_ids; });
  return type;
}

nlohmann::json to_json(const StoredRead& s) {
  return read_type().to_json(s);
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
  static const api::ListType entries("AuditEntryList", entry_type(), true);
  static const api::ListType reads("ReadEntryList", read_type(), true);
  api.add_schema(entries);
  api.add_schema(reads);
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
