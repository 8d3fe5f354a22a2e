// Opportunities over HTTP (decision 0039). Staff read the published ones and their own
// organisation's drafts; publishers write their organisation's (admins and prefecture officers
// any); the public reads what is published and not expired, in its language; case workers
// recommend one to the person of a case they keep, and read the case's recommendations.
#include "opportunities/routes.h"

#include <map>

#include "accounts/accounts.h"
#include "cases/view.h"
#include "core/clock.h"
#include "geo/municipalities.h"
#include "opportunities/opportunities.h"

namespace innet::opportunities {
namespace {

constexpr const char* kPublish = "opportunities.publish";

struct Named {
  std::int64_t id = 0;
  std::string name;
};

const api::ObjectType<Named>& named_type(const char* name) {
  static std::map<std::string, api::ObjectType<Named>> types;
  auto at = types.find(name);
  if (at == types.end())
    at = types
             .emplace(
                 name,
                 api::ObjectType<Named>(name).field("id", &Named::id).field("name", &Named::name))
             .first;
  return at->second;
}

struct Place {
  std::string istat_code;
  std::string name;
};

const api::ObjectType<Place>& place_type() {
  static const auto type = api::ObjectType<Place>("OpportunityMunicipality")
                               .field("istat_code", &Place::istat_code)
                               .field("name", &Place::name);
  return type;
}

std::optional<Place> place_of(const Opportunity& o) {
  if (!o.municipality) return std::nullopt;
  const auto* m = geo::find_municipality(*o.municipality);
  if (!m) return std::nullopt;
  return Place{std::string(m->istat_code), std::string(m->name)};
}

nlohmann::json list_of(const std::vector<std::string>& vocabulary) {
  return {{"type", "array"}, {"items", {{"type", "string"}, {"enum", vocabulary}}}};
}

// The fields an opportunity shows to everyone, staff and public alike.
template <class T>
api::ObjectType<T> with_common(api::ObjectType<T> type) {
  type.field("id", [](const T& v) { return v.o.id; })
      .field("kind", [](const T& v) { return v.o.kind; }, {.allowed = kinds()})
      .field("url", [](const T& v) { return v.o.url; })
      .field("place", [](const T& v) { return v.o.place; })
      .field("municipality", &T::municipality, place_type())
      .field("starts_on", [](const T& v) { return v.o.starts_on; }, {.format = "date"})
      .field("ends_on", [](const T& v) { return v.o.ends_on; }, {.format = "date"})
      .field("expires_on", [](const T& v) { return v.o.expires_on; },
             {.description = "the last day it is shown to the public", .format = "date"})
      .field("free", [](const T& v) { return v.o.free; })
      .field("target_groups", [](const T& v) { return v.o.target_groups; },
             {.description = "who it is for (the directory's target groups); empty: everyone",
              .schema = list_of(target_groups())})
      .field("publisher", &T::publisher, named_type("OpportunityPublisher"));
  return type;
}

const api::ObjectType<Translation>& translation_type() {
  static const auto type =
      api::ObjectType<Translation>("OpportunityTranslation")
          .field("language", &Translation::language, {.allowed = {"en", "fr", "ar", "uk", "bn"}})
          .field("title", &Translation::title)
          .field("description", &Translation::description)
          .field("how_to_apply", &Translation::how_to_apply);
  return type;
}

// The staff's view: the Italian texts, the translations, the state and who changed it last.
struct StaffView {
  Opportunity o;
  std::optional<Place> municipality;
  Named publisher;
  std::string updated_by_name;
  bool editable = false;
};

const api::ObjectType<StaffView>& staff_type() {
  static const auto type = with_common(
      api::ObjectType<StaffView>("Opportunity")
          .field("status", [](const StaffView& v) { return v.o.status; }, {.allowed = statuses()})
          .field("title", [](const StaffView& v) { return v.o.title; })
          .field("description", [](const StaffView& v) { return v.o.description; })
          .field("how_to_apply", [](const StaffView& v) { return v.o.how_to_apply; })
          .field(
              "translations", [](const StaffView& v) { return v.o.translations; },
              translation_type())
          .field("updated_at", [](const StaffView& v) { return v.o.updated_at; },
                 {.format = "date-time"})
          .field("updated_by_name", &StaffView::updated_by_name)
          .field("editable", &StaffView::editable,
                 {.description = "the caller may change it (its organisation's, or any for "
                                 "admins and prefecture officers)"}));
  return type;
}

// The public's view: the texts in one language, nothing about who edited it.
struct PublicView {
  Opportunity o;
  std::optional<Place> municipality;
  Named publisher;
  Texts texts;
};

const api::ObjectType<PublicView>& public_type() {
  static const auto type = with_common(
      api::ObjectType<PublicView>("PublicOpportunity")
          .field("lang", [](const PublicView& v) { return v.texts.language; },
                 {.description = "the language of the texts: the one asked for, or Italian "
                                 "while it has no translation",
                  .allowed = languages()})
          .field("title", [](const PublicView& v) { return v.texts.title; })
          .field("description", [](const PublicView& v) { return v.texts.description; })
          .field("how_to_apply", [](const PublicView& v) { return v.texts.how_to_apply; })
          .field("how_to_apply_lang",
                 [](const PublicView& v) { return v.texts.how_to_apply_language; },
                 {.description = "the language of how_to_apply: lang, or Italian where the "
                                 "translation has none",
                  .allowed = languages()}));
  return type;
}

struct RecommendationView {
  Recommendation r;
  Named opportunity;
  std::string kind;
  std::string expires_on;
  bool current = false;
  std::string recommended_by_name;
};

const api::ObjectType<RecommendationView>& recommendation_type() {
  static const auto type =
      api::ObjectType<RecommendationView>("OpportunityRecommendation")
          .field("id", [](const RecommendationView& v) { return v.r.id; })
          .field("case_id", [](const RecommendationView& v) { return v.r.case_id; })
          .field("opportunity", &RecommendationView::opportunity,
                 named_type("RecommendedOpportunity"))
          .field("kind", &RecommendationView::kind, {.allowed = kinds()})
          .field("expires_on", &RecommendationView::expires_on, {.format = "date"})
          .field("current", &RecommendationView::current,
                 {.description = "still published and not expired"})
          .field("note", [](const RecommendationView& v) { return v.r.note; })
          .field("recommended_by_name", &RecommendationView::recommended_by_name)
          .field("recommended_at", [](const RecommendationView& v) { return v.r.recommended_at; },
                 {.format = "date-time"});
  return type;
}

// Names read once per request.
class Names {
 public:
  explicit Names(db::Connection& conn) : conn_(conn) {}
  Result<std::string> organization(std::int64_t id) {
    if (auto known = orgs_.find(id); known != orgs_.end()) return known->second;
    INNET_ASSIGN_OR_RETURN(auto org, accounts::find_organization(conn_, id));
    return orgs_[id] = org.name;
  }
  Result<std::string> user(std::int64_t id) {
    if (auto known = users_.find(id); known != users_.end()) return known->second;
    INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(conn_, id));
    return users_[id] = user.display_name;
  }

