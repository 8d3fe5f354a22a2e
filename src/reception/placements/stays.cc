#include "reception/placements/stays.h"

#include <map>

#include "centres/centres.h"

namespace innet::reception {

Result<std::vector<Stay>> visible_stays(api::Context& ctx, db::Connection& conn,
                                        std::int64_t person_id, const char* action) {
  INNET_ASSIGN_OR_RETURN(auto all, person_placements(conn, person_id));
  const bool sees_all = ctx.services.policy.scope(ctx.actor->role, action) == auth::Scope::all;
  std::vector<Stay> out;
  // A person's stays are often in few centres: each is read once, for its name and operator.
  std::map<std::int64_t, centres::Centre> centres;
  for (auto& p : all) {
    if (!centres.count(p.centre_id)) {
      INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, p.centre_id));
      centres.emplace(p.centre_id, std::move(centre));
    }
    const auto& centre = centres.at(p.centre_id);
    if (!sees_all && !ctx.services.policy.allows(*ctx.actor, action, {centre.operator_id, 0}))
      continue;
    out.push_back({std::move(p), centre.name});
  }
  return out;
}

}  // namespace innet::reception
