// /api/v1/cases: the case records of issue 11 (decision 0025). The case workers of the
// organisation that keeps a case read and write it; prefecture officers read every case, without
// the narratives of sensitive notes; analysts, service providers and everyone else get 403 on
// every route. Every answer that shows a case names its person in the read log; a case out of
// the caller's reach answers 404 like a missing one.
#include "cases/routes.h"

#include <map>

#include "accounts/accounts.h"
#include "audit/audit_log.h"
#include "cases/cases.h"
#include "cases/labels.h"
#include "cases/notes.h"
#include "cases/view.h"
#include "core/clock.h"
#include "documents/owners.h"
#include "people/codes.h"
#include "people/persons.h"
#include "people/routes.h"
#include "people/visibility.h"
#include "reception/overview/office_list.h"
#include "reception/placements/placements.h"
#include "reporting/files.h"

namespace innet::cases {
namespace {

constexpr const char* kBase = "/api/v1/cases";

Result<Case> case_in_scope(api::Context& ctx, db::Connection& conn, const char* action) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  return visible_case(ctx, conn, id, action);
}

Result<documents::OwnerAccess> attachment_access(api::Context& ctx, std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  auto c = visible_case(ctx, *conn, case_id, "cases.read");
  if (!c.ok()) {
    if (c.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return c.take_error();
  }
  return documents::OwnerAccess{.readable = true, .persons = {c->person_id}};
}

// A case's row in the list.
struct Listed {
  ListedCase row;
  people::Person person;  // its summary fields
  std::optional<CentreRef> centre;
};

const api::ObjectType<CentreRef>& listed_centre_type() {
  static const auto type = api::ObjectType<CentreRef>("CaseListCentre")
                               .field("id", &CentreRef::id)
                               .field("name", &CentreRef::name);
  return type;
}

const api::ObjectType<Listed>& listed_type() {
  static const auto type =
      api::ObjectType<Listed>("CaseListItem")
          .field("id", [](const Listed& l) { return l.row.c.id; })
          .field("person", &Listed::person, people::person_summary_type())
          .field("status", [](const Listed& l) { return l.row.c.status; },
                 {.allowed = case_statuses()})
          .field("legal_status", [](const Listed& l) { return l.row.c.legal_status; },
                 {.allowed = legal_statuses()})
          .field("current_centre", &Listed::centre, listed_centre_type(),
                 {.description = "where the person stays now; null when nowhere, or in a centre "
                                 "the caller may not see"})
          .field("next_expiry", [](const Listed& l) { return l.row.next_expiry; },
                 {.description = "the earliest expiry of the case's identity documents",
                  .format = "date"})
          .field("opened_at", [](const Listed& l) { return l.row.c.opened_at; },
                 {.format = "date-time"})
          .field("updated_at", [](const Listed& l) { return l.row.c.updated_at; },
                 {.format = "date-time"});
  return type;
}

reporting::Cell optional_day(const std::optional<std::string>& day) {
  return day ? reporting::Cell::date(*day) : reporting::Cell{};
}

// The list's file columns and sort keys; the rows come sorted from SQL (list_cases), so the
// keys here only name the ?sort= values.
const reception::overview::OfficeList<Listed>& case_list() {
  using reporting::Cell;
  using reporting::Labels;
  static const reception::overview::OfficeList<Listed> list = [] {
    reception::overview::OfficeList<Listed> office{
        .name = "cases",
        .columns = {{"column.case",
                     [](const Listed& l, const Labels&) { return Cell::of(l.row.c.id); }},
                    {"column.family_name",
                     [](const Listed& l, const Labels&) { return Cell::of(l.person.family_name); }},
                    {"column.given_names",
                     [](const Listed& l, const Labels&) { return Cell::of(l.person.given_names); }},
                    {"column.nationality",
                     [](const Listed& l, const Labels&) { return Cell::of(l.person.nationality); }},
                    {"column.centre",
                     [](const Listed& l, const Labels&) {
                       return l.centre ? Cell::of(l.centre->name) : Cell{};
                     }},
                    {"column.status",
                     [](const Listed& l, const Labels& words) {
                       return Cell::of(words("status." + l.row.c.status));
                     }},
                    {"column.legal_status",
                     [](const Listed& l, const Labels& words) {
                       return l.row.c.legal_status
                                  ? Cell::of(words("legal_status." + *l.row.c.legal_status))
                                  : Cell{};
                     }},
                    {"column.next_expiry",
                     [](const Listed& l, const Labels&) {
                       return optional_day(l.row.next_expiry);
                     }},
                    {"column.opened_on",
                     [](const Listed& l, const Labels&) {
                       return Cell::date(l.row.c.opened_at.substr(0, 10));
                     }}},
        .default_sort = "name"};
    for (const auto& key : list_sorts()) office.sorts.push_back({key, nullptr});
    return office;
  }();
  return list;
}

// The filters a module above cases answers (cases.h, list_filter_answer), with their values.
struct AnsweredFilter {
  const char* parameter;
  const std::vector<std::string>& (*allowed)();
};

const std::vector<std::string>& screening_states() {
  static const std::vector<std::string> v = {"due", "late"};
  return v;
}

constexpr AnsweredFilter kAnswered[] = {{"vulnerability", vulnerability_categories},
                                        {"screening", screening_states}};

// The list's filters from the query, in the caller's scope. A centre the caller may not see
// filters like a missing one (an empty list); a parameter no module answers is a 422 naming it.
Result<CaseFilter> filter_of(api::Context& ctx) {
  auto& q = ctx.request.query;
  CaseFilter f;
  if (ctx.scope != auth::Scope::all) f.organization_id = ctx.actor->organization_id;
  if (!q["status"].empty()) f.status = q["status"];
  if (!q["legal_status"].empty()) f.legal_status = q["legal_status"];
  if (!q["nationality"].empty()) f.nationality = q["nationality"];
  if (!q["sort"].empty()) f.sort = q["sort"];
  if (!q["q"].empty()) f.words = q["q"];
  if (!q["centre_id"].empty()) {
    std::optional<std::int64_t> run_by;
    if (ctx.services.policy.scope(ctx.actor->role, "centres.read") != auth::Scope::all)
      run_by = ctx.actor->organization_id;
    f.persons.push_back(reception::persons_staying_in(*parse_int(q["centre_id"]), run_by));
  }
  for (const auto& [parameter, allowed] : kAnswered) {
    if (q[parameter].empty()) continue;
    const CaseSelector* selector = list_filter_answer(parameter);
    if (!selector)
      return Error::rule(ErrorKind::unprocessable, "filter_unanswered", parameter,
                         CaseErrors::filter_unanswered());
    f.cases.push_back((*selector)(q[parameter], clock::today()));
  }
  return f;
}

// The rows with their persons and, where the caller may see it, the centre each stays in now.
Result<std::vector<Listed>> listed(api::Context& ctx, db::Connection& conn,
                                   std::vector<ListedCase> rows) {
  std::vector<std::int64_t> person_ids;
  for (const auto& r : rows) person_ids.push_back(r.c.person_id);
  INNET_ASSIGN_OR_RETURN(auto places, people::current_places_of(conn, person_ids));
  std::map<std::int64_t, CentreRef> centre_of;
  for (const auto& place : places)
    if (ctx.services.policy.allows(*ctx.actor, "centres.read", {place.operator_id, 0}))
      centre_of[place.person_id] = {place.centre_id, place.centre_name};
  std::vector<Listed> out;
  out.reserve(rows.size());
  for (auto& r : rows) {
    people::Person person;
    person.id = r.c.person_id;
    person.family_name = std::move(r.family_name);
    person.given_names = std::move(r.given_names);
    person.nationality = std::move(r.nationality);
    const auto centre = centre_of.find(person.id);
    ctx.record_read(person.id);
    out.push_back(
        {std::move(r), std::move(person),
         centre == centre_of.end() ? std::nullopt : std::optional<CentreRef>(centre->second)});
  }
  return out;
}

Result<http::Response> list(api::Context& ctx) {
  auto& q = ctx.request.query;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto f, filter_of(ctx));
  const std::string format = q["format"].empty() ? "json" : q["format"];
  if (format == "json") {
    INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(q));
    INNET_ASSIGN_OR_RETURN(auto page, list_cases(*conn, f, paging));
    INNET_ASSIGN_OR_RETURN(auto rows, listed(ctx, *conn, std::move(page.items)));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : rows) items.push_back(listed_type().to_json(r));
    auto body = list_envelope(std::move(items), page.total, paging);
    body["total_capped"] = page.total_capped;
    return api::ok(body);
  }
  // A file holds every matching case, not a page.
  INNET_ASSIGN_OR_RETURN(auto all, all_listed_cases(*conn, f));
  INNET_ASSIGN_OR_RETURN(auto rows, listed(ctx, *conn, std::move(all)));
  const reporting::Labels labels(catalogue(), reporting::language_of(ctx.request));
  return reporting::tables_response(format, {case_list().table(rows, labels)}, 0,
                                    "cases-" + clock::today().to_string(),
                                    reporting::CsvStyle::office);
}

