#include "directory/editorial_routes.h"

#include <map>

#include "accounts/accounts.h"
#include "core/clock.h"
#include "core/json_optional.h"
#include "directory/editorial.h"
#include "directory/editorial_storage.h"
#include "directory/import_job.h"
#include "reporting/files.h"
#include "reporting/language.h"

namespace innet::directory {
namespace {

using nlohmann::json;

constexpr const char* kRead = "directory.listings.read";
constexpr const char* kPropose = "directory.listings.propose";
constexpr const char* kVerify = "directory.listings.verify";
constexpr const char* kModerate = "directory.moderate";
constexpr const char* kChangesRead = "directory.changes.read";
constexpr const char* kFeedbackRead = "directory.feedback.read";
constexpr const char* kImport = "directory.import";

// Users' names for the answers, read through accounts once per user and request.
class Names {
 public:
  explicit Names(db::Connection& c) : c_(c) {}
  json operator()(const std::optional<std::int64_t>& id) {
    if (!id) return nullptr;
    auto it = cache_.find(*id);
    if (it == cache_.end()) {
      auto user = accounts::find_user(c_, *id);
      it = cache_.emplace(*id, user.ok() ? user->display_name : std::string()).first;
    }
    return it->second;
  }

 private:
  db::Connection& c_;
  std::map<std::int64_t, std::string> cache_;
};

bool stale(const EditorialListing& l, const std::string& before) {
  return !l.last_verified_on || *l.last_verified_on < before;
}

json listing_json(const EditorialListing& l, const std::string& before, Names& names) {
  return {{"id", l.id},
          {"name", l.name},
          {"status", l.status},
          {"organization", l.organization_id ? json{{"id", *l.organization_id},
                                                    {"name", l.organization_name.value_or("")}}
                                             : json(nullptr)},
          {"owner_id", value_or_null(l.owner_id)},
          {"last_modified", value_or_null(l.last_modified)},
          {"last_verified_on", value_or_null(l.last_verified_on)},
          {"verified_by", names(l.verified_by)},
          {"stale", stale(l, before)},
          {"pending_changes", l.pending_changes}};
}

// A change with what it would change now (pending) or what it held (decided).
Result<json> change_json(db::Connection& c, const Change& ch, Names& names) {
  json fields = json::parse(ch.fields);
  json diff = json::array();
  if (ch.state == "pending") {
    auto current = editable_view(c, ch.service_id);
    if (current.ok()) diff = differences(*current, fields);
  }
  return json{{"id", ch.id},
              {"service", {{"id", ch.service_id}, {"name", ch.service_name}}},
              {"state", ch.state},
              {"proposed_by", names(ch.proposed_by)},
              {"proposed_at", ch.proposed_at},
              {"note", value_or_null(ch.note)},
              {"fields", fields},
              {"differences", diff},
              {"decided_by", names(ch.decided_by)},
              {"decided_at", value_or_null(ch.decided_at)},
              {"reason", value_or_null(ch.reason)},
              {"suggestion_id", value_or_null(ch.suggestion_id)}};
}

json suggestion_json(const Suggestion& s, Names& names) {
  return {{"id", s.id},
          {"service", {{"id", s.service_id}, {"name", s.service_name}}},
          {"field", s.field},
          {"text", s.text},
          {"received_on", s.received_on},
          {"state", s.state},
          {"decided_by", names(s.decided_by)},
          {"decided_at", value_or_null(s.decided_at)},
          {"note", value_or_null(s.note)},
          {"change_id", value_or_null(s.change_id)}};
}

json counts_json(const FeedbackCounts& n) {
  return {{"language", n.language.empty() ? json(nullptr) : json(n.language)},
          {"count", n.count},
          {"helped_share", n.count ? json(static_cast<double>(n.helped) / n.count) : json(nullptr)},
          {"rated", n.rated},
          {"mean_quality",
           n.rated ? json(static_cast<double>(n.quality_sum) / n.rated) : json(nullptr)}};
}

// The listing the caller may read, or 404 as for a missing one (an id is a read).
Result<EditorialListing> readable_listing(api::Context& ctx, db::Connection& c,
                                          const std::string& id) {
  INNET_ASSIGN_OR_RETURN(auto found, find_listing(c, id));
  if (!found) return Error::not_found("service");
  if (ctx.scope != auth::Scope::all && found->owner_id != ctx.actor->organization_id)
    return Error::not_found("service");
  return *found;
}

bool may(const api::Context& ctx, const char* action) {
  return ctx.services.policy.allows(*ctx.actor, action);
}

std::optional<std::int64_t> owner_filter(const api::Context& ctx) {
  if (ctx.scope == auth::Scope::all) return std::nullopt;
  return ctx.actor->organization_id;
}

// The change's fields from the body: only the editable ones it gives.
json change_of_body(const json& body) {
  json out = json::object();
  for (const auto& f : editable_fields())
    if (body.contains(f)) out[f] = body[f];
  return out;
}

Status check_openings(const json& change) {
  if (!change.contains("openings")) return Status::success();
  for (std::size_t i = 0; i < change["openings"].size(); ++i) {
    const auto& o = change["openings"][i];
    const std::string opens = o["opens_at"], closes = o["closes_at"];
    auto valid = [](const std::string& t) {
      return t.size() == 5 && std::isdigit(static_cast<unsigned char>(t[0])) &&
             std::isdigit(static_cast<unsigned char>(t[1])) && t[2] == ':' &&
             std::isdigit(static_cast<unsigned char>(t[3])) &&
             std::isdigit(static_cast<unsigned char>(t[4])) && t.substr(0, 2) <= "23" &&
             t[3] <= '5';
    };
    const std::string at = "openings[" + std::to_string(i) + "].";
    if (!valid(opens))
      return Error::field(ErrorKind::invalid_input, at + "opens_at",
                          FieldError::wrong_type("time"));
    if (!valid(closes) || closes <= opens)
      return Error::field(ErrorKind::invalid_input, at + "closes_at",
                          FieldError::wrong_type("time after opens_at"));
  }
  if (change.contains("languages"))
    for (const auto& code : change["languages"]) {
      const std::string s = code;
      if (s.size() != 2 || !std::islower(static_cast<unsigned char>(s[0])) ||
          !std::islower(static_cast<unsigned char>(s[1])))
        return Error::field(ErrorKind::invalid_input, "languages", FieldError::invalid_language());
    }
  return Status::success();
}

// --- Listings ---------------------------------------------------------------------------------

const reporting::Catalogue& csv_catalogue() {
  static const reporting::Catalogue c = {
      {"name", {"Servizio", "Service", "Service", "الخدمة", "Послуга", "সেবা"}},
      {"organization", {"Ente", "Organisation", "Organisation", "الجهة", "Організація", "সংস্থা"}},
      {"status", {"Stato", "Status", "Statut", "الحالة", "Статус", "অবস্থা"}},
      {"last_modified",
       {"Ultima modifica", "Last edited", "Dernière modification", "آخر تعديل", "Остання зміна",
        "সর্বশেষ সম্পাদনা"}},
      {"last_verified_on",
       {"Ultima verifica", "Last verified", "Dernière vérification", "آخر تحقق",
        "Остання перевірка", "সর্বশেষ যাচাই"}},
      {"stale",
       {"Da verificare", "To verify", "À vérifier", "بحاجة إلى تحقق", "Потребує перевірки",
        "যাচাই করতে হবে"}},
      {"pending_changes",
       {"Modifiche in attesa", "Pending changes", "Modifications en attente", "تعديلات معلقة",
        "Зміни на розгляді", "অপেক্ষমাণ পরিবর্তন"}},
      {"yes", {"sì", "yes", "oui", "نعم", "так", "হ্যাঁ"}},
      {"no", {"no", "no", "non", "لا", "ні", "না"}},
      {"sheet.services", {"Servizi", "Services", "Services", "الخدمات", "Послуги", "সেবাসমূহ"}},
  };
  return c;
}

ListingFilter listing_filter(api::Context& ctx, const std::string& before) {
  auto& q = ctx.request.query;
  ListingFilter f;
  f.owner_id = owner_filter(ctx);
  f.q = q.contains("q") ? q["q"] : "";
  f.unverified_only = q.contains("unverified") && q["unverified"] == "true";
  f.stale_before = before;
  std::string sort = q.contains("sort") && !q["sort"].empty() ? q["sort"] : "name";
  f.descending = sort.front() == '-';
  f.sort = f.descending ? sort.substr(1) : sort;
  return f;
}

Result<http::Response> list_listings_route(api::Context& ctx) {
  const std::string before = stale_before(clock::today());
  ListingFilter f = listing_filter(ctx, before);
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.db());
  Names names(*c);
  auto& q = ctx.request.query;
  if (q.contains("format") && q["format"] == "csv") {
    // Every matching listing, in the office's CSV (decision 0021): ';', dd/mm/yyyy, BOM.
    INNET_ASSIGN_OR_RETURN(
        auto all,
        list_listings(*c, f, {1, static_cast<std::int64_t>(reporting::kMaxExportRows + 1)}));
    reporting::Labels say(csv_catalogue(), reporting::language_of(ctx.request));
    reporting::Table t;
    t.name = say("sheet.services");
    for (const char* k : {"name", "organization", "status", "last_modified", "last_verified_on",
                          "stale", "pending_changes"})
      t.columns.push_back({k, say(k)});
    using reporting::Cell;
    for (const auto& l : all.items)
      t.rows.push_back(
          {Cell::of(l.name), Cell::of(l.organization_name.value_or("")), Cell::of(l.status),
           l.last_modified ? Cell::date(l.last_modified->substr(0, 10)) : Cell{},
           l.last_verified_on ? Cell::date(*l.last_verified_on) : Cell{},
           Cell::of(say(stale(l, before) ? "yes" : "no")), Cell::of(l.pending_changes)});
    return reporting::tables_response("csv", {std::move(t)}, 0, "directory-services",
                                      reporting::CsvStyle::office);
  }
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(q));
  INNET_ASSIGN_OR_RETURN(auto page, list_listings(*c, f, paging));
  json items = json::array();
  for (const auto& l : page.items) items.push_back(listing_json(l, before, names));
  json out = list_envelope(std::move(items), page.total, paging);
  out["verify_months"] = verify_months();
  return api::ok(out);
}

