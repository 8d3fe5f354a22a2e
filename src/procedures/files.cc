#include "procedures/files.h"

#include <algorithm>
#include <map>

namespace innet::procedures {

const HolidayCalendar& calendar() {
  static const HolidayCalendar palermo{kPalermoPatronFeast};
  return palermo;
}

const std::vector<std::string>& outcomes() {
  static const std::vector<std::string> all = {"granted", "refused", "withdrawn", "silent_consent"};
  return all;
}

FieldError FileErrors::out_of_order(const std::string& expected) {
  return {"step_out_of_order",
          {{"expected", expected}},
          "not the file's next step; the next is " + expected};
}
FieldError FileErrors::documents_missing(std::vector<std::string> codes) {
  std::string list;
  for (const auto& c : codes) list += (list.empty() ? "" : ", ") + c;
  return {"documents_missing",
          {{"documents", std::move(codes)}},
          "required documents missing: " + list};
}
FieldError FileErrors::closed() {
  return {"file_closed", {}, "the file is decided"};
}
FieldError FileErrors::suspension_open() {
  return {"suspension_open", {}, "a suspension is open already"};
}
FieldError FileErrors::suspension_limit(std::int64_t max) {
  return {"suspension_limit",
          {{"max", max}},
          "the procedure allows " + std::to_string(max) + " suspension(s)"};
}
FieldError FileErrors::no_suspension() {
  return {"no_open_suspension", {}, "no suspension is open"};
}
FieldError FileErrors::clock_not_started() {
  return {"clock_not_started", {}, "the legal term has not started yet"};
}
FieldError FileErrors::not_last_step(const std::string& last) {
  return {"not_last_step", {{"step", last}}, "a decision comes at the step " + last};
}
FieldError FileErrors::no_silent_consent() {
  return {"no_silent_consent", {}, "silence is consent only on such a rule, after its term"};
}
FieldError FileErrors::procedure_inactive() {
  return {"procedure_inactive", {}, "the procedure takes no new files"};
}

namespace {

Error refused(ErrorKind kind, const std::string& field, FieldError reason) {
  std::string code = reason.code;  // before the reason moves
  return Error::rule(kind, std::move(code), field, std::move(reason));
}

CivilDay day_of(const std::string& text) {
  return CivilDay::parse(text).value_or(kEarliestDay);
}

std::optional<std::string> entered_on(const File& f, const std::string& step) {
  for (const auto& s : f.steps)
    if (s.step == step) return s.entered_on;
  return std::nullopt;
}

ClockInput clock_input(const File& f, const Procedure& p) {
  ClockInput in{.max_suspension_days = p.max_suspension_days};
  if (f.decision) in.closed_on = day_of(f.decision->decided_on);
  auto rule = rule_in_force(p.terms, p.clock_term, day_of(f.filed_on));
  if (!rule) return in;
  in.amount = rule->amount;
  in.counting = rule->counting;
  in.saturday = rule->saturday;
  if (auto start = entered_on(f, rule->start_event)) in.started_on = day_of(*start);
  for (const auto& s : f.suspensions)
    in.suspensions.push_back(
        {day_of(s.started_on),
         s.ended_on ? std::optional<CivilDay>(day_of(*s.ended_on)) : std::nullopt});
  return in;
}

const Suspension* open_suspension_of(const File& f) {
  for (const auto& s : f.suspensions)
    if (!s.ended_on) return &s;
  return nullptr;
}

Status save_clock(db::Connection& conn, const File& f, const Procedure& p, const std::string& now) {
  const auto kept = stored_clock(f, p);
  return db::expect_one(
      conn.execute("UPDATE procedure_files SET due_on = ?, suspended_until = ?, step_position = ?, "
                   "updated_at = ? WHERE id = ?",
                   {db::optional_value(kept.due_on), db::optional_value(kept.suspended_until),
                    static_cast<std::int64_t>(f.steps.size()), now, f.id}),
      "procedure_file");
}

Status still_open(const File& f) {
  if (f.status != "open") return refused(ErrorKind::conflict, "id", FileErrors::closed());
  return Status::success();
}

// A day of the file: not before it was filed, not in the future.
Status day_in_file(const File& f, const std::string& field, const std::string& day,
                   CivilDay today) {
  if (day < f.filed_on)
    return Error::field(ErrorKind::unprocessable, field, FieldError::before_other("filed_on"));
  if (day_of(day) > today)
    return Error::field(ErrorKind::unprocessable, field, FieldError::future_date());
  return Status::success();
}

constexpr const char* kColumns =
    "id, procedure_id, person_id, sponsor_person_id, employer, protocol_number, filed_on, status, "
    "outcome, decided_on, decision_note, decided_by, created_by, created_at, updated_at";

File from_row(const db::Row& r) {
  File f{.id = r.integer(0),
         .procedure_id = r.integer(1),
         .person_id = r.integer(2),
         .sponsor_person_id = r.opt_integer(3),
         .employer = r.opt_text(4),
         .protocol_number = r.text(5),
         .filed_on = r.text(6),
         .status = r.text(7),
         .created_by = r.integer(12),
         .created_at = r.text(13),
         .updated_at = r.text(14)};
  if (!r.is_null(8)) f.decision = Decision{r.text(8), r.text(9), r.opt_text(10), r.integer(11)};
  return f;
}

Status load_lists(db::Connection& conn, std::vector<File>& items) {
  if (items.empty()) return Status::success();
  db::Params ids;
  std::map<std::int64_t, File*> by_id;
  for (auto& f : items) {
    ids.push_back(f.id);
    by_id[f.id] = &f;
  }
  const std::string in = " WHERE file_id IN (" + db::placeholders(ids.size()) + ")";
  INNET_ASSIGN_OR_RETURN(auto steps,
                         conn.query("SELECT file_id, step, entered_on, note, recorded_by FROM "
                                    "procedure_file_steps" +
                                        in + " ORDER BY file_id, position",
                                    ids));
  for (const auto& r : steps)
    by_id[r.integer(0)]->steps.push_back({r.text(1), r.text(2), r.opt_text(3), r.integer(4)});
  INNET_ASSIGN_OR_RETURN(auto documents,
                         conn.query("SELECT file_id, document, received_on, recorded_by FROM "
                                    "procedure_file_documents" +
                                        in + " ORDER BY file_id, received_on, document",
                                    ids));
  for (const auto& r : documents)
    by_id[r.integer(0)]->documents.push_back({r.text(1), r.text(2), r.integer(3)});
  INNET_ASSIGN_OR_RETURN(auto suspensions,
                         conn.query("SELECT file_id, id, started_on, ended_on, reason, opened_by, "
                                    "closed_by FROM procedure_file_suspensions" +
                                        in + " ORDER BY file_id, started_on, id",
                                    ids));
  for (const auto& r : suspensions)
    by_id[r.integer(0)]->suspensions.push_back(
        {r.integer(1), r.text(2), r.opt_text(3), r.text(4), r.integer(5), r.opt_integer(6)});
  return Status::success();
}

Status add_step_row(db::Connection& conn, const File& f, const FileStep& s) {
  INNET_TRY(
      conn.execute("INSERT INTO procedure_file_steps (file_id, position, step, entered_on, note, "
                   "recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
                   {f.id, static_cast<std::int64_t>(f.steps.size() + 1), s.step, s.entered_on,
                    db::optional_value(s.note), s.recorded_by}));
  return Status::success();
}

}  // namespace

// What the row keeps for the lists and the tasks: the due date as it stands once any open
// suspension has run its longest (the live clock gives the same date as soon as the file is not
// suspended), and the day an open suspension stops holding the term.
StoredClock stored_clock(const File& f, const Procedure& p) {
  auto in = clock_input(f, p);
  StoredClock out;
  for (auto& s : in.suspensions)
    if (!s.end) {
      s.end = s.start.plus_days(p.max_suspension_days);
      out.suspended_until = s.end->to_string();
    }
  auto c = legal_clock(in, kLatestDay, calendar());
  if (c.due) out.due_on = c.due->to_string();
  return out;
}

Clock clock_of(const File& f, const Procedure& p, CivilDay today) {
  return legal_clock(clock_input(f, p), today, calendar());
}

std::vector<std::string> missing_documents(const File& f, const Procedure& p) {
  std::vector<std::string> out;
  for (const auto& d : p.documents) {
    if (!d.required) continue;
    bool in = std::any_of(f.documents.begin(), f.documents.end(),
                          [&](const ReceivedDocument& r) { return r.document == d.code; });
    if (!in) out.push_back(d.code);
  }
  return out;
}

std::int64_t current_position(const File& f, const Procedure& p) {
  return f.steps.empty() ? 0 : position_of(p, f.steps.back().step);
}

Result<File> create_file(db::Connection& conn, File f, const Procedure& p, const std::string& now) {
  if (!p.active)
    return refused(ErrorKind::unprocessable, "procedure_id", FileErrors::procedure_inactive());
  INNET_ASSIGN_OR_RETURN(auto taken, conn.query("SELECT id FROM procedure_files WHERE "
                                                "protocol_number = ?",
                                                {f.protocol_number}));
  if (!taken.empty())
    return Error::rule(ErrorKind::conflict, "unique_violation", "protocol_number",
                       FieldError::taken());
  f.status = "open";
  f.decision.reset();
  f.created_at = f.updated_at = now;
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "INSERT INTO procedure_files (procedure_id, person_id, sponsor_person_id, "
          "employer, protocol_number, filed_on, status, created_by, created_at, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id",
          {f.procedure_id, f.person_id, db::optional_value(f.sponsor_person_id),
           db::optional_value(f.employer), f.protocol_number, f.filed_on, f.created_by, now, now}));
  f.id = rows[0].integer(0);
  FileStep first{p.steps.front().code, f.filed_on, std::nullopt, f.created_by};
  f.steps.clear();
  INNET_TRY(add_step_row(conn, f, first));
  f.steps.push_back(first);
  INNET_TRY(save_clock(conn, f, p, now));
  return find_file(conn, f.id);
}

