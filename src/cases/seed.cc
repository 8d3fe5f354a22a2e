#include "cases/seed.h"

#include <algorithm>
#include <map>
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

// A case as it stands today, drawn in plausible proportions: its legal status, interpreter and
// asylum procedure, its identity documents (some permits expiring within 60 days) and the status
// changes after its opening. Both scales draw it; the demo stores it through the module's
// functions, the national data in bulk.
struct Draft {
  Case c;
  std::vector<IdentityDocument> documents;
  std::vector<StatusChange> changes;  // after the opening, oldest first
};

// `left_on`: the day the person left reception, when no longer hosted (national data): the case
// is then closed.
Draft draft_case(std::mt19937& rng, const people::Person& person, CivilDay arrived,
                 std::optional<CivilDay> left_on, std::int64_t worker, CivilDay today) {
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  auto days = [&](int from, int to) { return std::uniform_int_distribution<int>(from, to)(rng); };
  Draft d;
  auto& c = d.c;
  c.person_id = person.id;
  c.opened_by = worker;
  c.opened_at = at_nine(arrived.to_string());
  c.updated_at = c.opened_at;

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
      if (*p.outcome == "refugee_status" || *p.outcome == "subsidiary_protection")
        c.legal_status = "international_protection";
      if (*p.outcome == "special_protection") c.legal_status = "special_protection";
      const bool negative = *p.outcome == "rejected" || *p.outcome == "manifestly_unfounded";
      const auto filed = decision.plus_days(days(10, 30));
      if (negative && filed <= today && chance(70)) p.appeal_filed_date = filed.to_string();
    }
  }

  auto document = [&](const char* type, std::string number, const char* issuer, CivilDay issued,
                      std::optional<CivilDay> expires) {
    IdentityDocument doc{.type = type,
                         .number = std::move(number),
                         .issuer = std::string(issuer),
                         .issued_on = std::min(issued, today).to_string(),
                         .recorded_by = worker,
                         .recorded_at = c.opened_at};
    if (expires) doc.expires_on = expires->to_string();
    d.documents.push_back(std::move(doc));
  };
  const std::string serial = std::to_string(100000 + person.id * 7 % 900000);
  if (chance(35)) {
    const auto issued = arrived.plus_days(-days(400, 2500));
    document("passport", "P" + serial, "Autorità del paese di origine", issued,
             issued.plus_days(3652));
  }
  if (p.application_date) {
    // The receipt of the application is a permit for asylum seekers, renewed every six months.
    const auto issued = *CivilDay::parse(*p.application_date);
    document("asylum_application_receipt", "RIC" + serial, "Questura di Palermo", issued,
             issued.plus_days(182 * ((issued.days_until(today) / 182) + 1)));
  }
  if (*c.legal_status != "asylum_applicant") {
    // A permit: some expire within the two months the tasks look at.
    const auto expires =
        chance(20) ? today.plus_days(days(-5, 60)) : today.plus_days(days(90, 900));
    // Issued at arrival at the earliest, two years before it expires; a guest who arrived
    // days ago with a permit about to expire brought it from an earlier stay.
    const auto issued = std::min(std::max(arrived, expires.plus_days(-730)), expires.plus_days(-1));
    document("permit_of_stay", "I" + serial, "Questura di Palermo", issued, expires);
  }

  // Most cases are taken in charge; a few were closed and reopened on a return; the case of a
  // person who left reception is closed.
  auto change = [&](StatusChange s, CivilDay on) {
    s.changed_by = worker;
    s.changed_at = at_nine(std::min(on, today).to_string());
    c.status = s.status;
    c.updated_at = s.changed_at;
    d.changes.push_back(std::move(s));
  };
  if (chance(80)) change({.status = "active"}, arrived.plus_days(2));
  if (c.status == "active" && chance(4)) {
    change({.status = "closed", .reason = "left_reception"}, arrived.plus_days(30));
    change({.status = "reopened",
            .note = "Rientrato in accoglienza dopo la revoca dell'allontanamento"},
           arrived.plus_days(45));
  }
  if (left_on)
    change({.status = "closed",
            .reason = pick(rng, {{"autonomy_reached", 30},
                                 {"left_reception", 35},
                                 {"transferred_elsewhere", 30},
                                 {"repatriated", 5}})},
           std::max(*left_on, arrived.plus_days(46)));
  return d;
}