Result<http::Response> answer(api::Context& ctx, db::Connection& conn, const Case& c,
                              int status = 200) {
  INNET_ASSIGN_OR_RETURN(auto detail, case_detail(ctx, conn, c));
  auto body = case_detail_type().to_json(detail);
  return status == 201 ? api::created(body) : api::ok(body);
}

// Writes name the record and what changed, never the contents: the case is special-category
// data, and the audit trail is read by the admin, who holds no action on cases.
Status commit(api::Context& ctx, const char* action, const Case& c, nlohmann::json details) {
  auto entry = ctx.audit(action, "case", std::to_string(c.id));
  details["person_id"] = c.person_id;
  entry.details = details.dump();
  return ctx.commit(entry);
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.read"));
  return answer(ctx, *conn, c);
}

Result<http::Response> open(api::Context& ctx) {
  const std::int64_t person_id = ctx.body["person_id"];
  ctx.record_read(person_id);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  // A person the caller may not see is refused like one that does not exist.
  auto person = people::visible_person(ctx, *conn, person_id, "persons.read");
  if (!person.ok() && person.error().kind == ErrorKind::not_found)
    return Error::field(ErrorKind::unprocessable, "person_id", FieldError::not_found("person"));
  if (!person.ok()) return person.take_error();
  INNET_ASSIGN_OR_RETURN(auto c, open_case(*conn, person_id, ctx.actor->organization_id,
                                           ctx.actor->user_id, clock::now_iso()));
  INNET_TRY(commit(ctx, "cases.open", c, nlohmann::json::object()));
  return answer(ctx, *conn, c, 201);
}

