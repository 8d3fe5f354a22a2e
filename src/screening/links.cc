// A screening owed is a task for the case workers keeping the case (tasks/tasks.h, decision
// 0028); the case list's filters `vulnerability` and `screening` are subqueries over this
// module's tables (cases::answer_list_filter).
#include "screening/links.h"

#include "cases/cases.h"
#include "screening/screenings.h"
#include "tasks/tasks.h"

namespace innet::screening {
namespace {

// The caller's open cases (all, or its organisation's), as a subquery, once every one of them
// has its terms. Counting the inbox is also when the cases opened since are given their terms:
// cases has no hook on opening (decision 0031); they are found in one statement, and are few.
Result<db::Subquery> owing(api::Context& ctx, db::Connection& conn) {
  std::optional<std::int64_t> organization_id;
  if (tasks::scope_for(ctx, "screening.manage") != auth::Scope::all)
    organization_id = ctx.actor->organization_id;
  auto open = cases::open_cases_of(organization_id);
  INNET_ASSIGN_OR_RETURN(auto missing, unscheduled_in(conn, open));
  if (!missing.empty()) {
    std::vector<cases::Case> fresh;
    for (auto id : missing) {
      INNET_ASSIGN_OR_RETURN(auto c, cases::find_case(conn, id));
      fresh.push_back(std::move(c));
    }
    INNET_ASSIGN_OR_RETURN(auto s, settings(conn));
    INNET_TRY(schedule_missing(conn, fresh, s));
  }
  return open;
}

}  // namespace

void add_task_sources() {
  tasks::add_source(
      {.kind = "screening_due",
       .action = "screening.manage",
       .count = [](api::Context& ctx, db::Connection& conn,
                   CivilDay today) -> Result<tasks::Count> {
         INNET_ASSIGN_OR_RETURN(auto open, owing(ctx, conn));
         INNET_ASSIGN_OR_RETURN(auto n, count_owed(conn, open, today));
         return tasks::Count{n.total, n.late};
       },
       .list = [](api::Context& ctx, db::Connection& conn, CivilDay today,
                  std::int64_t limit) -> Result<std::vector<tasks::Task>> {
         INNET_ASSIGN_OR_RETURN(auto open, owing(ctx, conn));
         INNET_ASSIGN_OR_RETURN(auto schedules, owed_in(conn, open, today, limit));
         std::vector<tasks::Task> out;
         for (const auto& s : schedules) {
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
