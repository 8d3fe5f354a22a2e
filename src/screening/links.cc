// A screening owed is a task for the case workers keeping the case (tasks/tasks.h, decision
// 0028); the case list's filters `vulnerability` and `screening` are subqueries over this
// module's tables (cases::answer_list_filter).
#include "screening/links.h"

#include "cases/cases.h"
#include "screening/screenings.h"
#include "tasks/tasks.h"

namespace innet::screening {
namespace {

// The caller's cases that owe a screening, term first. Counting the inbox is also when the
// cases opened since are given their terms: cases has no hook on opening (decision 0031).
Result<std::vector<Schedule>> owed(api::Context& ctx, db::Connection& conn, CivilDay today) {
  std::optional<std::int64_t> organization_id;
  if (tasks::scope_for(ctx, "screening.manage") != auth::Scope::all)
    organization_id = ctx.actor->organization_id;
  INNET_ASSIGN_OR_RETURN(auto all, cases::cases_kept_by(conn, organization_id));
  std::vector<cases::Case> open;
  for (auto& c : all)
    if (c.status != "closed") open.push_back(std::move(c));
  INNET_ASSIGN_OR_RETURN(auto s, settings(conn));
  INNET_TRY(schedule_missing(conn, open, s));
  std::vector<std::int64_t> ids;
  for (const auto& c : open) ids.push_back(c.id);
  return owed_among(conn, ids, today);
}

}  // namespace

void add_task_sources() {
  tasks::add_source(
      {.kind = "screening_due",
       .action = "screening.manage",
       .count = [](api::Context& ctx, db::Connection& conn,
                   CivilDay today) -> Result<tasks::Count> {
         INNET_ASSIGN_OR_RETURN(auto schedules, owed(ctx, conn, today));
         tasks::Count n{static_cast<std::int64_t>(schedules.size()), 0};
         for (const auto& s : schedules) n.overdue += s.state(today) == "late" ? 1 : 0;
         return n;
       },
       .list = [](api::Context& ctx, db::Connection& conn, CivilDay today,
                  std::int64_t limit) -> Result<std::vector<tasks::Task>> {
         INNET_ASSIGN_OR_RETURN(auto schedules, owed(ctx, conn, today));
         std::vector<tasks::Task> out;
         for (const auto& s : schedules) {
           if (static_cast<std::int64_t>(out.size()) >= limit) break;
           // The case's number and the term: never the guest's name.
           out.push_back({.kind = "screening_due",
                          .params = {{"case", std::to_string(s.case_id)}, {"due_on", *s.due_on}},
                          .due = s.due_on,
                          .overdue = s.state(today) == "late",
                          .link = "/cases/" + std::to_string(s.case_id)});
         }
         return out;
       }});
}

void answer_case_filters() {
  cases::answer_list_filter("vulnerability", [](const std::string& category, CivilDay) {
    return cases_flagged(category);
  });
  cases::answer_list_filter("screening", cases_due);
}

}  // namespace innet::screening