 private:
  db::Connection& conn_;
  std::map<std::int64_t, std::string> orgs_;
  std::map<std::int64_t, std::string> users_;
};

bool may_edit(const api::Context& ctx, const Opportunity& o) {
  return ctx.services.policy.allows(*ctx.actor, kPublish, {o.publisher_organization_id, 0});
}

Result<StaffView> staff_view(const api::Context& ctx, Names& names, Opportunity o) {
  StaffView v{.municipality = place_of(o), .editable = may_edit(ctx, o)};
  INNET_ASSIGN_OR_RETURN(v.publisher.name, names.organization(o.publisher_organization_id));
  v.publisher.id = o.publisher_organization_id;
  INNET_ASSIGN_OR_RETURN(v.updated_by_name, names.user(o.updated_by));
  v.o = std::move(o);
  return v;
}

Result<PublicView> public_view(Names& names, Opportunity o, const std::string& language) {
  PublicView v{.municipality = place_of(o), .texts = texts_in(o, language)};
  INNET_ASSIGN_OR_RETURN(v.publisher.name, names.organization(o.publisher_organization_id));
  v.publisher.id = o.publisher_organization_id;
  v.o = std::move(o);
  return v;
}

// The opportunity when the caller may see it: published, or its organisation's; otherwise 404,
// as for one that does not exist.
Result<Opportunity> visible(api::Context& ctx, db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto found, find(conn, id));
  if (!found || (found->status != "published" && !may_edit(ctx, *found)))
    return Error::not_found("opportunity");
  return std::move(*found);
}