Status seed_case(api::SeedContext& ctx, const people::Person& person, CivilDay arrived,
                 std::int64_t org, std::int64_t worker, Counts& n) {
  auto& rng = ctx.rng;
  auto& conn = ctx.conn;
  const auto today = ctx.today;
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  auto days = [&](int from, int to) { return std::uniform_int_distribution<int>(from, to)(rng); };
  auto draft = draft_case(rng, person, arrived, std::nullopt, worker, today);
  const std::string opened = draft.c.opened_at;
  INNET_ASSIGN_OR_RETURN(auto c, open_case(conn, person.id, org, worker, opened));
  ++n.cases;
  draft.c.id = c.id;
  draft.c.organization_id = org;
  draft.c.status = c.status;
  INNET_ASSIGN_OR_RETURN(c, update_case(conn, draft.c, today, opened));
  if (c.procedure.outcome) ++n.decided;
  for (auto& doc : draft.documents) {
    doc.case_id = c.id;
    INNET_TRY(add_document(conn, doc, today));
    ++n.documents;
    if (doc.expires_on && *doc.expires_on <= today.plus_days(60).to_string()) ++n.expiring;
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
  for (const auto& s : draft.changes) INNET_TRY(change_status(conn, c.id, s, s.changed_at));
  return Status::success();
}

// A pair of records of one person whose names differ (reception's seed): the passport each case
// worker recorded, one number, which is what tells the queue of likely duplicates. A passport
// drawn for either case is corrected to that number rather than doubled.
Status record_shared_passport(api::SeedContext& ctx, std::int64_t first, std::int64_t second,
                              std::int64_t worker, Counts& n) {
  const std::string number = "A" + std::to_string(10000000 + first * 7919 % 90000000);
  const auto issued = ctx.today.plus_days(-900);
  for (const auto person_id : {first, second}) {
    INNET_ASSIGN_OR_RETURN(auto found, case_of_person(ctx.conn, person_id));
    if (!found) return Error::internal("the demo's passport pair has no case");
    INNET_ASSIGN_OR_RETURN(auto documents, documents_of(ctx.conn, found->id));
    const auto drawn = std::find_if(documents.begin(), documents.end(),
                                    [](const auto& d) { return d.type == "passport"; });
    if (drawn != documents.end()) {
      drawn->number = number;
      INNET_TRY(update_document(ctx.conn, *drawn, ctx.today));
      continue;
    }
    INNET_TRY(add_document(ctx.conn,
                           {.case_id = found->id,
                            .type = "passport",
                            .number = number,
                            .issuer = std::string("Autorità del paese di origine"),
                            .issued_on = issued.to_string(),
                            .expires_on = issued.plus_days(3652).to_string(),
                            .recorded_by = worker,
                            .recorded_at = found->opened_at},
                           ctx.today));
    ++n.documents;
  }
  return Status::success();
}

db::Value opt(const std::optional<std::string>& v) {
  return v ? db::Value(*v) : db::Value(nullptr);
}

// National: a case for every person reception ever hosted, kept by the organisation of the
// latest stay (the first user of each operator opened it), closed when the person left; in
// multi-row statements, as the other national steps.
Status seed_national(api::SeedContext& ctx) {
  auto& conn = ctx.conn;
  INNET_ASSIGN_OR_RETURN(auto arrivals, reception::in_charge(conn));
  std::vector<std::int64_t> ids;
  ids.reserve(arrivals.size());
  for (const auto& a : arrivals) ids.push_back(a.person_id);
  INNET_ASSIGN_OR_RETURN(auto persons, people::find_persons(conn, ids));
  std::map<std::int64_t, std::size_t> index_of;  // by person
  for (std::size_t i = 0; i < persons.size(); ++i) index_of[persons[i].id] = i;

  Counts n;
  std::vector<Draft> drafts;
  drafts.reserve(arrivals.size());
  for (const auto& a : arrivals) {
    const auto found = ctx.registry.staff_by_operator.find(a.operator_id);
    if (found == ctx.registry.staff_by_operator.end()) continue;
    std::optional<CivilDay> left;
    if (a.left_on) left = CivilDay::parse(*a.left_on);
    auto d = draft_case(ctx.rng, persons[index_of.at(a.person_id)], *CivilDay::parse(a.arrived),
                        left, found->second, ctx.today);
    d.c.organization_id = a.operator_id;
    drafts.push_back(std::move(d));
  }
  // The cases, with the ids they get.
  constexpr std::size_t kRows = 50;  // 17 values a row
  for (std::size_t at = 0; at < drafts.size(); at += kRows) {
    const std::size_t count = std::min(kRows, drafts.size() - at);
    std::string sql =
        "INSERT INTO cases (person_id, organization_id, status, legal_status, legal_status_note, "
        "interpreter_needed, interpreter_language, c3_reference, application_date, "
        "hearing_date, decision_date, outcome, appeal_filed_date, opened_by, opened_at, "
        "updated_at, next_expiry) VALUES ";
    db::Params params;
    for (std::size_t i = 0; i < count; ++i) {
      const auto& d = drafts[at + i];
      const auto& c = d.c;
      const auto& p = c.procedure;
      std::optional<std::string> next_expiry;
      for (const auto& doc : d.documents)
        if (doc.expires_on && (!next_expiry || *doc.expires_on < *next_expiry))
          next_expiry = doc.expires_on;
      sql += std::string(i ? ", (" : "(") + db::placeholders(17) + ")";
      params.insert(
          params.end(),
          {c.person_id, c.organization_id, c.status, opt(c.legal_status), opt(c.legal_status_note),
           std::int64_t{c.interpreter_needed ? 1 : 0}, opt(c.interpreter_language),
           opt(p.c3_reference), opt(p.application_date), opt(p.hearing_date), opt(p.decision_date),
           opt(p.outcome), opt(p.appeal_filed_date), c.opened_by, c.opened_at, c.updated_at,
           opt(next_expiry)});
    }
    INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " RETURNING id", params));
    for (std::size_t i = 0; i < count; ++i) drafts[at + i].c.id = rows[i].integer(0);
  }
  // Their history, the opening first, and their documents.
  std::vector<std::pair<std::int64_t, StatusChange>> changes;
  std::vector<IdentityDocument> documents;
  for (auto& d : drafts) {
    changes.push_back(
        {d.c.id, {.status = "open", .changed_by = d.c.opened_by, .changed_at = d.c.opened_at}});
    for (auto& s : d.changes) changes.push_back({d.c.id, std::move(s)});
    for (auto& doc : d.documents) {
      doc.case_id = d.c.id;
      if (doc.expires_on && *doc.expires_on <= ctx.today.plus_days(60).to_string()) ++n.expiring;
      documents.push_back(std::move(doc));
    }
    if (d.c.procedure.outcome) ++n.decided;
  }
  INNET_TRY(db::insert_many(
      conn,
      "INSERT INTO case_status_changes (case_id, status, reason, note, changed_by, changed_at) "
      "VALUES ",
      6, changes.size(),
      [&](std::size_t i, db::Params& params) {
        const auto& [case_id, s] = changes[i];
        params.insert(params.end(),
                      {case_id, s.status, opt(s.reason), opt(s.note), s.changed_by, s.changed_at});
      },
      150));
  INNET_TRY(db::insert_many(
      conn,
      "INSERT INTO case_documents (case_id, type, number, issuer, issued_on, expires_on, "
      "recorded_by, recorded_at) VALUES ",
      8, documents.size(),
      [&](std::size_t i, db::Params& params) {
        const auto& doc = documents[i];
        params.insert(params.end(),
                      {doc.case_id, doc.type, doc.number, opt(doc.issuer), opt(doc.issued_on),
                       opt(doc.expires_on), doc.recorded_by, doc.recorded_at});
      },
      120));
  n.cases = static_cast<std::int64_t>(drafts.size());
  n.documents = static_cast<std::int64_t>(documents.size());
  ctx.report.counts.push_back({n.cases, "cases"});
  ctx.report.counts.push_back({n.documents, "identity documents", true});
  ctx.report.counts.push_back({n.expiring, "expiring within 60 days", true});
  ctx.report.counts.push_back({n.decided, "asylum decisions", true});
  return Status::success();
}

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  if (ctx.scale == api::SeedScale::national) return seed_national(ctx);
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
  for (const auto& [first, second] : ctx.registry.passport_pairs)
    INNET_TRY(record_shared_passport(ctx, first, second, worker, n));
  ctx.report.counts.push_back({n.cases, "cases"});
  ctx.report.counts.push_back({n.documents, "identity documents", true});
  ctx.report.counts.push_back({n.expiring, "expiring within 60 days", true});
  ctx.report.counts.push_back({n.decided, "asylum decisions", true});
  ctx.report.counts.push_back({n.notes + n.sensitive, "case notes"});
  ctx.report.counts.push_back({n.sensitive, "sensitive", true});
  return Status::success();
}

}  // namespace innet::cases
