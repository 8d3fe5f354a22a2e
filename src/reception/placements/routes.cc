// /api/v1/placements: arrivals, transfers and exits, for one person or a family at once.
#include <map>
#include <tuple>

#include "core/clock.h"
#include "core/json_optional.h"
#include "people/name_fold.h"
#include "people/routes.h"
#include "reception/overview/office_list.h"
#include "reception/placements/minors.h"
#include "reception/placements/placements.h"
#include "reception/placements/stays.h"
#include "reception/register/register.h"
#include "reception/routes.h"

namespace innet::reception {
namespace {

std::vector<std::int64_t> person_ids(const nlohmann::json& body) {
  return body["person_ids"].get<std::vector<std::int64_t>>();
}

// Placing someone in a full or closed centre is a decision only the Prefettura may take.
Result<std::optional<std::string>> override_reason(api::Context& ctx) {
  auto reason = api::patched<std::string>(ctx.body, "override_reason", std::nullopt);
  if (reason && !ctx.services.policy.allows(*ctx.actor, "placements.override"))
    return Error::rule(ErrorKind::forbidden, "forbidden", "override_reason",
                       FieldError::override_forbidden());
  return reason;
}

// A reference is a read: persons and a centre the caller cannot see get the answers the storage
// rules give for ids that exist nowhere (422 no_such_person / no_such_centre). A caller who sees
// every record of a kind needs no check here: the storage rules already refuse missing ids.
Status check_references(api::Context& ctx, const std::vector<std::int64_t>& person_ids,
                        std::optional<std::int64_t> centre_id, const char* centre_field) {
  const auto sees_all = [&ctx](const char* action) {
    return ctx.services.policy.scope(ctx.actor->role, action) == auth::Scope::all;
  };
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  if (!sees_all("persons.read")) {
    for (auto id : person_ids) {
      auto person = people::visible_person(ctx, *conn, id, "persons.read");
      if (!person.ok() && person.error().kind == ErrorKind::not_found)
        return Error::rule(ErrorKind::unprocessable, "no_such_person", "person_ids",
                           FieldError::not_found("person"));
      if (!person.ok()) return person.take_error();
    }
  }
  if (!centre_id || sees_all("centres.read")) return Status::success();
  auto centre = centres::visible_centre(ctx, *centre_id, "centres.read");
  if (!centre.ok() && centre.error().kind == ErrorKind::not_found)
    return Error::rule(ErrorKind::unprocessable, "no_such_centre", centre_field,
                       FieldError::not_found("centre"));
  if (!centre.ok()) return centre.take_error();
  return Status::success();
}

// A guest of a centre on a day: the placement and who it places; for an unaccompanied minor in
// an adult centre's section, the days left of the limit.
struct GuestOnDay {
  const Placement& placement;
  const people::Person& person;
  bool unaccompanied_minor = false;
  std::optional<std::int64_t> section_days_left;
};

// The person of a guest list: enough to group families.
const api::ObjectType<people::Person>& guest_person_type() {
  static const auto type = api::ObjectType<people::Person>("GuestPerson")
                               .include(people::person_summary_type(), std::identity{})
                               .field("family_group_id", &people::Person::family_group_id);
  return type;
}

const api::ObjectType<GuestOnDay>& guest_type() {
  static const auto type =
      api::ObjectType<GuestOnDay>("Guest")
          .include(
              placement_type(), [](const GuestOnDay& g) -> const auto& { return g.placement; })
          .field(
              "person", [](const GuestOnDay& g) -> const auto& { return g.person; },
              guest_person_type())
          .field("unaccompanied_minor", &GuestOnDay::unaccompanied_minor,
                 {.description = "flagged unaccompanied and not known to be 18 on that day"})
          .field("section_days_left", &GuestOnDay::section_days_left,
                 {.description = "an unaccompanied minor in an adult centre's minors' places: "
                                 "days left of the limit (90, or 150 extended) after that day; "
                                 "negative when over it"});
  return type;
}

http::Response placements_response(const std::vector<Placement>& placements) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : placements) items.push_back(to_json(p));
  return api::created({{"items", items}});
}

// One audit entry per operation, naming every placement it opened or closed.
Status commit(api::Context& ctx, const char* action, const std::vector<Placement>& done,
              const std::optional<std::string>& override) {
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& p : done) ids.push_back(p.id);
  auto entry = ctx.audit(action, "placement", std::to_string(done.front().id));
  nlohmann::json details = {{"placements", ids}, {"request", ctx.body}};
  if (override) details["override_reason"] = *override;
  entry.details = details.dump();
  return ctx.commit(entry);
}

