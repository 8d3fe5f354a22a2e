#include "monitoring/findings.h"

#include <algorithm>
#include <map>

#include "centres/centres.h"
#include "monitoring/checklists.h"
#include "monitoring/inspections.h"

namespace innet::monitoring {

const std::vector<std::string>& finding_statuses() {
  static const std::vector<std::string> names = {"open", "replied", "verified_closed", "escalated"};
  return names;
}

std::int64_t default_deadline_days(const std::string& severity) {
  if (severity == "critical") return 7;
  if (severity == "major") return 15;
  return 30;
}

FieldError FindingErrors::wrong_status(std::string status, std::vector<std::string> expected) {
  std::string message = "the finding is " + status + ", not ";
  for (std::size_t k = 0; k < expected.size(); ++k)
    message += (k == 0 ? "" : k + 1 == expected.size() ? " or " : ", ") + expected[k];
  return {"wrong_status",
          {{"status", std::move(status)}, {"expected", std::move(expected)}},
          std::move(message)};
}
FieldError FindingErrors::report_issued() {
  return {
      "report_issued", {}, "the report is issued: its findings are as the operator received them"};
}

namespace {

constexpr const char* kColumns =
    "id, inspection_id, centre_id, item_id, item_code, area, severity, observation, "
    "corrective_action, deadline, status, reply, replied_by, replied_at, verification_note, "
    "verified_by, verified_at, opened_at";

Finding finding_from(const db::Row& r, CivilDay today) {
  Finding f;
  f.id = r.integer(0);
  f.inspection_id = r.integer(1);
  f.centre_id = r.integer(2);
  f.item_id = r.integer(3);
  f.item_code = r.text(4);
  f.area = r.text(5);
  f.severity = r.text(6);
  f.observation = r.opt_text(7);
  f.corrective_action = r.opt_text(8);
  f.deadline = r.text(9);
  f.status = r.text(10);
  f.reply = r.opt_text(11);
  f.replied_by = r.opt_integer(12);
  f.replied_at = r.opt_text(13);
  f.verification_note = r.opt_text(14);
  f.verified_by = r.opt_integer(15);
  f.verified_at = r.opt_text(16);
  f.opened_at = r.text(17);
  f.overdue = f.status == "open" && f.deadline < today.to_string();
  return f;
}

// The documents of the replies, in one query for the whole list.
Status attach_documents(db::Connection& conn, std::vector<Finding>& findings) {
  std::vector<std::int64_t> ids;
  for (const auto& f : findings) ids.push_back(f.id);
  if (ids.empty()) return Status::success();
  INNET_ASSIGN_OR_RETURN(auto docs, documents::documents_of(conn, kFindingOwnerKind, ids));
  std::map<std::int64_t, Finding*> by_id;
  for (auto& f : findings) by_id[f.id] = &f;
  for (auto& d : docs) by_id.at(*d.owner_id)->documents.push_back(std::move(d));
  return Status::success();
}

Error wrong_status(const Finding& f, std::vector<std::string> expected) {
  return Error::rule(ErrorKind::conflict, "wrong_status", "status",
                     FindingErrors::wrong_status(f.status, std::move(expected)));
}

bool one_of(const std::string& status, std::initializer_list<const char*> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* s) { return status == s; });
}

Status require_note(const std::string& note, const char* field) {
  if (note.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::field(ErrorKind::unprocessable, field, FieldError::required());
  return Status::success();
}

}  // namespace

Status open_findings(db::Connection& conn, std::int64_t inspection_id, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto inspection, find_inspection(conn, inspection_id));
  INNET_ASSIGN_OR_RETURN(auto checklist, find_version(conn, inspection.checklist_id));
  INNET_ASSIGN_OR_RETURN(auto answers, current_answers(conn, inspection_id));
  // `now` is an ISO timestamp: its day is the completion day, from which the deadlines run.
  const auto completed_on = CivilDay::parse(std::string_view(now).substr(0, 10));
  if (!completed_on) return Error::internal("completion time is not a timestamp: " + now);
  std::map<std::int64_t, const Answer*> by_item;
  for (const auto& a : answers) by_item[a.item_id] = &a;
  for (const auto& item : checklist.items) {
    auto answer = by_item.find(item.id);
    if (!item.failure_is_finding || answer == by_item.end()) continue;
    if (passes(item, *answer->second) != false) continue;
    const auto deadline = completed_on->plus_days(default_deadline_days(item.default_severity));
    INNET_TRY(conn.execute(
        "INSERT INTO findings (inspection_id, centre_id, item_id, item_code, area, severity, "
        "observation, deadline, status, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
        {inspection.id, inspection.centre_id, item.id, item.code, item.area, item.default_severity,
         db::optional_value(answer->second->note), deadline.to_string(), now}));
  }
  return Status::success();
}

Result<Finding> find_finding(db::Connection& conn, std::int64_t id, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM findings WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("finding");
  std::vector<Finding> one{finding_from(rows[0], today)};
  INNET_TRY(attach_documents(conn, one));
  return std::move(one[0]);
}