Result<http::Response> get_listing(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto l, readable_listing(ctx, *c, ctx.param("id")));
  Names names(*c);
  json out = listing_json(l, stale_before(clock::today()), names);
  INNET_ASSIGN_OR_RETURN(out["fields"], editable_view(*c, l.id));
  // Its changes the caller may read: a provider those of its organisation.
  ChangeFilter cf{.owner_id = owner_filter(ctx), .service_id = l.id, .state = ""};
  INNET_ASSIGN_OR_RETURN(auto changes, list_changes(*c, cf, {1, 20}));
  json list = json::array();
  for (const auto& ch : changes.items) {
    INNET_ASSIGN_OR_RETURN(auto j, change_json(*c, ch, names));
    list.push_back(std::move(j));
  }
  out["changes"] = std::move(list);
  out["may_edit_directly"] = may(ctx, kModerate);
  return api::ok(out);
}

Result<http::Response> propose(api::Context& ctx) {
  const json change = change_of_body(ctx.body);
  INNET_TRY(check_openings(change));
  const bool direct = ctx.body.value("direct", false);
  if (direct && !may(ctx, kModerate)) return api::forbidden();
  std::optional<std::int64_t> suggestion_id;
  if (ctx.body.contains("suggestion_id") && !ctx.body["suggestion_id"].is_null()) {
    if (!may(ctx, kModerate)) return api::forbidden();
    suggestion_id = ctx.body["suggestion_id"].get<std::int64_t>();
  }
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto l, readable_listing(ctx, *c, ctx.param("id")));
  INNET_ASSIGN_OR_RETURN(auto current, editable_view(*c, l.id));
  const json diff = differences(current, change);
  if (diff.empty())
    return Error::make(ErrorKind::unprocessable, "no_changes",
                       "the change gives no value different from the listing's");
  if (suggestion_id) {
    INNET_ASSIGN_OR_RETURN(auto s, find_suggestion(*c, *suggestion_id));
    if (!s || s->service_id != l.id)
      return Error::field(ErrorKind::invalid_input, "suggestion_id",
                          FieldError::not_found("suggestion"));
  }
  const std::string now = clock::now_iso();
  Change ch;
  ch.service_id = l.id;
  ch.owner_id = l.owner_id;
  ch.proposed_by = ctx.actor->user_id;
  ch.proposed_at = now;
  ch.fields = change.dump();
  if (ctx.body.contains("note") && ctx.body["note"].is_string()) ch.note = ctx.body["note"];
  ch.state = direct ? "approved" : "pending";
  ch.suggestion_id = suggestion_id;
  if (direct) {
    ch.decided_by = ctx.actor->user_id;
    ch.decided_at = now;
    INNET_TRY(apply_change(*c, l.id, change, now));
  }
  INNET_ASSIGN_OR_RETURN(ch.id, insert_change(*c, ch));
  if (suggestion_id)
    INNET_TRY(
        decide_suggestion(*c, *suggestion_id, "handled", ctx.actor->user_id, now, ch.note, ch.id));
  const std::string change_id = std::to_string(ch.id);
  auto entry = direct ? ctx.audit("directory.change_apply", "directory_change", change_id)
                      : ctx.audit("directory.change_propose", "directory_change", change_id);
  entry.details = json{{"service_id", l.id}, {"differences", diff}}.dump();
  INNET_TRY(ctx.commit(entry));
  Names names(*c);
  INNET_ASSIGN_OR_RETURN(auto stored, find_change(*c, ch.id));
  INNET_ASSIGN_OR_RETURN(auto j, change_json(*c, *stored, names));
  if (direct) j["differences"] = diff;
  return api::created(j);
}

