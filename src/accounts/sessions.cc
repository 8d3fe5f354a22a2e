#include "accounts/sessions.h"

#include "accounts/throttle.h"
#include "core/clock.h"
#include "core/crypto.h"

namespace innet::accounts {
namespace {

constexpr int kTouchEverySeconds = 60;

auth::Actor actor_from_row(const db::Row& r) {
  auth::Actor a;
  a.user_id = r.integer(0);
  a.organization_id = r.integer(1);
  a.role = auth::parse_role(r.text(2)).value_or(auth::Role::analyst);
  a.email = r.text(3);
  a.display_name = r.text(4);
  return a;
}

}  // namespace

Result<NewSession> create_session(db::Connection& conn, std::int64_t user_id,
                                  const std::string& client_address, const SessionLimits& limits) {
  NewSession s;
  s.token = crypto::random_hex(32);
  s.csrf_token = crypto::random_hex(32);
  auto now = clock::now_seconds();
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
                 "expires_at, client_address) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {crypto::token_hash_hex(s.token), user_id, s.csrf_token, clock::iso_utc(now), now,
                  now + std::int64_t{limits.absolute_hours} * 3600, client_address}));
  s.id = rows[0].integer(0);
  return s;
}

Result<std::optional<auth::Actor>> session_actor(db::Connection& conn, const std::string& token,
                                                 const SessionLimits& limits) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "SELECT u.id, u.organization_id, u.role, u.email, u.display_name, s.id, s.csrf_token, "
          "s.last_seen_at, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
          "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND u.active = 1",
          {crypto::token_hash_hex(token)}));
  if (rows.empty()) return std::optional<auth::Actor>{};
  const auto& r = rows[0];
  auto now = clock::now_seconds();
  std::int64_t last_seen = r.integer(7);
  if (now >= r.integer(8) || now - last_seen > std::int64_t{limits.idle_minutes} * 60)
    return std::optional<auth::Actor>{};
  if (now - last_seen >= kTouchEverySeconds) {
    INNET_TRY(
        conn.execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now, r.integer(5)}));
  }
  auth::Actor a = actor_from_row(r);
  a.session_id = r.integer(5);
  a.csrf_token = r.text(6);
  return std::optional<auth::Actor>{std::move(a)};
}

Status revoke_session(db::Connection& conn, std::int64_t session_id) {
  INNET_TRY(conn.execute("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                         {clock::now_iso(), session_id}));
  return Status::success();
}

Status revoke_credentials(db::Connection& conn, std::int64_t user_id,
                          std::optional<std::int64_t> keep_session) {
  const auto now = clock::now_iso();
  INNET_TRY(conn.execute(
      "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id <> ?",
      {now, user_id, keep_session.value_or(0)}));
  INNET_TRY(
      conn.execute("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                   {now, user_id}));
  // A reset link sent before the change must not undo it.
  INNET_TRY(
      conn.execute("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
                   {now, user_id}));
  return Status::success();
}

Result<std::string> create_password_reset(db::Connection& conn, std::int64_t user_id,
                                          std::int64_t now_ms) {
  const std::string token = crypto::random_hex(32);
  INNET_TRY(
      conn.execute("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
                   {clock::now_iso(), user_id}));
  INNET_TRY(
      conn.execute("INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) "
                   "VALUES (?, ?, ?, ?)",
                   {user_id, crypto::token_hash_hex(token), clock::now_iso(),
                    now_ms + kPasswordResetMinutes * 60 * 1000}));
  return token;
}

Result<std::optional<std::int64_t>> password_reset_user(db::Connection& conn,
                                                        const std::string& token,
                                                        std::int64_t now_ms) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at "
                            "IS NULL AND expires_at > ?",
                            {crypto::token_hash_hex(token), now_ms}));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{rows[0].integer(0)};
}

Result<std::optional<std::int64_t>> use_password_reset(db::Connection& conn,
                                                       const std::string& token,
                                                       std::int64_t now_ms) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                 "AND expires_at > ? RETURNING user_id",
                 {clock::now_iso(), crypto::token_hash_hex(token), now_ms}));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{rows[0].integer(0)};
}

