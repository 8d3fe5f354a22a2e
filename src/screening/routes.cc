// The screening routes (decision 0031). The case workers of the organisation keeping a case read
// and write its screenings and flags; prefecture officers read them without the narratives (notes,
// trigger reasons, reasons of changes: the field set screening.narratives); analysts read only the
// timeliness aggregates; admins publish instrument versions and set the terms. A case, screening
// or flag out of the caller's reach answers 404 like a missing one, and every answer that shows a
// case's screening names its person in the read log.
#include "screening/routes.h"

#include <map>

#include "accounts/accounts.h"
#include "cases/view.h"
#include "core/clock.h"
#include "screening/screenings.h"

namespace innet::screening {
namespace {

constexpr const char* kNarratives = "screening.narratives";

// A user's display name, each read once per answer.
class UserNames {
 public:
  explicit UserNames(db::Connection& conn) : conn_(conn) {}
  Result<std::string> operator()(std::int64_t id) {
    auto found = names_.find(id);
    if (found != names_.end()) return found->second;
    INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(conn_, id));
    return names_[id] = user.display_name;
  }

 private:
  db::Connection& conn_;
  std::map<std::int64_t, std::string> names_;
};

struct ScheduleView {
  Schedule schedule;
  std::string state;
};

struct ScreeningView {
  Screening s;
  std::string started_by_name;
  std::optional<std::string> completed_by_name;
};

struct FlagChangeView {
  FlagChange change;
  std::string changed_by_name;
};

struct FlagView {
  Flag f;
  std::string identified_by_name;
  std::vector<FlagChangeView> changes;
};

struct Section {
  std::int64_t case_id = 0;
  bool narratives = false;
  Settings settings;
  ScheduleView schedule;
  std::vector<FlagView> flags;
  std::vector<ScreeningView> screenings;
};

const api::ObjectType<Settings>& settings_type() {
  static const auto type =
      api::ObjectType<Settings>("ScreeningSettings")
          .field("first_due_days", &Settings::first_due_days,
                 {.description = "the first screening is due within these days of arrival"})
          .field("rescreen_months", &Settings::rescreen_months,
                 {.description = "a screening is due again after these months"});
  return type;
}

const api::ObjectType<ScheduleView>& schedule_type() {
  static const auto type =
      api::ObjectType<ScheduleView>("ScreeningSchedule")
          .field("arrival_on", [](const ScheduleView& v) { return v.schedule.arrival_on; },
                 {.description = "the start of the person's first stay, or the case's opening",
                  .format = "date"})
          .field("first_due_on", [](const ScheduleView& v) { return v.schedule.first_due_on; },
                 {.format = "date"})
          .field("first_screened_on",
                 [](const ScheduleView& v) { return v.schedule.first_screened_on; },
                 {.format = "date"})
          .field("owed_from", [](const ScheduleView& v) { return v.schedule.owed_from; },
                 {.description = "when the next screening is owed; null: none (a closed case)",
                  .format = "date"})
          .field("due_on", [](const ScheduleView& v) { return v.schedule.due_on; },
                 {.description = "its term", .format = "date"})
          .field("state", &ScheduleView::state, {.allowed = {"none", "upcoming", "due", "late"}});
  return type;
}

const api::ObjectType<Suggestion>& suggestion_type() {
  static const auto type =
      api::ObjectType<Suggestion>("ScreeningSuggestion")
          .field("category", &Suggestion::category, {.allowed = cases::vulnerability_categories()})
          .field("count", &Suggestion::count,
                 {.description = "marked indicators pointing to it (PROTECT: 1 from the cut-off)"});
  return type;
}

const api::ObjectType<Decision>& decision_type() {
  static const auto type =
      api::ObjectType<Decision>("ScreeningDecision")
          .field("category", &Decision::category, {.allowed = cases::vulnerability_categories()})
          .field("confirmed", &Decision::confirmed)
          .field("severity", &Decision::severity, {.allowed = cases::vulnerability_severities()})
          .field("note", &Decision::note,
                 {.description = "null for a caller who may not read narratives"});
  return type;
}

const api::ObjectType<ScreeningView>& screening_type() {
  static const auto type =
      api::ObjectType<ScreeningView>("Screening")
          .field("id", [](const ScreeningView& v) { return v.s.id; })
          .field("case_id", [](const ScreeningView& v) { return v.s.case_id; })
          .field("instrument_version_id", [](const ScreeningView& v) { return v.s.instrument_id; })
          .field("instrument", [](const ScreeningView& v) { return v.s.instrument_code; },
                 {.allowed = instrument_codes()})
          .field("instrument_version",
                 [](const ScreeningView& v) { return v.s.instrument_version; })
          .field("stage", [](const ScreeningView& v) { return v.s.stage; }, {.allowed = stages()})
          .field("trigger_reason", [](const ScreeningView& v) { return v.s.trigger_reason; },
                 {.description = "null for a caller who may not read narratives"})
          .field(
              "answers", [](const ScreeningView& v) { return v.s.answers; }, answer_type())
          .field("status", [](const ScreeningView& v) { return v.s.status; },
                 {.allowed = screening_statuses()})
          .field("started_by_name", &ScreeningView::started_by_name)
          .field("started_at", [](const ScreeningView& v) { return v.s.started_at; },
                 {.format = "date-time"})
          .field("completed_by_name", &ScreeningView::completed_by_name)
          .field("completed_at", [](const ScreeningView& v) { return v.s.completed_at; },
                 {.format = "date-time"})
          .field(
              "suggestions", [](const ScreeningView& v) { return v.s.suggestions; },
              suggestion_type())
          .field("score", [](const ScreeningView& v) { return v.s.score; })
          .field("band", [](const ScreeningView& v) { return v.s.band; },
                 {.allowed = cases::vulnerability_severities()})
          .field("referral_suggested",
                 [](const ScreeningView& v) { return v.s.referral_suggested; })
          .field(
              "decisions", [](const ScreeningView& v) { return v.s.decisions; }, decision_type());
  return type;
}

const api::ObjectType<FlagChangeView>& flag_change_type() {
  static const auto type =
      api::ObjectType<FlagChangeView>("VulnerabilityFlagChange")
          .field("kind", [](const FlagChangeView& v) { return v.change.kind; },
                 {.allowed = {"correction", "withdrawal"}})
          .field("category_before",
                 [](const FlagChangeView& v) { return v.change.category_before; })
          .field("severity_before",
                 [](const FlagChangeView& v) { return v.change.severity_before; })
          .field("category_after", [](const FlagChangeView& v) { return v.change.category_after; })
          .field("severity_after", [](const FlagChangeView& v) { return v.change.severity_after; })
          .field("reason",
                 [](const FlagChangeView& v) -> std::optional<std::string> {
                   if (v.change.reason.empty()) return std::nullopt;
                   return v.change.reason;
                 },
                 {.description = "null for a caller who may not read narratives"})
          .field("changed_by_name", &FlagChangeView::changed_by_name)
          .field("changed_at", [](const FlagChangeView& v) { return v.change.changed_at; },
                 {.format = "date-time"});
  return type;
}

const api::ObjectType<FlagView>& flag_type() {
  static const auto type =
      api::ObjectType<FlagView>("VulnerabilityFlag")
          .field("id", [](const FlagView& v) { return v.f.id; })
          .field("case_id", [](const FlagView& v) { return v.f.case_id; })
          .field("category", [](const FlagView& v) { return v.f.category; },
                 {.allowed = cases::vulnerability_categories()})
          .field("severity", [](const FlagView& v) { return v.f.severity; },
                 {.allowed = cases::vulnerability_severities()})
          .field("identified_on", [](const FlagView& v) { return v.f.identified_on; },
                 {.format = "date"})
          .field("identified_by_name", &FlagView::identified_by_name)
          .field("source", [](const FlagView& v) { return v.f.source; },
                 {.allowed = flag_sources()})
          .field("screening_id", [](const FlagView& v) { return v.f.screening_id; })
          .field("note", [](const FlagView& v) { return v.f.note; },
                 {.description = "null for a caller who may not read narratives"})
          .field("status", [](const FlagView& v) { return v.f.status; },
                 {.allowed = flag_statuses()})
          .field("changes", &FlagView::changes, flag_change_type());
  return type;
}

const api::ObjectType<Section>& section_type() {
  static const auto type =
      api::ObjectType<Section>("ScreeningSection",
                               "A case's vulnerability: its flags, its screenings, when the next "
                               "screening is due")
          .field("case_id", &Section::case_id)
          .field("narratives", &Section::narratives,
                 {.description = "false: notes and reasons are withheld from this caller"})
          .field("settings", &Section::settings, settings_type())
          .field("schedule", &Section::schedule, schedule_type())
          .field("flags", &Section::flags, flag_type())
          .field("screenings", &Section::screenings, screening_type());
  return type;
}

const api::ObjectType<Timeliness>& timeliness_type() {
  static const auto type =
      api::ObjectType<Timeliness>("ScreeningTimeliness")
          .field("month", &Timeliness::month, {.description = "YYYY-MM, of the arrivals"})
          .field("arrivals", &Timeliness::arrivals)
          .field("screened_in_time", &Timeliness::screened_in_time,
                 {.description = "first screened within the term"})
          .field("screened_late", &Timeliness::screened_late)
          .field("not_screened", &Timeliness::not_screened);
  return type;
}

Result<Section> section(api::Context& ctx, db::Connection& conn, const cases::Case& c) {
  Section out{
      .case_id = c.id,
      .narratives = ctx.services.policy.allows(*ctx.actor, kNarratives, {c.organization_id, 0})};
  INNET_ASSIGN_OR_RETURN(out.settings, settings(conn));
  UserNames names(conn);
  INNET_ASSIGN_OR_RETURN(auto schedule, find_schedule(conn, c.id));
  if (!schedule) {
    // A case its organisation's inbox has not given terms yet: computed, not stored, on a read.
    INNET_ASSIGN_OR_RETURN(auto arrival, arrival_of(conn, c));
    INNET_ASSIGN_OR_RETURN(schedule, current_schedule(conn, c, arrival, out.settings));
  }
  out.schedule = ScheduleView{*schedule, schedule->state(clock::today())};
  INNET_ASSIGN_OR_RETURN(auto flags, flags_of(conn, c.id));
  for (auto& f : flags) {
    if (!out.narratives) f.note.reset();
    FlagView v{.f = f};
    INNET_ASSIGN_OR_RETURN(v.identified_by_name, names(f.identified_by));
    for (auto& change : f.changes) {
      if (!out.narratives) change.reason.clear();
      INNET_ASSIGN_OR_RETURN(auto by, names(change.changed_by));
      v.changes.push_back({change, by});
    }
    out.flags.push_back(std::move(v));
  }
  INNET_ASSIGN_OR_RETURN(auto screenings, screenings_of(conn, c.id));
  for (auto& s : screenings) {
    if (!out.narratives) {
      s.trigger_reason.reset();
      for (auto& d : s.decisions) d.note.reset();
    }
    ScreeningView v{.s = s};
    INNET_ASSIGN_OR_RETURN(v.started_by_name, names(s.started_by));
    if (s.completed_by) {
      INNET_ASSIGN_OR_RETURN(auto by, names(*s.completed_by));
      v.completed_by_name = by;
    }
    out.screenings.push_back(std::move(v));
  }
  return out;
}

Result<http::Response> answer(api::Context& ctx, db::Connection& conn, const cases::Case& c,
                              int status = 200) {
  INNET_ASSIGN_OR_RETURN(auto s, section(ctx, conn, c));
  auto body = section_type().to_json(s);
  return status == 201 ? api::created(body) : api::ok(body);
}

// After a write: the case's terms follow its screenings.
Status reschedule(db::Connection& conn, const cases::Case& c) {
  INNET_ASSIGN_OR_RETURN(auto arrival, arrival_of(conn, c));
  INNET_ASSIGN_OR_RETURN(auto s, settings(conn));
  INNET_TRY(refresh_schedule(conn, c, arrival, s));
  return Status::success();
}

// Writes name the record and what changed, never notes or reasons (special-category data; the
// admin reading the audit trail holds no action on cases).
Status commit(api::Context& ctx, const char* action, const cases::Case& c, nlohmann::json details) {
  auto entry = ctx.audit(action, "case", std::to_string(c.id));
  details["person_id"] = c.person_id;
  entry.details = details.dump();
  return ctx.commit(entry);
}

Result<cases::Case> case_in_scope(api::Context& ctx, db::Connection& conn, const char* action) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  return cases::visible_case(ctx, conn, id, action);
}

