// /api/v1/centres/{id}/register: the daily presence register of a centre. The operator's staff
// record absences and confirm each day; the Prefettura and the inspectors read it. The day's
// register is the daily report.
#include <map>
#include <set>

#include "accounts/accounts.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "people/persons.h"
#include "reception/absences/absences.h"
#include "reception/register/register.h"
#include "reception/routes.h"

namespace innet::reception {
namespace {

constexpr std::int64_t kMaxOverviewDays = 92;  // a quarter: the longest period a page shows
constexpr std::int64_t kDefaultOverviewDays = 30;

// The {day} path parameter, checked as a date by the route's path spec: not after today.
Result<CivilDay> register_day(api::Context& ctx) {
  const auto day = CivilDay::parse(ctx.param("day"));
  if (!day) return Error::field(ErrorKind::invalid_input, "day", FieldError::wrong_type("date"));
  if (*day > clock::today())
    return Error::rule(ErrorKind::unprocessable, "future_date", "day", FieldError::future_date());
  return *day;
}

// Who recorded or confirmed, by name: the register shows people, not user ids.
class UserNames {
 public:
  explicit UserNames(db::Connection& conn) : conn_(conn) {}
  Result<nlohmann::json> operator()(std::int64_t id) {
    auto it = names_.find(id);
    if (it == names_.end()) {
      INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(conn_, id));
      it = names_.emplace(id, user.display_name).first;
    }
    return nlohmann::json{{"id", id}, {"display_name", it->second}};
  }

 private:
  db::Connection& conn_;
  std::map<std::int64_t, std::string> names_;
};

Result<nlohmann::json> entry_json(const Absence& a, UserNames& names) {
  auto j = to_json(a);
  INNET_ASSIGN_OR_RETURN(auto by, names(a.recorded_by));
  j["recorded_by"] = std::move(by);
  return j;
}

Result<nlohmann::json> confirmation_json(const Confirmation& c, UserNames& names) {
  auto j = to_json(c);
  INNET_ASSIGN_OR_RETURN(auto by, names(c.confirmed_by));
  j["confirmed_by"] = std::move(by);
  return j;
}

// The centre a register answer is about.
const api::ObjectType<centres::Centre>& register_centre_type() {
  static const auto type = api::ObjectType<centres::Centre>("RegisterCentre")
                               .field("id", &centres::Centre::id)
                               .field("name", &centres::Centre::name)
                               .field("type", &centres::Centre::type)
                               .field("address", &centres::Centre::address)
                               .field("istat_code", &centres::Centre::istat_code)
                               .field("operator_id", &centres::Centre::operator_id);
  return type;
}

nlohmann::json centre_json(const centres::Centre& c) {
  return register_centre_type().to_json(c);
}

// A guest of the daily report: identity, entry date, length of stay, present or absent.
struct DayGuest {
  const Guest& guest;
  const people::Person& person;
  std::int64_t days_of_stay = 0;
  nlohmann::json absence;      // the effective absence with its recorder's name, or null
  nlohmann::json absence_run;  // the run of absence without notice containing the day, or null
  nlohmann::json notice;       // the placement's notice of absence not yet decided, or null
};

const api::ObjectType<DayGuest>& day_guest_type() {
  using G = const DayGuest&;
  static const auto type =
      api::ObjectType<DayGuest>("RegisterGuest")
          .field("person_id", [](G g) { return g.person.id; })
          .field("family_name", [](G g) { return g.person.family_name; })
          .field("given_names", [](G g) { return g.person.given_names; })
          .field("family_name_original", [](G g) { return g.person.family_name_original; })
          .field("given_names_original", [](G g) { return g.person.given_names_original; })
          .field("nationality", [](G g) { return g.person.nationality; })
          .field("placement_id", [](G g) { return g.guest.placement.id; })
          .field("category", [](G g) { return to_string(g.guest.placement.category); },
                 {.allowed = centres::category_names()})
          .field("arrival_date", [](G g) { return g.guest.placement.start_date; },
                 {.format = "date"})
          .field("exit_date", [](G g) { return g.guest.placement.end_date; }, {.format = "date"})
          .field("days_of_stay", &DayGuest::days_of_stay)
          .field("present", [](G g) { return !g.guest.absence; })
          .field("absence", &DayGuest::absence,
                 {.schema = api::nullable(api::ref("RegisterEntry"))})
          .field("absence_run", &DayGuest::absence_run,
                 {.description = "consecutive days of absence without notice up to this one",
                  .schema = api::nullable(
                      {{"type", "object"},
                       {"required", {"first_day", "last_day", "days", "hours", "over_threshold"}},
                       {"properties",
                        {{"first_day", {{"type", "string"}, {"format", "date"}}},
                         {"last_day", {{"type", "string"}, {"format", "date"}}},
                         {"days", {{"type", "integer"}}},
                         {"hours", {{"type", "integer"}}},
                         {"over_threshold", {{"type", "boolean"}}}}},
                       {"additionalProperties", false}})})
          .field("notice", &DayGuest::notice,
                 {.description = "the notice of absence awaiting sending or decision",
                  .schema = api::nullable(
                      {{"type", "object"},
                       {"required", {"id", "status", "first_day", "hours"}},
                       {"properties",
                        {{"id", {{"type", "integer"}}},
                         {"status", {{"type", "string"}, {"enum", {"draft", "sent"}}}},
                         {"first_day", {{"type", "string"}, {"format", "date"}}},
                         {"hours", {{"type", "integer"}}}}},
                       {"additionalProperties", false}})});
  return type;
}

Result<http::Response> overview(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "register.read"));
  auto& q = ctx.request.query;
  const CivilDay today = clock::today();
  const CivilDay to = accepted_day(q, "to").value_or(today);
  const CivilDay from = accepted_day(q, "from").value_or(to.plus_days(1 - kDefaultOverviewDays));
  if (to > today)
    return Error::rule(ErrorKind::unprocessable, "future_date", "to", FieldError::future_date());
  if (from > to)
    return Error::field(ErrorKind::invalid_input, "from", FieldError::after_other("to"));
  if (from.days_until(to) + 1 > kMaxOverviewDays)
    return Error::field(ErrorKind::invalid_input, "to",
                        FieldError::too_many_days(kMaxOverviewDays));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto days, register_summary(*conn, centre.id, from, to.plus_days(1)));
  std::map<DayStatus, std::int64_t> by_status;
  std::int64_t presence_days = 0, absence_days = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : days) {
    ++by_status[d.status];
    presence_days += d.present;
    absence_days += d.absent;
    nlohmann::json latest;
    if (d.latest)
      latest = {{"id", d.latest->id},
                {"seq", d.latest->seq},
                {"confirmed_at", d.latest->confirmed_at},
                {"confirmed_by", d.latest->confirmed_by}};
    items.push_back({{"day", d.day},
                     {"status", to_string(d.status)},
                     {"present", d.present},
                     {"absent", d.absent},
                     {"latest_confirmation", latest}});
  }
  nlohmann::json totals = {{"presence_days", presence_days}, {"absence_days", absence_days}};
  for (auto s :
       {DayStatus::unconfirmed, DayStatus::confirmed, DayStatus::changed_since_confirmation})
    totals[to_string(s)] = by_status[s];
  return api::ok({{"centre", centre_json(centre)},
                  {"from", from.to_string()},
                  {"to", to.to_string()},
                  {"totals", totals},
                  {"items", std::move(items)}});
}

