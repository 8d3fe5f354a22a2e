// Files over HTTP (decision 0040). The SUI's officers open and move them; the Prefettura's
// officers read them; a case worker reads the files of the people whose cases they are assigned
// to (cases::persons_with_cases_assigned_to), and a file outside that is answered as a missing
// one. Every answer carries the legal clock as of today. Analysts and the admin read no files.
#include <map>

#include "accounts/accounts.h"
#include "api/object_type.h"
#include "cases/cases.h"
#include "core/clock.h"
#include "people/routes.h"
#include "procedures/catalogue.h"
#include "procedures/file_export.h"
#include "procedures/files.h"
#include "procedures/routes.h"
#include "reporting/files.h"
#include "reporting/language.h"

namespace innet::procedures {
namespace {

constexpr const char* kRead = "procedure_files.read";
constexpr const char* kManage = "procedure_files.manage";
// The audit actions of the writes on a file (named so that the web's scan of audit actions
// finds them whatever the formatting: web/tests/audit-actions.test.mjs).
constexpr const char* kAdvanceAuditAction = "procedure_files.advance";
constexpr const char* kDocumentAuditAction = "procedure_files.document";
constexpr const char* kSuspendAuditAction = "procedure_files.suspend";
constexpr const char* kResumeAuditAction = "procedure_files.resume";
constexpr const char* kDecideAuditAction = "procedure_files.decide";

// Names are the Italian ones as stored (the identity of a procedure, a step or a document for
// the staff, the audit and the exports) and a label in the caller's language where the catalogue
// has one (decision 0043), with the language it is in.
struct ProcedureRef {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  LocalText label;
};

constexpr const char* kLabelDoc =
    "the name in the caller's language (?lang=, else Accept-Language), Italian where none";

ProcedureRef ref_of(const Procedure& p, const std::string& language) {
  return {p.id, p.code, p.name, name_in(p.name, p.names, language)};
}

struct PersonRef {
  std::int64_t id = 0;
  std::string family_name;
  std::string given_names;
};

struct StepView {
  std::int64_t position = 0;
  std::string code;
  std::string name;
  LocalText label;
  std::string office;
  std::string entered_on;
  std::optional<std::string> note;
  std::string recorded_by_name;
};

struct DocumentView {
  std::string code;
  std::string name;
  LocalText label;
  bool required = true;
  std::optional<std::string> received_on;  // none: missing
};

struct SuspensionView {
  Suspension s;
};

struct DecisionView {
  Decision d;
  std::string decided_by_name;
};

struct ClockView {
  Clock c;
  std::optional<TermRule> rule;
  std::string term;
};

struct FileView {
  File f;
  ProcedureRef procedure;
  PersonRef person;
  std::optional<PersonRef> sponsor;
  StepView current_step;
  std::optional<std::string> next_step;
  std::vector<StepView> steps;
  std::vector<DocumentView> documents;
  std::vector<std::string> missing_documents;
  std::optional<DecisionView> decision;
  ClockView clock;
};

const api::ObjectType<ProcedureRef>& procedure_ref_type() {
  static const auto type =
      api::ObjectType<ProcedureRef>("ProcedureRef")
          .field("id", &ProcedureRef::id)
          .field("code", &ProcedureRef::code)
          .field("name", &ProcedureRef::name, {.description = "Italian"})
          .field("label", [](const ProcedureRef& r) { return r.label.text; },
                 {.description = kLabelDoc})
          .field("label_lang", [](const ProcedureRef& r) { return r.label.lang; },
                 {.allowed = languages()});
  return type;
}

const api::ObjectType<PersonRef>& person_ref_type() {
  static const auto type = api::ObjectType<PersonRef>("ProcedureFilePerson")
                               .field("id", &PersonRef::id)
                               .field("family_name", &PersonRef::family_name)
                               .field("given_names", &PersonRef::given_names);
  return type;
}

const api::ObjectType<StepView>& step_view_type() {
  static const auto type = api::ObjectType<StepView>("ProcedureFileStep")
                               .field("position", &StepView::position)
                               .field("code", &StepView::code)
                               .field("name", &StepView::name, {.description = "Italian"})
                               .field("label", [](const StepView& v) { return v.label.text; },
                                      {.description = kLabelDoc})
                               .field("label_lang", [](const StepView& v) { return v.label.lang; },
                                      {.allowed = languages()})
                               .field("office", &StepView::office)
                               .field("entered_on", &StepView::entered_on, {.format = "date"})
                               .field("note", &StepView::note)
                               .field("recorded_by_name", &StepView::recorded_by_name);
  return type;
}

const api::ObjectType<DocumentView>& document_view_type() {
  static const auto type =
      api::ObjectType<DocumentView>("ProcedureFileDocument")
          .field("code", &DocumentView::code)
          .field("name", &DocumentView::name, {.description = "Italian"})
          .field("label", [](const DocumentView& v) { return v.label.text; },
                 {.description = kLabelDoc})
          .field("label_lang", [](const DocumentView& v) { return v.label.lang; },
                 {.allowed = languages()})
          .field("required", &DocumentView::required)
          .field("received_on", &DocumentView::received_on,
                 {.description = "null: not received yet", .format = "date"});
  return type;
}

const api::ObjectType<SuspensionView>& suspension_type() {
  static const auto type =
      api::ObjectType<SuspensionView>("ProcedureFileSuspension")
          .field("id", [](const SuspensionView& v) { return v.s.id; })
          .field("started_on", [](const SuspensionView& v) { return v.s.started_on; },
                 {.format = "date"})
          .field("ended_on", [](const SuspensionView& v) { return v.s.ended_on; },
                 {.description = "null: the integration is still awaited", .format = "date"})
          .field("reason", [](const SuspensionView& v) { return v.s.reason; });
  return type;
}

const api::ObjectType<DecisionView>& decision_type() {
  static const auto type =
      api::ObjectType<DecisionView>("ProcedureFileDecision")
          .field("outcome", [](const DecisionView& v) { return v.d.outcome; },
                 {.allowed = outcomes()})
          .field("decided_on", [](const DecisionView& v) { return v.d.decided_on; },
                 {.format = "date"})
          .field("note", [](const DecisionView& v) { return v.d.note; })
          .field("decided_by_name", &DecisionView::decided_by_name);
  return type;
}

const api::ObjectType<ClockView>& clock_type() {
  static const auto type =
      api::ObjectType<ClockView>("ProcedureClock")
          .field("state", [](const ClockView& v) { return to_string(v.c.state); },
                 {.allowed = clock_states()})
          .field("term", &ClockView::term)
          .field("due_on",
                 [](const ClockView& v) {
                   return v.c.due ? std::optional<std::string>(v.c.due->to_string()) : std::nullopt;
                 },
                 {.description = "null until the term starts", .format = "date"})
          .field("days_left", [](const ClockView& v) { return v.c.days_left; },
                 {.description = "calendar days to the due date (on the decision's day once "
                                 "closed); negative when past"})
          .field("suspended_days", [](const ClockView& v) { return v.c.suspended_days; })
          .field("amount",
                 [](const ClockView& v) {
                   return v.rule ? std::optional<std::int64_t>(v.rule->amount) : std::nullopt;
                 })
          .field("counting",
                 [](const ClockView& v) {
                   return v.rule ? std::optional<std::string>(to_string(v.rule->counting))
                                 : std::nullopt;
                 },
                 {.allowed = countings()})
          .field("rule_applies_from",
                 [](const ClockView& v) {
                   return v.rule ? std::optional<std::string>(v.rule->applies_from.to_string())
                                 : std::nullopt;
                 },
                 {.description = "the dated rule the file follows", .format = "date"})
          .field("legal_reference",
                 [](const ClockView& v) {
                   return v.rule ? std::optional<std::string>(v.rule->legal_reference)
                                 : std::nullopt;
                 })
          .field("silent_consent",
                 [](const ClockView& v) { return v.rule && v.rule->silent_consent; },
                 {.description = "the term's end without an answer is consent"});
  return type;
}

const api::ObjectType<FileView>& file_type() {
  static const auto type =
      api::ObjectType<FileView>("ProcedureFile")
          .field("id", [](const FileView& v) { return v.f.id; })
          .field("protocol_number", [](const FileView& v) { return v.f.protocol_number; })
          .field("procedure", &FileView::procedure, procedure_ref_type())
          .field("person", &FileView::person, person_ref_type())
          .field("sponsor", &FileView::sponsor, person_ref_type())
          .field("employer", [](const FileView& v) { return v.f.employer; })
          .field("filed_on", [](const FileView& v) { return v.f.filed_on; }, {.format = "date"})
          .field("status", [](const FileView& v) { return v.f.status; },
                 {.allowed = {"open", "closed"}})
          .field("current_step", &FileView::current_step, step_view_type())
          .field("next_step", &FileView::next_step,
                 {.description = "the only step the file may go to next; null at the last"})
          .field("steps", &FileView::steps, step_view_type())
          .field("documents", &FileView::documents, document_view_type())
          .field("missing_documents", &FileView::missing_documents,
                 {.description = "the required documents not yet received"})
          .field(
              "suspensions",
              [](const FileView& v) {
                std::vector<SuspensionView> out;
                for (const auto& s : v.f.suspensions) out.push_back({s});
                return out;
              },
              suspension_type())
          .field("decision", &FileView::decision, decision_type())
          .field("clock", &FileView::clock, clock_type())
          .field("created_at", [](const FileView& v) { return v.f.created_at; },
                 {.format = "date-time"})
          .field("updated_at", [](const FileView& v) { return v.f.updated_at; },
                 {.format = "date-time"});
  return type;
}

// What a view needs besides the file, read once per request.
class Lookup {
 public:
  Lookup(db::Connection& conn, std::string language)
      : conn_(conn), language_(std::move(language)) {}
  const std::string& language() const { return language_; }
  Result<const Procedure*> procedure(std::int64_t id) {
    auto at = procedures_.find(id);
    if (at == procedures_.end()) {
      INNET_ASSIGN_OR_RETURN(auto p, find_procedure(conn_, id));
      at = procedures_.emplace(id, std::move(p)).first;
    }
    return &at->second;
  }
  Result<std::string> user(std::int64_t id) {
    if (auto known = users_.find(id); known != users_.end()) return known->second;
    INNET_ASSIGN_OR_RETURN(auto u, accounts::find_user(conn_, id));
    return users_[id] = u.display_name;
  }
  Status persons(const std::vector<File>& files) {
    std::vector<std::int64_t> ids;
    for (const auto& f : files) {
      ids.push_back(f.person_id);
      if (f.sponsor_person_id) ids.push_back(*f.sponsor_person_id);
    }
    INNET_ASSIGN_OR_RETURN(auto found, people::find_persons(conn_, ids));
    for (const auto& p : found) persons_[p.id] = {p.id, p.family_name, p.given_names};
    return Status::success();
  }
  PersonRef person(std::int64_t id) {
    auto at = persons_.find(id);
    return at == persons_.end() ? PersonRef{id, "", ""} : at->second;
  }

