// The bottleneck figures on both engines (decision 0044), on files whose every figure is counted
// by hand below: a file filed before the period, closed files (one before the period), two
// suspended ones (one suspended after its term had run out), stays of an even and an odd count.
#include <gtest/gtest.h>

#include "procedures/analytics.h"

#include "app/modules.h"
#include "auth/policy.h"
#include "procedures/catalogue.h"
#include "procedures/files.h"
#include "procedures/fixture.h"

namespace innet::procedures {
namespace {

CivilDay day(std::string_view text) {
  return CivilDay::parse(text).value_or(kEarliestDay);
}

const CivilDay kToday = day("2025-06-30");

TEST(AnalyticsPolicy, TheSuiThePrefetturaAndAnalystsReadOnlyTheFileReadersSmallGroups) {
  const auto& policy = app::policy();
  for (const auto& name : auth::role_names()) {
    auth::Actor a;
    a.role = *auth::parse_role(name);
    const bool reads_files = name == "sui_officer" || name == "prefecture_officer";
    EXPECT_EQ(policy.allows(a, "procedure_analytics.read"), reads_files || name == "analyst")
        << name;
    EXPECT_EQ(policy.allows(a, "procedure_analytics.small_groups"), reads_files) << name;
  }
}

TEST(AnalyticsPercentile, NearestRankOnAHistogram) {
  using H = std::vector<std::pair<std::int64_t, std::int64_t>>;
  EXPECT_EQ(percentile(H{}, 0.5), std::nullopt);
  EXPECT_EQ(percentile(H{{7, 1}}, 0.5), 7);
  EXPECT_EQ(percentile(H{{7, 1}}, 0.9), 7);
  // 1 2 2 9: the median is the 2nd (the lower middle), the p90 the 4th.
  EXPECT_EQ(percentile(H{{1, 1}, {2, 2}, {9, 1}}, 0.5), 2);
  EXPECT_EQ(percentile(H{{1, 1}, {2, 2}, {9, 1}}, 0.9), 9);
  // Ten stays 1..10: the median is the 5th, the p90 the 9th.
  H ten;
  for (std::int64_t d = 1; d <= 10; ++d) ten.emplace_back(d, 1);
  EXPECT_EQ(percentile(ten, 0.5), 5);
  EXPECT_EQ(percentile(ten, 0.9), 9);
}

TEST(AnalyticsTrend, MonthEndsAndThePeriodsEnd) {
  auto points = trend_points(day("2025-01-15"), day("2025-04-10"));
  std::vector<std::string> text;
  for (auto p : points) text.push_back(p.to_string());
  EXPECT_EQ(text,
            (std::vector<std::string>{"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-10"}));
  EXPECT_EQ(trend_points(day("2025-03-31"), day("2025-03-31")).size(), 1u);
}

class AnalyticsTest : public storage_test::ProceduresFixture {
 protected:
  // A file filed on the first day, then through the steps on the days given.
  File file(const Procedure& p, const std::string& protocol, std::vector<std::string> days) {
    auto made = create_file(db(),
                            {.procedure_id = p.id,
                             .person_id = person(1),
                             .protocol_number = protocol,
                             .filed_on = days[0],
                             .created_by = user_},
                            p, kNow);
    EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().message);
    if (!made.ok()) return {};
    File f = *made;
    for (std::size_t i = 1; i < days.size(); ++i) {
      auto moved =
          advance(db(), f, p, {p.steps[i].code, days[i], std::nullopt, user_}, kToday, kNow);
      EXPECT_TRUE(moved.ok()) << protocol << " " << days[i];
      if (moved.ok()) f = *moved;
    }
    return f;
  }

  void suspend(File& f, const Procedure& p, const std::string& from, const std::string& to) {
    auto s = open_suspension(db(), f, p, {.started_on = from, .reason = "r", .opened_by = user_},
                             kToday, kNow);
    ASSERT_DB_OK(s);
    auto closed = close_suspension(db(), *s, p, to, user_, kToday, kNow);
    ASSERT_DB_OK(closed);
    f = *closed;
  }

  void withdraw(File& f, const Procedure& p, const std::string& on) {
    auto d = decide(db(), f, p, {"withdrawn", on, std::nullopt, user_}, kToday, kNow);
    ASSERT_DB_OK(d);
    f = *d;
  }