// The case of a record named by id, or 404 naming the record when the case is out of reach.
Result<cases::Case> case_of(api::Context& ctx, db::Connection& conn, std::int64_t case_id,
                            const char* what) {
  auto c = cases::visible_case(ctx, conn, case_id, "screening.manage");
  if (!c.ok() && c.error().kind == ErrorKind::not_found) return Error::not_found(what);
  return c;
}

std::vector<Answer> answers_from(const nlohmann::json& body) {
  std::vector<Answer> out;
  for (const auto& a : body.value("answers", nlohmann::json::array()))
    out.push_back({a["code"], a["value"]});
  return out;
}

Result<http::Response> get_section(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "screening.read"));
  return answer(ctx, *conn, c);
}

Result<http::Response> start(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "screening.manage"));
  const std::int64_t version_id = ctx.body["instrument_version_id"];
  auto v = find_version(*conn, version_id);
  if (!v.ok() && v.error().kind == ErrorKind::not_found)
    return Error::field(ErrorKind::unprocessable, "instrument_version_id",
                        FieldError::not_found("instrument version"));
  if (!v.ok()) return v.take_error();
  const auto now = clock::now_iso();
  INNET_ASSIGN_OR_RETURN(auto s,
                         start_screening(*conn, {.case_id = c.id,
                                                 .instrument_id = version_id,
                                                 .stage = ctx.body["stage"],
                                                 .trigger_reason = api::patched<std::string>(
                                                     ctx.body, "trigger_reason", std::nullopt),
                                                 .answers = answers_from(ctx.body),
                                                 .started_by = ctx.actor->user_id,
                                                 .started_at = now}));
  INNET_TRY(reschedule(*conn, c));
  INNET_TRY(commit(ctx, "screening.start", c,
                   {{"screening_id", s.id},
                    {"instrument", s.instrument_code},
                    {"version", s.instrument_version},
                    {"stage", s.stage}}));
  return answer(ctx, *conn, c, 201);
}