 private:
  db::Connection& conn_;
  std::string language_;  // of the labels
  std::map<std::int64_t, Procedure> procedures_;
  std::map<std::int64_t, std::string> users_;
  std::map<std::int64_t, PersonRef> persons_;
};

Result<FileView> view_of(Lookup& lookup, File f, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(const Procedure* p, lookup.procedure(f.procedure_id));
  const auto& language = lookup.language();
  FileView v{.procedure = ref_of(*p, language), .person = lookup.person(f.person_id)};
  if (f.sponsor_person_id) v.sponsor = lookup.person(*f.sponsor_person_id);
  for (const auto& s : f.steps) {
    const auto position = position_of(*p, s.step);
    const Step* step = position > 0 ? &p->steps[static_cast<std::size_t>(position - 1)] : nullptr;
    INNET_ASSIGN_OR_RETURN(auto by, lookup.user(s.recorded_by));
    v.steps.push_back({position, s.step, step ? step->name : s.step,
                       step ? name_in(step->name, step->names, language) : LocalText{s.step, "it"},
                       step ? step->office : "", s.entered_on, s.note, by});
  }
  if (!v.steps.empty()) v.current_step = v.steps.back();
  const auto at = current_position(f, *p);
  if (f.status == "open" && at < static_cast<std::int64_t>(p->steps.size()))
    v.next_step = p->steps[static_cast<std::size_t>(at)].code;
  for (const auto& d : p->documents) {
    DocumentView dv{d.code, d.name, name_in(d.name, d.names, language), d.required, std::nullopt};
    for (const auto& r : f.documents)
      if (r.document == d.code) dv.received_on = r.received_on;
    v.documents.push_back(std::move(dv));
  }
  v.missing_documents = missing_documents(f, *p);
  if (f.decision) {
    INNET_ASSIGN_OR_RETURN(auto by, lookup.user(f.decision->decided_by));
    v.decision = DecisionView{*f.decision, by};
  }
  v.clock = {
      clock_of(f, *p, today),
      rule_in_force(p->terms, p->clock_term, CivilDay::parse(f.filed_on).value_or(kEarliestDay)),
      p->clock_term};
  v.f = std::move(f);
  return v;
}

Result<nlohmann::json> json_of(api::Context& ctx, db::Connection& conn, File f) {
  Lookup lookup(conn, reporting::language_code_of(ctx.request));
  std::vector<File> one = {f};
  INNET_TRY(lookup.persons(one));
  INNET_ASSIGN_OR_RETURN(auto v, view_of(lookup, std::move(f), clock::today()));
  return file_type().to_json(v);
}

// The file when the caller's scope for `action` reaches it: every file for the SUI and the
// Prefettura, the files of the people a case worker follows; otherwise 404, as for a file that
// does not exist. The read log names the file's persons either way.
Result<File> visible_file(api::Context& ctx, db::Connection& conn, std::int64_t id,
                          const char* action) {
  INNET_ASSIGN_OR_RETURN(auto f, find_file(conn, id));
  ctx.record_read(f.person_id);
  if (f.sponsor_person_id) ctx.record_read(*f.sponsor_person_id);
  const auto scope = ctx.services.policy.scope(ctx.actor->role, action);
  if (!scope) return Error::not_found("procedure_file");
  if (*scope == auth::Scope::all) return f;
  FileFilter only{.persons = cases::persons_with_cases_assigned_to(ctx.actor->user_id)};
  only.person_id = f.person_id;
  INNET_ASSIGN_OR_RETURN(auto page, list_files(conn, only, clock::today(), Paging{1, 1}));
  if (page.total == 0) return Error::not_found("procedure_file");
  return f;
}

// The files of the list's filters as CSV (';', Italian office conventions) or XLSX (date cells),
// every one of them in the order asked, read 500 at a time. More than a file may hold is refused
// before anything is read beyond the first page.
Result<http::Response> files_file(api::Context& ctx, db::Connection& conn, const FileFilter& f,
                                  CivilDay today) {
  const reporting::Labels labels(file_export_words(), reporting::language_of(ctx.request));
  reporting::Table table{.name = labels("sheet.files")};
  for (const char* c : {"protocol_number", "procedure", "person", "current_step", "filed_on",
                        "due_on", "clock_state", "days_left", "suspended_days"})
    table.columns.push_back({c, labels(std::string("column.") + c)});
  constexpr std::int64_t kPage = 500;
  for (Paging paging{1, kPage};; ++paging.page) {
    INNET_ASSIGN_OR_RETURN(auto page, list_files(conn, f, today, paging));
    if (page.total > static_cast<std::int64_t>(reporting::kMaxExportRows))
      return Error::make(ErrorKind::unprocessable, "export_too_large",
                         "the export would hold " + std::to_string(page.total) +
                             " rows, more than the " + std::to_string(reporting::kMaxExportRows) +
                             " a file may hold: narrow the filters");
    Lookup lookup(conn, "it");  // the exports name procedures and steps in Italian (0043)
    INNET_TRY(lookup.persons(page.items));
    for (auto& file : page.items) {
      ctx.record_read(file.person_id);
      if (file.sponsor_person_id) ctx.record_read(*file.sponsor_person_id);
      INNET_ASSIGN_OR_RETURN(auto v, view_of(lookup, std::move(file), today));
      using reporting::Cell;
      const auto& c = v.clock.c;
      table.rows.push_back({Cell::of(v.f.protocol_number), Cell::of(v.procedure.name),
                            Cell::of(v.person.family_name + " " + v.person.given_names),
                            Cell::of(v.current_step.name), Cell::date(v.f.filed_on),
                            c.due ? Cell::date(c.due->to_string()) : Cell{},
                            Cell::of(labels("state." + to_string(c.state))),
                            c.days_left ? Cell::of(*c.days_left) : Cell{},
                            Cell::of(c.suspended_days)});
    }
    if (paging.page * kPage >= page.total) break;
  }
  return reporting::tables_response(ctx.request.query["format"], {std::move(table)}, 0,
                                    "pratiche-" + today.to_string(), reporting::CsvStyle::office);
}

// The files a case worker may read: those of the people whose cases they are assigned to.
std::optional<db::Subquery> reach_of(api::Context& ctx) {
  if (ctx.services.policy.scope(ctx.actor->role, kRead) == auth::Scope::all) return std::nullopt;
  return cases::persons_with_cases_assigned_to(ctx.actor->user_id);
}

Result<http::Response> list_some(api::Context& ctx) {
  auto& q = ctx.request.query;
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(q));
  FileFilter f;
  if (!q["procedure_id"].empty()) f.procedure_id = std::stoll(q["procedure_id"]);
  if (!q["person_id"].empty()) f.person_id = std::stoll(q["person_id"]);
  if (!q["state"].empty()) f.state = parse_clock_state(q["state"]);
  f.overdue = q["overdue"] == "true";
  f.protocol = q["protocol_number"];
  f.sort = q["sort"];
  f.persons = reach_of(ctx);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const auto today = clock::today();
  if (!q["format"].empty() && q["format"] != "json") return files_file(ctx, *conn, f, today);
  INNET_ASSIGN_OR_RETURN(auto page, list_files(*conn, f, today, paging));
  Lookup lookup(*conn, reporting::language_code_of(ctx.request));
  INNET_TRY(lookup.persons(page.items));
  nlohmann::json items = nlohmann::json::array();
  for (auto& file : page.items) {
    ctx.record_read(file.person_id);
    if (file.sponsor_person_id) ctx.record_read(*file.sponsor_person_id);
    INNET_ASSIGN_OR_RETURN(auto v, view_of(lookup, std::move(file), today));
    items.push_back(file_type().to_json(v));
  }
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

// The deadline dashboard's figures: every procedure of the catalogue (none left out, so a zero
// shows as one), the caller's files only.
struct CountsRow {
  ProcedureRef procedure;
  ProcedureCounts n;
};

struct CountsView {
  std::string as_of;
  std::vector<CountsRow> items;
  ProcedureCounts total;
};

const api::ObjectType<CountsRow>& counts_row_type() {
  static const auto type =
      api::ObjectType<CountsRow>("ProcedureFileCountsRow")
          .field("procedure", &CountsRow::procedure, procedure_ref_type())
          .field("open", [](const CountsRow& r) { return r.n.open; },
                 {.description = "open files (every state but closed)"})
          .field("overdue", [](const CountsRow& r) { return r.n.overdue; },
                 {.description = "past their due date, not suspended"})
          .field("due_soon", [](const CountsRow& r) { return r.n.due_soon; },
                 {.description = "due within 10 days (today included), not suspended"})
          .field("suspended", [](const CountsRow& r) { return r.n.suspended; },
                 {.description = "a request for integration holds the term today"});
  return type;
}

const api::ObjectType<CountsView>& counts_type() {
  static const auto type =
      api::ObjectType<CountsView>("ProcedureFileCounts")
          .field("as_of", &CountsView::as_of, {.format = "date"})
          .field("items", &CountsView::items, counts_row_type())
          .field("open", [](const CountsView& v) { return v.total.open; })
          .field("overdue", [](const CountsView& v) { return v.total.overdue; })
          .field("due_soon", [](const CountsView& v) { return v.total.due_soon; })
          .field("suspended", [](const CountsView& v) { return v.total.suspended; });
  return type;
}

Result<http::Response> counts(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const auto today = clock::today();
  INNET_ASSIGN_OR_RETURN(auto found, count_by_procedure(*conn, reach_of(ctx), today));
  INNET_ASSIGN_OR_RETURN(auto catalogue, list_procedures(*conn));
  std::map<std::int64_t, ProcedureCounts> by_procedure;
  for (const auto& c : found) by_procedure[c.procedure_id] = c;
  CountsView v{.as_of = today.to_string()};
  const auto& language = reporting::language_code_of(ctx.request);
  for (const auto& p : catalogue) {
    CountsRow row{ref_of(p, language), by_procedure[p.id]};
    v.total.open += row.n.open;
    v.total.overdue += row.n.overdue;
    v.total.due_soon += row.n.due_soon;
    v.total.suspended += row.n.suspended;
    v.items.push_back(std::move(row));
  }
  return api::ok(counts_type(), v);
}

// ?sort=: each key ascending, or descending with '-' first; anything else is a 400 naming sort.
Field sort_field() {
  Field f{.name = "sort", .max_length = 40};
  for (const auto& key : file_sort_keys()) {
    f.allowed.push_back(key);
    f.allowed.push_back("-" + key);
  }
  f.description =
      "a column to sort by, '-' first for descending: due_on (default; files whose term has "
      "not started last), filed_on, protocol_number, procedure (its code), step (the current "
      "step's position); ties by due date, then id";
  return f;
}

Result<http::Response> get_one(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto f, visible_file(ctx, *conn, id, kRead));
  INNET_ASSIGN_OR_RETURN(auto body, json_of(ctx, *conn, std::move(f)));
  return api::ok(body);
}

// A person named in the body: one the caller may not see is answered as one that does not exist,
// both as a refusal naming the field.
Status person_named(api::Context& ctx, db::Connection& conn, const char* field, std::int64_t id) {
  ctx.record_read(id);
  auto found = people::visible_person(ctx, conn, id, kManage);
  if (found.ok()) return Status::success();
  if (found.error().kind != ErrorKind::not_found) return found.take_error();
  return Error::field(ErrorKind::unprocessable, field, FieldError::not_found("person"));
}

Result<http::Response> create_one(api::Context& ctx) {
  const auto& b = ctx.body;
  File f{.procedure_id = b["procedure_id"].get<std::int64_t>(),
         .person_id = b["person_id"].get<std::int64_t>(),
         .protocol_number = b["protocol_number"].get<std::string>(),
         .filed_on = b["filed_on"].get<std::string>(),
         .created_by = ctx.actor->user_id};
  if (b.contains("sponsor_person_id") && !b["sponsor_person_id"].is_null())
    f.sponsor_person_id = b["sponsor_person_id"].get<std::int64_t>();
  if (b.contains("employer") && !b["employer"].is_null() &&
      !b["employer"].get<std::string>().empty())
    f.employer = b["employer"].get<std::string>();
  if (CivilDay::parse(f.filed_on).value_or(kEarliestDay) > clock::today())
    return Error::field(ErrorKind::unprocessable, "filed_on", FieldError::future_date());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  auto procedure = find_procedure(*conn, f.procedure_id);
  if (!procedure.ok())
    return Error::field(ErrorKind::unprocessable, "procedure_id",
                        FieldError::not_found("procedure"));
  INNET_TRY(person_named(ctx, *conn, "person_id", f.person_id));
  if (f.sponsor_person_id)
    INNET_TRY(person_named(ctx, *conn, "sponsor_person_id", *f.sponsor_person_id));
  INNET_ASSIGN_OR_RETURN(auto saved,
                         create_file(*conn, std::move(f), *procedure, clock::now_iso()));
  auto entry = ctx.audit("procedure_files.create", "procedure_file", std::to_string(saved.id));
  entry.details =
      nlohmann::json{{"procedure", procedure->code}, {"protocol_number", saved.protocol_number}}
          .dump();
  INNET_TRY(ctx.commit(entry));
  INNET_ASSIGN_OR_RETURN(auto body, json_of(ctx, *conn, std::move(saved)));
  return api::created(body);
}

// One write on a file the caller manages: the file and its procedure read in the transaction,
// the change, its audit entry, the file as it is now.
template <class Change>
Result<http::Response> commit_change(api::Context& ctx, const char* action, Change change) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto f, visible_file(ctx, *conn, id, kManage));
  INNET_ASSIGN_OR_RETURN(auto p, find_procedure(*conn, f.procedure_id));
  nlohmann::json details;
  INNET_ASSIGN_OR_RETURN(auto saved, change(*conn, std::move(f), p, details));
  auto entry = ctx.audit(action, "procedure_file", std::to_string(saved.id));
  entry.details = details.dump();
  INNET_TRY(ctx.commit(entry));
  INNET_ASSIGN_OR_RETURN(auto body, json_of(ctx, *conn, std::move(saved)));
  return api::ok(body);
}

