#include "reception/routes.h"

namespace innet::reception {

void add_routes(api::Api& api) {
  add_centre_routes(api);
  add_placement_routes(api);
  add_occupancy_routes(api);
  add_register_routes(api);
  add_cost_routes(api);
}

Result<Centre> visible_centre(api::Context& ctx, std::int64_t id, const char* action) {
  auto conn = ctx.db();
  if (!conn.ok()) return conn.take_error();
  auto centre = find_centre(**conn, id);
  if (!centre.ok()) return centre.take_error();
  if (!ctx.services.policy.allows(*ctx.actor, action, {centre->operator_id, 0}))
    return Error::not_found("centre");
  return centre;
}

Result<Centre> centre_in_scope(api::Context& ctx, const char* action, const char* param) {
  auto id = ctx.id_param(param);
  if (!id.ok()) return id.take_error();
  return visible_centre(ctx, *id, action);
}

}  // namespace innet::reception
