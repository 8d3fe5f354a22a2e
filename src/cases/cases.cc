#include "cases/cases.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "people/persons.h"

#include "people/pairs.h"

namespace innet::cases {

const std::vector<std::string>& case_statuses() {
  static const std::vector<std::string> v = {"open", "active", "closed", "reopened"};
  return v;
}

const std::vector<std::string>& closure_reasons_by_hand() {
  static const std::vector<std::string> v = {
      "autonomy_reached", "left_reception", "transferred_elsewhere",
      "repatriated",      "deceased",       "other"};
  return v;
}

const std::vector<std::string>& closure_reasons() {
  static const std::vector<std::string> v = [] {
    auto all = closure_reasons_by_hand();
    all.emplace_back(kMergedReason);
    return all;
  }();
  return v;
}

const std::vector<std::string>& legal_statuses() {
  static const std::vector<std::string> v = {"asylum_applicant", "international_protection",
                                             "special_protection", "temporary_protection", "other"};
  return v;
}

const std::vector<std::string>& document_types() {
  static const std::vector<std::string> v = {"permit_of_stay", "asylum_application_receipt",
                                             "passport", "other"};
  return v;
}

const std::vector<std::string>& procedure_outcomes() {
  static const std::vector<std::string> v = {"refugee_status",       "subsidiary_protection",
                                             "special_protection",   "rejected",
                                             "manifestly_unfounded", "inadmissible"};
  return v;
}

const std::vector<std::string>& appeal_outcomes() {
  static const std::vector<std::string> v = {"granted", "rejected", "withdrawn"};
  return v;
}

// Why a case changes organisation: the person was transferred to a centre the receiving
// organisation runs, or the centre where the person stays passed to another operator (a new
// contract); anything else is said in a note.
const std::vector<std::string>& handover_reasons() {
  static const std::vector<std::string> v = {"transfer", "operator_change", "other"};
  return v;
}

const std::vector<std::string>& vulnerability_categories() {
  static const std::vector<std::string> v = {
      "minor",           "unaccompanied_minor", "disability",       "elderly",
      "woman",           "pregnant_woman",      "single_parent",    "trafficking_victim",
      "serious_illness", "mental_disorder",     "torture_violence", "fgm",
      "lgbtiq"};
  return v;
}

const std::vector<std::string>& vulnerability_severities() {
  static const std::vector<std::string> v = {"low", "medium", "high"};
  return v;
}

namespace {
std::map<std::string, CaseSelector>& list_filter_answers() {
  static std::map<std::string, CaseSelector> answers;
  return answers;
}
}  // namespace

void answer_list_filter(const std::string& parameter, CaseSelector selector) {
  list_filter_answers()[parameter] = std::move(selector);
}

const CaseSelector* list_filter_answer(const std::string& parameter) {
  const auto found = list_filter_answers().find(parameter);
  return found == list_filter_answers().end() ? nullptr : &found->second;
}

FieldError CaseErrors::wrong_status(std::string status, std::vector<std::string> expected) {
  std::string message = "the case is " + status + ", not ";
  for (std::size_t k = 0; k < expected.size(); ++k)
    message += (k == 0 ? "" : k + 1 == expected.size() ? " or " : ", ") + expected[k];
  return {"wrong_status",
          {{"status", std::move(status)}, {"expected", std::move(expected)}},
          std::move(message)};
}

FieldError CaseErrors::case_exists(std::int64_t case_id) {
  return {"case_exists",
          {{"case_id", case_id}},
          "the person has a case already (" + std::to_string(case_id) + "): reopen it"};
}

FieldError CaseErrors::filter_unanswered() {
  return {"filter_unanswered", {}, "no module of this server answers this filter"};
}

FieldError CaseErrors::not_hosting() {
  return {"not_hosting", {}, "no centre of this organisation hosts the person today"};
}

FieldError CaseErrors::unchanged() {
  return {"unchanged", {}, "the correction leaves the text as it is"};
}

FieldError CaseErrors::same_organization() {
  return {"same_organization", {}, "the organisation keeps the case already"};
}

FieldError CaseErrors::not_case_worker() {
  return {"not_case_worker", {}, "not an active case worker of the case's organisation"};
}

namespace {

constexpr const char* kCaseColumns =
    "id, person_id, organization_id, status, legal_status, legal_status_note, "
    "interpreter_needed, interpreter_language, c3_reference, application_date, hearing_date, "
    "decision_date, outcome, appeal_filed_date, appeal_decision_date, appeal_outcome, opened_by, "
    "opened_at, updated_at";

Case case_from(const db::Row& r) {
  Case c;
  c.id = r.integer(0);
  c.person_id = r.integer(1);
  c.organization_id = r.integer(2);
  c.status = r.text(3);
  c.legal_status = r.opt_text(4);
  c.legal_status_note = r.opt_text(5);
  c.interpreter_needed = r.integer(6) != 0;
  c.interpreter_language = r.opt_text(7);
  auto& p = c.procedure;
  p.c3_reference = r.opt_text(8);
  p.application_date = r.opt_text(9);
  p.hearing_date = r.opt_text(10);
  p.decision_date = r.opt_text(11);
  p.outcome = r.opt_text(12);
  p.appeal_filed_date = r.opt_text(13);
  p.appeal_decision_date = r.opt_text(14);
  p.appeal_outcome = r.opt_text(15);
  c.opened_by = r.integer(16);
  c.opened_at = r.text(17);
  c.updated_at = r.text(18);
  return c;
}

constexpr const char* kDocumentColumns =
    "id, case_id, type, description, number, issuer, issued_on, expires_on, recorded_by, "
    "recorded_at";

IdentityDocument document_from(const db::Row& r, std::size_t at = 0) {
  IdentityDocument d;
  d.id = r.integer(at);
  d.case_id = r.integer(at + 1);
  d.type = r.text(at + 2);
  d.description = r.opt_text(at + 3);
  d.number = r.text(at + 4);
  d.issuer = r.opt_text(at + 5);
  d.issued_on = r.opt_text(at + 6);
  d.expires_on = r.opt_text(at + 7);
  d.recorded_by = r.integer(at + 8);
  d.recorded_at = r.text(at + 9);
  return d;
}

db::Value opt(const std::optional<std::string>& v) {
  return v ? db::Value(*v) : db::Value(nullptr);
}

// A statement's outcome without its count of rows.
Status succeeded(Result<std::int64_t> changed) {
  if (!changed.ok()) return changed.take_error();
  return Status::success();
}

Error refused(const std::string& field, FieldError reason) {
  return Error::field(ErrorKind::unprocessable, field, std::move(reason));
}

// A recorded event cannot be in the future.
Status not_future(const std::optional<std::string>& day, const char* field, CivilDay today) {
  if (day && *day > today.to_string()) return refused(field, FieldError::future_date());
  return Status::success();
}

// `later` must not be before `earlier` (both set), nor be set without it.
Status in_order(const std::optional<std::string>& earlier, const char* earlier_name,
                const std::optional<std::string>& later, const char* later_name) {
  if (!later) return Status::success();
  if (!earlier) return refused(later_name, FieldError::both_or_neither(earlier_name));
  if (*later < *earlier) return refused(later_name, FieldError::before_other(earlier_name));
  return Status::success();
}

Status check_procedure(const Procedure& p, CivilDay today) {
  INNET_TRY(not_future(p.application_date, "application_date", today));
  INNET_TRY(not_future(p.decision_date, "decision_date", today));
  INNET_TRY(not_future(p.appeal_filed_date, "appeal_filed_date", today));
  INNET_TRY(not_future(p.appeal_decision_date, "appeal_decision_date", today));
  INNET_TRY(in_order(p.application_date, "application_date", p.hearing_date, "hearing_date"));
  INNET_TRY(in_order(p.application_date, "application_date", p.decision_date, "decision_date"));
  if (p.hearing_date && p.decision_date && *p.decision_date < *p.hearing_date)
    return refused("decision_date", FieldError::before_other("hearing_date"));
  // A decision is its date and its outcome together; so is the court's.
  if (p.decision_date.has_value() != p.outcome.has_value())
    return refused("outcome", FieldError::both_or_neither("decision_date"));
  INNET_TRY(in_order(p.decision_date, "decision_date", p.appeal_filed_date, "appeal_filed_date"));
  INNET_TRY(in_order(p.appeal_filed_date, "appeal_filed_date", p.appeal_decision_date,
                     "appeal_decision_date"));
  if (p.appeal_decision_date.has_value() != p.appeal_outcome.has_value())
    return refused("appeal_outcome", FieldError::both_or_neither("appeal_decision_date"));
  return Status::success();
}

Status check_case(const Case& c, CivilDay today) {
  if (c.legal_status == "other" && !c.legal_status_note)
    return refused("legal_status_note", FieldError::note_required());
  return check_procedure(c.procedure, today);
}

Status check_document(const IdentityDocument& d, CivilDay today) {
  if (d.type == "other" && !d.description)
    return refused("description", FieldError::note_required());
  INNET_TRY(not_future(d.issued_on, "issued_on", today));
  if (d.issued_on && d.expires_on && *d.expires_on < *d.issued_on)
    return refused("expires_on", FieldError::before_other("issued_on"));
  return Status::success();
}

Status record_status(db::Connection& conn, std::int64_t case_id, const StatusChange& s,
                     const std::string& now) {
  return succeeded(
      conn.execute("INSERT INTO case_status_changes (case_id, status, reason, note, changed_by, "
                   "changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                   {case_id, s.status, opt(s.reason), opt(s.note), s.changed_by, now}));
}

}  // namespace

Result<Case> open_case(db::Connection& conn, std::int64_t person_id, std::int64_t organization_id,
                       std::int64_t user_id, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto existing, case_of_person(conn, person_id));
  if (existing)
    return Error::rule(ErrorKind::conflict, "case_exists", "person_id",
                       CaseErrors::case_exists(existing->id));
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO cases (person_id, organization_id, status, interpreter_needed, "
                 "opened_by, opened_at, updated_at) VALUES (?, ?, 'open', 0, ?, ?, ?) RETURNING id",
                 {person_id, organization_id, user_id, now, now}));
  const std::int64_t id = rows[0].integer(0);
  INNET_TRY(record_status(conn, id, {.status = "open", .changed_by = user_id}, now));
  return find_case(conn, id);
}

Result<Case> find_case(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("case");
  return case_from(rows[0]);
}

Result<std::map<std::int64_t, Case>> find_cases(db::Connection& conn,
                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, Case> out;
  if (ids.empty()) return out;
  db::Params params(ids.begin(), ids.end());
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE id IN (" +
                                db::placeholders(ids.size()) + ")",
                            params));
  for (const auto& r : rows) {
    auto c = case_from(r);
    out.emplace(c.id, std::move(c));
  }
  return out;
}