Result<http::Response> arrive(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto override, override_reason(ctx));
  Arrival a;
  a.person_ids = person_ids(ctx.body);
  a.centre_id = ctx.body["centre_id"];
  a.category = *centres::parse_category(ctx.body["category"].get<std::string>());
  a.date = *accepted_day(ctx.body, "date");  // required
  a.arrival_from = ctx.body["arrival_from"];
  a.override_reason = override;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(check_references(ctx, a.person_ids, a.centre_id, "centre_id"));
  INNET_ASSIGN_OR_RETURN(auto done, place(*conn, a, clock::today()));
  INNET_TRY(commit(ctx, "placements.arrive", done, a.override_reason));
  return placements_response(done);
}

Result<http::Response> move(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto override, override_reason(ctx));
  Transfer t;
  t.person_ids = person_ids(ctx.body);
  t.to_centre_id = ctx.body["to_centre_id"];
  if (ctx.body.contains("category"))
    t.category = centres::parse_category(ctx.body["category"].get<std::string>());
  t.date = *accepted_day(ctx.body, "date");  // required
  t.override_reason = override;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(check_references(ctx, t.person_ids, t.to_centre_id, "to_centre_id"));
  INNET_ASSIGN_OR_RETURN(auto done, transfer(*conn, t, clock::today()));
  INNET_TRY(commit(ctx, "placements.transfer", done, t.override_reason));
  return placements_response(done);
}

Result<http::Response> leave(api::Context& ctx) {
  Exit e;
  e.person_ids = person_ids(ctx.body);
  e.date = *accepted_day(ctx.body, "date");  // required
  e.reason = ctx.body["reason"];
  e.note = api::patched<std::string>(ctx.body, "note", std::nullopt);
  if (e.reason == "other" && !e.note)
    return Error::field(ErrorKind::invalid_input, "note", FieldError::note_required());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(check_references(ctx, e.person_ids, std::nullopt, nullptr));
  INNET_ASSIGN_OR_RETURN(auto done, record_exit(*conn, e, clock::today()));
  INNET_TRY(commit(ctx, "placements.exit", done, std::nullopt));
  return placements_response(done);
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto placement, find_placement(*conn, id));
  ctx.record_read(placement.person_id);
  INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(*conn, placement.centre_id));
  if (!ctx.services.policy.allows(*ctx.actor, "placements.read", {centre.operator_id, 0}))
    return Error::not_found("placement");
  return api::ok(to_json(placement));
}

const Field kPersonIds{.name = "person_ids",
                       .type = FieldType::integer_list,
                       .required = true,
                       .description = "one person, or a family moving together",
                       .min_value = 1,
                       .max_items = 20,
                       .min_items = 1};
const Field kDate{.name = "date",
                  .type = FieldType::date,
                  .required = true,
                  .earliest_day = centres::kFirstReceptionDay};
const Field kOverride{.name = "override_reason",
                      .max_length = 500,
                      .min_length = 10,
                      .multiline = true,
                      .description = "places the persons even in a full or closed centre"};

// Who is hosted on a day (today by default), with their names: the centre's guest list.
Result<http::Response> guests(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "placements.read"));
  const CivilDay day = accepted_day(ctx.request.query, "date").value_or(clock::today());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto placed, placements_on(*conn, centre.id, day));
  std::vector<std::int64_t> ids;
  for (const auto& p : placed) ids.push_back(p.person_id);
  ctx.record_read(ids);
  INNET_ASSIGN_OR_RETURN(auto persons, people::find_persons(*conn, ids));
  std::map<std::int64_t, const people::Person*> by_id;
  for (const auto& p : persons) by_id[p.id] = &p;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : placed) {
    GuestOnDay guest{p, *by_id.at(p.person_id)};
    guest.unaccompanied_minor = unaccompanied_minor_on(guest.person, day);
    if (guest.unaccompanied_minor && p.category == centres::Category::minors &&
        !minors_structure(centre)) {
      INNET_ASSIGN_OR_RETURN(auto stay, section_stay(*conn, p.person_id, day.plus_days(1)));
      guest.section_days_left = stay.limit - stay.days_used;
    }
    items.push_back(guest_type().to_json(guest));
  }
  return api::ok({{"date", day.to_string()}, {"items", items}});
}

const api::ObjectType<Stay>& stay_type() {
  static const auto type =
      api::ObjectType<Stay>("Stay")
          .include(
              placement_type(), [](const Stay& s) -> const auto& { return s.placement; })
          .field("centre_name", &Stay::centre_name);
  return type;
}

