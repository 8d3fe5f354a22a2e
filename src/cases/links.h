// Cases in other modules' hooks: person merges and duplicates (people), the tasks inbox (tasks).
#pragma once

#include "people/person_records.h"

namespace innet::cases {

// What a person merge moves (the case) and how duplicates find a document's holder.
people::PersonRecords person_records();
// Permits of stay expiring within 60 days, and cases handed over that no case worker has taken
// yet, for the case workers keeping the case.
void add_task_sources();

}  // namespace innet::cases
