// Monitoring's sources of the tasks inbox (tasks/tasks.h, decision 0028): corrective actions
// overdue (for inspectors and officers every one; for an operator's staff those of the issued
// reports on its centres, which they must answer) and replies awaiting the inspector's
// verification. Each is one query on findings, counted and listed with the same conditions.
#include "centres/centres.h"
#include "monitoring/routes.h"
#include "tasks/tasks.h"

namespace innet::monitoring {
namespace {

db::Where overdue_where(const api::Context& ctx, CivilDay today) {
  db::Where where;
  where.add("f.status = 'open' AND f.deadline < ?", today.to_string());
  if (tasks::scope_for(ctx, "findings.read") != auth::Scope::all) {
    // An operator's staff: the findings they were sent (issued reports) on their centres.
    where.add("f.inspection_id IN (SELECT id FROM inspections WHERE status = 'report_issued')");
    where.add_in("f.centre_id", centres::centres_run_by(ctx.actor->organization_id));
  }
  return where;
}

db::Where replied_where() {
  db::Where where;
  where.add("f.status = 'replied'");
  return where;
}

Result<std::int64_t> count_of(db::Connection& conn, const db::Where& where) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT COUNT(*) FROM findings f" + where.sql(), where.params()));
  return rows[0].integer(0);
}

// Each finding as a task: its centre, severity and deadline name it; the link is its
// inspection's page. `due` says whether the deadline is the task's term.
Result<std::vector<tasks::Task>> tasks_of(db::Connection& conn, const db::Where& where,
                                          const char* kind, bool due, CivilDay today,
                                          std::int64_t limit) {
  const auto name = centres::centre_name_of("f.centre_id");
  db::Params params = name.params;
  params.insert(params.end(), where.params().begin(), where.params().end());
  params.push_back(limit);
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT f.id, f.inspection_id, f.severity, f.deadline, f.area, " + name.sql +
                     ", f.replied_at FROM findings f" + where.sql() +
                     (due ? " ORDER BY f.deadline, f.id" : " ORDER BY f.replied_at, f.id") +
                     " LIMIT ?",
                 params));
  std::vector<tasks::Task> out;
  for (const auto& r : rows) {
    tasks::Task t{.kind = kind, .link = "/inspections/" + std::to_string(r.integer(1))};
    t.params = {{"centre", r.is_null(5) ? "" : r.text(5)},
                {"severity", r.text(2)},
                {"area", r.text(4)},
                {"deadline", r.text(3)}};
    if (!r.is_null(6)) t.params["replied_on"] = r.text(6).substr(0, 10);
    if (due) {
      t.due = r.text(3);
      t.overdue = *t.due < today.to_string();
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

void add_task_sources() {
  tasks::add_source(
      {.kind = "finding_overdue",
       .action = "findings.read",
       .count = [](api::Context& ctx, db::Connection& conn,
                   CivilDay today) -> Result<tasks::Count> {
         INNET_ASSIGN_OR_RETURN(auto n, count_of(conn, overdue_where(ctx, today)));
         return tasks::Count{n, n};  // every one is overdue
       },
       .list =
           [](api::Context& ctx, db::Connection& conn, CivilDay today, std::int64_t limit) {
             return tasks_of(conn, overdue_where(ctx, today), "finding_overdue", true, today,
                             limit);
           }});
  // The inspector's term to verify is not set by any rule: these tasks have no due date.
  tasks::add_source(
      {.kind = "reply_to_verify",
       .action = "findings.manage",
       .count = [](api::Context&, db::Connection& conn, CivilDay) -> Result<tasks::Count> {
         INNET_ASSIGN_OR_RETURN(auto n, count_of(conn, replied_where()));
         return tasks::Count{n, 0};
       },
       .list =
           [](api::Context&, db::Connection& conn, CivilDay today, std::int64_t limit) {
             return tasks_of(conn, replied_where(), "reply_to_verify", false, today, limit);
           }});
}

}  // namespace innet::monitoring
