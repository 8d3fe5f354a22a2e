// GET /api/v1/inspections/{id}/report.pdf: the inspection report as the Prefettura sends it, in
// Italian (issue 10 point 4): the centre, the visit, the scores per area and overall, every item
// of the checklist by area with its answer, note and outcome (the failed ones marked), the
// findings. Photos are not listed: no photo can be attached to an answer yet. Whoever reads the
// inspection reads its report (inspection_in_scope): an operator only the issued reports of its own
// centres. The same data as JSON is GET /api/v1/inspections/{id}.
#include <cmath>
#include <cstdio>
#include <map>

#include "accounts/accounts.h"
#include "centres/centres.h"
#include "core/clock.h"
#include "monitoring/findings.h"
#include "monitoring/photos.h"
#include "monitoring/routes.h"
#include "monitoring/visit_figures.h"
#include "reporting/files.h"
#include "reporting/pdf.h"

namespace innet::monitoring {
namespace {

constexpr const char* kPdfType = "application/pdf";

// What the report says of each finding.
struct ReportFinding {
  std::string item_question;
  std::string severity;
  std::string corrective_action;
  std::string deadline;
  std::string status;
};

// The inspection's findings as the report lists them: the item's question, what to correct (the
// item's own requirement when the inspector wrote no action), by when, and where they stand.
Result<std::vector<ReportFinding>> report_findings(db::Connection& conn,
                                                   const Inspection& inspection,
                                                   const ChecklistVersion& checklist) {
  static const std::map<std::string, std::string> statuses = {{"open", "Aperto"},
                                                              {"replied", "Risposta ricevuta"},
                                                              {"closed", "Chiuso"},
                                                              {"escalated", "Contestato"}};
  INNET_ASSIGN_OR_RETURN(auto findings,
                         list_findings(conn, {.inspection_id = inspection.id}, clock::today()));
  std::map<std::int64_t, std::string> question;
  for (const auto& item : checklist.items) question[item.id] = item.question.at("it");
  std::vector<ReportFinding> out;
  for (const auto& f : findings) {
    auto status = statuses.find(f.status);
    out.push_back({question[f.item_id], f.severity,
                   f.corrective_action.value_or("Ripristinare quanto richiesto dalla voce"),
                   f.deadline, status == statuses.end() ? f.status : status->second});
  }
  return out;
}

std::string area_label(const std::string& area) {
  static const std::map<std::string, std::string> labels = {
      {"capacity_presences", "Capienza e presenze"},
      {"building", "Immobile"},
      {"meals", "Vitto"},
      {"cleaning_laundry", "Pulizia e lavanderia"},
      {"goods_money", "Beni e denaro"},
      {"staff", "Personale"},
      {"services", "Servizi"},
      {"finance", "Aspetti finanziari"}};
  auto it = labels.find(area);
  return it == labels.end() ? area : it->second;
}

std::string status_label(const std::string& status) {
  static const std::map<std::string, std::string> labels = {{"planned", "Pianificata"},
                                                            {"in_progress", "In corso"},
                                                            {"completed", "Completata"},
                                                            {"report_issued", "Rapporto emesso"}};
  auto it = labels.find(status);
  return it == labels.end() ? status : it->second;
}

std::string severity_label(const std::string& severity) {
  static const std::map<std::string, std::string> labels = {
      {"minor", "Lieve"}, {"major", "Grave"}, {"critical", "Critico"}};
  auto it = labels.find(severity);
  return it == labels.end() ? severity : it->second;
}

// "2026-03-15" or "2026-03-15T09:30:00Z" -> "15/03/2026", as Italian offices write dates.
std::string italian_date(const std::string& iso) {
  if (iso.size() < 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// A decimal comma and no trailing zeros: 12 -> "12", 2.5 -> "2,5".
std::string italian_number(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string s = buffer;
  if (auto dot = s.find('.'); dot != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.')
      s.pop_back();
    else
      s[dot] = ',';
  }
  return s;
}

// Euros from cents, Italian style: 1234567 -> "12.345,67 €".
std::string euros(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::int64_t abs = negative ? -cents : cents;
  std::string units = std::to_string(abs / 100);
  for (int at = static_cast<int>(units.size()) - 3; at > 0; at -= 3) units.insert(at, ".");
  char decimals[4];
  std::snprintf(decimals, sizeof decimals, "%02d", static_cast<int>(abs % 100));
  return (negative ? "-" : "") + units + "," + decimals + " €";
}

// Bytes as the report shows a file's size: "850 B", "12,5 kB", "2,3 MB".
std::string file_size(std::int64_t bytes) {
  if (bytes < 1000) return std::to_string(bytes) + " B";
  if (bytes < 1000 * 1000) return italian_number(static_cast<double>(bytes) / 1000, 1) + " kB";
  return italian_number(static_cast<double>(bytes) / 1e6, 1) + " MB";
}

std::string register_status(const std::string& status) {
  static const std::map<std::string, std::string> labels = {
      {"unconfirmed", "Non confermato"},
      {"confirmed", "Confermato"},
      {"changed_since_confirmation", "Modificato dopo la conferma"}};
  auto it = labels.find(status);
  return it == labels.end() ? status : it->second;
}

std::string money_item(const std::string& item) {
  static const std::map<std::string, std::string> labels = {
      {"pocket_money", "Pocket money"},
      {"phone_card", "Scheda telefonica"},
      {"first_entry_kit", "Kit di primo ingresso"}};
  auto it = labels.find(item);
  return it == labels.end() ? item : it->second;
}

// The register of the visit's day beside the head count, and the month's money lines.
void figures_section(reporting::PdfDocument& doc, const VisitFigures& figures) {
  doc.heading("Registro presenze e consegne");
  if (!figures.register_day) {
    doc.paragraph("La data prevista della visita è successiva ad oggi: nessun dato del registro.");
  } else {
    const auto& r = *figures.register_day;
    doc.key_value("Giorno", italian_date(r.day));
    doc.key_value("Stato del registro", register_status(r.status));
    doc.key_value("Presenti secondo il registro", std::to_string(r.registered_present));
    doc.key_value("Assenti secondo il registro", std::to_string(r.registered_absent));
    if (r.confirmed_present)
      doc.key_value("Presenti all'ultima conferma", std::to_string(*r.confirmed_present));
    doc.key_value("Ospiti contati dagli ispettori",
                  r.counted ? italian_number(*r.counted, 0) : "Non rilevato");
    if (r.difference)
      doc.key_value("Differenza (contati − registrati)",
                    (*r.difference > 0 ? "+" : "") + italian_number(*r.difference, 0));
  }
  if (!figures.money) return;
  const auto& m = *figures.money;
  doc.subheading("Consegne del mese " + m.month.substr(5, 2) + "/" + m.month.substr(0, 4) +
                 (m.complete ? "" : " (fino al " + italian_date(m.to) + ")"));
  std::vector<reporting::PdfRow> rows;
  for (const auto& l : m.lines) {
    const bool counted = l.due_count.has_value();
    const std::string due = counted ? std::to_string(*l.due_count) : euros(l.due_cents);
    const std::string given =
        counted ? std::to_string(l.handed_over_count.value_or(0)) : euros(l.handed_over_cents);
    const std::string difference =
        counted ? std::to_string(l.handed_over_count.value_or(0) - *l.due_count)
                : euros(l.handed_over_cents - l.due_cents);
    const bool short_of_due = counted ? l.handed_over_count.value_or(0) < *l.due_count
                                      : l.handed_over_cents < l.due_cents;
    rows.push_back({.cells = {money_item(l.item), due, given, difference}, .marked = short_of_due});
  }
  doc.table({{"Voce", 2.4}, {"Dovuto", 1.4}, {"Consegnato", 1.4}, {"Differenza", 1.4}},
            std::move(rows));
}

// The photos by item: the item's question, the file's name, its size and its SHA-256.
void photos_section(reporting::PdfDocument& doc, const ChecklistVersion& checklist,
                    const std::vector<Photo>& photos) {
  doc.heading("Fotografie");
  if (photos.empty()) {
    doc.paragraph("Nessuna fotografia allegata.");
    return;
  }
  std::map<std::int64_t, std::string> question;
  for (const auto& item : checklist.items) question[item.id] = item.question.at("it");
  doc.paragraph(
      "Le fotografie sono conservate nella piattaforma; l'impronta SHA-256 identifica il file "
      "conservato.");
  std::vector<reporting::PdfRow> rows;
  for (const auto& p : photos)
    rows.push_back({.cells = {question[p.item_id], p.document.filename, file_size(p.document.size),
                              p.document.sha256}});
  doc.table({{"Voce", 2.3}, {"File", 1.7}, {"Dimensione", 1.4}, {"SHA-256", 2.8}}, std::move(rows));
}

std::string percent(const std::optional<double>& value) {
  return value ? italian_number(*value, 1) + "%" : "—";
}

std::string answer_text(const Answer* answer) {
  if (!answer) return "Non risposto";
  if (answer->yes) return *answer->yes ? "Sì" : "No";
  if (answer->number) return italian_number(*answer->number, 2);
  if (answer->text) return *answer->text;
  return "—";
}

std::string outcome(const ChecklistItem& item, const Answer* answer) {
  if (!item.scored()) return "Non valutata";
  if (!answer) return "Non risposta";
  auto passed = passes(item, *answer);
  if (!passed) return "Non valutata";
  return *passed ? "Conforme" : "NON CONFORME";
}

Result<std::string> render_report(db::Connection& conn, const Inspection& inspection) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, inspection.centre_id));
  INNET_ASSIGN_OR_RETURN(auto operator_org, accounts::find_organization(conn, centre.operator_id));
  INNET_ASSIGN_OR_RETURN(auto checklist, find_version(conn, inspection.checklist_id));
  INNET_ASSIGN_OR_RETURN(auto answers, current_answers(conn, inspection.id));
  INNET_ASSIGN_OR_RETURN(auto findings, report_findings(conn, inspection, checklist));
  INNET_ASSIGN_OR_RETURN(auto photos, photos_of(conn, inspection.id));
  INNET_ASSIGN_OR_RETURN(auto figures,
                         visit_figures(conn, inspection, checklist, answers, clock::today()));
  std::string team;
  for (auto user_id : inspection.team) {
    INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(conn, user_id));
    team += (team.empty() ? "" : ", ") + user.display_name;
  }
  const Scores scores = score(checklist, answers);
  std::map<std::int64_t, const Answer*> answer_of;
  for (const auto& a : answers) answer_of[a.item_id] = &a;
  std::map<std::int64_t, int> photos_of_item;
  for (const auto& p : photos) ++photos_of_item[p.item_id];

