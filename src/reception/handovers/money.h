// What was due against what was handed over, per guest and per centre-month (decision 0019).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "reception/costs/costs.h"
#include "reception/handovers/handovers.h"

namespace innet::reception {

// A guest's money for a month at a centre.
struct GuestMoney {
  std::int64_t person_id = 0;
  std::string family_name;
  std::string given_names;
  std::int64_t presence_days = 0;
  std::int64_t suspended_days = 0;
  std::int64_t pocket_money_due_cents = 0;
  std::int64_t pocket_money_handed_over_cents = 0;  // handovers paying this month, at this centre
  // handed_over (somewhere on the path), missing (the path began here, none given yet),
  // other_centre (the path began at another centre, which owes it)
  std::string phone_card;
  std::string first_entry_kit;
};

struct CentreMonthMoney {
  std::int64_t centre_id = 0;
  MonthRange range;
  std::vector<GuestMoney> guests;  // in the order of the costs' persons
  std::vector<MoneyLine> lines;
  // The centre's handovers dated in the month or paying it, cancelled ones included.
  std::vector<Handover> handovers;
  std::vector<PocketMoneySuspension> suspensions;  // of the guests, overlapping the month
};

// The money lines of a centre's month from its costs: two reads (paths, handovers).
Result<std::vector<MoneyLine>> money_lines(db::Connection& conn, const MonthlyCosts& costs);
Result<CentreMonthMoney> centre_month_money(db::Connection& conn, std::int64_t centre_id,
                                            CivilMonth month, CivilDay today);

const api::ObjectType<CentreMonthMoney>& centre_month_money_type();

}  // namespace innet::reception
