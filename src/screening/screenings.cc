#include "screening/screenings.h"

#include <algorithm>
#include <map>
#include <set>

#include "cases/case_persons.h"
#include "reception/placements/placements.h"

namespace innet::screening {
namespace {

bool among(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Error refused(const std::string& field, FieldError reason) {
  return Error::field(ErrorKind::unprocessable, field, std::move(reason));
}

std::string answers_json(const std::vector<Answer>& answers) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& a : answers) j.push_back({{"code", a.code}, {"value", a.value}});
  return j.dump();
}

std::vector<Answer> answers_from(const std::string& text) {
  std::vector<Answer> out;
  for (const auto& a : nlohmann::json::parse(text)) out.push_back({a.at("code"), a.at("value")});
  return out;
}

constexpr const char* kScreeningColumns =
    "SELECT s.id, s.case_id, s.instrument_id, s.stage, s.trigger_reason, s.answers, s.status, "
    "s.started_by, s.started_at, s.updated_at, s.completed_by, s.completed_at FROM screenings s";

Screening screening_from_row(const db::Row& r) {
  return {.id = r.integer(0),
          .case_id = r.integer(1),
          .instrument_id = r.integer(2),
          .stage = r.text(3),
          .trigger_reason = r.opt_text(4),
          .answers = answers_from(r.text(5)),
          .status = r.text(6),
          .started_by = r.integer(7),
          .started_at = r.text(8),
          .updated_at = r.text(9),
          .completed_by = r.opt_integer(10),
          .completed_at = r.opt_text(11)};
}

// The screenings of these rows with their results and decisions: the versions in one statement,
// the decisions in another, whatever the number of rows.
Result<std::vector<Screening>> screenings_from_rows(db::Connection& conn, const db::Rows& rows) {
  std::vector<Screening> out;
  if (rows.empty()) return out;
  std::vector<std::int64_t> ids, version_ids;
  for (const auto& r : rows) {
    out.push_back(screening_from_row(r));
    ids.push_back(out.back().id);
    version_ids.push_back(out.back().instrument_id);
  }
  INNET_ASSIGN_OR_RETURN(auto versions, find_versions(conn, version_ids));
  db::Params params(ids.begin(), ids.end());
  INNET_ASSIGN_OR_RETURN(
      auto decisions,
      conn.query("SELECT screening_id, category, confirmed, severity, note FROM "
                 "screening_decisions WHERE screening_id IN (" +
                     db::placeholders(ids.size()) + ") ORDER BY screening_id, category",
                 params));
  std::map<std::int64_t, std::vector<Decision>> by_screening;
  for (const auto& d : decisions)
    by_screening[d.integer(0)].push_back(
        {d.text(1), d.integer(2) != 0, d.opt_text(3), d.opt_text(4)});
  for (auto& s : out) {
    const auto v = versions.find(s.instrument_id);
    if (v == versions.end()) return Error::not_found("instrument version");
    evaluate(v->second, s);
    if (auto found = by_screening.find(s.id); found != by_screening.end())
      s.decisions = std::move(found->second);
  }
  return out;
}

constexpr const char* kFlagColumns =
    "SELECT id, case_id, category, severity, identified_on, identified_by, source, screening_id, "
    "note, status FROM vulnerability_flags";

// The flags of these rows with their changes, read in one more statement.
Result<std::vector<Flag>> flags_from_rows(db::Connection& conn, const db::Rows& rows) {
  std::vector<Flag> out;
  if (rows.empty()) return out;
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) {
    out.push_back({.id = r.integer(0),
                   .case_id = r.integer(1),
                   .category = r.text(2),
                   .severity = r.text(3),
                   .identified_on = r.text(4),
                   .identified_by = r.integer(5),
                   .source = r.text(6),
                   .screening_id = r.opt_integer(7),
                   .note = r.opt_text(8),
                   .status = r.text(9)});
    ids.push_back(out.back().id);
  }
  db::Params params(ids.begin(), ids.end());
  INNET_ASSIGN_OR_RETURN(
      auto changes,
      conn.query("SELECT flag_id, id, kind, category_before, severity_before, category_after, "
                 "severity_after, reason, changed_by, changed_at FROM vulnerability_flag_changes "
                 "WHERE flag_id IN (" +
                     db::placeholders(ids.size()) + ") ORDER BY flag_id, id",
                 params));
  std::map<std::int64_t, std::vector<FlagChange>> by_flag;
  for (const auto& c : changes)
    by_flag[c.integer(0)].push_back({c.integer(1), c.text(2), c.opt_text(3), c.opt_text(4),
                                     c.opt_text(5), c.opt_text(6), c.text(7), c.integer(8),
                                     c.text(9)});
  for (auto& f : out)
    if (auto found = by_flag.find(f.id); found != by_flag.end())
      f.changes = std::move(found->second);
  return out;
}

Status check_flag_values(const std::string& category, const std::string& severity) {
  if (!among(cases::vulnerability_categories(), category))
    return refused("category", FieldError::not_in_list(cases::vulnerability_categories()));
  if (!among(cases::vulnerability_severities(), severity))
    return refused("severity", FieldError::not_in_list(cases::vulnerability_severities()));
  return Status::success();
}

