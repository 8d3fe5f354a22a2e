// Integration agreements over HTTP (DPR 179/2011; decision 0042). The SUI's officers open an
// agreement at signature and record the ledger's entries and the verification; the Prefettura's
// officers read; a case worker reads the agreements of the people whose cases they are assigned
// to, and one outside that answers as a missing one. Every answer carries the balance and its
// explanation as of today. Analysts and the admin read none.
#include "procedures/agreement_routes.h"
#include "accounts/accounts.h"
#include "api/object_type.h"
#include "cases/cases.h"
#include "core/clock.h"
#include "people/routes.h"
#include "procedures/agreement_store.h"
#include "procedures/catalogue.h"
#include "procedures/files.h"
#include "tasks/tasks.h"

namespace innet::procedures {
namespace {

constexpr const char* kRead = "integration_agreements.read";
constexpr const char* kManage = "integration_agreements.manage";
constexpr const char* kLossBandAuditAction = "integration_loss_bands.update";
constexpr const char* kCreateAuditAction = "integration_agreements.create";
constexpr const char* kEntryAuditAction = "integration_agreements.entry";
constexpr const char* kVerifyAuditAction = "integration_agreements.verify";

struct EntryView {
  StoredEntry e;
  std::string recorded_by_name;
};

struct AgreementView {
  Agreement a;
  std::string family_name;
  std::string given_names;
  std::vector<EntryView> entries;
  AgreementBalance balance;
};

const api::ObjectType<EntryView>& entry_type() {
  static const auto type =
      api::ObjectType<EntryView>("IntegrationAgreementEntry")
          .field("id", [](const EntryView& v) { return v.e.entry.id; })
          .field("kind", [](const EntryView& v) { return to_string(v.e.entry.kind); },
                 {.allowed = agreement_entry_kinds()})
          .field("on", [](const EntryView& v) { return v.e.entry.on.to_string(); },
                 {.format = "date"})
          .field("level", [](const EntryView& v) { return v.e.entry.level; },
                 {.description = "the level, course, loss band or exemption ground; empty for "
                                 "the other kinds"})
          .field("spoken_only", [](const EntryView& v) { return v.e.entry.spoken_only; })
          .field("corrects", [](const EntryView& v) { return v.e.entry.corrects; },
                 {.description = "a correction: the entry it voids"})
          .field("credits", [](const EntryView& v) { return v.e.credits; })
          .field("note", [](const EntryView& v) { return v.e.note; })
          .field("recorded_by_name", &EntryView::recorded_by_name)
          .field("recorded_at", [](const EntryView& v) { return v.e.recorded_at; },
                 {.format = "date-time"});
  return type;
}

const api::ObjectType<ExplanationLine>& line_type() {
  static const auto type =
      api::ObjectType<ExplanationLine>("IntegrationAgreementLine")
          .field("code", &ExplanationLine::code,
                 {.description = "what the line says, for the web's translation"})
          .field("entry_id", &ExplanationLine::entry_id)
          .field("credits", &ExplanationLine::credits)
          .field("balance", &ExplanationLine::balance, {.description = "after this line"})
          .field("params",
                 [](const ExplanationLine& l) {
                   std::vector<std::string> out;
                   for (const auto& [k, v] : l.params) out.push_back(k + "=" + v);
                   return out;
                 },
                 {.description = "name=value pairs for the message"});
  return type;
}

const api::ObjectType<AgreementView>& agreement_type() {
  static const auto type =
      api::ObjectType<AgreementView>("IntegrationAgreement")
          .field("id", [](const AgreementView& v) { return v.a.id; })
          .field("person_id", [](const AgreementView& v) { return v.a.person_id; })
          .field("family_name", &AgreementView::family_name)
          .field("given_names", &AgreementView::given_names)
          .field("procedure_file_id", [](const AgreementView& v) { return v.a.file_id; })
          .field("signed_on", [](const AgreementView& v) { return v.a.signed_on; },
                 {.format = "date"})
          .field("expires_on",
                 [](const AgreementView& v) { return v.balance.expires_on.to_string(); },
                 {.format = "date"})
          .field("verification_from",
                 [](const AgreementView& v) { return v.balance.verification_from.to_string(); },
                 {.description = "one month before expiry", .format = "date"})
          .field("recorded_outcome", [](const AgreementView& v) { return v.a.outcome; },
                 {.description = "null while the agreement runs (an extension included)"})
          .field("verified_on", [](const AgreementView& v) { return v.a.verified_on; },
                 {.format = "date"})
          .field("credits", [](const AgreementView& v) { return v.balance.credits; })
          .field("italian_level", [](const AgreementView& v) { return v.balance.italian_level; })
          .field("italian_a2_spoken",
                 [](const AgreementView& v) { return v.balance.italian_a2_spoken; })
          .field("civic_level", [](const AgreementView& v) { return v.balance.civic_level; })
          .field("exemption", [](const AgreementView& v) { return v.balance.exemption; })
          .field("outcome", [](const AgreementView& v) { return to_string(v.balance.outcome); },
                 {.description = "today's: pending before the verification window",
                  .allowed = {"pending", "fulfilled", "fulfilled_with_benefits", "extension",
                              "terminated", "exempt"}})
          .field(
              "explanation", [](const AgreementView& v) { return v.balance.lines; }, line_type())
          .field("entries", &AgreementView::entries, entry_type())
          .field("created_at", [](const AgreementView& v) { return v.a.created_at; },
                 {.format = "date-time"});
  return type;
}

Result<AgreementView> view_of(db::Connection& conn, Agreement a, const std::vector<LossBand>& bands,
                              CivilDay today) {
  AgreementView v;
  INNET_ASSIGN_OR_RETURN(auto persons, people::find_persons(conn, {a.person_id}));
  if (!persons.empty()) {
    v.family_name = persons[0].family_name;
    v.given_names = persons[0].given_names;
  }
  std::map<std::int64_t, std::string> names;
  for (const auto& e : a.entries) {
    if (!names.contains(e.recorded_by)) {
      INNET_ASSIGN_OR_RETURN(auto u, accounts::find_user(conn, e.recorded_by));
      names[e.recorded_by] = u.display_name;
    }
    v.entries.push_back({e, names[e.recorded_by]});
  }
  // A recorded outcome is read as of its day; a running agreement as of today.
  const auto as_of = a.verified_on ? CivilDay::parse(*a.verified_on).value_or(today) : today;
  v.balance = agreement_balance(agreement_input(a, bands), as_of);
  v.a = std::move(a);
  return v;
}

Result<nlohmann::json> json_of(db::Connection& conn, Agreement a) {
  INNET_ASSIGN_OR_RETURN(auto bands, loss_bands(conn));
  INNET_ASSIGN_OR_RETURN(auto v, view_of(conn, std::move(a), bands, clock::today()));
  return agreement_type().to_json(v);
}

std::optional<db::Subquery> own_persons(api::Context& ctx) {
  if (ctx.services.policy.scope(ctx.actor->role, kRead) == auth::Scope::all) return std::nullopt;
  return cases::persons_with_cases_assigned_to(ctx.actor->user_id);
}

// The agreement when the caller's scope reaches it; otherwise 404, as a missing one.
Result<Agreement> visible_agreement(api::Context& ctx, db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto a, find_agreement(conn, id));
  ctx.record_read(a.person_id);
  auto only = own_persons(ctx);
  if (!only) return a;
  AgreementFilter f{.person_id = a.person_id, .persons = only};
  INNET_ASSIGN_OR_RETURN(auto page, list_agreements(conn, f, clock::today(), Paging{1, 1}));
  if (page.total == 0) return Error::not_found("integration_agreement");
  return a;
}

Result<http::Response> list_some(api::Context& ctx) {
  auto& q = ctx.request.query;
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(q));
  AgreementFilter f{.persons = own_persons(ctx)};
  if (!q["person_id"].empty()) f.person_id = std::stoll(q["person_id"]);
  f.verification_due = q["verification_due"] == "true";
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const auto today = clock::today();
  INNET_ASSIGN_OR_RETURN(auto page, list_agreements(*conn, f, today, paging));
  INNET_ASSIGN_OR_RETURN(auto bands, loss_bands(*conn));
  nlohmann::json items = nlohmann::json::array();
  for (auto& a : page.items) {
    ctx.record_read(a.person_id);
    INNET_ASSIGN_OR_RETURN(auto v, view_of(*conn, std::move(a), bands, today));
    items.push_back(agreement_type().to_json(v));
  }
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> get_one(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto a, visible_agreement(ctx, *conn, id));
  INNET_ASSIGN_OR_RETURN(auto body, json_of(*conn, std::move(a)));
  return api::ok(body);
}

