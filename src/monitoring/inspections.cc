#include "monitoring/inspections.h"

#include <algorithm>
#include <map>

#include "accounts/accounts.h"
#include "centres/centres.h"
#include "monitoring/findings.h"
#include "monitoring/risk.h"

namespace innet::monitoring {

const std::vector<std::string>& inspection_statuses() {
  static const std::vector<std::string> names = {"planned", "in_progress", "completed",
                                                 "report_issued"};
  return names;
}

FieldError InspectionErrors::item_not_in_checklist() {
  return {"item_not_in_checklist", {}, "the item is not in this inspection's checklist version"};
}
FieldError InspectionErrors::value_for_kind(std::string kind) {
  std::string message = "the answer does not fit a " + kind + " item";
  return {"value_for_kind", {{"kind", std::move(kind)}}, std::move(message)};
}
FieldError InspectionErrors::not_an_inspector() {
  return {"not_an_inspector", {}, "team members are active inspectors or prefecture officers"};
}
FieldError InspectionErrors::wrong_status(std::string status, std::string expected) {
  std::string message = "the inspection is " + status + ", not " + expected;
  return {"wrong_status",
          {{"status", std::move(status)}, {"expected", std::move(expected)}},
          std::move(message)};
}

namespace {

constexpr const char* kColumns =
    "id, centre_id, checklist_id, status, announced, planned_date, started_at, completed_at, "
    "report_issued_at, note, created_by, created_at";
constexpr const char* kAnswerColumns =
    "id, inspection_id, item_id, value_yes, value_number, value_text, note, idempotency_key, "
    "answered_by, answered_at";

Inspection inspection_from(const db::Row& r) {
  Inspection i;
  i.id = r.integer(0);
  i.centre_id = r.integer(1);
  i.checklist_id = r.integer(2);
  i.status = r.text(3);
  i.announced = r.integer(4) != 0;
  i.planned_date = r.text(5);
  i.started_at = r.opt_text(6);
  i.completed_at = r.opt_text(7);
  i.report_issued_at = r.opt_text(8);
  i.note = r.opt_text(9);
  i.created_by = r.integer(10);
  i.created_at = r.text(11);
  return i;
}

Answer answer_from(const db::Row& r) {
  Answer a;
  a.id = r.integer(0);
  a.inspection_id = r.integer(1);
  a.item_id = r.integer(2);
  if (!r.is_null(3)) a.yes = r.integer(3) != 0;
  if (!r.is_null(4)) a.number = r.real(4);
  a.text = r.opt_text(5);
  a.note = r.opt_text(6);
  a.idempotency_key = r.text(7);
  a.answered_by = r.integer(8);
  a.answered_at = r.text(9);
  return a;
}

Status load_team(db::Connection& conn, Inspection& i) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT user_id FROM inspection_team WHERE inspection_id = ? ORDER BY user_id",
                 {i.id}));
  for (const auto& r : rows) i.team.push_back(r.integer(0));
  return Status::success();
}

// Moves an inspection from status `from` to the next: `sql` sets the status and stamps the time.
Result<Inspection> advance(db::Connection& conn, std::int64_t id, const char* from, const char* sql,
                           const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto current, find_inspection(conn, id));
  if (current.status != from)
    return Error::rule(ErrorKind::conflict, "wrong_status", "status",
                       InspectionErrors::wrong_status(current.status, from));
  INNET_TRY(conn.execute(sql, {now, id}));
  return find_inspection(conn, id);
}

Error value_error(const std::string& kind) {
  return Error::rule(ErrorKind::unprocessable, "value_for_kind", "value",
                     InspectionErrors::value_for_kind(kind));
}

// The answer carries the one value its item's kind takes, and a choice among the item's.
Status check_value(const ChecklistItem& item, const Answer& a) {
  const std::string& kind = item.answer_kind;
  const bool yes = a.yes.has_value(), number = a.number.has_value(), text = a.text.has_value();
  if (kind == "yes_no" && !(yes && !number && !text)) return value_error(kind);
  if (kind == "number" && !(number && !yes && !text)) return value_error(kind);
  if ((kind == "choice" || kind == "text") && !(text && !yes && !number)) return value_error(kind);
  if (kind == "photo" && (yes || number || text)) return value_error(kind);
  if (kind == "choice" &&
      std::find(item.choices.begin(), item.choices.end(), *a.text) == item.choices.end())
    return Error::field(ErrorKind::unprocessable, "text", FieldError::not_in_list(item.choices));
  return Status::success();
}

}  // namespace

