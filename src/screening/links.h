// Screening in other modules' hooks: the tasks inbox (screenings due) and the case list's
// filters (vulnerability, screening).
#pragma once

namespace innet::screening {

void add_task_sources();
void answer_case_filters();

}  // namespace innet::screening
