#include "referrals/seed.h"

#include <algorithm>

#include "accounts/accounts.h"
#include "auth/passwords.h"
#include "cases/cases.h"
#include "cases/notes.h"
#include "referrals/referrals.h"

namespace innet::referrals {
namespace {

std::string at(CivilDay day, int hour) {
  char text[16];
  std::snprintf(text, sizeof text, "T%02d:00:00Z", hour);
  return day.to_string() + text;
}

// What a case worker writes to a service, without naming anyone.
struct Need {
  const char* category;
  const char* reason;
};
constexpr Need kNeeds[] = {
    {"torture_violence",
     "Valutazione psicologica e certificazione medico-legale per esiti di violenza riferiti."},
    {"mental_disorder", "Disturbi del sonno e ansia persistenti: presa in carico psichiatrica."},
    {"pregnant_woman", "Gravidanza in corso: presa in carico del consultorio familiare."},
    {"trafficking_victim",
     "Indicatori di tratta emersi al colloquio: orientamento al programma di protezione."},
    {"serious_illness", "Patologia cronica: visita specialistica e piano terapeutico."},
    {"single_parent", "Nucleo monoparentale con due figli: sostegno sociale e scolastico."},
    {"disability", "Disabilità motoria: valutazione per ausili e invalidità civile."},
    {nullptr, "Orientamento legale specialistico prima dell'audizione in Commissione."}};

struct Plan {
  const char* state;
  int sent_days_ago;  // 0: never sent
  const char* urgency;
  bool to_demo_ngo = false;  // whatever the need: the demo service provider's inbox shows it
};
// Every state; the two sent 12 and 5 days ago (normal and urgent) are past their term, and the
// first of them waits in the demo service provider's inbox.
constexpr Plan kPlans[] = {
    {"draft", 0, "normal"},         {"draft", 0, "urgent"},           {"sent", 1, "normal"},
    {"sent", 2, "normal"},          {"sent", 12, "normal", true},     {"sent", 5, "urgent"},
    {"accepted", 6, "normal"},      {"accepted", 3, "urgent"},        {"accepted", 9, "normal"},
    {"declined", 20, "normal"},     {"declined", 14, "urgent"},       {"in_progress", 25, "normal"},
    {"in_progress", 18, "urgent"},  {"in_progress", 30, "emergency"}, {"completed", 60, "normal"},
    {"completed", 45, "urgent"},    {"completed", 40, "normal"},      {"completed", 90, "normal"},
    {"completed", 75, "emergency"}, {"cancelled", 8, "normal"},       {"cancelled", 0, "normal"},
    {"sent", 1, "emergency"}};

Result<std::int64_t> organization(db::Connection& conn, const char* name) {
  INNET_ASSIGN_OR_RETURN(auto org, accounts::find_organization_by_name(conn, name));
  if (!org) return Error::internal(std::string("referrals seed: no organisation ") + name);
  return org->id;
}

Status seed_demo(api::SeedContext& ctx) {
  auto& conn = ctx.conn;
  auto& rng = ctx.rng;
  const std::int64_t sender_org = ctx.registry.featured_operator;
  const std::int64_t worker = ctx.registry.demo_users.at(auth::Role::case_worker);
  const std::int64_t officer = ctx.registry.demo_users.at(auth::Role::prefecture_officer);
  INNET_ASSIGN_OR_RETURN(auto asp, organization(conn, "ASP Palermo"));
  INNET_ASSIGN_OR_RETURN(auto ngo, organization(conn, "Associazione Diritti in Rete (demo)"));
  INNET_ASSIGN_OR_RETURN(auto listening, organization(conn, "Centro Ascolto Vulnerabilita (demo)"));

  // The ASP's user, so that a health referral has someone to answer it.
  INNET_ASSIGN_OR_RETURN(auto hash, auth::hash_published_password(api::kDemoPassword));
  accounts::User asp_user;
  asp_user.email = std::string("service_provider.asp@") + api::kDemoDomain;
  asp_user.display_name = "Rosa Consultorio";
  asp_user.role = auth::Role::service_provider;
  asp_user.organization_id = asp;
  asp_user.password_hash = hash;
  INNET_ASSIGN_OR_RETURN(auto created_user, accounts::create_user(conn, asp_user));
  const std::int64_t asp_answerer = created_user.id;
  const std::int64_t ngo_answerer = ctx.registry.demo_users.at(auth::Role::service_provider);
  ctx.report.accounts.push_back({asp_user.email, "service_provider", "ASP Palermo"});

  INNET_ASSIGN_OR_RETURN(auto all_cases, cases::cases_kept_by(conn, sender_org));
  std::int64_t made = 0, consents = 0, escalated = 0;
  const std::string now = at(ctx.today, 18);
  const std::size_t count = std::min(all_cases.size(), std::size(kPlans));
  for (std::size_t k = 0; k < count; ++k) {
    const auto& plan = kPlans[k];
    const auto& c = all_cases[k * (all_cases.size() / count)];
    const auto& need = kNeeds[rng() % std::size(kNeeds)];
    // The health needs go to the ASP, the others to the NGOs; the demo service provider's NGO
    // gets most, so that its inbox shows every state.
    const bool health = need.category && (std::string_view(need.category) == "mental_disorder" ||
                                          std::string_view(need.category) == "serious_illness" ||
                                          std::string_view(need.category) == "pregnant_woman");
    const std::int64_t to = plan.to_demo_ngo ? ngo : health ? asp : (k % 5 == 4 ? listening : ngo);
    const std::int64_t answerer = to == asp ? asp_answerer : ngo_answerer;
    std::vector<std::string> items = {"identity", "languages", "contacts"};
    if (need.category) items.push_back("vulnerability_categories");
    if (k % 3 == 0) items.push_back("legal_status");
    const CivilDay sent_day = ctx.today.plus_days(-plan.sent_days_ago);
    const CivilDay made_day = plan.sent_days_ago ? sent_day : ctx.today.plus_days(-1);
    Referral r{.case_id = c.id,
               .from_organization_id = sender_org,
               .to_organization_id = to,
               .reason = need.reason,
               .urgency = plan.urgency,
               .data_items = items,
               .created_by = worker};
    if (need.category) r.category = need.category;
    INNET_ASSIGN_OR_RETURN(r, create_referral(conn, r, at(made_day, 9)));
    ++made;
    const std::string state = plan.state;
    if (!plan.sent_days_ago) {
      if (state == "cancelled") {
        INNET_ASSIGN_OR_RETURN(
            r, transition(conn, r, {"cancelled", "Inserita per errore", worker}, at(made_day, 10)));
      }
      continue;
    }
    const std::string sent_at = at(sent_day, 10);
    if (k == 13) {
      // An emergency sent on the Prefettura's override: the person could not be asked.
      r.override_reason =
          "Rischio imminente per la persona; consenso da raccogliere appena possibile.";
      r.override_by = officer;
    } else {
      Consent consent{
          .case_id = c.id,
          .organization_id = to,
          .data_items = items,
          .purpose = "Presa in carico da parte del servizio indicato nella segnalazione",
          .given_on = sent_day.plus_days(-1).to_string(),
          .recorded_by = worker,
          .recorded_at = at(sent_day.plus_days(-1), 11)};
      INNET_ASSIGN_OR_RETURN(consent, record_consent(conn, consent, ctx.today));
      r.consent_id = consent.id;
      ++consents;
    }
    AnswerDays days;
    r.answer_due_at = at(sent_day.plus_days(days.of(plan.urgency)), 10);
    INNET_ASSIGN_OR_RETURN(
        r, transition(conn, r, {"sent", std::nullopt, k == 13 ? officer : worker}, sent_at));
    if (r.escalated(now)) ++escalated;
    const int answer_after = plan.urgency == std::string("emergency") ? 0 : 1;
    const CivilDay answered = sent_day.plus_days(answer_after);
    if (state == "declined") {
      r.decline_reason = "Servizio al completo fino al mese prossimo; rivolgersi al distretto.";
      INNET_ASSIGN_OR_RETURN(
          r, transition(conn, r, {"declined", std::nullopt, answerer}, at(answered, 12)));
    }
    if (state == "accepted" || state == "in_progress" || state == "completed" ||
        state == "cancelled") {
      INNET_ASSIGN_OR_RETURN(
          r, transition(conn, r, {"accepted", std::nullopt, answerer}, at(answered, 12)));
    }
    if (state == "cancelled") {
      INNET_ASSIGN_OR_RETURN(
          r, transition(conn, r, {"cancelled", "La persona è stata trasferita", worker},
                        at(answered, 16)));
    }
    if (state == "in_progress" || state == "completed") {
      INNET_ASSIGN_OR_RETURN(
          r, transition(conn, r, {"in_progress", "Primo appuntamento fissato", answerer},
                        at(answered.plus_days(2), 9)));
    }
    if (state == "completed") {
      const bool success = k != 17;
      r.outcome = success ? "successful" : "unsuccessful";
      if (!success) r.outcome_reason = "La persona non si è presentata ai tre appuntamenti.";
      INNET_ASSIGN_OR_RETURN(
          r, transition(conn, r, {"completed", std::nullopt, answerer},
                        at(answered.plus_days(3 + static_cast<int>(rng() % 20)), 15)));
    }
    // The person withdrew one consent while in the NGO's care: its inbox keeps the referral,
    // with nothing shared any more.
    if (k == 12 && r.consent_id) {
      INNET_TRY(withdraw_consent(conn, *r.consent_id, ctx.today.plus_days(-2).to_string(),
                                 "La persona non desidera più che i suoi dati siano condivisi.",
                                 worker, ctx.today, at(ctx.today.plus_days(-2), 10)));
    }
  }
  ctx.report.counts.push_back({made, "referrals"});
  ctx.report.counts.push_back({escalated, "escalated", true});
  ctx.report.counts.push_back({consents, "consents", true});
  return Status::success();
}

// One case in twenty, each with a consent, in a plausible spread of states; no history rows
// (the referrals' own timestamps carry the times the metrics read).
Status seed_national(api::SeedContext& ctx) {
  auto& conn = ctx.conn;
  auto& rng = ctx.rng;
  // Referrals go from one operator's cases to another operator (an SAI project, a specialised
  // centre): the national data have no ASP nor NGOs.
  const auto& recipients = ctx.registry.operators;
  const auto& categories = cases::vulnerability_categories();
  std::vector<Referral> rows;
  std::vector<Consent> consents;
  std::vector<cases::Case> some;
  // Operator by operator, so that the national cases are never all in memory at once.
  for (auto org : recipients) {
    INNET_ASSIGN_OR_RETURN(auto own, cases::cases_kept_by(conn, org));
    for (std::size_t k = rng() % 20; k < own.size(); k += 20) some.push_back(std::move(own[k]));
  }
  for (const auto& c : some) {
    const std::int64_t to = recipients[rng() % recipients.size()];
    if (to == c.organization_id) continue;
    const auto& plan = kPlans[2 + rng() % (std::size(kPlans) - 2)];
    const CivilDay sent_day =
        ctx.today.plus_days(-(plan.sent_days_ago + static_cast<int>(rng() % 200)));
    Referral r{.case_id = c.id,
               .from_organization_id = c.organization_id,
               .to_organization_id = to,
               .reason = kNeeds[rng() % std::size(kNeeds)].reason,
               .category = categories[rng() % categories.size()],
               .urgency = plan.urgency,
               .data_items = {"identity", "vulnerability_categories"},
               .state = plan.state,
               .created_by = c.opened_by,
               .created_at = at(sent_day, 9),
               .updated_at = at(sent_day, 10)};
    r.sent_by = c.opened_by;
    r.sent_at = at(sent_day, 10);
    r.answer_due_at = at(sent_day.plus_days(AnswerDays{}.of(plan.urgency)), 10);
    const std::string state = plan.state;
    if (state != "sent" && state != "cancelled")
      r.answered_at = at(sent_day.plus_days(1 + rng() % 4), 12);
    if (state == "declined") r.decline_reason = "Servizio al completo";
    if (state == "completed") {
      r.completed_at = at(sent_day.plus_days(5 + rng() % 40), 15);
      r.outcome = rng() % 5 ? "successful" : "unsuccessful";
      if (r.outcome == "unsuccessful") r.outcome_reason = "La persona non si è presentata";
    }
    consents.push_back({.case_id = c.id,
                        .organization_id = to,
                        .data_items = r.data_items,
                        .purpose = "Presa in carico",
                        .given_on = sent_day.plus_days(-1).to_string(),
                        .recorded_by = c.opened_by,
                        .recorded_at = at(sent_day.plus_days(-1), 11)});
    rows.push_back(std::move(r));
  }
  INNET_ASSIGN_OR_RETURN(auto consent_ids, insert_consents_bulk(conn, consents));
  for (std::size_t k = 0; k < rows.size(); ++k) rows[k].consent_id = consent_ids[k];
  INNET_TRY(insert_referrals_bulk(conn, rows));
  ctx.report.counts.push_back({static_cast<std::int64_t>(rows.size()), "referrals"});
  ctx.report.counts.push_back({static_cast<std::int64_t>(consents.size()), "consents", true});

  return Status::success();
}

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  return ctx.scale == api::SeedScale::demo ? seed_demo(ctx) : seed_national(ctx);
}

}  // namespace innet::referrals