Result<Inspection> plan_inspection(db::Connection& conn, const NewInspection& n,
                                   std::int64_t user_id, const std::string& now) {
  INNET_TRY(centres::find_centre(conn, n.centre_id));
  auto checklist = find_version(conn, n.checklist_id);
  if (!checklist.ok())
    return Error::field(ErrorKind::unprocessable, "checklist_id",
                        FieldError::not_found("checklist"));
  if (n.team.empty())
    return Error::field(ErrorKind::unprocessable, "team", FieldError::too_few_items(1));
  for (std::size_t k = 0; k < n.team.size(); ++k) {
    if (std::count(n.team.begin(), n.team.end(), n.team[k]) > 1)
      return Error::field(ErrorKind::unprocessable, "team", FieldError::listed_twice());
    auto member = accounts::find_user(conn, n.team[k]);
    const std::string field = "team[" + std::to_string(k) + "]";
    if (!member.ok())
      return Error::field(ErrorKind::unprocessable, field, FieldError::not_found("user"));
    if (!member->active ||
        (member->role != auth::Role::inspector && member->role != auth::Role::prefecture_officer))
      return Error::rule(ErrorKind::unprocessable, "not_an_inspector", field,
                         InspectionErrors::not_an_inspector());
  }
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("INSERT INTO inspections (centre_id, checklist_id, status, "
                             "announced, planned_date, note, created_by, created_at) VALUES "
                             "(?, ?, 'planned', ?, ?, ?, ?, ?) RETURNING ") +
                     kColumns,
                 {n.centre_id, n.checklist_id, std::int64_t{n.announced ? 1 : 0},
                  n.planned_date.to_string(), db::optional_value(n.note), user_id, now}));
  Inspection stored = inspection_from(rows[0]);
  for (auto member : n.team)
    INNET_TRY(conn.execute("INSERT INTO inspection_team (inspection_id, user_id) VALUES (?, ?)",
                           {stored.id, member}));
  INNET_TRY(load_team(conn, stored));
  return stored;
}

Result<Inspection> find_inspection(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM inspections WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("inspection");
  Inspection i = inspection_from(rows[0]);
  INNET_TRY(load_team(conn, i));
  return i;
}

const std::vector<std::string>& inspection_sort_keys() {
  static const std::vector<std::string> keys = {"centre", "date", "status", "announced", "score"};
  return keys;
}

namespace {

// The ORDER BY of a sort key, ascending or descending; ties newest first, so that pages do not
// shuffle between requests. NULL scores (planned, nothing scored) sort first ascending on both
// engines (SQLite puts NULLs first, PostgreSQL last: the CASE says it once).
std::string order_by(const std::string& requested, const std::string& centre_name) {
  const std::string by = requested.empty() ? "-date" : requested;
  const bool descending = by.front() == '-';
  const std::string key = descending ? by.substr(1) : by;
  const std::string dir = descending ? " DESC" : " ASC";
  std::string order;
  if (key == "centre") order = centre_name + dir;
  if (key == "status")
    order =
        "CASE i.status WHEN 'planned' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'completed' "
        "THEN 2 ELSE 3 END" +
        dir;
  if (key == "announced") order = "i.announced" + dir;
  if (key == "score")
    order = "CASE WHEN r.overall_score IS NULL THEN 0 ELSE 1 END" + dir + ", r.overall_score" + dir;
  if (order.empty()) return "i.planned_date" + dir + ", i.id" + dir;  // date, the default
  return order + ", i.planned_date DESC, i.id DESC";
}

}  // namespace