Result<std::optional<Case>> case_of_person(db::Connection& conn, std::int64_t person_id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kCaseColumns +
                                                   " FROM cases WHERE person_id = ?",
                                               {person_id}));
  if (rows.empty()) return std::optional<Case>();
  return std::optional<Case>(case_from(rows[0]));
}

Result<std::vector<Case>> cases_of_persons(db::Connection& conn,
                                           const std::vector<std::int64_t>& person_ids) {
  std::vector<Case> out;
  if (person_ids.empty()) return out;
  db::Params params(person_ids.begin(), person_ids.end());
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kCaseColumns +
                                                   " FROM cases WHERE person_id IN (" +
                                                   db::placeholders(person_ids.size()) + ")",
                                               params));
  for (const auto& r : rows) out.push_back(case_from(r));
  return out;
}

Result<std::vector<Case>> cases_kept_by(db::Connection& conn,
                                        std::optional<std::int64_t> organization_id) {
  db::Where where;
  if (organization_id) where.add("organization_id = ?", *organization_id);
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kCaseColumns +
                                                   " FROM cases" + where.sql() + " ORDER BY id",
                                               where.params()));
  std::vector<Case> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(case_from(r));
  return out;
}

db::Subquery open_cases_of(std::optional<std::int64_t> organization_id) {
  if (!organization_id) return {"SELECT id FROM cases WHERE status <> 'closed'", {}};
  return {"SELECT id FROM cases WHERE organization_id = ? AND status <> 'closed'",
          {*organization_id}};
}

