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

const Policy& Policy::standard() {
  using enum Role;
  using enum Scope;
  static const Policy policy({
      // Partner organisations are a shared directory of the network: everyone signed in reads it.
      {"organizations.read", admin, all},
      {"organizations.read", prefecture_officer, all},
      {"organizations.read", inspector, all},
      {"organizations.read", case_worker, all},
      {"organizations.read", service_provider, all},
      {"organizations.read", sui_officer, all},
      {"organizations.read", analyst, all},
      {"organizations.manage", admin, all},
      // Colleagues: the Prefecture sees every account, others their own organisation's.
      {"users.read", admin, all},
      {"users.read", prefecture_officer, all},
      {"users.read", inspector, organization},
      {"users.read", case_worker, organization},
      {"users.read", service_provider, organization},
      {"users.read", sui_officer, organization},
      {"users.manage", admin, all},
      // E-mail and last sign-in of other accounts: account administration only.
      {"users.fields.contact", admin, all},
      {"audit.read", admin, all},
      // Reception. Centres are not personal data: the network reads them; operators their own.
      {"centres.read", prefecture_officer, all},
      {"centres.read", inspector, all},
      {"centres.read", analyst, all},
      {"centres.read", case_worker, organization},
      {"centres.manage", prefecture_officer, all},
      {"contracts.read", prefecture_officer, all},
      {"contracts.read", inspector, all},
      {"contracts.read", case_worker, organization},
      {"contracts.manage", prefecture_officer, all},
      // Guests: the Prefettura places them; an operator's staff see those its centres host or
      // hosted (scope: organisations running a centre where the person was placed).
      {"persons.read", prefecture_officer, all},
      {"persons.read", case_worker, organization},
      {"persons.manage", prefecture_officer, all},
      {"placements.read", prefecture_officer, all},
      {"placements.read", inspector, all},
      {"placements.read", case_worker, organization},
      {"placements.manage", prefecture_officer, all},
      // Overriding a full or closed centre's refusal, with a recorded reason.
      {"placements.override", prefecture_officer, all},
      // The daily register: kept by the operator's staff, read by the Prefettura and inspectors.
      {"register.read", prefecture_officer, all},
      {"register.read", inspector, all},
      {"register.read", case_worker, organization},
      {"register.record", case_worker, organization},
      // Occupancy is aggregate: the analyst sees it too, with no guest named.
      {"occupancy.read", prefecture_officer, all},
      {"occupancy.read", inspector, all},
      {"occupancy.read", analyst, all},
      {"occupancy.read", case_worker, organization},
      {"costs.read", prefecture_officer, all},
      {"costs.read", case_worker, organization},
      {"invoices.submit", prefecture_officer, all},
      {"invoices.submit", case_worker, organization},
  });
  return policy;
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