Result<db::Page<InspectionSummary>> list_inspections(db::Connection& conn,
                                                     const InspectionFilter& f,
                                                     const Paging& paging) {
  db::Where where;
  if (f.centre_id) where.add("i.centre_id = ?", *f.centre_id);
  if (f.status) where.add("i.status = ?", *f.status);
  if (f.issued_only) where.add("i.status = 'report_issued'");
  if (f.centres) where.add_in("i.centre_id", *f.centres);
  if (!f.query.empty()) where.add_in("i.centre_id", centres::centres_named(f.query));
  db::Page<InspectionSummary> page;
  INNET_ASSIGN_OR_RETURN(
      auto count, conn.query("SELECT COUNT(*) FROM inspections i" + where.sql(), where.params()));
  page.total = count[0].integer(0);
  // The centre's name is centres' to read: its expression, embedded in these statements.
  const auto name = centres::centre_name_of("i.centre_id");
  // The page's ids first, sorted with nothing else in the sorter's rows: sorting 120,000 whole
  // rows (with every centre's name) took seconds on national data; then those rows.
  db::Params params = name.params;
  params.insert(params.end(), where.params().begin(), where.params().end());
  params.push_back(paging.per_page);
  params.push_back(paging.offset());
  INNET_ASSIGN_OR_RETURN(
      auto ids,
      conn.query("SELECT i.id FROM inspections i LEFT JOIN inspection_results r ON "
                 "r.inspection_id = i.id" +
                     where.sql() + " ORDER BY " + order_by(f.sort, name.sql) + " LIMIT ? OFFSET ?",
                 params));
  if (ids.empty()) return page;
  std::map<std::int64_t, std::size_t> order;
  db::Params page_ids = name.params;
  for (std::size_t k = 0; k < ids.size(); ++k) {
    order[ids[k].integer(0)] = k;
    page_ids.push_back(ids[k].integer(0));
  }
  std::string columns;
  for (const char* c :
       {"id", "centre_id", "checklist_id", "status", "announced", "planned_date", "started_at",
        "completed_at", "report_issued_at", "note", "created_by", "created_at"})
    columns += std::string("i.") + c + ", ";
  INNET_ASSIGN_OR_RETURN(
      auto unordered,
      conn.query("SELECT " + columns + name.sql +
                     ", r.overall_score FROM inspections i LEFT JOIN inspection_results r ON "
                     "r.inspection_id = i.id WHERE i.id IN (" +
                     db::placeholders(ids.size()) + ")",
                 page_ids));
  std::vector<const db::Row*> rows(ids.size());
  for (const auto& r : unordered) rows[order.at(r.integer(0))] = &r;
  std::map<std::int64_t, std::size_t> index;
  std::vector<std::int64_t> in_progress;
  for (const db::Row* r : rows) {
    InspectionSummary row{inspection_from(*r), r->is_null(12) ? std::string() : r->text(12),
                          std::nullopt};
    if (!r->is_null(13)) row.overall = r->real(13);
    if (row.inspection.status == "in_progress") in_progress.push_back(row.inspection.id);
    index[row.inspection.id] = page.items.size();
    page.items.push_back(std::move(row));
  }
  db::Params id_params;
  for (const auto& [id, _] : index) id_params.push_back(id);
  // The page's teams in one query.
  INNET_ASSIGN_OR_RETURN(
      auto teams,
      conn.query("SELECT inspection_id, user_id FROM inspection_team WHERE "
                 "inspection_id IN (" +
                     db::placeholders(id_params.size()) + ") ORDER BY inspection_id, user_id",
                 id_params));
  for (const auto& r : teams)
    page.items[index.at(r.integer(0))].inspection.team.push_back(r.integer(1));
  // Only an inspection in progress is scored live: a completed one's score was kept when it was
  // completed (risk.h), a planned one has none.
  if (!in_progress.empty()) {
    INNET_ASSIGN_OR_RETURN(auto answers, current_answers_of(conn, in_progress));
    std::map<std::int64_t, ChecklistVersion> checklists;
    for (auto id : in_progress) {
      auto& row = page.items[index.at(id)];
      auto checklist = checklists.find(row.inspection.checklist_id);
      if (checklist == checklists.end()) {
        INNET_ASSIGN_OR_RETURN(auto version, find_version(conn, row.inspection.checklist_id));
        checklist = checklists.emplace(row.inspection.checklist_id, std::move(version)).first;
      }
      row.overall = score(checklist->second, answers[id]).overall;
    }
  }
  return page;
}

Result<Inspection> start_inspection(db::Connection& conn, std::int64_t id, const std::string& now) {
  return advance(conn, id, "planned",
                 "UPDATE inspections SET status = 'in_progress', started_at = ? WHERE id = ?", now);
}

Result<Inspection> complete_inspection(db::Connection& conn, std::int64_t id,
                                       const std::string& now) {
  INNET_ASSIGN_OR_RETURN(
      auto completed,
      advance(conn, id, "in_progress",
              "UPDATE inspections SET status = 'completed', completed_at = ? WHERE id = ?", now));
  INNET_TRY(record_results(conn, completed));  // what the risk ranking reads (risk.h)
  // Its answers are final now: each failed item that counts as a finding opens one.
  INNET_TRY(open_findings(conn, id, now));
  return completed;
}

