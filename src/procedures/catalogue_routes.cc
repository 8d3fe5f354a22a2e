// The catalogue over HTTP (decision 0040): every staff role reads it (the procedures, their steps,
// documents, terms and guides are public law, not personal data); only the admin writes it. A
// change of a procedure's terms recomputes the due dates its open files keep.
#include "api/object_type.h"
#include "core/clock.h"
#include "procedures/catalogue.h"
#include "procedures/files.h"
#include "procedures/routes.h"
#include "reporting/language.h"

namespace innet::procedures {
namespace {

constexpr const char* kEdit = "procedures.edit";

// A procedure as answered: every field as stored (Italian names, their translations for the
// editor) and, beside each name, the label in the caller's language (?lang=, else
// Accept-Language, else Italian) with the language it is in: the translation, or the Italian.
struct StepOut {
  const Step* s = nullptr;
  LocalText label;
};

struct DocumentOut {
  const RequiredDocument* d = nullptr;
  LocalText label;
};

struct ProcedureOut {
  const Procedure* p = nullptr;
  LocalText label;
  std::vector<StepOut> steps;
  std::vector<DocumentOut> documents;
};

ProcedureOut out_of(const Procedure& p, const std::string& language) {
  ProcedureOut o{.p = &p, .label = name_in(p.name, p.names, language)};
  for (const auto& s : p.steps) o.steps.push_back({&s, name_in(s.name, s.names, language)});
  for (const auto& d : p.documents) o.documents.push_back({&d, name_in(d.name, d.names, language)});
  return o;
}

const std::vector<std::string>& other_languages() {
  static const std::vector<std::string> others(languages().begin() + 1, languages().end());
  return others;
}

const api::ObjectType<Translation>& translation_type() {
  static const auto type =
      api::ObjectType<Translation>("ProcedureName")
          .field("language", &Translation::language, {.allowed = other_languages()})
          .field("name", &Translation::text);
  return type;
}

constexpr const char* kNamesDoc = "the name in the other five languages (Italian is name)";
constexpr const char* kLabelDoc =
    "the name in the caller's language (?lang=, else Accept-Language), Italian where none";

const api::ObjectType<StepOut>& step_type() {
  static const auto type =
      api::ObjectType<StepOut>("ProcedureStep")
          .field("code", [](const StepOut& o) { return o.s->code; })
          .field("name", [](const StepOut& o) { return o.s->name; }, {.description = "Italian"})
          .field("office", [](const StepOut& o) { return o.s->office; })
          .field("names", [](const StepOut& o) -> const auto& { return o.s->names; },
                 translation_type(), {.description = kNamesDoc})
          .field("label", [](const StepOut& o) { return o.label.text; }, {.description = kLabelDoc})
          .field("label_lang", [](const StepOut& o) { return o.label.lang; },
                 {.allowed = languages()});
  return type;
}

const api::ObjectType<DocumentOut>& document_type() {
  static const auto type =
      api::ObjectType<DocumentOut>("ProcedureDocument")
          .field("code", [](const DocumentOut& o) { return o.d->code; })
          .field("name", [](const DocumentOut& o) { return o.d->name; }, {.description = "Italian"})
          .field("required", [](const DocumentOut& o) { return o.d->required; },
                 {.description = "false: asked only in some cases; a decision does not wait"})
          .field("names", [](const DocumentOut& o) -> const auto& { return o.d->names; },
                 translation_type(), {.description = kNamesDoc})
          .field("label", [](const DocumentOut& o) { return o.label.text; },
                 {.description = kLabelDoc})
          .field("label_lang", [](const DocumentOut& o) { return o.label.lang; },
                 {.allowed = languages()});
  return type;
}

const api::ObjectType<TermRule>& term_type() {
  static const auto type =
      api::ObjectType<TermRule>("ProcedureTerm")
          .field("term", &TermRule::term,
                 {.description = "decision, or a party's term (employer_confirmation...)"})
          .field("applies_from", [](const TermRule& t) { return t.applies_from.to_string(); },
                 {.description = "the rule governs files filed on or after this day",
                  .format = "date"})
          .field("amount", &TermRule::amount)
          .field("counting", [](const TermRule& t) { return to_string(t.counting); },
                 {.allowed = countings()})
          .field("saturday", [](const TermRule& t) { return to_string(t.saturday); },
                 {.description = "moves: an end on a Saturday moves to the next working day",
                  .allowed = {"stays", "moves"}})
          .field("start_event", &TermRule::start_event,
                 {.description = "the step whose day the term runs from"})
          .field("silent_consent", &TermRule::silent_consent)
          .field("legal_reference", &TermRule::legal_reference);
  return type;
}

const api::ObjectType<Guide>& guide_type() {
  static const auto type = api::ObjectType<Guide>("ProcedureGuide")
                               .field("language", &Guide::language, {.allowed = languages()})
                               .field("text", &Guide::text);
  return type;
}

const api::ObjectType<ProcedureOut>& procedure_type() {
  using O = ProcedureOut;
  static const auto type =
      api::ObjectType<O>("Procedure")
          .field("id", [](const O& o) { return o.p->id; })
          .field("code", [](const O& o) { return o.p->code; })
          .field("name", [](const O& o) { return o.p->name; },
                 {.description = "Italian: the law's name"})
          .field("names", [](const O& o) -> const auto& { return o.p->names; }, translation_type(),
                 {.description = kNamesDoc})
          .field("label", [](const O& o) { return o.label.text; }, {.description = kLabelDoc})
          .field("label_lang", [](const O& o) { return o.label.lang; }, {.allowed = languages()})
          .field("description", [](const O& o) { return o.p->description; })
          .field("legal_basis", [](const O& o) { return o.p->legal_basis; })
          .field("fee_cents", [](const O& o) { return o.p->fee_cents; })
          .field("fee_note", [](const O& o) { return o.p->fee_note; })
          .field("max_suspensions", [](const O& o) { return o.p->max_suspensions; },
                 {.description = "requests for integration that stop the clock (L. 241/1990 "
                                 "art. 2 c.7: one)"})
          .field("max_suspension_days", [](const O& o) { return o.p->max_suspension_days; },
                 {.description = "days each one stops it at most (30)"})
          .field("active", [](const O& o) { return o.p->active; })
          .field("clock_term", [](const O& o) { return o.p->clock_term; },
                 {.description = "the term the files' clock follows"})
          .field("steps", &O::steps, step_type())
          .field("documents", &O::documents, document_type())
          .field(
              "terms", [](const O& o) -> const auto& { return o.p->terms; }, term_type())
          .field("guides", [](const O& o) -> const auto& { return o.p->guides; }, guide_type(),
                 {.description = "plain-language guides, Italian first"})
          .field("updated_at", [](const O& o) { return o.p->updated_at; }, {.format = "date-time"});
  return type;
}

std::vector<Translation> names_of(const nlohmann::json& item) {
  std::vector<Translation> out;
  if (item.contains("names"))
    for (const auto& n : item["names"])
      out.push_back({n["language"].get<std::string>(), n["name"].get<std::string>()});
  return out;
}

nlohmann::json answer(const Procedure& p, const api::Context& ctx) {
  return procedure_type().to_json(out_of(p, reporting::language_code_of(ctx.request)));
}

Procedure from_body(const nlohmann::json& b) {
  Procedure p{.code = b["code"].get<std::string>(),
              .name = b["name"].get<std::string>(),
              .description = b.value("description", std::string()),
              .legal_basis = b["legal_basis"].get<std::string>(),
              .fee_note = b.value("fee_note", std::string()),
              .max_suspensions = b.value("max_suspensions", std::int64_t{1}),
              .max_suspension_days = b.value("max_suspension_days", std::int64_t{30}),
              .active = b.value("active", true),
              .clock_term = b.value("clock_term", std::string(kDecisionTerm))};
  if (b.contains("fee_cents") && !b["fee_cents"].is_null())
    p.fee_cents = b["fee_cents"].get<std::int64_t>();
  p.names = names_of(b);
  for (const auto& s : b["steps"])
    p.steps.push_back({s["code"].get<std::string>(), s["name"].get<std::string>(),
                       s["office"].get<std::string>(), names_of(s)});
  if (b.contains("documents"))
    for (const auto& d : b["documents"])
      p.documents.push_back({d["code"].get<std::string>(), d["name"].get<std::string>(),
                             d.value("required", true), names_of(d)});
  for (const auto& t : b["terms"])
    p.terms.push_back(
        {.term = t["term"].get<std::string>(),
         .applies_from = t.contains("applies_from")
                             ? CivilDay::parse(t["applies_from"].get<std::string>()).value()
                             : kEarliestDay,
         .amount = t["amount"].get<std::int64_t>(),
         .counting = parse_counting(t.value("counting", std::string("calendar"))).value(),
         .saturday = parse_saturday(t.value("saturday", std::string("stays"))).value(),
         .start_event = t["start_event"].get<std::string>(),
         .silent_consent = t.value("silent_consent", false),
         .legal_reference = t["legal_reference"].get<std::string>()});
  if (b.contains("guides"))
    for (const auto& g : b["guides"])
      p.guides.push_back({g["language"].get<std::string>(), g["text"].get<std::string>()});
  return p;
}

Result<http::Response> list_all(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto all, list_procedures(*conn));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : all) items.push_back(answer(p, ctx));
  return api::ok(nlohmann::json{{"items", std::move(items)}});
}