Result<NewApiToken> create_api_token(db::Connection& conn, std::int64_t user_id,
                                     const std::string& name, int expires_in_days) {
  NewApiToken t;
  t.secret = "innet_" + crypto::random_hex(24);
  auto now = clock::now_seconds();
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) "
                 "VALUES (?, ?, ?, ?, ?) RETURNING id",
                 {user_id, name, crypto::token_hash_hex(t.secret), clock::iso_utc(now),
                  clock::iso_utc(now + std::int64_t{expires_in_days} * 86400)}));
  t.token = {rows[0].integer(0),
             user_id,
             name,
             clock::iso_utc(now),
             clock::iso_utc(now + std::int64_t{expires_in_days} * 86400),
             std::nullopt,
             std::nullopt};
  return t;
}

Result<std::vector<ApiToken>> list_api_tokens(db::Connection& conn, std::int64_t user_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT id, user_id, name, created_at, expires_at, last_used_at, revoked_at "
                 "FROM api_tokens WHERE user_id = ? ORDER BY id DESC",
                 {user_id}));
  std::vector<ApiToken> out;
  for (const auto& r : rows)
    out.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.opt_text(5),
                   r.opt_text(6)});
  return out;
}

Status revoke_api_token(db::Connection& conn, std::int64_t user_id, std::int64_t token_id) {
  INNET_ASSIGN_OR_RETURN(auto r, conn.execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ? "
                                              "AND user_id = ? AND revoked_at IS NULL",
                                              {clock::now_iso(), token_id, user_id}));
  if (r == 0) return Error::not_found("token");
  return Status::success();
}

Result<std::optional<auth::Actor>> token_actor(db::Connection& conn, const std::string& secret) {
  auto now = clock::now_iso();
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "SELECT u.id, u.organization_id, u.role, u.email, u.display_name, t.id, t.last_used_at "
          "FROM api_tokens t JOIN users u ON u.id = t.user_id "
          "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.active = 1",
          {crypto::token_hash_hex(secret), now}));
  if (rows.empty()) return std::optional<auth::Actor>{};
  const auto& r = rows[0];
  // last_used_at to the minute: enough to spot stale tokens without a write per request.
  if (r.text(6).substr(0, 16) != now.substr(0, 16)) {
    INNET_TRY(
        conn.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {now, r.integer(5)}));
  }
  auth::Actor a = actor_from_row(r);
  a.token_id = r.integer(5);
  return std::optional<auth::Actor>{std::move(a)};
}

const api::ObjectType<ApiToken>& api_token_type() {
  static const auto type = api::ObjectType<ApiToken>("ApiToken")
                               .field("id", &ApiToken::id)
                               .field("name", &ApiToken::name)
                               .field("created_at", &ApiToken::created_at, {.format = "date-time"})
                               .field("expires_at", &ApiToken::expires_at, {.format = "date-time"})
                               .field("last_used_at", &ApiToken::last_used_at)
                               .field("revoked_at", &ApiToken::revoked_at);
  return type;
}

const api::ObjectType<NewApiToken>& new_api_token_type() {
  static const auto type =
      api::ObjectType<NewApiToken>("NewApiToken")
          .include(api_token_type(), &NewApiToken::token)
          .field("token", &NewApiToken::secret, {.description = "shown only once"});
  return type;
}

nlohmann::json to_json(const ApiToken& t) {
  return api_token_type().to_json(t);
}

std::vector<db::Migration> session_migrations(db::Engine) {
  return {{3, "auth: sessions, API tokens, login throttling", R"sql(
CREATE TABLE sessions (
  id {{pk}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  client_address TEXT NOT NULL DEFAULT '',
  revoked_at TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id {{pk}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL
);
)sql"},
          throttle_migration(),
          {11, "auth: password reset links", R"sql(
CREATE TABLE password_resets (
  id {{pk}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE, -- BLAKE2b of the 32 random bytes sent by e-mail
  created_at TEXT NOT NULL,
  expires_at BIGINT NOT NULL,      -- Unix milliseconds
  used_at TEXT                     -- used, or replaced by a newer link or a password change
);
CREATE INDEX password_resets_user ON password_resets (user_id);
)sql"}};
}

}  // namespace innet::accounts