Result<CivilDay> day_in_body(api::Context& ctx, const char* name) {
  auto day = CivilDay::parse(ctx.body[name].get<std::string>());
  if (!day) return Error::field(ErrorKind::invalid_input, name, FieldError::wrong_type("date"));
  if (*day > clock::today())
    return Error::field(ErrorKind::unprocessable, name, FieldError::future_date());
  return *day;
}

Result<http::Response> create_one(api::Context& ctx) {
  const auto& b = ctx.body;
  const auto person_id = b["person_id"].get<std::int64_t>();
  INNET_ASSIGN_OR_RETURN(auto signed_on, day_in_body(ctx, "signed_on"));
  std::optional<std::int64_t> file_id;
  if (b.contains("procedure_file_id") && !b["procedure_file_id"].is_null())
    file_id = b["procedure_file_id"].get<std::int64_t>();
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  ctx.record_read(person_id);
  auto person = people::visible_person(ctx, *conn, person_id, kManage);
  if (!person.ok()) {
    if (person.error().kind != ErrorKind::not_found) return person.take_error();
    return Error::field(ErrorKind::unprocessable, "person_id", FieldError::not_found("person"));
  }
  if (file_id) {
    // The file must be this person's, of the integration agreement procedure.
    auto file = find_file(*conn, *file_id);
    bool fits = file.ok() && file.value().person_id == person_id;
    if (fits) {
      INNET_ASSIGN_OR_RETURN(auto p, find_procedure(*conn, file.value().procedure_id));
      fits = p.code == "integration_agreement";
    }
    if (!fits)
      return Error::field(ErrorKind::unprocessable, "procedure_file_id",
                          FieldError::not_found("integration agreement file of the person"));
  }
  INNET_ASSIGN_OR_RETURN(auto saved, create_agreement(*conn, person_id, file_id, signed_on,
                                                      ctx.actor->user_id, clock::now_iso()));
  auto entry = ctx.audit(kCreateAuditAction, "integration_agreement", std::to_string(saved.id));
  entry.details = nlohmann::json{{"signed_on", saved.signed_on}}.dump();
  INNET_TRY(ctx.commit(entry));
  INNET_ASSIGN_OR_RETURN(auto body, json_of(*conn, std::move(saved)));
  return api::created(body);
}

