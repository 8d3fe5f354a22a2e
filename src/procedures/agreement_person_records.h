#pragma once

#include "people/person_records.h"

namespace innet::procedures {

// A merge of two records of one person moves the merged one's integration agreements to the kept
// one; an unmerge moves exactly those back (decision 0042). Two running agreements cannot become
// one person's: the merge is refused (409 agreement_running, field merged_id).
people::PersonRecords agreement_person_records();

}  // namespace innet::procedures
