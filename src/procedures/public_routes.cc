// The public side of the procedures (issue 13; decision 0041): the catalogue's plain-language
// guides for the portal, and the citizens' status lookup. No login.
//
// Texts come in the language asked (?lang=, else Accept-Language) where the catalogue has them
// (guides; names of procedures, steps and documents, migration 6) and in Italian otherwise
// (offices, fee notes, legal references, and any name without a translation): every text field
// says its language in a `*_lang` beside it, as the public opportunities do, so the portal marks
// an Italian text it shows in another page language (lang="it"). A list (steps, documents) is in
// the language asked only when every item of it is; else all of it is Italian, so it reads as
// one text.
//
// The lookup answers only when the protocol number and the applicant's birth date both match, and
// then only about the file (procedure, current step, missing documents, due date): never the
// person's name or id. Every mismatch gets one identical 404, and the same lookups run whether the
// number exists or not, so the answer and its timing tell nothing about which value was wrong.
// A flood gate per address and overall keeps guessing birth dates slow (365 x ~80 years).
#include <chrono>

#include "api/object_type.h"
#include "auth/policy.h"
#include "core/clock.h"
#include "core/flood_gate.h"
#include "people/persons.h"
#include "procedures/catalogue.h"
#include "procedures/files.h"
#include "procedures/routes.h"
#include "reporting/language.h"

