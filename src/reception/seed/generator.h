// The reception part of the data generator: centres, contracts, guests and their placements,
// simulated day by day so that arrivals, transfers and exits are consistent with every rule.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"

namespace innet::reception::seed {

struct ReceptionPlan {
  std::vector<std::int64_t> operators;  // organisations that run centres
  // The first few centres go to this operator (the demo case worker's), so it has guests.
  std::int64_t featured_operator = 0;
  int centres = 40;
  int min_places = 10;
  int max_places = 100;
  int history_days = 365;         // simulated days before today
  std::string today;              // the last simulated day
  bool palermo_weighting = true;  // most centres in the larger towns, as in the province
  // When set, the current contract of the featured operator's second centre ends this many days
  // after today (a renewal the officer has to prepare), instead of a year after.
  int contract_ending_in_days = 0;
};

struct ReceptionReport {
  std::int64_t centres = 0;
  std::int64_t contracts = 0;
  std::int64_t persons = 0;
  std::int64_t placements = 0;
  std::int64_t current_guests = 0;
  std::int64_t transfers = 0;
};

Result<ReceptionReport> seed_reception(db::Connection& conn, std::mt19937& rng,
                                       const ReceptionPlan& plan);

// A dedicated section for minors (four minors' places) in one of the operator's adult centres,
// in Palermo when it runs one there, with three unaccompanied minors of 16 and 17 placed through
// the placement rules, one with 4 days left of 90 after today; and places above contract for single
// men at that centre, granted by a decision of the Prefettura (`officer_user_id`) for three months.
struct MinorsReport {
  std::int64_t minors = 0;
  std::int64_t derogations = 0;
};
Result<MinorsReport> seed_minors_section(db::Connection& conn, std::int64_t operator_id,
                                         std::int64_t officer_user_id, CivilDay today);

// The officer's day as it often is: a landing with no free place left in the province, so that
// the Prefettura places guests beyond the places of the first two active CAS centres of other
// operators than `featured_operator` (through the placement rules, with the Prefettura's
// override reason). Returns how many guests were placed beyond places.
Result<std::int64_t> seed_over_capacity(db::Connection& conn, std::int64_t featured_operator,
                                        CivilDay today);

// Money beside the daily price (decision 0019) at the operator's first active centre paid per
// day, recorded by its staff with a signature receipt each: the phone card and first-entry kit of
// its guests on the day they arrived, last month's pocket money handed on the first day of this
// month (a few guests left without, so that the money lines show what is missing), and one
// guest's pocket money suspended by the Prefettura (`officer_user_id`) for 30 days.
struct MoneyReport {
  std::int64_t handovers = 0;
  std::int64_t suspensions = 0;
};
Result<MoneyReport> seed_money(db::Connection& conn, std::int64_t operator_id,
                               std::int64_t staff_user_id, std::int64_t officer_user_id,
                               CivilDay today);

// The daily register of one operator's centres, kept by one of its staff: each of the last
// `days` days (today excluded) with a few absences, confirmed and chained with `chain_key`, except
// the most recent days of some centres, left for the user to confirm.
struct RegisterReport {
  std::int64_t confirmations = 0;
  std::int64_t absences = 0;
};
Result<RegisterReport> seed_registers(db::Connection& conn, std::mt19937& rng,
                                      std::int64_t operator_id, std::int64_t staff_user_id,
                                      int days, CivilDay today, const std::string& chain_key);

// Absences at every centre over the last `days` days (today excluded), about 3 in 100
// presence-days, recorded by the first user of the centre's operator (`staff_by_operator`);
// the days stay unconfirmed. For national data, where confirming day by day would take hours.
Result<std::int64_t> seed_absences(db::Connection& conn, std::mt19937& rng, int days,
                                   CivilDay today,
                                   const std::map<std::int64_t, std::int64_t>& staff_by_operator);

// Last month's invoice of each of one operator's centres, submitted by one of its staff and built
// from the register as the invoice form builds it; every third centre also bills a few days its
// guests were recorded absent, so that reconciliations have differences to show. Returns how many
// invoices were stored.
Result<std::int64_t> seed_invoices(db::Connection& conn, std::int64_t operator_id,
                                   std::int64_t staff_user_id, CivilDay today);

}  // namespace innet::reception::seed