Result<File> find_file(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM procedure_files WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("procedure_file");
  std::vector<File> one = {from_row(rows[0])};
  INNET_TRY(load_lists(conn, one));
  return std::move(one[0]);
}

Result<File> advance(db::Connection& conn, File f, const Procedure& p, FileStep step,
                     CivilDay today, const std::string& now) {
  INNET_TRY(still_open(f));
  const auto at = current_position(f, p);
  if (at >= static_cast<std::int64_t>(p.steps.size()))
    return refused(ErrorKind::unprocessable, "step", FileErrors::out_of_order("-"));
  const auto& expected = p.steps[static_cast<std::size_t>(at)].code;
  if (step.step != expected)
    return refused(ErrorKind::unprocessable, "step", FileErrors::out_of_order(expected));
  INNET_TRY(day_in_file(f, "entered_on", step.entered_on, today));
  if (!f.steps.empty() && step.entered_on < f.steps.back().entered_on)
    return Error::field(ErrorKind::unprocessable, "entered_on",
                        FieldError::before_other(f.steps.back().step));
  INNET_TRY(add_step_row(conn, f, step));
  f.steps.push_back(step);
  INNET_TRY(save_clock(conn, f, p, now));
  return find_file(conn, f.id);
}

Result<File> record_document(db::Connection& conn, File f, const Procedure& p, ReceivedDocument d,
                             CivilDay today, const std::string& now) {
  INNET_TRY(still_open(f));
  std::vector<std::string> codes;
  for (const auto& known : p.documents) codes.push_back(known.code);
  if (std::find(codes.begin(), codes.end(), d.document) == codes.end())
    return Error::field(ErrorKind::unprocessable, "document", FieldError::not_in_list(codes));
  for (const auto& r : f.documents)
    if (r.document == d.document)
      return Error::rule(ErrorKind::conflict, "unique_violation", "document", FieldError::taken());
  INNET_TRY(day_in_file(f, "received_on", d.received_on, today));
  INNET_TRY(
      conn.execute("INSERT INTO procedure_file_documents (file_id, document, received_on, "
                   "recorded_by) VALUES (?, ?, ?, ?)",
                   {f.id, d.document, d.received_on, d.recorded_by}));
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE procedure_files SET updated_at = ? WHERE id = ?", {now, f.id}),
      "procedure_file"));
  return find_file(conn, f.id);
}

