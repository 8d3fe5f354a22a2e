// The officer's work across every centre (issue 9 point 9): what needs attention, one list each,
// computed from the other parts of reception and from centres through their functions (nothing
// here owns a table). Each list is at most a row per centre, contract or invoice: a Prefettura
// has about 40 centres, so the lists are computed whole and sorted in memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "centres/centres.h"
#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "reception/placements/occupancy.h"

namespace innet::reception::overview {

// The municipality's name for an ISTAT code ("" when unknown).
std::string municipality_name(const std::string& istat_code);

// A centre with more guests than places in some category, in all, or than its contract allows.
struct OverCapacity {
  CentreOccupancy occupancy;
  std::string municipality;
  // Guests beyond the tightest limit broken: a category's places, the centre's, or the contract's.
  std::int64_t excess = 0;
};
Result<std::vector<OverCapacity>> over_capacity(db::Connection& conn, CivilDay day,
                                                const centres::CentreFilter& filter);

// A centre whose register has days of [from, to) with guests that nobody confirmed, or that
// changed after their confirmation.
struct UnconfirmedRegister {
  std::int64_t centre_id = 0;
  std::string centre_name;
  std::string istat_code;
  std::string municipality;
  std::int64_t unconfirmed_days = 0;
  std::int64_t changed_days = 0;  // confirmed, then changed: to confirm again
  std::string oldest_day;         // the earliest of them
};
Result<std::vector<UnconfirmedRegister>> unconfirmed_registers(db::Connection& conn, CivilDay from,
                                                               CivilDay to,
                                                               const centres::CentreFilter& filter);

// A current (not withdrawn) invoice of a month, checked against the register. Nothing records
// that an officer reviewed an invoice yet, so every current invoice waits for review; those with
// differences come first.
struct InvoiceCheck {
  std::int64_t invoice_id = 0;
  std::int64_t centre_id = 0;
  std::string centre_name;
  std::string month;
  std::string number;
  std::string submitted_at;
  std::int64_t declared_presence_days = 0;
  std::int64_t computed_presence_days = 0;
  std::int64_t presence_days_difference = 0;
  std::int64_t amount_cents = 0;
  std::int64_t computed_amount_cents = 0;
  std::int64_t amount_difference_cents = 0;
  std::int64_t unconfirmed_days = 0;
  bool amount_not_matching_days = false;
  bool has_differences = false;  // any of the above differs, or days are unconfirmed
};
Result<std::vector<InvoiceCheck>> invoices_to_check(db::Connection& conn, CivilMonth month,
                                                    CivilDay today,
                                                    const centres::CentreFilter& filter);

// A contract ending within [today, until] with no later contract of its centre to follow it.
struct EndingContract {
  std::int64_t contract_id = 0;
  std::int64_t centre_id = 0;
  std::string centre_name;
  std::string cig;
  std::string start_date;
  std::string end_date;
  std::int64_t days_left = 0;  // from today to the end date
  std::int64_t places = 0;
  std::int64_t price_cents = 0;
};
Result<std::vector<EndingContract>> contracts_ending(db::Connection& conn, CivilDay today,
                                                     CivilDay until,
                                                     const centres::CentreFilter& filter);

// A centre of the placement desk: room for a whole family of `family_size` in a category on a
// day. Room is CentreOccupancy::free: the centre's places in the category minus its guests in it
// that day (decision 0021 says where derogated places will join it).
struct DeskCentre {
  CentreOccupancy occupancy;
  std::string municipality;
  std::int64_t free_in_category = 0;
};
Result<std::vector<DeskCentre>> desk(db::Connection& conn, CivilDay day, centres::Category category,
                                     std::int64_t family_size, const centres::CentreFilter& filter);

}  // namespace innet::reception::overview
