#include "reception/register/register_days.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/crypto.h"

namespace innet::reception {

std::vector<Absence> effective_absences(const std::vector<Absence>& entries) {
  std::set<std::int64_t> withdrawn;
  for (const auto& e : entries)
    if (e.withdraws_id) withdrawn.insert(*e.withdraws_id);
  std::vector<Absence> out;
  for (const auto& e : entries)
    if (!e.withdraws_id && !withdrawn.count(e.id)) out.push_back(e);
  return out;
}

std::int64_t DayGuests::absent() const {
  return std::count_if(absences.begin(), absences.end(),
                       [](const auto& a) { return a.has_value(); });
}

std::vector<DayGuests> lay_out(CivilDay from, std::int64_t days,
                               const std::vector<Placement>& placements,
                               const std::vector<Absence>& effective) {
  const auto n = static_cast<std::size_t>(std::max<std::int64_t>(days, 0));
  std::vector<DayGuests> out(n);
  // Dates are compared as indices: parsing each date once beats comparing strings per day.
  // Stored days are valid (parsed on their way in); one that is not falls outside the period.
  auto index = [from, days](const std::string& date) {
    const auto day = CivilDay::parse(date);
    return day ? from.days_until(*day) : days;
  };
  for (std::size_t p = 0; p < placements.size(); ++p) {
    const auto& pl = placements[p];
    const auto first = std::max<std::int64_t>(index(pl.start_date), 0);
    const auto end = pl.end_date ? std::min<std::int64_t>(index(*pl.end_date), days) : days;
    for (auto i = first; i < end; ++i) out[static_cast<std::size_t>(i)].guests.push_back(p);
  }
  // Per day, the absent sorted by person id, merged with the guests sorted the same way.
  std::vector<std::vector<std::pair<std::int64_t, std::size_t>>> absent(n);
  for (std::size_t a = 0; a < effective.size(); ++a) {
    const auto i = index(effective[a].day);
    if (i >= 0 && i < days)
      absent[static_cast<std::size_t>(i)].emplace_back(effective[a].person_id, a);
  }
  for (std::size_t d = 0; d < n; ++d) {
    auto& day = out[d];
    std::sort(day.guests.begin(), day.guests.end(), [&placements](std::size_t a, std::size_t b) {
      return placements[a].person_id < placements[b].person_id;
    });
    std::sort(absent[d].begin(), absent[d].end());
    day.absences.assign(day.guests.size(), std::nullopt);
    std::size_t k = 0;
    for (std::size_t g = 0; g < day.guests.size() && k < absent[d].size(); ++g) {
      const auto person = placements[day.guests[g]].person_id;
      while (k < absent[d].size() && absent[d][k].first < person) ++k;
      if (k < absent[d].size() && absent[d][k].first == person)
        day.absences[g] = absent[d][k].second;
    }
  }
  return out;
}

std::string day_digest(std::int64_t centre_id, CivilDay day, const DayGuests& g,
                       const std::vector<Placement>& placements,
                       const std::vector<Absence>& effective) {
  std::string present = "present=";
  std::string absent = ";absent=";
  for (std::size_t i = 0; i < g.guests.size(); ++i) {
    const auto person = std::to_string(placements[g.guests[i]].person_id);
    if (g.absences[i])
      absent += person + ':' + effective[*g.absences[i]].reason + ',';
    else
      present += person + ',';
  }
  // The version prefix lets a later digest format coexist with confirmations made under this one.
  return crypto::token_hash_hex("register-day-v1;centre=" + std::to_string(centre_id) +
                                ";day=" + day.to_string() + ';' + present + absent);
}

std::string confirmation_hash(const std::string& key, const Confirmation& c) {
  // Length-prefixed fields, so that no two different confirmations serialise alike.
  std::string text;
  auto add = [&text](const std::string& v) {
    text += std::to_string(v.size());
    text += ':';
    text += v;
    text += ';';
  };
  add(c.prev_hash);
  add(std::to_string(c.centre_id));
  add(c.day);
  add(std::to_string(c.seq));
  add(std::to_string(c.present));
  add(std::to_string(c.absent));
  add(c.digest);
  add(c.corrects_id ? std::to_string(*c.corrects_id) : "");
  add(std::to_string(c.absences_through));
  add(c.note ? "+" + *c.note : "");  // "+" tells an empty note from none
  add(std::to_string(c.confirmed_by));
  add(c.confirmed_at);
  return crypto::keyed_hash_hex(key, text);
}

}  // namespace innet::reception
