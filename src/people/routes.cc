#include "people/routes.h"

#include <algorithm>
#include <map>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "people/codes.h"
#include "people/persons.h"
#include "reception/placements/placements.h"

namespace innet::people {

Result<Person> visible_person(api::Context& ctx, db::Connection& conn, std::int64_t id,
                              const char* action) {
  auto person = find_person(conn, id);
  if (!person.ok()) return person.take_error();
  if (ctx.services.policy.scope(ctx.actor->role, action) == auth::Scope::all) return person;
  auto hosts = reception::hosting_organizations(conn, id);
  if (!hosts.ok()) return hosts.take_error();
  for (auto org : *hosts)
    if (ctx.services.policy.allows(*ctx.actor, action, {org, 0})) return person;
  return Error::not_found("person");
}

namespace {

// The coded fields the field specs cannot check on their own.
Status check_codes(const Person& p) {
  if (!is_country_code(p.nationality))
    return Error::field(ErrorKind::invalid_input, "nationality",
                        "must be an ISO 3166-1 alpha-2 code, XX (stateless) or ZZ (unknown)");
  for (std::size_t i = 0; i < p.languages.size(); ++i)
    if (!is_language_code(p.languages[i]))
      return Error::field(ErrorKind::invalid_input, "languages[" + std::to_string(i) + "]",
                          "must be an ISO 639 language code");
  if (p.codice_fiscale && !is_codice_fiscale(*p.codice_fiscale))
    return Error::field(ErrorKind::invalid_input, "codice_fiscale",
                        "not a valid codice fiscale (check character)");
  if (p.birth_date && *p.birth_date > clock::today())
    return Error::rule(ErrorKind::unprocessable, "future_date", "birth_date",
                       "must not be in the future");
  return Status::success();
}

Error named_conflict(Error e) {
  if (e.code != "unique_violation") return e;
  // Both unique columns are identifiers that name one person.
  const bool cui = e.message.find("cui") != std::string::npos;
  return Error::rule(ErrorKind::conflict, "unique_violation", cui ? "cui" : "codice_fiscale",
                     "already recorded for another person");
}

Error unknown_family(Error e) {
  if (e.code != "foreign_key_violation") return e;
  return Error::field(ErrorKind::unprocessable, "family_group_id", "no such family group");
}

void set_fields(const nlohmann::json& b, Person& p) {
  if (b.contains("family_name")) p.family_name = b["family_name"];
  if (b.contains("given_names")) p.given_names = b["given_names"];
  p.family_name_original = api::patched(b, "family_name_original", p.family_name_original);
  p.given_names_original = api::patched(b, "given_names_original", p.given_names_original);
  if (b.contains("sex")) p.sex = b["sex"];
  p.birth_date = api::patched(b, "birth_date", p.birth_date);
  if (b.contains("birth_date_estimated")) p.birth_date_estimated = b["birth_date_estimated"];
  if (b.contains("nationality")) p.nationality = b["nationality"];
  if (b.contains("languages")) p.languages = b["languages"].get<std::vector<std::string>>();
  p.cui = api::patched(b, "cui", p.cui);
  p.codice_fiscale = api::patched(b, "codice_fiscale", p.codice_fiscale);
  p.family_group_id = api::patched(b, "family_group_id", p.family_group_id);
}

// The person named by the {id} path parameter, as visible_person.
Result<Person> person_in_scope(api::Context& ctx, const char* action) {
  auto id = ctx.id_param();
  if (!id.ok()) return id.take_error();
  ctx.record_read(*id);  // shown, or refused: the read log names the id asked for either way
  auto conn = ctx.db();
  if (!conn.ok()) return conn.take_error();
  return visible_person(ctx, **conn, *id, action);
}

// `family_of`: the person joins the family of another person in the same transaction as the rest
// of the write: that person's family group, or a new one that both join (audited as a change of
// that person too). Without it, joining someone who has no group yet would take three requests,
// and a failure between them would leave a group of one.
Status join_family_of(api::Context& ctx, db::Connection& conn, Person& p) {
  if (!ctx.body.contains("family_of")) return Status::success();
  if (ctx.body.contains("family_group_id"))
    return Error::field(ErrorKind::invalid_input, "family_of",
                        "give family_group_id or family_of, not both");
  const std::int64_t other_id = ctx.body["family_of"];
  if (other_id == p.id)
    return Error::field(ErrorKind::unprocessable, "family_of", "is the person itself");
  auto other = visible_person(ctx, conn, other_id, "persons.read");
  if (!other.ok() && other.error().kind == ErrorKind::not_found)
    return Error::field(ErrorKind::unprocessable, "family_of", "no such person");
  if (!other.ok()) return other.take_error();
  if (!other->family_group_id) {
    auto group = create_family_group(conn, other->family_name);
    if (!group.ok()) return group.take_error();
    other->family_group_id = group->id;
    INNET_TRY(update_person(conn, *other));
    auto entry = ctx.audit("persons.update", "person", std::to_string(other->id));
    entry.details = nlohmann::json{{"fields", {"family_group_id"}}}.dump();
    INNET_TRY(audit::record(conn, entry));
  }
  p.family_group_id = other->family_group_id;
  return Status::success();
}

// A stay of the person's history, with the centre's name.
struct Stay {
  const reception::Placement& placement;
  std::string centre_name;
};

const api::ObjectType<Stay>& stay_type() {
  static const auto type =
      api::ObjectType<Stay>("Stay")
          .include(
              reception::placement_type(), [](const Stay& s) -> const auto& { return s.placement; })
          .field("centre_name", &Stay::centre_name);
  return type;
}

// A family group with those of its members the caller may see.
struct Family {
  const FamilyGroup& group;
  const std::vector<Person>& members;
};

const api::ObjectType<Family>& family_type() {
  static const auto type =
      api::ObjectType<Family>("FamilyGroupWithMembers")
          .include(
              family_group_type(), [](const Family& f) -> const auto& { return f.group; })
          .field(
              "members", [](const Family& f) -> const auto& { return f.members; },
              person_summary_type());
  return type;
}

Result<http::Response> list(api::Context& ctx) {
  auto paging = parse_paging(ctx.request.query);
  if (!paging.ok()) return paging.take_error();
  auto& q = ctx.request.query;
  PersonFilter f{q["q"], q["nationality"], std::nullopt, std::nullopt};
  if (!q["family_group_id"].empty()) f.family_group_id = parse_int(q["family_group_id"]);
  if (ctx.scope != auth::Scope::all) f.hosted_by_operator = ctx.actor->organization_id;
  auto conn = ctx.db();
  if (!conn.ok()) return conn.take_error();
  auto page = list_persons(**conn, f, *paging);
  if (!page.ok()) return page.take_error();
  ctx.record_read(page->items, &Person::id);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : page->items) items.push_back(to_json(p));
  auto body = list_envelope(std::move(items), page->total, *paging);
  body["total_capped"] = page->total_capped;
  return api::ok(body);
}

Result<http::Response> get(api::Context& ctx) {
  auto person = person_in_scope(ctx, "persons.read");
  if (!person.ok()) return person.take_error();
  return api::ok(to_json(*person));
}

Result<http::Response> create(api::Context& ctx) {
  Person p;
  set_fields(ctx.body, p);
  INNET_TRY(check_codes(p));
  auto conn = ctx.begin_write();
  if (!conn.ok()) return conn.take_error();
  INNET_TRY(join_family_of(ctx, **conn, p));
  auto created = create_person(**conn, p);
  if (!created.ok()) return unknown_family(named_conflict(created.take_error()));
  // Personal data stays out of the audit trail: it names the record, not its contents.
  INNET_TRY(ctx.commit(ctx.audit("persons.create", "person", std::to_string(created->id))));
  return api::created(to_json(*created));
}

Result<http::Response> update(api::Context& ctx) {
  auto id = ctx.id_param();
  if (!id.ok()) return id.take_error();
  auto conn = ctx.begin_write();
  if (!conn.ok()) return conn.take_error();
  auto person = visible_person(ctx, **conn, *id, "persons.manage");
  if (!person.ok()) return person.take_error();
  set_fields(ctx.body, *person);
  INNET_TRY(check_codes(*person));
  INNET_TRY(join_family_of(ctx, **conn, *person));
  if (auto s = update_person(**conn, *person); !s.ok())
    return unknown_family(named_conflict(s.take_error()));
  auto entry = ctx.audit("persons.update", "person", std::to_string(*id));
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& [key, value] : ctx.body.items()) fields.push_back(key);
  entry.details = nlohmann::json{{"fields", fields}}.dump();
  INNET_TRY(ctx.commit(entry));
  auto updated = find_person(**conn, *id);
  if (!updated.ok()) return updated.take_error();
  return api::ok(to_json(*updated));
}