const std::vector<std::string>& list_sorts() {
  static const std::vector<std::string> v = {"name",        "status",    "legal_status",
                                             "next_expiry", "opened_at", "updated_at"};
  return v;
}

namespace {

// The list's statement: the case, its person's summary joined from people's derived table `p`.
std::string listed_columns() {
  std::string out;
  for (std::string_view rest = kCaseColumns; !rest.empty();) {
    const auto comma = rest.find(", ");
    out += (out.empty() ? "c." : ", c.") + std::string(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? "" : rest.substr(comma + 2);
  }
  return out + ", c.next_expiry, p.family_name, p.given_names, p.nationality";
}

ListedCase listed_from(const db::Row& r) {
  return {case_from(r), r.opt_text(19), r.text(20), r.text(21), r.text(22)};
}

std::string listed_from_clause() {
  return " FROM cases c JOIN (" + people::person_rows().sql + ") p ON p.id = c.person_id";
}

// The sort's key without its direction.
std::string sort_key(const std::string& sort) {
  return sort.empty() ? "name" : sort.front() == '-' ? sort.substr(1) : sort;
}

// A module's filter (f.cases) selects from a handful of cases (a rare vulnerability) to a
// hundred thousand (minors). SQLite, with no statistics, drives the statement from any
// `c.id IN (...)` and sorts what it finds: right for a few, 0.5 s for 100,000. Beyond this many
// the page walks the order's index instead, testing each row (`+c.id`): a filter of 5,000 cases
// in 800,000 finds a page of 25 in about 4,000 rows.
constexpr std::int64_t kFilterDriveLimit = 5000;

// Per filter of f.cases, whether SQLite should walk the order rather than start from the
// filter's cases: always for an organisation's list (cases_organization finds its few thousand
// cases, where a filter of 100,000 would be read whole), and when the filter selects more than
// kFilterDriveLimit cases (one statement each, counting at most that many ids). Every matching
// case (`page` false: the files) starts from the filter's cases: a walk would read the nation.
Result<std::vector<bool>> filters_walked(db::Connection& conn, const CaseFilter& f, bool page) {
  std::vector<bool> walked(f.cases.size(), false);
  if (conn.engine() != db::Engine::sqlite) return walked;  // PostgreSQL weighs them itself
  for (std::size_t k = 0; k < f.cases.size(); ++k) {
    if (f.organization_id || !page) {
      walked[k] = f.organization_id.has_value();
      continue;
    }
    db::Params params = f.cases[k].params;
    params.push_back(kFilterDriveLimit + 1);
    INNET_ASSIGN_OR_RETURN(
        auto rows, conn.query("SELECT COUNT(*) FROM (" + f.cases[k].sql + " LIMIT ?) n", params));
    walked[k] = rows[0].integer(0) > kFilterDriveLimit;
  }
  return walked;
}

db::Where listed_where(const CaseFilter& f, db::Engine engine, bool page,
                       const std::vector<bool>& walked) {
  // SQLite has no statistics (seed.cc): given `c.status = ?` it reads every case of the status
  // from cases_status_order and sorts them (400,000 active ones, 0.5 s); given
  // `p.nationality = ?`, every person of the nationality. Walking the order's own index and
  // testing each row finds a page after a few hundred rows even for a status or a nationality of
  // one case in thirty, so on SQLite these tests are kept off their indexes (a unary +) unless
  // the order is the one that index gives. PostgreSQL's planner weighs them from its statistics.
  // The count has no order: there the indexes find the matching rows.
  const bool sqlite = engine == db::Engine::sqlite && page;
  const std::string key = sort_key(f.sort);
  db::Where where;
  if (f.organization_id) where.add("c.organization_id = ?", *f.organization_id);
  if (f.status) where.add(sqlite && key != "status" ? "+c.status = ?" : "c.status = ?", *f.status);
  if (f.legal_status) where.add("c.legal_status = ?", *f.legal_status);
  if (f.nationality)
    where.add(sqlite && key != "name" ? "+p.nationality = ?" : "p.nationality = ?", *f.nationality);
  // The words: the nation's list asks people for the bearers of the names they match; an
  // organisation's few thousand cases are tested one by one (a common name has 100,000 bearers).
  if (f.words && f.organization_id) {
    const auto test = people::person_matches("p", *f.words);
    where.add(test.sql.c_str(), test.params);
  } else if (f.words) {
    where.add_in("c.person_id", people::persons_matching(engine, *f.words));
  }
  for (const auto& persons : f.persons) where.add_in("c.person_id", persons);
  // An organisation's walk reads its few thousand cases at most: each is tested with one seek
  // of the filter's own index, where an `IN (...)` would first build the list of the nation's
  // matching cases (60,000 flagged for violence) on every request. The Prefettura's walk may
  // read thousands of rows for a filter of 5,000 to 10,000 cases, whose list builds in a few
  // milliseconds and is then probed in memory: faster there than a seek per row (measured on
  // national data, docs/benchmarks.md, session 12).
  for (std::size_t k = 0; k < f.cases.size(); ++k) {
    if (walked[k] && f.organization_id) {
      const std::string test =
          "EXISTS (SELECT 1 FROM (" + f.cases[k].sql + ") f WHERE f.case_id = c.id)";
      where.add(test.c_str(), f.cases[k].params);
    } else {
      where.add_in(walked[k] && page ? "+c.id" : "c.id", f.cases[k]);
    }
  }
  return where;
}

// Each key's order with its tie-break; each has an index (migration 2) for the Prefettura's
// list of every case. Unknown values order as the empty one and no expiry as the farthest, the
// same on both engines (which place NULLs differently).
std::string listed_order(const std::string& requested) {
  const bool descending = !requested.empty() && requested.front() == '-';
  const std::string key = sort_key(requested);
  if (key == "name") return people::name_order("p", descending);
  const std::string way = descending ? " DESC" : "";
  std::string column = "c." + key;
  if (key == "legal_status") column = "COALESCE(c.legal_status, '')";
  if (key == "next_expiry") column = "COALESCE(c.next_expiry, '9999-12-31')";
  return column + way + ", c.id" + way;
}

// The names a read of the list searched by words takes at a time: one first, then twice as many
// each time the page or the count still lacks cases, up to this many.
constexpr std::size_t kNamesPerRead = 256;

// The nation's list searched by words, in name order: the names the words match come in that
// order (people::names_matching), so the cases are read name by name from the index of the order
// until the page is full and the count reaches its limit. Finding every bearer first, as
// people::persons_matching does, read 37,000 persons for "trabelsi" on national data (0.55 s on
// PostgreSQL, over the statement's time limit under load).
Result<CasePage> list_cases_by_names(db::Connection& conn, const CaseFilter& f,
                                     const Paging& paging) {
  CaseFilter rest = f;
  rest.words.reset();
  INNET_ASSIGN_OR_RETURN(auto walked, filters_walked(conn, rest, true));
  INNET_ASSIGN_OR_RETURN(auto names, people::names_matching(conn, "p", *f.words));
  if (!f.sort.empty() && f.sort.front() == '-') std::reverse(names.begin(), names.end());
  const std::string from = listed_from_clause();
  const std::string order = " ORDER BY " + listed_order(f.sort);
  const auto wanted = static_cast<std::size_t>(paging.offset() + paging.per_page);
  std::vector<ListedCase> found;
  std::int64_t counted = 0;  // up to kListCountLimit + 1
  std::size_t batch = 1;
  for (std::size_t at = 0; at < names.size(); batch = std::min(batch * 2, kNamesPerRead)) {
    const std::size_t to = std::min(names.size(), at + batch);
    std::string any;
    db::Params named;
    for (std::size_t i = at; i < to; ++i) {
      any += (any.empty() ? "(" : " OR ") + names[i].sql;
      named.insert(named.end(), names[i].params.begin(), names[i].params.end());
    }
    any += ")";
    if (found.size() < wanted) {
      db::Where where = listed_where(rest, conn.engine(), true, walked);
      where.add(any.c_str(), named);
      db::Params params = where.params();
      params.push_back(static_cast<std::int64_t>(wanted - found.size()));
      INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT " + listed_columns() + from +
                                                       where.sql() + order + " LIMIT ?",
                                                   params));
      for (const auto& r : rows) found.push_back(listed_from(r));
    }
    if (counted <= kListCountLimit) {
      db::Where counting = listed_where(rest, conn.engine(), false, walked);
      counting.add(any.c_str(), named);
      db::Params params = counting.params();
      params.push_back(kListCountLimit + 1 - counted);
      INNET_ASSIGN_OR_RETURN(auto n, conn.query("SELECT COUNT(*) FROM (SELECT 1" + from +
                                                    counting.sql() + " LIMIT ?) n",
                                                params));
      counted += n[0].integer(0);
    }
    if (found.size() >= wanted && counted > kListCountLimit) break;
    at = to;
  }
  CasePage page;
  for (auto i = static_cast<std::size_t>(paging.offset()); i < found.size(); ++i)
    page.items.push_back(std::move(found[i]));
  page.total = std::min(counted, kListCountLimit);
  page.total_capped = counted > kListCountLimit;
  return page;
}

}  // namespace