Result<http::Response> add_one_entry(api::Context& ctx) {
  const auto& b = ctx.body;
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  auto kind = parse_agreement_entry_kind(b["kind"].get<std::string>());
  INNET_ASSIGN_OR_RETURN(auto on, day_in_body(ctx, "on"));
  StoredEntry e{.entry = {.kind = *kind, .on = on}, .recorded_by = ctx.actor->user_id};
  if (b.contains("level") && !b["level"].is_null()) e.entry.level = b["level"].get<std::string>();
  if (b.contains("spoken_only") && !b["spoken_only"].is_null())
    e.entry.spoken_only = b["spoken_only"].get<bool>();
  if (b.contains("corrects") && !b["corrects"].is_null())
    e.entry.corrects = b["corrects"].get<std::int64_t>();
  if (b.contains("note") && !b["note"].is_null()) e.note = b["note"].get<std::string>();
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto a, visible_agreement(ctx, *conn, id));
  INNET_ASSIGN_OR_RETURN(
      auto saved, add_entry(*conn, std::move(a), std::move(e), clock::today(), clock::now_iso()));
  auto entry = ctx.audit(kEntryAuditAction, "integration_agreement", std::to_string(saved.id));
  const auto& last = saved.entries.back();
  entry.details = nlohmann::json{
      {"kind", to_string(last.entry.kind)},
      {"on", last.entry.on.to_string()},
      {"credits",
       last.credits}}.dump();
  INNET_TRY(ctx.commit(entry));
  INNET_ASSIGN_OR_RETURN(auto body, json_of(*conn, std::move(saved)));
  return api::created(body);
}