// The daily report: every guest of the day with identity, entry date and length of stay,
// present or absent with the reason, and who confirmed the day when.
Result<http::Response> day_report(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto day, register_day(ctx));
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "register.read"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto state, day_state(*conn, centre.id, day));
  std::vector<std::int64_t> ids;
  for (const auto& g : state.guests) ids.push_back(g.placement.person_id);
  ctx.record_read(ids);
  ctx.record_read(state.entries, &Absence::person_id);
  INNET_ASSIGN_OR_RETURN(auto persons, people::find_persons(*conn, ids));
  std::map<std::int64_t, const people::Person*> by_id;
  for (const auto& p : persons) by_id[p.id] = &p;

  UserNames names(*conn);
  const int threshold = ctx.services.settings.absence_notice_hours;
  INNET_ASSIGN_OR_RETURN(auto runs, runs_on(*conn, centre.id, day, clock::today()));
  INNET_ASSIGN_OR_RETURN(auto open_notices, open_notices_of_centre(*conn, centre.id));
  std::map<std::int64_t, const Notice*> notice_of;  // by placement: the newest
  for (const auto& n : open_notices) notice_of.emplace(n.placement_id, &n);
  nlohmann::json guests = nlohmann::json::array();
  for (const auto& g : state.guests) {
    const auto& p = g.placement;
    const auto* person = by_id.at(p.person_id);
    nlohmann::json absence;
    if (g.absence) {
      INNET_ASSIGN_OR_RETURN(auto a, entry_json(*g.absence, names));
      absence = std::move(a);
    }
    INNET_ASSIGN_OR_RETURN(const CivilDay arrived, stored_day(p.start_date));
    nlohmann::json run, notice;
    if (auto it = runs.find(p.person_id); it != runs.end())
      run = {{"first_day", it->second.first_day},
             {"last_day", it->second.last_day},
             {"days", it->second.days},
             {"hours", it->second.hours()},
             {"over_threshold", it->second.hours() >= threshold}};
    if (auto it = notice_of.find(p.id); it != notice_of.end())
      notice = {{"id", it->second->id},
                {"status", it->second->status()},
                {"first_day", it->second->first_day},
                {"hours", it->second->hours}};
    guests.push_back(
        day_guest_type().to_json({g, *person, arrived.days_until(day) + 1, std::move(absence),
                                  std::move(run), std::move(notice)}));
  }
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : state.entries) {
    INNET_ASSIGN_OR_RETURN(auto j, entry_json(e, names));
    entries.push_back(std::move(j));
  }
  nlohmann::json confirmations = nlohmann::json::array();
  for (const auto& c : state.confirmations) {
    INNET_ASSIGN_OR_RETURN(auto j, confirmation_json(c, names));
    confirmations.push_back(std::move(j));
  }
  return api::ok({{"centre", centre_json(centre)},
                  {"day", day.to_string()},
                  {"absence_notice_hours", threshold},
                  {"status", to_string(state.status)},
                  {"digest", state.digest},
                  {"counts",
                   {{"guests", state.guests.size()},
                    {"present", state.present()},
                    {"absent", state.absent()}}},
                  {"guests", std::move(guests)},
                  {"entries", std::move(entries)},
                  {"confirmations", std::move(confirmations)}});
}

