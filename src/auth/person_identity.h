// Identity without the record (decision 0043), in the policy's one place for it: staff who must
// name a person on a record of their own but may not read persons' records (the SUI officer
// opening a procedure's file) find one by name and birth date and see identity fields only, or
// register one with those fields. The people module grants the two actions to these roles
// (people/module.cc) and serves them (people/identity_routes.cc); the roles holding persons.read
// have the full search and need neither.
#pragma once

#include <array>
#include <string_view>

#include "auth/policy.h"

namespace innet::auth {

inline constexpr std::string_view kIdentifyPersons = "persons.identify";
inline constexpr std::string_view kRegisterPersons = "persons.register";

// The roles that open records for people they neither host nor follow: the SUI (procedures'
// files, decision 0040).
inline constexpr std::array kRolesIdentifyingPersons = {Role::sui_officer};

}  // namespace innet::auth
