#include "reception/absences/absences.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "core/clock.h"
#include "reception/placements/placements.h"
#include "reception/register/register.h"
#include "reception/register/register_days.h"

namespace innet::reception {
namespace {

constexpr const char* kNoticeColumns =
    "n.id, n.placement_id, n.person_id, n.centre_id, n.first_day, n.last_day, n.hours, "
    "n.drafted_at, n.sent_at, n.sent_by, n.sent_note, d.id, d.outcome, d.measure_from, "
    "d.measure_until, d.decree_number, d.decree_date, d.vulnerability_review, "
    "d.vulnerability_reviewer, d.note, d.decided_by, d.decided_at";

Notice notice_from_row(const db::Row& r) {
  Notice n;
  n.id = r.integer(0);
  n.placement_id = r.integer(1);
  n.person_id = r.integer(2);
  n.centre_id = r.integer(3);
  n.first_day = r.text(4);
  n.last_day = r.text(5);
  n.hours = r.integer(6);
  n.drafted_at = r.text(7);
  n.sent_at = r.opt_text(8);
  n.sent_by = r.opt_integer(9);
  n.sent_note = r.opt_text(10);
  if (!r.is_null(11)) {
    Decision d;
    d.id = r.integer(11);
    d.notice_id = n.id;
    d.outcome = r.text(12);
    d.measure_from = r.opt_text(13);
    d.measure_until = r.opt_text(14);
    d.decree_number = r.opt_text(15);
    d.decree_date = r.opt_text(16);
    d.vulnerability_review = r.opt_text(17);
    d.vulnerability_reviewer = r.opt_text(18);
    d.note = r.opt_text(19);
    d.decided_by = r.integer(20);
    d.decided_at = r.text(21);
    n.decision = std::move(d);
  }
  return n;
}

Result<std::vector<Notice>> select_notices(db::Connection& conn, const std::string& where,
                                           const db::Params& params) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kNoticeColumns +
                                        " FROM absence_notices n LEFT JOIN absence_decisions d ON "
                                        "d.notice_id = n.id WHERE " +
                                        where + " ORDER BY n.id DESC",
                                    params));
  std::vector<Notice> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(notice_from_row(r));
  return out;
}

// The days each person was absent without notice at the centre, from `from` to `today`.
Result<std::map<std::int64_t, std::set<CivilDay>>> unjustified_days(
    db::Connection& conn, std::int64_t centre_id, std::optional<std::int64_t> person_id,
    CivilDay from, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto entries,
                         absence_entries_between(conn, centre_id, from, today.plus_days(1)));
  std::map<std::int64_t, std::set<CivilDay>> out;
  for (const auto& a : effective_absences(entries)) {
    if (person_id && a.person_id != *person_id) continue;
    if (!unjustified_reason(a.reason)) continue;
    INNET_ASSIGN_OR_RETURN(const CivilDay day, stored_day(a.day));
    out[a.person_id].insert(day);
  }
  return out;
}

std::optional<AbsenceRun> run_in(const std::set<CivilDay>& days, CivilDay day,
                                 std::int64_t centre_id, std::int64_t person_id) {
  if (!days.count(day)) return std::nullopt;
  CivilDay first = day, last = day;
  while (days.count(first.plus_days(-1))) first = first.plus_days(-1);
  while (days.count(last.plus_days(1))) last = last.plus_days(1);
  return AbsenceRun{person_id, centre_id, first.to_string(), last.to_string(),
                    first.days_until(last) + 1};
}

// from + n months, the day clamped to the month's last.
CivilDay plus_months(CivilDay from, int n) {
  using namespace std::chrono;
  const auto ymd = from.year_month_day();
  const year_month ym = ymd.year() / ymd.month() + months{n};
  const auto last = year_month_day_last(ym.year(), month_day_last(ym.month())).day();
  return CivilDay(ym / std::min(ymd.day(), last));
}

Status check_reduction(const NewDecision& d) {
  if (!d.measure_from)
    return Error::field(ErrorKind::invalid_input, "measure_from", FieldError::required());
  if (!d.measure_until)
    return Error::field(ErrorKind::invalid_input, "measure_until", FieldError::required());
  return check_measure_period(*d.measure_from, *d.measure_until, "measure_until");
}

VulnerabilityCheck& vulnerability_check() {
  static VulnerabilityCheck check;
  return check;
}

}  // namespace

Status check_measure_period(CivilDay from, CivilDay until, const std::string& until_field) {
  const CivilDay earliest = from.plus_days(30);
  const CivilDay latest = plus_months(from, 6);
  if (until < earliest || until > latest)
    return Error::rule(ErrorKind::unprocessable, "measure_period", until_field,
                       FieldError::date_out_of_range(earliest.to_string(), latest.to_string()));
  return Status::success();
}