Result<http::Response> verify(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto l, readable_listing(ctx, *c, ctx.param("id")));
  const std::string today = clock::today().to_string();
  INNET_TRY(set_verified(*c, l.id, today, ctx.actor->user_id));
  auto entry = ctx.audit("directory.verify", "directory_service", l.id);
  entry.details = json{{"last_verified_on", today}}.dump();
  INNET_TRY(ctx.commit(entry));
  INNET_ASSIGN_OR_RETURN(auto fresh, find_listing(*c, l.id));
  Names names(*c);
  return api::ok(listing_json(*fresh, stale_before(clock::today()), names));
}

// Moderators: which InNet organisation keeps an HSDS organisation's listings (its users then
// read, propose and verify them).
Result<http::Response> set_owner_route(api::Context& ctx) {
  std::optional<std::int64_t> owner;
  if (!ctx.body["organization_id"].is_null())
    owner = ctx.body["organization_id"].get<std::int64_t>();
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.begin_write());
  if (owner) {
    auto org = accounts::find_organization(*c, *owner);
    if (!org.ok())
      return Error::field(ErrorKind::invalid_input, "organization_id",
                          FieldError::not_found("organization"));
  }
  const std::string id = ctx.param("id");
  auto set = set_owner(*c, id, owner);
  if (!set.ok()) return Error::not_found("organization");
  auto entry = ctx.audit("directory.owner", "directory_organization", id);
  entry.details = json{{"innet_organization_id", value_or_null(owner)}}.dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(json{{"id", id}, {"owner_id", value_or_null(owner)}});
}

