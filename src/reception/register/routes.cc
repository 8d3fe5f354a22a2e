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
  Result<accounts::User> operator()(std::int64_t id) {
    auto it = users_.find(id);
    if (it == users_.end()) {
      INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(conn_, id));
      it = users_.emplace(id, std::move(user)).first;
    }
    return it->second;
  }

 private:
  db::Connection& conn_;
  std::map<std::int64_t, accounts::User> users_;
};

// An entry of the day's report: the absence (or withdrawal) with who recorded it, by name.
struct NamedEntry {
  Absence entry;
  accounts::User recorded_by;
};

const api::ObjectType<NamedEntry>& named_entry_type() {
  static const auto type =
      api::ObjectType<NamedEntry>("RegisterDayEntry",
                                  "an absence or withdrawal, with who recorded it by name")
          .include(absence_type(), &NamedEntry::entry, {"recorded_by"})
          .field("recorded_by", &NamedEntry::recorded_by, accounts::user_name_type());
  return type;
}

// A confirmation of the day's report, with who confirmed, by name.
struct NamedConfirmation {
  Confirmation confirmation;
  accounts::User confirmed_by;
};

const api::ObjectType<NamedConfirmation>& named_confirmation_type() {
  static const auto type =
      api::ObjectType<NamedConfirmation>("RegisterDayConfirmation",
                                         "a confirmation of the day, with who confirmed by name")
          .include(confirmation_type(), &NamedConfirmation::confirmation, {"confirmed_by"})
          .field("confirmed_by", &NamedConfirmation::confirmed_by, accounts::user_name_type());
  return type;
}

Result<NamedEntry> named(const Absence& a, UserNames& names) {
  INNET_ASSIGN_OR_RETURN(auto by, names(a.recorded_by));
  return NamedEntry{a, std::move(by)};
}

// The centre as the register's pages head it.
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

const std::vector<std::string>& day_status_names() {
  static const std::vector<std::string> names = {to_string(DayStatus::unconfirmed),
                                                 to_string(DayStatus::confirmed),
                                                 to_string(DayStatus::changed_since_confirmation)};
  return names;
}

// --- the overview: the register day by day over a period ---------------------------------------

const api::ObjectType<Confirmation>& latest_confirmation_type() {
  static const auto type = api::ObjectType<Confirmation>("RegisterLatestConfirmation")
                               .field("id", &Confirmation::id)
                               .field("seq", &Confirmation::seq)
                               .field("confirmed_at", &Confirmation::confirmed_at)
                               .field("confirmed_by", &Confirmation::confirmed_by);
  return type;
}

const api::ObjectType<DaySummary>& day_summary_type() {
  static const auto type =
      api::ObjectType<DaySummary>("RegisterOverviewDay")
          .field("day", &DaySummary::day, {.format = "date"})
          .field("status", [](const DaySummary& d) { return to_string(d.status); },
                 {.allowed = day_status_names()})
          .field("present", &DaySummary::present)
          .field("absent", &DaySummary::absent)
          .field("latest_confirmation", &DaySummary::latest, latest_confirmation_type());
  return type;
}

struct OverviewTotals {
  std::int64_t presence_days = 0;
  std::int64_t absence_days = 0;
  std::map<DayStatus, std::int64_t> days_by_status;
  std::int64_t days(DayStatus s) const {
    auto it = days_by_status.find(s);
    return it == days_by_status.end() ? 0 : it->second;
  }
};

const api::ObjectType<OverviewTotals>& overview_totals_type() {
  using T = const OverviewTotals&;
  static const auto type =
      api::ObjectType<OverviewTotals>("RegisterTotals",
                                      "presence-days, absence-days and days by status")
          .field("presence_days", &OverviewTotals::presence_days)
          .field("absence_days", &OverviewTotals::absence_days)
          .field(to_string(DayStatus::unconfirmed),
                 [](T t) { return t.days(DayStatus::unconfirmed); })
          .field(to_string(DayStatus::confirmed), [](T t) { return t.days(DayStatus::confirmed); })
          .field(to_string(DayStatus::changed_since_confirmation),
                 [](T t) { return t.days(DayStatus::changed_since_confirmation); });
  return type;
}

struct Overview {
  centres::Centre centre;
  CivilDay from;
  CivilDay to;
  OverviewTotals totals;
  std::vector<DaySummary> items;
};

const api::ObjectType<Overview>& overview_type() {
  static const auto type =
      api::ObjectType<Overview>("RegisterOverview")
          .field("centre", &Overview::centre, register_centre_type())
          .field("from", [](const Overview& o) { return o.from.to_string(); }, {.format = "date"})
          .field("to", [](const Overview& o) { return o.to.to_string(); }, {.format = "date"})
          .field("totals", &Overview::totals, overview_totals_type())
          .field("items", &Overview::items, day_summary_type());
  return type;
}

// --- the day's report ---------------------------------------------------------------------------

// A run of absence without notice, as the day's report shows it beside the guest.
struct RunOnDay {
  AbsenceRun run;
  bool over_threshold = false;
};

const api::ObjectType<RunOnDay>& run_on_day_type() {
  using R = const RunOnDay&;
  static const auto type =
      api::ObjectType<RunOnDay>("RegisterAbsenceRun",
                                "consecutive days of absence without notice up to this one")
          .field("first_day", [](R r) { return r.run.first_day; }, {.format = "date"})
          .field("last_day", [](R r) { return r.run.last_day; }, {.format = "date"})
          .field("days", [](R r) { return r.run.days; })
          .field("hours", [](R r) { return r.run.hours(); })
          .field("over_threshold", &RunOnDay::over_threshold);
  return type;
}