Result<http::Response> save(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto found, find_screening(*conn, id));
  INNET_ASSIGN_OR_RETURN(auto c, case_of(ctx, *conn, found.case_id, "screening"));
  INNET_ASSIGN_OR_RETURN(auto s, save_answers(*conn, id, ctx.body["instrument_version_id"],
                                              answers_from(ctx.body), clock::now_iso()));
  INNET_TRY(commit(ctx, "screening.answers", c, {{"screening_id", s.id}}));
  return answer(ctx, *conn, c);
}

Result<http::Response> complete(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto found, find_screening(*conn, id));
  INNET_ASSIGN_OR_RETURN(auto c, case_of(ctx, *conn, found.case_id, "screening"));
  const std::int64_t version_id = ctx.body["instrument_version_id"];
  const auto now = clock::now_iso();
  // The last answers may come with the completion, so the form sends them once.
  if (ctx.body.contains("answers"))
    INNET_TRY(save_answers(*conn, id, version_id, answers_from(ctx.body), now));
  std::vector<Decision> decisions;
  for (const auto& d : ctx.body.value("decisions", nlohmann::json::array()))
    decisions.push_back({.category = d["category"],
                         .confirmed = d["confirmed"],
                         .severity = api::patched<std::string>(d, "severity", std::nullopt),
                         .note = api::patched<std::string>(d, "note", std::nullopt)});
  INNET_ASSIGN_OR_RETURN(auto s, complete_screening(*conn, id, version_id, decisions,
                                                    ctx.actor->user_id, clock::today(), now));
  INNET_TRY(reschedule(*conn, c));
  nlohmann::json confirmed = nlohmann::json::array();
  for (const auto& d : s.decisions)
    if (d.confirmed) confirmed.push_back(d.category);
  INNET_TRY(
      commit(ctx, "screening.complete", c, {{"screening_id", s.id}, {"confirmed", confirmed}}));
  return answer(ctx, *conn, c);
}