// --- Changes ----------------------------------------------------------------------------------

Result<Change> readable_change(api::Context& ctx, db::Connection& c) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto found, find_change(c, id));
  if (!found) return Error::not_found("change");
  if (ctx.scope != auth::Scope::all && found->owner_id != ctx.actor->organization_id)
    return Error::not_found("change");
  return *found;
}

Result<http::Response> list_changes_route(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  auto& q = ctx.request.query;
  ChangeFilter f{.owner_id = owner_filter(ctx),
                 .service_id = std::nullopt,
                 .state = q.contains("state") ? q["state"] : ""};
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_changes(*c, f, paging));
  Names names(*c);
  json items = json::array();
  for (const auto& ch : page.items) {
    INNET_ASSIGN_OR_RETURN(auto j, change_json(*c, ch, names));
    items.push_back(std::move(j));
  }
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> get_change(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto ch, readable_change(ctx, *c));
  Names names(*c);
  INNET_ASSIGN_OR_RETURN(auto j, change_json(*c, ch, names));
  return api::ok(j);
}

Result<http::Response> decide(api::Context& ctx, bool approve) {
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto ch, readable_change(ctx, *c));
  if (ch.state != "pending")
    return Error::make(ErrorKind::conflict, "already_decided", "the change was already decided");
  const std::string now = clock::now_iso();
  const json fields = json::parse(ch.fields);
  json diff = json::array();
  std::optional<std::string> reason;
  if (approve) {
    INNET_ASSIGN_OR_RETURN(auto current, editable_view(*c, ch.service_id));
    diff = differences(current, fields);
    INNET_TRY(apply_change(*c, ch.service_id, fields, now));
  } else {
    reason = ctx.body["reason"].get<std::string>();
  }
  INNET_TRY(
      decide_change(*c, ch.id, approve ? "approved" : "rejected", ctx.actor->user_id, now, reason));
  const std::string change_id = std::to_string(ch.id);
  auto entry = approve ? ctx.audit("directory.change_approve", "directory_change", change_id)
                       : ctx.audit("directory.change_reject", "directory_change", change_id);
  entry.details = approve ? json{{"service_id", ch.service_id}, {"differences", diff}}.dump()
                          : json{{"service_id", ch.service_id}, {"reason", *reason}}.dump();
  INNET_TRY(ctx.commit(entry));
  INNET_ASSIGN_OR_RETURN(auto stored, find_change(*c, ch.id));
  Names names(*c);
  INNET_ASSIGN_OR_RETURN(auto j, change_json(*c, *stored, names));
  return api::ok(j);
}