// A person's stays, newest first, with each centre's name.
Result<http::Response> placements(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto person, people::person_in_scope(ctx, "placements.read"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto stays, visible_stays(ctx, *conn, person.id, "placements.read"));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& stay : stays) items.push_back(stay_type().to_json(stay));
  return api::ok({{"items", items}});
}

// Which register days a correction changes: at the centre reopened, from the original exit to
// today (the guest is counted again); after a transfer, at the destination from its first day
// (the guest is no longer counted). The confirmed ones need confirming again.
Result<nlohmann::json> correction_consequences(db::Connection& conn, const Correction& c,
                                               CivilDay today) {
  nlohmann::json out = nlohmann::json::array();
  auto add = [&](std::int64_t centre_id, const std::string& from_text,
                 const char* effect) -> Status {
    INNET_ASSIGN_OR_RETURN(const CivilDay from, stored_day(from_text));
    nlohmann::json days = nlohmann::json::array();
    if (from <= today) {
      INNET_ASSIGN_OR_RETURN(auto summary,
                             register_summary(conn, centre_id, from, today.plus_days(1)));
      for (const auto& d : summary)
        if (d.latest) days.push_back(d.day);
    }
    out.push_back({{"centre_id", centre_id},
                   {"from", from_text},
                   {"to", today.to_string()},
                   {"effect", effect},
                   {"confirmed_days", std::move(days)}});
    return Status::success();
  };
  INNET_ASSIGN_OR_RETURN(auto reopened, find_placement(conn, c.placement_id));
  INNET_TRY(add(reopened.centre_id, c.original_end_date, "guest_again"));
  if (c.annulled_placement_id) {
    INNET_ASSIGN_OR_RETURN(auto annulled, find_placement(conn, *c.annulled_placement_id));
    INNET_TRY(add(annulled.centre_id, annulled.start_date, "guest_no_more"));
  }
  return out;
}

// The officer's list of minors in sections (decision 0021's shape): its file columns and sorts.
const overview::OfficeList<MinorInSection>& minors_office_list() {
  using R = const MinorInSection&;
  using reporting::Cell;
  static const overview::OfficeList<MinorInSection> list{
      "minors_in_sections",
      {{"column.person_id", [](R m, auto&) { return Cell::of(m.person.id); }},
       {"column.family_name", [](R m, auto&) { return Cell::of(m.person.family_name); }},
       {"column.given_names", [](R m, auto&) { return Cell::of(m.person.given_names); }},
       {"column.age", [](R m, auto&) { return m.age ? Cell::of(*m.age) : Cell{}; }},
       {"column.centre", [](R m, auto&) { return Cell::of(m.centre_name); }},
       {"column.start_date", [](R m, auto&) { return Cell::date(m.placement.start_date); }},
       {"column.days_used", [](R m, auto&) { return Cell::of(m.stay.days_used); }},
       {"column.limit_days", [](R m, auto&) { return Cell::of(m.stay.limit); }},
       {"column.days_left", [](R m, auto&) { return Cell::of(m.days_left()); }},
       {"column.extended",
        [](R m, const reporting::Labels& l) {
          return Cell::of(l(m.stay.extended ? "value.yes" : "value.no"));
        }}},
      {{"days_left", [](R a, R b) { return a.days_left() < b.days_left(); }},
       {"name",
        [](R a, R b) {
          return std::tie(a.person.family_name, a.person.given_names) <
                 std::tie(b.person.family_name, b.person.given_names);
        }},
       {"centre", [](R a, R b) { return a.centre_name < b.centre_name; }},
       {"age", [](R a, R b) { return a.age.value_or(-1) < b.age.value_or(-1); }},
       {"start_date", [](R a, R b) { return a.placement.start_date < b.placement.start_date; }}},
      "days_left"};
  return list;
}

