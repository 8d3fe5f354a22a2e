#include "people/module.h"

#include "auth/person_identity.h"
#include "people/persons.h"
#include "people/routes.h"

namespace innet::people {

namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  std::vector<auth::Policy::Grant> out = {
      // Guests: the Prefettura places them; an operator's staff see those its centres host or
      // hosted (scope: organisations running a centre where the person was placed).
      {"persons.read", prefecture_officer, all},
      {"persons.read", case_worker, organization},
      {"persons.manage", prefecture_officer, all},
      // Merging two records moves records of every organisation that hosted either person
      // (decision 0026): the Prefettura's, which sees them all. An operator's staff see the
      // candidates among their own guests (persons.read) and ask the Prefettura.
      {"persons.merge", prefecture_officer, all},
  };
  // The SUI opens procedures' files for people it does not host or follow: it finds them by name
  // and birth date, identity only, and registers one it does not find (decision 0043).
  for (auto role : auth::kRolesIdentifyingPersons) {
    out.push_back({std::string(auth::kIdentifyPersons), role, all});
    out.push_back({std::string(auth::kRegisterPersons), role, all});
  }
  return out;
}

}  // namespace

api::Module module() {
  return {.name = "people", .grants = grants(), .migrations = migrations, .add_routes = add_routes};
}

}  // namespace innet::people