bool unjustified_reason(const std::string& reason) {
  return reason == "unauthorised";
}

const std::vector<std::string>& measure_outcomes() {
  static const std::vector<std::string> all = {"no_measure", "reduction", "revocation"};
  return all;
}

Result<std::optional<AbsenceRun>> run_containing(db::Connection& conn, std::int64_t centre_id,
                                                 std::int64_t person_id, CivilDay day,
                                                 CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto days, unjustified_days(conn, centre_id, person_id,
                                                     day.plus_days(-kLongestRunDays), today));
  return run_in(days[person_id], day, centre_id, person_id);
}

Result<std::map<std::int64_t, AbsenceRun>> runs_on(db::Connection& conn, std::int64_t centre_id,
                                                   CivilDay day, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto days, unjustified_days(conn, centre_id, std::nullopt,
                                                     day.plus_days(-kLongestRunDays), today));
  std::map<std::int64_t, AbsenceRun> out;
  for (const auto& [person, set] : days)
    if (auto run = run_in(set, day, centre_id, person)) out.emplace(person, *run);
  return out;
}

Result<std::optional<Notice>> draft_notice_if_due(db::Connection& conn, std::int64_t centre_id,
                                                  std::int64_t person_id, CivilDay day,
                                                  int threshold_hours, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto run, run_containing(conn, centre_id, person_id, day, today));
  if (!run || run->hours() < threshold_hours) return std::optional<Notice>();
  INNET_ASSIGN_OR_RETURN(auto placed, placements_on(conn, centre_id, day));
  auto placement = std::find_if(placed.begin(), placed.end(),
                                [&](const Placement& p) { return p.person_id == person_id; });
  if (placement == placed.end()) return std::optional<Notice>();
  // One notice per run: any notice of the placement overlapping the run covers it.
  INNET_ASSIGN_OR_RETURN(
      auto existing,
      select_notices(conn, "n.placement_id = ? AND n.first_day <= ? AND n.last_day >= ?",
                     {placement->id, run->last_day, run->first_day}));
  if (!existing.empty()) return std::optional<Notice>();
  // The day the run reached the threshold.
  INNET_ASSIGN_OR_RETURN(const CivilDay first, stored_day(run->first_day));
  const std::int64_t days_needed = (threshold_hours + 23) / 24;
  const CivilDay crossing = first.plus_days(std::max<std::int64_t>(days_needed, 1) - 1);
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO absence_notices (placement_id, person_id, centre_id, first_day, "
                 "last_day, hours, drafted_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {placement->id, person_id, centre_id, run->first_day, crossing.to_string(),
                  first.days_until(crossing) * 24 + 24, clock::now_iso()}));
  INNET_ASSIGN_OR_RETURN(auto notice, find_notice(conn, rows[0].integer(0)));
  return std::optional<Notice>(std::move(notice));
}

Result<Notice> find_notice(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto found, select_notices(conn, "n.id = ?", {id}));
  if (found.empty()) return Error::not_found("notice");
  return found[0];
}

Result<std::vector<Notice>> list_notices(db::Connection& conn, const std::string& status,
                                         const std::optional<db::Subquery>& centres) {
  std::string where = "1 = 1";
  db::Params params;
  if (status == "draft") where += " AND n.sent_at IS NULL";
  if (status == "sent") where += " AND n.sent_at IS NOT NULL AND d.id IS NULL";
  if (status == "decided") where += " AND d.id IS NOT NULL";
  if (centres) {
    where += " AND n.centre_id IN (" + centres->sql + ")";
    params.insert(params.end(), centres->params.begin(), centres->params.end());
  }
  return select_notices(conn, where, params);
}

Result<std::vector<Notice>> open_notices_of_centre(db::Connection& conn, std::int64_t centre_id) {
  return select_notices(conn, "n.centre_id = ? AND d.id IS NULL", {centre_id});
}

Result<Notice> send_notice(db::Connection& conn, std::int64_t id,
                           const std::optional<std::string>& note, std::int64_t user_id) {
  INNET_ASSIGN_OR_RETURN(auto notice, find_notice(conn, id));
  INNET_ASSIGN_OR_RETURN(
      auto changed,
      conn.execute("UPDATE absence_notices SET sent_at = ?, sent_by = ?, sent_note = ? WHERE "
                   "id = ? AND sent_at IS NULL",
                   {clock::now_iso(), user_id, db::optional_value(note), notice.id}));
  if (changed == 0)
    return Error::make(ErrorKind::conflict, "already_sent",
                       "notice " + std::to_string(id) + " was already sent");
  return find_notice(conn, id);
}

