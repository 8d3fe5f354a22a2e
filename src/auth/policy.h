// Access control in one place. Every API route names an action; the policy answers whether an
// actor's role may perform it and with which record scope. Each module declares the grants of
// its own actions in its descriptor (api::Module::grants); app::policy() holds them all. Field sets
// are actions too
// ("users.fields.contact"): a handler asks before including those fields.
//
// Separation of duties: admin manages accounts, organisations and settings and reads the audit
// trail; it holds no action on case data (later modules add those actions to other roles only).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace innet::auth {

enum class Role {
  admin,
  prefecture_officer,
  inspector,
  case_worker,
  service_provider,
  sui_officer,
  analyst
};

// Every role but the analyst, who works on aggregates and meets nobody: the staff who read the
// network's shared, non-personal knowledge (guidance pages, opportunities) to pass it on.
inline constexpr std::array kRolesMeetingPeople = {
    Role::admin,       Role::prefecture_officer, Role::inspector,
    Role::case_worker, Role::service_provider,   Role::sui_officer};

const std::vector<std::string>& role_names();
const std::string& to_string(Role role);
std::optional<Role> parse_role(std::string_view name);

// How far a permission reaches over records.
enum class Scope {
  own,           // records of the actor itself or assigned to it
  organization,  // records of the actor's organisation
  all,           // every record
};

struct Actor {
  std::int64_t user_id = 0;
  std::int64_t organization_id = 0;
  Role role = Role::analyst;
  std::string email;
  std::string display_name;
  std::int64_t session_id = 0;  // 0 when authenticated by an API token
  std::int64_t token_id = 0;    // 0 when authenticated by a session cookie
  std::string csrf_token;       // the session's, empty for API tokens
};

// Who owns a record, for the scope check.
struct RecordOwner {
  std::int64_t organization_id = 0;
  std::int64_t user_id = 0;  // the user the record belongs or is assigned to, when any
};

// The two pseudo-actions routes may declare instead of a real one.
inline constexpr std::string_view kPublic = "public";                // no authentication
inline constexpr std::string_view kAuthenticated = "authenticated";  // any signed-in user

class Policy {
 public:
  struct Grant {
    std::string action;
    Role role;
    Scope scope;
  };
  explicit Policy(std::vector<Grant> grants);

  // The scope the role holds for the action, or nothing when it is not allowed.
  std::optional<Scope> scope(Role role, std::string_view action) const;
  bool allows(const Actor& actor, std::string_view action) const;
  // Checks the scope against the record's owner.
  bool allows(const Actor& actor, std::string_view action, const RecordOwner& owner) const;
  // Every action the role may perform (sent to the web app to build its navigation).
  const std::vector<std::string>& permissions(Role role) const;
  // Every action named by the table.
  std::vector<std::string> actions() const;

 private:
  struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using ScopeByRole = std::vector<std::optional<Scope>>;  // indexed by Role

  std::vector<Grant> grants_;
  // Indexes of grants_: every request asks for a scope, and GET /auth/me for the permissions.
  std::unordered_map<std::string, ScopeByRole, TransparentHash, std::equal_to<>> scopes_;
  std::vector<std::vector<std::string>> permissions_;  // indexed by Role
};

}  // namespace innet::auth