std::string language_of(const api::Context& ctx) {
  const auto& lang = ctx.request.query["lang"];
  return lang.empty() ? "it" : lang;
}

// The body's fields over `o`: a POST sends them all, a PATCH those it changes.
void apply_body(const nlohmann::json& b, Opportunity& o) {
  auto text = [&](const char* name, std::string& into) {
    if (b.contains(name)) into = b[name].get<std::string>();
  };
  auto optional_text = [&](const char* name, std::optional<std::string>& into) {
    if (!b.contains(name)) return;
    if (b[name].is_null() || b[name].get<std::string>().empty())
      into.reset();
    else
      into = b[name].get<std::string>();
  };
  text("kind", o.kind);
  text("status", o.status);
  text("title", o.title);
  text("description", o.description);
  text("how_to_apply", o.how_to_apply);
  text("expires_on", o.expires_on);
  optional_text("url", o.url);
  optional_text("place", o.place);
  optional_text("municipality", o.municipality);
  optional_text("starts_on", o.starts_on);
  optional_text("ends_on", o.ends_on);
  if (b.contains("free")) o.free = b["free"].get<bool>();
  if (b.contains("target_groups"))
    o.target_groups = b["target_groups"].get<std::vector<std::string>>();
  if (b.contains("translations")) {
    o.translations.clear();
    for (const auto& t : b["translations"])
      o.translations.push_back({t["language"].get<std::string>(), t["title"].get<std::string>(),
                                t["description"].get<std::string>(),
                                t.value("how_to_apply", std::string())});
  }
}

Result<http::Response> answer(api::Context& ctx, db::Connection& conn, Opportunity o, int status) {
  Names names(conn);
  INNET_ASSIGN_OR_RETURN(auto v, staff_view(ctx, names, std::move(o)));
  if (status == 201) return api::created(staff_type().to_json(v));
  return api::ok(staff_type(), v);
}

// The filters both lists take from the query (list_query checked them).
Filter filter_of(api::Context& ctx) {
  auto& q = ctx.request.query;
  return {.words = q["q"],
          .kind = q["kind"],
          .target_group = q["target_group"],
          .municipality = q["municipality"],
          .today = clock::today().to_string()};
}

Result<http::Response> list_staff(api::Context& ctx) {
  auto& q = ctx.request.query;
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(q));
  Filter f = filter_of(ctx);
  f.status = q["status"];
  f.current_only = q["current"] == "true";
  if (!q["sort"].empty()) f.sort = q["sort"];
  // Drafts and withdrawn ones: the caller's organisation's, or every one for those who may edit
  // any; organisation 0 is nobody's, so a role that publishes nothing reads only the published.
  const auto scope = ctx.services.policy.scope(ctx.actor->role, kPublish);
  if (scope != auth::Scope::all) f.drafts_of = scope ? ctx.actor->organization_id : 0;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list(*conn, f, paging));
  Names names(*conn);
  nlohmann::json items = nlohmann::json::array();
  for (auto& o : page.items) {
    INNET_ASSIGN_OR_RETURN(auto v, staff_view(ctx, names, std::move(o)));
    items.push_back(staff_type().to_json(v));
  }
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> get_staff(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto o, visible(ctx, *conn, id));
  return answer(ctx, *conn, std::move(o), 200);
}