  const std::string now = clock::now_iso();
  reporting::PdfDocument doc(
      "Rapporto di ispezione n. " + std::to_string(inspection.id) + " — " + centre.name,
      "Prefettura di Palermo · InNet · generato il " + italian_date(now) + " alle " +
          now.substr(11, 5) + " UTC",
      "Pagina {page} di {pages}");

  doc.heading("Centro");
  doc.key_value("Centro", centre.name);
  doc.key_value("Indirizzo", centre.address);
  doc.key_value("Ente gestore", operator_org.name);

  doc.heading("Ispezione");
  doc.key_value("Stato", status_label(inspection.status));
  doc.key_value("Visita", inspection.announced ? "Annunciata" : "Non annunciata");
  doc.key_value("Data prevista", italian_date(inspection.planned_date));
  if (inspection.started_at) doc.key_value("Iniziata il", italian_date(*inspection.started_at));
  if (inspection.completed_at)
    doc.key_value("Completata il", italian_date(*inspection.completed_at));
  if (inspection.report_issued_at)
    doc.key_value("Rapporto emesso il", italian_date(*inspection.report_issued_at));
  doc.key_value("Gruppo ispettivo", team);
  doc.key_value("Checklist",
                checklist.title + " (versione " + std::to_string(checklist.version) + ")");
  if (inspection.note) doc.key_value("Nota", *inspection.note);