Result<CasePage> list_cases(db::Connection& conn, const CaseFilter& f, const Paging& paging) {
  if (f.words && !f.organization_id && sort_key(f.sort) == "name")
    return list_cases_by_names(conn, f, paging);
  INNET_ASSIGN_OR_RETURN(auto walked, filters_walked(conn, f, true));
  const db::Where where = listed_where(f, conn.engine(), true, walked);
  const std::string from = listed_from_clause();
  const std::string order = " ORDER BY " + listed_order(f.sort);
  db::Params params = where.params();
  params.push_back(paging.per_page);
  params.push_back(paging.offset());
  std::string sql = "SELECT " + listed_columns() + from + where.sql() + order + " LIMIT ? OFFSET ?";
  if (conn.engine() == db::Engine::postgresql) {
    // The page's ids first, then their rows (decision 0046): the Prefettura's page walks the
    // order and tests each row against the filters from the indexes alone (cases_person_case),
    // where selecting the columns read the case's row at every step (a rare vulnerability: 33 ms
    // a page, 19 ms this way, on national data). An organisation's few thousand cases are read
    // first and sorted: the fence (OFFSET 0) keeps the planner from walking the nation's names
    // for them (27,000 persons for a page of an operator's, 0.1 to 0.5 s).
    std::string ids_from = from;
    db::Params ids_params;
    if (f.organization_id) {
      ids_from = " FROM (SELECT * FROM cases WHERE organization_id = ? OFFSET 0) c JOIN (" +
                 people::person_rows().sql + ") p ON p.id = c.person_id";
      ids_params.push_back(*f.organization_id);
    }
    ids_params.insert(ids_params.end(), params.begin(), params.end());
    params = std::move(ids_params);
    sql = "SELECT " + listed_columns() + from + " WHERE c.id IN (SELECT c.id" + ids_from +
          where.sql() + order + " LIMIT ? OFFSET ?)" + order;
  }
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql, params));
  CasePage page;
  for (const auto& r : rows) page.items.push_back(listed_from(r));
  // The count reads at most one row past the limit, and joins the persons only when a filter
  // tests them: every case has its person. Joined, PostgreSQL counted the active cases by
  // walking the cases in person order (the recent persons, who are the active ones, last): 0.1 s.
  const db::Where counting = listed_where(f, conn.engine(), false, walked);
  params = counting.params();
  params.push_back(kListCountLimit + 1);
  const bool person_tested = f.nationality || f.words;
  INNET_ASSIGN_OR_RETURN(auto counted,
                         conn.query("SELECT COUNT(*) FROM (SELECT 1" +
                                        (person_tested ? from : std::string(" FROM cases c")) +
                                        counting.sql() + " LIMIT ?) n",
                                    params));
  page.total = std::min(counted[0].integer(0), kListCountLimit);
  page.total_capped = counted[0].integer(0) > kListCountLimit;
  return page;
}

