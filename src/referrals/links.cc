#include "referrals/links.h"

#include <algorithm>

#include "core/clock.h"
#include "referrals/referrals.h"
#include "tasks/tasks.h"

namespace innet::referrals {
namespace {

// A referral names the task by its reference: never the person.
tasks::Task task_of(const std::string& kind, const Referral& r, const std::string& now) {
  return {.kind = kind,
          .params = {{"reference", r.reference()}},
          .due = r.answer_due_at ? std::optional<std::string>(r.answer_due_at->substr(0, 10))
                                 : std::nullopt,
          .overdue = r.escalated(now),
          .link = "/referrals/" + std::to_string(r.id)};
}

// The waiting referrals of the caller's organisation as recipient (`inbox`) or as sender, the
// escalated ones only for the sender; earliest term first.
Result<std::vector<Referral>> waiting(api::Context& ctx, db::Connection& conn, bool inbox,
                                      const char* action) {
  const auto now = clock::now_iso();
  ReferralFilter f;
  f.state = "sent";
  if (inbox)
    f.to_organization_id = ctx.actor->organization_id;
  else if (tasks::scope_for(ctx, action) != auth::Scope::all)
    f.from_organization_id = ctx.actor->organization_id;
  if (!inbox) f.escalated_at = now;
  INNET_ASSIGN_OR_RETURN(auto out, list_referrals(conn, f));
  std::stable_sort(out.begin(), out.end(), [](const Referral& a, const Referral& b) {
    return a.answer_due_at < b.answer_due_at;
  });
  return out;
}

tasks::Source source(std::string kind, const char* action, bool inbox) {
  return {.kind = kind,
          .action = action,
          .count = [inbox, action](api::Context& ctx, db::Connection& conn,
                                   CivilDay) -> Result<tasks::Count> {
            INNET_ASSIGN_OR_RETURN(auto rows, waiting(ctx, conn, inbox, action));
            const auto now = clock::now_iso();
            tasks::Count n{static_cast<std::int64_t>(rows.size()), 0};
            for (const auto& r : rows) n.overdue += r.escalated(now) ? 1 : 0;
            return n;
          },
          .list = [kind, inbox, action](api::Context& ctx, db::Connection& conn, CivilDay,
                                        std::int64_t limit) -> Result<std::vector<tasks::Task>> {
            INNET_ASSIGN_OR_RETURN(auto rows, waiting(ctx, conn, inbox, action));
            const auto now = clock::now_iso();
            std::vector<tasks::Task> out;
            for (const auto& r : rows) {
              if (static_cast<std::int64_t>(out.size()) >= limit) break;
              out.push_back(task_of(kind, r, now));
            }
            return out;
          }};
}

}  // namespace

void add_task_sources() {
  tasks::add_source(source("referral_waiting", "referrals.receive", true));
  tasks::add_source(source("referral_escalated", "referrals.manage", false));
}

}  // namespace innet::referrals