Result<File> open_suspension(db::Connection& conn, File f, const Procedure& p, Suspension s,
                             CivilDay today, const std::string& now) {
  INNET_TRY(still_open(f));
  if (open_suspension_of(f))
    return refused(ErrorKind::conflict, "started_on", FileErrors::suspension_open());
  if (static_cast<std::int64_t>(f.suspensions.size()) >= p.max_suspensions)
    return refused(ErrorKind::conflict, "started_on",
                   FileErrors::suspension_limit(p.max_suspensions));
  auto c = clock_of(f, p, today);
  if (c.state == ClockState::not_started)
    return refused(ErrorKind::conflict, "started_on", FileErrors::clock_not_started());
  INNET_TRY(day_in_file(f, "started_on", s.started_on, today));
  if (auto start = clock_input(f, p).started_on; start && day_of(s.started_on) < *start)
    return Error::field(ErrorKind::unprocessable, "started_on",
                        FieldError::before_other("the term's start"));
  if (!f.suspensions.empty() && s.started_on < *f.suspensions.back().ended_on)
    return Error::field(ErrorKind::unprocessable, "started_on",
                        FieldError::before_other("the last suspension's end"));
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("INSERT INTO procedure_file_suspensions (file_id, started_on, "
                                    "reason, opened_by) VALUES (?, ?, ?, ?) RETURNING id",
                                    {f.id, s.started_on, s.reason, s.opened_by}));
  s.id = rows[0].integer(0);
  s.ended_on.reset();
  f.suspensions.push_back(s);
  INNET_TRY(save_clock(conn, f, p, now));
  return find_file(conn, f.id);
}

namespace {

Status end_suspension(db::Connection& conn, File& f, const std::string& ended_on, std::int64_t by) {
  for (auto& s : f.suspensions)
    if (!s.ended_on) {
      INNET_TRY(db::expect_one(conn.execute("UPDATE procedure_file_suspensions SET ended_on = ?, "
                                            "closed_by = ? WHERE id = ?",
                                            {ended_on, by, s.id}),
                               "suspension"));
      s.ended_on = ended_on;
      s.closed_by = by;
    }
  return Status::success();
}

}  // namespace

