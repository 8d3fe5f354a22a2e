// What reception holds about a person, for people's merges of duplicate records (decision 0026,
// people/person_records.h).
#pragma once

#include "people/person_records.h"

namespace innet::reception {

// Placements, absence notices, register absences, money handovers and pocket-money suspensions
// move with the person; so does a minors' section extension when the kept record has none.
// Invoice lines do not: an invoice is a document as issued, and the merged record it names
// stays, pointing to the kept one. Two records placed on one same day cannot be one person.
people::PersonRecords person_records();

}  // namespace innet::reception