Result<http::Response> create_one(api::Context& ctx) {
  Opportunity o{.publisher_organization_id = ctx.actor->organization_id,
                .updated_by = ctx.actor->user_id};
  // Admins and prefecture officers publish for another organisation of the network too.
  if (ctx.body.contains("publisher_organization_id"))
    o.publisher_organization_id = ctx.body["publisher_organization_id"].get<std::int64_t>();
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  if (!may_edit(ctx, o) || !accounts::find_organization(*conn, o.publisher_organization_id).ok())
    return Error::field(ErrorKind::unprocessable, "publisher_organization_id",
                        FieldError::not_found("organization"));
  apply_body(ctx.body, o);
  INNET_ASSIGN_OR_RETURN(auto saved, create(*conn, std::move(o), clock::now_iso()));
  auto entry = ctx.audit("opportunities.create", "opportunity", std::to_string(saved.id));
  entry.details = nlohmann::json{{"status", saved.status}}.dump();
  INNET_TRY(ctx.commit(entry));
  return answer(ctx, *conn, std::move(saved), 201);
}

Result<http::Response> update_one(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto o, visible(ctx, *conn, id));
  // Out of the caller's scope for the change, as everywhere: as missing (decision 0010).
  if (!may_edit(ctx, o)) return Error::not_found("opportunity");
  const auto was = o.status;
  apply_body(ctx.body, o);
  o.updated_by = ctx.actor->user_id;
  INNET_ASSIGN_OR_RETURN(auto saved, update(*conn, std::move(o), clock::now_iso()));
  auto entry = ctx.audit("opportunities.update", "opportunity", std::to_string(saved.id));
  entry.details = nlohmann::json{{"status", saved.status}, {"was", was}}.dump();
  INNET_TRY(ctx.commit(entry));
  return answer(ctx, *conn, std::move(saved), 200);
}

Result<http::Response> list_public(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  Filter f = filter_of(ctx);
  f.current_only = true;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list(*conn, f, paging));
  Names names(*conn);
  const auto language = language_of(ctx);
  nlohmann::json items = nlohmann::json::array();
  for (auto& o : page.items) {
    INNET_ASSIGN_OR_RETURN(auto v, public_view(names, std::move(o), language));
    items.push_back(public_type().to_json(v));
  }
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> get_public(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto found, find(*conn, id));
  if (!found || !is_current(*found, clock::today().to_string()))
    return Error::not_found("opportunity");
  Names names(*conn);
  INNET_ASSIGN_OR_RETURN(auto v, public_view(names, std::move(*found), language_of(ctx)));
  return api::ok(public_type(), v);
}

Result<RecommendationView> recommendation_view(db::Connection& conn, Names& names,
                                               Recommendation r) {
  INNET_ASSIGN_OR_RETURN(auto o, find(conn, r.opportunity_id));
  RecommendationView v{.opportunity = {r.opportunity_id, o ? o->title : ""},
                       .kind = o ? o->kind : "",
                       .expires_on = o ? o->expires_on : "",
                       .current = o && is_current(*o, clock::today().to_string())};
  INNET_ASSIGN_OR_RETURN(v.recommended_by_name, names.user(r.recommended_by));
  v.r = std::move(r);
  return v;
}

Result<http::Response> recommend_one(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  const auto case_id = ctx.body["case_id"].get<std::int64_t>();
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  // Both references are reads: a case the caller does not keep answers as a missing one.
  INNET_ASSIGN_OR_RETURN(auto c,
                         cases::visible_case(ctx, *conn, case_id, "opportunities.recommend"));
  INNET_ASSIGN_OR_RETURN(auto o, visible(ctx, *conn, id));
  if (!is_current(o, clock::today().to_string()))
    return Error::rule(ErrorKind::conflict, "not_current", "opportunity",
                       FieldError{"not_current", {}, "no longer published, or expired"});
  Recommendation r{.opportunity_id = o.id,
                   .case_id = c.id,
                   .recommended_by = ctx.actor->user_id,
                   .recommended_at = clock::now_iso()};
  if (ctx.body.contains("note") && !ctx.body["note"].is_null() &&
      !ctx.body["note"].get<std::string>().empty())
    r.note = ctx.body["note"].get<std::string>();
  INNET_ASSIGN_OR_RETURN(auto saved, recommend(*conn, std::move(r)));
  auto entry = ctx.audit("opportunities.recommend", "case", std::to_string(c.id));
  entry.details = nlohmann::json{{"opportunity_id", o.id}}.dump();
  INNET_TRY(ctx.commit(entry));
  Names names(*conn);
  INNET_ASSIGN_OR_RETURN(auto v, recommendation_view(*conn, names, std::move(saved)));
  return api::created(recommendation_type().to_json(v));
}