namespace innet::procedures {
namespace {

using Text = LocalText;

// The language a whole list is shown in: the one asked when every item has a name in it.
template <class Item>
std::string list_language(const std::vector<Item>& items, const std::string& language) {
  for (const auto& item : items)
    if (name_in(item.name, item.names, language).lang != language) return "it";
  return language;
}

// The guide in `language`, or the Italian one (required by the catalogue's checks).
Text guide_in(const Procedure& p, const std::string& language) {
  Text italian;
  for (const auto& g : p.guides) {
    if (g.language == language && !g.text.empty()) return {g.text, g.language};
    if (g.language == "it") italian = {g.text, "it"};
  }
  return italian;
}

// The guide's first sentence: the list's one-line summary. A sentence ends with . ? ! or the
// Bengali danda (U+0964), then a space.
std::string first_sentence(const std::string& text) {
  static const std::string danda = "\u0964";
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ')
      return text.substr(0, i + 1);
    if (text.compare(i, danda.size(), danda) == 0 && i + danda.size() < text.size() &&
        text[i + danda.size()] == ' ')
      return text.substr(0, i + danda.size());
  }
  return text;
}

struct Summary {
  const Procedure* p = nullptr;
  Text name;
  Text summary;
};

const api::ObjectType<Summary>& summary_type() {
  static const auto type =
      api::ObjectType<Summary>("PublicProcedureSummary")
          .field("code", [](const Summary& s) { return s.p->code; })
          .field("name", [](const Summary& s) { return s.name.text; })
          .field("name_lang", [](const Summary& s) { return s.name.lang; },
                 {.description = "the language asked, or Italian while the name has no "
                                 "translation in it",
                  .allowed = languages()})
          .field("summary", [](const Summary& s) { return s.summary.text; },
                 {.description = "the guide's first sentence"})
          .field("summary_lang", [](const Summary& s) { return s.summary.lang; },
                 {.description = "the language asked, or Italian while the guide has none in it",
                  .allowed = languages()});
  return type;
}

struct PublicStep {
  std::string name;
  std::string office;
};

const api::ObjectType<PublicStep>& public_step_type() {
  static const auto type = api::ObjectType<PublicStep>("PublicProcedureStep")
                               .field("name", &PublicStep::name)
                               .field("office", &PublicStep::office,
                                      {.description = "the office responsible for the step"});
  return type;
}

struct PublicDocument {
  std::string name;
  bool required = true;
};

const api::ObjectType<PublicDocument>& public_document_type() {
  static const auto type = api::ObjectType<PublicDocument>("PublicProcedureDocument")
                               .field("name", &PublicDocument::name)
                               .field("required", &PublicDocument::required,
                                      {.description = "false: asked only in some cases"});
  return type;
}

struct GuideView {
  const Procedure* p = nullptr;
  Text name;
  Text guide;
  std::vector<PublicStep> steps;
  std::string steps_lang;
  std::vector<PublicDocument> documents;
  std::string documents_lang;
  std::optional<TermRule> term;  // the clock's rule for a file filed today
};

const api::ObjectType<GuideView>& guide_view_type() {
  static const auto type =
      api::ObjectType<GuideView>("PublicProcedureGuide")
          .field("code", [](const GuideView& v) { return v.p->code; })
          .field("name", [](const GuideView& v) { return v.name.text; })
          .field("name_lang", [](const GuideView& v) { return v.name.lang; },
                 {.allowed = languages()})
          .field("guide", [](const GuideView& v) { return v.guide.text; },
                 {.description = "what it is for and who may apply, in plain words"})
          .field("guide_lang", [](const GuideView& v) { return v.guide.lang; },
                 {.description = "the language asked, or Italian while the guide has none in it",
                  .allowed = languages()})
          .field("steps", &GuideView::steps, public_step_type(), {.description = "in order"})
          .field("steps_lang", &GuideView::steps_lang,
                 {.description = "the language of the steps' names (offices are Italian names)",
                  .allowed = languages()})
          .field("documents", &GuideView::documents, public_document_type(),
                 {.description = "the documents to bring"})
          .field("documents_lang", &GuideView::documents_lang, {.allowed = languages()})
          .field("fee_cents", [](const GuideView& v) { return v.p->fee_cents; },
                 {.description = "none: no fee, or one the catalogue does not state"})
          .field("fee_note", [](const GuideView& v) { return v.p->fee_note; })
          .field("fee_note_lang", [](const GuideView&) { return std::string("it"); },
                 {.allowed = languages()})
          .field("term_days",
                 [](const GuideView& v) {
                   return v.term ? std::optional<std::int64_t>(v.term->amount) : std::nullopt;
                 },
                 {.description = "the legal term of a file filed today (in term_counting units)"})
          .field("term_counting",
                 [](const GuideView& v) {
                   return v.term ? std::optional<std::string>(to_string(v.term->counting))
                                 : std::nullopt;
                 },
                 {.description = "calendar or working days, or months"})
          .field("silent_consent",
                 [](const GuideView& v) { return v.term && v.term->silent_consent; },
                 {.description = "without an answer by the term, the request is granted"})
          .field("legal_basis", [](const GuideView& v) { return v.p->legal_basis; });
  return type;
}

GuideView guide_view(const Procedure& p, const std::string& language) {
  GuideView v{.p = &p,
              .name = name_in(p.name, p.names, language),
              .guide = guide_in(p, language),
              .steps_lang = list_language(p.steps, language),
              .documents_lang = list_language(p.documents, language)};
  for (const auto& s : p.steps)
    v.steps.push_back({name_in(s.name, s.names, v.steps_lang).text, s.office});
  for (const auto& d : p.documents)
    v.documents.push_back({name_in(d.name, d.names, v.documents_lang).text, d.required});
  v.term = rule_in_force(p.terms, p.clock_term, clock::today());
  return v;
}

Result<http::Response> list_public(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto all, list_procedures(*conn));
  const auto language = reporting::language_code_of(ctx.request);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : all) {
    if (!p.active) continue;  // kept for its files; nobody may apply for it now
    const Text guide = guide_in(p, language);
    items.push_back(summary_type().to_json(
        Summary{&p, name_in(p.name, p.names, language), {first_sentence(guide.text), guide.lang}}));
  }
  return api::ok(nlohmann::json{{"items", std::move(items)}});
}

Result<http::Response> get_public(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto found, find_procedure_by_code(*conn, ctx.param("code")));
  if (!found || !found->active) return Error::not_found("procedure");
  return api::ok(guide_view_type(), guide_view(*found, reporting::language_code_of(ctx.request)));
}

// ---- The status lookup ----