void set_vulnerability_check(VulnerabilityCheck check) {
  vulnerability_check() = std::move(check);
}

Result<bool> has_confirmed_vulnerability(db::Connection& conn, std::int64_t person_id) {
  if (!vulnerability_check()) return false;
  return vulnerability_check()(conn, person_id);
}

Result<Notice> decide(db::Connection& conn, std::int64_t notice_id, const NewDecision& d,
                      CivilDay today) {
  const auto& outcomes = measure_outcomes();
  if (std::find(outcomes.begin(), outcomes.end(), d.outcome) == outcomes.end())
    return Error::field(ErrorKind::invalid_input, "outcome", FieldError::not_in_list(outcomes));
  INNET_ASSIGN_OR_RETURN(auto notice, find_notice(conn, notice_id));
  if (notice.decision)
    return Error::make(ErrorKind::conflict, "already_decided",
                       "notice " + std::to_string(notice_id) + " was decided already");
  if (!notice.sent_at)
    return Error::make(ErrorKind::conflict, "not_sent",
                       "notice " + std::to_string(notice_id) + " has not been sent yet");
  if (d.outcome == "reduction") INNET_TRY(check_reduction(d));
  if (d.outcome == "revocation") {
    if (!d.decree_number || d.decree_number->empty())
      return Error::field(ErrorKind::invalid_input, "decree_number", FieldError::required());
    if (!d.decree_date)
      return Error::field(ErrorKind::invalid_input, "decree_date", FieldError::required());
    if (*d.decree_date > today)
      return Error::rule(ErrorKind::unprocessable, "future_date", "decree_date",
                         FieldError::future_date());
  }
  INNET_ASSIGN_OR_RETURN(auto vulnerable, has_confirmed_vulnerability(conn, notice.person_id));
  if (vulnerable && (!d.vulnerability_review || d.vulnerability_review->empty()))
    return Error::rule(ErrorKind::unprocessable, "vulnerability_review_required",
                       "vulnerability_review", FieldError::required());
  if (vulnerable && (!d.vulnerability_reviewer || d.vulnerability_reviewer->empty()))
    return Error::rule(ErrorKind::unprocessable, "vulnerability_review_required",
                       "vulnerability_reviewer", FieldError::required());

  if (d.outcome == "revocation") {
    INNET_ASSIGN_OR_RETURN(auto placement, find_placement(conn, notice.placement_id));
    if (!placement.open())
      return Error::make(ErrorKind::conflict, "placement_closed",
                         "placement " + std::to_string(placement.id) + " ended on " +
                             *placement.end_date + ": there is no reception left to revoke");
    Exit exit;
    exit.person_ids = {notice.person_id};
    exit.date = *d.decree_date;
    exit.reason = "removed";
    exit.note = "revoca dell'accoglienza, decreto n. " + *d.decree_number + " del " +
                d.decree_date->to_string();
    INNET_TRY(record_exit(conn, exit, today));
  }
  const auto opt_day = [](const std::optional<CivilDay>& day) {
    return day ? db::Value(day->to_string()) : db::Value(nullptr);
  };
  const bool reduction = d.outcome == "reduction", revocation = d.outcome == "revocation";
  auto inserted = conn.query(
      "INSERT INTO absence_decisions (notice_id, outcome, measure_from, measure_until, "
      "decree_number, decree_date, vulnerability_review, vulnerability_reviewer, note, "
      "decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {notice.id, d.outcome, reduction ? opt_day(d.measure_from) : db::Value(nullptr),
       reduction ? opt_day(d.measure_until) : db::Value(nullptr),
       revocation ? db::optional_value(d.decree_number) : db::Value(nullptr),
       revocation ? opt_day(d.decree_date) : db::Value(nullptr),
       db::optional_value(d.vulnerability_review), db::optional_value(d.vulnerability_reviewer),
       db::optional_value(d.note), d.decided_by, clock::now_iso()});
  if (!inserted.ok()) {
    if (inserted.error().code == "unique_violation")
      return Error::make(ErrorKind::conflict, "already_decided",
                         "notice " + std::to_string(notice_id) + " was decided already");
    return inserted.take_error();
  }
  return find_notice(conn, notice_id);
}

Result<std::vector<Suspension>> pocket_money_suspensions(db::Connection& conn,
                                                         std::int64_t person_id) {
  INNET_ASSIGN_OR_RETURN(auto by_person,
                         pocket_money_suspensions(conn, std::vector<std::int64_t>{person_id}));
  return std::move(by_person[person_id]);
}

