// The legal clock (decision 0040), every due date checked by hand against a calendar: the
// comment beside each case counts the days.
#include "procedures/legal_clock.h"

#include <gtest/gtest.h>

#include "procedures/terms.h"

namespace innet::procedures {
namespace {

CivilDay day(std::string_view text) {
  auto parsed = CivilDay::parse(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(kEarliestDay);
}

const HolidayCalendar kPalermo{kPalermoPatronFeast};

ClockInput days_from(const char* start, std::int64_t amount) {
  return {.started_on = day(start), .amount = amount};
}

std::string due_of(const ClockInput& in, const char* today) {
  auto c = legal_clock(in, day(today), kPalermo);
  return c.due ? c.due->to_string() : "none";
}

// The reunification nulla osta's two rules (art. 29 c.8 d.lgs. 286/1998): 90 days, 150 for
// applications filed from 11 December 2024 (L. 187/2024, in force the day after its publication
// in GU n. 289 of 10 December 2024).
const std::vector<TermRule> kReunification = {
    {.applies_from = day("2024-12-11"), .amount = 150, .legal_reference = "L. 187/2024"},
    {.applies_from = kEarliestDay, .amount = 90, .legal_reference = "art. 29 c.8 TUI"},
};

TEST(LegalClock, FiledBeforeTheChangeKeepsNinetyDays) {
  auto rule = rule_in_force(kReunification, kDecisionTerm, day("2024-12-10"));
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->amount, 90);
  // Tue 10 Dec 2024 + 90: 21 days to 31 Dec, +31 Jan = 52, +28 Feb = 80, 10 Mar = 90: Monday.
  EXPECT_EQ(due_of(days_from("2024-12-10", rule->amount), "2025-01-01"), "2025-03-10");
}

TEST(LegalClock, FiledFromTheChangeGetsOneHundredFiftyDaysAndTheSaturdaySetting) {
  auto rule = rule_in_force(kReunification, kDecisionTerm, day("2024-12-11"));
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->amount, 150);
  // Wed 11 Dec 2024 + 150: 20 to 31 Dec, 51 to 31 Jan, 79 to 28 Feb, 110 to 31 Mar, 140 to 30 Apr,
  // 10 May = 150: a Saturday. It stays there unless the rule moves Saturdays (then Mon 12 May).
  auto in = days_from("2024-12-11", rule->amount);
  EXPECT_EQ(due_of(in, "2025-01-01"), "2025-05-10");
  in.saturday = SaturdayDeadline::moves;
  EXPECT_EQ(due_of(in, "2025-01-01"), "2025-05-12");
}

TEST(LegalClock, NoRuleBeforeTheFirstOne) {
  const std::vector<TermRule> only_new = {{.applies_from = day("2025-10-04"), .amount = 15}};
  EXPECT_FALSE(rule_in_force(only_new, kDecisionTerm, day("2025-10-03")));
  EXPECT_FALSE(rule_in_force(only_new, "employer_confirmation", day("2025-10-05")));
  EXPECT_TRUE(rule_in_force(only_new, kDecisionTerm, day("2025-10-04")));
}

TEST(LegalClock, AnEndOnEasterMondayMovesToTuesday) {
  // Thu 5 Feb 2026 + 60: 23 to 28 Feb, 54 to 31 Mar, 6 Apr = 60: Easter Monday 2026 -> Tue 7 Apr.
  EXPECT_EQ(due_of(days_from("2026-02-05", 60), "2026-02-06"), "2026-04-07");
}

TEST(LegalClock, AnEndOnSantaRosaliaMovesToTheNextDay) {
  // Sat 16 May 2026 + 60: 15 to 31 May, 45 to 30 Jun, 15 Jul = 60: Wednesday, Palermo's patron
  // saint -> Thu 16 Jul. Milan's calendar keeps 15 July.
  EXPECT_EQ(due_of(days_from("2026-05-16", 60), "2026-05-20"), "2026-07-16");
  const HolidayCalendar milan{std::chrono::December / 7};
  EXPECT_EQ(legal_clock(days_from("2026-05-16", 60), day("2026-05-20"), milan).due->to_string(),
            "2026-07-15");
}

TEST(LegalClock, ASuspensionLengthensTheTermByItsDays) {
  // Mon 2 Mar 2026 + 60 = Fri 1 May (a holiday) -> Sat 2 May (Saturdays stay).
  auto in = days_from("2026-03-02", 60);
  EXPECT_EQ(due_of(in, "2026-03-05"), "2026-05-02");
  // Suspended from 10 to 20 Mar: 10 days, so + 70 = Mon 11 May.
  in.suspensions = {{day("2026-03-10"), day("2026-03-20")}};
  auto c = legal_clock(in, day("2026-03-25"), kPalermo);
  EXPECT_EQ(c.due->to_string(), "2026-05-11");
  EXPECT_EQ(c.suspended_days, 10);
  EXPECT_EQ(c.state, ClockState::running);
  EXPECT_EQ(c.days_left, 47);  // 25 Mar -> 31 Mar 6, -> 30 Apr 36, -> 11 May 47
}

TEST(LegalClock, AnOpenSuspensionFreezesTheDaysLeft) {
  // Open since Tue 10 Mar; on 15 Mar 5 days are suspended: + 65 = Wed 6 May, 52 days left, which
  // is what was left on 10 Mar (10 Mar -> 1 May: 52), and on 20 Mar still 52.
  auto in = days_from("2026-03-02", 60);
  in.suspensions = {{day("2026-03-10"), std::nullopt}};
  auto on_15 = legal_clock(in, day("2026-03-15"), kPalermo);
  EXPECT_EQ(on_15.state, ClockState::suspended);
  EXPECT_EQ(on_15.due->to_string(), "2026-05-06");
  EXPECT_EQ(on_15.days_left, 52);
  EXPECT_EQ(on_15.suspended_days, 5);
  EXPECT_EQ(legal_clock(in, day("2026-03-20"), kPalermo).days_left, 52);
}

TEST(LegalClock, ASuspensionStopsTheTermForThirtyDaysAtMost) {
  // 10 Mar -> 1 May is 52 days, but art. 2 c.7 L. 241/1990 stops the term for 30: + 90 from
  // 2 Mar = Sun 31 May -> Mon 1 Jun. Still open on 15 Apr (36 days in), the term runs again.
  auto in = days_from("2026-03-02", 60);
  in.suspensions = {{day("2026-03-10"), day("2026-05-01")}};
  EXPECT_EQ(due_of(in, "2026-05-05"), "2026-06-01");
  in.suspensions = {{day("2026-03-10"), std::nullopt}};
  auto open = legal_clock(in, day("2026-04-15"), kPalermo);
  EXPECT_EQ(open.state, ClockState::running);
  EXPECT_EQ(open.due->to_string(), "2026-06-01");
  // A procedure whose rules allow 60 days of suspension counts all 52.
  in.suspensions = {{day("2026-03-10"), day("2026-05-01")}};
  in.max_suspension_days = 60;
  // 60 + 52 = 112 from 2 Mar: 29 to 31 Mar, 59 to 30 Apr, 90 to 31 May, 22 Jun = 112 (Monday).
  EXPECT_EQ(due_of(in, "2026-05-05"), "2026-06-22");
}

TEST(LegalClock, WorkingDaysSkipEasterMonday) {
  // From Thu 2 Apr 2026, 5 working days: Fri 3 (1), Mon 6 is Easter Monday, Tue 7 (2), 8 (3),
  // 9 (4), Fri 10 Apr (5).
  ClockInput in{.started_on = day("2026-04-02"), .amount = 5, .counting = Counting::working};
  EXPECT_EQ(due_of(in, "2026-04-02"), "2026-04-10");
  // Suspended Tue 7 and Wed 8 (2 working days): Mon 13 and Tue 14 Apr.
  in.suspensions = {{day("2026-04-07"), day("2026-04-09")}};
  EXPECT_EQ(due_of(in, "2026-04-09"), "2026-04-14");
}

TEST(LegalClock, MonthsEndOnTheSameDayOrTheMonthsLast) {
  // Citizenship: 24 months from Fri 28 Feb 2025 = Sun 28 Feb 2027 -> Mon 1 Mar 2027.
  ClockInput in{.started_on = day("2025-02-28"), .amount = 24, .counting = Counting::months};
  EXPECT_EQ(due_of(in, "2025-03-01"), "2027-03-01");
  EXPECT_EQ(add_months(day("2026-01-31"), 1).to_string(), "2026-02-28");
  EXPECT_EQ(add_months(day("2027-12-31"), 2).to_string(), "2028-02-29");
}

TEST(LegalClock, StatesAsTheDueDateNears) {
  // Due Mon 11 May 2026 (2 Mar + 70 calendar days, no holiday on the way to it).
  auto in = days_from("2026-03-02", 70);
  auto on = [&](const char* today) { return legal_clock(in, day(today), kPalermo); };
  EXPECT_EQ(on("2026-04-30").state, ClockState::running);   // 11 left
  EXPECT_EQ(on("2026-05-01").state, ClockState::due_soon);  // 10 left
  EXPECT_EQ(on("2026-05-11").state, ClockState::due_soon);  // 0 left: the last day
  EXPECT_EQ(on("2026-05-11").days_left, 0);
  EXPECT_EQ(on("2026-05-12").state, ClockState::overdue);
  EXPECT_EQ(on("2026-05-12").days_left, -1);
  // Closed on 5 May: the days left are those on the closing day, for good.
  in.closed_on = day("2026-05-05");
  auto closed = on("2026-06-30");
  EXPECT_EQ(closed.state, ClockState::closed);
  EXPECT_EQ(closed.days_left, 6);
}

TEST(LegalClock, NotStartedUntilTheStartEvent) {
  // A work entry application not yet charged to the quota: no due date.
  ClockInput in{.amount = 60};
  auto c = legal_clock(in, day("2026-03-01"), kPalermo);
  EXPECT_EQ(c.state, ClockState::not_started);
  EXPECT_FALSE(c.due);
  in.closed_on = day("2026-03-01");
  EXPECT_EQ(legal_clock(in, day("2026-03-02"), kPalermo).state, ClockState::closed);
}

TEST(LegalClock, NamesRoundTrip) {
  for (const auto& s : clock_states()) EXPECT_EQ(to_string(*parse_clock_state(s)), s);
  for (const auto& c : countings()) EXPECT_EQ(to_string(*parse_counting(c)), c);
  EXPECT_FALSE(parse_clock_state("late"));
}

}  // namespace
}  // namespace innet::procedures