Result<http::Response> flag(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "screening.manage"));
  INNET_ASSIGN_OR_RETURN(auto f, add_flag(*conn, {.case_id = c.id,
                                                  .category = ctx.body["category"],
                                                  .severity = ctx.body["severity"],
                                                  .identified_on = clock::today().to_string(),
                                                  .identified_by = ctx.actor->user_id,
                                                  .source = "manual",
                                                  .note = ctx.body["note"].get<std::string>()}));
  INNET_TRY(commit(ctx, "screening.flag", c,
                   {{"flag_id", f.id}, {"category", f.category}, {"severity", f.severity}}));
  return answer(ctx, *conn, c, 201);
}

Result<std::pair<cases::Case, Flag>> flag_in_scope(api::Context& ctx, db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto f, find_flag(conn, id));
  INNET_ASSIGN_OR_RETURN(auto c, case_of(ctx, conn, f.case_id, "flag"));
  return std::pair{std::move(c), std::move(f)};
}

Result<http::Response> withdraw(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto found, flag_in_scope(ctx, *conn));
  auto& [c, f] = found;
  INNET_ASSIGN_OR_RETURN(
      f, withdraw_flag(*conn, f.id, ctx.body["reason"], ctx.actor->user_id, clock::now_iso()));
  INNET_TRY(
      commit(ctx, "screening.flag_withdraw", c, {{"flag_id", f.id}, {"category", f.category}}));
  return answer(ctx, *conn, c);
}