  // Permit conversion: 60 calendar days from filing, Saturdays stay; steps filed,
  // first_appointment, second_appointment, postal_kit, decision.
  void permit_files() {
    auto p = procedure("permit_conversion");
    // A: filed before the period; due 19 Jan 2025, a Sunday -> 20 Jan. Filed stay 51 days.
    file(p, "A", {"2024-11-20", "2025-01-10"});
    // B: due 8 Mar (a Saturday, stays). Stays 10 (filed) and 30 (first appointment).
    file(p, "B", {"2025-01-07", "2025-01-17", "2025-02-16"});
    // C: withdrawn on its first appointment: stays 20 and 20; open only at the end of February.
    auto c = file(p, "C", {"2025-02-03", "2025-02-23"});
    withdraw(c, p, "2025-03-15");
    // D: suspended 10 days on its first appointment (due 2 May + 10 = 12 May); stays 4 and 32,
    // the suspended days included.
    auto d = file(p, "D", {"2025-03-03", "2025-03-07"});
    suspend(d, p, "2025-03-10", "2025-03-20");
    ASSERT_DB_OK(advance(db(), d, p, {"second_appointment", "2025-04-08", std::nullopt, user_},
                         kToday, kNow));
    // E: filed and closed before the period: counted nowhere.
    auto e = file(p, "E", {"2024-06-01", "2024-06-10"});
    withdraw(e, p, "2024-07-01");
    // F: due 3 Mar, suspended on 10 Apr for 30 days when already past it: the stored due date is
    // now 2 Apr, but at the end of March F was past its term; in April it was suspended.
    auto f = file(p, "F", {"2025-01-02"});
    suspend(f, p, "2025-04-10", "2025-05-10");
    // G: due 19 Jul. Filed stay 7 days.
    file(p, "G", {"2025-05-20", "2025-05-27"});
    // H: withdrawn while filed: a filed stay of 16 days, open at no month's end.
    auto h = file(p, "H", {"2025-02-10"});
    withdraw(h, p, "2025-02-26");
  }

  const ProcedureFigures* of(const Analytics& a, const std::string& code) {
    for (const auto& p : a.procedures)
      if (p.code == code) return &p;
    return nullptr;
  }
  const StepFigures* step(const ProcedureFigures& p, const std::string& code) {
    for (const auto& s : p.steps)
      if (s.code == code) return &s;
    return nullptr;
  }
};

TEST_P(AnalyticsTest, StepsCountedByHand) {
  permit_files();
  ASSERT_FALSE(HasFatalFailure());
  auto a = compute_analytics(db(), {.from = day("2025-01-01"), .to = day("2025-06-30")}, kToday);
  ASSERT_DB_OK(a);
  EXPECT_EQ(a->procedures.size(), 7u);
  const auto* p = of(*a, "permit_conversion");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->steps.size(), 5u);
  EXPECT_EQ(p->steps[0].code, "filed");
  EXPECT_EQ(p->steps[0].office, "Sportello Unico per l'Immigrazione");

  const auto* filed = step(*p, "filed");
  EXPECT_EQ(filed->entered, 6);  // B C D F G H (A and E were filed in 2024)
  // Six stays, even: 4 7 10 16 20 51 -> the 3rd (lower middle) and the 6th.
  EXPECT_EQ(filed->stays, 6);
  EXPECT_EQ(filed->median_days, 10);
  EXPECT_EQ(filed->p90_days, 51);
  EXPECT_EQ(filed->backlog, 1);        // F
  EXPECT_EQ(filed->past_deadline, 1);  // F, due 2 Apr once its suspension ended

  const auto* first = step(*p, "first_appointment");
  EXPECT_EQ(first->entered, 5);  // A B C D G
  // Three stays, odd: 20 (C, ended by its withdrawal) 30 (B) 32 (D): the 2nd and the 3rd.
  EXPECT_EQ(first->stays, 3);
  EXPECT_EQ(first->median_days, 30);
  EXPECT_EQ(first->p90_days, 32);
  EXPECT_EQ(first->backlog, 2);        // A G
  EXPECT_EQ(first->past_deadline, 1);  // A

  const auto* second = step(*p, "second_appointment");
  EXPECT_EQ(second->entered, 2);  // B D
  EXPECT_EQ(second->stays, 0);
  EXPECT_EQ(second->median_days, std::nullopt);
  EXPECT_EQ(second->backlog, 2);
  EXPECT_EQ(second->past_deadline, 2);
  EXPECT_EQ(step(*p, "decision")->entered, 0);

  // Another procedure's steps are all zero.
  const auto* other = of(*a, "citizenship");
  ASSERT_NE(other, nullptr);
  for (const auto& s : other->steps) {
    EXPECT_EQ(s.entered, 0);
    EXPECT_EQ(s.backlog, 0);
  }
}