Result<std::vector<ListedCase>> all_listed_cases(db::Connection& conn, const CaseFilter& f) {
  INNET_ASSIGN_OR_RETURN(auto walked, filters_walked(conn, f, false));
  const db::Where where = listed_where(f, conn.engine(), true, walked);
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT " + listed_columns() + listed_from_clause() + where.sql() +
                                " ORDER BY " + listed_order(f.sort),
                            where.params()));
  std::vector<ListedCase> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(listed_from(r));
  return out;
}

Result<Case> update_case(db::Connection& conn, const Case& c, CivilDay today,
                         const std::string& now) {
  INNET_TRY(check_case(c, today));
  const auto& p = c.procedure;
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE cases SET legal_status = ?, legal_status_note = ?, "
                   "interpreter_needed = ?, interpreter_language = ?, c3_reference = ?, "
                   "application_date = ?, hearing_date = ?, decision_date = ?, outcome = ?, "
                   "appeal_filed_date = ?, appeal_decision_date = ?, appeal_outcome = ?, "
                   "updated_at = ? WHERE id = ?",
                   {opt(c.legal_status), opt(c.legal_status_note),
                    std::int64_t{c.interpreter_needed ? 1 : 0}, opt(c.interpreter_language),
                    opt(p.c3_reference), opt(p.application_date), opt(p.hearing_date),
                    opt(p.decision_date), opt(p.outcome), opt(p.appeal_filed_date),
                    opt(p.appeal_decision_date), opt(p.appeal_outcome), now, c.id}),
      "case"));
  return find_case(conn, c.id);
}

Result<Case> change_status(db::Connection& conn, std::int64_t case_id, const StatusChange& change,
                           const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto c, find_case(conn, case_id));
  std::vector<std::string> from;  // the statuses the change may start from
  if (change.status == "active") from = {"open", "reopened"};
  if (change.status == "closed") from = {"open", "active", "reopened"};
  if (change.status == "reopened") from = {"closed"};
  if (std::find(from.begin(), from.end(), c.status) == from.end())
    return Error::rule(ErrorKind::conflict, "wrong_status", "status",
                       CaseErrors::wrong_status(c.status, from));
  if (change.status == "closed" && !change.reason)
    return Error::rule(ErrorKind::unprocessable, "reason_required", "reason",
                       FieldError::required());
  if (change.status != "closed" && change.reason)
    return refused("reason", FieldError::both_or_neither("status closed"));
  // Reopening, and closing for a reason the list does not name, say why in words.
  if ((change.status == "reopened" || change.reason == "other") && !change.note)
    return Error::rule(ErrorKind::unprocessable, "note_required", "note",
                       FieldError::note_required());
  INNET_TRY(db::expect_one(conn.execute("UPDATE cases SET status = ?, updated_at = ? WHERE id = ?",
                                        {change.status, now, case_id}),
                           "case"));
  INNET_TRY(record_status(conn, case_id, change, now));
  return find_case(conn, case_id);
}

Result<std::vector<StatusChange>> status_history(db::Connection& conn, std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id, case_id, status, reason, note, changed_by, changed_at "
                            "FROM case_status_changes WHERE case_id = ? ORDER BY id",
                            {case_id}));
  std::vector<StatusChange> out;
  for (const auto& r : rows)
    out.push_back({r.integer(0), r.integer(1), r.text(2), r.opt_text(3), r.opt_text(4),
                   r.integer(5), r.text(6)});
  return out;
}

Status store_next_expiry(db::Connection& conn, std::int64_t case_id) {
  return succeeded(
      conn.execute("UPDATE cases SET next_expiry = (SELECT MIN(expires_on) FROM case_documents "
                   "WHERE case_documents.case_id = cases.id) WHERE id = ?",
                   {case_id}));
}

namespace {

// A document number is a blocking key of people's queue of likely duplicates: the case's person
// is paired anew with whoever bears the same number.
Status refresh_duplicate_pairs(db::Connection& conn, std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT person_id FROM cases WHERE id = ?", {case_id}));
  if (rows.empty()) return Error::not_found("case");
  return people::refresh_pairs(conn, {rows[0].integer(0)});
}

}  // namespace

Result<IdentityDocument> add_document(db::Connection& conn, const IdentityDocument& d,
                                      CivilDay today) {
  INNET_TRY(check_document(d, today));
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO case_documents (case_id, type, description, number, issuer, "
                 "issued_on, expires_on, recorded_by, recorded_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {d.case_id, d.type, opt(d.description), d.number, opt(d.issuer), opt(d.issued_on),
                  opt(d.expires_on), d.recorded_by, d.recorded_at}));
  INNET_TRY(store_next_expiry(conn, d.case_id));
  INNET_TRY(refresh_duplicate_pairs(conn, d.case_id));
  return find_document(conn, d.case_id, rows[0].integer(0));
}

Result<IdentityDocument> update_document(db::Connection& conn, const IdentityDocument& d,
                                         CivilDay today) {
  INNET_TRY(check_document(d, today));
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE case_documents SET type = ?, description = ?, number = ?, issuer = ?, "
                   "issued_on = ?, expires_on = ? WHERE id = ? AND case_id = ?",
                   {d.type, opt(d.description), d.number, opt(d.issuer), opt(d.issued_on),
                    opt(d.expires_on), d.id, d.case_id}),
      "document"));
  INNET_TRY(store_next_expiry(conn, d.case_id));
  INNET_TRY(refresh_duplicate_pairs(conn, d.case_id));
  return find_document(conn, d.case_id, d.id);
}