Status check_language(const std::optional<std::string>& code) {
  if (code && !people::is_language_code(*code))
    return Error::field(ErrorKind::invalid_input, "interpreter_language",
                        FieldError::invalid_language());
  return Status::success();
}

std::vector<std::string> fields_sent(const nlohmann::json& body) {
  std::vector<std::string> names;
  for (const auto& [key, value] : body.items()) names.push_back(key);
  return names;
}

Result<http::Response> edit(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.manage"));
  const auto& b = ctx.body;
  c.legal_status = api::patched(b, "legal_status", c.legal_status);
  c.legal_status_note = api::patched(b, "legal_status_note", c.legal_status_note);
  if (b.contains("interpreter_needed")) c.interpreter_needed = b["interpreter_needed"];
  c.interpreter_language = api::patched(b, "interpreter_language", c.interpreter_language);
  INNET_TRY(check_language(c.interpreter_language));
  INNET_ASSIGN_OR_RETURN(c, update_case(*conn, c, clock::today(), clock::now_iso()));
  INNET_TRY(commit(ctx, "cases.update", c, {{"fields", fields_sent(b)}}));
  return answer(ctx, *conn, c);
}

Result<http::Response> edit_procedure(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.manage"));
  const auto& b = ctx.body;
  auto& p = c.procedure;
  for (auto [name, member] : {std::pair{"c3_reference", &Procedure::c3_reference},
                              {"application_date", &Procedure::application_date},
                              {"hearing_date", &Procedure::hearing_date},
                              {"decision_date", &Procedure::decision_date},
                              {"outcome", &Procedure::outcome},
                              {"appeal_filed_date", &Procedure::appeal_filed_date},
                              {"appeal_decision_date", &Procedure::appeal_decision_date},
                              {"appeal_outcome", &Procedure::appeal_outcome}})
    p.*member = api::patched(b, name, p.*member);
  INNET_ASSIGN_OR_RETURN(c, update_case(*conn, c, clock::today(), clock::now_iso()));
  INNET_TRY(commit(ctx, "cases.procedure", c, {{"fields", fields_sent(b)}}));
  return answer(ctx, *conn, c);
}

