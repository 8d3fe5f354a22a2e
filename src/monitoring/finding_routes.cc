// /api/v1/findings: the findings of inspections and their follow-up (decision 0023). Inspectors
// and prefecture officers read every finding, set its severity, corrective action and deadline
// before the report is issued, and verify: close or escalate. An operator's staff read the
// findings of the issued reports on their centres and reply. Any finding out of the caller's
// reach answers 404 like a missing one; ?overdue=true lists the tasks past their deadline.
// The list is filtered, sorted and paged by the server (ten years of a national network's
// inspections leave tens of thousands of findings), and is also a file (?format=csv|xlsx) of
// every finding of the filters for the offices, by decision 0021's rules.
#include <iterator>
#include <map>

#include "centres/centres.h"
#include "centres/routes.h"
#include "core/clock.h"
#include "monitoring/checklists.h"
#include "monitoring/findings.h"
#include "monitoring/inspections.h"
#include "monitoring/routes.h"
#include "reporting/files.h"
#include "reporting/language.h"

namespace innet::monitoring {
namespace {

constexpr const char* kBase = "/api/v1/findings";

// The finding when the caller's scope for `action` reaches it: the managers every one, an
// operator's staff those of issued reports on its centres.
Result<Finding> visible_finding(api::Context& ctx, db::Connection& conn, std::int64_t id,
                                const char* action) {
  auto finding = find_finding(conn, id, clock::today());
  if (!finding.ok()) return finding;
  if (!centres::visible_centre(ctx, finding->centre_id, action).ok())
    return Error::not_found("finding");
  if (ctx.services.policy.scope(ctx.actor->role, action) != auth::Scope::all) {
    // Not every centre: an operator, who sees nothing of a report not issued yet.
    INNET_ASSIGN_OR_RETURN(auto inspection, find_inspection(conn, finding->inspection_id));
    if (inspection.status != "report_issued") return Error::not_found("finding");
  }
  return finding;
}

Result<Finding> finding_in_scope(api::Context& ctx, db::Connection& conn, const char* action) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  return visible_finding(ctx, conn, id, action);
}

Result<documents::OwnerAccess> finding_access(api::Context& ctx, std::int64_t finding_id) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  auto finding = visible_finding(ctx, *conn, finding_id, "findings.read");
  if (!finding.ok()) {
    if (finding.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return finding.take_error();
  }
  return documents::OwnerAccess{.readable = true};
}

}  // namespace