std::optional<std::string> optional_text(const nlohmann::json& b, const char* name) {
  if (!b.contains(name) || b[name].is_null() || b[name].get<std::string>().empty())
    return std::nullopt;
  return b[name].get<std::string>();
}

Result<http::Response> advance_one(api::Context& ctx) {
  return commit_change(
      ctx, kAdvanceAuditAction,
      [&](db::Connection& conn, File f, const Procedure& p, nlohmann::json& details) {
        FileStep s{ctx.body["step"].get<std::string>(), ctx.body["entered_on"].get<std::string>(),
                   optional_text(ctx.body, "note"), ctx.actor->user_id};
        details = {{"step", s.step}, {"entered_on", s.entered_on}};
        return advance(conn, std::move(f), p, std::move(s), clock::today(), clock::now_iso());
      });
}

Result<http::Response> record_one(api::Context& ctx) {
  return commit_change(
      ctx, kDocumentAuditAction,
      [&](db::Connection& conn, File f, const Procedure& p, nlohmann::json& details) {
        ReceivedDocument d{ctx.body["document"].get<std::string>(),
                           ctx.body["received_on"].get<std::string>(), ctx.actor->user_id};
        details = {{"document", d.document}, {"received_on", d.received_on}};
        return record_document(conn, std::move(f), p, std::move(d), clock::today(),
                               clock::now_iso());
      });
}