Result<http::Response> placements(api::Context& ctx) {
  auto person = person_in_scope(ctx, "placements.read");
  if (!person.ok()) return person.take_error();
  auto conn = ctx.db();
  if (!conn.ok()) return conn.take_error();
  auto all = reception::person_placements(**conn, person->id);
  if (!all.ok()) return all.take_error();
  const bool sees_all =
      ctx.services.policy.scope(ctx.actor->role, "placements.read") == auth::Scope::all;
  nlohmann::json items = nlohmann::json::array();
  // A person's stays are often in few centres: each is read once, for its name and operator.
  std::map<std::int64_t, centres::Centre> centres;
  for (const auto& p : *all) {
    if (!centres.count(p.centre_id)) {
      auto centre = centres::find_centre(**conn, p.centre_id);
      if (!centre.ok()) return centre.take_error();
      centres.emplace(p.centre_id, std::move(*centre));
    }
    const auto& centre = centres.at(p.centre_id);
    // An operator sees the stays in its own centres, not where the person was before or after.
    if (!sees_all &&
        !ctx.services.policy.allows(*ctx.actor, "placements.read", {centre.operator_id, 0}))
      continue;
    items.push_back(stay_type().to_json({p, centre.name}));
  }
  return api::ok({{"items", items}});
}

