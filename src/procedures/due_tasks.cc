// The task names the file's protocol number, its procedure and its due date, never the person:
// the inbox reads no personal data; the file's page does.
#include "procedures/due_tasks.h"

#include "procedures/files.h"
#include "tasks/tasks.h"

namespace innet::procedures {

void add_due_task_source() {
  tasks::add_source(
      {.kind = "procedure_file_due",
       .action = "procedure_files.manage",
       .count = [](api::Context&, db::Connection& conn, CivilDay today) -> Result<tasks::Count> {
         INNET_ASSIGN_OR_RETURN(auto total, count_due(conn, today, false));
         INNET_ASSIGN_OR_RETURN(auto overdue, count_due(conn, today, true));
         return tasks::Count{total, overdue};
       },
       .list = [](api::Context&, db::Connection& conn, CivilDay today,
                  std::int64_t limit) -> Result<std::vector<tasks::Task>> {
         INNET_ASSIGN_OR_RETURN(auto due, due_files(conn, today, limit));
         std::vector<tasks::Task> out;
         for (const auto& d : due)
           out.push_back({.kind = "procedure_file_due",
                          .params = {{"protocol", d.protocol_number},
                                     {"procedure", d.procedure_code},
                                     {"due_on", d.due_on}},
                          .due = d.due_on,
                          .overdue = d.due_on < today.to_string(),
                          .link = "/procedure-files/" + std::to_string(d.id)});
         return out;
       }});
}

}  // namespace innet::procedures
