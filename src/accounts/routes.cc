#include "accounts/routes.h"

#include <map>

#include "accounts/accounts.h"
#include "accounts/sessions.h"
#include "auth/passwords.h"

namespace innet::accounts {
namespace {

// Constraint violations, named by the field the caller must change.
Error unique_field(Error e, const char* field) {
  if (e.code != "unique_violation") return e;
  Error named = Error::field(ErrorKind::conflict, field, FieldError::taken());
  named.code = "unique_violation";
  return named;
}

Error known_organization(Error e) {
  if (e.code != "foreign_key_violation") return e;
  return Error::field(ErrorKind::unprocessable, "organization_id",
                      FieldError::not_found("organization"));
}

nlohmann::json changes(const nlohmann::json& body) {
  nlohmann::json out = body;
  out.erase("password");
  out.erase("new_password");
  return out;
}

// --- organisations ---------------------------------------------------------------------------

Result<http::Response> list_orgs(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  OrganizationFilter f{ctx.request.query["q"], ctx.request.query["type"]};
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_organizations(*conn, f, paging));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& o : page.items) items.push_back(to_json(o));
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> get_org(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto org, find_organization(*conn, id));
  return api::ok(to_json(org));
}

Result<http::Response> create_org(api::Context& ctx) {
  Organization org{0, ctx.body["name"], ctx.body["type"],
                   api::patched<std::string>(ctx.body, "istat_code", {}), ""};
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  auto created = create_organization(*conn, org);
  if (!created.ok()) return unique_field(created.take_error(), "name");
  auto entry = ctx.audit("organizations.create", "organization", std::to_string(created->id));
  entry.details = changes(ctx.body).dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(to_json(*created));
}

Result<http::Response> update_org(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto org, find_organization(*conn, id));
  const auto& b = ctx.body;
  if (b.contains("name")) org.name = b["name"];
  if (b.contains("type")) org.type = b["type"];
  org.istat_code = api::patched(b, "istat_code", org.istat_code);
  if (auto s = update_organization(*conn, org); !s.ok())
    return unique_field(s.take_error(), "name");
  auto entry = ctx.audit("organizations.update", "organization", std::to_string(id));
  entry.details = changes(b).dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(to_json(org));
}

// --- users -----------------------------------------------------------------------------------

bool sees_contact(const api::Context& ctx, const User& u) {
  return u.id == ctx.actor->user_id ||
         ctx.services.policy.allows(*ctx.actor, "users.fields.contact");
}

Result<http::Response> list_all_users(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  auto& q = ctx.request.query;
  UserFilter f{q["q"], std::nullopt, q["role"]};
  // Searching by e-mail would reveal addresses the caller may not see.
  f.match_email = ctx.services.policy.allows(*ctx.actor, "users.fields.contact");
  if (!q["organization_id"].empty()) f.organization_id = parse_int(q["organization_id"]);
  std::optional<std::int64_t> only;
  if (ctx.scope != auth::Scope::all) only = ctx.actor->organization_id;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_users(*conn, f, paging, only));
  std::vector<std::int64_t> org_ids;
  for (const auto& u : page.items) org_ids.push_back(u.organization_id);
  INNET_ASSIGN_OR_RETURN(auto orgs, find_organizations(*conn, org_ids));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : page.items)
    items.push_back(to_json(u, orgs.at(u.organization_id), sees_contact(ctx, u)));
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> get_user(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto user, find_user(*conn, id));
  // Out of scope reads answer 404, so that ids of other organisations' accounts do not leak.
  if (!ctx.services.policy.allows(*ctx.actor, "users.read", {user.organization_id, user.id}))
    return Error::not_found("user");
  INNET_ASSIGN_OR_RETURN(auto org, find_organization(*conn, user.organization_id));
  return api::ok(to_json(user, org, sees_contact(ctx, user)));
}

Result<http::Response> create_account(api::Context& ctx) {
  const std::string password = ctx.body["password"];
  if (auto problem = auth::password_problem(password))
    return Error::field(ErrorKind::unprocessable, "password", *problem);
  INNET_ASSIGN_OR_RETURN(auto hash, auth::hash_password(password));
  User u;
  u.email = ctx.body["email"];
  u.display_name = ctx.body["display_name"];
  u.role = *auth::parse_role(ctx.body["role"].get<std::string>());
  u.organization_id = ctx.body["organization_id"];
  u.password_hash = hash;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  auto org = find_organization(*conn, u.organization_id);
  if (!org.ok() && org.error().kind == ErrorKind::not_found)
    return Error::field(ErrorKind::unprocessable, "organization_id",
                        FieldError::not_found("organization"));
  if (!org.ok()) return org.take_error();
  auto created = create_user(*conn, u);
  if (!created.ok()) return unique_field(created.take_error(), "email");
  auto entry = ctx.audit("users.create", "user", std::to_string(created->id));
  entry.details = changes(ctx.body).dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(to_json(*created, *org, true));
}