Result<http::Response> case_recommendations(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto c, cases::visible_case(ctx, *conn, id, "opportunities.recommend"));
  INNET_ASSIGN_OR_RETURN(auto all, recommendations_of(*conn, c.id));
  Names names(*conn);
  nlohmann::json items = nlohmann::json::array();
  for (auto& r : all) {
    INNET_ASSIGN_OR_RETURN(auto v, recommendation_view(*conn, names, std::move(r)));
    items.push_back(recommendation_type().to_json(v));
  }
  return api::ok(nlohmann::json{{"items", std::move(items)}});
}

FieldSpec body_spec(bool creating) {
  auto text = [&](const char* name, std::size_t max, bool multiline) {
    return Field{.name = name,
                 .required = creating,
                 .max_length = max,
                 .min_length = 1,
                 .multiline = multiline};
  };
  auto day = [](const char* name, std::string description) {
    return Field{
        .name = name, .type = FieldType::date, .nullable = true, .description = description};
  };
  return {
      {.name = "kind", .required = creating, .allowed = kinds()},
      {.name = "status",
       .allowed = statuses(),
       .description = "draft (default), published, withdrawn (leaves every list but its "
                      "organisation's)"},
      text("title", kTitleMaxLength, false),
      text("description", kTextMaxLength, true),
      text("how_to_apply", kTextMaxLength, true),
      {.name = "url", .nullable = true, .max_length = 2000, .description = "https:// only"},
      {.name = "place", .nullable = true, .max_length = 300},
      {.name = "municipality",
       .nullable = true,
       .description = "ISTAT code of one of the 82 municipalities",
       .digits_only = true,
       .exact_length = 6},
      day("starts_on", "the first day (a course, an event)"),
      day("ends_on", "the last day; not before starts_on"),
      {.name = "expires_on",
       .type = FieldType::date,
       .required = creating,
       .description = "the last day it is shown to the public (e.g. the deadline to apply)"},
      {.name = "free", .type = FieldType::boolean},
      {.name = "target_groups",
       .type = FieldType::string_list,
       .max_length = 40,
       .allowed = target_groups(),
       .max_items = 20},
      {.name = "translations",
       .type = FieldType::object_list,
       .description = "the texts in en, fr, ar, uk, bn; replaces every translation",
       .max_items = 5,
       .items = {{.name = "language", .required = true, .allowed = {"en", "fr", "ar", "uk", "bn"}},
                 text("title", kTitleMaxLength, false),
                 text("description", kTextMaxLength, true),
                 {.name = "how_to_apply", .max_length = kTextMaxLength, .multiline = true}}},
  };
}

FieldSpec create_spec() {
  auto spec = body_spec(true);
  // The translations' own texts are required whenever a translation is sent.
  for (auto& item : spec.back().items) item.required = true;
  spec.back().items.back().required = false;
  spec.push_back({.name = "publisher_organization_id",
                  .type = FieldType::integer,
                  .description = "admins and prefecture officers: another organisation of the "
                                 "network; default the caller's",
                  .min_value = 1});
  return spec;
}

FieldSpec patch_spec() {
  auto spec = body_spec(false);
  for (auto& item : spec.back().items) item.required = true;
  spec.back().items.back().required = false;
  return spec;
}