Result<IdentityDocument> find_document(db::Connection& conn, std::int64_t case_id,
                                       std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kDocumentColumns +
                                        " FROM case_documents WHERE id = ? AND case_id = ?",
                                    {id, case_id}));
  if (rows.empty()) return Error::not_found("document");
  return document_from(rows[0]);
}

Result<std::vector<IdentityDocument>> documents_of(db::Connection& conn, std::int64_t case_id) {
  // Documents without an expiry last, then by when they were recorded.
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kDocumentColumns +
                                " FROM case_documents WHERE case_id = ? ORDER BY "
                                "CASE WHEN expires_on IS NULL THEN 1 ELSE 0 END, expires_on, id",
                            {case_id}));
  std::vector<IdentityDocument> out;
  for (const auto& r : rows) out.push_back(document_from(r));
  return out;
}

Result<std::vector<ExpiringDocument>> documents_expiring_within(
    db::Connection& conn, CivilDay today, std::int64_t days,
    std::optional<std::int64_t> organization_id) {
  db::Where where;
  where.add("d.expires_on <= ?", today.plus_days(days).to_string());
  where.add("c.status <> 'closed'");
  if (organization_id) where.add("c.organization_id = ?", *organization_id);
  std::string columns;
  for (const char* column : {"id", "case_id", "type", "description", "number", "issuer",
                             "issued_on", "expires_on", "recorded_by", "recorded_at"})
    columns += std::string(columns.empty() ? "" : ", ") + "d." + column;
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT " + columns + ", c.person_id, c.organization_id FROM case_documents d " +
                     "JOIN cases c ON c.id = d.case_id" + where.sql() +
                     " ORDER BY d.expires_on, d.id",
                 where.params()));
  std::vector<ExpiringDocument> out;
  for (const auto& r : rows) {
    ExpiringDocument e{document_from(r), r.integer(10), r.integer(11), 0};
    if (auto day = CivilDay::parse(*e.document.expires_on)) e.days_left = today.days_until(*day);
    out.push_back(std::move(e));
  }
  return out;
}

Status assign_worker(db::Connection& conn, const Assignment& a) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT 1 FROM case_workers WHERE case_id = ? AND user_id = ?",
                                    {a.case_id, a.user_id}));
  if (!rows.empty()) return Status::success();
  return succeeded(
      conn.execute("INSERT INTO case_workers (case_id, user_id, assigned_by, assigned_at) "
                   "VALUES (?, ?, ?, ?)",
                   {a.case_id, a.user_id, a.assigned_by, a.assigned_at}));
}

Status unassign_worker(db::Connection& conn, std::int64_t case_id, std::int64_t user_id) {
  return db::expect_one(conn.execute("DELETE FROM case_workers WHERE case_id = ? AND user_id = ?",
                                     {case_id, user_id}),
                        "assignment");
}

Result<std::vector<Assignment>> workers_of(db::Connection& conn, std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT case_id, user_id, assigned_by, assigned_at FROM case_workers "
                            "WHERE case_id = ? ORDER BY assigned_at, user_id",
                            {case_id}));
  std::vector<Assignment> out;
  for (const auto& r : rows) out.push_back({r.integer(0), r.integer(1), r.integer(2), r.text(3)});
  return out;
}

Result<Handover> hand_over(db::Connection& conn, const Handover& h,
                           const std::vector<std::int64_t>& hosting) {
  INNET_ASSIGN_OR_RETURN(auto c, find_case(conn, h.case_id));
  if (c.status == "closed")
    return Error::rule(ErrorKind::conflict, "case_closed", "status",
                       CaseErrors::wrong_status(c.status, {"open", "active", "reopened"}));
  if (h.to_organization_id == c.organization_id)
    return refused("organization_id", CaseErrors::same_organization());
  if (std::find(hosting.begin(), hosting.end(), h.to_organization_id) == hosting.end())
    return refused("organization_id", CaseErrors::not_hosting());
  if (h.reason == "other" && !h.note)
    return Error::rule(ErrorKind::unprocessable, "note_required", "note",
                       FieldError::note_required());
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO case_handovers (case_id, from_organization_id, to_organization_id, "
                 "reason, note, handed_by, handed_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {c.id, c.organization_id, h.to_organization_id, h.reason, opt(h.note), h.handed_by,
                  h.handed_at}));
  Handover out = h;
  out.id = rows[0].integer(0);
  out.from_organization_id = c.organization_id;
  // The old organisation's case workers come off the case; who kept it, and since when, stays.
  INNET_TRY(succeeded(conn.execute(
      "INSERT INTO case_ended_assignments (case_id, user_id, assigned_by, assigned_at, "
      "handover_id, ended_at) SELECT case_id, user_id, assigned_by, assigned_at, ?, ? "
      "FROM case_workers WHERE case_id = ?",
      {out.id, h.handed_at, c.id})));
  INNET_TRY(succeeded(conn.execute("DELETE FROM case_workers WHERE case_id = ?", {c.id})));
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE cases SET organization_id = ?, updated_at = ? WHERE id = ?",
                   {h.to_organization_id, h.handed_at, c.id}),
      "case"));
  return out;
}

Result<std::vector<Handover>> handovers_of(db::Connection& conn, std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT id, case_id, from_organization_id, to_organization_id, "
                                    "reason, note, handed_by, handed_at FROM case_handovers "
                                    "WHERE case_id = ? ORDER BY id",
                                    {case_id}));
  std::vector<Handover> out;
  for (const auto& r : rows)
    out.push_back({r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.text(4), r.opt_text(5),
                   r.integer(6), r.text(7)});
  return out;
}