Result<http::Response> correct(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto found, flag_in_scope(ctx, *conn));
  auto& [c, f] = found;
  const auto before = f;
  INNET_ASSIGN_OR_RETURN(
      f, correct_flag(*conn, f.id, api::patched<std::string>(ctx.body, "category", std::nullopt),
                      api::patched<std::string>(ctx.body, "severity", std::nullopt),
                      ctx.body["reason"], ctx.actor->user_id, clock::now_iso()));
  INNET_TRY(commit(ctx, "screening.flag_correct", c,
                   {{"flag_id", f.id},
                    {"category", {before.category, f.category}},
                    {"severity", {before.severity, f.severity}}}));
  return answer(ctx, *conn, c);
}

Result<http::Response> list_instruments(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto versions, all_versions(*conn));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : versions) items.push_back(instrument_version_type().to_json(v));
  return api::ok({{"items", items}});
}

Result<http::Response> publish(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  const std::string code = ctx.body["code"];
  // What the body leaves out is kept from the current version.
  INNET_ASSIGN_OR_RETURN(auto current, current_version(*conn, code));
  auto d = current.definition;
  const auto& b = ctx.body;
  if (b.contains("indicators")) {
    if (code != "ipsn")
      return Error::field(ErrorKind::unprocessable, "indicators",
                          FieldError::both_or_neither("code ipsn"));
    d.indicators.clear();
    for (const auto& i : b["indicators"])
      d.indicators.push_back({i["code"], i["group"], i["categories"]});
  }
  for (const char* field : {"bands", "referral_cut_off"})
    if (b.contains(field) && code != "protect")
      return Error::field(ErrorKind::unprocessable, field,
                          FieldError::both_or_neither("code protect"));
  if (b.contains("bands")) {
    d.bands.clear();
    for (const auto& x : b["bands"]) d.bands.push_back({x["band"], x["min"], x["max"]});
  }
  if (b.contains("referral_cut_off"))
    d.referral_cut_off = b["referral_cut_off"].get<std::int64_t>();
  INNET_ASSIGN_OR_RETURN(
      auto v, publish_version(*conn, code, d, b["reason"], ctx.actor->user_id, clock::now_iso()));
  auto entry = ctx.audit("screening.publish", "screening_instrument", std::to_string(v.id));
  entry.details = nlohmann::json{{"code", v.code}, {"version", v.version}}.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(instrument_version_type().to_json(v));
}

Result<http::Response> get_settings(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto s, settings(*conn));
  return api::ok(settings_type().to_json(s));
}

Result<http::Response> put_settings(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  const Settings s{ctx.body["first_due_days"], ctx.body["rescreen_months"]};
  INNET_TRY(set_settings(*conn, s, ctx.actor->user_id, clock::now_iso()));
  auto entry = ctx.audit("screening.settings", "screening_settings", "1");
  entry.details = settings_type().to_json(s).dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(settings_type().to_json(s));
}

Result<CivilMonth> month_param(api::Context& ctx, const char* name, CivilMonth fallback) {
  const auto& text = ctx.request.query[name];
  if (text.empty()) return fallback;
  auto m = CivilMonth::parse(text);
  if (!m) return Error::field(ErrorKind::invalid_input, name, FieldError::wrong_type("month"));
  return *m;
}

Result<http::Response> get_timeliness(api::Context& ctx) {
  const auto this_month = CivilMonth::of(clock::today());
  auto year_ago = this_month;
  for (int k = 0; k < 11; ++k) year_ago = CivilMonth::of(year_ago.first_day().plus_days(-1));
  INNET_ASSIGN_OR_RETURN(auto from, month_param(ctx, "from", year_ago));
  INNET_ASSIGN_OR_RETURN(auto to, month_param(ctx, "to", this_month));
  if (to < from)
    return Error::field(ErrorKind::invalid_input, "to", FieldError::before_other("from"));
  auto limit = from;
  for (int k = 0; k < 60; ++k) limit = limit.next();
  if (to >= limit)
    return Error::field(ErrorKind::invalid_input, "to", FieldError::too_many_days(60));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto months, timeliness(*conn, from, to));
  INNET_ASSIGN_OR_RETURN(auto s, settings(*conn));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : months) items.push_back(timeliness_type().to_json(m));
  return api::ok({{"items", items}, {"first_due_days", s.first_due_days}});
}

}  // namespace