const reporting::Catalogue& file_words() {
  static const reporting::Catalogue words = {
      {"sheet.inspections",
       {"Ispezioni dei centri", "Inspections of centres", "Inspections des centres",
        "تفتيش المراكز", "Інспекції центрів", "কেন্দ্রগুলোর পরিদর্শন"}},
      {"column.date", {"Data", "Date", "Date", "التاريخ", "Дата", "তারিখ"}},
      {"column.announced",
       {"Annunciata", "Announced", "Annoncée", "مُعلن عنه", "Оголошена", "পূর্বঘোষিত"}},
      {"column.overall",
       {"Punteggio complessivo", "Overall score", "Note globale", "النتيجة الإجمالية",
        "Загальна оцінка", "সামগ্রিক স্কোর"}},
      {"value.unannounced",
       {"Senza preavviso", "Unannounced", "Inopinée", "دون إشعار مسبق", "Без попередження",
        "অঘোষিত"}},
      {"inspection_status.planned",
       {"Pianificata", "Planned", "Planifiée", "مخطط له", "Запланована", "পরিকল্পিত"}},
      {"inspection_status.in_progress",
       {"In corso", "In progress", "En cours", "جارٍ", "Триває", "চলমান"}},
      {"inspection_status.completed",
       {"Conclusa", "Completed", "Terminée", "منتهٍ", "Завершена", "সম্পন্ন"}},
      {"inspection_status.report_issued",
       {"Verbale emesso", "Report issued", "Rapport émis", "صدر التقرير", "Звіт видано",
        "প্রতিবেদন জারি হয়েছে"}},
      {"sheet.findings",
       {"Rilievi", "Findings", "Constats", "المخالفات المرصودة", "Виявлені порушення", "ত্রুটি"}},
      {"column.centre", {"Centro", "Centre", "Centre", "المركز", "Центр", "কেন্দ্র"}},
      {"column.inspection",
       {"ID ispezione", "Inspection ID", "ID de l’inspection", "رقم التفتيش", "ID інспекції",
        "পরিদর্শন আইডি"}},
      {"column.area", {"Area", "Area", "Domaine", "المجال", "Сфера", "ক্ষেত্র"}},
      {"column.item", {"Voce", "Item", "Point de contrôle", "البند", "Пункт", "বিষয়"}},
      {"column.severity", {"Gravità", "Severity", "Gravité", "الخطورة", "Серйозність", "গুরুত্ব"}},
      {"column.deadline",
       {"Scadenza", "Deadline", "Échéance", "الموعد النهائي", "Строк", "সময়সীমা"}},
      {"column.status", {"Stato", "Status", "État", "الحالة", "Стан", "অবস্থা"}},
      {"column.overdue",
       {"Scaduto", "Overdue", "En retard", "متأخرة", "Прострочене", "সময়সীমা পেরিয়েছে"}},
      {"column.corrective_action",
       {"Azione correttiva", "Corrective action", "Action corrective", "الإجراء التصحيحي",
        "Коригувальна дія", "সংশোধনমূলক পদক্ষেপ"}},
      {"column.replied_on",
       {"Data della risposta", "Replied on", "Date de la réponse", "تاريخ الرد", "Дата відповіді",
        "উত্তরের তারিখ"}},
      {"column.verified_on",
       {"Data della verifica", "Verified on", "Date de la vérification", "تاريخ التحقق",
        "Дата перевірки", "যাচাইয়ের তারিখ"}},
      {"value.yes", {"Sì", "Yes", "Oui", "نعم", "Так", "হ্যাঁ"}},
      {"value.no", {"No", "No", "Non", "لا", "Ні", "না"}},
      {"severity.minor", {"Lieve", "Minor", "Mineur", "بسيطة", "Незначне", "সামান্য"}},
      {"severity.major", {"Grave", "Major", "Majeur", "جسيمة", "Істотне", "গুরুতর"}},
      {"severity.critical", {"Critico", "Critical", "Critique", "حرجة", "Критичне", "সংকটজনক"}},
      {"status.open", {"Aperto", "Open", "Ouvert", "مفتوحة", "Відкрите", "খোলা"}},
      {"status.replied",
       {"Risposto dal gestore", "Replied by the operator", "Réponse du gestionnaire reçue",
        "ردّت الجهة المسيّرة", "Оператор відповів", "পরিচালনাকারী উত্তর দিয়েছে"}},
      {"status.verified_closed",
       {"Verificato e chiuso", "Verified and closed", "Vérifié et clos", "تم التحقق والإغلاق",
        "Перевірено й закрито", "যাচাই করে বন্ধ"}},
      {"status.escalated",
       {"Inoltrato alle sanzioni", "Escalated to sanctions", "Transmis aux sanctions",
        "أُحيلت إلى الجزاءات", "Передано на санкції", "নিষেধাজ্ঞার জন্য পাঠানো"}},
      {"area.capacity_presences",
       {"Capienza e presenze", "Capacity and presences", "Capacité et présences", "السعة والحضور",
        "Місткість і присутність", "ধারণক্ষমতা ও উপস্থিতি"}},
      {"area.building", {"Struttura", "Building", "Bâtiment", "المبنى", "Будівля", "ভবন"}},
      {"area.meals", {"Pasti", "Meals", "Repas", "الوجبات", "Харчування", "খাবার"}},
      {"area.cleaning_laundry",
       {"Pulizia e lavanderia", "Cleaning and laundry", "Nettoyage et blanchisserie",
        "التنظيف والغسيل", "Прибирання і пральня", "পরিচ্ছন্নতা ও লন্ড্রি"}},
      {"area.goods_money",
       {"Beni e pocket money", "Goods and pocket money", "Biens et argent de poche",
        "المواد ومصروف الجيب", "Речі та кишенькові гроші", "সামগ্রী ও পকেট মানি"}},
      {"area.staff", {"Personale", "Staff", "Personnel", "العاملون", "Персонал", "কর্মী"}},
      {"area.services",
       {"Servizi, persone vulnerabili e minori", "Services, vulnerable people and minors",
        "Services, personnes vulnérables et mineurs", "الخدمات والأشخاص المستضعفون والقاصرون",
        "Послуги, вразливі особи та неповнолітні", "সেবা, ঝুঁকিপূর্ণ ব্যক্তি ও অপ্রাপ্তবয়স্ক"}},
      {"area.finance",
       {"Aspetti finanziari", "Finance", "Aspects financiers", "الجوانب المالية", "Фінанси",
        "আর্থিক বিষয়"}},
  };
  return words;
}

