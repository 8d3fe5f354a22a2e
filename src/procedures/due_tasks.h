#pragma once

namespace innet::procedures {

// The tasks inbox's source "procedure_file_due" (tasks/tasks.h, decision 0028): open files whose
// legal term ends within kDueSoonDays or has ended, not suspended, for the SUI's officers.
void add_due_task_source();

}  // namespace innet::procedures
