#include "referrals/notify.h"

#include <map>

#include <spdlog/spdlog.h>

#include "accounts/accounts.h"
#include "accounts/smtp.h"
#include "audit/audit_log.h"
#include "core/clock.h"

namespace innet::referrals {

namespace {

bool to_recipient(const std::string& event) {
  return event == "sent" || event == "escalated";
}

// Italian first, then English, as the password reset's mail: the reader's language is not known
// for a whole organisation.
accounts::Mail mail_for(const api::Settings& settings, const Notice& n, const std::string& to) {
  const std::string ref = n.referral.reference();
  const std::string link = settings.public_url + "/referrals/" + std::to_string(n.referral.id);
  struct Words {
    const char* it;
    const char* en;
  };
  static const std::map<std::string, Words> what = {
      {"sent", {"è stato trasmesso alla sua organizzazione", "was sent to your organisation"}},
      {"escalated",
       {"attende ancora una risposta della sua organizzazione oltre il termine",
        "is still waiting for your organisation's answer past its term"}},
      {"escalated_sender",
       {"non ha ancora avuto risposta oltre il termine", "has not been answered past its term"}},
      {"accepted", {"è stato accettato", "was accepted"}},
      {"declined", {"è stato rifiutato", "was declined"}},
      {"completed", {"è stato concluso", "was completed"}}};
  const auto& w = what.at(n.event);
  return {to, "InNet: invio ai servizi / referral " + ref,
          "Buongiorno,\n\nl'invio ai servizi " + ref + " " + w.it +
              ". Per leggerla acceda a InNet:\n\n" + link + "\n\n---\n\nHello,\n\nreferral " + ref +
              " " + w.en + ". Sign in to InNet to read it:\n\n" + link +
              "\n\nInNet - Prefettura di Palermo\n"};
}

}  // namespace

Result<std::vector<std::string>> recipients_of(const auth::Policy& policy, db::Connection& conn,
                                               const Notice& notice) {
  std::vector<std::string> out;
  const auto& r = notice.referral;
  if (!to_recipient(notice.event)) {
    // The user who sent it, or who made it when sent by the same hand.
    auto user = accounts::find_user(conn, r.sent_by.value_or(r.created_by));
    if (!user.ok()) return user.take_error();
    if (user->active) out.push_back(user->email);
    return out;
  }
  // Every active user of the recipient organisation who may act on a referral.
  accounts::UserFilter f;
  f.organization_id = r.to_organization_id;
  for (std::int64_t page = 1;; ++page) {
    INNET_ASSIGN_OR_RETURN(auto users, accounts::list_users(conn, f, {page, 100}, std::nullopt));
    for (const auto& u : users.items)
      if (u.active && policy.scope(u.role, "referrals.receive")) out.push_back(u.email);
    if (page * 100 >= users.total) break;
  }
  return out;
}

void send_notice(const api::Settings& settings, const Notice& notice,
                 const std::vector<std::string>& addresses) {
  if (addresses.empty()) return;
  if (settings.smtp_host.empty() || settings.public_url.empty()) {
    spdlog::warn("referrals: no mail sent for {}, smtp_host or public_url is not configured",
                 notice.referral.reference());
    return;
  }
  const accounts::MailSettings smtp{
      settings.smtp_host, settings.smtp_port,
      settings.smtp_from.empty() ? std::string("innet@localhost") : settings.smtp_from};
  for (const auto& to : addresses) accounts::send_mail_later(smtp, mail_for(settings, notice, to));
}

// Named whole, for readers of the code and the web's test of the audit labels.
constexpr const char* kEscalateAuditAction = "referrals.escalate";

Status escalate(api::Services& services) {
  INNET_ASSIGN_OR_RETURN(auto conn, services.pool.acquire());
  std::vector<std::pair<Notice, std::vector<std::string>>> mails;
  {
    db::Transaction tx(*conn);
    INNET_TRY(tx.started());
    INNET_ASSIGN_OR_RETURN(auto escalated, mark_escalations(*conn, clock::now_iso()));
    if (escalated.empty()) return Status::success();  // rolled back: nothing written
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& r : escalated) {
      for (const char* event : {"escalated", "escalated_sender"}) {
        Notice notice{event, r};
        INNET_ASSIGN_OR_RETURN(auto to, recipients_of(services.policy, *conn, notice));
        mails.emplace_back(std::move(notice), std::move(to));
      }
      ids.push_back(r.id);
    }
    audit::Entry entry{.action = kEscalateAuditAction,
                       .entity_type = "referral",
                       .entity_id = std::to_string(escalated.front().id),
                       .details = nlohmann::json{{"referral_ids", ids}}.dump()};
    INNET_TRY(audit::record(*conn, entry));
    INNET_TRY(tx.commit());
  }
  for (const auto& [notice, to] : mails) send_notice(services.settings, notice, to);
  return Status::success();
}

}  // namespace innet::referrals