Result<http::Response> change(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.manage"));
  const auto& b = ctx.body;
  StatusChange s{.status = b["status"],
                 .reason = api::patched<std::string>(b, "reason", std::nullopt),
                 .note = api::patched<std::string>(b, "note", std::nullopt),
                 .changed_by = ctx.actor->user_id};
  INNET_ASSIGN_OR_RETURN(c, change_status(*conn, c.id, s, clock::now_iso()));
  // The reason's code says why without words that may name anyone.
  INNET_TRY(
      commit(ctx, "cases.status", c, {{"status", s.status}, {"reason", b.value("reason", "")}}));
  return answer(ctx, *conn, c, 201);
}

void set_document_fields(const nlohmann::json& b, IdentityDocument& d) {
  if (b.contains("type")) d.type = b["type"];
  d.description = api::patched(b, "description", d.description);
  if (b.contains("number")) d.number = b["number"];
  d.issuer = api::patched(b, "issuer", d.issuer);
  d.issued_on = api::patched(b, "issued_on", d.issued_on);
  d.expires_on = api::patched(b, "expires_on", d.expires_on);
}

Result<http::Response> add_identity_document(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.manage"));
  IdentityDocument d{
      .case_id = c.id, .recorded_by = ctx.actor->user_id, .recorded_at = clock::now_iso()};
  set_document_fields(ctx.body, d);
  INNET_ASSIGN_OR_RETURN(d, add_document(*conn, d, clock::today()));
  INNET_TRY(commit(ctx, "cases.document", c, {{"document_id", d.id}, {"type", d.type}}));
  return answer(ctx, *conn, c, 201);
}

Result<http::Response> edit_identity_document(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.manage"));
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param("document_id"));
  INNET_ASSIGN_OR_RETURN(auto d, find_document(*conn, c.id, id));
  set_document_fields(ctx.body, d);
  INNET_ASSIGN_OR_RETURN(d, update_document(*conn, d, clock::today()));
  INNET_TRY(commit(ctx, "cases.document_update", c,
                   {{"document_id", d.id}, {"fields", fields_sent(ctx.body)}}));
  return answer(ctx, *conn, c);
}

Result<http::Response> add_case_note(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.manage"));
  Note n{.case_id = c.id,
         .sensitivity = ctx.body["sensitivity"],
         .text = ctx.body["text"].get<std::string>(),
         .written_by = ctx.actor->user_id,
         .written_at = clock::now_iso()};
  INNET_ASSIGN_OR_RETURN(n, add_note(*conn, n, ctx.services.notes_key));
  INNET_TRY(commit(ctx, "cases.note", c, {{"note_id", n.id}, {"sensitivity", n.sensitivity}}));
  return answer(ctx, *conn, c, 201);
}

// A note out of the caller's reach for this act answers like a missing one: 404 "note".
Result<Note> note_in_scope(api::Context& ctx, db::Connection& conn, const Case& c,
                           const char* action) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param("note_id"));
  INNET_ASSIGN_OR_RETURN(auto note, find_note(conn, c.id, id));
  // The note's author is the record's user: a grant of scope `own` lets only the author act.
  if (!ctx.services.policy.allows(*ctx.actor, action, {c.organization_id, note.written_by}))
    return Error::not_found("note");
  // Nobody corrects a narrative they may not read.
  if (note.sensitivity == "sensitive" && !reads_sensitive_notes(ctx, c))
    return Error::not_found("note");
  return note;
}

