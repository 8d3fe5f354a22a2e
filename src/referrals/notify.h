// Mail about referrals (decision 0032): to the recipient organisation's active users when a
// referral is sent to it or escalates, to the user who sent it when it is accepted, declined or
// completed. A mail names the referral's reference number and links to its page, nothing else:
// no name, no category, no reason, no organisation's words, so that a mailbox (often shared, or
// outside the network's control) holds no personal or special-category data.
#pragma once

#include <string>
#include <vector>

#include "api/api.h"
#include "referrals/referrals.h"

namespace innet::referrals {

// What happened: sent, escalated (both to the recipient), accepted, declined, completed, and
// escalated_sender (to the sender).
struct Notice {
  std::string event;
  Referral referral;
};

// The addresses a notice goes to, read on `conn` (call before the commit; send after it).
Result<std::vector<std::string>> recipients_of(const auth::Policy& policy, db::Connection& conn,
                                               const Notice& notice);
// Queues one mail per address on accounts' outbox; nothing (logged) when SMTP or the public URL
// is not configured.
void send_notice(const api::Settings& settings, const Notice& notice,
                 const std::vector<std::string>& addresses);

// The escalation job (api::Job, run by the server every job_interval_seconds): the sent
// referrals past their term not yet notified are marked notified by one conditional UPDATE
// (escalation_notified_at IS NULL: of several instances running it at once, one marks each
// referral), audited as done by no user, and mailed after the commit to the recipient's users
// and to the sender. Escalation itself (the flag, the tasks) needs no write; only the one mail.
Status escalate(api::Services& services);

}  // namespace innet::referrals