// Unaccompanied minors in adult centres' sections on a day (today by default), fewest days left
// first: who is near or over the limit. An operator's staff see those of its centres. `q`: words
// each found in the name (accents and case aside, as the person search) or the centre's name.
// JSON answers the whole list (a few dozen minors at national scale); csv and xlsx the same
// rows as a file for an Italian office.
Result<http::Response> minors(api::Context& ctx) {
  auto& q = ctx.request.query;
  const CivilDay day = accepted_day(q, "date").value_or(clock::today());
  std::optional<db::Subquery> only;
  if (ctx.scope != auth::Scope::all) only = centres::centres_run_by(ctx.actor->organization_id);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto all, minors_in_sections(*conn, day, only));
  if (const auto words = people::query_words(q["q"]); !words.empty())
    std::erase_if(all, [&](const MinorInSection& m) {
      const auto& p = m.person;
      const std::string key =
          people::search_key(p.family_name, p.given_names, p.family_name_original.value_or(""),
                             p.given_names_original.value_or("")) +
          people::fold_name(m.centre_name) + " ";
      return !people::key_matches(key, words);
    });
  const auto& list = minors_office_list();
  list.sort(all, q["sort"]);
  std::vector<std::int64_t> ids;
  for (const auto& m : all) ids.push_back(m.person.id);
  ctx.record_read(ids);
  const std::string format = q["format"].empty() ? "json" : q["format"];
  if (format != "json") {
    const reporting::Labels labels(overview::catalogue(), reporting::language_of(ctx.request));
    return reporting::tables_response(format, {list.table(all, labels)}, 0,
                                      "minors-in-sections-" + day.to_string(),
                                      reporting::CsvStyle::office);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : all) items.push_back(minor_in_section_type().to_json(m));
  return api::ok({{"date", day.to_string()}, {"items", items}});
}

// The Prefettura extends a minor's stay in adult centres' sections by 60 days, with a reason.
Result<http::Response> extend(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto person, people::person_in_scope(ctx, "placements.override"));
  const std::string reason = ctx.body["reason"];
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(
      auto done, extend_section_stay(*conn, person, reason, ctx.actor->user_id, clock::today()));
  auto entry = ctx.audit("placements.extend_section", "person", std::to_string(person.id));
  entry.details = nlohmann::json({{"extension_id", done.id}, {"reason", reason}}).dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(section_extension_type().to_json(done));
}

Result<http::Response> correct(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  const auto reason = api::patched<std::string>(ctx.body, "reason", std::nullopt).value_or("");
  const bool dry_run = ctx.body.value("dry_run", false);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto placement, find_placement(*conn, id));
  ctx.record_read(placement.person_id);
  INNET_ASSIGN_OR_RETURN(auto done,
                         correct_placement(*conn, id, reason, ctx.actor->user_id, clock::today()));
  INNET_ASSIGN_OR_RETURN(auto consequences, correction_consequences(*conn, done, clock::today()));
  nlohmann::json answer = {{"correction", correction_type().to_json(done)},
                           {"dry_run", dry_run},
                           {"register_consequences", std::move(consequences)}};
  // A dry run shows the consequences (the confirm dialog) and rolls back.
  if (dry_run) return api::created(answer);
  auto entry = ctx.audit("placements.correct", "placement", std::to_string(done.placement_id));
  entry.details =
      nlohmann::json({{"correction_id", done.id},
                      {"kind", done.kind},
                      {"original_end_date", done.original_end_date},
                      {"annulled_placement_id", value_or_null(done.annulled_placement_id)},
                      {"reason", done.reason}})
          .dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(answer);
}

}  // namespace

