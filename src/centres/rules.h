// The rules a centre and a contract keep, whoever writes them: create_centre, update_centre and
// create_contract check them before storing, so the API, the command line and the demo data
// cannot store a record that breaks one. Each refusal names its field with a code
// (core/field_error.h).
#pragma once

#include "centres/centres.h"
#include "core/result.h"
#include "db/database.h"

namespace innet::centres {

// Some place in some category; both coordinates or neither; a known type and status; a
// six-digit ISTAT code; an operator organisation that exists.
Status check_centre(db::Connection& conn, const Centre& c);

// The contract ends on or after its start; its manager, when named, is an active prefecture
// officer of a prefecture: the manager supervises the operator on the Prefettura's behalf, so
// is never the operator's own staff.
Status check_contract(db::Connection& conn, const Contract& c);

}  // namespace innet::centres