Status no_active_flag(db::Connection& conn, std::int64_t case_id, const std::string& category,
                      std::int64_t except_id = 0) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id FROM vulnerability_flags WHERE case_id = ? AND category = ? "
                            "AND status = 'active' AND id <> ?",
                            {case_id, category, except_id}));
  if (!rows.empty())
    return Error::rule(ErrorKind::conflict, "flag_exists", "category",
                       ScreeningErrors::flag_exists(category));
  return Status::success();
}

Result<std::int64_t> insert_flag(db::Connection& conn, const Flag& f) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO vulnerability_flags (case_id, category, severity, identified_on, "
                 "identified_by, source, screening_id, note, status) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active') RETURNING id",
                 {f.case_id, f.category, f.severity, f.identified_on, f.identified_by, f.source,
                  db::optional_value(f.screening_id), db::optional_value(f.note)}));
  return rows[0].integer(0);
}

Result<Screening> editable(db::Connection& conn, std::int64_t id, std::int64_t version_id) {
  INNET_ASSIGN_OR_RETURN(auto s, find_screening(conn, id));
  if (s.status != "draft")
    return Error::rule(ErrorKind::conflict, "screening_completed", "status",
                       ScreeningErrors::completed());
  if (version_id != s.instrument_id)
    return refused("instrument_version_id", InstrumentErrors::other_version(s.instrument_id));
  INNET_ASSIGN_OR_RETURN(auto v, find_version(conn, s.instrument_id));
  if (v.retired_at) return refused("instrument_version_id", InstrumentErrors::retired(v.version));
  return s;
}

}  // namespace

const std::vector<std::string>& stages() {
  static const std::vector<std::string> v = {"first", "periodic", "trigger"};
  return v;
}
const std::vector<std::string>& screening_statuses() {
  static const std::vector<std::string> v = {"draft", "completed"};
  return v;
}
const std::vector<std::string>& flag_statuses() {
  static const std::vector<std::string> v = {"active", "withdrawn"};
  return v;
}
const std::vector<std::string>& flag_sources() {
  static const std::vector<std::string> v = {"screening", "manual"};
  return v;
}

FieldError ScreeningErrors::completed() {
  return {"screening_completed", {}, "the screening is completed and changes no more"};
}
FieldError ScreeningErrors::not_suggested(const std::string& category) {
  return {"not_suggested", {{"category", category}}, "the answers do not point to " + category};
}
FieldError ScreeningErrors::undecided(const std::string& category) {
  return {"undecided", {{"category", category}}, "no decision on " + category};
}
FieldError ScreeningErrors::withdrawn() {
  return {"flag_withdrawn", {}, "the flag is withdrawn and changes no more"};
}
FieldError ScreeningErrors::flag_exists(const std::string& category) {
  return {"flag_exists", {{"category", category}}, "the case has an active flag " + category};
}

CivilDay plus_months(CivilDay day, std::int64_t months) {
  using namespace std::chrono;
  const auto ymd = day.year_month_day();
  const auto ym = ymd.year() / ymd.month() + std::chrono::months{months};
  // The 31st of a month of 30 days is its last day.
  const auto last = year_month_day_last(ym.year(), month_day_last(ym.month())).day();
  return CivilDay(year_month_day(ym.year(), ym.month(), std::min(ymd.day(), last)));
}

std::string Schedule::state(CivilDay today) const {
  if (!owed_from || !due_on) return "none";
  const auto today_text = today.to_string();
  if (*owed_from > today_text) return "upcoming";
  return *due_on >= today_text ? "due" : "late";
}

void evaluate(const InstrumentVersion& v, Screening& s) {
  s.instrument_code = v.code;
  s.instrument_version = v.version;
  s.suggestions.clear();
  std::map<std::string, std::int64_t> counts;
  if (v.code == "ipsn") {
    std::map<std::string, const Indicator*> by_code;
    for (const auto& i : v.definition.indicators) by_code[i.code] = &i;
    for (const auto& a : s.answers) {
      auto found = by_code.find(a.code);
      if (!a.value || found == by_code.end()) continue;
      for (const auto& c : found->second->categories) ++counts[c];
    }
  } else {
    std::int64_t score = 0;
    for (const auto& a : s.answers) score += a.value ? 1 : 0;
    s.score = score;
    for (const auto& b : v.definition.bands)
      if (score >= b.min && score <= b.max) s.band = b.band;
    s.referral_suggested = v.definition.referral_cut_off && score >= *v.definition.referral_cut_off;
    if (s.referral_suggested) counts[kProtectCategory] = 1;
  }
  // In the vocabulary's order, the same on every page.
  for (const auto& c : cases::vulnerability_categories())
    if (counts.count(c)) s.suggestions.push_back({c, counts[c]});
}

Result<Screening> start_screening(db::Connection& conn, const Screening& s) {
  INNET_ASSIGN_OR_RETURN(auto v, find_version(conn, s.instrument_id));
  if (v.retired_at) return refused("instrument_version_id", InstrumentErrors::retired(v.version));
  if (!among(stages(), s.stage)) return refused("stage", FieldError::not_in_list(stages()));
  if (s.stage == "trigger" && !s.trigger_reason)
    return Error::rule(ErrorKind::unprocessable, "reason_required", "trigger_reason",
                       FieldError::required());
  if (s.stage != "trigger" && s.trigger_reason)
    return refused("trigger_reason", FieldError::both_or_neither("stage trigger"));
  INNET_TRY(check_answers(v, s.answers));
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO screenings (case_id, instrument_id, stage, trigger_reason, answers, "
                 "status, started_by, started_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?) RETURNING id",
                 {s.case_id, s.instrument_id, s.stage, db::optional_value(s.trigger_reason),
                  answers_json(s.answers), s.started_by, s.started_at, s.started_at}));
  return find_screening(conn, rows[0].integer(0));
}

