// The temporary protection contribution (OCDPC 881/2022; decision 0042): every month's days and
// amounts counted by hand in the comment beside the case.
#include "procedures/contribution.h"

#include <gtest/gtest.h>

namespace innet::procedures {
namespace {

CivilDay day(std::string_view text) {
  auto parsed = CivilDay::parse(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(kEarliestDay);
}

const std::vector<ContributionSetting> kSettings = default_contribution_settings();

std::vector<const ContributionLine*> of_person(const ContributionResult& r, std::int64_t person) {
  std::vector<const ContributionLine*> out;
  for (const auto& l : r.lines)
    if (l.person_id == person) out.push_back(&l);
  return out;
}

TEST(Contribution, AnAdultOnHerOwnGetsThreeFullMonths) {
  // Applied 10 Mar 2025: months 10 Mar-9 Apr (31 days), 10 Apr-9 May (30), 10 May-9 Jun (31).
  auto r = temporary_protection_contribution({{.person_id = 1, .birth_date = day("1980-06-01")}},
                                             day("2025-03-10"), kSettings);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->period_to, day("2025-06-09"));
  ASSERT_EQ(r->lines.size(), 3u);
  EXPECT_EQ(r->lines[0].to, day("2025-04-09"));
  EXPECT_EQ(r->lines[0].days_in_month, 31);
  EXPECT_EQ(r->lines[1].days_in_month, 30);
  EXPECT_EQ(r->lines[2].days_in_month, 31);
  for (const auto& l : r->lines) {
    EXPECT_EQ(l.amount_cents, 30000);
    EXPECT_EQ(l.notes, std::vector<std::string>{"adult_rate"});
  }
  EXPECT_EQ(r->total_cents, 90000);
}

TEST(Contribution, AFamilyLeavingACentreMidMonthIsPaidFromTheExitDay) {
  // Applied 1 Apr 2025; mother and son in a CAS from 20 Mar, exit on 16 Apr (the exit day is
  // spent outside). April (30 days): in reception 1-15 Apr (15 days), autonomous 16-30 (15 days):
  // mother 300 x 15/30 = 150.00, son 150 x 15/30 = 75.00. May and June in full: 300 and 150 each.
  // Mother 150 + 300 + 300 = 750; son 75 + 150 + 150 = 375; family 1,125.00.
  const std::vector<ReceptionSpan> cas = {{.start = day("2025-03-20"), .end = day("2025-04-16")}};
  auto r = temporary_protection_contribution(
      {{.person_id = 1, .birth_date = day("1985-05-05"), .placements = cas},
       {.person_id = 2, .birth_date = day("2015-02-10"), .placements = cas}},
      day("2025-04-01"), kSettings);
  ASSERT_TRUE(r);
  auto mother = of_person(*r, 1);
  auto son = of_person(*r, 2);
  ASSERT_EQ(mother.size(), 3u);
  EXPECT_EQ(mother[0]->reception_days, 15);
  EXPECT_EQ(mother[0]->adult_days, 15);
  EXPECT_EQ(mother[0]->amount_cents, 15000);
  EXPECT_EQ(mother[0]->notes, (std::vector<std::string>{"adult_rate", "partly_in_reception"}));
  EXPECT_EQ(son[0]->child_days, 15);
  EXPECT_EQ(son[0]->amount_cents, 7500);
  EXPECT_EQ(son[0]->notes, (std::vector<std::string>{"child_rate", "partly_in_reception"}));
  EXPECT_EQ(mother[1]->from, day("2025-05-01"));
  EXPECT_EQ(mother[1]->amount_cents, 30000);
  EXPECT_EQ(son[2]->amount_cents, 15000);
  EXPECT_EQ(r->total_cents, 112500);
}

TEST(Contribution, AChildTurningEighteenIsPaidAsAnAdultFromTheBirthday) {
  // Applied 15 Jan 2025, born 20 Feb 2007: 18 on 20 Feb 2025.
  // Month 1, 15 Jan-14 Feb (31 days), a child throughout: 150.00.
  // Month 2, 15 Feb-14 Mar (28 days): child 15-19 Feb (5), adult 20 Feb-14 Mar (9 + 14 = 23):
  // (150 x 5 + 300 x 23) / 28 = (750 + 6900) / 28 = 273.2142... = 273.21.
  // Month 3, 15 Mar-14 Apr (31 days), an adult: 300.00. Total 723.21.
  auto r = temporary_protection_contribution({{.person_id = 7, .birth_date = day("2007-02-20")}},
                                             day("2025-01-15"), kSettings);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->lines.size(), 3u);
  EXPECT_EQ(r->lines[0].amount_cents, 15000);
  EXPECT_EQ(r->lines[1].days_in_month, 28);
  EXPECT_EQ(r->lines[1].child_days, 5);
  EXPECT_EQ(r->lines[1].adult_days, 23);
  EXPECT_EQ(r->lines[1].amount_cents, 27321);
  EXPECT_EQ(r->lines[1].notes, std::vector<std::string>{"turns_18"});
  EXPECT_EQ(r->lines[2].amount_cents, 30000);
  EXPECT_EQ(r->total_cents, 72321);
}

TEST(Contribution, AnOpenPlacementGetsNothing) {
  // In a centre since before the application and still there: 0 every month.
  auto r = temporary_protection_contribution({{.person_id = 3,
                                               .birth_date = day("1990-01-01"),
                                               .placements = {{.start = day("2025-02-01")}}}},
                                             day("2025-03-01"), kSettings);
  ASSERT_TRUE(r);
  for (const auto& l : r->lines) {
    EXPECT_EQ(l.amount_cents, 0);
    EXPECT_EQ(l.reception_days, l.days_in_month);
    EXPECT_EQ(l.notes, std::vector<std::string>{"in_reception"});
  }
  EXPECT_EQ(r->total_cents, 0);
}

TEST(Contribution, NothingAfterTheEndOfTemporaryProtection) {
  // Applied 20 Jan 2027; protection ends 4 Mar 2027. Month 1, 20 Jan-19 Feb (31 days): 300.00.
  // Month 2, 20 Feb-19 Mar (28 days): paid 20-28 Feb (9) and 1-4 Mar (4) = 13, 15 after the end:
  // 300 x 13 / 28 = 139.2857... = 139.29. Month 3, 20 Mar-19 Apr: nothing.
  auto r = temporary_protection_contribution({{.person_id = 4, .birth_date = day("1970-01-01")}},
                                             day("2027-01-20"), kSettings);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->lines[0].amount_cents, 30000);
  EXPECT_EQ(r->lines[1].adult_days, 13);
  EXPECT_EQ(r->lines[1].after_protection_days, 15);
  EXPECT_EQ(r->lines[1].amount_cents, 13929);
  EXPECT_EQ(r->lines[2].amount_cents, 0);
  EXPECT_EQ(r->lines[2].notes, std::vector<std::string>{"after_protection_end"});
}