Result<File> close_suspension(db::Connection& conn, File f, const Procedure& p,
                              const std::string& ended_on, std::int64_t by, CivilDay today,
                              const std::string& now) {
  INNET_TRY(still_open(f));
  const auto* open = open_suspension_of(f);
  if (!open) return refused(ErrorKind::conflict, "ended_on", FileErrors::no_suspension());
  if (ended_on < open->started_on)
    return Error::field(ErrorKind::unprocessable, "ended_on",
                        FieldError::before_other("started_on"));
  INNET_TRY(day_in_file(f, "ended_on", ended_on, today));
  INNET_TRY(end_suspension(conn, f, ended_on, by));
  INNET_TRY(save_clock(conn, f, p, now));
  return find_file(conn, f.id);
}

Result<File> decide(db::Connection& conn, File f, const Procedure& p, Decision d, CivilDay today,
                    const std::string& now) {
  INNET_TRY(still_open(f));
  const bool withdrawn = d.outcome == "withdrawn";
  if (!withdrawn && current_position(f, p) != static_cast<std::int64_t>(p.steps.size()))
    return refused(ErrorKind::conflict, "outcome", FileErrors::not_last_step(p.steps.back().code));
  if (auto missing = missing_documents(f, p); !withdrawn && !missing.empty())
    return refused(ErrorKind::unprocessable, "documents", FileErrors::documents_missing(missing));
  INNET_TRY(day_in_file(f, "decided_on", d.decided_on, today));
  if (d.outcome == "silent_consent") {
    // Only where the law makes silence consent, and only once the term has run out.
    auto rule = rule_in_force(p.terms, p.clock_term, day_of(f.filed_on));
    auto c = legal_clock(clock_input(f, p), day_of(d.decided_on), calendar());
    if (!rule || !rule->silent_consent || !c.due || day_of(d.decided_on) <= *c.due)
      return refused(ErrorKind::unprocessable, "outcome", FileErrors::no_silent_consent());
  }
  if (!f.steps.empty() && d.decided_on < f.steps.back().entered_on)
    return Error::field(ErrorKind::unprocessable, "decided_on",
                        FieldError::before_other(f.steps.back().step));
  if (const auto* open = open_suspension_of(f)) {
    if (d.decided_on < open->started_on)
      return Error::field(ErrorKind::unprocessable, "decided_on",
                          FieldError::before_other("the open suspension's start"));
    INNET_TRY(end_suspension(conn, f, d.decided_on, d.decided_by));
  }
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE procedure_files SET status = 'closed', outcome = ?, decided_on = ?, "
                   "decision_note = ?, decided_by = ? WHERE id = ? AND status = 'open'",
                   {d.outcome, d.decided_on, db::optional_value(d.note), d.decided_by, f.id}),
      "procedure_file"));
  f.status = "closed";
  f.decision = d;
  INNET_TRY(save_clock(conn, f, p, now));
  return find_file(conn, f.id);
}

namespace {

// A clock state's tests on the columns of the stored clock (save_clock), which the files and the
// counters both hold: the files with NULL for none, the counters (procedure_file_counts, open files
// only) with '' for none ('' sorts before every day, so "no suspension" is "suspension over" by the
// same test). The due date's comparisons are the same on both.
struct ClockColumns {
  const char* not_started;
  const char* suspended;  // one ?: today
  const char* counting;   // neither: the term runs, maybe past due; one ?: today
};
constexpr ClockColumns kOnFiles{
    "status = 'open' AND due_on IS NULL", "status = 'open' AND suspended_until > ?",
    "status = 'open' AND due_on IS NOT NULL AND (suspended_until IS NULL OR "
    "suspended_until <= ?)"};
constexpr ClockColumns kOnCounters{"due_on = ''", "suspended_until > ?",
                                   "due_on <> '' AND suspended_until <= ?"};

// The state filter as SQL over the stored clock: the same answer as the live clock. `closed` only
// on the files (the counters hold none).
void add_state(db::Where& where, ClockState state, CivilDay today,
               const ClockColumns& on = kOnFiles) {
  const std::string t = today.to_string();
  const std::string soon = today.plus_days(kDueSoonDays).to_string();
  switch (state) {
    case ClockState::closed:
      where.add("status = 'closed'");
      return;
    case ClockState::not_started:
      where.add(on.not_started);
      return;
    case ClockState::suspended:
      where.add(on.suspended, t);
      return;
    default:
      break;
  }
  where.add(on.counting, t);
  if (state == ClockState::overdue) where.add("due_on < ?", t);
  if (state == ClockState::due_soon) where.add("due_on >= ? AND due_on <= ?", db::Params{t, soon});
  if (state == ClockState::running) where.add("due_on > ?", soon);
}

}  // namespace

