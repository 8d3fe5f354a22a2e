#include "accounts/auth_routes.h"

#include <spdlog/spdlog.h>

#include "accounts/accounts.h"
#include "accounts/sessions.h"
#include "accounts/smtp.h"
#include "accounts/throttle.h"
#include "auth/passwords.h"
#include "core/crypto.h"

namespace innet::accounts {
namespace {

SessionLimits limits(const api::Services& s) {
  return {s.settings.session_idle_minutes, s.settings.session_absolute_hours};
}

std::string session_cookie(const api::Context& ctx, const std::string& value, long max_age) {
  std::string cookie = std::string(kSessionCookie) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (ctx.request.secure || ctx.services.settings.cookie_secure) cookie += "; Secure";
  return cookie;
}

// The signed-in user as the web app needs it: profile, organisation and permissions.
struct SignedInUser {
  accounts::UserView user;
  const std::vector<std::string>& permissions;  // to build the navigation
};
struct Me {
  SignedInUser user;
  std::optional<std::string> csrf_token;  // null for an API token
};

const api::ObjectType<SignedInUser>& signed_in_user_type() {
  static const auto type =
      api::ObjectType<SignedInUser>("SignedInUser")
          .include(accounts::user_type(), &SignedInUser::user)
          .field("permissions", [](const SignedInUser& u) -> const std::vector<std::string>& {
            return u.permissions;
          });
  return type;
}

const api::ObjectType<Me>& me_type() {
  static const auto type = api::ObjectType<Me>("Me")
                               .field("user", &Me::user, signed_in_user_type())
                               .field("csrf_token", &Me::csrf_token);
  return type;
}

// The answer of sign-in and of GET /auth/me.
Result<http::Response> me_response(db::Connection& conn, const auth::Policy& policy,
                                   const auth::Actor& actor) {
  INNET_ASSIGN_OR_RETURN(auto found, accounts::find_user_with_organization(conn, actor.user_id));
  std::optional<std::string> csrf;
  if (!actor.csrf_token.empty()) csrf = actor.csrf_token;
  const Me me{
      {{found.first, found.second, /*include_contact=*/true}, policy.permissions(actor.role)},
      csrf};
  return api::ok(me_type(), me);
}

Error invalid_credentials() {
  return Error::make(ErrorKind::unauthenticated, "invalid_credentials",
                     "wrong e-mail address or password");
}

const ThrottleRules kThrottle{};

// Lets the attempt be judged when neither of its gates is closed, and counts it; a 429 with
// Retry-After (and nothing written) otherwise.
Status admit(db::Connection& conn, const Attempt& attempt) {
  const auto now = now_ms();
  auto wait = throttle_wait(conn, attempt, kThrottle, now);
  if (wait.ok() && *wait == 0) wait = throttle_claim(conn, attempt, kThrottle, now);
  if (!wait.ok()) return wait.take_error();
  if (*wait == 0) return Status::success();
  Error e = Error::make(ErrorKind::rate_limited, "too_many_attempts",
                        "too many failed attempts; try again later");
  e.retry_after_seconds = static_cast<int>((*wait + 999) / 1000);
  return e;
}

// A wrong password: counted in its audit window, which records `entry` when the window opens.
Status record_failure(api::Context& ctx, const Attempt& attempt, const audit::Entry& entry) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(throttle_failed(*conn, attempt, kThrottle, now_ms(), entry));
  return ctx.transaction->commit();
}

Result<http::Response> login(api::Context& ctx) {
  const std::string email = ctx.body["email"];
  const std::string password = ctx.body["password"];
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const Attempt attempt{"auth.login", email, ctx.request.client_address};
  INNET_TRY(admit(*conn, attempt));
  audit::Entry entry = ctx.audit("auth.login", "user", "");
  entry.actor_email = accounts::normalize_email(email);

  INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user_by_email(*conn, email));
  bool valid = false;
  if (user && user.value().active) {
    valid = auth::verify_password(user.value().password_hash, password);
  } else {
    auth::verify_against_dummy(password);
  }
  if (!valid) {
    INNET_TRY(record_failure(ctx, attempt, entry));
    return invalid_credentials();
  }

