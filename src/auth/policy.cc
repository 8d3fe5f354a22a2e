#include "auth/policy.h"

#include <algorithm>
#include <set>

namespace innet::auth {

const std::vector<std::string>& role_names() {
  static const std::vector<std::string> names = {"admin",       "prefecture_officer", "inspector",
                                                 "case_worker", "service_provider",   "sui_officer",
                                                 "analyst"};
  return names;
}

const std::string& to_string(Role role) {
  return role_names().at(static_cast<std::size_t>(role));
}

std::optional<Role> parse_role(std::string_view name) {
  const auto& names = role_names();
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<Role>(it - names.begin());
}

Policy::Policy(std::vector<Grant> grants)
    : grants_(std::move(grants)), permissions_(role_names().size()) {
  for (const auto& g : grants_) {
    auto& by_role = scopes_.try_emplace(g.action, role_names().size()).first->second;
    auto& scope = by_role.at(static_cast<std::size_t>(g.role));
    if (scope) continue;  // the first grant of a role and action holds
    scope = g.scope;
    permissions_[static_cast<std::size_t>(g.role)].push_back(g.action);
  }
}

std::optional<Scope> Policy::scope(Role role, std::string_view action) const {
  auto found = scopes_.find(action);
  if (found == scopes_.end()) return std::nullopt;
  return found->second.at(static_cast<std::size_t>(role));
}

bool Policy::allows(const Actor& actor, std::string_view action) const {
  return scope(actor.role, action).has_value();
}

bool Policy::allows(const Actor& actor, std::string_view action, const RecordOwner& owner) const {
  auto s = scope(actor.role, action);
  if (!s) return false;
  switch (*s) {
    case Scope::all:
      return true;
    case Scope::organization:
      return owner.organization_id == actor.organization_id;
    case Scope::own:
      return owner.user_id == actor.user_id;
  }
  return false;
}

const std::vector<std::string>& Policy::permissions(Role role) const {
  return permissions_.at(static_cast<std::size_t>(role));
}

std::vector<std::string> Policy::actions() const {
  std::set<std::string> unique;
  for (const auto& g : grants_) unique.insert(g.action);
  return {unique.begin(), unique.end()};
}

}  // namespace innet::auth