const std::vector<std::string>& file_sort_keys() {
  static const std::vector<std::string> keys = {"due_on", "filed_on", "protocol_number",
                                                "procedure", "step"};
  return keys;
}

bool is_file_sort(const std::string& sort) {
  const std::string key = !sort.empty() && sort.front() == '-' ? sort.substr(1) : sort;
  const auto& keys = file_sort_keys();
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

namespace {

// Whether every file the filter lets through has a due date: then the default order is the
// index's (status, due_on, id), with no expression to sort by.
bool has_due_date(const FileFilter& f) {
  if (f.overdue) return true;
  return f.state && (*f.state == ClockState::overdue || *f.state == ClockState::due_soon ||
                     *f.state == ClockState::running);
}

// The ORDER BY of the list. Files without a due date (the term not started) come last whichever
// way the due dates go: SQLite puts NULLs first ascending, PostgreSQL last, so a CASE says it
// once. Ties by due date (the most urgent first), then id, so pages do not shuffle.
std::string order_by(const FileFilter& f) {
  const std::string by = f.sort.empty() ? "due_on" : f.sort;
  const bool descending = by.front() == '-';
  const std::string key = descending ? by.substr(1) : by;
  const std::string dir = descending ? " DESC" : " ASC";
  const std::string nulls_last = "CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, ";
  if (key == "due_on") {
    if (has_due_date(f)) return "due_on" + dir + ", id" + dir;
    return nulls_last + "due_on" + dir + ", id" + dir;
  }
  std::string column;
  if (key == "filed_on") column = "filed_on";
  if (key == "protocol_number") column = "protocol_number";
  if (key == "procedure")
    column = "(SELECT p.code FROM procedures p WHERE p.id = procedure_files.procedure_id)";
  if (key == "step") column = "step_position";
  return column + dir + ", " + nulls_last + "due_on, id";
}

// The files a filter reads from. A case worker's files (`persons`) are found person by person
// (procedure_files_person): a few hundred people's files, where the state's index would walk
// every open file of the nation and test its person. SQLite has no statistics to see that
// (seed.cc leaves them out), so it is told; PostgreSQL's planner sees it from its own.
std::string files_of(const db::Connection& conn, const std::optional<db::Subquery>& persons) {
  if (persons && conn.engine() == db::Engine::sqlite)
    return "procedure_files INDEXED BY procedure_files_person";
  return "procedure_files";
}

// Whether the list's total can be summed from the counters: open files in a clock state, of every
// person (the Prefettura's and the SUI's dashboard lists). Counting the 123,000 files past due of
// 500,000 took 68 ms (p95 167 ms) on PostgreSQL while the table was not yet vacuumed.
bool counted_total(const FileFilter& f) {
  if (f.person_id || f.persons || !f.protocol.empty()) return false;
  if (f.state) return *f.state != ClockState::closed;
  return f.overdue;
}

Result<std::int64_t> count_open_files(db::Connection& conn, const FileFilter& f, CivilDay today) {
  db::Where where;
  if (f.procedure_id) where.add("procedure_id = ?", *f.procedure_id);
  if (f.state) add_state(where, *f.state, today, kOnCounters);
  if (f.overdue) add_state(where, ClockState::overdue, today, kOnCounters);
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT COALESCE(SUM(files), 0) FROM procedure_file_counts" + where.sql(),
                 where.params()));
  return rows[0].integer(0);
}

}  // namespace

Result<db::Page<File>> list_files(db::Connection& conn, const FileFilter& f, CivilDay today,
                                  const Paging& paging) {
  db::Where where;
  if (f.procedure_id) where.add("procedure_id = ?", *f.procedure_id);
  if (f.person_id) where.add("person_id = ?", *f.person_id);
  if (f.state) add_state(where, *f.state, today);
  if (f.overdue) add_state(where, ClockState::overdue, today);
  if (f.persons) where.add_in("person_id", *f.persons);
  if (!f.protocol.empty()) where.add("protocol_number = ?", f.protocol);
  db::Page<File> page;
  if (counted_total(f)) {
    INNET_ASSIGN_OR_RETURN(page.items,
                           db::page_rows<File>(conn, kColumns, files_of(conn, f.persons), where,
                                               order_by(f), paging, from_row));
    INNET_ASSIGN_OR_RETURN(page.total, count_open_files(conn, f, today));
  } else {
    INNET_ASSIGN_OR_RETURN(page, db::page_query<File>(conn, kColumns, files_of(conn, f.persons),
                                                      where, order_by(f), paging, from_row));
  }
  INNET_TRY(load_lists(conn, page.items));
  return page;
}