Result<std::map<std::int64_t, std::vector<Suspension>>> pocket_money_suspensions(
    db::Connection& conn, const std::vector<std::int64_t>& person_ids) {
  std::map<std::int64_t, std::vector<Suspension>> out;
  if (person_ids.empty()) return out;
  db::Params params(person_ids.begin(), person_ids.end());
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT n.person_id, n.id, d.measure_from, d.measure_until FROM "
                 "absence_decisions d JOIN absence_notices n ON n.id = d.notice_id WHERE "
                 "n.person_id IN (" +
                     db::placeholders(person_ids.size()) +
                     ") AND d.outcome = 'reduction' ORDER BY n.person_id, d.measure_from",
                 params));
  for (const auto& r : rows) out[r.integer(0)].push_back({r.integer(1), r.text(2), r.text(3)});
  return out;
}

const api::ObjectType<Decision>& decision_type() {
  static const auto type =
      api::ObjectType<Decision>("AbsenceDecision",
                                "the Prefettura's decision on a notice of absence")
          .field("id", &Decision::id)
          .field("outcome", &Decision::outcome, {.allowed = measure_outcomes()})
          .field(
              "measure_from", &Decision::measure_from,
              {.description = "reduction: first day pocket money is suspended", .format = "date"})
          .field("measure_until", &Decision::measure_until,
                 {.description = "reduction: first day after the suspension", .format = "date"})
          .field("decree_number", &Decision::decree_number)
          .field("decree_date", &Decision::decree_date,
                 {.description = "revocation: the placement ends that day", .format = "date"})
          .field("vulnerability_review", &Decision::vulnerability_review)
          .field("vulnerability_reviewer", &Decision::vulnerability_reviewer)
          .field("note", &Decision::note)
          .field("decided_by", &Decision::decided_by)
          .field("decided_at", &Decision::decided_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<Notice>& notice_type() {
  static const auto type =
      api::ObjectType<Notice>("AbsenceNotice",
                              "a notice to the Prefettura of an absence without notice")
          .field("id", &Notice::id)
          .field("placement_id", &Notice::placement_id)
          .field("person_id", &Notice::person_id)
          .field("centre_id", &Notice::centre_id)
          .field("first_day", &Notice::first_day, {.format = "date"})
          .field("last_day", &Notice::last_day,
                 {.description = "the day the run reached the threshold", .format = "date"})
          .field("hours", &Notice::hours)
          .field("status", [](const Notice& n) { return n.status(); },
                 {.allowed = {"draft", "sent", "decided"}})
          .field("drafted_at", &Notice::drafted_at, {.format = "date-time"})
          .field("sent_at", &Notice::sent_at, {.format = "date-time"})
          .field("sent_by", &Notice::sent_by)
          .field("sent_note", &Notice::sent_note)
          .field("decision", &Notice::decision, decision_type());
  return type;
}

nlohmann::json to_json(const Notice& n) {
  return notice_type().to_json(n);
}

std::vector<db::Migration> absence_migrations(db::Engine) {
  // Numbered 30: reception skips 26-29 (versions only need to increase within a module).
  return {{30, "reception: notices of absence and the Prefettura's decisions", R"sql(
CREATE TABLE absence_notices (
  id {{pk}},
  placement_id BIGINT NOT NULL REFERENCES placements (id),
  person_id BIGINT NOT NULL REFERENCES persons (id),
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  first_day TEXT NOT NULL,
  last_day TEXT NOT NULL,
  hours INTEGER NOT NULL CHECK (hours > 0),
  drafted_at TEXT NOT NULL,
  sent_at TEXT,
  sent_by BIGINT REFERENCES users (id),
  sent_note TEXT,
  CHECK (last_day >= first_day),
  CHECK ((sent_at IS NULL) = (sent_by IS NULL))
);
CREATE INDEX absence_notices_placement ON absence_notices (placement_id, first_day);
CREATE INDEX absence_notices_centre ON absence_notices (centre_id);
CREATE TABLE absence_decisions (
  id {{pk}},
  notice_id BIGINT NOT NULL UNIQUE REFERENCES absence_notices (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('no_measure', 'reduction', 'revocation')),
  measure_from TEXT,
  measure_until TEXT,
  decree_number TEXT,
  decree_date TEXT,
  vulnerability_review TEXT,
  vulnerability_reviewer TEXT,
  note TEXT,
  decided_by BIGINT NOT NULL REFERENCES users (id),
  decided_at TEXT NOT NULL,
  CHECK (outcome <> 'reduction' OR (measure_from IS NOT NULL AND measure_until IS NOT NULL)),
  CHECK (outcome <> 'revocation' OR (decree_number IS NOT NULL AND decree_date IS NOT NULL))
);
)sql"}};
}

}  // namespace innet::reception