Result<http::Response> create_group(api::Context& ctx) {
  auto conn = ctx.begin_write();
  if (!conn.ok()) return conn.take_error();
  auto group = create_family_group(**conn, ctx.body["label"]);
  if (!group.ok()) return group.take_error();
  INNET_TRY(
      ctx.commit(ctx.audit("family_groups.create", "family_group", std::to_string(group->id))));
  return api::created(to_json(*group));
}

Result<http::Response> get_group(api::Context& ctx) {
  auto id = ctx.id_param();
  if (!id.ok()) return id.take_error();
  auto conn = ctx.db();
  if (!conn.ok()) return conn.take_error();
  auto group = find_family_group(**conn, *id);
  if (!group.ok()) return group.take_error();
  PersonFilter f;
  f.family_group_id = *id;
  if (ctx.scope != auth::Scope::all) f.hosted_by_operator = ctx.actor->organization_id;
  auto members = list_persons(**conn, f, Paging{1, 100});
  if (!members.ok()) return members.take_error();
  if (members->items.empty() && ctx.scope != auth::Scope::all)
    return Error::not_found("family group");
  ctx.record_read(members->items, &Person::id);
  return api::ok(family_type().to_json({*group, members->items}));
}

FieldSpec person_fields(bool creating) {
  return {
      required({.name = "family_name", .max_length = 100, .min_length = 1}, creating),
      required({.name = "given_names", .max_length = 100, .min_length = 1}, creating),
      {.name = "family_name_original", .nullable = true, .max_length = 100, .min_length = 1},
      {.name = "given_names_original", .nullable = true, .max_length = 100, .min_length = 1},
      required({.name = "sex", .max_length = 20, .allowed = sexes()}, creating),
      {.name = "birth_date", .type = FieldType::date, .nullable = true},
      {.name = "birth_date_estimated", .type = FieldType::boolean},
      required({.name = "nationality",
                .max_length = 2,
                .min_length = 2,
                .description = "ISO 3166-1 alpha-2; XX stateless, ZZ unknown"},
               creating),
      {.name = "languages",
       .type = FieldType::string_list,
       .max_length = 3,
       .min_length = 2,
       .description = "ISO 639 codes (BCP 47 primary language subtags)",
       .max_items = 10},
      {.name = "cui", .nullable = true, .max_length = 20, .min_length = 1},
      {.name = "codice_fiscale", .nullable = true, .max_length = 16, .min_length = 11},
      {.name = "family_group_id", .type = FieldType::integer, .nullable = true, .min_value = 1},
      {.name = "family_of",
       .type = FieldType::integer,
       .description = "join this person's family (a new group when it has none); not stored "
                      "as such, and not with family_group_id",
       .min_value = 1},
  };
}

}  // namespace