  doc.heading("Punteggi");
  doc.paragraph(
      "Il punteggio di un'area è la percentuale del peso delle voci valutate e risposte che "
      "risultano conformi.");
  std::vector<reporting::PdfRow> score_rows;
  for (const auto& area : scores.areas)
    score_rows.push_back({.cells = {area_label(area.area), std::to_string(area.answered),
                                    std::to_string(area.failed), percent(area.score)},
                          .marked = area.failed > 0});
  score_rows.push_back({.cells = {"Complessivo", "", "", percent(scores.overall)}});
  doc.table({{"Area", 3}, {"Voci valutate", 1.3}, {"Non conformi", 1.3}, {"Punteggio", 1.2}},
            std::move(score_rows));

  doc.heading("Voci della checklist");
  for (const auto& area : area_names()) {
    std::vector<reporting::PdfRow> rows;
    for (const auto& item : checklist.items) {
      if (item.area != area) continue;
      auto found = answer_of.find(item.id);
      const Answer* answer = found == answer_of.end() ? nullptr : found->second;
      std::string question = item.question.at("it");
      if (!item.reference.empty()) question += "\nRif.: " + item.reference;
      std::string result = outcome(item, answer);
      // A photo item is answered by its photos, listed under "Fotografie".
      std::string given = answer_text(answer);
      if (item.answer_kind == "photo") {
        const int n = photos_of_item[item.id];
        given = n == 0   ? "Nessuna fotografia"
                : n == 1 ? "1 fotografia"
                         : std::to_string(n) + " fotografie";
      }
      rows.push_back({.cells = {std::move(question), std::move(given),
                                answer && answer->note ? *answer->note : "", result},
                      .marked = result == "NON CONFORME"});
    }
    if (rows.empty()) continue;
    doc.subheading(area_label(area));
    doc.table({{"Domanda", 3.2}, {"Risposta", 1.2}, {"Nota", 2.2}, {"Esito", 1.4}},
              std::move(rows));
  }