namespace {

// ?sort=: each key ascending, or descending with '-' first.
Field sort_field() {
  Field f{.name = "sort", .max_length = 10};
  for (const auto& key : finding_sort_keys()) {
    f.allowed.push_back(key);
    f.allowed.push_back("-" + key);
  }
  f.description =
      "a column to sort by, '-' first for descending; default deadline (the most "
      "urgent first)";
  return f;
}

reporting::Cell day_of(const std::optional<std::string>& instant) {
  if (!instant || instant->size() < 10) return {};
  return reporting::Cell::date(instant->substr(0, 10));
}

// Every finding of the filters, in the order asked, read a page at a time (the page query's
// order, so the file and the page agree).
Result<http::Response> findings_file(api::Context& ctx, db::Connection& conn,
                                     const FindingFilter& filter) {
  const auto& q = ctx.request.query;
  INNET_ASSIGN_OR_RETURN(auto centres, centres::centre_summaries(conn, {}));
  std::map<std::int64_t, std::string> names;
  for (const auto& c : centres) names[c.id] = c.name;
  const std::string sort = q.count("sort") ? q.at("sort") : "";
  std::vector<Finding> findings;
  constexpr std::int64_t kRead = 500;
  for (Paging paging{1, kRead};; ++paging.page) {
    INNET_ASSIGN_OR_RETURN(auto page, page_findings(conn, filter, sort, paging, clock::today()));
    std::move(page.items.begin(), page.items.end(), std::back_inserter(findings));
    if (paging.page * kRead >= page.total) break;
  }
  const auto language = reporting::language_of(ctx.request);
  const reporting::Labels labels(file_words(), language);
  // An item's question in the file's language (Italian where not written), from the latest
  // version of each checklist: codes stay the same across versions for the same question.
  std::map<std::string, std::string> questions;
  INNET_ASSIGN_OR_RETURN(auto versions, latest_versions(conn));
  const std::string& lang = reporting::language_codes()[static_cast<std::size_t>(language)];
  for (const auto& v : versions) {
    INNET_ASSIGN_OR_RETURN(auto version, find_version(conn, v.id));
    for (const auto& item : version.items) {
      auto text = item.question.find(lang);
      questions[item.code] = text != item.question.end() ? text->second : item.question.at("it");
    }
  }
  auto question = [&](const Finding& f) {
    auto it = questions.find(f.item_code);
    return it != questions.end() ? it->second : f.item_code;
  };
  reporting::Table table{.name = labels("sheet.findings")};
  for (const char* c : {"centre", "inspection", "area", "item", "severity", "deadline", "status",
                        "overdue", "corrective_action", "replied_on", "verified_on"})
    table.columns.push_back({c, labels(std::string("column.") + c)});
  for (const auto& f : findings) {
    using reporting::Cell;
    table.rows.push_back({Cell::of(names[f.centre_id]), Cell::of(f.inspection_id),
                          Cell::of(labels("area." + f.area)), Cell::of(question(f)),
                          Cell::of(labels("severity." + f.severity)), Cell::date(f.deadline),
                          Cell::of(labels("status." + f.status)),
                          Cell::of(labels(f.overdue ? "value.yes" : "value.no")),
                          f.corrective_action ? Cell::of(*f.corrective_action) : Cell{},
                          day_of(f.replied_at), day_of(f.verified_at)});
  }
  return reporting::tables_response(q.at("format"), {std::move(table)}, 0,
                                    "rilievi-" + clock::today().to_string(),
                                    reporting::CsvStyle::office);
}

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const auto& q = ctx.request.query;
  FindingFilter filter;
  // An inspection or a centre out of reach filters like a missing one: an empty list.
  if (q.count("inspection_id")) filter.inspection_id = parse_int(q.at("inspection_id"));
  if (q.count("centre_id")) filter.centre_id = parse_int(q.at("centre_id"));
  if (q.count("status")) filter.status = q.at("status");
  if (q.count("severity")) filter.severity = q.at("severity");
  if (q.count("q")) filter.query = q.at("q");
  filter.overdue_only = q.count("overdue") && q.at("overdue") == "true";
  if (ctx.scope != auth::Scope::all) {
    filter.centres = centres::centres_run_by(ctx.actor->organization_id);
    filter.issued_only = true;
  }
  if (q.count("format") && q.at("format") != "json") return findings_file(ctx, *conn, filter);
  INNET_ASSIGN_OR_RETURN(
      auto page,
      page_findings(*conn, filter, q.count("sort") ? q.at("sort") : "", paging, clock::today()));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& f : page.items) items.push_back(finding_type().to_json(f));
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto finding, finding_in_scope(ctx, *conn, "findings.read"));
  return api::ok(finding_type(), finding);
}

