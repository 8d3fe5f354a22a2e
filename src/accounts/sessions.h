// Sessions and API tokens, stored in the database so that several server instances share them.
// Only a hash of each secret is stored; the secret itself goes to the client once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "auth/policy.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"

namespace innet::accounts {

inline constexpr const char* kSessionCookie = "innet_session";

struct SessionLimits {
  int idle_minutes = 30;
  int absolute_hours = 12;
};

struct NewSession {
  std::int64_t id = 0;
  std::string token;  // goes into the cookie
  std::string csrf_token;
};

Result<NewSession> create_session(db::Connection& conn, std::int64_t user_id,
                                  const std::string& client_address, const SessionLimits& limits);
// The actor behind a session cookie, or nothing when unknown, expired, revoked or the user is
// inactive. Refreshes the idle deadline at most once a minute, to keep reads cheap.
Result<std::optional<auth::Actor>> session_actor(db::Connection& conn, const std::string& token,
                                                 const SessionLimits& limits);
Status revoke_session(db::Connection& conn, std::int64_t session_id);
// Revokes every session (but keep_session) and every API token of a user: after a change of
// password, role, organisation or status, in the transaction of that change. The revocation is
// written on each row, so that reactivating the account or restoring its role revives nothing.
Status revoke_credentials(db::Connection& conn, std::int64_t user_id,
                          std::optional<std::int64_t> keep_session = std::nullopt);

// A password reset link is valid this long, once, and only while it is the user's newest.
constexpr std::int64_t kPasswordResetMinutes = 30;
// A new reset token for the user (returned in clear, stored as its hash); earlier ones of the
// user stop working.
Result<std::string> create_password_reset(db::Connection& conn, std::int64_t user_id,
                                          std::int64_t now_ms);
// The user of a valid token, without using it.
Result<std::optional<std::int64_t>> password_reset_user(db::Connection& conn,
                                                        const std::string& token,
                                                        std::int64_t now_ms);
// Marks the token used and gives its user, or nothing when the token is unknown, used,
// replaced or expired.
Result<std::optional<std::int64_t>> use_password_reset(db::Connection& conn,
                                                       const std::string& token,
                                                       std::int64_t now_ms);

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
};

struct NewApiToken {
  ApiToken token;
  std::string secret;  // shown to the user once
};

Result<NewApiToken> create_api_token(db::Connection& conn, std::int64_t user_id,
                                     const std::string& name, int expires_in_days);
Result<std::vector<ApiToken>> list_api_tokens(db::Connection& conn, std::int64_t user_id);
// Revokes the token when it belongs to the user; not_found otherwise.
Status revoke_api_token(db::Connection& conn, std::int64_t user_id, std::int64_t token_id);
Result<std::optional<auth::Actor>> token_actor(db::Connection& conn, const std::string& secret);

const api::ObjectType<ApiToken>& api_token_type();
// A token as created: the secret is shown this once.
const api::ObjectType<NewApiToken>& new_api_token_type();
nlohmann::json to_json(const ApiToken& token);

std::vector<db::Migration> session_migrations(db::Engine engine);

}  // namespace innet::accounts
