#pragma once

#include "people/person_records.h"

namespace innet::procedures {

// A merge of two records of one person moves the merged one's files (as applicant and as
// sponsor) to the kept one; an unmerge moves exactly those back (people/person_records.h).
people::PersonRecords person_records();

}  // namespace innet::procedures