// --- Suggestions and feedback -----------------------------------------------------------------

Result<http::Response> list_suggestions_route(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  auto& q = ctx.request.query;
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page,
                         list_suggestions(*c, q.contains("state") ? q["state"] : "", paging));
  Names names(*c);
  json items = json::array();
  for (const auto& s : page.items) items.push_back(suggestion_json(s, names));
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> decide_suggestion_route(api::Context& ctx, bool handled) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto s, find_suggestion(*c, id));
  if (!s) return Error::not_found("suggestion");
  std::optional<std::string> note;
  if (ctx.body.contains("note") && ctx.body["note"].is_string() &&
      !ctx.body["note"].get<std::string>().empty())
    note = ctx.body["note"];
  INNET_TRY(decide_suggestion(*c, id, handled ? "handled" : "rejected", ctx.actor->user_id,
                              clock::now_iso(), note, std::nullopt));
  const std::string sid = std::to_string(id);
  auto entry = handled ? ctx.audit("directory.suggestion_handle", "directory_suggestion", sid)
                       : ctx.audit("directory.suggestion_reject", "directory_suggestion", sid);
  entry.details = json{{"service_id", s->service_id}}.dump();
  INNET_TRY(ctx.commit(entry));
  INNET_ASSIGN_OR_RETURN(auto fresh, find_suggestion(*c, id));
  Names names(*c);
  return api::ok(suggestion_json(*fresh, names));
}