  const accounts::User& u = user.value();
  INNET_TRY(ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(
      auto session, create_session(*conn, u.id, ctx.request.client_address, limits(ctx.services)));
  INNET_TRY(accounts::touch_last_login(*conn, u.id));
  INNET_TRY(throttle_succeeded(*conn, attempt, kThrottle, now_ms()));
  entry.actor_user_id = u.id;
  entry.entity_id = std::to_string(u.id);
  INNET_TRY(ctx.commit(entry));

  auth::Actor actor{u.id,           u.organization_id, u.role, u.email,
                    u.display_name, session.id,        0,      session.csrf_token};
  INNET_ASSIGN_OR_RETURN(auto response, me_response(*conn, ctx.services.policy, actor));
  response.set_header("Set-Cookie",
                      session_cookie(ctx, session.token,
                                     long{ctx.services.settings.session_absolute_hours} * 3600));
  return response;
}

Result<http::Response> logout(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  if (ctx.actor->session_id) INNET_TRY(revoke_session(*conn, ctx.actor->session_id));
  INNET_TRY(ctx.commit(ctx.audit("auth.logout", "user", std::to_string(ctx.actor->user_id))));
  http::Response response = http::Response::no_content();
  response.set_header("Set-Cookie", session_cookie(ctx, "", 0));
  return response;
}

Result<http::Response> me(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  return me_response(*conn, ctx.services.policy, *ctx.actor);
}

Result<http::Response> change_password(api::Context& ctx) {
  const std::string current = ctx.body["current_password"];
  const std::string next = ctx.body["new_password"];
  if (auto problem = auth::password_problem(next))
    return Error::field(ErrorKind::unprocessable, "new_password", *problem);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  // A stolen session must not become a way to guess the password: the same gates as sign-in.
  const Attempt attempt{"auth.password_change", ctx.actor->email, ctx.request.client_address};
  INNET_TRY(admit(*conn, attempt));
  INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(*conn, ctx.actor->user_id));
  auto entry = ctx.audit("auth.password_change", "user", std::to_string(user.id));
  if (!auth::verify_password(user.password_hash, current)) {
    INNET_TRY(record_failure(ctx, attempt, entry));
    return Error::field(ErrorKind::unprocessable, "current_password", FieldError::wrong_password());
  }
  INNET_ASSIGN_OR_RETURN(auto hash, auth::hash_password(next));
  INNET_TRY(ctx.begin_write());
  INNET_TRY(accounts::set_password_hash(*conn, user.id, hash));
  INNET_TRY(revoke_credentials(*conn, user.id, ctx.actor->session_id));
  INNET_TRY(throttle_succeeded(*conn, attempt, kThrottle, now_ms()));
  INNET_TRY(ctx.commit(entry));
  return http::Response::no_content();
}

// The answer to every reset request, whether or not the address belongs to an account.
struct ResetRequested {
  std::string status = "accepted";
};

const api::ObjectType<ResetRequested>& reset_requested_type() {
  static const auto type =
      api::ObjectType<ResetRequested>("PasswordResetRequested")
          .field("status", &ResetRequested::status,
                 {.description = "always the same: a link is sent if the address is registered",
                  .allowed = {"accepted"}});
  return type;
}

Mail reset_mail(const api::Settings& settings, const std::string& to, const std::string& token) {
  const std::string link = settings.public_url + "/reset?token=" + token;
  const std::string minutes = std::to_string(kPasswordResetMinutes);
  return {to, "InNet: reimpostazione della password / password reset",
          "Buongiorno,\n\n"
          "è stata chiesta la reimpostazione della password del suo account InNet. Per scegliere "
          "una nuova password apra questo collegamento entro " +
              minutes + " minuti:\n\n" + link +
              "\n\n"
              "Il collegamento vale una sola volta. Se non ha chiesto lei la reimpostazione, "
              "ignori questo messaggio: la password resta invariata.\n\n"
              "---\n\n"
              "Hello,\n\n"
              "a password reset was requested for your InNet account. To choose a new password, "
              "open this link within " +
              minutes + " minutes:\n\n" + link +
              "\n\n"
              "The link works once. If you did not ask for it, ignore this message: your "
              "password stays as it is.\n\n"
              "InNet - Prefettura di Palermo\n"};
}