// A mistake in a note corrected: the text changes, the one it replaces is kept with the reason.
// The correction may change the sensitivity too: to sensitive for whoever may correct the note
// (protecting is never refused); to normal only for a caller who reads the case's sensitive
// notes, as note_in_scope hides a sensitive note from everyone else.
Result<http::Response> correct_case_note(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.read"));
  INNET_ASSIGN_OR_RETURN(auto note, note_in_scope(ctx, *conn, c, "cases.notes.correct"));
  INNET_ASSIGN_OR_RETURN(
      auto corrected,
      correct_note(
          *conn,
          {.case_id = c.id,
           .note_id = note.id,
           .text = ctx.body["text"].get<std::string>(),
           .sensitivity = api::patched<std::string>(ctx.body, "sensitivity", std::nullopt),
           .reason = api::patched<std::string>(ctx.body, "reason", std::nullopt).value_or(""),
           .corrected_by = ctx.actor->user_id,
           .corrected_at = clock::now_iso()},
          ctx.services.notes_key));
  // Neither text nor reason: words that may name anyone stay out of the audit trail.
  INNET_TRY(commit(ctx, "cases.note_correct", c,
                   {{"note_id", corrected.id},
                    {"sensitivity", corrected.sensitivity},
                    {"sensitivity_before", note.sensitivity}}));
  return answer(ctx, *conn, c, 201);
}

Result<http::Response> note_versions_of(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.read"));
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param("note_id"));
  INNET_ASSIGN_OR_RETURN(auto history, note_history(ctx, *conn, c, id));
  return api::ok(note_history_type().to_json(history));
}

// A case worker is an active user with that role in the organisation that keeps the case. A
// user the caller may not read is refused like one that does not exist.
Status check_worker(api::Context& ctx, db::Connection& conn, const Case& c, std::int64_t user_id) {
  auto user = accounts::find_user(conn, user_id);
  if (!user.ok() && user.error().kind != ErrorKind::not_found) return user.take_error();
  if (!user.ok() ||
      !ctx.services.policy.allows(*ctx.actor, "users.read", {user->organization_id, user->id}))
    return Error::field(ErrorKind::unprocessable, "user_id", FieldError::not_found("user"));
  if (user->organization_id != c.organization_id || user->role != auth::Role::case_worker ||
      !user->active)
    return Error::field(ErrorKind::unprocessable, "user_id", CaseErrors::not_case_worker());
  return Status::success();
}

Result<http::Response> assign(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.manage"));
  const std::int64_t user_id = ctx.body["user_id"];
  INNET_TRY(check_worker(ctx, *conn, c, user_id));
  INNET_TRY(assign_worker(*conn, {c.id, user_id, ctx.actor->user_id, clock::now_iso()}));
  INNET_TRY(commit(ctx, "cases.assign", c, {{"user_id", user_id}}));
  return answer(ctx, *conn, c, 201);
}

Result<http::Response> unassign(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.manage"));
  INNET_ASSIGN_OR_RETURN(auto user_id, ctx.id_param("user_id"));
  INNET_TRY(unassign_worker(*conn, c.id, user_id));
  INNET_TRY(commit(ctx, "cases.unassign", c, {{"user_id", user_id}}));
  return answer(ctx, *conn, c);
}

Result<http::Response> attach(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.manage"));
  const auto ids = ctx.body["document_ids"].get<std::vector<std::int64_t>>();
  for (std::int64_t document_id : ids)
    INNET_TRY(documents::link_document(ctx, *conn, document_id, kAttachmentOwnerKind, c.id));
  INNET_TRY(commit(ctx, "cases.attach", c, {{"document_ids", ids}}));
  return answer(ctx, *conn, c, 201);
}