  doc.heading("Rilievi");
  if (findings.empty()) {
    doc.paragraph("Nessun rilievo registrato.");
  } else {
    std::vector<reporting::PdfRow> rows;
    for (const auto& f : findings)
      rows.push_back({.cells = {f.item_question, severity_label(f.severity), f.corrective_action,
                                italian_date(f.deadline), f.status},
                      .marked = f.severity == "critical"});
    doc.table({{"Voce", 2.6},
               {"Gravità", 1},
               {"Azione correttiva", 2.6},
               {"Scadenza", 1.1},
               {"Stato", 1.1}},
              std::move(rows));
  }

  figures_section(doc, figures);
  photos_section(doc, checklist, photos);
  return doc.render();
}

Result<http::Response> get_report(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto inspection, inspection_in_scope(ctx, *conn, "inspections.read"));
  INNET_ASSIGN_OR_RETURN(auto pdf, render_report(*conn, inspection));
  return reporting::attachment(std::move(pdf), kPdfType,
                               "rapporto-ispezione-" + std::to_string(inspection.id) + "-" +
                                   inspection.planned_date + ".pdf");
}

}  // namespace

void add_report_routes(api::Api& api) {
  api.add({.method = "GET",
           .pattern = "/api/v1/inspections/{id}/report.pdf",
           .action = "inspections.read",
           .summary = "The inspection report as a PDF, in Italian (the same data as JSON: "
                      "GET /inspections/{id})",
           .tag = "monitoring",
           .other_content_types = {kPdfType},
           .handler = get_report});
}

}  // namespace innet::monitoring