struct Status_ {
  const Procedure* p = nullptr;
  const File* f = nullptr;
  Clock clock;
  Text procedure_name;
  Text current_step;
  std::string current_office;
  std::vector<std::string> missing;
  std::string missing_lang = "it";
};

const api::ObjectType<Status_>& status_type() {
  static const auto type =
      api::ObjectType<Status_>("PublicProcedureFileStatus")
          .field("procedure_code", [](const Status_& s) { return s.p->code; })
          .field("procedure_name", [](const Status_& s) { return s.procedure_name.text; })
          .field("procedure_name_lang", [](const Status_& s) { return s.procedure_name.lang; },
                 {.allowed = languages()})
          .field("filed_on", [](const Status_& s) { return s.f->filed_on; }, {.format = "date"})
          .field("status", [](const Status_& s) { return s.f->status; },
                 {.description = "open, or closed once decided", .allowed = {"open", "closed"}})
          .field("outcome",
                 [](const Status_& s) {
                   return s.f->decision ? std::optional<std::string>(s.f->decision->outcome)
                                        : std::nullopt;
                 },
                 {.description = "the decision, once closed", .allowed = outcomes()})
          .field("current_step", [](const Status_& s) { return s.current_step.text; })
          .field("current_step_office", &Status_::current_office,
                 {.description = "an Italian name"})
          .field("current_step_lang", [](const Status_& s) { return s.current_step.lang; },
                 {.allowed = languages()})
          .field("state", [](const Status_& s) { return to_string(s.clock.state); },
                 {.description = "the legal clock: not_started, running, suspended (waiting for "
                                 "documents), due_soon, overdue, closed",
                  .allowed = clock_states()})
          .field("due_on",
                 [](const Status_& s) {
                   return s.clock.due ? std::optional<std::string>(s.clock.due->to_string())
                                      : std::nullopt;
                 },
                 {.description = "the day the law sets for the answer; none before the term "
                                 "starts",
                  .format = "date"})
          .field("missing_documents", &Status_::missing,
                 {.description = "names of the required documents not received yet"})
          .field("missing_documents_lang", &Status_::missing_lang, {.allowed = languages()});
  return type;
}

FloodGate& lookup_gate() {
  // A citizen looks up a file a few times; 10 tries per address per 10 minutes leave room for
  // typing errors and make guessing a birth date (tens of thousands of candidates) hopeless.
  static FloodGate gate(FloodLimits{.per_address = 10,
                                    .address_window_ms = 10 * 60 * 1000,
                                    .global = 600,
                                    .global_window_ms = 60 * 1000});
  return gate;
}

Status admit(const api::Context& ctx) {
  const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now().time_since_epoch())
                                  .count();
  const int wait = lookup_gate().admit(ctx.request.client_address, now_ms);
  if (wait == 0) return Status::success();
  Error e = Error::make(ErrorKind::rate_limited, "too_many_requests",
                        "too many lookups from here; try again later");
  e.retry_after_seconds = wait;
  return e;
}

// Equal texts, compared without stopping at the first difference.
bool same_text(const std::string& a, const std::string& b) {
  unsigned diff = a.size() == b.size() ? 0 : 1;
  const std::size_t n = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i)
    diff |= static_cast<unsigned char>(i < a.size() ? a[i] : 0) ^
            static_cast<unsigned char>(i < b.size() ? b[i] : 0);
  return diff == 0;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

