#include "reception/overview/movements.h"

#include <algorithm>
#include <map>
#include <set>

#include "centres/centres.h"
#include "people/persons.h"
#include "reception/placements/placements.h"

namespace innet::reception::overview {

const std::vector<std::string>& movement_kinds() {
  static const std::vector<std::string> kinds = {"arrival", "transfer_out", "transfer_in", "exit"};
  return kinds;
}

Result<std::vector<Movement>> movements_between(db::Connection& conn, CivilDay from, CivilDay to,
                                                const std::optional<db::Subquery>& centre_ids) {
  INNET_ASSIGN_OR_RETURN(auto placements, placements_moving_between(conn, from, to, centre_ids));
  const std::string first = from.to_string(), end = to.to_string();
  std::vector<Movement> out;
  for (const auto& p : placements) {
    // A placement that covers no day was annulled by a correction of its transfer: neither the
    // transfer in nor out happened.
    if (p.end_date && *p.end_date == p.start_date) continue;
    if (p.start_date >= first && p.start_date < end) {
      if (p.previous_placement_id)
        out.push_back({p.start_date, "transfer_in", p.person_id, {}, p.centre_id, {}, {}, p.id});
      else
        out.push_back(
            {p.start_date, "arrival", p.person_id, {}, p.centre_id, {}, p.arrival_from, p.id});
    }
    if (p.end_date && *p.end_date >= first && *p.end_date < end) {
      if (p.exit_reason == kTransferredReason)
        out.push_back({*p.end_date, "transfer_out", p.person_id, {}, p.centre_id, {}, {}, p.id});
      else
        out.push_back({*p.end_date, "exit", p.person_id, {}, p.centre_id, {}, p.exit_reason, p.id});
    }
  }
  // CUIs and centre names: one query for the persons, one per centre.
  std::set<std::int64_t> person_ids;
  for (const auto& m : out) person_ids.insert(m.person_id);
  INNET_ASSIGN_OR_RETURN(auto persons,
                         people::find_persons(conn, {person_ids.begin(), person_ids.end()}));
  std::map<std::int64_t, std::optional<std::string>> cuis;
  for (const auto& person : persons) cuis[person.id] = person.cui;
  std::map<std::int64_t, std::string> names;
  for (auto& m : out) {
    m.cui = cuis[m.person_id];
    auto it = names.find(m.centre_id);
    if (it == names.end()) {
      INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, m.centre_id));
      it = names.emplace(m.centre_id, centre.name).first;
    }
    m.centre_name = it->second;
  }
  const auto rank = [](const std::string& kind) {
    const auto& kinds = movement_kinds();
    return std::find(kinds.begin(), kinds.end(), kind) - kinds.begin();
  };
  std::stable_sort(out.begin(), out.end(), [&](const Movement& a, const Movement& b) {
    if (a.day != b.day) return a.day < b.day;
    if (a.person_id != b.person_id) return a.person_id < b.person_id;
    return rank(a.movement) < rank(b.movement);
  });
  return out;
}

}  // namespace innet::reception::overview
