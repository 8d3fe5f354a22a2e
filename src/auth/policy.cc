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

std::string to_string(Role role) {
  return role_names().at(static_cast<std::size_t>(role));
}

std::optional<Role> parse_role(std::string_view name) {
  const auto& names = role_names();
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<Role>(it - names.begin());
}

Policy::Policy(std::vector<Grant> grants) : grants_(std::move(grants)) {}

std::optional<Scope> Policy::scope(Role role, std::string_view action) const {
  for (const auto& g : grants_)
    if (g.role == role && g.action == action) return g.scope;
  return std::nullopt;
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

std::vector<std::string> Policy::permissions(Role role) const {
  std::vector<std::string> out;
  for (const auto& g : grants_)
    if (g.role == role) out.push_back(g.action);
  return out;
}

std::vector<std::string> Policy::actions() const {
  std::set<std::string> unique;
  for (const auto& g : grants_) unique.insert(g.action);
  return {unique.begin(), unique.end()};
}

}  // namespace innet::auth
