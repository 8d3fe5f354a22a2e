#pragma once

#include "api/api.h"
#include "people/persons.h"

namespace innet::people {

// /api/v1/persons and /api/v1/family-groups.
void add_routes(api::Api& api);
// /api/v1/persons/duplicates and /api/v1/person-merges (duplicate_routes.cc).
void add_duplicate_routes(api::Api& api);

// A reference is a read: every person id a request names, in its path or its body, goes through
// this. The person, when the caller's scope for `action` reaches it: everyone for the Prefettura;
// for an operator's staff, the people its centres host or hosted. Otherwise 404, exactly as for
// an id that exists nowhere.
Result<Person> visible_person(api::Context& ctx, db::Connection& conn, std::int64_t id,
                              const char* action);
// The same for the person named by the {id} path parameter; the read log names that id.
Result<Person> person_in_scope(api::Context& ctx, const char* action);

}  // namespace innet::people
