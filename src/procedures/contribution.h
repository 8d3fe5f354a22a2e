// The temporary protection contribution (OCDPC 881/2022; issue 13 point 5; decision 0042): a
// monthly sum per adult and per child for at most three months from the permit application, only
// for the days the person lives in autonomous accommodation (not in a reception placement). A pure
// function of the family, the application day, the placements and the dated settings, month by
// month and person by person, each line explained.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_day.h"

namespace innet::procedures {

// The amounts and the cap, as dated settings: an application follows the latest setting whose
// applies_from is not after its day (as the terms do, decision 0040).
struct ContributionSetting {
  CivilDay applies_from = kEarliestDay;
  std::int64_t adult_cents_per_month = 30000;
  std::int64_t child_cents_per_month = 15000;
  std::int64_t max_months = 3;
  CivilDay protection_ends = kLatestDay;  // the last day of temporary protection
  std::string legal_reference;            // the act that sets it (an ordinance, a decision)
};
// OCDPC 881/2022: EUR 300 / 150 for 3 months; protection to 4 March 2027 (EU Decision 2025/1460).
std::vector<ContributionSetting> default_contribution_settings();
std::optional<ContributionSetting> setting_in_force(
    const std::vector<ContributionSetting>& settings, CivilDay application_day);

// A stay in reception, from reception's placements: [start, end) - the exit day is spent outside.
struct ReceptionSpan {
  CivilDay start;
  std::optional<CivilDay> end;  // none: open
};

struct FamilyMember {
  std::int64_t person_id = 0;
  std::optional<CivilDay> birth_date;  // none: counted as an adult, and the line says so
  std::vector<ReceptionSpan> placements;
};

inline constexpr std::int64_t kAdultAge = 18;

// One person's contribution month: [from, to] inclusive, its length, how its days went, the
// amount (cents, half up) and the reasons (machine codes for the web).
struct ContributionLine {
  std::int64_t person_id = 0;
  std::int64_t month = 0;  // 1, 2, 3
  CivilDay from = kEarliestDay;
  CivilDay to = kEarliestDay;
  std::int64_t days_in_month = 0;
  std::int64_t adult_days = 0;             // autonomous days as an adult (paid)
  std::int64_t child_days = 0;             // autonomous days as a child (paid)
  std::int64_t reception_days = 0;         // days in a reception placement (not paid)
  std::int64_t after_protection_days = 0;  // days after the protection's end (not paid)
  std::int64_t amount_cents = 0;
  std::vector<std::string> notes;
};

struct ContributionResult {
  CivilDay period_from = kEarliestDay;
  CivilDay period_to = kEarliestDay;  // inclusive: the day before application + max_months
  ContributionSetting setting;
  std::vector<ContributionLine> lines;
  std::int64_t total_cents = 0;
};

// The contribution months run from the application day: month 1 is [application, same day of the
// next month), and so on (add_months: the 31st gives the month's last day). In each, a person gets
// rate x paid days / days of that month, the child rate on the days before their 18th birthday and
// the adult rate from it, rounded once a line to the cent (half up). No setting in force: none.
std::optional<ContributionResult> temporary_protection_contribution(
    const std::vector<FamilyMember>& family, CivilDay application_day,
    const std::vector<ContributionSetting>& settings);

}  // namespace innet::procedures