// A reset link by e-mail. The answer is the same, and takes about as long, whether or not the
// address is an account's: both read the user, make a token and commit an audit entry; only the
// token's two small writes and the queuing of the mail differ, and the mail is sent later on the
// outbox's thread. Every request counts on the throttle's gates (an account's own key, apart
// from sign-in's, and the client address), so a flood is refused with 429 for any address alike.
Result<http::Response> request_password_reset(api::Context& ctx) {
  const std::string email = ctx.body["email"];
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const Attempt attempt{"auth.password_reset_request", "reset:" + email,
                        ctx.request.client_address};
  INNET_TRY(admit(*conn, attempt));
  INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user_by_email(*conn, email));
  INNET_TRY(ctx.begin_write());
  audit::Entry entry = ctx.audit("auth.password_reset_request", "user", "");
  entry.actor_email = accounts::normalize_email(email);
  std::optional<Mail> mail;
  if (user && user->active) {
    INNET_ASSIGN_OR_RETURN(auto token, create_password_reset(*conn, user->id, now_ms()));
    entry.entity_id = std::to_string(user->id);
    mail = reset_mail(ctx.services.settings, user->email, token);
  } else {
    (void)crypto::token_hash_hex(crypto::random_hex(32));  // the same work as for an account
  }
  INNET_TRY(ctx.commit(entry));
  const auto& settings = ctx.services.settings;
  if (mail && (settings.smtp_host.empty() || settings.public_url.empty())) {
    spdlog::error("password reset: no mail sent, smtp_host or public_url is not configured");
  } else if (mail) {
    send_mail_later(
        {settings.smtp_host, settings.smtp_port,
         settings.smtp_from.empty() ? std::string("innet@localhost") : settings.smtp_from},
        std::move(*mail));
  }
  return http::Response::json(202, reset_requested_type().to_json({}));
}

Error invalid_reset_link() {
  return Error::make(ErrorKind::invalid_input, "invalid_reset_link",
                     "the link is unknown, used, replaced by a newer one or expired; ask for a "
                     "new one");
}

// The new password from a reset link: the same rules as a change, then every session and API
// token of the account is revoked (whoever knew the old password is out).
Result<http::Response> confirm_password_reset(api::Context& ctx) {
  const std::string token = ctx.body["token"];
  const std::string next = ctx.body["new_password"];
  if (auto problem = auth::password_problem(next))
    return Error::field(ErrorKind::unprocessable, "new_password", *problem);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  // Checked before the slow hash, so that made-up tokens cost nothing.
  INNET_ASSIGN_OR_RETURN(auto valid, password_reset_user(*conn, token, now_ms()));
  if (!valid) return invalid_reset_link();
  INNET_ASSIGN_OR_RETURN(auto hash, auth::hash_password(next));
  INNET_TRY(ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto user_id, use_password_reset(*conn, token, now_ms()));
  if (!user_id) return invalid_reset_link();  // used meanwhile
  INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(*conn, *user_id));
  if (!user.active) return invalid_reset_link();
  INNET_TRY(accounts::set_password_hash(*conn, user.id, hash));
  INNET_TRY(revoke_credentials(*conn, user.id));
  auto entry = ctx.audit("auth.password_reset", "user", std::to_string(user.id));
  entry.actor_user_id = user.id;
  entry.actor_email = user.email;
  INNET_TRY(ctx.commit(entry));
  return http::Response::no_content();
}

Result<http::Response> list_tokens(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto tokens, list_api_tokens(*conn, ctx.actor->user_id));
  nlohmann::json items = nlohmann::json::array();
  auto total = static_cast<std::int64_t>(tokens.size());
  for (std::int64_t i = paging.offset(); i < total && i < paging.offset() + paging.per_page; ++i)
    items.push_back(to_json(tokens[static_cast<std::size_t>(i)]));
  return api::ok(list_envelope(std::move(items), total, paging));
}

Result<http::Response> create_token(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto token, create_api_token(*conn, ctx.actor->user_id, ctx.body["name"],
                                                      ctx.body["expires_in_days"].get<int>()));
  INNET_TRY(
      ctx.commit(ctx.audit("auth.token_create", "api_token", std::to_string(token.token.id))));
  return api::created(new_api_token_type().to_json(token));
}

Result<http::Response> revoke_token(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(revoke_api_token(*conn, ctx.actor->user_id, id));
  INNET_TRY(ctx.commit(ctx.audit("auth.token_revoke", "api_token", std::to_string(id))));
  return http::Response::no_content();
}

}  // namespace