void add_routes(api::Api& api) {
  static const api::ListType instruments("ScreeningInstrumentList", instrument_version_type(),
                                         false);
  static const api::ListType months =
      api::ListType("ScreeningTimelinessList", timeliness_type(), false)
          .with("first_due_days", {{"type", "integer"}});
  api.add_schema(instrument_version_type());
  api.add_schema(instruments);
  api.add_schema(section_type());
  api.add_schema(settings_type());
  api.add_schema(timeliness_type());
  api.add_schema(months);

  const Field answers{
      .name = "answers",
      .type = FieldType::object_list,
      .description = "IPSN: indicators marked; PROTECT: items answered yes or no",
      .max_items = 100,
      .items = {{.name = "code", .required = true, .max_length = 60, .min_length = 1},
                {.name = "value", .type = FieldType::boolean, .required = true}}};
  const Field version{.name = "instrument_version_id",
                      .type = FieldType::integer,
                      .required = true,
                      .description = "the instrument version the answers are given in",
                      .min_value = 1};
  api.add({.method = "GET",
           .pattern = "/api/v1/screening-instruments",
           .action = "screening.instruments.read",
           .summary = "The screening instruments (IPSN, PROTECT), every version, the current one "
                      "without retired_at",
           .tag = "screening",
           .response_schema = "ScreeningInstrumentList",
           .handler = list_instruments});
  api.add(
      {.method = "POST",
       .pattern = "/api/v1/screening-instruments",
       .action = "screening.instruments.publish",
       .summary = "Publish a new version of an instrument (what the body leaves out is kept "
                  "from the current one, which is retired); old screenings keep their version",
       .tag = "screening",
       .body =
           {{.name = "code", .required = true, .allowed = instrument_codes()},
            {.name = "reason",
             .required = true,
             .max_length = 1000,
             .min_length = 1,
             .multiline = true},
            {.name = "indicators",
             .type = FieldType::object_list,
             .description = "IPSN: every indicator with its group and categories",
             .max_items = 200,
             .min_items = 1,
             .items = {{.name = "code", .required = true, .max_length = 60, .min_length = 1},
                       {.name = "group", .required = true, .allowed = indicator_groups()},
                       {.name = "categories",
                        .type = FieldType::string_list,
                        .required = true,
                        .allowed = cases::vulnerability_categories(),
                        .max_items = 13,
                        .min_items = 1}}},
            {.name = "bands",
             .type = FieldType::object_list,
             .description = "PROTECT: the bands of scores, from 0 to the number of items",
             .max_items = 3,
             .min_items = 1,
             .items =
                 {{.name = "band", .required = true, .allowed = cases::vulnerability_severities()},
                  {.name = "min", .type = FieldType::integer, .required = true, .min_value = 0},
                  {.name = "max", .type = FieldType::integer, .required = true, .min_value = 0}}},
            {.name = "referral_cut_off",
             .type = FieldType::integer,
             .description = "PROTECT: the score from which a referral is suggested",
             .min_value = 1}},
       .response_schema = "ScreeningInstrument",
       .success_status = 201,
       .handler = publish});
  api.add({.method = "GET",
           .pattern = "/api/v1/screening-settings",
           .action = "screening.instruments.read",
           .summary = "When screenings are due: days after arrival, months between screenings",
           .tag = "screening",
           .response_schema = "ScreeningSettings",
           .handler = get_settings});
  api.add({.method = "PUT",
           .pattern = "/api/v1/screening-settings",
           .action = "screening.instruments.publish",
           .summary = "Set when screenings are due; every case's terms are recomputed",
           .tag = "screening",
           .body = {{.name = "first_due_days",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 1,
                     .max_value = kMaxFirstDueDays},
                    {.name = "rescreen_months",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 1,
                     .max_value = 36}},
           .response_schema = "ScreeningSettings",
           .handler = put_settings});
  api.add({.method = "GET",
           .pattern = "/api/v1/cases/{id}/screening",
           .action = "screening.read",
           .summary = "A case's vulnerability flags and screenings (notes and reasons only for "
                      "the case workers who keep it), and when the next screening is due",
           .tag = "screening",
           .response_schema = "ScreeningSection",
           .reads_persons = true,
           .handler = get_section});
  api.add({.method = "POST",
           .pattern = "/api/v1/cases/{id}/screenings",
           .action = "screening.manage",
           .summary = "Start a screening of the case with the current version of an instrument",
           .tag = "screening",
           .body = {version,
                    {.name = "stage", .required = true, .allowed = stages()},
                    {.name = "trigger_reason",
                     .max_length = 1000,
                     .min_length = 1,
                     .multiline = true,
                     .description = "what prompted a screening on a trigger (stage trigger only)"},
                    answers},
           .response_schema = "ScreeningSection",
           .success_status = 201,
           .reads_persons = true,
           .handler = start});
  api.add({.method = "PATCH",
           .pattern = "/api/v1/screenings/{id}",
           .action = "screening.manage",
           .summary = "Save a draft screening's answers (all of them, replacing those saved)",
           .tag = "screening",
           .body = {version, required(answers)},
           .response_schema = "ScreeningSection",
           .reads_persons = true,
           .handler = save});
  api.add(
      {.method = "POST",
       .pattern = "/api/v1/screenings/{id}/completion",
       .action = "screening.manage",
       .summary = "Complete a screening (irreversible) with a decision on every suggested "
                  "category; each confirmed one becomes a vulnerability flag",
       .tag = "screening",
       .body =
           {version,
            answers,
            {.name = "decisions",
             .type = FieldType::object_list,
             .required = true,
             .max_items = 13,
             .items = {{.name = "category",
                        .required = true,
                        .allowed = cases::vulnerability_categories()},
                       {.name = "confirmed", .type = FieldType::boolean, .required = true},
                       {.name = "severity", .allowed = cases::vulnerability_severities()},
                       {.name = "note", .max_length = 2000, .min_length = 1, .multiline = true}}}},
       .response_schema = "ScreeningSection",
       .reads_persons = true,
       .handler = complete});
  api.add(
      {.method = "POST",
       .pattern = "/api/v1/cases/{id}/vulnerability-flags",
       .action = "screening.manage",
       .summary = "Flag a vulnerability by hand, with a note",
       .tag = "screening",
       .body =
           {{.name = "category", .required = true, .allowed = cases::vulnerability_categories()},
            {.name = "severity", .required = true, .allowed = cases::vulnerability_severities()},
            {.name = "note",
             .required = true,
             .max_length = 2000,
             .min_length = 1,
             .multiline = true}},
       .response_schema = "ScreeningSection",
       .success_status = 201,
       .reads_persons = true,
       .handler = flag});
  const Field reason{
      .name = "reason", .required = true, .max_length = 1000, .min_length = 1, .multiline = true};
  api.add({.method = "POST",
           .pattern = "/api/v1/vulnerability-flags/{id}/withdrawal",
           .action = "screening.manage",
           .summary = "Withdraw a flag with a reason (kept, never deleted)",
           .tag = "screening",
           .body = {reason},
           .response_schema = "ScreeningSection",
           .reads_persons = true,
           .handler = withdraw});
  api.add({.method = "POST",
           .pattern = "/api/v1/vulnerability-flags/{id}/correction",
           .action = "screening.manage",
           .summary = "Correct a flag's category or severity with a reason (the change is kept)",
           .tag = "screening",
           .body = {{.name = "category", .allowed = cases::vulnerability_categories()},
                    {.name = "severity", .allowed = cases::vulnerability_severities()},
                    reason},
           .response_schema = "ScreeningSection",
           .reads_persons = true,
           .handler = correct});
  api.add({.method = "GET",
           .pattern = "/api/v1/screening-timeliness",
           .action = "screening.statistics",
           .summary = "Share of arrivals first screened within the term, per month of arrival "
                      "(counts only, never a person)",
           .tag = "screening",
           .query = {{.name = "from", .max_length = 7, .min_length = 7, .description = "YYYY-MM"},
                     {.name = "to", .max_length = 7, .min_length = 7, .description = "YYYY-MM"}},
           .response_schema = "ScreeningTimelinessList",
           .handler = get_timeliness});
}

}  // namespace innet::screening