// The keeping organisation's case workers, or a prefecture officer, hand the case to an
// organisation whose centres host the person today (after a transfer, or when the centre passes
// to another operator). The old organisation's case workers lose the case with it.
Result<http::Response> handover(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_in_scope(ctx, *conn, "cases.handover"));
  const std::int64_t to = ctx.body["organization_id"];
  auto org = accounts::find_organization(*conn, to);
  if (!org.ok() && org.error().kind == ErrorKind::not_found)
    return Error::field(ErrorKind::unprocessable, "organization_id",
                        FieldError::not_found("organization"));
  if (!org.ok()) return org.take_error();
  INNET_ASSIGN_OR_RETURN(auto hosts, hosting_today(*conn, c.person_id));
  std::vector<std::int64_t> hosting;
  for (const auto& host : hosts) hosting.push_back(host.id);
  INNET_ASSIGN_OR_RETURN(auto workers, workers_of(*conn, c.id));
  INNET_ASSIGN_OR_RETURN(
      auto h, hand_over(*conn,
                        {.case_id = c.id,
                         .to_organization_id = to,
                         .reason = ctx.body["reason"],
                         .note = api::patched<std::string>(ctx.body, "note", std::nullopt),
                         .handed_by = ctx.actor->user_id,
                         .handed_at = clock::now_iso()},
                        hosting));
  std::vector<std::int64_t> ended;
  for (const auto& w : workers) ended.push_back(w.user_id);
  INNET_TRY(commit(ctx, "cases.handover", c,
                   {{"handover_id", h.id},
                    {"from_organization_id", h.from_organization_id},
                    {"to_organization_id", h.to_organization_id},
                    {"reason", h.reason},
                    {"ended_workers", ended}}));
  // The handover, not the case: a case worker of the old organisation no longer reaches it.
  return api::created(handover_type().to_json(h));
}

}  // namespace

documents::Owner attachment_owner() {
  return {.kind = kAttachmentOwnerKind,
          .media_types = documents::accepted_media_type_names(),
          .access = attachment_access};
}