namespace {

// Every open file: a sum over the counters, whose rows are the open files' (procedure, due date,
// end of suspension); '' (none) sorts before every day, so a file without a suspension is "not
// suspended" by the same test as one whose suspension has run its longest.
Result<std::vector<ProcedureCounts>> count_every_file(db::Connection& conn, CivilDay today) {
  const std::string t = today.to_string();
  const std::string soon = today.plus_days(kDueSoonDays).to_string();
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT procedure_id, SUM(files), SUM(CASE WHEN suspended_until > ? THEN files "
                 "ELSE 0 END), SUM(CASE WHEN due_on <> '' AND due_on < ? AND suspended_until <= ? "
                 "THEN files ELSE 0 END), SUM(CASE WHEN due_on >= ? AND due_on <= ? AND "
                 "suspended_until <= ? THEN files ELSE 0 END) FROM procedure_file_counts GROUP BY "
                 "procedure_id ORDER BY procedure_id",
                 {t, t, t, t, soon, t}));
  std::vector<ProcedureCounts> out;
  for (const auto& r : rows)
    out.push_back({r.integer(0), r.integer(1), r.integer(3), r.integer(4), r.integer(2)});
  return out;
}

// The persons' files, read from the files: a case worker's few hundred people.
Result<std::vector<ProcedureCounts>> count_files_of(db::Connection& conn,
                                                    const db::Subquery& persons, CivilDay today) {
  const std::string t = today.to_string();
  const std::string soon = today.plus_days(kDueSoonDays).to_string();
  const std::string from = files_of(conn, persons);
  db::Where open;
  open.add("status = 'open'");
  open.add_in("person_id", persons);
  // Every open file of theirs and the suspended ones.
  db::Params params = {t};
  params.insert(params.end(), open.params().begin(), open.params().end());
  INNET_ASSIGN_OR_RETURN(
      auto all, conn.query("SELECT procedure_id, COUNT(*), SUM(CASE WHEN suspended_until > ? THEN "
                           "1 ELSE 0 END) FROM " +
                               from + open.sql() + " GROUP BY procedure_id ORDER BY procedure_id",
                           params));
  // Past due and due soon, not suspended (add_state's conditions): only the files due by
  // today + kDueSoonDays.
  db::Where due;
  due.add("status = 'open'");
  due.add("due_on <= ?", soon);
  due.add("(suspended_until IS NULL OR suspended_until <= ?)", t);
  due.add_in("person_id", persons);
  params = {t, t};
  params.insert(params.end(), due.params().begin(), due.params().end());
  INNET_ASSIGN_OR_RETURN(auto near,
                         conn.query("SELECT procedure_id, SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 "
                                    "END), SUM(CASE WHEN due_on >= ? THEN 1 ELSE 0 END) FROM " +
                                        from + due.sql() + " GROUP BY procedure_id",
                                    params));
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> by_procedure;
  for (const auto& r : near) by_procedure[r.integer(0)] = {r.integer(1), r.integer(2)};
  std::vector<ProcedureCounts> out;
  for (const auto& r : all) {
    const auto [overdue, due_soon] = by_procedure[r.integer(0)];
    out.push_back({r.integer(0), r.integer(1), overdue, due_soon, r.integer(2)});
  }
  return out;
}

// The statements that keep procedure_file_counts, for the trigger bodies: `row` (NEW or OLD)
// counted, or no longer counted, when it is an open file. A row reaching 0 is deleted, so the
// table holds the open files' keys only and stays a few thousand rows as due dates move on.
std::string counted_key(const std::string& row) {
  return "procedure_id = " + row + ".procedure_id AND due_on = COALESCE(" + row +
         ".due_on, '') AND suspended_until = COALESCE(" + row + ".suspended_until, '')";
}

std::string uncount(const std::string& row, const std::string& guard) {
  return "  UPDATE procedure_file_counts SET files = files - 1 WHERE " + guard + counted_key(row) +
         ";\n  DELETE FROM procedure_file_counts WHERE files = 0 AND " + counted_key(row) + ";\n";
}

// The guard ends in TRUE so that the SELECT always has a WHERE: SQLite reads an upsert after a
// SELECT without one as a join's ON.
std::string count(const std::string& row, const std::string& guard, const std::string& table) {
  return "  INSERT INTO procedure_file_counts (procedure_id, due_on, suspended_until, files) "
         "SELECT " +
         row + ".procedure_id, COALESCE(" + row + ".due_on, ''), COALESCE(" + row +
         ".suspended_until, ''), 1 WHERE " + guard + "TRUE ON CONFLICT (procedure_id, due_on, " +
         "suspended_until) DO UPDATE SET files = " + table + "files + 1;\n";
}

}  // namespace

