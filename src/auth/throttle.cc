// Login throttling: failed attempts are counted per account and per client address in a fixed
// window; past the limit, further attempts wait for the window to end (429 with Retry-After).
#include "accounts/accounts.h"
#include "auth/sessions.h"
#include "core/clock.h"

namespace innet::auth {
namespace {

std::string account_key(const std::string& email) {
  return "account:" + accounts::normalize_email(email);
}
std::string address_key(const std::string& address) {
  return "address:" + address;
}

Result<int> wait_for(db::Connection& conn, const std::string& key, int max_failures,
                     int window_seconds, std::int64_t now) {
  auto rows = conn.query("SELECT failures, window_start FROM login_throttle WHERE key = ?", {key});
  if (!rows.ok()) return rows.take_error();
  if (rows->empty()) return 0;
  std::int64_t failures = (*rows)[0].integer(0), start = (*rows)[0].integer(1);
  if (now - start >= window_seconds || failures < max_failures) return 0;
  return static_cast<int>(start + window_seconds - now);
}

Status count_failure(db::Connection& conn, const std::string& key, int window_seconds,
                     std::int64_t now) {
  auto r = conn.execute(
      "INSERT INTO login_throttle (key, failures, window_start) VALUES (?, 1, ?) "
      "ON CONFLICT (key) DO UPDATE SET "
      "failures = CASE WHEN ? - login_throttle.window_start >= ? THEN 1 "
      "ELSE login_throttle.failures + 1 END, "
      "window_start = CASE WHEN ? - login_throttle.window_start >= ? THEN ? "
      "ELSE login_throttle.window_start END",
      {key, now, now, std::int64_t{window_seconds}, now, std::int64_t{window_seconds}, now});
  if (!r.ok()) return r.take_error();
  return Status::success();
}

}  // namespace

Result<int> throttle_wait(db::Connection& conn, const std::string& email,
                          const std::string& client_address, const ThrottleRules& rules) {
  auto now = clock::now_seconds();
  auto account =
      wait_for(conn, account_key(email), rules.max_failures_per_account, rules.window_seconds, now);
  if (!account.ok()) return account;
  auto address = wait_for(conn, address_key(client_address), rules.max_failures_per_address,
                          rules.window_seconds, now);
  if (!address.ok()) return address;
  return std::max(*account, *address);
}

Status throttle_failure(db::Connection& conn, const std::string& email,
                        const std::string& client_address, const ThrottleRules& rules) {
  auto now = clock::now_seconds();
  INNET_TRY(count_failure(conn, account_key(email), rules.window_seconds, now));
  return count_failure(conn, address_key(client_address), rules.window_seconds, now);
}

Status throttle_success(db::Connection& conn, const std::string& email) {
  auto r = conn.execute("DELETE FROM login_throttle WHERE key = ?", {account_key(email)});
  if (!r.ok()) return r.take_error();
  return Status::success();
}

}  // namespace innet::auth