Result<Screening> find_screening(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string(kScreeningColumns) + " WHERE s.id = ?", {id}));
  if (rows.empty()) return Error::not_found("screening");
  INNET_ASSIGN_OR_RETURN(auto found, screenings_from_rows(conn, rows));
  return std::move(found.front());
}

Result<std::vector<Screening>> screenings_of(db::Connection& conn, std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string(kScreeningColumns) +
                                                   " WHERE s.case_id = ? ORDER BY s.started_at "
                                                   "DESC, s.id DESC",
                                               {case_id}));
  return screenings_from_rows(conn, rows);
}

Result<Screening> save_answers(db::Connection& conn, std::int64_t id, std::int64_t version_id,
                               const std::vector<Answer>& answers, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto s, editable(conn, id, version_id));
  INNET_ASSIGN_OR_RETURN(auto v, find_version(conn, s.instrument_id));
  INNET_TRY(check_answers(v, answers));
  INNET_TRY(conn.execute("UPDATE screenings SET answers = ?, updated_at = ? WHERE id = ?",
                         {answers_json(answers), now, id}));
  return find_screening(conn, id);
}

Result<Screening> complete_screening(db::Connection& conn, std::int64_t id, std::int64_t version_id,
                                     const std::vector<Decision>& decisions, std::int64_t user_id,
                                     CivilDay today, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto s, editable(conn, id, version_id));
  std::set<std::string> suggested, decided;
  for (const auto& g : s.suggestions) suggested.insert(g.category);
  for (std::size_t k = 0; k < decisions.size(); ++k) {
    const auto& d = decisions[k];
    const std::string at = "decisions[" + std::to_string(k) + "]";
    if (!suggested.count(d.category))
      return refused(at + ".category", ScreeningErrors::not_suggested(d.category));
    if (!decided.insert(d.category).second) return refused(at + ".category", FieldError::taken());
    if (d.confirmed && !d.severity) return refused(at + ".severity", FieldError::required());
    if (!d.confirmed && d.severity)
      return refused(at + ".severity", FieldError::both_or_neither("confirmed"));
    if (!d.note) return refused(at + ".note", FieldError::required());
  }
  for (const auto& category : suggested)
    if (!decided.count(category)) return refused("decisions", ScreeningErrors::undecided(category));
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE screenings SET status = 'completed', completed_by = ?, "
                   "completed_at = ?, updated_at = ? WHERE id = ? AND status = 'draft'",
                   {user_id, now, now, id}),
      "screening"));
  for (const auto& d : decisions) {
    INNET_TRY(
        conn.execute("INSERT INTO screening_decisions (screening_id, category, confirmed, "
                     "severity, note) VALUES (?, ?, ?, ?, ?)",
                     {id, d.category, std::int64_t{d.confirmed ? 1 : 0},
                      db::optional_value(d.severity), db::optional_value(d.note)}));
    if (!d.confirmed) continue;
    // A category flagged already keeps its flag: the new screening confirms it, and a change of
    // severity is a correction with its reason.
    INNET_ASSIGN_OR_RETURN(
        auto active,
        conn.query("SELECT id FROM vulnerability_flags WHERE case_id = ? AND category = ? AND "
                   "status = 'active'",
                   {s.case_id, d.category}));
    if (!active.empty()) continue;
    INNET_TRY(insert_flag(conn, {.case_id = s.case_id,
                                 .category = d.category,
                                 .severity = *d.severity,
                                 .identified_on = today.to_string(),
                                 .identified_by = user_id,
                                 .source = "screening",
                                 .screening_id = id}));
  }
  return find_screening(conn, id);
}

Result<Flag> add_flag(db::Connection& conn, const Flag& f) {
  INNET_TRY(check_flag_values(f.category, f.severity));
  INNET_TRY(no_active_flag(conn, f.case_id, f.category));
  INNET_ASSIGN_OR_RETURN(auto id, insert_flag(conn, f));
  return find_flag(conn, id);
}

Result<Flag> find_flag(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string(kFlagColumns) + " WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("flag");
  INNET_ASSIGN_OR_RETURN(auto found, flags_from_rows(conn, rows));
  return std::move(found.front());
}

Result<std::vector<Flag>> flags_of(db::Connection& conn, std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string(kFlagColumns) +
                                " WHERE case_id = ? ORDER BY status, identified_on DESC, id DESC",
                            {case_id}));
  return flags_from_rows(conn, rows);
}