Result<http::Response> verify_one(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto on, day_in_body(ctx, "verified_on"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto a, visible_agreement(ctx, *conn, id));
  INNET_ASSIGN_OR_RETURN(
      auto saved, verify_agreement(*conn, std::move(a), on, ctx.actor->user_id, clock::now_iso()));
  auto entry = ctx.audit(kVerifyAuditAction, "integration_agreement", std::to_string(saved.id));
  entry.details = nlohmann::json{{"verified_on", on.to_string()},
                                 {"outcome", saved.outcome.value_or("extension")}}
                      .dump();
  INNET_TRY(ctx.commit(entry));
  INNET_ASSIGN_OR_RETURN(auto body, json_of(*conn, std::move(saved)));
  return api::ok(body);
}

const api::ObjectType<LossBand>& loss_band_type() {
  static const auto type =
      api::ObjectType<LossBand>("IntegrationAgreementLossBand")
          .field("code", &LossBand::code)
          .field("description", &LossBand::description, {.description = "Italian, as Annex C"})
          .field("credits", &LossBand::credits, {.description = "the credits lost"});
  return type;
}

// The bands of Annex C a loss entry names (they are data: decision 0042), for the form's choice.
// They are law, as the catalogue: every staff role reads them and the admin corrects them.
Result<http::Response> list_loss_bands(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto bands, loss_bands(*conn));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& b : bands) items.push_back(loss_band_type().to_json(b));
  return api::ok(nlohmann::json{{"items", std::move(items)}});
}

// A correction of Annex C's words or credits, with the reason in the audit trail.
Result<http::Response> correct_loss_band(api::Context& ctx) {
  const LossBand band{ctx.param("code"), ctx.body["description"].get<std::string>(),
                      ctx.body["credits"].get<std::int64_t>()};
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(update_loss_band(*conn, band));
  auto entry = ctx.audit(kLossBandAuditAction, "integration_loss_band", band.code);
  entry.details = nlohmann::json{{"description", band.description},
                                 {"credits", band.credits},
                                 {"reason", ctx.body["reason"].get<std::string>()}}
                      .dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(loss_band_type().to_json(band));
}

std::vector<std::string> entry_kinds_recorded() {
  return {"civic_session_attended",
          "civic_session_missed",
          "italian_level",
          "civic_knowledge",
          "course",
          "loss",
          "exemption",
          "correction"};
}

}  // namespace

