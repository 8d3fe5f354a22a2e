// Organisations of the network and the people who sign in for them: model and storage.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "auth/policy.h"
#include "core/json_input.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"

namespace innet::accounts {

const std::vector<std::string>& organization_types();

struct Organization {
  std::int64_t id = 0;
  std::string name;
  std::string type;                       // one of organization_types()
  std::optional<std::string> istat_code;  // six digits, e.g. "082053" for Palermo
  std::string created_at;
};

struct User {
  std::int64_t id = 0;
  std::string email;  // stored lower-case, unique
  std::string display_name;
  auth::Role role = auth::Role::analyst;
  std::int64_t organization_id = 0;
  bool active = true;
  std::string password_hash;
  std::string created_at;
  std::optional<std::string> last_login_at;
};

struct OrganizationFilter {
  std::string query;  // part of the name
  std::string type;
};
struct UserFilter {
  std::string query;  // part of the name, or of the e-mail when match_email
  std::optional<std::int64_t> organization_id;
  std::string role;
  bool match_email = false;  // only for callers who may see e-mail addresses
};

using db::Page;

// Organisations
Result<Organization> create_organization(db::Connection& conn, const Organization& org);
Result<Organization> find_organization(db::Connection& conn, std::int64_t id);
Result<std::int64_t> count_organizations(db::Connection& conn);
// The organisations with these ids, in one query (ids may repeat).
Result<std::map<std::int64_t, Organization>> find_organizations(
    db::Connection& conn, const std::vector<std::int64_t>& ids);
Result<std::optional<Organization>> find_organization_by_name(db::Connection& conn,
                                                              const std::string& name);
Result<Page<Organization>> list_organizations(db::Connection& conn, const OrganizationFilter& f,
                                              const Paging& paging);
Status update_organization(db::Connection& conn, const Organization& org);

// Users
Result<User> create_user(db::Connection& conn, const User& user);
Result<User> find_user(db::Connection& conn, std::int64_t id);
// One query for both: the hot path of GET /auth/me.
Result<std::pair<User, Organization>> find_user_with_organization(db::Connection& conn,
                                                                  std::int64_t id);
Result<std::optional<User>> find_user_by_email(db::Connection& conn, const std::string& email);
Result<Page<User>> list_users(db::Connection& conn, const UserFilter& f, const Paging& paging,
                              std::optional<std::int64_t> only_organization);
Status update_user(db::Connection& conn, const User& user);  // name, role, org, active
// An administrator cannot lock themselves out: a change to their own account (`changed`, as it
// would be stored) may not deactivate it nor take away its admin role.
Status check_own_account_change(std::int64_t actor_user_id, const User& changed);
Status set_password_hash(db::Connection& conn, std::int64_t user_id, const std::string& hash);
Status touch_last_login(db::Connection& conn, std::int64_t user_id);

// A user as answers show it: with its organisation, and its contact fields (e-mail and last
// sign-in, the users.fields.contact field set) when the caller may see them.
struct UserView {
  const User& user;
  const Organization& organization;
  bool include_contact = false;
};

const api::ObjectType<Organization>& organization_type();
const api::ObjectType<UserView>& user_type();
// A user named where a record says who did something (who recorded, who confirmed): id and
// display name only, nothing of the account.
const api::ObjectType<User>& user_name_type();
nlohmann::json to_json(const Organization& org);
nlohmann::json to_json(const User& user, const Organization& org, bool include_contact);

std::string normalize_email(std::string email);

std::vector<db::Migration> migrations(db::Engine engine);

}  // namespace innet::accounts
