// /api/v1/centres: the reception centres and their contracts, and the one check every module
// uses when a request names a centre.
#pragma once

#include "api/api.h"
#include "centres/centres.h"

namespace innet::centres {

void add_routes(api::Api& api);
void add_municipality_routes(api::Api& api);  // municipality_routes.cc

// A reference is a read: every centre id a request names, in its path or its body, goes through
// this. The centre, when the caller's scope for `action` reaches it (all centres, or those its
// organisation runs); out of scope answers 404 like a missing centre, so that ids of other
// operators' centres do not leak.
Result<Centre> visible_centre(api::Context& ctx, std::int64_t id, const char* action);
// The same for the centre named by a path parameter.
Result<Centre> centre_in_scope(api::Context& ctx, const char* action, const char* param = "id");

}  // namespace innet::centres