namespace {

db::Where finding_where(const FindingFilter& f, CivilDay today) {
  db::Where where;
  if (f.inspection_id) where.add("f.inspection_id = ?", *f.inspection_id);
  if (f.centre_id) where.add("f.centre_id = ?", *f.centre_id);
  if (f.status) where.add("f.status = ?", *f.status);
  if (f.severity) where.add("f.severity = ?", *f.severity);
  if (f.overdue_only) where.add("f.status = 'open' AND f.deadline < ?", today.to_string());
  if (f.issued_only)
    where.add("f.inspection_id IN (SELECT id FROM inspections WHERE status = 'report_issued')");
  if (f.centres) where.add_in("f.centre_id", *f.centres);
  if (!f.query.empty()) where.add_in("f.centre_id", centres::centres_named(f.query));
  return where;
}

// The position of a column's value in its vocabulary, as SQL: the vocabularies are the code's
// own words, never input.
std::string rank_of(const char* column, const std::vector<std::string>& vocabulary) {
  std::string sql = std::string("CASE ") + column;
  for (std::size_t k = 0; k < vocabulary.size(); ++k)
    sql += " WHEN '" + vocabulary[k] + "' THEN " + std::to_string(k);
  return sql + " ELSE " + std::to_string(vocabulary.size()) + " END";
}

}  // namespace

Result<std::vector<Finding>> list_findings(db::Connection& conn, const FindingFilter& f,
                                           CivilDay today) {
  const db::Where where = finding_where(f, today);
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kColumns + " FROM findings f" + where.sql() +
                                " ORDER BY f.deadline, f.id",
                            where.params()));
  std::vector<Finding> out;
  for (const auto& r : rows) out.push_back(finding_from(r, today));
  INNET_TRY(attach_documents(conn, out));
  return out;
}

const std::vector<std::string>& finding_sort_keys() {
  static const std::vector<std::string> keys = {"deadline", "severity", "centre", "area", "status"};
  return keys;
}

Result<db::Page<Finding>> page_findings(db::Connection& conn, const FindingFilter& f,
                                        const std::string& sort, const Paging& paging,
                                        CivilDay today) {
  const db::Where where = finding_where(f, today);
  const std::string by = sort.empty() ? "deadline" : sort;
  const bool descending = by.front() == '-';
  const std::string key = descending ? by.substr(1) : by;
  const std::string dir = descending ? " DESC" : " ASC";
  // The centre's name is centres' to read: its expression, embedded in the ORDER BY.
  const auto name = centres::centre_name_of("f.centre_id");
  db::Params params;
  std::string order;
  if (key == "severity") order = rank_of("f.severity", severities()) + dir + ", ";
  if (key == "area") order = rank_of("f.area", area_names()) + dir + ", ";
  if (key == "status") order = rank_of("f.status", finding_statuses()) + dir + ", ";
  if (key == "centre") {
    order = name.sql + dir + ", ";
    params = name.params;
  }
  order += key == "deadline" ? "f.deadline" + dir + ", f.id" + dir : "f.deadline, f.id";
  INNET_ASSIGN_OR_RETURN(
      auto count, conn.query("SELECT COUNT(*) FROM findings f" + where.sql(), where.params()));
  db::Page<Finding> page;
  page.total = count[0].integer(0);
  // The ORDER BY's values (the centre name's) come after the WHERE's.
  db::Params all = where.params();
  all.insert(all.end(), params.begin(), params.end());
  all.push_back(paging.per_page);
  all.push_back(paging.offset());
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kColumns + " FROM findings f" + where.sql() +
                                " ORDER BY " + order + " LIMIT ? OFFSET ?",
                            all));
  for (const auto& r : rows) page.items.push_back(finding_from(r, today));
  INNET_TRY(attach_documents(conn, page.items));
  return page;
}

Result<Finding> change_finding(db::Connection& conn, std::int64_t id, const FindingChange& c,
                               CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto f, find_finding(conn, id, today));
  INNET_ASSIGN_OR_RETURN(auto inspection, find_inspection(conn, f.inspection_id));
  if (inspection.status != "completed")
    return Error::rule(ErrorKind::conflict, "report_issued", "status",
                       FindingErrors::report_issued());
  if (c.severity) {
    if (std::find(severities().begin(), severities().end(), *c.severity) == severities().end())
      return Error::field(ErrorKind::unprocessable, "severity",
                          FieldError::not_in_list(severities()));
    f.severity = *c.severity;
  }
  if (c.corrective_action) f.corrective_action = *c.corrective_action;
  if (c.deadline) {
    // A deadline before the inspection's own day would make the finding overdue at birth.
    if (c.deadline->to_string() < inspection.planned_date)
      return Error::field(ErrorKind::unprocessable, "deadline",
                          FieldError::before_other("planned_date"));
    f.deadline = c.deadline->to_string();
  }
  INNET_TRY(conn.execute(
      "UPDATE findings SET severity = ?, corrective_action = ?, deadline = ? WHERE id = ?",
      {f.severity, db::optional_value(f.corrective_action), f.deadline, id}));
  return find_finding(conn, id, today);
}