Result<http::Response> lookup(api::Context& ctx) {
  INNET_TRY(admit(ctx));
  const std::string protocol = trimmed(ctx.body["protocol_number"].get<std::string>());
  const std::string birth_date = ctx.body["birth_date"].get<std::string>();
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const CivilDay today = clock::today();

  // The same three lookups whatever matches: the file, its person (id 0, nobody, when there is
  // no file) and the catalogue.
  FileFilter filter{.protocol = protocol.empty() ? std::string("-") : protocol};
  INNET_ASSIGN_OR_RETURN(auto page, list_files(*conn, filter, today, Paging{1, 1}));
  const File* file = page.items.empty() ? nullptr : &page.items.front();
  INNET_ASSIGN_OR_RETURN(auto persons,
                         people::find_persons(*conn, {file ? file->person_id : std::int64_t{0}}));
  INNET_ASSIGN_OR_RETURN(auto procedures, list_procedures(*conn));

  const std::string stored_birth =
      persons.empty() ? std::string() : persons.front().birth_date.value_or("");
  const bool match =
      file != nullptr && !stored_birth.empty() && same_text(stored_birth, birth_date);
  const Procedure* procedure = nullptr;
  for (const auto& p : procedures)
    if (file && p.id == file->procedure_id) procedure = &p;
  if (!match || procedure == nullptr) return Error::not_found("procedure_file");

  const std::string language = reporting::language_code_of(ctx.request);
  Status_ s{.p = procedure,
            .f = file,
            .clock = clock_of(*file, *procedure, today),
            .procedure_name = name_in(procedure->name, procedure->names, language)};
  if (!file->steps.empty())
    for (const auto& step : procedure->steps)
      if (step.code == file->steps.back().step) {
        s.current_step = name_in(step.name, step.names, language);
        s.current_office = step.office;
      }
  std::vector<RequiredDocument> missing;
  for (const auto& code : missing_documents(*file, *procedure))
    for (const auto& d : procedure->documents)
      if (d.code == code) missing.push_back(d);
  s.missing_lang = list_language(missing, language);
  for (const auto& d : missing) s.missing.push_back(name_in(d.name, d.names, s.missing_lang).text);

  // Who looked is unknown; what was shown is the file: the audit keeps its id, never the date.
  INNET_TRY(ctx.begin_write());
  auto entry =
      ctx.audit("procedure_files.public_lookup", "procedure_file", std::to_string(file->id));
  INNET_TRY(ctx.commit(entry));
  return api::ok(status_type(), s);
}

}  // namespace

void add_public_routes(api::Api& api) {
  static const api::ListType list("PublicProcedureList", summary_type(), false);
  api.add_schema(list);
  api.add_schema(summary_type());
  api.add_schema(guide_view_type());
  api.add_schema(status_type());
  const FieldSpec lang = {{.name = "lang", .allowed = languages()}};
  api.add({.method = "GET",
           .pattern = "/api/v1/public/procedures",
           .action = std::string(auth::kPublic),
           .summary = "The procedures the public may apply for, with a one-line summary, in a "
                      "language (Italian where a text has no translation: see *_lang)",
           .tag = "procedures",
           .query = lang,
           .response_schema = "PublicProcedureList",
           .handler = list_public});
  api.add({.method = "GET",
           .pattern = "/api/v1/public/procedures/{code}",
           .action = std::string(auth::kPublic),
           .summary = "A procedure's plain-language guide: what it is for, steps and offices, "
                      "documents, fee, legal term, legal basis",
           .tag = "procedures",
           .query = lang,
           .path = {{.name = "code", .max_length = 60, .description = "the procedure's code"}},
           .response_schema = "PublicProcedureGuide",
           .handler = get_public});
  api.add({.method = "POST",
           .pattern = "/api/v1/public/procedure-files/lookup",
           .action = std::string(auth::kPublic),
           .summary = "A citizen's status lookup: the file's procedure, step, missing documents "
                      "and due date when the protocol number and the birth date both match; one "
                      "404 otherwise (rate limited: 429 with Retry-After)",
           .tag = "procedures",
           .body = {{.name = "protocol_number",
                     .required = true,
                     .max_length = 60,
                     .min_length = 1,
                     .description = "as printed on the receipt, e.g. PA/2026/000123"},
                    {.name = "birth_date",
                     .type = FieldType::date,
                     .required = true,
                     .description = "the applicant's date of birth"}},
           .query = lang,
           .response_schema = "PublicProcedureFileStatus",
           .throttled = true,  // documents the 429 with Retry-After of the flood gate
           .handler = lookup});
}

}  // namespace innet::procedures