Status commit(api::Context& ctx, const char* action, const Finding& f) {
  auto entry = ctx.audit(action, "finding", std::to_string(f.id));
  // No free text: notes and replies may name guests; they are kept on the finding.
  entry.details = nlohmann::json({{"inspection_id", f.inspection_id},
                                  {"centre_id", f.centre_id},
                                  {"severity", f.severity},
                                  {"deadline", f.deadline},
                                  {"status", f.status}})
                      .dump();
  return ctx.commit(entry);
}

Result<http::Response> edit(api::Context& ctx) {
  FindingChange c;
  if (ctx.body.contains("severity")) c.severity = ctx.body["severity"].get<std::string>();
  if (ctx.body.contains("corrective_action"))
    c.corrective_action = api::patched<std::string>(ctx.body, "corrective_action", std::nullopt);
  if (ctx.body.contains("deadline")) c.deadline = accepted_day(ctx.body, "deadline");
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto finding, finding_in_scope(ctx, *conn, "findings.manage"));
  INNET_ASSIGN_OR_RETURN(auto changed, change_finding(*conn, finding.id, c, clock::today()));
  INNET_TRY(commit(ctx, "findings.change", changed));
  return api::ok(finding_type(), changed);
}

Result<http::Response> reply(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto finding, finding_in_scope(ctx, *conn, "findings.reply"));
  INNET_ASSIGN_OR_RETURN(auto replied,
                         reply_to_finding(*conn, finding.id, ctx.body["reply"], ctx.actor->user_id,
                                          clock::now_iso(), clock::today()));
  for (std::int64_t document_id : ctx.body.value("document_ids", std::vector<std::int64_t>{}))
    INNET_TRY(documents::link_document(ctx, *conn, document_id, kFindingOwnerKind, replied.id));
  INNET_ASSIGN_OR_RETURN(replied, find_finding(*conn, replied.id, clock::today()));
  INNET_TRY(commit(ctx, "findings.reply", replied));
  return api::created(finding_type().to_json(replied));
}

// Closure and escalation: the inspector's verification, with its note.
template <Result<Finding> (*Verify)(db::Connection&, std::int64_t, const std::string&, std::int64_t,
                                    const std::string&, CivilDay)>
Result<http::Response> verification(api::Context& ctx, const char* audit_action) {
  const std::string note = ctx.body.value("verification_note", std::string());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto finding, finding_in_scope(ctx, *conn, "findings.manage"));
  INNET_ASSIGN_OR_RETURN(auto verified, Verify(*conn, finding.id, note, ctx.actor->user_id,
                                               clock::now_iso(), clock::today()));
  INNET_TRY(commit(ctx, audit_action, verified));
  return api::created(finding_type().to_json(verified));
}

}  // namespace