Result<std::vector<EndedAssignment>> ended_assignments_of(db::Connection& conn,
                                                          std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT case_id, user_id, assigned_by, assigned_at, handover_id, ended_at "
                 "FROM case_ended_assignments WHERE case_id = ? ORDER BY assigned_at, user_id",
                 {case_id}));
  std::vector<EndedAssignment> out;
  for (const auto& r : rows)
    out.push_back({{r.integer(0), r.integer(1), r.integer(2), r.text(3)}, r.integer(4), r.text(5)});
  return out;
}

Result<std::vector<HandedOver>> handed_over_unassigned(
    db::Connection& conn, std::optional<std::int64_t> organization_id) {
  db::Where where;
  where.add("c.status <> 'closed'");
  if (organization_id) where.add("c.organization_id = ?", *organization_id);
  where.add("NOT EXISTS (SELECT 1 FROM case_workers w WHERE w.case_id = c.id)");
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT c.id, MAX(h.handed_at) FROM cases c JOIN case_handovers h "
                            "ON h.case_id = c.id AND h.to_organization_id = c.organization_id" +
                                where.sql() + " GROUP BY c.id ORDER BY c.id",
                            where.params()));
  std::vector<HandedOver> out;
  for (const auto& r : rows) out.push_back({r.integer(0), r.text(1)});
  return out;
}

db::Subquery persons_with_cases_of(std::int64_t organization_id) {
  return {"SELECT person_id FROM cases WHERE organization_id = ?", {organization_id}};
}

db::Subquery persons_with_cases_assigned_to(std::int64_t user_id) {
  return {
      "SELECT c.person_id FROM cases c JOIN case_workers w ON w.case_id = c.id WHERE "
      "w.user_id = ?",
      {user_id}};
}

Result<std::vector<std::int64_t>> case_organizations_of(db::Connection& conn,
                                                        std::int64_t person_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT organization_id FROM cases WHERE person_id = ?", {person_id}));
  std::vector<std::int64_t> out;
  for (const auto& r : rows) out.push_back(r.integer(0));
  return out;
}

const api::ObjectType<Procedure>& procedure_type() {
  static const auto type =
      api::ObjectType<Procedure>("AsylumProcedure")
          .field("c3_reference", &Procedure::c3_reference,
                 {.description = "the application's reference in Vestanet (C3 form)"})
          .field("application_date", &Procedure::application_date, {.format = "date"})
          .field("hearing_date", &Procedure::hearing_date,
                 {.description = "the Territorial Commission's hearing (may be ahead)",
                  .format = "date"})
          .field("decision_date", &Procedure::decision_date, {.format = "date"})
          .field("outcome", &Procedure::outcome, {.allowed = procedure_outcomes()})
          .field("appeal_filed_date", &Procedure::appeal_filed_date, {.format = "date"})
          .field("appeal_decision_date", &Procedure::appeal_decision_date, {.format = "date"})
          .field("appeal_outcome", &Procedure::appeal_outcome, {.allowed = appeal_outcomes()});
  return type;
}