void add_auth_routes(api::Api& api) {
  static const api::ListType token_list("ApiTokenList", api_token_type(), true);
  api.add_schema(me_type());
  api.add_schema(token_list);
  api.add_schema(new_api_token_type());
  api.add_schema(reset_requested_type());

  const std::string base = "/api/v1/auth";
  api.add(
      {.method = "POST",
       .pattern = base + "/login",
       .action = std::string(auth::kPublic),
       .summary = "Sign in with e-mail and password; sets the session cookie",
       .tag = "auth",
       .body = {{.name = "email", .type = FieldType::email, .required = true, .max_length = 254},
                {.name = "password", .required = true, .max_length = 200, .verbatim = true}},
       .response_schema = "Me",
       .throttled = true,
       .handler = login});
  api.add({.method = "POST",
           .pattern = base + "/logout",
           .action = std::string(auth::kAuthenticated),
           .summary = "Sign out: revokes the session",
           .tag = "auth",
           .success_status = 204,
           .handler = logout});
  api.add({.method = "GET",
           .pattern = base + "/me",
           .action = std::string(auth::kAuthenticated),
           .summary = "The signed-in user, organisation, permissions and CSRF token",
           .tag = "auth",
           .response_schema = "Me",
           .handler = me});
  api.add(
      {.method = "POST",
       .pattern = base + "/password",
       .action = std::string(auth::kAuthenticated),
       .session_only = true,  // actions on one's own credentials: a person signed in
       .summary = "Change one's own password; other sessions and API tokens are revoked",
       .tag = "auth",
       .body = {{.name = "current_password", .required = true, .max_length = 200, .verbatim = true},
                {.name = "new_password", .required = true, .max_length = 200, .verbatim = true}},
       .success_status = 204,
       .throttled = true,
       .handler = change_password});
  api.add(
      {.method = "POST",
       .pattern = base + "/password-reset",
       .action = std::string(auth::kPublic),
       .summary = "Ask for a password reset link by e-mail; the same answer for any address",
       .tag = "auth",
       .body = {{.name = "email", .type = FieldType::email, .required = true, .max_length = 254}},
       .response_schema = "PasswordResetRequested",
       .success_status = 202,
       .throttled = true,
       .handler = request_password_reset});
  api.add(
      {.method = "POST",
       .pattern = base + "/password-reset/confirm",
       .action = std::string(auth::kPublic),
       .summary = "Set a new password with a reset link's token; revokes every session and token",
       .tag = "auth",
       .body = {{.name = "token", .required = true, .max_length = 200, .min_length = 1},
                {.name = "new_password", .required = true, .max_length = 200, .verbatim = true}},
       .success_status = 204,
       .handler = confirm_password_reset});
  api.add({.method = "GET",
           .pattern = base + "/tokens",
           .action = std::string(auth::kAuthenticated),
           .summary = "One's own API tokens",
           .tag = "auth",
           .paged = true,
           .response_schema = "ApiTokenList",
           .handler = list_tokens});
  api.add({.method = "POST",
           .pattern = base + "/tokens",
           .action = std::string(auth::kAuthenticated),
           .session_only = true,
           .summary = "Create an API token (its secret is shown once)",
           .tag = "auth",
           .body = {{.name = "name", .required = true, .max_length = 100, .min_length = 1},
                    {.name = "expires_in_days",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 1,
                     .max_value = 365}},
           .response_schema = "NewApiToken",
           .success_status = 201,
           .handler = create_token});
  api.add({.method = "DELETE",
           .pattern = base + "/tokens/{id}",
           .action = std::string(auth::kAuthenticated),
           .summary = "Revoke one of one's own API tokens",
           .tag = "auth",
           .success_status = 204,
           .handler = revoke_token});
}

api::Authenticator make_authenticator(api::Services& services) {
  return [&services](api::Context& ctx) -> Result<std::optional<auth::Actor>> {
    const http::Request& request = ctx.request;
    std::optional<std::string> bearer;
    if (auto h = request.header("authorization"); h && h->starts_with("Bearer "))
      bearer = std::string(h->substr(7));
    auto cookie = request.cookie(kSessionCookie);
    if (!bearer && !cookie) return std::optional<auth::Actor>{};
    INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
    if (bearer) {
      auto actor = token_actor(*conn, *bearer);
      if (actor.ok() && !actor->has_value())
        return Error::make(ErrorKind::unauthenticated, "invalid_token",
                           "the API token is unknown, expired or revoked");
      return actor;
    }
    return session_actor(*conn, *cookie, limits(services));
  };
}

}  // namespace innet::accounts