Result<Flag> withdraw_flag(db::Connection& conn, std::int64_t id, const std::string& reason,
                           std::int64_t user_id, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto f, find_flag(conn, id));
  if (f.status != "active")
    return Error::rule(ErrorKind::conflict, "flag_withdrawn", "status",
                       ScreeningErrors::withdrawn());
  INNET_TRY(conn.execute("UPDATE vulnerability_flags SET status = 'withdrawn' WHERE id = ?", {id}));
  INNET_TRY(conn.execute(
      "INSERT INTO vulnerability_flag_changes (flag_id, kind, category_before, severity_before, "
      "reason, changed_by, changed_at) VALUES (?, 'withdrawal', ?, ?, ?, ?, ?)",
      {id, f.category, f.severity, reason, user_id, now}));
  return find_flag(conn, id);
}

Result<Flag> correct_flag(db::Connection& conn, std::int64_t id,
                          const std::optional<std::string>& category,
                          const std::optional<std::string>& severity, const std::string& reason,
                          std::int64_t user_id, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto f, find_flag(conn, id));
  if (f.status != "active")
    return Error::rule(ErrorKind::conflict, "flag_withdrawn", "status",
                       ScreeningErrors::withdrawn());
  if (!category && !severity) return refused("severity", FieldError::required());
  const auto new_category = category.value_or(f.category);
  const auto new_severity = severity.value_or(f.severity);
  INNET_TRY(check_flag_values(new_category, new_severity));
  INNET_TRY(no_active_flag(conn, f.case_id, new_category, f.id));
  INNET_TRY(conn.execute("UPDATE vulnerability_flags SET category = ?, severity = ? WHERE id = ?",
                         {new_category, new_severity, id}));
  INNET_TRY(conn.execute(
      "INSERT INTO vulnerability_flag_changes (flag_id, kind, category_before, severity_before, "
      "category_after, severity_after, reason, changed_by, changed_at) "
      "VALUES (?, 'correction', ?, ?, ?, ?, ?, ?, ?)",
      {id, f.category, f.severity, new_category, new_severity, reason, user_id, now}));
  return find_flag(conn, id);
}

Result<Settings> settings(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT first_due_days, rescreen_months FROM screening_settings"));
  if (rows.empty()) return Settings{};
  return Settings{rows[0].integer(0), rows[0].integer(1)};
}

namespace {

Result<std::map<std::int64_t, Done>> done_of(db::Connection& conn,
                                             const std::optional<std::int64_t>& case_id) {
  std::string sql =
      "SELECT case_id, MIN(CASE WHEN status = 'completed' THEN completed_at END), "
      "MAX(CASE WHEN status = 'completed' THEN completed_at END), "
      "MIN(CASE WHEN status = 'draft' AND stage = 'trigger' THEN started_at END) "
      "FROM screenings";
  db::Params params;
  if (case_id) {
    sql += " WHERE case_id = ?";
    params.push_back(*case_id);
  }
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " GROUP BY case_id", params));
  std::map<std::int64_t, Done> out;
  auto day = [](const db::Row& r, std::size_t i) -> std::optional<CivilDay> {
    if (r.is_null(i)) return std::nullopt;
    return CivilDay::parse(r.text(i).substr(0, 10));
  };
  for (const auto& r : rows) out[r.integer(0)] = {day(r, 1), day(r, 2), day(r, 3)};
  return out;
}

}  // namespace

Schedule compute_schedule(std::int64_t case_id, CivilDay arrival, bool closed, const Done& done,
                          const Settings& s) {
  Schedule out{.case_id = case_id,
               .arrival_on = arrival.to_string(),
               .first_due_on = arrival.plus_days(s.first_due_days).to_string()};
  if (done.first) out.first_screened_on = done.first->to_string();
  if (closed) return out;
  CivilDay owed = arrival;
  if (done.trigger)
    owed = *done.trigger;
  else if (done.last)
    owed = plus_months(*done.last, s.rescreen_months);
  out.owed_from = owed.to_string();
  out.due_on = owed.plus_days(s.first_due_days).to_string();
  return out;
}

namespace {

Status write_schedule(db::Connection& conn, const Schedule& s) {
  INNET_TRY(conn.execute("DELETE FROM screening_schedules WHERE case_id = ?", {s.case_id}));
  return insert_schedules(conn, {s});
}

Schedule schedule_from_row(const db::Row& r) {
  return {.case_id = r.integer(0),
          .arrival_on = r.text(1),
          .first_due_on = r.text(2),
          .first_screened_on = r.opt_text(3),
          .owed_from = r.opt_text(4),
          .due_on = r.opt_text(5)};
}

constexpr const char* kScheduleColumns =
    "SELECT case_id, arrival_on, first_due_on, first_screened_on, owed_from, due_on "
    "FROM screening_schedules";

}  // namespace

Status set_settings(db::Connection& conn, const Settings& s, std::int64_t user_id,
                    const std::string& now) {
  INNET_TRY(conn.execute(
      "UPDATE screening_settings SET first_due_days = ?, rescreen_months = ?, updated_by = ?, "
      "updated_at = ? WHERE id = 1",
      {s.first_due_days, s.rescreen_months, user_id, now}));
  // Every term follows from the arrival and the screenings: recomputed, closed cases (nothing
  // owed) staying closed.
  INNET_ASSIGN_OR_RETURN(auto done, done_of(conn, std::nullopt));
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(kScheduleColumns));
  for (const auto& r : rows) {
    const auto old = schedule_from_row(r);
    const auto fresh = compute_schedule(old.case_id, *CivilDay::parse(old.arrival_on),
                                        !old.owed_from, done[old.case_id], s);
    INNET_TRY(
        conn.execute("UPDATE screening_schedules SET first_due_on = ?, owed_from = ?, due_on = ? "
                     "WHERE case_id = ?",
                     {fresh.first_due_on, db::optional_value(fresh.owed_from),
                      db::optional_value(fresh.due_on), fresh.case_id}));
  }
  return Status::success();
}