// Audit details name the entry and the person, never the reason or the note: a hospital stay
// is health data, which the audit trail does not hold.
Status commit_entry(api::Context& ctx, const char* action, const Absence& entry) {
  auto audit = ctx.audit(action, "centre", std::to_string(entry.centre_id));
  nlohmann::json details = {
      {"day", entry.day}, {"entry_id", entry.id}, {"person_id", entry.person_id}};
  if (entry.withdraws_id) details["withdraws_id"] = *entry.withdraws_id;
  audit.details = details.dump();
  return ctx.commit(audit);
}

Result<http::Response> add_absence(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto day, register_day(ctx));
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "register.record"));
  NewAbsence a;
  a.centre_id = centre.id;
  a.day = day;
  a.person_id = ctx.body["person_id"];
  a.reason = ctx.body["reason"];
  a.note = api::patched<std::string>(ctx.body, "note", std::nullopt);
  a.recorded_by = ctx.actor->user_id;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto absence, record_absence(*conn, a, clock::today()));
  // A run of absence without notice that reaches the threshold drafts the notice to the
  // Prefettura, in the same transaction; the operator reviews and sends it from the register.
  INNET_ASSIGN_OR_RETURN(
      auto drafted,
      draft_notice_if_due(*conn, centre.id, a.person_id, day,
                          ctx.services.settings.absence_notice_hours, clock::today()));
  if (drafted) {
    auto entry = ctx.audit("absences.draft_notice", "absence_notice", std::to_string(drafted->id));
    entry.details = nlohmann::json({{"person_id", drafted->person_id},
                                    {"centre_id", drafted->centre_id},
                                    {"placement_id", drafted->placement_id}})
                        .dump();
    INNET_TRY(audit::record(*conn, entry));  // beside the absence's entry, same transaction
  }
  INNET_TRY(commit_entry(ctx, "register.absence", absence));
  return api::created(to_json(absence));
}

Result<http::Response> withdraw(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto day, register_day(ctx));
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "register.record"));
  INNET_ASSIGN_OR_RETURN(auto absence_id, ctx.id_param("absence_id"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto entry,
                         withdraw_absence(*conn, centre.id, day, absence_id,
                                          ctx.body["note"].get<std::string>(), ctx.actor->user_id));
  INNET_TRY(commit_entry(ctx, "register.absence_withdrawal", entry));
  return api::created(to_json(entry));
}

Result<http::Response> confirm(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto day, register_day(ctx));
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "register.record"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(
      auto c,
      confirm_day(*conn, centre.id, day, api::patched<std::string>(ctx.body, "note", std::nullopt),
                  ctx.actor->user_id, ctx.services.chain_key, clock::today()));
  auto audit = ctx.audit(kConfirmAuditAction, "centre", std::to_string(centre.id));
  audit.details = confirmation_audit_details(c).dump();
  INNET_TRY(ctx.commit(audit));
  return api::created(to_json(c));
}

