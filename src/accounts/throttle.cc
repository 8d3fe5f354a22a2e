#include "accounts/throttle.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>

#include <nlohmann/json.hpp>

#include "accounts/accounts.h"
#include "core/clock.h"
#include "db/query.h"

namespace innet::accounts {
namespace {

struct Gate {
  std::string key;
  const Backoff& backoff;
};

std::string account_of(const Attempt& a) {
  return accounts::normalize_email(a.account);
}

std::array<Gate, 2> gates(const Attempt& a, const ThrottleRules& rules) {
  return {Gate{"account:" + account_of(a), rules.account},
          Gate{"address:" + a.address, rules.address}};
}

struct Count {
  std::int64_t failures = 0;
  std::int64_t last_at = 0;
  std::int64_t next_at = 0;
};

bool forgotten(const Gate& gate, const Count& c, std::int64_t now) {
  return now - c.last_at >= gate.backoff.forget_ms;
}

// How long the gate stays closed. It is closed only by a wait that a failure imposed: a parallel
// request that read the clock a moment before the last attempt was counted must not be refused.
std::int64_t wait_of(const Count& c, std::int64_t now) {
  return c.next_at > c.last_at ? std::max<std::int64_t>(0, c.next_at - now) : 0;
}

// The key's row, or nothing when there is none.
Result<std::optional<Count>> read_row(db::Connection& conn, const Gate& gate) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT failures, last_at, next_at FROM login_throttle WHERE key = ?",
                            {gate.key}));
  if (rows.empty()) return std::optional<Count>{};
  return std::optional<Count>{Count{rows[0].integer(0), rows[0].integer(1), rows[0].integer(2)}};
}

// The key's count, or nothing when it has none or has been quiet long enough to be forgotten.
Result<std::optional<Count>> read_count(db::Connection& conn, const Gate& gate, std::int64_t now) {
  auto row = read_row(conn, gate);
  if (!row.ok() || !*row || !forgotten(gate, **row, now)) return row;
  return std::optional<Count>{};
}

std::string iso(std::int64_t ms) {
  return clock::iso_utc(ms / 1000);
}

// Deletes the windows matched by `where` and records the summary of those that counted more
// than the failure their opening entry already recorded. DELETE ... RETURNING hands each window
// to one transaction only, so no summary is written twice.
Status close_windows(db::Connection& conn, const std::string& where, const db::Params& params) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "DELETE FROM login_failures WHERE " + where +
              " RETURNING action, account, address, user_id, window_start, last_at, failures",
          params));
  for (const auto& r : rows) {
    if (r.integer(6) < 2) continue;
    audit::Entry e;
    e.action = r.text(0);
    e.actor_email = r.text(1);
    e.client_address = r.text(2);
    e.actor_user_id = r.opt_integer(3);
    e.entity_type = "user";
    e.entity_id = e.actor_user_id ? std::to_string(*e.actor_user_id) : "";
    e.outcome = "failure";
    e.details = nlohmann::json{{"window", "closed"},
                               {"failures", r.integer(6)},
                               {"window_start", iso(r.integer(4))},
                               {"last_failure", iso(r.integer(5))}}
                    .dump();
    INNET_TRY(audit::record(conn, e));
  }
  return Status::success();
}

Status close_expired_windows(db::Connection& conn, const ThrottleRules& rules, std::int64_t now) {
  return close_windows(conn, "window_start <= ?", {now - rules.audit_window_ms});
}

Status close_window(db::Connection& conn, const Attempt& a) {
  return close_windows(conn, "action = ? AND account = ? AND address = ?",
                       {a.action, account_of(a), a.address});
}

}  // namespace

std::int64_t backoff_ms(const Backoff& b, std::int64_t failures) {
  if (failures < b.free_failures) return 0;
  std::int64_t wait = b.base_ms;
  for (std::int64_t i = b.free_failures; i < failures && wait < b.cap_ms; ++i) wait *= 2;
  return std::min(wait, b.cap_ms);
}

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Result<std::int64_t> throttle_wait(db::Connection& conn, const Attempt& attempt,
                                   const ThrottleRules& rules, std::int64_t now) {
  std::int64_t wait = 0;
  for (const auto& gate : gates(attempt, rules)) {
    INNET_ASSIGN_OR_RETURN(auto count, read_count(conn, gate, now));
    if (count) wait = std::max(wait, wait_of(*count, now));
  }
  return wait;
}