Result<http::Response> update_account(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  const auto& b = ctx.body;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto user, find_user(*conn, id));
  const User before = user;
  if (b.contains("display_name")) user.display_name = b["display_name"];
  if (b.contains("role")) user.role = *auth::parse_role(b["role"].get<std::string>());
  if (b.contains("organization_id")) user.organization_id = b["organization_id"];
  if (b.contains("active")) user.active = b["active"];
  INNET_TRY(check_own_account_change(ctx.actor->user_id, user));
  if (auto s = update_user(*conn, user); !s.ok()) return known_organization(s.take_error());
  // A role, organisation or status change takes effect now, not at the next sign-in: a session
  // or token issued under the old one must not carry on with the new permissions or scope. A new
  // display name (or an empty change) leaves the user signed in.
  if (user.role != before.role || user.organization_id != before.organization_id ||
      user.active != before.active)
    INNET_TRY(accounts::revoke_credentials(*conn, user.id));
  INNET_ASSIGN_OR_RETURN(auto org, find_organization(*conn, user.organization_id));
  auto entry = ctx.audit("users.update", "user", std::to_string(id));
  entry.details = changes(b).dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(to_json(user, org, true));
}

Result<http::Response> reset_password(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  const std::string password = ctx.body["new_password"];
  if (auto problem = auth::password_problem(password))
    return Error::field(ErrorKind::unprocessable, "new_password", *problem);
  INNET_ASSIGN_OR_RETURN(auto hash, auth::hash_password(password));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(set_password_hash(*conn, id, hash));
  // A reset usually answers a suspected compromise: every credential of the account goes.
  INNET_TRY(accounts::revoke_credentials(*conn, id));
  INNET_TRY(ctx.commit(ctx.audit("users.password_reset", "user", std::to_string(id))));
  return http::Response::no_content();
}

const Field kIstatCode{.name = "istat_code",
                       .nullable = true,
                       .max_length = 6,
                       .description = "ISTAT municipality code, e.g. 082053 (Palermo)",
                       .digits_only = true,
                       .exact_length = 6};

}  // namespace

void add_routes(api::Api& api) {
  static const api::ListType organization_list("OrganizationList", organization_type(), true);
  static const api::ListType user_list("UserList", user_type(), true);
  api.add_schema(organization_list);
  api.add_schema(user_list);

  const std::string orgs = "/api/v1/organizations";
  const std::string users = "/api/v1/users";
  const Field org_type{.name = "type", .max_length = 40, .allowed = organization_types()};
  const Field role{.name = "role", .max_length = 40, .allowed = auth::role_names()};

  api.add({.method = "GET",
           .pattern = orgs,
           .action = "organizations.read",
           .summary = "List the organisations of the network",
           .tag = "accounts",
           .query = {{.name = "q", .max_length = 100}, org_type},
           .paged = true,
           .response_schema = "OrganizationList",
           .handler = list_orgs});
  api.add({.method = "POST",
           .pattern = orgs,
           .action = "organizations.manage",
           .summary = "Create an organisation",
           .tag = "accounts",
           .body = {{.name = "name", .required = true, .max_length = 200, .min_length = 2},
                    required(org_type),
                    kIstatCode},
           .response_schema = "Organization",
           .success_status = 201,
           .handler = create_org});
  api.add({.method = "GET",
           .pattern = orgs + "/{id}",
           .action = "organizations.read",
           .summary = "One organisation",
           .tag = "accounts",
           .response_schema = "Organization",
           .handler = get_org});
  api.add({.method = "PATCH",
           .pattern = orgs + "/{id}",
           .action = "organizations.manage",
           .summary = "Change an organisation's name, type or ISTAT code",
           .tag = "accounts",
           .body = {{.name = "name", .max_length = 200, .min_length = 2}, org_type, kIstatCode},
           .response_schema = "Organization",
           .handler = update_org});

  api.add({.method = "GET",
           .pattern = users,
           .action = "users.read",
           .summary = "List user accounts (own organisation unless the role sees all)",
           .tag = "accounts",
           .query = {{.name = "q", .max_length = 100},
                     {.name = "organization_id", .type = FieldType::integer},
                     role},
           .paged = true,
           .response_schema = "UserList",
           .handler = list_all_users});
  api.add(
      {.method = "POST",
       .pattern = users,
       .action = "users.manage",
       .summary = "Create a user account",
       .tag = "accounts",
       .body = {{.name = "email", .type = FieldType::email, .required = true, .max_length = 254},
                {.name = "display_name", .required = true, .max_length = 200, .min_length = 1},
                required(role),
                {.name = "organization_id",
                 .type = FieldType::integer,
                 .required = true,
                 .min_value = 1},
                {.name = "password", .required = true, .max_length = 200, .verbatim = true}},
       .response_schema = "User",
       .success_status = 201,
       .handler = create_account});
  api.add({.method = "GET",
           .pattern = users + "/{id}",
           .action = "users.read",
           .summary = "One user account",
           .tag = "accounts",
           .response_schema = "User",
           .handler = get_user});
  api.add({.method = "PATCH",
           .pattern = users + "/{id}",
           .action = "users.manage",
           .summary = "Change a user's name, role, organisation or active flag",
           .tag = "accounts",
           .body = {{.name = "display_name", .max_length = 200, .min_length = 1},
                    role,
                    {.name = "organization_id", .type = FieldType::integer, .min_value = 1},
                    {.name = "active", .type = FieldType::boolean}},
           .response_schema = "User",
           .handler = update_account});
  api.add(
      {.method = "POST",
       .pattern = users + "/{id}/password",
       .action = "users.manage",
       .summary = "Set a new password for a user; their sessions and API tokens are revoked",
       .tag = "accounts",
       .body = {{.name = "new_password", .required = true, .max_length = 200, .verbatim = true}},
       .success_status = 204,
       .handler = reset_password});
}

}  // namespace innet::accounts