const api::ObjectType<Notice>& open_notice_type() {
  static const auto type =
      api::ObjectType<Notice>("RegisterOpenNotice",
                              "the notice of absence awaiting sending or decision")
          .field("id", &Notice::id)
          .field("status", &Notice::status, {.allowed = {"draft", "sent"}})
          .field("first_day", &Notice::first_day, {.format = "date"})
          .field("hours", &Notice::hours);
  return type;
}

// One guest of the daily report.
struct DayGuest {
  const Guest* guest;
  const people::Person* person;
  std::int64_t days_of_stay = 0;
  std::optional<NamedEntry> absence;  // the effective absence, if any
  std::optional<RunOnDay> absence_run;
  std::optional<Notice> notice;  // the placement's notice not yet decided, if any
};

const api::ObjectType<DayGuest>& day_guest_type() {
  using G = const DayGuest&;
  static const auto type =
      api::ObjectType<DayGuest>("RegisterGuest")
          .field("person_id", [](G g) { return g.person->id; })
          .field("family_name", [](G g) { return g.person->family_name; })
          .field("given_names", [](G g) { return g.person->given_names; })
          .field("family_name_original", [](G g) { return g.person->family_name_original; })
          .field("given_names_original", [](G g) { return g.person->given_names_original; })
          .field("nationality", [](G g) { return g.person->nationality; })
          .field("placement_id", [](G g) { return g.guest->placement.id; })
          .field("category", [](G g) { return to_string(g.guest->placement.category); },
                 {.allowed = centres::category_names()})
          .field("arrival_date", [](G g) { return g.guest->placement.start_date; },
                 {.format = "date"})
          .field("exit_date", [](G g) { return g.guest->placement.end_date; }, {.format = "date"})
          .field("days_of_stay", &DayGuest::days_of_stay)
          .field("present", [](G g) { return !g.guest->absence; })
          .field("absence", &DayGuest::absence, named_entry_type())
          .field("absence_run", &DayGuest::absence_run, run_on_day_type())
          .field("notice", &DayGuest::notice, open_notice_type());
  return type;
}

struct DayCounts {
  std::int64_t guests = 0;
  std::int64_t present = 0;
  std::int64_t absent = 0;
};

const api::ObjectType<DayCounts>& day_counts_type() {
  static const auto type = api::ObjectType<DayCounts>("RegisterDayCounts")
                               .field("guests", &DayCounts::guests)
                               .field("present", &DayCounts::present)
                               .field("absent", &DayCounts::absent);
  return type;
}

struct DayReport {
  centres::Centre centre;
  CivilDay day;
  std::int64_t absence_notice_hours = 0;
  DayStatus status = DayStatus::unconfirmed;
  std::string digest;
  DayCounts counts;
  std::vector<DayGuest> guests;
  std::vector<NamedEntry> entries;
  std::vector<NamedConfirmation> confirmations;
};

const api::ObjectType<DayReport>& day_report_type() {
  static const auto type =
      api::ObjectType<DayReport>("RegisterDay", "the daily report of a centre")
          .field("centre", &DayReport::centre, register_centre_type())
          .field("day", [](const DayReport& r) { return r.day.to_string(); }, {.format = "date"})
          .field("absence_notice_hours", &DayReport::absence_notice_hours)
          .field("status", [](const DayReport& r) { return to_string(r.status); },
                 {.allowed = day_status_names()})
          .field("digest", &DayReport::digest)
          .field("counts", &DayReport::counts, day_counts_type())
          .field("guests", &DayReport::guests, day_guest_type())
          .field("entries", &DayReport::entries, named_entry_type())
          .field("confirmations", &DayReport::confirmations, named_confirmation_type());
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
  Overview answer{.centre = std::move(centre), .from = from, .to = to};
  INNET_ASSIGN_OR_RETURN(answer.items,
                         register_summary(*conn, answer.centre.id, from, to.plus_days(1)));
  for (const auto& d : answer.items) {
    ++answer.totals.days_by_status[d.status];
    answer.totals.presence_days += d.present;
    answer.totals.absence_days += d.absent;
  }
  return api::ok(overview_type(), answer);
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

  DayReport report{.centre = std::move(centre),
                   .day = day,
                   .absence_notice_hours = threshold,
                   .status = state.status,
                   .digest = state.digest,
                   .counts = {.guests = static_cast<std::int64_t>(state.guests.size()),
                              .present = state.present(),
                              .absent = state.absent()}};
  for (const auto& g : state.guests) {
    const auto& p = g.placement;
    INNET_ASSIGN_OR_RETURN(const CivilDay arrived, stored_day(p.start_date));
    DayGuest guest{
        .guest = &g, .person = by_id.at(p.person_id), .days_of_stay = arrived.days_until(day) + 1};
    if (g.absence) {
      INNET_ASSIGN_OR_RETURN(guest.absence, named(*g.absence, names));
    }
    if (auto it = runs.find(p.person_id); it != runs.end())
      guest.absence_run = RunOnDay{it->second, it->second.hours() >= threshold};
    if (auto it = notice_of.find(p.id); it != notice_of.end()) guest.notice = *it->second;
    report.guests.push_back(std::move(guest));
  }
  for (const auto& e : state.entries) {
    INNET_ASSIGN_OR_RETURN(auto entry, named(e, names));
    report.entries.push_back(std::move(entry));
  }
  for (const auto& c : state.confirmations) {
    INNET_ASSIGN_OR_RETURN(auto by, names(c.confirmed_by));
    report.confirmations.push_back({c, std::move(by)});
  }
  return api::ok(day_report_type(), report);
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
  api.add_schema(absence_type());
  api.add_schema(confirmation_type());
  api.add_schema(overview_type());
  api.add_schema(day_report_type());
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