void add_routes(api::Api& api) {
  static const auto case_list_type =
      api::ListType("CaseList", listed_type(), true)
          .with("total_capped",
                {{"type", "boolean"},
                 {"description", "the count stops at " + std::to_string(kListCountLimit) +
                                     "; true when more match (total is then that number)"}});
  api.add_schema(listed_type());
  api.add_schema(case_list_type);
  api.add_schema(case_detail_type());
  api.add_schema(handover_type());
  api.add_schema(note_history_type());
  const std::string base = kBase;
  const std::vector<std::string> files = {"text/csv", reporting::kXlsxType};
  api.add({.method = "GET",
           .pattern = base,
           .action = "cases.read",
           .summary = "Cases (an organisation's staff: the cases it keeps), searchable by name, "
                      "filtered, sorted, paged; as CSV or XLSX for an office",
           .tag = "cases",
           .query = {{.name = "q", .max_length = 100, .description = "words of the names"},
                     {.name = "centre_id",
                      .type = FieldType::integer,
                      .description = "where the person stays now",
                      .min_value = 1},
                     {.name = "nationality", .max_length = 2, .min_length = 2},
                     {.name = "status", .allowed = case_statuses()},
                     {.name = "legal_status", .allowed = legal_statuses()},
                     {.name = "vulnerability",
                      .allowed = vulnerability_categories(),
                      .description = "a confirmed vulnerability category; 422 "
                                     "filter_unanswered when no module of the server answers it"},
                     {.name = "screening",
                      .allowed = screening_states(),
                      .description = "a screening due or late; 422 filter_unanswered when no "
                                     "module of the server answers it"},
                     case_list().sort_field(),
                     reception::overview::format_field(),
                     reporting::lang_field()},
           .paged = true,
           .response_schema = "CaseList",
           .other_content_types = files,
           .reads_persons = true,
           .handler = list});
  api.add(
      {.method = "POST",
       .pattern = base,
       .action = "cases.manage",
       .summary = "Open the case of a person the caller's organisation takes in charge",
       .tag = "cases",
       .body =
           {{.name = "person_id", .type = FieldType::integer, .required = true, .min_value = 1}},
       .response_schema = "CaseDetail",
       .success_status = 201,
       .reads_persons = true,
       .handler = open});
  api.add({.method = "GET",
           .pattern = base + "/{id}",
           .action = "cases.read",
           .summary = "A case with its documents, procedure, workers, notes (a sensitive "
                      "narrative only for the case workers who keep it), family and timeline",
           .tag = "cases",
           .response_schema = "CaseDetail",
           .reads_persons = true,
           .handler = get});
  api.add({.method = "PATCH",
           .pattern = base + "/{id}",
           .action = "cases.manage",
           .summary = "Set the legal status and the need for an interpreter",
           .tag = "cases",
           .body = {{.name = "legal_status", .nullable = true, .allowed = legal_statuses()},
                    {.name = "legal_status_note",
                     .nullable = true,
                     .max_length = 500,
                     .min_length = 1,
                     .description = "what an 'other' legal status is"},
                    {.name = "interpreter_needed", .type = FieldType::boolean},
                    {.name = "interpreter_language",
                     .nullable = true,
                     .max_length = 3,
                     .min_length = 2,
                     .description = "ISO 639-1 code"}},
           .response_schema = "CaseDetail",
           .reads_persons = true,
           .handler = edit});
  const auto day = [](const char* name, std::string description = "") {
    return Field{.name = name,
                 .type = FieldType::date,
                 .nullable = true,
                 .description = std::move(description)};
  };
  api.add({.method = "PATCH",
           .pattern = base + "/{id}/procedure",
           .action = "cases.manage",
           .summary = "Record the asylum procedure: application, Territorial Commission hearing "
                      "and decision, appeal (absent keeps, null clears)",
           .tag = "cases",
           .body = {{.name = "c3_reference",
                     .nullable = true,
                     .max_length = 50,
                     .min_length = 1,
                     .description = "the application's reference in Vestanet (C3 form)"},
                    day("application_date"),
                    day("hearing_date", "may be ahead: a scheduled hearing"),
                    day("decision_date"),
                    {.name = "outcome", .nullable = true, .allowed = procedure_outcomes()},
                    day("appeal_filed_date"),
                    day("appeal_decision_date"),
                    {.name = "appeal_outcome", .nullable = true, .allowed = appeal_outcomes()}},
           .response_schema = "CaseDetail",
           .reads_persons = true,
           .handler = edit_procedure});
  api.add(
      {.method = "POST",
       .pattern = base + "/{id}/status-changes",
       .action = "cases.manage",
       .summary = "Change the case's status: active, closed (with a reason), reopened (with "
                  "a note); every change is kept in its history",
       .tag = "cases",
       .body = {{.name = "status", .required = true, .allowed = {"active", "closed", "reopened"}},
                {.name = "reason",
                 .allowed = closure_reasons_by_hand(),
                 .description = "why the case is closed (closing only)"},
                {.name = "note",
                 .max_length = 1000,
                 .min_length = 1,
                 .multiline = true,
                 .description = "required to reopen and for the reason 'other'"}},
       .response_schema = "CaseDetail",
       .success_status = 201,
       .reads_persons = true,
       .handler = change});
  const Field type{.name = "type", .allowed = document_types()};
  FieldSpec document_fields = {
      type,
      {.name = "description",
       .nullable = true,
       .max_length = 200,
       .min_length = 1,
       .description = "what an 'other' document is"},
      {.name = "number", .max_length = 50, .min_length = 1},
      {.name = "issuer", .nullable = true, .max_length = 200, .min_length = 1},
      day("issued_on"),
      day("expires_on")};
  FieldSpec new_document = document_fields;
  new_document[0].required = true;
  new_document[2].required = true;
  api.add({.method = "POST",
           .pattern = base + "/{id}/documents",
           .action = "cases.manage",
           .summary = "Record an identity document: permit of stay, asylum application receipt, "
                      "passport or other",
           .tag = "cases",
           .body = new_document,
           .response_schema = "CaseDetail",
           .success_status = 201,
           .reads_persons = true,
           .handler = add_identity_document});
  api.add({.method = "PATCH",
           .pattern = base + "/{id}/documents/{document_id}",
           .action = "cases.manage",
           .summary = "Correct a recorded identity document (a renewed permit is a new one)",
           .tag = "cases",
           .body = document_fields,
           .response_schema = "CaseDetail",
           .reads_persons = true,
           .handler = edit_identity_document});
  api.add({.method = "POST",
           .pattern = base + "/{id}/notes",
           .action = "cases.manage",
           .summary = "Write a note; a sensitive one is sealed at rest and read only by the case "
                      "workers who keep the case",
           .tag = "cases",
           .body = {{.name = "sensitivity", .required = true, .allowed = note_sensitivities()},
                    {.name = "text",
                     .required = true,
                     .max_length = 8000,
                     .min_length = 1,
                     .multiline = true}},
           .response_schema = "CaseDetail",
           .success_status = 201,
           .reads_persons = true,
           .handler = add_case_note});
  // POST, not PUT on the note: a correction is a record of its own (the reason, who, when, the
  // text it replaced), made once per request, not the note's new representation.
  api.add({.method = "POST",
           .pattern = base + "/{id}/notes/{note_id}/corrections",
           .action = "cases.notes.correct",
           .summary = "Correct a note's text, and its sensitivity, with the reason: the text it "
                      "replaces is kept (GET .../versions) and the timeline shows the correction "
                      "with its reason",
           .tag = "cases",
           .body = {{.name = "text",
                     .required = true,
                     .max_length = 8000,
                     .min_length = 1,
                     .multiline = true},
                    {.name = "sensitivity",
                     .allowed = note_sensitivities(),
                     .description = "the note's level from now on (missing: unchanged); sensitive "
                                    "seals the new text, normal opens it to every reader of the "
                                    "case; the earlier texts keep the level they were written at"},
                    {.name = "reason",
                     .max_length = 500,
                     .multiline = true,
                     .description = "why the text was wrong (required: 422 reason_required when "
                                    "missing or blank); every reader of the case sees it in the "
                                    "timeline, so it says what was wrong, not the narrative"}},
           .response_schema = "CaseDetail",
           .success_status = 201,
           .reads_persons = true,
           .handler = correct_case_note});
  api.add({.method = "GET",
           .pattern = base + "/{id}/notes/{note_id}/versions",
           .action = "cases.read",
           .summary = "Every text a note has had, oldest first, with who wrote each and why it was "
                      "corrected (a sensitive narrative only for the case workers who keep the "
                      "case)",
           .tag = "cases",
           .response_schema = "CaseNoteHistory",
           .reads_persons = true,
           .handler = note_versions_of});
  api.add(
      {.method = "POST",
       .pattern = base + "/{id}/workers",
       .action = "cases.manage",
       .summary = "Assign a case worker of the organisation that keeps the case",
       .tag = "cases",
       .body = {{.name = "user_id", .type = FieldType::integer, .required = true, .min_value = 1}},
       .response_schema = "CaseDetail",
       .success_status = 201,
       .reads_persons = true,
       .handler = assign});
  api.add({.method = "DELETE",
           .pattern = base + "/{id}/workers/{user_id}",
           .action = "cases.manage",
           .summary = "Take a case worker off the case",
           .tag = "cases",
           .response_schema = "CaseDetail",
           .reads_persons = true,
           .handler = unassign});
  api.add({.method = "POST",
           .pattern = base + "/{id}/handovers",
           .action = "cases.handover",
           .summary = "Hand the case to an organisation whose centres host the person today: it "
                      "keeps the case from now on, and the old organisation's case workers come "
                      "off it (their assignments are kept in the case's history)",
           .tag = "cases",
           .body = {{.name = "organization_id",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 1},
                    {.name = "reason", .required = true, .allowed = handover_reasons()},
                    {.name = "note",
                     .max_length = 1000,
                     .min_length = 1,
                     .multiline = true,
                     .description = "required for the reason 'other'"}},
           .response_schema = "CaseHandover",
           .success_status = 201,
           .reads_persons = true,
           .handler = handover});
  api.add({.method = "POST",
           .pattern = base + "/{id}/attachments",
           .action = "cases.manage",
           .summary = "Attach uploads (POST /documents) to the case",
           .tag = "cases",
           .body = {{.name = "document_ids",
                     .type = FieldType::integer_list,
                     .required = true,
                     .min_value = 1,
                     .max_items = 10,
                     .min_items = 1}},
           .response_schema = "CaseDetail",
           .success_status = 201,
           .reads_persons = true,
           .handler = attach});
}

}  // namespace innet::cases
