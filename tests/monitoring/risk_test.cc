// The risk ranking: its arithmetic by hand, the plan of a month within the inspectors'
// capacity and Palermo's calendar, and a ranking read from completed inspections on both engines.
#include "monitoring/risk.h"

#include <gtest/gtest.h>

#include "accounts/accounts.h"
#include "support/reception_fixture.h"

namespace innet::monitoring {
namespace {

TEST(RiskReasons, PointsByHand) {
  // 1 critical (10) + 2 major (8) + 3 minor (3) + 100 days = 3 months (3) + over capacity (10).
  auto reasons = risk_reasons(
      {.critical = 1, .major = 2, .minor = 3, .days_since_visit = 100, .over_capacity = true});
  std::int64_t total = 0;
  for (const auto& r : reasons) total += r.points;
  EXPECT_EQ(total, 34);
  ASSERT_EQ(reasons.size(), 5u);
  EXPECT_EQ(reasons[0].points, 10) << "largest first";
  EXPECT_EQ(reasons.back().factor, "days_since_visit");

  auto never = risk_reasons({});
  ASSERT_EQ(never.size(), 1u);
  EXPECT_EQ(never[0].factor, "never_visited");
  EXPECT_EQ(never[0].points, 24);
  auto long_ago = risk_reasons({.days_since_visit = 3000});
  EXPECT_EQ(long_ago[0].points, 24) << "time since the visit counts up to two years";
  EXPECT_TRUE(risk_reasons({.days_since_visit = 20}).empty()) << "visited this month: no points";
}

TEST(RiskReasons, OverdueActionsAndVulnerableGuestsByHand) {
  // 2 overdue actions (2 x 5 = 10) + 3 vulnerable guests (3 x 2 = 6), visited 40 days ago (1).
  auto reasons =
      risk_reasons({.days_since_visit = 40, .overdue_actions = 2, .vulnerable_guests = 3});
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_EQ(reasons[0].factor, "overdue_actions");
  EXPECT_EQ(reasons[0].value, 2);
  EXPECT_EQ(reasons[0].points, 10);
  EXPECT_EQ(reasons[1].factor, "vulnerable_guests");
  EXPECT_EQ(reasons[1].value, 3);
  EXPECT_EQ(reasons[1].points, 6);
  EXPECT_EQ(reasons[2].factor, "days_since_visit");
  // Capped: 9 overdue actions count as 6 (30), 25 guests as 10 (20); the value stays the count.
  auto capped =
      risk_reasons({.days_since_visit = 10, .overdue_actions = 9, .vulnerable_guests = 25});
  ASSERT_EQ(capped.size(), 2u);
  EXPECT_EQ(capped[0].points, 30);
  EXPECT_EQ(capped[0].value, 9);
  EXPECT_EQ(capped[1].points, 20);
  EXPECT_EQ(capped[1].value, 25);
}

// August 2027: 15 August (Sunday) is a holiday anyway; 2 visits a week from Monday 2 August.
TEST(SuggestPlan, WorkingDaysWithinTheWeeklyCapacityRiskiestFirst) {
  std::vector<CentreRisk> ranked;
  for (int i = 0; i < 20; ++i)
    ranked.push_back({.centre_id = i + 1, .centre_name = "C" + std::to_string(i), .score = 50 - i});
  ranked[1].next_planned = "2027-08-20";  // already planned this month: left out
  ranked[19].score = 0;
  const auto plan = suggest_plan(ranked, *CivilMonth::parse("2027-08"), 2);
  // Weeks: 2-6, 9-13, 16-20 (Monday 16 is a working day), 23-27, 30-31: 2 each = 10 visits.
  ASSERT_EQ(plan.size(), 10u);
  EXPECT_EQ(plan[0].day.to_string(), "2027-08-02");
  EXPECT_EQ(plan[1].day.to_string(), "2027-08-03");
  EXPECT_EQ(plan[2].day.to_string(), "2027-08-09");
  EXPECT_EQ(plan[0].centre.centre_id, 1);
  EXPECT_EQ(plan[1].centre.centre_id, 3) << "the centre planned already is skipped";
  EXPECT_EQ(plan[9].day.to_string(), "2027-08-31");
}

class RiskStorage : public reception::storage_test::ReceptionTest {
 protected:
  void SetUp() override { set_up_reception({4, 0, 0, 0}, {4, 0, 0, 0}); }
};

TEST_P(RiskStorage, TheRankingReadsWhatCompletedInspectionsFound) {
  accounts::Organization pref{0, "Prefettura", "prefecture", std::nullopt, ""};
  auto org = accounts::create_organization(db(), pref);
  ASSERT_DB_OK(org);
  accounts::User u;
  u.email = "i@prefettura.test";
  u.display_name = "Ispettore";
  u.role = auth::Role::inspector;
  u.organization_id = org->id;
  auto inspector = accounts::create_user(db(), u);
  ASSERT_DB_OK(inspector);
  auto versions = versions_of(db(), "standard");
  ASSERT_DB_OK(versions);
  auto standard = find_version(db(), versions->front().id);
  ASSERT_DB_OK(standard);

  const CivilDay today = *CivilDay::parse("2026-11-30");
  // Centre A visited on 1 October 2026 with one critical item failed.
  NewInspection n{.centre_id = a(),
                  .checklist_id = standard->id,
                  .planned_date = *CivilDay::parse("2026-10-01"),
                  .team = {inspector->id}};
  auto i = plan_inspection(db(), n, inspector->id, "2026-09-20T08:00:00Z");
  ASSERT_DB_OK(i);
  ASSERT_DB_OK(start_inspection(db(), i->id, "2026-10-01T09:00:00Z"));
  auto started = find_inspection(db(), i->id);
  ASSERT_DB_OK(started);
  const auto& critical =
      *std::find_if(standard->items.begin(), standard->items.end(),
                    [](const ChecklistItem& it) { return it.default_severity == "critical"; });
  Answer failed{.item_id = critical.id,
                .yes = !*critical.expected_yes,
                .idempotency_key = "k-1",
                .answered_by = inspector->id,
                .answered_at = "2026-10-01T10:00:00Z"};
  ASSERT_DB_OK(record_answer(db(), *started, failed));
  ASSERT_DB_OK(complete_inspection(db(), i->id, "2026-10-01T12:00:00Z"));

  auto ranking = rank_centres(db(), today, {.over_capacity = {b()}});
  ASSERT_DB_OK(ranking);
  ASSERT_EQ(ranking->size(), 2u);
  // B: never visited (24) + over capacity (10) = 34; A: critical (10) + 60 days (2) = 12. The
  // critical finding's deadline (8 October) has passed, but the report is not issued: the
  // operator was never sent it, so it is no overdue action of theirs.
  EXPECT_EQ(ranking->at(0).centre_id, b());
  EXPECT_EQ(ranking->at(0).score, 34);
  EXPECT_EQ(ranking->at(1).centre_id, a());
  EXPECT_EQ(ranking->at(1).score, 12);
  EXPECT_EQ(ranking->at(1).last_visit, "2026-10-01");

  // Issued: the open finding past its deadline is an overdue action (5); A's 3 vulnerable
  // guests give 6: 12 + 5 + 6 = 23. Before its deadline nothing is overdue.
  ASSERT_DB_OK(issue_report(db(), i->id, "2026-10-02T09:00:00Z"));
  ranking = rank_centres(db(), today, {.over_capacity = {b()}, .vulnerable_guests = {{a(), 3}}});
  ASSERT_DB_OK(ranking);
  EXPECT_EQ(ranking->at(0).centre_id, b());
  EXPECT_EQ(ranking->at(1).score, 23);
  const auto& reasons = ranking->at(1).reasons;
  auto reason = [&](const char* factor) {
    return std::find_if(reasons.begin(), reasons.end(),
                        [&](const RiskReason& r) { return r.factor == factor; });
  };
  ASSERT_NE(reason("overdue_actions"), reasons.end());
  EXPECT_EQ(reason("overdue_actions")->value, 1);
  ASSERT_NE(reason("vulnerable_guests"), reasons.end());
  EXPECT_EQ(reason("vulnerable_guests")->points, 6);
  auto before_deadline = rank_centres(db(), *CivilDay::parse("2026-10-05"), {});
  ASSERT_DB_OK(before_deadline);
  for (const auto& c : *before_deadline)
    for (const auto& r : c.reasons) EXPECT_NE(r.factor, "overdue_actions") << c.centre_name;
}

INSTANTIATE_TEST_SUITE_P(Engines, RiskStorage, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::monitoring