Result<std::vector<ProcedureCounts>> count_by_procedure(db::Connection& conn,
                                                        const std::optional<db::Subquery>& persons,
                                                        CivilDay today) {
  if (!persons) return count_every_file(conn, today);
  return count_files_of(conn, *persons, today);
}

db::Migration counts_migration(db::Engine engine) {
  const std::string name =
      "procedures: the open files counted by procedure, due date and end of suspension, for the "
      "deadline dashboard";
  const std::string table = R"sql(
CREATE TABLE procedure_file_counts (
  procedure_id BIGINT NOT NULL REFERENCES procedures (id),
  due_on TEXT NOT NULL,
  suspended_until TEXT NOT NULL,
  files INTEGER NOT NULL CHECK (files >= 0),
  PRIMARY KEY (procedure_id, due_on, suspended_until)
);
INSERT INTO procedure_file_counts (procedure_id, due_on, suspended_until, files)
  SELECT procedure_id, COALESCE(due_on, ''), COALESCE(suspended_until, ''), COUNT(*)
  FROM procedure_files WHERE status = 'open'
  GROUP BY procedure_id, COALESCE(due_on, ''), COALESCE(suspended_until, '');
)sql";
  // Only a change of what is counted moves a file between counters: the file's other updates
  // (updated_at, step_position) cost a comparison.
  const std::string on_update =
      "AFTER UPDATE OF status, procedure_id, due_on, suspended_until ON procedure_files\n"
      "  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.procedure_id IS "
      "DISTINCT FROM NEW.procedure_id OR OLD.due_on IS DISTINCT FROM NEW.due_on OR "
      "OLD.suspended_until IS DISTINCT FROM NEW.suspended_until)";
  if (engine == db::Engine::sqlite) {
    // The upsert's SET reads the counter's own column.
    const std::string new_open = "NEW.status = 'open' AND ";
    const std::string old_open = "OLD.status = 'open' AND ";
    return {9, name,
            table +
                "CREATE TRIGGER procedure_file_counts_insert AFTER INSERT ON procedure_files\n" +
                "BEGIN\n" + count("NEW", new_open, "") + "END;\n" +
                "CREATE TRIGGER procedure_file_counts_update " + on_update + "\nBEGIN\n" +
                uncount("OLD", old_open) + count("NEW", new_open, "") + "END;\n" +
                "CREATE TRIGGER procedure_file_counts_delete AFTER DELETE ON procedure_files\n" +
                "BEGIN\n" + uncount("OLD", old_open) + "END;\n"};
  }
  // PostgreSQL: one function for the three events, reading OLD and NEW only where they exist.
  // Concurrent writers wait on the counter's row (the UPDATE's lock, the upsert's conflict
  // check), so two files moving in or out of the same key never lose a count.
  const std::string keep = "  FOR EACH ROW EXECUTE FUNCTION procedure_file_counts_keep();\n";
  return {9, name,
          table +
              "CREATE FUNCTION procedure_file_counts_keep() RETURNS trigger LANGUAGE plpgsql AS "
              "$$\nBEGIN\n"
              "IF TG_OP <> 'INSERT' THEN IF OLD.status = 'open' THEN\n" +
              uncount("OLD", "") + "END IF; END IF;\n" +
              "IF TG_OP <> 'DELETE' THEN IF NEW.status = 'open' THEN\n" +
              count("NEW", "", "procedure_file_counts.") + "END IF; END IF;\n" +
              "RETURN NULL;\nEND $$;\n" +
              "CREATE TRIGGER procedure_file_counts_insert AFTER INSERT ON procedure_files\n" +
              keep + "CREATE TRIGGER procedure_file_counts_update " + on_update +
              "\n  EXECUTE FUNCTION procedure_file_counts_keep();\n" +
              "CREATE TRIGGER procedure_file_counts_delete AFTER DELETE ON procedure_files\n" +
              keep};
}

