#include "people/routes.h"

#include <algorithm>
#include <map>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "people/codes.h"
#include "people/duplicates.h"
#include "people/identity_routes.h"
#include "people/person_records.h"
#include "people/persons.h"
#include "people/visibility.h"

namespace innet::people {

Result<Person> visible_person(api::Context& ctx, db::Connection& conn, std::int64_t id,
                              const char* action) {
  INNET_ASSIGN_OR_RETURN(auto person, find_person(conn, id));
  if (ctx.services.policy.scope(ctx.actor->role, action) == auth::Scope::all) return person;
  INNET_ASSIGN_OR_RETURN(auto linked, organizations_linked_to(conn, id));
  for (auto org : linked)
    if (ctx.services.policy.allows(*ctx.actor, action, {org, 0})) return person;
  return Error::not_found("person");
}

Result<Person> person_in_scope(api::Context& ctx, const char* action) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  ctx.record_read(id);  // shown, or refused: the read log names the id asked for either way
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  return visible_person(ctx, *conn, id, action);
}

namespace {

// The coded fields the field specs cannot check on their own.
Status check_codes(const Person& p) {
  if (!is_country_code(p.nationality))
    return Error::field(ErrorKind::invalid_input, "nationality", FieldError::invalid_country());
  for (std::size_t i = 0; i < p.languages.size(); ++i)
    if (!is_language_code(p.languages[i]))
      return Error::field(ErrorKind::invalid_input, "languages[" + std::to_string(i) + "]",
                          FieldError::invalid_language());
  if (p.codice_fiscale && !is_codice_fiscale(*p.codice_fiscale))
    return Error::field(ErrorKind::invalid_input, "codice_fiscale",
                        FieldError::invalid_codice_fiscale());
  if (p.birth_date && *p.birth_date > clock::today().to_string())
    return Error::rule(ErrorKind::unprocessable, "future_date", "birth_date",
                       FieldError::future_date());
  return Status::success();
}

Error named_conflict(Error e) {
  if (e.code != "unique_violation") return e;
  // Both unique columns are identifiers that name one person.
  const bool cui = e.message.find("cui") != std::string::npos;
  return Error::rule(ErrorKind::conflict, "unique_violation", cui ? "cui" : "codice_fiscale",
                     FieldError::taken());
}

Error unknown_family(Error e) {
  if (e.code != "foreign_key_violation") return e;
  return Error::field(ErrorKind::unprocessable, "family_group_id",
                      FieldError::not_found("family group"));
}

void set_fields(const nlohmann::json& b, Person& p) {
  if (b.contains("family_name")) p.family_name = b["family_name"];
  if (b.contains("given_names")) p.given_names = b["given_names"];
  p.family_name_original = api::patched(b, "family_name_original", p.family_name_original);
  p.given_names_original = api::patched(b, "given_names_original", p.given_names_original);
  if (b.contains("sex")) p.sex = b["sex"];
  p.birth_date = api::patched(b, "birth_date", p.birth_date);
  if (b.contains("birth_date_estimated")) p.birth_date_estimated = b["birth_date_estimated"];
  if (b.contains("unaccompanied_minor")) p.unaccompanied_minor = b["unaccompanied_minor"];
  if (b.contains("nationality")) p.nationality = b["nationality"];
  if (b.contains("languages")) p.languages = b["languages"].get<std::vector<std::string>>();
  p.cui = api::patched(b, "cui", p.cui);
  p.codice_fiscale = api::patched(b, "codice_fiscale", p.codice_fiscale);
  p.family_group_id = api::patched(b, "family_group_id", p.family_group_id);
}

// `family_of`: the person joins the family of another person in the same transaction as the rest
// of the write: that person's family group, or a new one that both join (audited as a change of
// that person too). Without it, joining someone who has no group yet would take three requests,
// and a failure between them would leave a group of one.
Status join_family_of(api::Context& ctx, db::Connection& conn, Person& p) {
  if (!ctx.body.contains("family_of")) return Status::success();
  if (ctx.body.contains("family_group_id"))
    return Error::field(ErrorKind::invalid_input, "family_of",
                        FieldError::not_both("family_group_id"));
  const std::int64_t other_id = ctx.body["family_of"];
  if (other_id == p.id)
    return Error::field(ErrorKind::unprocessable, "family_of", FieldError::same_person());
  auto other = visible_person(ctx, conn, other_id, "persons.read");
  if (!other.ok() && other.error().kind == ErrorKind::not_found)
    return Error::field(ErrorKind::unprocessable, "family_of", FieldError::not_found("person"));
  if (!other.ok()) return other.take_error();
  if (!other->family_group_id) {
    INNET_ASSIGN_OR_RETURN(auto group, create_family_group(conn, other->family_name));
    other->family_group_id = group.id;
    INNET_TRY(update_person(conn, *other));
    auto entry = ctx.audit("persons.update", "person", std::to_string(other->id));
    entry.details = nlohmann::json{{"fields", {"family_group_id"}}}.dump();
    INNET_TRY(audit::record(conn, entry));
  }
  p.family_group_id = other->family_group_id;
  return Status::success();
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

// A centre as a search result names it: where the person stays now.
struct CentreRef {
  std::int64_t id = 0;
  std::string name;
};

const api::ObjectType<CentreRef>& centre_ref_type() {
  static const auto type = api::ObjectType<CentreRef>("CurrentCentre")
                               .field("id", &CentreRef::id)
                               .field("name", &CentreRef::name);
  return type;
}

// A person in a list of search results: with the centre where the person stays now.
struct ListedPerson {
  const Person& person;
  std::optional<CentreRef> current_centre;
};

const api::ObjectType<ListedPerson>& listed_person_type() {
  static const auto type =
      api::ObjectType<ListedPerson>("ListedPerson")
          .include(
              person_type(), [](const ListedPerson& l) -> const auto& { return l.person; })
          .field("current_centre", [](const ListedPerson& l) { return l.current_centre; },
                 centre_ref_type(),
                 {.description = "where the person stays now; null when nowhere, or in a centre "
                                 "the caller may not see"});
  return type;
}

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  auto& q = ctx.request.query;
  PersonFilter f{q["q"], q["nationality"], std::nullopt, std::nullopt};
  if (!q["family_group_id"].empty()) f.family_group_id = parse_int(q["family_group_id"]);
  if (ctx.scope != auth::Scope::all) f.among = persons_linked_to(ctx.actor->organization_id);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_persons(*conn, f, paging));
  ctx.record_read(page.items, &Person::id);
  std::vector<std::int64_t> ids;
  for (const auto& p : page.items) ids.push_back(p.id);
  INNET_ASSIGN_OR_RETURN(auto places, current_places_of(*conn, ids));
  std::map<std::int64_t, CentreRef> centre_of;
  for (const auto& place : places)
    if (ctx.services.policy.allows(*ctx.actor, "centres.read", {place.operator_id, 0}))
      centre_of[place.person_id] = {place.centre_id, place.centre_name};
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : page.items) {
    auto found = centre_of.find(p.id);
    items.push_back(listed_person_type().to_json(
        {p, found == centre_of.end() ? std::nullopt : std::optional<CentreRef>(found->second)}));
  }
  auto body = list_envelope(std::move(items), page.total, paging);
  body["total_capped"] = page.total_capped;
  return api::ok(body);
}