Result<http::Response> get_one(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto p, find_procedure(*conn, id));
  return api::ok(answer(p, ctx));
}

Result<http::Response> create_one(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto saved,
                         create_procedure(*conn, from_body(ctx.body), clock::now_iso()));
  auto entry = ctx.audit("procedures.create", "procedure", std::to_string(saved.id));
  entry.details = nlohmann::json{{"code", saved.code}}.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(answer(saved, ctx));
}

Result<http::Response> replace_one(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto was, find_procedure(*conn, id));
  auto p = from_body(ctx.body);
  p.id = was.id;
  INNET_ASSIGN_OR_RETURN(auto saved, update_procedure(*conn, std::move(p), clock::now_iso()));
  // The open files keep due dates computed from the rules: a changed rule changes them.
  INNET_TRY(refresh_due_dates(*conn, saved));
  auto entry = ctx.audit("procedures.update", "procedure", std::to_string(saved.id));
  entry.details = nlohmann::json{{"code", saved.code}}.dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(answer(saved, ctx));
}

FieldSpec body_spec() {
  auto code = [](const char* name) {
    return Field{.name = name, .required = true, .max_length = 60, .min_length = 1};
  };
  auto text = [](const char* name, std::size_t max, bool required) {
    return Field{.name = name,
                 .required = required,
                 .max_length = max,
                 .min_length = required ? std::size_t{1} : std::size_t{0},
                 .multiline = max > 300};
  };
  // A name in another language: optional, once per language (catalogue.cc checks the once).
  const Field names = {
      .name = "names",
      .type = FieldType::object_list,
      .description = "the name in the other five languages; Italian is name",
      .max_items = 5,
      .items = {{.name = "language", .required = true, .allowed = other_languages()},
                text("name", 300, true)}};
  return {
      code("code"),
      text("name", 200, true),
      names,
      text("description", 2000, false),
      text("legal_basis", 500, true),
      {.name = "fee_cents", .type = FieldType::integer, .nullable = true, .min_value = 0},
      text("fee_note", 300, false),
      {.name = "max_suspensions", .type = FieldType::integer, .min_value = 0, .max_value = 10},
      {.name = "max_suspension_days", .type = FieldType::integer, .min_value = 0, .max_value = 365},
      {.name = "active", .type = FieldType::boolean},
      {.name = "clock_term",
       .max_length = 60,
       .min_length = 1,
       .description = "the term the files' clock follows; default decision"},
      {.name = "steps",
       .type = FieldType::object_list,
       .required = true,
       .description = "in order; the first is entered when a file is opened",
       .max_items = 30,
       .min_items = 1,
       .items = {code("code"), text("name", 200, true), text("office", 200, true), names}},
      {.name = "documents",
       .type = FieldType::object_list,
       .max_items = 40,
       .items = {code("code"),
                 text("name", 300, true),
                 {.name = "required", .type = FieldType::boolean},
                 names}},
      {.name = "terms",
       .type = FieldType::object_list,
       .required = true,
       .description = "dated rules: a file follows the latest one not after its filing day",
       .max_items = 40,
       .min_items = 1,
       .items = {code("term"),
                 {.name = "applies_from", .type = FieldType::date},
                 {.name = "amount",
                  .type = FieldType::integer,
                  .required = true,
                  .min_value = 1,
                  .max_value = 3650},
                 {.name = "counting", .allowed = countings()},
                 {.name = "saturday", .allowed = {"stays", "moves"}},
                 code("start_event"),
                 {.name = "silent_consent", .type = FieldType::boolean},
                 text("legal_reference", 500, true)}},
      {.name = "guides",
       .type = FieldType::object_list,
       .description = "plain-language guides, one per language, Italian required",
       .max_items = 6,
       .items = {{.name = "language", .required = true, .allowed = languages()},
                 text("text", 8000, true)}},
  };
}

}  // namespace