void add_routes(api::Api& api) {
  static const auto person_list =
      api::ListType("PersonList", person_type(), true)
          .with("total_capped",
                {{"type", "boolean"},
                 {"description", "a search stops counting at " + std::to_string(kSearchCountLimit) +
                                     "; true when more match (total is then that number)"}});
  static const api::ListType history("PlacementHistory", stay_type(), false);
  api.add_schema(person_type());
  api.add_schema(person_list);
  api.add_schema(family_group_type());
  api.add_schema(family_type());
  api.add_schema(history);

  const std::string persons = "/api/v1/persons";
  api.add({.method = "GET",
           .pattern = persons,
           .action = "persons.read",
           .summary = "Search persons (an operator: those its centres host or hosted)",
           .tag = "people",
           .query = {{.name = "q", .max_length = 100},
                     {.name = "nationality", .max_length = 2},
                     {.name = "family_group_id", .type = FieldType::integer}},
           .paged = true,
           .response_schema = "PersonList",
           .reads_persons = true,
           .handler = list});
  api.add({.method = "POST",
           .pattern = persons,
           .action = "persons.manage",
           .summary = "Record a person",
           .tag = "people",
           .body = person_fields(true),
           .response_schema = "Person",
           .success_status = 201,
           .handler = create});
  api.add({.method = "GET",
           .pattern = persons + "/{id}",
           .action = "persons.read",
           .summary = "One person",
           .tag = "people",
           .response_schema = "Person",
           .reads_persons = true,
           .handler = get});
  api.add({.method = "PATCH",
           .pattern = persons + "/{id}",
           .action = "persons.manage",
           .summary = "Correct or complete a person's identity",
           .tag = "people",
           .body = person_fields(false),
           .response_schema = "Person",
           .handler = update});
  api.add({.method = "GET",
           .pattern = persons + "/{id}/placements",
           .action = "placements.read",
           .summary = "A person's placements, newest first (an operator: in its centres)",
           .tag = "people",
           .response_schema = "PlacementHistory",
           .reads_persons = true,
           .handler = placements});
  api.add({.method = "POST",
           .pattern = "/api/v1/family-groups",
           .action = "persons.manage",
           .summary = "Create a family group (persons join it through family_group_id)",
           .tag = "people",
           .body = {{.name = "label", .required = true, .max_length = 100, .min_length = 1}},
           .response_schema = "FamilyGroup",
           .success_status = 201,
           .handler = create_group});
  api.add({.method = "GET",
           .pattern = "/api/v1/family-groups/{id}",
           .action = "persons.read",
           .summary = "A family group and its members",
           .tag = "people",
           .response_schema = "FamilyGroupWithMembers",
           .reads_persons = true,
           .handler = get_group});
}

}  // namespace innet::people
