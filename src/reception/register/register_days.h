// The register's arithmetic, with no database: which absence entries are in effect, who is
// present on each day of a period, and the digest and hash that make the register
// tamper-evident. Shared by the storage functions, the overview and the tamper check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "reception/placements/placements.h"
#include "reception/register/register.h"

namespace innet::reception {

// The absences in effect among `entries`: neither withdrawals nor withdrawn.
std::vector<Absence> effective_absences(const std::vector<Absence>& entries);

// The guests of one day, as indices into the placements and absences that were laid out.
struct DayGuests {
  std::vector<std::size_t> guests;                   // placements covering the day, by person id
  std::vector<std::optional<std::size_t>> absences;  // per guest: its effective absence, if any
  std::int64_t absent() const;
  std::int64_t present() const { return static_cast<std::int64_t>(guests.size()) - absent(); }
};

// The days [from, from + days), index i being from + i. Work is proportional to the
// presence-days of the period, not to days x placements. An absence of someone who is not a
// guest that day is ignored: presence derives from placements.
std::vector<DayGuests> lay_out(CivilDay from, std::int64_t days,
                               const std::vector<Placement>& placements,
                               const std::vector<Absence>& effective);

// The digest of a day: the sorted ids of the present, and the sorted ids of the absent with
// their reasons. Unkeyed: it is sealed by the keyed hash of the confirmation that stores it.
std::string day_digest(std::int64_t centre_id, CivilDay day, const DayGuests& g,
                       const std::vector<Placement>& placements,
                       const std::vector<Absence>& effective);

// The keyed hash that links a confirmation after c.prev_hash in its centre's chain.
std::string confirmation_hash(const std::string& key, const Confirmation& c);

}  // namespace innet::reception