// A person as its own page shows it: with the record it was merged into, if it was one of two
// records of one person (decision 0026).
struct PersonRecord {
  const Person& person;
  std::optional<std::int64_t> merged_into;
};

const api::ObjectType<PersonRecord>& person_record_type() {
  static const auto type =
      api::ObjectType<PersonRecord>("PersonRecord")
          .include(
              person_type(), [](const PersonRecord& r) -> const auto& { return r.person; })
          .field("merged_into", &PersonRecord::merged_into,
                 {.description = "the record this one was merged into (a duplicate, kept as "
                                 "history); null for a person in use"});
  return type;
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto person, person_in_scope(ctx, "persons.read"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto into, merged_into(*conn, person.id));
  return api::ok(person_record_type().to_json({person, into}));
}

Result<http::Response> create(api::Context& ctx) {
  Person p;
  set_fields(ctx.body, p);
  INNET_TRY(check_codes(p));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(join_family_of(ctx, *conn, p));
  auto created = create_person(*conn, p);
  if (!created.ok()) return unknown_family(named_conflict(created.take_error()));
  // Personal data stays out of the audit trail: it names the record, not its contents.
  INNET_TRY(ctx.commit(ctx.audit("persons.create", "person", std::to_string(created->id))));
  return api::created(to_json(*created));
}

Result<http::Response> update(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto person, visible_person(ctx, *conn, id, "persons.manage"));
  // A merged record is history: corrections go to the record kept (or after an unmerge).
  INNET_ASSIGN_OR_RETURN(auto into, merged_into(*conn, id));
  if (into) return Error::rule(ErrorKind::conflict, "already_merged", "id", already_merged(*into));
  set_fields(ctx.body, person);
  INNET_TRY(check_codes(person));
  INNET_TRY(join_family_of(ctx, *conn, person));
  if (auto s = update_person(*conn, person); !s.ok())
    return unknown_family(named_conflict(s.take_error()));
  auto entry = ctx.audit("persons.update", "person", std::to_string(id));
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& [key, value] : ctx.body.items()) fields.push_back(key);
  entry.details = nlohmann::json{{"fields", fields}}.dump();
  INNET_TRY(ctx.commit(entry));
  INNET_ASSIGN_OR_RETURN(auto updated, find_person(*conn, id));
  return api::ok(to_json(updated));
}

Result<http::Response> create_group(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto group, create_family_group(*conn, ctx.body["label"]));
  INNET_TRY(
      ctx.commit(ctx.audit("family_groups.create", "family_group", std::to_string(group.id))));
  return api::created(to_json(group));
}

Result<http::Response> get_group(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto group, find_family_group(*conn, id));
  PersonFilter f;
  f.family_group_id = id;
  if (ctx.scope != auth::Scope::all) f.among = persons_linked_to(ctx.actor->organization_id);
  INNET_ASSIGN_OR_RETURN(auto members, list_persons(*conn, f, Paging{1, 100}));
  if (members.items.empty() && ctx.scope != auth::Scope::all)
    return Error::not_found("family group");
  ctx.record_read(members.items, &Person::id);
  return api::ok(family_type().to_json({group, members.items}));
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
      {.name = "unaccompanied_minor",
       .type = FieldType::boolean,
       .description = "a minor without a parent or guardian in Italy (art. 2 L. 47/2017)"},
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
      api::ListType("PersonList", listed_person_type(), true)
          .with("total_capped",
                {{"type", "boolean"},
                 {"description", "a search stops counting at " + std::to_string(kSearchCountLimit) +
                                     "; true when more match (total is then that number)"}});
  api.add_schema(person_type());
  api.add_schema(person_record_type());
  api.add_schema(centre_ref_type());
  api.add_schema(listed_person_type());
  api.add_schema(person_list);
  api.add_schema(family_group_type());
  api.add_schema(family_type());

  add_duplicate_routes(api);
  add_identity_routes(api);
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
           .response_schema = "PersonRecord",
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
