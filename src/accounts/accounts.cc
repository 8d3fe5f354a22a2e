#include "accounts/accounts.h"

#include <algorithm>
#include <cctype>

#include "core/clock.h"
#include "db/query.h"

namespace innet::accounts {
namespace {

constexpr const char* kOrgColumns = "id, name, type, istat_code, created_at";
constexpr const char* kUserColumns =
    "id, email, display_name, role, organization_id, active, password_hash, created_at, "
    "last_login_at";

Organization org_from_row(const db::Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.opt_text(3), r.text(4)};
}

User user_from_row(const db::Row& r) {
  User u;
  u.id = r.integer(0);
  u.email = r.text(1);
  u.display_name = r.text(2);
  u.role = auth::parse_role(r.text(3)).value_or(auth::Role::analyst);
  u.organization_id = r.integer(4);
  u.active = r.integer(5) != 0;
  u.password_hash = r.text(6);
  u.created_at = r.text(7);
  u.last_login_at = r.opt_text(8);
  return u;
}

}  // namespace

const std::vector<std::string>& organization_types() {
  static const std::vector<std::string> types = {
      "prefecture",      "questura", "municipality", "health_authority",
      "centre_operator", "ngo",      "school",       "other"};
  return types;
}

std::string normalize_email(std::string email) {
  std::transform(email.begin(), email.end(), email.begin(), ::tolower);
  return email;
}

Result<Organization> create_organization(db::Connection& conn, const Organization& org) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "INSERT INTO organizations (name, type, istat_code, created_at) VALUES (?, ?, ?, ?) "
          "RETURNING id",
          {org.name, org.type, db::optional_value(org.istat_code), clock::now_iso()}));
  return find_organization(conn, rows[0].integer(0));
}

Result<std::int64_t> count_organizations(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT COUNT(*) FROM organizations"));
  return rows[0].integer(0);
}

Result<Organization> find_organization(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kOrgColumns + " FROM organizations WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("organization");
  return org_from_row(rows[0]);
}

Result<std::map<std::int64_t, Organization>> find_organizations(
    db::Connection& conn, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, Organization> out;
  if (ids.empty()) return out;
  // One placeholder per id: the SQL text depends only on how many there are (at most a page).
  std::string placeholders;
  db::Params params;
  for (auto id : ids) {
    placeholders += placeholders.empty() ? "?" : ", ?";
    params.push_back(id);
  }
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kOrgColumns +
                                        " FROM organizations WHERE id IN (" + placeholders + ")",
                                    params));
  for (const auto& r : rows) {
    Organization org = org_from_row(r);
    out.emplace(org.id, std::move(org));
  }
  return out;
}

Result<std::optional<Organization>> find_organization_by_name(db::Connection& conn,
                                                              const std::string& name) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kOrgColumns +
                                                   " FROM organizations WHERE name = ?",
                                               {name}));
  if (rows.empty()) return std::optional<Organization>{};
  return std::optional<Organization>{org_from_row(rows[0])};
}

Result<Page<Organization>> list_organizations(db::Connection& conn, const OrganizationFilter& f,
                                              const Paging& paging) {
  db::Where where;
  if (!f.query.empty()) where.add("LOWER(name) LIKE ? ESCAPE '\\'", db::like_pattern(f.query));
  if (!f.type.empty()) where.add("type = ?", f.type);
  return db::page_query<Organization>(conn, kOrgColumns, "organizations", where, "name, id", paging,
                                      org_from_row);
}

Status update_organization(db::Connection& conn, const Organization& org) {
  return db::expect_one(
      conn.execute("UPDATE organizations SET name = ?, type = ?, istat_code = ? WHERE id = ?",
                   {org.name, org.type, db::optional_value(org.istat_code), org.id}),
      "organization");
}

Result<User> create_user(db::Connection& conn, const User& u) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "INSERT INTO users (email, display_name, role, organization_id, active, password_hash, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {normalize_email(u.email), u.display_name, auth::to_string(u.role), u.organization_id,
           std::int64_t{u.active ? 1 : 0}, u.password_hash, clock::now_iso()}));
  return find_user(conn, rows[0].integer(0));
}

Result<User> find_user(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("user");
  return user_from_row(rows[0]);
}

Result<std::pair<User, Organization>> find_user_with_organization(db::Connection& conn,
                                                                  std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "SELECT u.id, u.email, u.display_name, u.role, u.organization_id, u.active, "
          "u.password_hash, u.created_at, u.last_login_at, o.id, o.name, o.type, o.istat_code, "
          "o.created_at FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = "
          "?",
          {id}));
  if (rows.empty()) return Error::not_found("user");
  const db::Row& r = rows[0];
  std::vector<db::Value> org_values;
  for (std::size_t i = 9; i < r.size(); ++i) org_values.push_back(r[i]);
  return std::make_pair(user_from_row(r), org_from_row(db::Row(std::move(org_values))));
}

Result<std::optional<User>> find_user_by_email(db::Connection& conn, const std::string& email) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kUserColumns + " FROM users WHERE email = ?",
                            {normalize_email(email)}));
  if (rows.empty()) return std::optional<User>{};
  return std::optional<User>{user_from_row(rows[0])};
}