FieldSpec list_query(bool staff) {
  FieldSpec spec = {
      {.name = "q",
       .max_length = 100,
       .description = "words of the title or description, in any language"},
      {.name = "kind", .allowed = kinds()},
      {.name = "target_group", .allowed = target_groups()},
      {.name = "municipality", .digits_only = true, .exact_length = 6},
  };
  if (staff) {
    spec.push_back({.name = "status", .allowed = statuses()});
    spec.push_back({.name = "current",
                    .allowed = {"true", "false"},
                    .description = "true: only what the public sees now"});
    spec.push_back({.name = "sort", .allowed = sorts()});
  } else {
    spec.push_back({.name = "lang", .allowed = languages()});
  }
  return spec;
}

}  // namespace

void add_routes(api::Api& api) {
  static const api::ListType staff_list("OpportunityList", staff_type(), true);
  static const api::ListType public_list("PublicOpportunityList", public_type(), true);
  static const api::ListType recommendation_list("OpportunityRecommendationList",
                                                 recommendation_type(), false);
  api.add_schema(staff_list);
  api.add_schema(staff_type());
  api.add_schema(public_list);
  api.add_schema(public_type());
  api.add_schema(recommendation_list);
  api.add_schema(recommendation_type());
  const std::string base = "/api/v1/opportunities";
  const std::string pub = "/api/v1/public/opportunities";
  api.add({.method = "GET",
           .pattern = base,
           .action = "opportunities.read",
           .summary = "Opportunities: the published ones and the caller's organisation's drafts",
           .tag = "opportunities",
           .query = list_query(true),
           .paged = true,
           .response_schema = "OpportunityList",
           .handler = list_staff});
  api.add({.method = "POST",
           .pattern = base,
           .action = kPublish,
           .summary = "Write an opportunity for the caller's organisation (a draft unless "
                      "status says published)",
           .tag = "opportunities",
           .body = create_spec(),
           .response_schema = "Opportunity",
           .success_status = 201,
           .handler = create_one});
  api.add({.method = "GET",
           .pattern = base + "/{id}",
           .action = "opportunities.read",
           .summary = "An opportunity with its translations",
           .tag = "opportunities",
           .response_schema = "Opportunity",
           .handler = get_staff});
  api.add({.method = "PATCH",
           .pattern = base + "/{id}",
           .action = kPublish,
           .summary = "Change an opportunity of the caller's organisation: texts, dates, "
                      "publication or withdrawal",
           .tag = "opportunities",
           .body = patch_spec(),
           .response_schema = "Opportunity",
           .handler = update_one});
  api.add(
      {.method = "POST",
       .pattern = base + "/{id}/recommendations",
       .action = "opportunities.recommend",
       .summary = "Recommend a current opportunity to the person of a case the caller keeps",
       .tag = "opportunities",
       .body = {{.name = "case_id", .type = FieldType::integer, .required = true, .min_value = 1},
                {.name = "note", .nullable = true, .max_length = 500, .multiline = true}},
       .response_schema = "OpportunityRecommendation",
       .success_status = 201,
       .reads_persons = true,
       .handler = recommend_one});
  api.add({.method = "GET",
           .pattern = "/api/v1/cases/{id}/opportunities",
           .action = "opportunities.recommend",
           .summary = "The opportunities recommended to the person of a case, newest first",
           .tag = "opportunities",
           .response_schema = "OpportunityRecommendationList",
           .reads_persons = true,
           .handler = case_recommendations});
  api.add({.method = "GET",
           .pattern = pub,
           .action = std::string(auth::kPublic),
           .summary = "The opportunities open to the public now (published, not expired), in a "
                      "language",
           .tag = "opportunities",
           .query = list_query(false),
           .paged = true,
           .response_schema = "PublicOpportunityList",
           .handler = list_public});
  api.add({.method = "GET",
           .pattern = pub + "/{id}",
           .action = std::string(auth::kPublic),
           .summary = "An opportunity open to the public, in a language",
           .tag = "opportunities",
           .query = {{.name = "lang", .allowed = languages()}},
           .response_schema = "PublicOpportunity",
           .handler = get_public});
}

}  // namespace innet::opportunities
