#include "procedures/contribution.h"

#include <chrono>

#include "procedures/legal_clock.h"

namespace innet::procedures {
namespace {

bool in_reception(const std::vector<ReceptionSpan>& spans, CivilDay day) {
  for (const auto& s : spans)
    if (s.start <= day && (!s.end || day < *s.end)) return true;
  return false;
}

// The day a person born on `birth` turns `years` (29 February: 1 March in common years, as
// add_months would otherwise give 28 February; Italian practice counts the day after).
CivilDay birthday(CivilDay birth, std::int64_t years) {
  auto day = add_months(birth, years * 12);
  const auto ymd = birth.year_month_day();
  if (ymd.month() == std::chrono::February && ymd.day() == std::chrono::day{29} &&
      !day.year_month_day().year().is_leap())
    day = day.plus_days(1);
  return day;
}

}  // namespace

std::vector<ContributionSetting> default_contribution_settings() {
  return {{.applies_from = CivilDay(std::chrono::year{2022} / 3 / 4),
           .adult_cents_per_month = 30000,
           .child_cents_per_month = 15000,
           .max_months = 3,
           .protection_ends = CivilDay(std::chrono::year{2027} / 3 / 4),
           .legal_reference = "OCDPC 881/2022; EU Decision 2025/1460"}};
}

std::optional<ContributionSetting> setting_in_force(
    const std::vector<ContributionSetting>& settings, CivilDay application_day) {
  std::optional<ContributionSetting> best;
  for (const auto& s : settings)
    if (s.applies_from <= application_day && (!best || s.applies_from > best->applies_from))
      best = s;
  return best;
}

std::optional<ContributionResult> temporary_protection_contribution(
    const std::vector<FamilyMember>& family, CivilDay application_day,
    const std::vector<ContributionSetting>& settings) {
  auto setting = setting_in_force(settings, application_day);
  if (!setting) return std::nullopt;
  ContributionResult out;
  out.setting = *setting;
  out.period_from = application_day;
  out.period_to = add_months(application_day, setting->max_months).plus_days(-1);

  for (const auto& member : family) {
    const std::optional<CivilDay> adult_from =
        member.birth_date ? std::optional(birthday(*member.birth_date, kAdultAge)) : std::nullopt;
    for (std::int64_t m = 1; m <= setting->max_months; ++m) {
      ContributionLine line{.person_id = member.person_id, .month = m};
      line.from = add_months(application_day, m - 1);
      line.to = add_months(application_day, m).plus_days(-1);
      line.days_in_month = line.from.days_until(line.to) + 1;
      for (auto d = line.from; d <= line.to; d = d.plus_days(1)) {
        if (d > setting->protection_ends)
          ++line.after_protection_days;
        else if (in_reception(member.placements, d))
          ++line.reception_days;
        else if (adult_from && d < *adult_from)
          ++line.child_days;
        else
          ++line.adult_days;
      }
      // Half up, once a line: (a x adult_days + c x child_days) / days, in cents.
      const auto numerator = setting->adult_cents_per_month * line.adult_days +
                             setting->child_cents_per_month * line.child_days;
      line.amount_cents = (2 * numerator + line.days_in_month) / (2 * line.days_in_month);
      if (!member.birth_date) line.notes.push_back("birth_date_unknown_adult_rate");
      if (line.child_days > 0 && line.adult_days > 0)
        line.notes.push_back("turns_18");
      else if (line.child_days > 0)
        line.notes.push_back("child_rate");
      else if (line.adult_days > 0)
        line.notes.push_back("adult_rate");
      if (line.reception_days == line.days_in_month)
        line.notes.push_back("in_reception");
      else if (line.reception_days > 0)
        line.notes.push_back("partly_in_reception");
      if (line.after_protection_days > 0) line.notes.push_back("after_protection_end");
      out.total_cents += line.amount_cents;
      out.lines.push_back(std::move(line));
    }
  }
  return out;
}

}  // namespace innet::procedures