Result<http::Response> list_feedback_route(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  auto& q = ctx.request.query;
  std::optional<std::string> service;
  if (q.contains("service_id") && !q["service_id"].empty()) service = q["service_id"];
  INNET_ASSIGN_OR_RETURN(auto* c, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_feedback(*c, service, owner_filter(ctx), paging));
  json items = json::array();
  for (const auto& s : page.items) {
    json by_language = json::array();
    for (const auto& n : s.languages) by_language.push_back(counts_json(n));
    json total = counts_json(s.total);
    total.erase("language");
    items.push_back({{"service", {{"id", s.service_id}, {"name", s.service_name}}},
                     {"total", total},
                     {"by_language", by_language}});
  }
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

// --- The HSDS upload --------------------------------------------------------------------------

json import_json(const ImportJob& j) {
  json rejections = json::array();
  for (const auto& r : j.rejections) {
    json params = json::object();
    for (const auto& [k, v] : r.reason.params)
      std::visit([&, &key = k](const auto& x) { params[key] = x; }, v);
    rejections.push_back({{"file", r.file},
                          {"row", r.row},
                          {"field", r.field},
                          {"code", r.reason.code},
                          {"message", r.reason.message},
                          {"params", params}});
  }
  return {{"id", j.id},
          {"file", j.file},
          {"state", j.state},
          {"phase", j.phase},
          {"progress", j.progress},
          {"records", j.records},
          {"changed", j.changed},
          {"outside_references", j.outside_references},
          {"rejections", rejections},
          {"error", value_or_null(j.error)},
          {"started_at", j.started_at}};
}

Result<http::Response> upload(api::Context& ctx) {
  auto& q = ctx.request.query;
  const std::string file =
      q.contains("filename") && !q["filename"].empty() ? q["filename"] : "upload";
  auto entry = ctx.audit("directory.import", "hsds", file);
  INNET_ASSIGN_OR_RETURN(
      auto job, start_import(ctx.services, entry, ctx.request.body, file, ctx.actor->user_id));
  auto r = http::Response::json(202, import_json(job));
  return r;
}

Result<http::Response> get_import(api::Context& ctx) {
  auto job = find_import(ctx.param("id"));
  if (!job) return Error::not_found("import");
  return api::ok(import_json(*job));
}

// --- Schemas ----------------------------------------------------------------------------------

json nullable(const char* type) {
  return {{"type", json::array({type, "null"})}};
}
json object(json properties) {
  json required = json::array();
  for (auto it = properties.begin(); it != properties.end(); ++it) required.push_back(it.key());
  return {{"type", "object"}, {"required", required}, {"properties", properties}};
}
json array_of(json items) {
  return {{"type", "array"}, {"items", std::move(items)}};
}
json list_of(const char* schema) {
  return object({{"items", array_of(api::ref(schema))},
                 {"total", {{"type", "integer"}}},
                 {"page", {{"type", "integer"}}},
                 {"per_page", {{"type", "integer"}}}});
}

void add_schemas(api::Api& api) {
  const json str = {{"type", "string"}}, integer = {{"type", "integer"}},
             boolean = {{"type", "boolean"}};
  const json ref_named = object({{"id", str}, {"name", str}});
  const json any = json::object();
  const json fields = {
      {"type", "object"},
      {"description", "the editable fields (a change gives some of them)"},
      {"properties",
       {{"name", str},
        {"description", nullable("string")},
        {"eligibility_description", nullable("string")},
        {"application_process", nullable("string")},
        {"phones", array_of(object({{"number", str}, {"description", nullable("string")}}))},
        {"openings",
         array_of(object({{"weekday", integer}, {"opens_at", str}, {"closes_at", str}}))},
        {"languages", array_of(str)},
        {"translations", array_of(object({{"language", str}, {"field", str}, {"text", str}}))}}}};
  api.add_schema("DirectoryChangeFields", fields);
  json all_fields = fields;  // a listing's fields: every one present
  all_fields["description"] = "the listing's editable fields";
  all_fields["required"] = json(editable_fields());
  api.add_schema("DirectoryListingFields", all_fields);
  json listing =
      object({{"id", str},
              {"name", str},
              {"status", str},
              {"organization", {{"oneOf", json::array({ref_named, {{"type", "null"}}})}}},
              {"owner_id", nullable("integer")},
              {"last_modified", nullable("string")},
              {"last_verified_on", nullable("string")},
              {"verified_by", nullable("string")},
              {"stale", boolean},
              {"pending_changes", integer}});
  api.add_schema("DirectoryListing", listing);
  json list = list_of("DirectoryListing");
  list["properties"]["verify_months"] = integer;
  list["required"].push_back("verify_months");
  api.add_schema("DirectoryListingList", list);
  api.add_schema(
      "DirectoryChange",
      object(
          {{"id", integer},
           {"service", ref_named},
           {"state", {{"type", "string"}, {"enum", {"pending", "approved", "rejected"}}}},
           {"proposed_by", nullable("string")},
           {"proposed_at", str},
           {"note", nullable("string")},
           {"fields", api::ref("DirectoryChangeFields")},
           {"differences", array_of(object({{"field", str}, {"current", any}, {"proposed", any}}))},
           {"decided_by", nullable("string")},
           {"decided_at", nullable("string")},
           {"reason", nullable("string")},
           {"suggestion_id", nullable("integer")}}));
  api.add_schema("DirectoryChangeList", list_of("DirectoryChange"));
  json detail = listing;
  detail["properties"]["fields"] = api::ref("DirectoryListingFields");
  detail["properties"]["changes"] = array_of(api::ref("DirectoryChange"));
  detail["properties"]["may_edit_directly"] = boolean;
  for (const char* k : {"fields", "changes", "may_edit_directly"}) detail["required"].push_back(k);
  api.add_schema("DirectoryListingDetail", detail);
  api.add_schema(
      "DirectorySuggestion",
      object({{"id", integer},
              {"service", ref_named},
              {"field",
               {{"type", "string"}, {"enum", {"name", "address", "hours", "phone", "other"}}}},
              {"text", str},
              {"received_on", str},
              {"state", {{"type", "string"}, {"enum", {"pending", "handled", "rejected"}}}},
              {"decided_by", nullable("string")},
              {"decided_at", nullable("string")},
              {"note", nullable("string")},
              {"change_id", nullable("integer")}}));
  api.add_schema("DirectorySuggestionList", list_of("DirectorySuggestion"));
  const json counts = object({{"count", integer},
                              {"helped_share", nullable("number")},
                              {"rated", integer},
                              {"mean_quality", nullable("number")}});
  json by_language = counts;
  by_language["properties"]["language"] = nullable("string");
  by_language["required"].push_back("language");
  api.add_schema(
      "DirectoryFeedback",
      object({{"service", ref_named}, {"total", counts}, {"by_language", array_of(by_language)}}));
  api.add_schema("DirectoryFeedbackList", list_of("DirectoryFeedback"));
  api.add_schema(
      "DirectoryImport",
      object({{"id", str},
              {"file", str},
              {"state", {{"type", "string"}, {"enum", {"running", "done", "refused", "failed"}}}},
              {"phase",
               {{"type", "string"},
                {"enum", {"unpacking", "reading", "checking", "saving", "finished"}}}},
              {"progress", integer},
              {"records", integer},
              {"changed", integer},
              {"outside_references", integer},
              {"rejections", array_of(object({{"file", str},
                                              {"row", integer},
                                              {"field", str},
                                              {"code", str},
                                              {"message", str},
                                              {"params", {{"type", "object"}}}}))},
              {"error", nullable("string")},
              {"started_at", str}}));
}

}  // namespace