const api::ObjectType<IdentityDocument>& identity_document_type() {
  static const auto type =
      api::ObjectType<IdentityDocument>("IdentityDocument")
          .field("id", &IdentityDocument::id)
          .field("type", &IdentityDocument::type, {.allowed = document_types()})
          .field("description", &IdentityDocument::description)
          .field("number", &IdentityDocument::number)
          .field("issuer", &IdentityDocument::issuer)
          .field("issued_on", &IdentityDocument::issued_on, {.format = "date"})
          .field("expires_on", &IdentityDocument::expires_on, {.format = "date"})
          .field("recorded_at", &IdentityDocument::recorded_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<StatusChange>& status_change_type() {
  static const auto type =
      api::ObjectType<StatusChange>("CaseStatusChange")
          .field("status", &StatusChange::status, {.allowed = case_statuses()})
          .field("reason", &StatusChange::reason, {.allowed = closure_reasons()})
          .field("note", &StatusChange::note)
          .field("changed_at", &StatusChange::changed_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<Handover>& handover_type() {
  static const auto type = api::ObjectType<Handover>("CaseHandover")
                               .field("id", &Handover::id)
                               .field("case_id", &Handover::case_id)
                               .field("from_organization_id", &Handover::from_organization_id)
                               .field("to_organization_id", &Handover::to_organization_id)
                               .field("reason", &Handover::reason, {.allowed = handover_reasons()})
                               .field("note", &Handover::note)
                               .field("handed_at", &Handover::handed_at, {.format = "date-time"});
  return type;
}

std::vector<db::Migration> migrations(db::Engine engine) {
  // Every person reference of the module is cases.person_id (the merge hook moves that one
  // column); the other tables name the case. Users and organisations are referenced by id.
  const std::string tables = R"sql(
CREATE TABLE cases (
  id {{pk}},
  person_id BIGINT NOT NULL UNIQUE REFERENCES persons (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'active', 'closed', 'reopened')),
  legal_status TEXT,
  legal_status_note TEXT,
  interpreter_needed INTEGER NOT NULL DEFAULT 0,
  interpreter_language TEXT,
  c3_reference TEXT,
  application_date TEXT,
  hearing_date TEXT,
  decision_date TEXT,
  outcome TEXT,
  appeal_filed_date TEXT,
  appeal_decision_date TEXT,
  appeal_outcome TEXT,
  opened_by BIGINT NOT NULL REFERENCES users (id),
  opened_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cases_organization ON cases (organization_id, status);
CREATE TABLE case_status_changes (
  id {{pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  status TEXT NOT NULL,
  reason TEXT,
  note TEXT,
  changed_by BIGINT NOT NULL REFERENCES users (id),
  changed_at TEXT NOT NULL
);
CREATE INDEX case_status_changes_case ON case_status_changes (case_id);
CREATE TABLE case_documents (
  id {{pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  type TEXT NOT NULL,
  description TEXT,
  number TEXT NOT NULL,
  issuer TEXT,
  issued_on TEXT,
  expires_on TEXT,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX case_documents_case ON case_documents (case_id);
CREATE INDEX case_documents_expiry ON case_documents (expires_on);
CREATE TABLE case_workers (
  case_id BIGINT NOT NULL REFERENCES cases (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  assigned_by BIGINT NOT NULL REFERENCES users (id),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (case_id, user_id)
);
CREATE TABLE case_notes (
  id {{pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  sensitivity TEXT NOT NULL CHECK (sensitivity IN ('normal', 'sensitive')),
  body TEXT,
  sealed {{blob}},
  written_by BIGINT NOT NULL REFERENCES users (id),
  written_at TEXT NOT NULL,
  CHECK ((sensitivity = 'normal' AND body IS NOT NULL AND sealed IS NULL) OR
         (sensitivity = 'sensitive' AND body IS NULL AND sealed IS NOT NULL))
);
CREATE INDEX case_notes_case ON case_notes (case_id);
)sql";
  // The list in SQL (decision 0025, point 7): the earliest expiry kept on the case, and an index
  // for each order of the Prefettura's list of every case (an organisation's cases are few, and
  // cases_organization finds them).
  const std::string list = R"sql(
ALTER TABLE cases ADD COLUMN next_expiry TEXT;
UPDATE cases SET next_expiry = (SELECT MIN(expires_on) FROM case_documents
  WHERE case_documents.case_id = cases.id);
CREATE INDEX cases_status_order ON cases (status, id);
CREATE INDEX cases_legal_status_order ON cases (COALESCE(legal_status, ''), id);
CREATE INDEX cases_expiry_order ON cases (COALESCE(next_expiry, '9999-12-31'), id);
CREATE INDEX cases_opened_order ON cases (opened_at, id);
CREATE INDEX cases_updated_order ON cases (updated_at, id);
)sql";
  // Handovers between organisations (decision 0025, point 9): the case's history of who kept it,
  // and the assignments each handover ended (case_workers holds the current ones only, which
  // every reader of it relies on).
  const std::string handovers = R"sql(
CREATE TABLE case_handovers (
  id {{pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  from_organization_id BIGINT NOT NULL REFERENCES organizations (id),
  to_organization_id BIGINT NOT NULL REFERENCES organizations (id),
  reason TEXT NOT NULL,
  note TEXT,
  handed_by BIGINT NOT NULL REFERENCES users (id),
  handed_at TEXT NOT NULL
);
CREATE INDEX case_handovers_case ON case_handovers (case_id);
CREATE INDEX case_handovers_to ON case_handovers (to_organization_id, case_id);
CREATE TABLE case_ended_assignments (
  case_id BIGINT NOT NULL REFERENCES cases (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  assigned_by BIGINT NOT NULL REFERENCES users (id),
  assigned_at TEXT NOT NULL,
  handover_id BIGINT NOT NULL REFERENCES case_handovers (id),
  ended_at TEXT NOT NULL
);
CREATE INDEX case_ended_assignments_case ON case_ended_assignments (case_id);
)sql";
  // Corrections of notes (decision 0025, point 11): each row is a text a correction replaced,
  // stored as the note stored it (a sensitive one sealed, under its key id), with who wrote it
  // and the correction that replaced it. The key id index serves the rotation, as case_notes'.
  const std::string corrections = R"sql(
CREATE TABLE case_note_versions (
  id {{pk}},
  note_id BIGINT NOT NULL REFERENCES case_notes (id),
  body TEXT,
  sealed {{blob}},
  key_id TEXT,
  written_by BIGINT NOT NULL REFERENCES users (id),
  written_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  corrected_by BIGINT NOT NULL REFERENCES users (id),
  corrected_at TEXT NOT NULL,
  CHECK ((body IS NULL AND sealed IS NOT NULL) OR (body IS NOT NULL AND sealed IS NULL))
);
CREATE INDEX case_note_versions_note ON case_note_versions (note_id, id);
CREATE INDEX case_note_versions_key ON case_note_versions (key_id);
)sql";
  return {{.version = 1, .name = "cases: case records, documents, workers, notes", .sql = tables},
          {.version = 2, .name = "cases: the list's orders", .sql = list},
          {.version = 3,
           .name = "cases: documents found by their number",
           .sql = std::string("CREATE INDEX case_documents_number_key ON case_documents ((") +
                  kDocumentNumberKey + "));"},
          {.version = 4, .name = "cases: handovers between organisations", .sql = handovers},
          // Which key seals each sensitive note (decision 0025, point 6: key rotation). Notes
          // sealed before have none: they are all under the one key there was then.
          {.version = 5,
           .name = "cases: the key id of each sealed note",
           .sql = "ALTER TABLE case_notes ADD COLUMN key_id TEXT;\n"
                  "CREATE INDEX case_notes_key ON case_notes (key_id);"},
          {.version = 6, .name = "cases: corrections of notes", .sql = corrections},
          // The PostgreSQL list's page walks an order and tests each row's case id (list_cases):
          // from this index, without reading the case's row. SQLite's index on person_id holds
          // the case's id (its rowid) already.
          {.version = 7,
           .name = "cases: the case id beside the person's",
           .sql = engine == db::Engine::postgresql
                      ? "CREATE INDEX cases_person_case ON cases (person_id, id);"
                      : "-- SQLite: cases_person_id_key holds the rowid"},
          // The level each earlier text was written at (decision 0025, point 11). Until now it
          // was read from the seal, but a note made sensitive seals its earlier texts too.
          {.version = 8,
           .name = "cases: the level of each earlier text of a note",
           .sql = "ALTER TABLE case_note_versions ADD COLUMN sensitivity TEXT NOT NULL DEFAULT "
                  "'normal' CHECK (sensitivity IN ('normal', 'sensitive'));\n"
                  "UPDATE case_note_versions SET sensitivity = 'sensitive' "
                  "WHERE sealed IS NOT NULL;"}};
}

}  // namespace innet::cases
