// The rules a centre and a contract keep, whoever writes them: create_centre, update_centre and
// create_contract check them before storing, so the API, the command line and the demo data
// cannot store a record that breaks one. Each refusal names its field with a code
// (core/field_error.h).
#pragma once

#include "centres/centres.h"
#include "core/result.h"
#include "db/database.h"

namespace innet::centres {

// The field errors of tender lots, contracts and their invoices, beside those of
// core/field_error.h (decision 0013). Kept here so that adding them did not rebuild every
// translation unit; they belong in core/field_error.h, to be moved there.
struct TenderErrors {
  static FieldError cig_format();  // ANAC CIG: 10 uppercase letters or digits
  // An invoice's month (or line) has no day in the period of the contract it names.
  static FieldError outside_contract(std::string from, std::string to);
  // A temporary structure for unaccompanied minors given places for adults or families.
  static FieldError temporary_structure_minors_only();
  // An invoice left its contract out for a month that more than one contract covers.
  static FieldError contract_required();
  // An invoice's amount is not its declared presence-days at the contract's net price.
  static FieldError amount_mismatch(std::int64_t expected);
  // A SAI project is funded by an annual budget and a final report, not per day.
  static FieldError sai_not_per_day();
  // Credit notes may not take back more than the invoice declared: what is left to credit.
  static FieldError credit_exceeds_invoice(std::int64_t left);
};

// Some place in some category; both coordinates or neither; a known type and status; a
// six-digit ISTAT code; an operator organisation that exists. A temporary structure for minors
// has only minors' places (422 temporary_structure_minors_only naming the other category), at
// most 50 (422 validation_failed above_maximum on places_minors).
Status check_centre(db::Connection& conn, const Centre& c);

// The contract ends on or after its start; its manager, when named, is an active prefecture
// officer of a prefecture: the manager supervises the operator on the Prefettura's behalf, so
// is never the operator's own staff.
// Its CIG is 10 uppercase letters or digits (cig_format) and its VAT rate one of vat_rates().
Status check_contract(db::Connection& conn, const Contract& c);

// A CIG of 10 uppercase letters or digits (422 cig_format), a tender named, end on or after start.
Status check_lot(const TenderLot& lot);

}  // namespace innet::centres