Result<http::Response> suspend_one(api::Context& ctx) {
  return commit_change(
      ctx, kSuspendAuditAction,
      [&](db::Connection& conn, File f, const Procedure& p, nlohmann::json& details) {
        Suspension s{.started_on = ctx.body["started_on"].get<std::string>(),
                     .reason = ctx.body["reason"].get<std::string>(),
                     .opened_by = ctx.actor->user_id};
        details = {{"started_on", s.started_on}};
        return open_suspension(conn, std::move(f), p, std::move(s), clock::today(),
                               clock::now_iso());
      });
}

Result<http::Response> resume_one(api::Context& ctx) {
  return commit_change(
      ctx, kResumeAuditAction,
      [&](db::Connection& conn, File f, const Procedure& p, nlohmann::json& details) {
        const auto ended_on = ctx.body["ended_on"].get<std::string>();
        details = {{"ended_on", ended_on}};
        return close_suspension(conn, std::move(f), p, ended_on, ctx.actor->user_id, clock::today(),
                                clock::now_iso());
      });
}

Result<http::Response> decide_one(api::Context& ctx) {
  return commit_change(
      ctx, kDecideAuditAction,
      [&](db::Connection& conn, File f, const Procedure& p, nlohmann::json& details) {
        Decision d{ctx.body["outcome"].get<std::string>(),
                   ctx.body["decided_on"].get<std::string>(), optional_text(ctx.body, "note"),
                   ctx.actor->user_id};
        details = {{"outcome", d.outcome}, {"decided_on", d.decided_on}};
        return decide(conn, std::move(f), p, std::move(d), clock::today(), clock::now_iso());
      });
}

