#include "cases/seed.h"

#include <algorithm>
#include <set>

#include "cases/cases.h"
#include "cases/notes.h"
#include "people/persons.h"
#include "people/visibility.h"
#include "reception/placements/placements.h"

namespace innet::cases {
namespace {

// An event `days` after `day`, never after today.
std::string after(CivilDay day, std::int64_t days, CivilDay today) {
  return std::min(day.plus_days(days), today).to_string();
}

std::string at_nine(const std::string& day) {
  return day + "T09:00:00Z";
}

const char* pick(std::mt19937& rng, std::initializer_list<std::pair<const char*, int>> weighted) {
  int total = 0;
  for (const auto& [value, weight] : weighted) total += weight;
  int draw = std::uniform_int_distribution<int>(0, total - 1)(rng);
  for (const auto& [value, weight] : weighted) {
    if (draw < weight) return value;
    draw -= weight;
  }
  return weighted.begin()->first;
}

struct Counts {
  std::int64_t cases = 0, documents = 0, expiring = 0, decided = 0, notes = 0, sensitive = 0;
};

// What a case worker of a Palermo centre writes, without naming anyone.
constexpr const char* kNotes[] = {
    "Colloquio di orientamento legale svolto con mediatore. Documenti in ordine.",
    "Accompagnato in Questura per il rinnovo del permesso di soggiorno.",
    "Iscritto al corso di italiano L2 presso il CPIA Palermo 1.",
    "Preparazione all'audizione in Commissione territoriale con l'avvocato di riferimento.",
    "Richiesta la tessera sanitaria; appuntamento al distretto ASP fissato."};
constexpr const char* kSensitiveNotes[] = {
    "Riferisce episodi di violenza subiti in Libia durante la detenzione; disturbi del sonno. "
    "Proposto invio al servizio di etnopsichiatria dell'ASP.",
    "Gravidanza alla 20a settimana, seguita dal consultorio familiare. Chiede di non "
    "condividere l'informazione con il compagno di stanza.",
    "Segni compatibili con tortura riferiti durante il colloquio; da valutare con il "
    "medico legale (Protocollo di Istanbul)."};

Status seed_case(api::SeedContext& ctx, const people::Person& person, CivilDay arrived,
                 std::int64_t org, std::int64_t worker, Counts& n) {
  auto& rng = ctx.rng;
  auto& conn = ctx.conn;
  const auto today = ctx.today;
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  auto days = [&](int from, int to) { return std::uniform_int_distribution<int>(from, to)(rng); };
  const std::string opened = at_nine(arrived.to_string());
  INNET_ASSIGN_OR_RETURN(auto c, open_case(conn, person.id, org, worker, opened));
  ++n.cases;

  // Ukrainians hold temporary protection, a few others a permit of another kind; everyone else
  // applied for asylum, and the Territorial Commission's decision, when there is one, gives the
  // legal status (about half are refused, as in Italy's recent years).
  const bool ukrainian = person.nationality == "UA";
  const bool other = !ukrainian && chance(5);
  c.legal_status = ukrainian ? "temporary_protection" : other ? "other" : "asylum_applicant";
  if (other) c.legal_status_note = "Permesso per cure mediche (art. 19 TUI)";
  if (!person.languages.empty() && person.languages.front() != "it" && chance(75)) {
    c.interpreter_needed = true;
    c.interpreter_language = person.languages.front();
  }
  auto& p = c.procedure;
  const CivilDay applied = arrived.plus_days(days(2, 20));
  if (!ukrainian && !other && applied <= today) {
    p.application_date = applied.to_string();
    p.c3_reference = "PA" + std::to_string(2026000000 + person.id);
    // Hearings come four to ten months after the application; some are scheduled ahead.
    const auto hearing = applied.plus_days(days(120, 300));
    if (hearing <= today.plus_days(45) && chance(85)) p.hearing_date = hearing.to_string();
    const auto decision = hearing.plus_days(days(20, 60));
    if (p.hearing_date && decision <= today) {
      p.decision_date = decision.to_string();
      p.outcome = pick(rng, {{"refugee_status", 10},
                             {"subsidiary_protection", 12},
                             {"special_protection", 23},
                             {"rejected", 45},
                             {"manifestly_unfounded", 10}});
      ++n.decided;
      if (*p.outcome == "refugee_status" || *p.outcome == "subsidiary_protection")
        c.legal_status = "international_protection";
      if (*p.outcome == "special_protection") c.legal_status = "special_protection";
      const bool negative = *p.outcome == "rejected" || *p.outcome == "manifestly_unfounded";
      const auto filed = decision.plus_days(days(10, 30));
      if (negative && filed <= today && chance(70)) p.appeal_filed_date = filed.to_string();
    }
  }
  INNET_ASSIGN_OR_RETURN(c, update_case(conn, c, today, opened));

  auto document = [&](const char* type, std::string number, const char* issuer, CivilDay issued,
                      std::optional<CivilDay> expires) -> Status {
    IdentityDocument d{.case_id = c.id,
                       .type = type,
                       .number = std::move(number),
                       .issuer = std::string(issuer),
                       .issued_on = std::min(issued, today).to_string(),
                       .recorded_by = worker,
                       .recorded_at = opened};
    if (expires) d.expires_on = expires->to_string();
    INNET_TRY(add_document(conn, d, today));
    ++n.documents;
    if (expires && *expires <= today.plus_days(60)) ++n.expiring;
    return Status::success();
  };
  const std::string serial = std::to_string(100000 + person.id * 7 % 900000);
  if (chance(35)) {
    const auto issued = arrived.plus_days(-days(400, 2500));
    INNET_TRY(document("passport", "P" + serial, "Autorità del paese di origine", issued,
                       issued.plus_days(3652)));
  }
  if (p.application_date) {
    // The receipt of the application is a permit for asylum seekers, renewed every six months.
    const auto issued = *CivilDay::parse(*p.application_date);
    INNET_TRY(document("asylum_application_receipt", "RIC" + serial, "Questura di Palermo", issued,
                       issued.plus_days(182 * ((issued.days_until(today) / 182) + 1))));
  }
  if (*c.legal_status != "asylum_applicant") {
    // A permit: some expire within the two months the tasks look at.
    const auto expires =
        chance(20) ? today.plus_days(days(-5, 60)) : today.plus_days(days(90, 900));
    // Issued at arrival at the earliest, two years before it expires; a guest who arrived
    // days ago with a permit about to expire brought it from an earlier stay.
    const auto issued = std::min(std::max(arrived, expires.plus_days(-730)), expires.plus_days(-1));
    INNET_TRY(document("permit_of_stay", "I" + serial, "Questura di Palermo", issued, expires));
  }

  if (chance(65)) {
    INNET_TRY(assign_worker(conn, {c.id, worker, worker, opened}));
  }
  const int notes = days(0, 3);
  for (int k = 0; k < notes; ++k) {
    INNET_TRY(add_note(conn,
                       {.case_id = c.id,
                        .sensitivity = "normal",
                        .text = std::string(kNotes[days(0, std::size(kNotes) - 1)]),
                        .written_by = worker,
                        .written_at = at_nine(after(arrived, 3 + 20 * k, today))},
                       ctx.notes_key));
    ++n.notes;
  }
  if (!ctx.notes_key.empty() && chance(12)) {
    INNET_TRY(
        add_note(conn,
                 {.case_id = c.id,
                  .sensitivity = "sensitive",
                  .text = std::string(kSensitiveNotes[days(0, std::size(kSensitiveNotes) - 1)]),
                  .written_by = worker,
                  .written_at = at_nine(after(arrived, 10, today))},
                 ctx.notes_key));
    ++n.sensitive;
  }
  // Most cases are taken in charge; a few were closed and reopened on a return.
  if (chance(80)) {
    INNET_ASSIGN_OR_RETURN(c, change_status(conn, c.id, {.status = "active", .changed_by = worker},
                                            at_nine(after(arrived, 2, today))));
  }
  if (c.status == "active" && chance(4)) {
    INNET_ASSIGN_OR_RETURN(
        c, change_status(conn, c.id,
                         {.status = "closed", .reason = "left_reception", .changed_by = worker},
                         at_nine(after(arrived, 30, today))));
    INNET_ASSIGN_OR_RETURN(c, change_status(conn, c.id,
                                            {.status = "reopened",
                                             .note = "Rientrato in accoglienza dopo la revoca "
                                                     "dell'allontanamento",
                                             .changed_by = worker},
                                            at_nine(after(arrived, 45, today))));
  }
  return Status::success();
}

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  if (ctx.scale != api::SeedScale::demo) return Status::success();
  const std::int64_t org = ctx.registry.featured_operator;
  const std::int64_t worker = ctx.registry.demo_users.at(auth::Role::case_worker);
  people::PersonFilter f;
  // The guests of its centres (the person links are not connected while seeding).
  f.among = reception::persons_hosted_by(org);
  INNET_ASSIGN_OR_RETURN(auto persons, people::list_persons(ctx.conn, f, {1, 100000}));
  std::vector<std::int64_t> ids;
  for (const auto& p : persons.items) ids.push_back(p.id);
  INNET_ASSIGN_OR_RETURN(auto places, reception::current_places(ctx.conn, ids));
  std::set<std::int64_t> current;
  for (const auto& place : places)
    if (place.operator_id == org) current.insert(place.person_id);
  Counts n;
  for (const auto& person : persons.items) {
    if (!current.count(person.id)) continue;
    INNET_ASSIGN_OR_RETURN(auto stays, reception::person_placements(ctx.conn, person.id));
    // The arrival in the network: the first placement (stays come newest first).
    const auto arrived = CivilDay::parse(stays.back().start_date);
    INNET_TRY(seed_case(ctx, person, *arrived, org, worker, n));
  }
  ctx.report.counts.push_back({n.cases, "cases"});
  ctx.report.counts.push_back({n.documents, "identity documents", true});
  ctx.report.counts.push_back({n.expiring, "expiring within 60 days", true});
  ctx.report.counts.push_back({n.decided, "asylum decisions", true});
  ctx.report.counts.push_back({n.notes + n.sensitive, "case notes"});
  ctx.report.counts.push_back({n.sensitive, "sensitive", true});
  return Status::success();
}

}  // namespace innet::cases