void add_catalogue_routes(api::Api& api) {
  static const api::ListType list("ProcedureList", procedure_type(), false);
  api.add_schema(list);
  api.add_schema(procedure_type());
  const std::string base = "/api/v1/procedures";
  api.add({.method = "GET",
           .pattern = base,
           .action = "procedures.read",
           .summary = "The catalogue of procedures with their steps, documents, terms and guides",
           .tag = "procedures",
           .query = {reporting::lang_field()},
           .response_schema = "ProcedureList",
           .handler = list_all});
  api.add({.method = "POST",
           .pattern = base,
           .action = kEdit,
           .summary = "Add a procedure to the catalogue",
           .tag = "procedures",
           .body = body_spec(),
           .query = {reporting::lang_field()},
           .response_schema = "Procedure",
           .success_status = 201,
           .handler = create_one});
  api.add({.method = "GET",
           .pattern = base + "/{id}",
           .action = "procedures.read",
           .summary = "A procedure of the catalogue",
           .tag = "procedures",
           .query = {reporting::lang_field()},
           .response_schema = "Procedure",
           .handler = get_one});
  api.add({.method = "PUT",
           .pattern = base + "/{id}",
           .action = kEdit,
           .summary = "Replace a procedure (a change of law: add a term rule with the day it "
                      "applies from, keep the old one for the files filed before)",
           .tag = "procedures",
           .body = body_spec(),
           .query = {reporting::lang_field()},
           .response_schema = "Procedure",
           .handler = replace_one});
}

}  // namespace innet::procedures