TEST_P(AnalyticsTest, TheTrendFollowsTheHistoryAsItStood) {
  permit_files();
  ASSERT_FALSE(HasFatalFailure());
  auto a = compute_analytics(db(), {.from = day("2025-01-01"), .to = day("2025-06-30")}, kToday);
  ASSERT_DB_OK(a);
  const auto* p = of(*a, "permit_conversion");
  ASSERT_NE(p, nullptr);
  std::vector<std::string> on;
  std::vector<std::int64_t> open, past;
  for (const auto& t : p->trend) {
    on.push_back(t.on);
    open.push_back(t.open.value_or(-1));
    past.push_back(t.past_deadline.value_or(-1));
  }
  EXPECT_EQ(on, (std::vector<std::string>{"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30",
                                          "2025-05-31", "2025-06-30"}));
  // Open: A B F all along, C at the end of February, D from March, G from May; H never.
  EXPECT_EQ(open, (std::vector<std::int64_t>{3, 4, 4, 4, 5, 5}));
  // Past: A all along; B (8 Mar) and F (3 Mar) from March, F suspended in April; D (12 May)
  // from May.
  EXPECT_EQ(past, (std::vector<std::int64_t>{1, 1, 3, 2, 4, 4}));
}

TEST_P(AnalyticsTest, OneProcedureAndAPeriodEndingMidMonth) {
  permit_files();
  ASSERT_FALSE(HasFatalFailure());
  auto p = procedure("permit_conversion");
  auto a = compute_analytics(
      db(), {.from = day("2025-02-15"), .to = day("2025-03-15"), .procedure_id = p.id}, kToday);
  ASSERT_DB_OK(a);
  ASSERT_EQ(a->procedures.size(), 1u);
  const auto& figures = a->procedures[0];
  // Entered filed: C (3 Feb) no, H (10 Feb) no, D (3 Mar) yes.
  EXPECT_EQ(step(figures, "filed")->entered, 1);
  // Stays ended from 15 Feb to 15 Mar: filed C (23 Feb, 20), H (26 Feb, 16), D (7 Mar, 4);
  // first appointment B (16 Feb, 30) and C (15 Mar, its withdrawal, 20).
  EXPECT_EQ(step(figures, "filed")->stays, 3);
  EXPECT_EQ(step(figures, "filed")->median_days, 16);
  EXPECT_EQ(step(figures, "first_appointment")->stays, 2);
  EXPECT_EQ(step(figures, "first_appointment")->median_days, 20);
  EXPECT_EQ(step(figures, "first_appointment")->p90_days, 30);
  ASSERT_EQ(figures.trend.size(), 2u);
  EXPECT_EQ(figures.trend[1].on, "2025-03-15");
  // On 15 March C was decided that day: A B D F open; A past, B (8 Mar) and F (3 Mar) past.
  EXPECT_EQ(figures.trend[1].open, 4);
  EXPECT_EQ(figures.trend[1].past_deadline, 3);
}

TEST_P(AnalyticsTest, SmallGroupsAreHiddenFromWhoDoesNotReadTheFiles) {
  permit_files();
  ASSERT_FALSE(HasFatalFailure());
  auto a = compute_analytics(db(), {.from = day("2025-01-01"), .to = day("2025-06-30")}, kToday);
  ASSERT_DB_OK(a);
  suppress_small_groups(*a, kAnalyticsMinGroup);
  EXPECT_EQ(a->min_group, 5);
  const auto* p = of(*a, "permit_conversion");
  const auto* filed = step(*p, "filed");
  EXPECT_EQ(filed->entered, 6);
  EXPECT_EQ(filed->median_days, 10);  // six stays: shown
  EXPECT_EQ(filed->backlog, std::nullopt);
  const auto* first = step(*p, "first_appointment");
  EXPECT_EQ(first->entered, 5);
  EXPECT_EQ(first->stays, std::nullopt);  // three stays: count and durations hidden
  EXPECT_EQ(first->median_days, std::nullopt);
  EXPECT_EQ(first->p90_days, std::nullopt);
  EXPECT_EQ(step(*p, "decision")->entered, 0);  // zero singles out nobody
  EXPECT_EQ(step(*p, "decision")->backlog, 0);
  // Backlog 1, 2, 2: all hidden anyway. Past deadline 1 (filed), 1, 2: all hidden.
  EXPECT_EQ(step(*p, "second_appointment")->backlog, std::nullopt);
  EXPECT_EQ(p->trend[0].open, std::nullopt);  // 3
  EXPECT_EQ(p->trend[4].open, 5);
}

TEST(AnalyticsSmallGroups, ALoneHiddenCellTakesTheSmallestOtherWithIt) {
  Analytics a;
  ProcedureFigures p;
  for (std::int64_t backlog : {3, 0, 40, 7, 9})
    p.steps.push_back({.entered = 10, .stays = 10, .backlog = backlog, .past_deadline = 0});
  a.procedures.push_back(p);
  suppress_small_groups(a, 5);
  std::vector<std::optional<std::int64_t>> backlog;
  for (const auto& s : a.procedures[0].steps) backlog.push_back(s.backlog);
  // 3 hidden alone: 7, the smallest other non-zero, goes with it; 0 stays.
  EXPECT_EQ(backlog,
            (std::vector<std::optional<std::int64_t>>{std::nullopt, 0, 40, std::nullopt, 9}));
}

INSTANTIATE_TEST_SUITE_P(Engines, AnalyticsTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::procedures