Result<Page<User>> list_users(db::Connection& conn, const UserFilter& f, const Paging& paging,
                              std::optional<std::int64_t> only_organization) {
  db::Where where;
  if (!f.query.empty() && f.match_email) {
    where.add("(LOWER(display_name) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')",
              {db::like_pattern(f.query), db::like_pattern(f.query)});
  } else if (!f.query.empty()) {
    where.add("LOWER(display_name) LIKE ? ESCAPE '\\'", db::like_pattern(f.query));
  }
  if (f.organization_id) where.add("organization_id = ?", *f.organization_id);
  if (only_organization) where.add("organization_id = ?", *only_organization);
  if (!f.role.empty()) where.add("role = ?", f.role);
  return db::page_query<User>(conn, kUserColumns, "users", where, "display_name, id", paging,
                              user_from_row);
}

Status check_own_account_change(std::int64_t actor_user_id, const User& changed) {
  if (changed.id != actor_user_id) return Status::success();
  if (!changed.active)
    return Error::field(ErrorKind::unprocessable, "active", FieldError::self_lockout());
  if (changed.role != auth::Role::admin)
    return Error::field(ErrorKind::unprocessable, "role", FieldError::self_lockout());
  return Status::success();
}

Status update_user(db::Connection& conn, const User& u) {
  return db::expect_one(
      conn.execute("UPDATE users SET display_name = ?, role = ?, organization_id = ?, "
                   "active = ? WHERE id = ?",
                   {u.display_name, auth::to_string(u.role), u.organization_id,
                    std::int64_t{u.active ? 1 : 0}, u.id}),
      "user");
}

Status set_password_hash(db::Connection& conn, std::int64_t user_id, const std::string& hash) {
  return db::expect_one(
      conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", {hash, user_id}), "user");
}

Status touch_last_login(db::Connection& conn, std::int64_t user_id) {
  return db::expect_one(
      conn.execute("UPDATE users SET last_login_at = ? WHERE id = ?", {clock::now_iso(), user_id}),
      "user");
}

namespace {

// How a user's answer names its organisation.
const api::ObjectType<Organization>& organization_summary_type() {
  static const auto type =
      api::ObjectType<Organization>("OrganizationSummary")
          .field("id", &Organization::id)
          .field("name", &Organization::name)
          .field("type", &Organization::type, {.allowed = organization_types()})
          .field("istat_code", &Organization::istat_code,
                 {.description = "ISTAT municipality code, e.g. 082053 (Palermo)"});
  return type;
}

// The roles of auth/policy.h, one list for the server, the document and its clients.
const api::EnumType& role_type() {
  static const api::EnumType type("Role", auth::role_names(),
                                  "what a user may do (the policy table of the server)");
  return type;
}

}  // namespace

const api::ObjectType<Organization>& organization_type() {
  static const auto type =
      api::ObjectType<Organization>("Organization")
          .include(organization_summary_type(), std::identity{})
          .field("created_at", &Organization::created_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<User>& user_name_type() {
  static const auto type = api::ObjectType<User>("UserName")
                               .field("id", &User::id)
                               .field("display_name", &User::display_name);
  return type;
}

const api::ObjectType<UserView>& user_type() {
  static const auto type =
      api::ObjectType<UserView>("User")
          .field("id", [](const UserView& v) { return v.user.id; })
          .field("display_name",
                 [](const UserView& v) -> const std::string& { return v.user.display_name; })
          .field(
              "role",
              [](const UserView& v) -> const std::string& { return auth::to_string(v.user.role); },
              role_type())
          .field("active", [](const UserView& v) { return v.user.active; })
          .field(
              "organization",
              [](const UserView& v) -> const Organization& { return v.organization; },
              organization_summary_type())
          .field("created_at",
                 [](const UserView& v) -> const std::string& { return v.user.created_at; },
                 {.format = "date-time"})
          .field_when(&UserView::include_contact, "email",
                      [](const UserView& v) -> const std::string& { return v.user.email; },
                      {.description = "field set users.fields.contact"})
          .field_when(&UserView::include_contact, "last_login_at",
                      [](const UserView& v) -> const std::optional<std::string>& {
                        return v.user.last_login_at;
                      },
                      {.description = "field set users.fields.contact", .format = "date-time"});
  return type;
}

nlohmann::json to_json(const Organization& org) {
  return organization_type().to_json(org);
}

nlohmann::json to_json(const User& u, const Organization& org, bool include_contact) {
  return user_type().to_json({u, org, include_contact});
}

std::vector<db::Migration> migrations(db::Engine) {
  return {{1, "accounts: organizations and users", R"sql(
CREATE TABLE organizations (
  id {{pk}},
  name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('prefecture', 'questura', 'municipality',
    'health_authority', 'centre_operator', 'ngo', 'school', 'other')),
  istat_code TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE users (
  id {{pk}},
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'prefecture_officer', 'inspector', 'case_worker',
    'service_provider', 'sui_officer', 'analyst')),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  active INTEGER NOT NULL DEFAULT 1,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_login_at TEXT
);
CREATE INDEX users_organization ON users (organization_id);
)sql"}};
}

}  // namespace innet::accounts