Result<Schedule> current_schedule(db::Connection& conn, const cases::Case& c, CivilDay arrival,
                                  const Settings& s) {
  INNET_ASSIGN_OR_RETURN(auto done, done_of(conn, c.id));
  return compute_schedule(c.id, arrival, c.status == "closed", done[c.id], s);
}

Result<Schedule> refresh_schedule(db::Connection& conn, const cases::Case& c, CivilDay arrival,
                                  const Settings& s) {
  INNET_ASSIGN_OR_RETURN(auto fresh, current_schedule(conn, c, arrival, s));
  INNET_TRY(write_schedule(conn, fresh));
  return fresh;
}

Result<CivilDay> arrival_of(db::Connection& conn, const cases::Case& c) {
  INNET_ASSIGN_OR_RETURN(auto stays, reception::person_placements(conn, c.person_id));
  std::optional<std::string> first;
  for (const auto& p : stays)
    if (!first || p.start_date < *first) first = p.start_date;
  const auto day = CivilDay::parse(first.value_or(c.opened_at.substr(0, 10)));
  if (!day) return Error::internal("case " + std::to_string(c.id) + ": no arrival day");
  return *day;
}

Status schedule_missing(db::Connection& conn, const std::vector<cases::Case>& all,
                        const Settings& s) {
  std::vector<std::int64_t> ids;
  for (const auto& c : all) ids.push_back(c.id);
  INNET_ASSIGN_OR_RETURN(auto have, scheduled_among(conn, ids));
  const std::set<std::int64_t> scheduled(have.begin(), have.end());
  for (const auto& c : all) {
    if (scheduled.count(c.id)) continue;
    INNET_ASSIGN_OR_RETURN(auto arrival, arrival_of(conn, c));
    INNET_ASSIGN_OR_RETURN(auto done, done_of(conn, c.id));
    const auto fresh = compute_schedule(c.id, arrival, c.status == "closed", done[c.id], s);
    INNET_TRY(conn.execute(
        "INSERT INTO screening_schedules (case_id, arrival_on, first_due_on, first_screened_on, "
        "owed_from, due_on) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING",
        {fresh.case_id, fresh.arrival_on, fresh.first_due_on,
         db::optional_value(fresh.first_screened_on), db::optional_value(fresh.owed_from),
         db::optional_value(fresh.due_on)}));
  }
  return Status::success();
}

Result<std::optional<Schedule>> find_schedule(db::Connection& conn, std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string(kScheduleColumns) + " WHERE case_id = ?", {case_id}));
  if (rows.empty()) return std::optional<Schedule>{};
  return std::optional<Schedule>{schedule_from_row(rows[0])};
}

Result<std::vector<std::int64_t>> scheduled_among(db::Connection& conn,
                                                  const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> out;
  // In slices: an IN list of at most 500 values per statement.
  for (std::size_t k = 0; k < ids.size(); k += 500) {
    const auto n = std::min<std::size_t>(500, ids.size() - k);
    db::Params params(ids.begin() + k, ids.begin() + k + n);
    INNET_ASSIGN_OR_RETURN(auto rows,
                           conn.query("SELECT case_id FROM screening_schedules WHERE case_id IN (" +
                                          db::placeholders(n) + ")",
                                      params));
    for (const auto& r : rows) out.push_back(r.integer(0));
  }
  return out;
}

Result<std::vector<std::int64_t>> unscheduled_in(db::Connection& conn, const db::Subquery& open) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT k.id FROM (" + open.sql +
                                        ") k WHERE NOT EXISTS (SELECT 1 FROM screening_schedules s "
                                        "WHERE s.case_id = k.id)",
                                    open.params));
  std::vector<std::int64_t> out;
  for (const auto& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<Owed> count_owed(db::Connection& conn, const db::Subquery& open, CivilDay today) {
  db::Params params = {today.to_string(), today.to_string()};
  params.insert(params.end(), open.params.begin(), open.params.end());
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END), 0) "
                 "AS BIGINT) FROM screening_schedules WHERE owed_from <= ? AND case_id IN (" +
                     open.sql + ")",
                 params));
  return Owed{rows[0].integer(0), rows[0].integer(1)};
}

Result<std::vector<Schedule>> owed_in(db::Connection& conn, const db::Subquery& open,
                                      CivilDay today, std::int64_t limit) {
  db::Params params = {today.to_string()};
  params.insert(params.end(), open.params.begin(), open.params.end());
  params.push_back(limit);
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string(kScheduleColumns) +
                                                   " WHERE owed_from <= ? AND case_id IN (" +
                                                   open.sql + ") ORDER BY due_on, case_id LIMIT ?",
                                               params));
  std::vector<Schedule> out;
  for (const auto& r : rows) out.push_back(schedule_from_row(r));
  return out;
}

db::Subquery cases_flagged(const std::string& category) {
  return {"SELECT case_id FROM vulnerability_flags WHERE category = ? AND status = 'active'",
          {category}};
}

