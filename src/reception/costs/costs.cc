// Loading a centre's month for costing: a few reads whatever the number of days or guests.
#include <set>

#include "reception/costs/costs.h"
#include "reception/handovers/handovers.h"
#include "reception/handovers/money.h"

namespace innet::reception {

Result<CostData> load_cost_data(db::Connection& conn, std::int64_t centre_id,
                                const MonthRange& range,
                                const std::vector<std::int64_t>& extra_person_ids) {
  CostData data;
  data.range = range;
  INNET_ASSIGN_OR_RETURN(auto contracts, centres::centre_contracts(conn, centre_id));
  data.contracts = std::move(contracts);
  INNET_ASSIGN_OR_RETURN(auto days, presence_between(conn, centre_id, range.from, range.to));
  data.days = std::move(days);

  std::set<std::int64_t> ids(extra_person_ids.begin(), extra_person_ids.end());
  for (const auto& day : data.days) {
    for (const auto& p : day.present) ids.insert(p.person_id);
    for (const auto& a : day.absent) ids.insert(a.person_id);
  }
  if (!ids.empty()) {
    INNET_ASSIGN_OR_RETURN(auto persons, people::find_persons(conn, {ids.begin(), ids.end()}));
    for (auto& p : persons) data.persons.emplace(p.id, std::move(p));
    INNET_ASSIGN_OR_RETURN(auto suspensions, suspensions_of(conn, {ids.begin(), ids.end()}));
    for (const auto& [person, list] : suspensions)
      for (const auto& s : list) data.suspended[person].emplace_back(s.from, s.until);
  }
  return data;
}

Result<MonthlyCosts> monthly_costs(db::Connection& conn, std::int64_t centre_id, CivilMonth month,
                                   CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto range, month_range(month, today));
  INNET_ASSIGN_OR_RETURN(auto data, load_cost_data(conn, centre_id, range));
  auto costs = compute_costs(centre_id, data);
  INNET_ASSIGN_OR_RETURN(costs.money, money_lines(conn, costs));
  return costs;
}

}  // namespace innet::reception