void add_placement_routes(api::Api& api) {
  api.add_schema(correction_type());
  const nlohmann::json date = {{"type", "string"}, {"format", "date"}};
  api.add_schema(
      "PlacementCorrectionResult",
      {{"type", "object"},
       {"required", {"correction", "dry_run", "register_consequences"}},
       {"properties",
        {{"correction", api::ref("PlacementCorrection")},
         {"dry_run", {{"type", "boolean"}}},
         {"register_consequences",
          {{"type", "array"},
           {"items",
            {{"type", "object"},
             {"required", {"centre_id", "from", "to", "effect", "confirmed_days"}},
             {"properties",
              {{"centre_id", {{"type", "integer"}}},
               {"from", date},
               {"to", date},
               {"effect", {{"type", "string"}, {"enum", {"guest_again", "guest_no_more"}}}},
               {"confirmed_days", {{"type", "array"}, {"items", date}}}}},
             {"additionalProperties", false}}}}}}},
       {"additionalProperties", false}});
  api.add({.method = "POST",
           .pattern = "/api/v1/placements/{id}/correction",
           .action = "placements.correct",
           .summary = "Correct a mistaken exit or transfer (the Prefettura), with the reason",
           .tag = "reception",
           .body = {{.name = "reason",
                     .max_length = 1000,
                     .min_length = 1,
                     .multiline = true,
                     .description = "why the exit or transfer was a mistake (required)"},
                    {.name = "dry_run",
                     .type = FieldType::boolean,
                     .description = "check and show the register consequences, record nothing"}},
           .response_schema = "PlacementCorrectionResult",
           .success_status = 201,
           .reads_persons = true,
           .handler = correct});
  static const api::ListType placement_list("PlacementList", placement_type(), false);
  static const api::ListType history("PlacementHistory", stay_type(), false);
  static const auto guest_list = api::ListType("GuestList", guest_type(), false)
                                     .with("date", {{"type", "string"}, {"format", "date"}});
  api.add_schema(placement_list);
  api.add_schema(guest_list);
  api.add_schema(section_extension_type());
  static const auto minors_list = api::ListType("MinorsInSections", minor_in_section_type(), false)
                                      .with("date", {{"type", "string"}, {"format", "date"}});
  api.add_schema(minors_list);
  api.add({.method = "GET",
           .pattern = "/api/v1/minors-in-sections",
           .action = "placements.read",
           .summary = "Unaccompanied minors in adult centres' sections on a day (default today), "
                      "fewest days left of their limit first (an operator: in its centres); "
                      "searchable, sortable, as CSV or XLSX",
           .tag = "reception",
           .query = {{.name = "date",
                      .type = FieldType::date,
                      .earliest_day = centres::kFirstReceptionDay},
                     {.name = "q",
                      .max_length = 100,
                      .description = "words, each in the person's name or the centre's"},
                     minors_office_list().sort_field(),
                     overview::format_field(),
                     reporting::lang_field()},
           .response_schema = "MinorsInSections",
           .other_content_types = {"text/csv", reporting::kXlsxType},
           .reads_persons = true,
           .handler = minors});
  api.add({.method = "POST",
           .pattern = "/api/v1/persons/{id}/section-extension",
           .action = "placements.override",
           .summary = "Extend an unaccompanied minor's stay in adult centres' sections by 60 days "
                      "(the Prefettura, once, with the reason)",
           .tag = "reception",
           .body = {{.name = "reason",
                     .required = true,
                     .max_length = 1000,
                     .min_length = 10,
                     .multiline = true}},
           .response_schema = "SectionExtension",
           .success_status = 201,
           .reads_persons = true,
           .handler = extend});
  api.add_schema(history);
  const Field category{.name = "category", .max_length = 20, .allowed = centres::category_names()};

  api.add(
      {.method = "POST",
       .pattern = "/api/v1/placements",
       .action = "placements.manage",
       .summary = "Place persons in a centre on arrival",
       .tag = "reception",
       .body = {kPersonIds,
                {.name = "centre_id", .type = FieldType::integer, .required = true, .min_value = 1},
                required(category),
                kDate,
                {.name = "arrival_from",
                 .required = true,
                 .max_length = 20,
                 .allowed = arrival_origins()},
                kOverride},
       .response_schema = "PlacementList",
       .success_status = 201,
       .handler = arrive});
  api.add(
      {.method = "POST",
       .pattern = "/api/v1/placements/transfers",
       .action = "placements.manage",
       .summary = "Move persons to another centre: closes and opens placements atomically",
       .tag = "reception",
       .body =
           {kPersonIds,
            {.name = "to_centre_id", .type = FieldType::integer, .required = true, .min_value = 1},
            category,
            kDate,
            kOverride},
       .response_schema = "PlacementList",
       .success_status = 201,
       .handler = move});
  api.add(
      {.method = "POST",
       .pattern = "/api/v1/placements/exits",
       .action = "placements.manage",
       .summary = "Record that persons left reception, with the reason",
       .tag = "reception",
       .body = {kPersonIds,
                kDate,
                {.name = "reason", .required = true, .max_length = 40, .allowed = exit_reasons()},
                {.name = "note", .max_length = 1000, .min_length = 1, .multiline = true}},
       .response_schema = "PlacementList",
       .success_status = 201,
       .handler = leave});
  api.add({.method = "GET",
           .pattern = "/api/v1/placements/{id}",
           .action = "placements.read",
           .summary = "One placement",
           .tag = "reception",
           .response_schema = "Placement",
           .reads_persons = true,
           .handler = get});
  api.add({.method = "GET",
           .pattern = "/api/v1/centres/{id}/guests",
           .action = "placements.read",
           .summary = "The guests of a centre on a day (default today)",
           .tag = "reception",
           .query = {{.name = "date",
                      .type = FieldType::date,
                      .earliest_day = centres::kFirstReceptionDay}},
           .response_schema = "GuestList",
           .reads_persons = true,
           .handler = guests});
  api.add({.method = "GET",
           .pattern = "/api/v1/persons/{id}/placements",
           .action = "placements.read",
           .summary = "A person's placements, newest first (an operator: in its centres)",
           .tag = "people",
           .response_schema = "PlacementHistory",
           .reads_persons = true,
           .handler = placements});
}

}  // namespace innet::reception