Result<Inspection> issue_report(db::Connection& conn, std::int64_t id, const std::string& now) {
  return advance(
      conn, id, "completed",
      "UPDATE inspections SET status = 'report_issued', report_issued_at = ? WHERE id = ?", now);
}

Result<RecordedAnswer> record_answer(db::Connection& conn, const Inspection& inspection, Answer a) {
  INNET_ASSIGN_OR_RETURN(
      auto replay,
      conn.query(std::string("SELECT ") + kAnswerColumns +
                     " FROM inspection_answers WHERE inspection_id = ? AND idempotency_key = ?",
                 {inspection.id, a.idempotency_key}));
  if (!replay.empty()) return RecordedAnswer{answer_from(replay[0]), true};
  if (inspection.status != "in_progress")
    return Error::rule(ErrorKind::conflict, "wrong_status", "status",
                       InspectionErrors::wrong_status(inspection.status, "in_progress"));
  auto item = find_item(conn, inspection.checklist_id, a.item_id);
  if (!item.ok()) {
    if (item.error().kind != ErrorKind::not_found) return item.take_error();
    return Error::rule(ErrorKind::unprocessable, "item_not_in_checklist", "item_id",
                       InspectionErrors::item_not_in_checklist());
  }
  INNET_TRY(check_value(*item, a));
  std::optional<std::int64_t> yes;
  if (a.yes) yes = *a.yes ? 1 : 0;
  db::Value number = nullptr;
  if (a.number) number = *a.number;
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          std::string("INSERT INTO inspection_answers (inspection_id, item_id, value_yes, "
                      "value_number, value_text, note, idempotency_key, answered_by, "
                      "answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ") +
              kAnswerColumns,
          {inspection.id, a.item_id, db::optional_value(yes), number, db::optional_value(a.text),
           db::optional_value(a.note), a.idempotency_key, a.answered_by, a.answered_at}));
  return RecordedAnswer{answer_from(rows[0]), false};
}

// The latest row per item: ids grow with time in both engines.
constexpr const char* kInEffect =
    " FROM inspection_answers a WHERE id = (SELECT MAX(id) FROM inspection_answers l WHERE "
    "l.inspection_id = a.inspection_id AND l.item_id = a.item_id)";

Result<std::vector<Answer>> current_answers(db::Connection& conn, std::int64_t inspection_id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kAnswerColumns + kInEffect +
                                                   " AND inspection_id = ? ORDER BY item_id",
                                               {inspection_id}));
  std::vector<Answer> out;
  for (const auto& r : rows) out.push_back(answer_from(r));
  return out;
}

Result<std::map<std::int64_t, std::vector<Answer>>> current_answers_of(
    db::Connection& conn, const std::vector<std::int64_t>& inspection_ids) {
  std::map<std::int64_t, std::vector<Answer>> out;
  if (inspection_ids.empty()) return out;
  db::Params params(inspection_ids.begin(), inspection_ids.end());
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kAnswerColumns + kInEffect + " AND inspection_id IN (" +
                     db::placeholders(params.size()) + ") ORDER BY inspection_id, item_id",
                 params));
  for (const auto& r : rows) out[r.integer(1)].push_back(answer_from(r));
  return out;
}

std::optional<bool> passes(const ChecklistItem& item, const Answer& a) {
  if (!item.scored()) return std::nullopt;
  if (item.answer_kind == "yes_no" && a.yes) return *a.yes == *item.expected_yes;
  if (item.answer_kind == "choice" && a.text)
    return std::find(item.passing_choices.begin(), item.passing_choices.end(), *a.text) !=
           item.passing_choices.end();
  if (item.answer_kind == "number" && a.number)
    return (!item.min_value || *a.number >= *item.min_value) &&
           (!item.max_value || *a.number <= *item.max_value);
  return std::nullopt;
}