namespace {

// What a join records of the flags it withdrew: the ids of their withdrawal rows.
constexpr const char* kJoinWithdrawals = "vulnerability_flag_join_withdrawals";

// A case has one active flag of a category (no_active_flag); a join can bring a second (each
// record had one). The one kept active is the highest severity, on a tie the earliest identified
// (then the older row); the others are withdrawn as its duplicates, by the user merging, at the
// merge's time. Answers the ids of the withdrawal rows written.
Result<std::vector<std::int64_t>> withdraw_duplicates(db::Connection& conn, std::int64_t case_id,
                                                      const cases::JoinAct& act) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id, category, severity, identified_on FROM vulnerability_flags "
                            "WHERE case_id = ? AND status = 'active' ORDER BY category, id",
                            {case_id}));
  const auto& severities = cases::vulnerability_severities();
  const auto rank = [&](const db::Row& r) {
    return std::find(severities.begin(), severities.end(), r.text(2)) - severities.begin();
  };
  // The flag to keep of each category: rows come by id, so a full tie keeps the older row.
  std::map<std::string, const db::Row*> kept;
  for (const auto& r : rows) {
    const db::Row*& k = kept[r.text(1)];
    if (!k || rank(r) > rank(*k) || (rank(r) == rank(*k) && r.text(3) < k->text(3))) k = &r;
  }
  std::vector<std::int64_t> withdrawals;
  for (const auto& r : rows) {
    const db::Row* k = kept[r.text(1)];
    if (k == &r) continue;
    INNET_ASSIGN_OR_RETURN(auto withdrawn,
                           withdraw_flag(conn, r.integer(0),
                                         "withdrawn by the person merge as a duplicate of flag " +
                                             std::to_string(k->integer(0)),
                                         act.actor_id, act.at));
    withdrawals.push_back(withdrawn.changes.back().id);
  }
  return withdrawals;
}

// Undoes withdraw_duplicates, after the flags went back to their cases: each flag withdrawn is
// active again and its withdrawal row is deleted. Deleted, not answered by a row of its own:
// the withdrawal was no one's judgement of the flag but a consequence of a merge now undone, and
// the merge keeps its trace (person_merges: these rows' ids, who undid it, when and why); the
// flag's history is again what it was before, as a moved row is again where it was. A flag
// whose case has meanwhile an active flag of its category stays withdrawn, its withdrawal kept:
// a case has one active flag of a category.
Status reactivate_duplicates(db::Connection& conn, const std::vector<std::int64_t>& withdrawals) {
  for (auto change_id : withdrawals) {
    INNET_ASSIGN_OR_RETURN(
        auto rows, conn.query("SELECT f.id, f.case_id, f.category FROM vulnerability_flag_changes "
                              "c JOIN vulnerability_flags f ON f.id = c.flag_id "
                              "WHERE c.id = ? AND c.kind = 'withdrawal' AND f.status = 'withdrawn'",
                              {change_id}));
    if (rows.empty()) continue;
    const auto flag_id = rows[0].integer(0);
    if (!no_active_flag(conn, rows[0].integer(1), rows[0].text(2)).ok()) continue;
    INNET_TRY(
        conn.execute("UPDATE vulnerability_flags SET status = 'active' WHERE id = ?", {flag_id}));
    INNET_TRY(conn.execute("DELETE FROM vulnerability_flag_changes WHERE id = ?", {change_id}));
  }
  return Status::success();
}

}  // namespace

cases::CaseRecords joined_case_records() {
  auto rows = cases::case_records_in("screening", {"screenings", "vulnerability_flags"});
  auto move_rows = rows.move;
  auto restore_rows = rows.restore;
  rows.move = [move_rows](db::Connection& conn, std::int64_t kept_case, std::int64_t merged_case,
                          const cases::JoinAct& act) -> Result<std::vector<people::MovedRecords>> {
    INNET_ASSIGN_OR_RETURN(auto moved, move_rows(conn, kept_case, merged_case, act));
    INNET_ASSIGN_OR_RETURN(auto withdrawals, withdraw_duplicates(conn, kept_case, act));
    moved.push_back({kJoinWithdrawals, std::move(withdrawals)});
    INNET_ASSIGN_OR_RETURN(
        auto terms,
        conn.query("UPDATE screening_schedules SET case_id = ? WHERE case_id = ? AND NOT EXISTS "
                   "(SELECT 1 FROM screening_schedules k WHERE k.case_id = ?) RETURNING case_id",
                   {kept_case, merged_case, kept_case}));
    if (!terms.empty()) moved.push_back({"screening_schedules", {merged_case}});
    return moved;
  };
  rows.restore = [restore_rows](db::Connection& conn, std::int64_t kept_case,
                                std::int64_t merged_case,
                                const std::vector<people::MovedRecords>& moved) -> Status {
    INNET_TRY(restore_rows(conn, kept_case, merged_case, moved));
    for (const auto& m : moved) {
      if (m.kind == "screening_schedules")
        INNET_TRY(conn.execute("UPDATE screening_schedules SET case_id = ? WHERE case_id = ?",
                               {merged_case, kept_case}));
      if (m.kind == kJoinWithdrawals) INNET_TRY(reactivate_duplicates(conn, m.ids));
    }
    return Status::success();
  };
  return rows;
}