Result<std::int64_t> throttle_claim(db::Connection& conn, const Attempt& attempt,
                                    const ThrottleRules& rules, std::int64_t now) {
  db::Transaction tx(conn);
  INNET_TRY(tx.started());
  for (const auto& gate : gates(attempt, rules)) {
    // A no-op update when the row exists: it locks the row (PostgreSQL) until commit, so that
    // the read below is the latest and a parallel claim of the key waits for this one. SQLite's
    // BEGIN IMMEDIATE already admits one writer at a time. Claims lock account, then address.
    INNET_TRY(conn.execute(
        "INSERT INTO login_throttle (key, failures, last_at, next_at) VALUES (?, 0, 0, 0) "
        "ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures",
        {gate.key}));
    INNET_ASSIGN_OR_RETURN(auto row, read_row(conn, gate));
    const Count c = row.value();
    const bool restart = forgotten(gate, c, now);
    if (!restart && wait_of(c, now) > 0) return wait_of(c, now);
    const std::int64_t failures = restart ? 1 : c.failures + 1;
    INNET_TRY(conn.execute(
        "UPDATE login_throttle SET failures = ?, last_at = ?, next_at = ? WHERE key = ?",
        {failures, now, now + backoff_ms(gate.backoff, failures), gate.key}));
  }
  INNET_TRY(tx.commit());
  // Keys quiet for longer than any rule remembers go, so that the table holds only the keys of
  // the last hour. After the commit: the claim's row locks are not held while it runs.
  INNET_TRY(conn.execute("DELETE FROM login_throttle WHERE last_at < ?",
                         {now - std::max(rules.account.forget_ms, rules.address.forget_ms)}));
  return std::int64_t{0};
}

Status throttle_failed(db::Connection& conn, const Attempt& attempt, const ThrottleRules& rules,
                       std::int64_t now, const audit::Entry& entry) {
  INNET_TRY(close_expired_windows(conn, rules, now));
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "INSERT INTO login_failures (action, account, address, user_id, window_start, last_at, "
          "failures) VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (action, account, address) DO UPDATE "
          "SET failures = login_failures.failures + 1, last_at = ? RETURNING failures, "
          "window_start",
          {attempt.action, account_of(attempt), attempt.address,
           db::optional_value(entry.actor_user_id), now, now, now}));
  if (rows[0].integer(0) != 1) return Status::success();
  audit::Entry opened = entry;
  opened.outcome = "failure";
  opened.details =
      nlohmann::json{{"window", "opened"}, {"failures", 1}, {"window_start", iso(now)}}.dump();
  return audit::record(conn, opened);
}

Status throttle_succeeded(db::Connection& conn, const Attempt& attempt, const ThrottleRules& rules,
                          std::int64_t now) {
  INNET_TRY(close_expired_windows(conn, rules, now));
  INNET_TRY(close_window(conn, attempt));
  const auto [account, address] = gates(attempt, rules);
  INNET_TRY(conn.execute("DELETE FROM login_throttle WHERE key = ?", {account.key}));
  // Take back the address's count of this attempt. Unless a parallel attempt has been counted
  // since, the gate reopens as this attempt found it: open.
  INNET_ASSIGN_OR_RETURN(auto count, read_count(conn, address, now));
  if (!count) return Status::success();
  INNET_TRY(conn.execute(
      "UPDATE login_throttle SET failures = failures - 1, "
      "next_at = CASE WHEN failures = ? THEN ? ELSE next_at END WHERE key = ? AND failures > 0",
      {count->failures, now, address.key}));
  INNET_TRY(
      conn.execute("DELETE FROM login_throttle WHERE key = ? AND failures = 0", {address.key}));
  return Status::success();
}

db::Migration throttle_migration() {
  return {10, "auth: progressive login delays; failures audited once per window", R"sql(
DROP TABLE login_throttle;
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  last_at BIGINT NOT NULL,
  next_at BIGINT NOT NULL
);
CREATE INDEX login_throttle_last ON login_throttle (last_at);
CREATE TABLE login_failures (
  action TEXT NOT NULL,
  account TEXT NOT NULL,
  address TEXT NOT NULL,
  user_id BIGINT,
  window_start BIGINT NOT NULL,
  last_at BIGINT NOT NULL,
  failures BIGINT NOT NULL,
  PRIMARY KEY (action, account, address)
);
CREATE INDEX login_failures_window ON login_failures (window_start);
)sql"};
}

}  // namespace innet::accounts