TEST(Contribution, TheSettingOfTheApplicationDayApplies) {
  // A new setting from 1 Jan 2026 (350 / 175, 2 months): an application of 31 Dec 2025 keeps
  // 300 for 3 months; one of 1 Jan 2026 gets 350 for 2. Before 4 Mar 2022 there is none.
  auto settings = kSettings;
  settings.push_back({.applies_from = day("2026-01-01"),
                      .adult_cents_per_month = 35000,
                      .child_cents_per_month = 17500,
                      .max_months = 2,
                      .protection_ends = day("2027-03-04")});
  const std::vector<FamilyMember> one = {{.person_id = 1, .birth_date = day("1980-01-01")}};
  auto old_rule = temporary_protection_contribution(one, day("2025-12-31"), settings);
  ASSERT_TRUE(old_rule);
  EXPECT_EQ(old_rule->total_cents, 90000);
  auto new_rule = temporary_protection_contribution(one, day("2026-01-01"), settings);
  ASSERT_TRUE(new_rule);
  EXPECT_EQ(new_rule->lines.size(), 2u);
  EXPECT_EQ(new_rule->total_cents, 70000);
  EXPECT_FALSE(temporary_protection_contribution(one, day("2022-03-03"), settings));
}

TEST(Contribution, UnknownBirthDateCountsAsAnAdultAndSaysSo) {
  auto r = temporary_protection_contribution({{.person_id = 9}}, day("2025-03-10"), kSettings);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->lines[0].amount_cents, 30000);
  EXPECT_EQ(r->lines[0].notes,
            (std::vector<std::string>{"birth_date_unknown_adult_rate", "adult_rate"}));
}

TEST(Contribution, BornOnTheTwentyNinthOfFebruary) {
  // Born 29 Feb 2008: 18 on 1 Mar 2026 (2026 has no 29 Feb). Applied 1 Feb 2026: February (28
  // days) as a child: 150.00; March from the 1st as an adult: 300.00.
  auto r = temporary_protection_contribution({{.person_id = 5, .birth_date = day("2008-02-29")}},
                                             day("2026-02-01"), kSettings);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->lines[0].child_days, 28);
  EXPECT_EQ(r->lines[0].amount_cents, 15000);
  EXPECT_EQ(r->lines[1].adult_days, 31);
  EXPECT_EQ(r->lines[1].amount_cents, 30000);
}

}  // namespace
}  // namespace innet::procedures
