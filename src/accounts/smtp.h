// Outgoing e-mail over plain SMTP (RFC 5321: EHLO, MAIL FROM, RCPT TO, DATA, QUIT), with Boost.Asio
// and a time limit on the whole conversation. No STARTTLS and no AUTH: the relay must be local or
// otherwise trusted (a Postfix on the host, or the Prefettura's internal relay that accepts this
// server by address); docs/decisions/0017-password-reset.md.
#pragma once

#include <chrono>
#include <string>

#include "core/result.h"

namespace innet::accounts {

struct MailSettings {
  std::string host;  // empty: no mail is sent (logged)
  int port = 25;
  std::string from;  // the envelope and From: address
};

struct Mail {
  std::string to;
  std::string subject;  // UTF-8
  std::string body;     // UTF-8 plain text, lines ending in \n
};

// Sends now, on the calling thread; gives up after `limit`.
Status send_mail(const MailSettings& settings, const Mail& mail,
                 std::chrono::milliseconds limit = std::chrono::seconds(20));

// Sends on the outbox's own thread, one mail after the other, never on the caller's: a failure
// is logged (without the message), not returned. Mails still queued at exit are dropped.
void send_mail_later(MailSettings settings, Mail mail);

}  // namespace innet::accounts