void add_editorial_routes(api::Api& api) {
  add_schemas(api);
  const FieldSpec uuid_path = {
      {.name = "id", .max_length = 100, .description = "the service's uuid"}};
  const std::string base = "/api/v1/directory";
  api.add(
      {.method = "GET",
       .pattern = base + "/listings",
       .action = kRead,
       .summary = "The directory's services as the staff see them (a provider: its own)",
       .tag = "directory",
       .query = {{.name = "q", .max_length = 100, .description = "part of the name"},
                 {.name = "sort",
                  .max_length = 20,
                  .allowed = {"name", "-name", "organization", "-organization", "last_verified_on",
                              "-last_verified_on", "last_modified", "-last_modified"}},
                 {.name = "unverified",
                  .type = FieldType::boolean,
                  .description = "only those not verified for verify_months"},
                 {.name = "format", .max_length = 4, .allowed = {"json", "csv"}},
                 reporting::lang_field()},
       .paged = true,
       .response_schema = "DirectoryListingList",
       .other_content_types = {"text/csv"},
       .handler = list_listings_route});
  api.add({.method = "GET",
           .pattern = base + "/listings/{id}",
           .action = kRead,
           .summary = "A service's editable fields, its state and its changes",
           .tag = "directory",
           .path = uuid_path,
           .response_schema = "DirectoryListingDetail",
           .handler = get_listing});
  FieldSpec change_body = change_fields();
  change_body.push_back({.name = "note", .nullable = true, .max_length = 1000, .multiline = true});
  change_body.push_back({.name = "direct",
                         .type = FieldType::boolean,
                         .description = "moderators: apply at once instead of proposing"});
  change_body.push_back({.name = "suggestion_id",
                         .type = FieldType::integer,
                         .nullable = true,
                         .description = "moderators: the suggestion this change handles",
                         .min_value = 1});
  api.add({.method = "POST",
           .pattern = base + "/listings/{id}/changes",
           .action = kPropose,
           .summary = "Propose a change of a service's fields (or, moderators, apply it)",
           .tag = "directory",
           .body = change_body,
           .path = uuid_path,
           .response_schema = "DirectoryChange",
           .success_status = 201,
           .handler = propose});
  api.add({.method = "POST",
           .pattern = base + "/listings/{id}/verify",
           .action = kVerify,
           .summary = "Record that the listing was checked with its provider today",
           .tag = "directory",
           .path = uuid_path,
           .response_schema = "DirectoryListing",
           .handler = verify});
  api.add_schema("DirectoryOwner",
                 object({{"id", {{"type", "string"}}}, {"owner_id", nullable("integer")}}));
  api.add(
      {.method = "POST",
       .pattern = base + "/organizations/{id}/owner",
       .action = kModerate,
       .summary = "Link an HSDS organisation to the InNet organisation that keeps its "
                  "listings (null: none)",
       .tag = "directory",
       .body = {{.name = "organization_id",
                 .type = FieldType::integer,
                 .required = true,
                 .nullable = true,
                 .min_value = 1}},
       .path = {{.name = "id", .max_length = 100, .description = "the HSDS organisation's uuid"}},
       .response_schema = "DirectoryOwner",
       .handler = set_owner_route});
  api.add({.method = "GET",
           .pattern = base + "/changes",
           .action = kChangesRead,
           .summary = "Proposed changes (a provider: its organisation's), with what they change",
           .tag = "directory",
           .query = {{.name = "state",
                      .max_length = 10,
                      .allowed = {"pending", "approved", "rejected"}}},
           .paged = true,
           .response_schema = "DirectoryChangeList",
           .handler = list_changes_route});
  api.add({.method = "GET",
           .pattern = base + "/changes/{id}",
           .action = kChangesRead,
           .summary = "A proposed change",
           .tag = "directory",
           .response_schema = "DirectoryChange",
           .handler = get_change});
  api.add({.method = "POST",
           .pattern = base + "/changes/{id}/approve",
           .action = kModerate,
           .summary = "Approve a change: applied to the listing, audited",
           .tag = "directory",
           .response_schema = "DirectoryChange",
           .handler = [](api::Context& ctx) { return decide(ctx, true); }});
  api.add({.method = "POST",
           .pattern = base + "/changes/{id}/reject",
           .action = kModerate,
           .summary = "Reject a change, with the reason its proposer reads",
           .tag = "directory",
           .body = {{.name = "reason",
                     .required = true,
                     .max_length = 1000,
                     .min_length = 1,
                     .multiline = true}},
           .response_schema = "DirectoryChange",
           .handler = [](api::Context& ctx) { return decide(ctx, false); }});
  api.add({.method = "GET",
           .pattern = base + "/suggestions",
           .action = kModerate,
           .summary = "The public's suggestions",
           .tag = "directory",
           .query = {{.name = "state",
                      .max_length = 10,
                      .allowed = {"pending", "handled", "rejected"}}},
           .paged = true,
           .response_schema = "DirectorySuggestionList",
           .handler = list_suggestions_route});
  const FieldSpec note_body = {
      {.name = "note", .nullable = true, .max_length = 1000, .multiline = true}};
  api.add({.method = "POST",
           .pattern = base + "/suggestions/{id}/handle",
           .action = kModerate,
           .summary = "Mark a suggestion handled, with a note",
           .tag = "directory",
           .body = note_body,
           .response_schema = "DirectorySuggestion",
           .handler = [](api::Context& ctx) { return decide_suggestion_route(ctx, true); }});
  api.add({.method = "POST",
           .pattern = base + "/suggestions/{id}/reject",
           .action = kModerate,
           .summary = "Reject a suggestion",
           .tag = "directory",
           .body = note_body,
           .response_schema = "DirectorySuggestion",
           .handler = [](api::Context& ctx) { return decide_suggestion_route(ctx, false); }});
  api.add({.method = "GET",
           .pattern = base + "/feedback",
           .action = kFeedbackRead,
           .summary = "The public's feedback per service: answers, share helped, mean quality, "
                      "by language",
           .tag = "directory",
           .query = {{.name = "service_id", .max_length = 100}},
           .paged = true,
           .response_schema = "DirectoryFeedbackList",
           .handler = list_feedback_route});
  api.add({.method = "POST",
           .pattern = base + "/imports",
           .action = kImport,
           .summary = "Upload an HSDS package (.zip of a data package, or .json) to import as "
                      "`innet import hsds` does; answers 202 with the job to poll",
           .tag = "directory",
           .upload_types = {"application/zip", "application/json"},
           .query = {{.name = "filename", .max_length = 200, .description = "the file's name"}},
           .response_schema = "DirectoryImport",
           .success_status = 202,
           .handler = upload});
  api.add({.method = "GET",
           .pattern = base + "/imports/{id}",
           .action = kImport,
           .summary = "An HSDS import's phase, progress and outcome (every refused value)",
           .tag = "directory",
           .path = {{.name = "id", .max_length = 40}},
           .response_schema = "DirectoryImport",
           .handler = get_import});
}

}  // namespace innet::directory