Field day(const char* name, const char* description) {
  return {.name = name, .type = FieldType::date, .required = true, .description = description};
}

Field note() {
  return {.name = "note", .nullable = true, .max_length = 1000, .multiline = true};
}

}  // namespace

void add_file_routes(api::Api& api) {
  static const api::ListType list("ProcedureFileList", file_type(), true);
  api.add_schema(list);
  api.add_schema(file_type());
  const std::string base = "/api/v1/procedure-files";
  api.add({.method = "GET",
           .pattern = base,
           .action = kRead,
           .summary = "Files of procedures with their legal clock, the earliest due first",
           .tag = "procedures",
           .query = {{.name = "procedure_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "person_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "state",
                      .allowed = clock_states(),
                      .description = "the legal clock's state today"},
                     {.name = "overdue",
                      .allowed = {"true", "false"},
                      .description = "true: past the due date and not suspended"},
                     {.name = "protocol_number", .max_length = 60},
                     sort_field(),
                     {.name = "format",
                      .max_length = 4,
                      .allowed = {"json", "csv", "xlsx"},
                      .description = "json (default), csv or xlsx: every file of the filters "
                                     "(not one page, at most 50,000), in the order asked and the "
                                     "caller's language (lang)"},
                     reporting::lang_field()},
           .paged = true,
           .response_schema = "ProcedureFileList",
           .other_content_types = {"text/csv", reporting::kXlsxType},
           .reads_persons = true,
           .handler = list_some});
  api.add_schema(counts_row_type());
  api.add_schema(counts_type());
  api.add({.method = "GET",
           .pattern = base + "/counts",
           .action = kRead,
           .summary = "The deadline dashboard: for each procedure, the caller's open files, those "
                      "past their due date, due within 10 days and suspended today",
           .tag = "procedures",
           .query = {reporting::lang_field()},
           .response_schema = "ProcedureFileCounts",
           .handler = counts});
  api.add(
      {.method = "POST",
       .pattern = base,
       .action = kManage,
       .summary = "Open a file: a procedure for a person, with its protocol number",
       .tag = "procedures",
       .body =
           {{.name = "procedure_id", .type = FieldType::integer, .required = true, .min_value = 1},
            {.name = "person_id", .type = FieldType::integer, .required = true, .min_value = 1},
            {.name = "sponsor_person_id",
             .type = FieldType::integer,
             .nullable = true,
             .description = "the family member in Italy (reunification)",
             .min_value = 1},
            {.name = "employer", .nullable = true, .max_length = 200},
            {.name = "protocol_number",
             .required = true,
             .max_length = 60,
             .min_length = 1,
             .description = "unique across files"},
            day("filed_on", "the day the application was filed; its rules apply")},
       .query = {reporting::lang_field()},
       .response_schema = "ProcedureFile",
       .success_status = 201,
       .reads_persons = true,
       .handler = create_one});
  api.add({.method = "GET",
           .pattern = base + "/{id}",
           .action = kRead,
           .summary = "A file with its steps, documents, suspensions, decision and clock",
           .tag = "procedures",
           .query = {reporting::lang_field()},
           .response_schema = "ProcedureFile",
           .reads_persons = true,
           .handler = get_one});
  api.add({.method = "POST",
           .pattern = base + "/{id}/steps",
           .action = kManage,
           .summary = "Move a file to its next step (only the next one)",
           .tag = "procedures",
           .body = {{.name = "step", .required = true, .max_length = 60, .min_length = 1},
                    day("entered_on", "not before the current step's day, not in the future"),
                    note()},
           .query = {reporting::lang_field()},
           .response_schema = "ProcedureFile",
           .reads_persons = true,
           .handler = advance_one});
  api.add({.method = "POST",
           .pattern = base + "/{id}/documents",
           .action = kManage,
           .summary = "Record a document received for a file",
           .tag = "procedures",
           .body = {{.name = "document", .required = true, .max_length = 60, .min_length = 1},
                    day("received_on", "not before filing, not in the future")},
           .query = {reporting::lang_field()},
           .response_schema = "ProcedureFile",
           .reads_persons = true,
           .handler = record_one});
  api.add({.method = "POST",
           .pattern = base + "/{id}/suspensions",
           .action = kManage,
           .summary = "A request for integration: the legal clock stops (L. 241/1990 art. 2 c.7)",
           .tag = "procedures",
           .body = {day("started_on", "the request's day"),
                    {.name = "reason",
                     .required = true,
                     .max_length = 1000,
                     .min_length = 1,
                     .multiline = true}},
           .query = {reporting::lang_field()},
           .response_schema = "ProcedureFile",
           .reads_persons = true,
           .handler = suspend_one});
  api.add({.method = "POST",
           .pattern = base + "/{id}/resumption",
           .action = kManage,
           .summary = "The integration arrived: the open suspension ends and the clock runs again",
           .tag = "procedures",
           .body = {day("ended_on", "the day the integration arrived")},
           .query = {reporting::lang_field()},
           .response_schema = "ProcedureFile",
           .reads_persons = true,
           .handler = resume_one});
  api.add({.method = "POST",
           .pattern = base + "/{id}/decision",
           .action = kManage,
           .summary = "Decide a file on its last step, its required documents in (a withdrawal "
                      "at any step)",
           .tag = "procedures",
           .body = {{.name = "outcome", .required = true, .allowed = outcomes()},
                    day("decided_on", "not before the last step's day, not in the future"),
                    note()},
           .query = {reporting::lang_field()},
           .response_schema = "ProcedureFile",
           .reads_persons = true,
           .handler = decide_one});
}

}  // namespace innet::procedures