void add_schemas(api::Api& api) {
  using nlohmann::json;
  const json integer = {{"type", "integer"}};
  const json date = {{"type", "string"}, {"format", "date"}};
  std::vector<std::string> statuses;
  for (auto s :
       {DayStatus::unconfirmed, DayStatus::confirmed, DayStatus::changed_since_confirmation})
    statuses.push_back(to_string(s));
  const json status = {{"type", "string"}, {"enum", statuses}};
  // Objects the handlers assemble: no property beyond those listed, every one present.
  auto object = [](json properties) {
    json required = json::array();
    for (const auto& [name, _] : properties.items()) required.push_back(name);
    return json{{"type", "object"},
                {"required", required},
                {"properties", std::move(properties)},
                {"additionalProperties", false}};
  };
  api.add_schema(absence_type());
  api.add_schema(confirmation_type());
  api.add_schema(register_centre_type());
  api.add_schema(day_guest_type());
  json totals = {{"presence_days", integer}, {"absence_days", integer}};
  for (const auto& s : statuses) totals[s] = integer;
  api.add_schema(
      "RegisterOverview",
      object({{"centre", api::ref("RegisterCentre")},
              {"from", date},
              {"to", date},
              {"totals", object(totals)},
              {"items",
               {{"type", "array"},
                {"items", object({{"day", date},
                                  {"status", status},
                                  {"present", integer},
                                  {"absent", integer},
                                  {"latest_confirmation",
                                   api::nullable(object({{"id", integer},
                                                         {"seq", integer},
                                                         {"confirmed_at", {{"type", "string"}}},
                                                         {"confirmed_by", integer}}))}})}}}}));
  json day =
      object({{"centre", api::ref("RegisterCentre")},
              {"day", date},
              {"absence_notice_hours", integer},
              {"status", status},
              {"digest", {{"type", "string"}}},
              {"counts", object({{"guests", integer}, {"present", integer}, {"absent", integer}})},
              {"guests", {{"type", "array"}, {"items", api::ref("RegisterGuest")}}},
              {"entries", {{"type", "array"}, {"items", api::ref("RegisterEntry")}}},
              {"confirmations", {{"type", "array"}, {"items", api::ref("RegisterConfirmation")}}}});
  day["description"] = "the daily report of a centre";
  api.add_schema("RegisterDay", day);
}

}  // namespace

void add_register_routes(api::Api& api) {
  add_schemas(api);
  const std::string base = "/api/v1/centres/{id}/register";
  const FieldSpec day_path = {{.name = "day",
                               .type = FieldType::date,
                               .required = true,
                               .earliest_day = centres::kFirstReceptionDay,
                               .description = "the day of the register (YYYY-MM-DD)"}};

  api.add({.method = "GET",
           .pattern = base,
           .action = "register.read",
           .summary = "The register day by day over a period (at most 92 days): status and counts",
           .tag = "register",
           .query = {{.name = "from",
                      .type = FieldType::date,
                      .earliest_day = centres::kFirstReceptionDay,
                      .description = "first day (default: 29 days before to)"},
                     {.name = "to",
                      .type = FieldType::date,
                      .earliest_day = centres::kFirstReceptionDay,
                      .description = "last day, included (default: today)"}},
           .response_schema = "RegisterOverview",
           .handler = overview});
  api.add({.method = "GET",
           .pattern = base + "/{day}",
           .action = "register.read",
           .summary = "The day's register: the daily report with every guest and confirmation",
           .tag = "register",
           .path = day_path,
           .response_schema = "RegisterDay",
           .reads_persons = true,
           .handler = day_report});
  api.add(
      {.method = "POST",
       .pattern = base + "/{day}/absences",
       .action = "register.record",
       .summary = "Record that a guest was absent on the day, with the reason",
       .tag = "register",
       .body =
           {{.name = "person_id", .type = FieldType::integer, .required = true, .min_value = 1},
            {.name = "reason", .required = true, .max_length = 40, .allowed = absence_reasons()},
            {.name = "note",
             .max_length = 1000,
             .min_length = 1,
             .multiline = true,
             .description = "required when the reason is other"}},
       .path = day_path,
       .response_schema = "RegisterEntry",
       .success_status = 201,
       .handler = add_absence});
  api.add({.method = "POST",
           .pattern = base + "/{day}/absences/{absence_id}/withdrawal",
           .action = "register.record",
           .summary = "Withdraw an absence recorded in error: a new entry, the absence stays",
           .tag = "register",
           .body = {{.name = "note",
                     .required = true,
                     .max_length = 1000,
                     .min_length = 1,
                     .multiline = true,
                     .description = "why the absence is withdrawn"}},
           .path = day_path,
           .response_schema = "RegisterEntry",
           .success_status = 201,
           .handler = withdraw});
  api.add({.method = "POST",
           .pattern = base + "/{day}/confirmation",
           .action = "register.record",
           .summary = "Confirm the day's register as it stands (again after a correction)",
           .tag = "register",
           .body = {{.name = "note", .max_length = 1000, .min_length = 1, .multiline = true}},
           .path = day_path,
           .response_schema = "RegisterConfirmation",
           .success_status = 201,
           .handler = confirm});
}

}  // namespace innet::reception