db::Subquery persons_flagged(const std::string& severity) {
  return cases::persons_of_cases(
      {"SELECT case_id FROM vulnerability_flags WHERE severity = ? AND status = 'active'",
       {severity}});
}

db::Subquery cases_due(const std::string& value, CivilDay today) {
  if (value == "late")
    return {"SELECT case_id FROM screening_schedules WHERE due_on < ?", {today.to_string()}};
  // Owed by today means due from today to today + the settings' days: a short range of the
  // (due_on, owed_from) index rather than every open case's future term.
  return {
      "SELECT case_id FROM screening_schedules WHERE due_on >= ? AND due_on <= ? "
      "AND owed_from <= ?",
      {today.to_string(), today.plus_days(kMaxFirstDueDays).to_string(), today.to_string()}};
}

Result<std::vector<Timeliness>> timeliness(db::Connection& conn, CivilMonth from, CivilMonth to) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT SUBSTR(arrival_on, 1, 7), COUNT(*), "
                 "CAST(SUM(CASE WHEN first_screened_on <= first_due_on THEN 1 ELSE 0 END) AS "
                 "BIGINT), "
                 "CAST(SUM(CASE WHEN first_screened_on > first_due_on THEN 1 ELSE 0 END) AS "
                 "BIGINT) "
                 "FROM screening_schedules WHERE arrival_on >= ? AND arrival_on < ? "
                 "GROUP BY SUBSTR(arrival_on, 1, 7)",
                 {from.first_day().to_string(), to.next().first_day().to_string()}));
  std::map<std::string, Timeliness> by_month;
  for (const auto& r : rows)
    by_month[r.text(0)] = {r.text(0), r.integer(1), r.integer(2), r.integer(3),
                           r.integer(1) - r.integer(2) - r.integer(3)};
  // Every month of the range, a month without arrivals as zeros.
  std::vector<Timeliness> out;
  for (auto m = from; m <= to; m = m.next()) {
    auto found = by_month.find(m.to_string());
    out.push_back(found != by_month.end() ? found->second : Timeliness{m.to_string()});
  }
  return out;
}

namespace {

// The ids a bulk insert gave, in the order of its rows: ids grow in insertion order within the
// seed's one transaction, the only writer.
Result<std::vector<std::int64_t>> ids_after(db::Connection& conn, const std::string& table,
                                            std::int64_t last) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id FROM " + table + " WHERE id > ? ORDER BY id", {last}));
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.integer(0));
  return ids;
}

Result<std::int64_t> last_id(db::Connection& conn, const std::string& table) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT COALESCE(MAX(id), 0) FROM " + table));
  return rows[0].integer(0);
}

}  // namespace

Status insert_screenings(db::Connection& conn, std::vector<Screening>& screenings) {
  INNET_ASSIGN_OR_RETURN(auto last, last_id(conn, "screenings"));
  INNET_TRY(db::insert_many(
      conn,
      "INSERT INTO screenings (case_id, instrument_id, stage, trigger_reason, answers, status, "
      "started_by, started_at, updated_at, completed_by, completed_at) VALUES ",
      11, screenings.size(),
      [&](std::size_t i, db::Params& p) {
        const auto& s = screenings[i];
        p.insert(p.end(),
                 {s.case_id, s.instrument_id, s.stage, db::optional_value(s.trigger_reason),
                  answers_json(s.answers), s.status, s.started_by, s.started_at, s.updated_at,
                  db::optional_value(s.completed_by), db::optional_value(s.completed_at)});
      },
      80));
  INNET_ASSIGN_OR_RETURN(auto ids, ids_after(conn, "screenings", last));
  if (ids.size() != screenings.size()) return Error::internal("screenings: ids do not match rows");
  std::vector<std::pair<std::int64_t, const Decision*>> decisions;
  for (std::size_t k = 0; k < screenings.size(); ++k) {
    screenings[k].id = ids[k];
    for (const auto& d : screenings[k].decisions) decisions.emplace_back(ids[k], &d);
  }
  return db::insert_many(
      conn,
      "INSERT INTO screening_decisions (screening_id, category, confirmed, severity, note) VALUES ",
      5, decisions.size(), [&](std::size_t i, db::Params& p) {
        const auto& [id, d] = decisions[i];
        p.insert(p.end(), {id, d->category, std::int64_t{d->confirmed ? 1 : 0},
                           db::optional_value(d->severity), db::optional_value(d->note)});
      });
}