void add_agreement_routes(api::Api& api) {
  static const api::ListType list("IntegrationAgreementList", agreement_type(), true);
  api.add_schema(list);
  api.add_schema(agreement_type());
  const std::string base = "/api/v1/integration-agreements";
  api.add({.method = "GET",
           .pattern = base,
           .action = kRead,
           .summary = "Integration agreements with their credit balance, the earliest expiry first",
           .tag = "procedures",
           .query = {{.name = "person_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "verification_due",
                      .allowed = {"true", "false"},
                      .description = "true: running, the verification window open today"}},
           .paged = true,
           .response_schema = "IntegrationAgreementList",
           .reads_persons = true,
           .handler = list_some});
  api.add(
      {.method = "POST",
       .pattern = base,
       .action = kManage,
       .summary = "Record a signed integration agreement (16 credits)",
       .tag = "procedures",
       .body = {{.name = "person_id", .type = FieldType::integer, .required = true, .min_value = 1},
                {.name = "procedure_file_id",
                 .type = FieldType::integer,
                 .nullable = true,
                 .description = "the person's file of the integration_agreement procedure",
                 .min_value = 1},
                {.name = "signed_on", .type = FieldType::date, .required = true}},
       .response_schema = "IntegrationAgreement",
       .success_status = 201,
       .reads_persons = true,
       .handler = create_one});
  static const api::ListType bands("IntegrationAgreementLossBandList", loss_band_type(), false);
  api.add_schema(bands);
  api.add({.method = "GET",
           .pattern = base + "/loss-bands",
           .action = "procedures.read",
           .summary = "The bands of Annex C that a loss entry names, with the credits each takes",
           .tag = "procedures",
           .response_schema = "IntegrationAgreementLossBandList",
           .handler = list_loss_bands});
  api.add_schema(loss_band_type());
  api.add({.method = "PUT",
           .pattern = base + "/loss-bands/{code}",
           .action = "procedures.edit",
           .summary = "Correct a band of Annex C (its words, the credits it takes), with the "
                      "reason; every balance follows it, recorded outcomes stay",
           .tag = "procedures",
           .body = {{.name = "description",
                     .required = true,
                     .max_length = 500,
                     .min_length = 1,
                     .description = "Italian, as the Annex words it"},
                    {.name = "credits",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 1,
                     .max_value = kMaxLossCredits},
                    {.name = "reason",
                     .required = true,
                     .max_length = 500,
                     .min_length = 1,
                     .multiline = true,
                     .description = "why, for the record"}},
           .path = {{.name = "code", .max_length = 60, .min_length = 1}},
           .response_schema = "IntegrationAgreementLossBand",
           .handler = correct_loss_band});
  api.add({.method = "GET",
           .pattern = base + "/{id}",
           .action = kRead,
           .summary = "An agreement with its ledger, balance and outcome explained line by line",
           .tag = "procedures",
           .response_schema = "IntegrationAgreement",
           .reads_persons = true,
           .handler = get_one});
  api.add(
      {.method = "POST",
       .pattern = base + "/{id}/entries",
       .action = kManage,
       .summary = "Add a ledger entry (entries are never changed: a correction voids one)",
       .tag = "procedures",
       .body = {{.name = "kind", .required = true, .allowed = entry_kinds_recorded()},
                {.name = "on", .type = FieldType::date, .required = true},
                {.name = "level",
                 .nullable = true,
                 .max_length = 60,
                 .description = "italian_level: a1, a2, b1, above_b1; civic_knowledge: "
                                "sufficient, good, very_good; course: hours80 ... school_year; "
                                "loss: a band's code; exemption: the ground"},
                {.name = "spoken_only", .type = FieldType::boolean, .nullable = true},
                {.name = "corrects", .type = FieldType::integer, .nullable = true, .min_value = 1},
                {.name = "note",
                 .nullable = true,
                 .max_length = 1000,
                 .multiline = true,
                 .description = "the evidence; a correction's reason (required)"}},
       .response_schema = "IntegrationAgreement",
       .success_status = 201,
       .reads_persons = true,
       .handler = add_one_entry});
  api.add({.method = "POST",
           .pattern = base + "/{id}/verification",
           .action = kManage,
           .summary = "The verification: fulfilled, extension by a year, or terminated",
           .tag = "procedures",
           .body = {{.name = "verified_on", .type = FieldType::date, .required = true}},
           .response_schema = "IntegrationAgreement",
           .reads_persons = true,
           .handler = verify_one});
}

void add_agreement_task_source() {
  tasks::add_source(
      {.kind = "integration_agreement_verification",
       .action = kManage,
       .count = [](api::Context&, db::Connection& conn, CivilDay today) -> Result<tasks::Count> {
         INNET_ASSIGN_OR_RETURN(auto total, count_due_verifications(conn, today, false));
         INNET_ASSIGN_OR_RETURN(auto overdue, count_due_verifications(conn, today, true));
         return tasks::Count{total, overdue};
       },
       .list = [](api::Context&, db::Connection& conn, CivilDay today,
                  std::int64_t limit) -> Result<std::vector<tasks::Task>> {
         INNET_ASSIGN_OR_RETURN(auto due, due_verifications(conn, today, limit));
         std::vector<tasks::Task> out;
         // Named by the agreement's number and its expiry, never the person.
         for (const auto& d : due)
           out.push_back(
               {.kind = "integration_agreement_verification",
                .params = {{"agreement", std::to_string(d.id)}, {"expires_on", d.expires_on}},
                .due = d.expires_on,
                .overdue = d.expires_on < today.to_string(),
                .link = "/integration-agreements/" + std::to_string(d.id)});
         return out;
       }});
}

}  // namespace innet::procedures
