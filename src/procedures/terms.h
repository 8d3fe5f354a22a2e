// A procedure's legal terms as dated rules (decision 0040): a change of law adds a rule with the
// day it applies from, and a file follows the rule in force on the day it was filed, so files
// filed before the change keep the old term (the family reunification nulla osta: 90 days, then
// 150 for applications filed from 11 December 2024, L. 187/2024).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_day.h"
#include "core/working_days.h"
#include "procedures/legal_clock.h"

namespace innet::procedures {

// The term a file's clock shows: the administration's decision. Other terms (the employer's
// confirmation, the family member's visit to the SUI after entry) are the parties' and are
// listed in the catalogue.
inline constexpr const char* kDecisionTerm = "decision";

// What the term runs from: the application's filing, or another event the file records (the day
// a work entry application is charged to the quota, the day of entry, the signature).
const std::vector<std::string>& start_events();  // filed, quota_charged, entry, signature

struct TermRule {
  std::int64_t id = 0;
  std::string term = kDecisionTerm;
  CivilDay applies_from = kEarliestDay;  // files filed on or after this day
  std::int64_t amount = 0;
  Counting counting = Counting::calendar;
  SaturdayDeadline saturday = SaturdayDeadline::stays;
  std::string start_event = "filed";
  bool silent_consent = false;  // the term's end without an answer is consent
  std::string legal_reference;
};

// The rule of `term` in force for a file filed on `filed_on`: the latest whose applies_from is
// not after it; none when the term had no rule yet.
std::optional<TermRule> rule_in_force(const std::vector<TermRule>& rules, const std::string& term,
                                      CivilDay filed_on);

const std::string& to_string(SaturdayDeadline saturday);  // "stays", "moves"
std::optional<SaturdayDeadline> parse_saturday(const std::string& text);

}  // namespace innet::procedures
