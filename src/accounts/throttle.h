// Throttling of password guesses (sign-in and one's own password change), shared by all
// instances through the database. See docs/decisions/0006-login-throttling.md.
//
// Two gates, one per account and one per client address, each a progressive delay: the first
// failures cost nothing, then every failure doubles the wait up to a cap. While a gate is closed
// the attempt is refused (429 with Retry-After) without checking the password and without
// writing anything; once it opens, the right password passes. The address gate is much gentler
// than the account gate, so that one person's typos cannot lock out an office behind one NAT.
//
// Failures are audited once per (action, account, address) and fixed window: an entry when the
// window's first failure happens, and a summary with the window's count when the window closes
// (on that account's next success from that address, or when a later attempt finds it expired).
#pragma once

#include <cstdint>
#include <string>

#include "audit/audit_log.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"

namespace innet::accounts {

struct Backoff {
  int free_failures = 0;        // failures that cost no wait
  std::int64_t base_ms = 1000;  // the wait after the first costly failure; doubles after each
  std::int64_t cap_ms = 0;      // the longest wait
  std::int64_t forget_ms = 0;   // a key quiet for this long starts again from no failures
};

// The wait after `failures` counted failures.
std::int64_t backoff_ms(const Backoff& backoff, std::int64_t failures);

struct ThrottleRules {
  // Per account: 5 free failures, then 1 s, 2 s, 4 s ... up to 15 minutes.
  Backoff account{5, 1000, 15 * 60 * 1000, 60 * 60 * 1000};
  // Per address: 20 free failures, then 1 s, 2 s ... up to 30 s, forgotten after 15 quiet minutes.
  Backoff address{20, 1000, 30 * 1000, 15 * 60 * 1000};
  std::int64_t audit_window_ms = 15 * 60 * 1000;
};

// One guess of an account's password.
struct Attempt {
  std::string action;   // the audit action: "auth.login" or "auth.password_change"
  std::string account;  // the e-mail address as typed (normalised here)
  std::string address;  // the client address
};

// Milliseconds before the attempt may be judged (0: now). Only reads: a refused attempt writes
// nothing, so a flood of them costs no disk.
Result<std::int64_t> throttle_wait(db::Connection& conn, const Attempt& attempt,
                                   const ThrottleRules& rules, std::int64_t now_ms);

// Counts the attempt as a failure on both gates before its password is checked, so that parallel
// attempts cannot all pass one open gate; throttle_succeeded() takes the count back. Returns the
// wait, without counting anything, when a gate is closed (a parallel attempt closed it). Runs in
// its own transaction, committed before the slow password check.
Result<std::int64_t> throttle_claim(db::Connection& conn, const Attempt& attempt,
                                    const ThrottleRules& rules, std::int64_t now_ms);

// The password was wrong: the failure counts in the audit window of (action, account, address).
// Records `entry` (outcome failure) when it opens the window, and the summaries of windows that
// have expired. Call inside the caller's write transaction.
Status throttle_failed(db::Connection& conn, const Attempt& attempt, const ThrottleRules& rules,
                       std::int64_t now_ms, const audit::Entry& entry);

// The password was right: the account's failures are forgotten, the address's count of this
// attempt is taken back, and the window of failures from this address is closed with its summary.
// Call inside the caller's write transaction.
Status throttle_succeeded(db::Connection& conn, const Attempt& attempt, const ThrottleRules& rules,
                          std::int64_t now_ms);

// The clock the throttle runs on (Unix milliseconds): a one-second wait must not end early
// because the second ticked over.
std::int64_t now_ms();

db::Migration throttle_migration();

}  // namespace innet::accounts