Status insert_flags(db::Connection& conn, std::vector<Flag>& flags) {
  INNET_ASSIGN_OR_RETURN(auto last, last_id(conn, "vulnerability_flags"));
  INNET_TRY(db::insert_many(
      conn,
      "INSERT INTO vulnerability_flags (case_id, category, severity, identified_on, "
      "identified_by, source, screening_id, note, status) VALUES ",
      9, flags.size(), [&](std::size_t i, db::Params& p) {
        const auto& f = flags[i];
        p.insert(p.end(),
                 {f.case_id, f.category, f.severity, f.identified_on, f.identified_by, f.source,
                  db::optional_value(f.screening_id), db::optional_value(f.note), f.status});
      }));
  INNET_ASSIGN_OR_RETURN(auto ids, ids_after(conn, "vulnerability_flags", last));
  if (ids.size() != flags.size()) return Error::internal("flags: ids do not match rows");
  std::vector<std::pair<std::int64_t, const FlagChange*>> changes;
  for (std::size_t k = 0; k < flags.size(); ++k) {
    flags[k].id = ids[k];
    for (const auto& c : flags[k].changes) changes.emplace_back(ids[k], &c);
  }
  return db::insert_many(
      conn,
      "INSERT INTO vulnerability_flag_changes (flag_id, kind, category_before, severity_before, "
      "category_after, severity_after, reason, changed_by, changed_at) VALUES ",
      9, changes.size(), [&](std::size_t i, db::Params& p) {
        const auto& [id, c] = changes[i];
        p.insert(p.end(),
                 {id, c->kind, db::optional_value(c->category_before),
                  db::optional_value(c->severity_before), db::optional_value(c->category_after),
                  db::optional_value(c->severity_after), c->reason, c->changed_by, c->changed_at});
      });
}

Status insert_schedules(db::Connection& conn, const std::vector<Schedule>& schedules) {
  return db::insert_many(
      conn,
      "INSERT INTO screening_schedules (case_id, arrival_on, first_due_on, "
      "first_screened_on, owed_from, due_on) VALUES ",
      6, schedules.size(), [&](std::size_t i, db::Params& p) {
        const auto& s = schedules[i];
        p.insert(p.end(),
                 {s.case_id, s.arrival_on, s.first_due_on, db::optional_value(s.first_screened_on),
                  db::optional_value(s.owed_from), db::optional_value(s.due_on)});
      });
}

std::vector<db::Migration> migrations(db::Engine engine) {
  auto all = instrument_migrations(engine);
  // Every table names the case; cases.person_id stays the one person reference, so a merge of
  // two persons moves nothing here.
  const std::string tables = R"sql(
CREATE TABLE screenings (
  id {{pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  instrument_id BIGINT NOT NULL REFERENCES screening_instruments (id),
  stage TEXT NOT NULL CHECK (stage IN ('first', 'periodic', 'trigger')),
  trigger_reason TEXT,
  answers TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'completed')),
  started_by BIGINT NOT NULL REFERENCES users (id),
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_by BIGINT REFERENCES users (id),
  completed_at TEXT,
  CHECK ((status = 'draft') = (completed_at IS NULL))
);
CREATE INDEX screenings_case ON screenings (case_id);
CREATE TABLE screening_decisions (
  screening_id BIGINT NOT NULL REFERENCES screenings (id),
  category TEXT NOT NULL,
  confirmed INTEGER NOT NULL,
  severity TEXT,
  note TEXT,
  PRIMARY KEY (screening_id, category)
);
CREATE TABLE vulnerability_flags (
  id {{pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  category TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  identified_on TEXT NOT NULL,
  identified_by BIGINT NOT NULL REFERENCES users (id),
  source TEXT NOT NULL CHECK (source IN ('screening', 'manual')),
  screening_id BIGINT REFERENCES screenings (id),
  note TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'withdrawn')),
  CHECK ((source = 'screening') = (screening_id IS NOT NULL))
);
CREATE INDEX vulnerability_flags_case ON vulnerability_flags (case_id);
CREATE INDEX vulnerability_flags_category ON vulnerability_flags (category, status, case_id);
CREATE TABLE vulnerability_flag_changes (
  id {{pk}},
  flag_id BIGINT NOT NULL REFERENCES vulnerability_flags (id),
  kind TEXT NOT NULL CHECK (kind IN ('correction', 'withdrawal')),
  category_before TEXT,
  severity_before TEXT,
  category_after TEXT,
  severity_after TEXT,
  reason TEXT NOT NULL,
  changed_by BIGINT NOT NULL REFERENCES users (id),
  changed_at TEXT NOT NULL
);
CREATE INDEX vulnerability_flag_changes_flag ON vulnerability_flag_changes (flag_id);
CREATE TABLE screening_schedules (
  case_id BIGINT PRIMARY KEY REFERENCES cases (id),
  arrival_on TEXT NOT NULL,
  first_due_on TEXT NOT NULL,
  first_screened_on TEXT,
  owed_from TEXT,
  due_on TEXT
);
CREATE INDEX screening_schedules_due ON screening_schedules (due_on, owed_from);
CREATE INDEX screening_schedules_arrival ON screening_schedules (arrival_on);
CREATE TABLE screening_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  first_due_days BIGINT NOT NULL,
  rescreen_months BIGINT NOT NULL,
  updated_by BIGINT REFERENCES users (id),
  updated_at TEXT
);
INSERT INTO screening_settings (id, first_due_days, rescreen_months) VALUES (1, 7, 6);
)sql";
  all.push_back({.version = 2,
                 .name = "screening: screenings, decisions, flags, schedules, settings",
                 .sql = tables});
  // The list's `screening=late` and `due` filters read the case ids from this index alone: from
  // the table, 31,000 late cases of the nation cost a row each (the key is not the rowid).
  all.push_back({.version = 3,
                 .name = "screening: the terms' index covers the case",
                 .sql = "DROP INDEX screening_schedules_due;\n"
                        "CREATE INDEX screening_schedules_due ON screening_schedules "
                        "(due_on, owed_from, case_id);\n"});
  return all;
}

}  // namespace innet::screening