Result<Finding> reply_to_finding(db::Connection& conn, std::int64_t id, const std::string& reply,
                                 std::int64_t user_id, const std::string& now, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto f, find_finding(conn, id, today));
  INNET_ASSIGN_OR_RETURN(auto inspection, find_inspection(conn, f.inspection_id));
  if (inspection.status != "report_issued")
    return Error::rule(ErrorKind::conflict, "wrong_status", "status",
                       InspectionErrors::wrong_status(inspection.status, "report_issued"));
  if (f.status != "open") return wrong_status(f, {"open"});
  INNET_TRY(require_note(reply, "reply"));
  INNET_TRY(conn.execute(
      "UPDATE findings SET status = 'replied', reply = ?, replied_by = ?, replied_at = ? "
      "WHERE id = ?",
      {reply, user_id, now, id}));
  return find_finding(conn, id, today);
}

namespace {

Result<Finding> verify(db::Connection& conn, std::int64_t id, const char* outcome,
                       const std::string& note, std::int64_t user_id, const std::string& now,
                       CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto f, find_finding(conn, id, today));
  const bool closing = std::string_view(outcome) == "verified_closed";
  if (closing && !one_of(f.status, {"open", "replied", "escalated"}))
    return wrong_status(f, {"open", "replied", "escalated"});
  if (!closing && !one_of(f.status, {"open", "replied"}))
    return wrong_status(f, {"open", "replied"});
  INNET_TRY(require_note(note, "verification_note"));
  INNET_TRY(conn.execute(
      "UPDATE findings SET status = ?, verification_note = ?, verified_by = ?, verified_at = ? "
      "WHERE id = ?",
      {std::string(outcome), note, user_id, now, id}));
  return find_finding(conn, id, today);
}

}  // namespace

Result<Finding> close_finding(db::Connection& conn, std::int64_t id, const std::string& note,
                              std::int64_t user_id, const std::string& now, CivilDay today) {
  return verify(conn, id, "verified_closed", note, user_id, now, today);
}

Result<Finding> escalate_finding(db::Connection& conn, std::int64_t id, const std::string& note,
                                 std::int64_t user_id, const std::string& now, CivilDay today) {
  return verify(conn, id, "escalated", note, user_id, now, today);
}

const api::ObjectType<Finding>& finding_type() {
  static const auto type =
      api::ObjectType<Finding>("Finding")
          .field("id", &Finding::id)
          .field("inspection_id", &Finding::inspection_id)
          .field("centre_id", &Finding::centre_id)
          .field("item_id", &Finding::item_id)
          .field("item_code", &Finding::item_code)
          .field("area", &Finding::area, {.allowed = area_names()})
          .field("severity", &Finding::severity, {.allowed = severities()})
          .field("observation", &Finding::observation, {.description = "the failed answer's note"})
          .field("corrective_action", &Finding::corrective_action,
                 {.description = "null: restore what the item requires"})
          .field("deadline", &Finding::deadline, {.format = "date"})
          .field("status", &Finding::status, {.allowed = finding_statuses()})
          .field("overdue", &Finding::overdue, {.description = "open and past its deadline today"})
          .field("reply", &Finding::reply, {.description = "the operator's reply"})
          .field("replied_by", &Finding::replied_by)
          .field("replied_at", &Finding::replied_at, {.format = "date-time"})
          .field("verification_note", &Finding::verification_note)
          .field("verified_by", &Finding::verified_by)
          .field("verified_at", &Finding::verified_at, {.format = "date-time"})
          .field("opened_at", &Finding::opened_at, {.format = "date-time"})
          .field("documents", &Finding::documents, documents::document_type(),
                 {.description = "attached to the reply"});
  return type;
}

std::vector<db::Migration> finding_migrations(db::Engine) {
  const std::string tables = R"sql(
CREATE TABLE findings (
  id {{pk}},
  inspection_id BIGINT NOT NULL REFERENCES inspections (id),
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  item_id BIGINT NOT NULL REFERENCES checklist_items (id),
  item_code TEXT NOT NULL,
  area TEXT NOT NULL,
  severity TEXT NOT NULL,
  observation TEXT,
  corrective_action TEXT,
  deadline TEXT NOT NULL,
  status TEXT NOT NULL,
  reply TEXT,
  replied_by BIGINT REFERENCES users (id),
  replied_at TEXT,
  verification_note TEXT,
  verified_by BIGINT REFERENCES users (id),
  verified_at TEXT,
  opened_at TEXT NOT NULL,
  UNIQUE (inspection_id, item_id)
);
CREATE INDEX findings_centre ON findings (centre_id, status, deadline);
CREATE INDEX findings_open ON findings (status, deadline);
)sql";
  return {{.version = 5, .name = "monitoring: findings and their follow-up", .sql = tables}};
}

}  // namespace innet::monitoring