Scores score(const ChecklistVersion& checklist, const std::vector<Answer>& answers) {
  std::map<std::int64_t, const Answer*> by_item;
  for (const auto& a : answers) by_item[a.item_id] = &a;
  struct Sum {
    std::int64_t weight = 0, passed = 0, answered = 0, failed = 0;
  };
  std::map<std::string, Sum> by_area;
  Sum all;
  for (const auto& item : checklist.items) {
    auto it = by_item.find(item.id);
    if (it == by_item.end()) continue;
    const auto pass = passes(item, *it->second);
    if (!pass) continue;
    for (Sum* s : {&by_area[item.area], &all}) {
      s->weight += item.weight;
      s->answered += 1;
      if (*pass)
        s->passed += item.weight;
      else
        s->failed += 1;
    }
  }
  auto percent = [](const Sum& s) -> std::optional<double> {
    if (s.weight == 0) return std::nullopt;
    return 100.0 * static_cast<double>(s.passed) / static_cast<double>(s.weight);
  };
  Scores scores;
  for (const auto& area : area_names()) {
    const Sum& s = by_area[area];
    scores.areas.push_back({area, percent(s), s.answered, s.failed});
  }
  scores.overall = percent(all);
  return scores;
}

const api::ObjectType<Inspection>& inspection_type() {
  static const auto type =
      api::ObjectType<Inspection>("Inspection")
          .field("id", &Inspection::id)
          .field("centre_id", &Inspection::centre_id)
          .field("checklist_id", &Inspection::checklist_id,
                 {.description = "the checklist version the inspection uses, for ever"})
          .field("status", &Inspection::status, {.allowed = inspection_statuses()})
          .field("announced", &Inspection::announced)
          .field("planned_date", &Inspection::planned_date, {.format = "date"})
          .field("team", &Inspection::team, {.description = "user ids of the inspectors"})
          .field("started_at", &Inspection::started_at, {.format = "date-time"})
          .field("completed_at", &Inspection::completed_at, {.format = "date-time"})
          .field("report_issued_at", &Inspection::report_issued_at, {.format = "date-time"})
          .field("note", &Inspection::note)
          .field("created_by", &Inspection::created_by)
          .field("created_at", &Inspection::created_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<Answer>& answer_type() {
  static const auto type =
      api::ObjectType<Answer>("InspectionAnswer")
          .field("id", &Answer::id)
          .field("item_id", &Answer::item_id)
          .field("yes", &Answer::yes, {.description = "yes_no items"})
          .field("number", &Answer::number, {.description = "number items"})
          .field("text", &Answer::text, {.description = "choice and text items"})
          .field("note", &Answer::note)
          .field("idempotency_key", &Answer::idempotency_key)
          .field("answered_by", &Answer::answered_by)
          .field("answered_at", &Answer::answered_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<Scores>& scores_type() {
  static const auto area =
      api::ObjectType<AreaScore>("InspectionAreaScore")
          .field("area", &AreaScore::area, {.allowed = area_names()})
          .field("score", &AreaScore::score,
                 {.description = "percentage of the weight that passed; null: nothing scored"})
          .field("answered", &AreaScore::answered)
          .field("failed", &AreaScore::failed);
  static const auto type = api::ObjectType<Scores>("InspectionScores")
                               .field("areas", &Scores::areas, area)
                               .field("overall", &Scores::overall);
  return type;
}

std::vector<db::Migration> inspection_migrations(db::Engine) {
  const std::string tables = R"sql(
CREATE TABLE inspections (
  id {{pk}},
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  checklist_id BIGINT NOT NULL REFERENCES checklists (id),
  status TEXT NOT NULL,
  announced BIGINT NOT NULL,
  planned_date TEXT NOT NULL,
  started_at TEXT,
  completed_at TEXT,
  report_issued_at TEXT,
  note TEXT,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX inspections_centre ON inspections (centre_id, planned_date);
CREATE TABLE inspection_team (
  inspection_id BIGINT NOT NULL REFERENCES inspections (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  PRIMARY KEY (inspection_id, user_id)
);
CREATE TABLE inspection_answers (
  id {{pk}},
  inspection_id BIGINT NOT NULL REFERENCES inspections (id),
  item_id BIGINT NOT NULL REFERENCES checklist_items (id),
  value_yes BIGINT,
  value_number DOUBLE PRECISION,
  value_text TEXT,
  note TEXT,
  idempotency_key TEXT NOT NULL,
  answered_by BIGINT NOT NULL REFERENCES users (id),
  answered_at TEXT NOT NULL,
  UNIQUE (inspection_id, idempotency_key)
);
CREATE INDEX inspection_answers_item ON inspection_answers (inspection_id, item_id, id);
)sql";
  return {{.version = 3, .name = "monitoring: inspections, teams and answers", .sql = tables}};
}

}  // namespace innet::monitoring
