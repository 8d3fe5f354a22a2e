#include "guidance/seed.h"

#include "guidance/content.h"
#include "guidance/guidance.h"

namespace innet::guidance {

Status seed_step(api::SeedContext& ctx) {
  // The pages are the same content at any scale; they need their author, the demo admin.
  const auto admin = ctx.registry.demo_users.find(auth::Role::admin);
  if (admin == ctx.registry.demo_users.end()) return Status::success();
  const std::string at = ctx.today.to_string() + "T08:00:00Z";
  std::int64_t count = 0;
  using Pages = const std::vector<SeedPage>& (*)();
  for (Pages language : {pages_it, pages_en, pages_fr, pages_ar, pages_uk, pages_bn})
    for (const auto& p : language()) {
      Edit e{.category = p.category,
             .language = p.language,
             .based_on = 0,
             .sections = {p.look_for, p.how_to_ask, p.where_to_refer, p.guarantees, p.sources},
             .change_note = "Prima stesura dei contenuti dimostrativi",
             .edited_by = admin->second};
      auto saved = save_edit(ctx.conn, e, at);
      if (!saved.ok()) return saved.take_error();
      ++count;
    }
  ctx.report.counts.push_back({count, "guidance pages"});
  return Status::success();
}

}  // namespace innet::guidance