Status insert_files(db::Connection& conn, std::vector<File>& files,
                    const std::map<std::int64_t, Procedure>& procedures) {
  // The files, with the ids they get (RETURNING gives them in the order of the VALUES).
  constexpr std::size_t kRows = 50;  // 17 values a row
  for (std::size_t at = 0; at < files.size(); at += kRows) {
    const std::size_t count = std::min(kRows, files.size() - at);
    std::string sql =
        "INSERT INTO procedure_files (procedure_id, person_id, sponsor_person_id, employer, "
        "protocol_number, filed_on, status, outcome, decided_on, decision_note, decided_by, "
        "due_on, suspended_until, step_position, created_by, created_at, updated_at) VALUES ";
    db::Params params;
    for (std::size_t i = 0; i < count; ++i) {
      const File& f = files[at + i];
      const auto kept = stored_clock(f, procedures.at(f.procedure_id));
      const auto* d = f.decision ? &*f.decision : nullptr;
      sql += std::string(i ? ", (" : "(") + db::placeholders(17) + ")";
      params.insert(
          params.end(),
          {f.procedure_id, f.person_id, db::optional_value(f.sponsor_person_id),
           db::optional_value(f.employer), f.protocol_number, f.filed_on, f.status,
           d ? db::Value(d->outcome) : db::Value(nullptr),
           d ? db::Value(d->decided_on) : db::Value(nullptr),
           d ? db::optional_value(d->note) : db::Value(nullptr),
           d ? db::Value(d->decided_by) : db::Value(nullptr), db::optional_value(kept.due_on),
           db::optional_value(kept.suspended_until), static_cast<std::int64_t>(f.steps.size()),
           f.created_by, f.created_at, f.updated_at});
    }
    INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " RETURNING id", params));
    for (std::size_t i = 0; i < count; ++i) files[at + i].id = rows[i].integer(0);
  }
  struct StepRow {
    std::int64_t file_id;
    std::int64_t position;
    const FileStep* step;
  };
  struct DocumentRow {
    std::int64_t file_id;
    const ReceivedDocument* document;
  };
  struct SuspensionRow {
    std::int64_t file_id;
    const Suspension* suspension;
  };
  std::vector<StepRow> steps;
  std::vector<DocumentRow> documents;
  std::vector<SuspensionRow> suspensions;
  for (const auto& f : files) {
    for (std::size_t k = 0; k < f.steps.size(); ++k)
      steps.push_back({f.id, static_cast<std::int64_t>(k + 1), &f.steps[k]});
    for (const auto& d : f.documents) documents.push_back({f.id, &d});
    for (const auto& s : f.suspensions) suspensions.push_back({f.id, &s});
  }
  INNET_TRY(db::insert_many(
      conn,
      "INSERT INTO procedure_file_steps (file_id, position, step, entered_on, note, recorded_by) "
      "VALUES ",
      6, steps.size(),
      [&](std::size_t i, db::Params& params) {
        const auto& r = steps[i];
        params.insert(params.end(), {r.file_id, r.position, r.step->step, r.step->entered_on,
                                     db::optional_value(r.step->note), r.step->recorded_by});
      },
      150));
  INNET_TRY(db::insert_many(
      conn,
      "INSERT INTO procedure_file_documents (file_id, document, received_on, recorded_by) VALUES ",
      4, documents.size(),
      [&](std::size_t i, db::Params& params) {
        const auto& r = documents[i];
        params.insert(params.end(), {r.file_id, r.document->document, r.document->received_on,
                                     r.document->recorded_by});
      },
      200));
  INNET_TRY(db::insert_many(
      conn,
      "INSERT INTO procedure_file_suspensions (file_id, started_on, ended_on, reason, opened_by, "
      "closed_by) VALUES ",
      6, suspensions.size(),
      [&](std::size_t i, db::Params& params) {
        const auto& r = suspensions[i];
        const auto& s = *r.suspension;
        params.insert(params.end(), {r.file_id, s.started_on, db::optional_value(s.ended_on),
                                     s.reason, s.opened_by, db::optional_value(s.closed_by)});
      },
      150));
  return Status::success();
}

namespace {

constexpr const char* kDueWhere =
    " WHERE status = 'open' AND due_on IS NOT NULL AND (suspended_until IS NULL OR "
    "suspended_until <= ?) AND due_on <= ?";

}  // namespace

Result<std::int64_t> count_due(db::Connection& conn, CivilDay today, bool overdue_only) {
  const auto until = overdue_only ? today.plus_days(-1) : today.plus_days(kDueSoonDays);
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT COUNT(*) FROM procedure_files") + kDueWhere,
                                    {today.to_string(), until.to_string()}));
  return rows[0].integer(0);
}

Result<std::vector<DueFile>> due_files(db::Connection& conn, CivilDay today, std::int64_t limit) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT f.id, f.protocol_number, p.code, f.due_on FROM "
                             "procedure_files f JOIN procedures p ON p.id = f.procedure_id") +
                     " WHERE f.status = 'open' AND f.due_on IS NOT NULL AND (f.suspended_until "
                     "IS NULL OR f.suspended_until <= ?) AND f.due_on <= ? ORDER BY f.due_on, "
                     "f.id LIMIT ?",
                 {today.to_string(), today.plus_days(kDueSoonDays).to_string(), limit}));
  std::vector<DueFile> out;
  for (const auto& r : rows) out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

Status refresh_due_dates(db::Connection& conn, const Procedure& p) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id FROM procedure_files WHERE procedure_id = ? AND status = "
                            "'open'",
                            {p.id}));
  for (const auto& r : rows) {
    INNET_ASSIGN_OR_RETURN(auto f, find_file(conn, r.integer(0)));
    INNET_TRY(save_clock(conn, f, p, f.updated_at));
  }
  return Status::success();
}

}  // namespace innet::procedures