documents::Owner finding_owner() {
  return {.kind = kFindingOwnerKind,
          .media_types = documents::accepted_media_type_names(),
          .access = finding_access};
}

void add_finding_routes(api::Api& api) {
  static const api::ListType finding_list("FindingList", finding_type(), true);
  api.add_schema(finding_type());
  api.add_schema(finding_list);
  api.add({.method = "GET",
           .pattern = kBase,
           .action = "findings.read",
           .summary = "A page of findings, the most urgent deadline first unless sorted (an "
                      "operator: those of the issued reports on its centres); overdue=true: open "
                      "ones past their deadline; every one of the filters as CSV or XLSX",
           .tag = "monitoring",
           .query = {{.name = "inspection_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "centre_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "status", .allowed = finding_statuses()},
                     {.name = "overdue",
                      .type = FieldType::boolean,
                      .description = "true: open findings past their deadline (the tasks)"},
                     {.name = "severity", .allowed = severities()},
                     {.name = "q", .max_length = 100, .description = "part of the centre's name"},
                     sort_field(),
                     {.name = "format",
                      .max_length = 4,
                      .allowed = {"json", "csv", "xlsx"},
                      .description = "json (default), csv or xlsx: every finding of the filters "
                                     "(not one page), in the order asked and the caller's "
                                     "language (lang)"},
                     reporting::lang_field()},
           .paged = true,
           .response_schema = "FindingList",
           .other_content_types = {"text/csv", reporting::kXlsxType},
           .handler = list});
  api.add({.method = "GET",
           .pattern = std::string(kBase) + "/{id}",
           .action = "findings.read",
           .summary = "A finding with its reply, verification and documents",
           .tag = "monitoring",
           .response_schema = "Finding",
           .handler = get});
  api.add({.method = "PATCH",
           .pattern = std::string(kBase) + "/{id}",
           .action = "findings.manage",
           .summary = "Set a finding's severity, corrective action or deadline before the report "
                      "is issued",
           .tag = "monitoring",
           .body = {{.name = "severity", .allowed = severities()},
                    {.name = "corrective_action",
                     .nullable = true,
                     .max_length = 2000,
                     .min_length = 1,
                     .multiline = true,
                     .description = "null: restore what the item requires"},
                    {.name = "deadline", .type = FieldType::date}},
           .response_schema = "Finding",
           .handler = edit});
  api.add({.method = "POST",
           .pattern = std::string(kBase) + "/{id}/reply",
           .action = "findings.reply",
           .summary = "The operator's reply to an open finding, with documents",
           .tag = "monitoring",
           .body = {{.name = "reply",
                     .required = true,
                     .max_length = 4000,
                     .min_length = 1,
                     .multiline = true},
                    {.name = "document_ids",
                     .type = FieldType::integer_list,
                     .description = "uploads (POST /documents) to attach to the reply",
                     .min_value = 1,
                     .max_items = 10}},
           .response_schema = "Finding",
           .success_status = 201,
           .handler = reply});
  const Field note{.name = "verification_note",
                   .max_length = 4000,
                   .multiline = true,
                   .description =
                       "what the inspector verified; without it the finding is "
                       "refused (422) and nothing changes"};
  api.add({.method = "POST",
           .pattern = std::string(kBase) + "/{id}/closure",
           .action = "findings.manage",
           .summary = "Close a finding after verifying the corrective action",
           .tag = "monitoring",
           .body = {note},
           .response_schema = "Finding",
           .success_status = 201,
           .handler = [](api::Context& ctx) {
             return verification<close_finding>(ctx, "findings.close");
           }});
  api.add({.method = "POST",
           .pattern = std::string(kBase) + "/{id}/escalation",
           .action = "findings.manage",
           .summary = "Escalate a finding to the sanction ladder",
           .tag = "monitoring",
           .body = {note},
           .response_schema = "Finding",
           .success_status = 201,
           .handler = [](api::Context& ctx) {
             return verification<escalate_finding>(ctx, "findings.escalate");
           }});
}

}  // namespace innet::monitoring
