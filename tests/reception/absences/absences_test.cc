// Absences without notice on both engines: runs counted from the register's absences, the notice
// drafted when a run reaches the threshold (72 h by default), sending it, and the Prefettura's
// decisions (no measure, reduction with its period, revocation ending the placement), each
// refusal storing nothing. Hand-computed: three consecutive "unauthorised" days = 72 h.
#include "reception/absences/absences.h"

#include <chrono>
#include <thread>

#include "core/clock.h"
#include "reception/register/register.h"
#include "support/days.h"
#include "support/reception_fixture.h"

namespace innet::reception {
namespace {

const std::string kKey = "0123456789abcdef0123456789abcdef";
const CivilDay kToday = "2025-03-20"_day;

class AbsencesTest : public storage_test::ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({20, 0, 0, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    for (int i = 1; i <= 3; ++i) add_person("Guest" + std::to_string(i), "Test", "NG");
    for (int i = 1; i <= 3; ++i) {
      Arrival arrival;
      arrival.person_ids = {person(i)};
      arrival.centre_id = a();
      arrival.date = "2025-03-01"_day;
      ASSERT_DB_OK(place(db(), arrival, kToday));
    }
  }

  // Records the absence as the register route does, then drafts what is due.
  std::optional<Notice> absent(int who, CivilDay day, const std::string& reason = "unauthorised") {
    auto recorded = record_absence(
        db(), {a(), day, person(who), reason, std::optional<std::string>("n"), user_}, kToday);
    EXPECT_TRUE(recorded.ok()) << recorded.error().message;
    auto drafted = draft_notice_if_due(db(), a(), person(who), day, 72, kToday);
    EXPECT_TRUE(drafted.ok()) << drafted.error().message;
    return drafted.ok() ? *drafted : std::nullopt;
  }

  // A notice of person 1 for 10-12 March, sent.
  Notice sent_notice() {
    absent(1, "2025-03-10"_day);
    absent(1, "2025-03-11"_day);
    auto n = absent(1, "2025-03-12"_day);
    EXPECT_TRUE(n.has_value());
    auto sent = send_notice(db(), n->id, std::nullopt, user_);
    EXPECT_TRUE(sent.ok());
    return *sent;
  }

  Result<Notice> decide_as(std::int64_t id, NewDecision d) {
    d.decided_by = user_;
    return decide(db(), id, d, kToday);
  }
};

TEST_P(AbsencesTest, ThreeDaysWithoutNoticeDraftANotice) {
  EXPECT_FALSE(absent(1, "2025-03-10"_day));
  EXPECT_FALSE(absent(1, "2025-03-11"_day));  // 48 h
  auto run = run_containing(db(), a(), person(1), "2025-03-11"_day, kToday);
  ASSERT_DB_OK(run);
  ASSERT_TRUE(*run);
  EXPECT_EQ((*run)->first_day, "2025-03-10");
  EXPECT_EQ((*run)->hours(), 48);
  auto notice = absent(1, "2025-03-12"_day);  // 72 h: the threshold
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->person_id, person(1));
  EXPECT_EQ(notice->first_day, "2025-03-10");
  EXPECT_EQ(notice->last_day, "2025-03-12");
  EXPECT_EQ(notice->hours, 72);
  EXPECT_EQ(notice->status(), "draft");
  // The run goes on: still one notice for it.
  EXPECT_FALSE(absent(1, "2025-03-13"_day));
  EXPECT_EQ(count("absence_notices"), 1);
  auto runs = runs_on(db(), a(), "2025-03-13"_day, kToday);
  ASSERT_DB_OK(runs);
  ASSERT_EQ(runs->count(person(1)), 1u);
  EXPECT_EQ(runs->at(person(1)).days, 4);
  EXPECT_EQ(runs->at(person(1)).hours(), 96);
}

TEST_P(AbsencesTest, JustifiedAbsencesAndBrokenRunsDraftNothing) {
  // Person 2: authorised leave and a hospital stay between days without notice.
  EXPECT_FALSE(absent(2, "2025-03-10"_day, "authorised_leave"));
  EXPECT_FALSE(absent(2, "2025-03-11"_day, "hospitalised"));
  EXPECT_FALSE(absent(2, "2025-03-12"_day));
  EXPECT_FALSE(absent(2, "2025-03-13"_day));
  // Person 3: two days, back one, two days.
  EXPECT_FALSE(absent(3, "2025-03-10"_day));
  EXPECT_FALSE(absent(3, "2025-03-11"_day));
  EXPECT_FALSE(absent(3, "2025-03-13"_day));
  EXPECT_FALSE(absent(3, "2025-03-14"_day));
  EXPECT_EQ(count("absence_notices"), 0);
  // The day between recorded late joins the runs: 10-14 March, one notice.
  auto joined = absent(3, "2025-03-12"_day);
  ASSERT_TRUE(joined);
  EXPECT_EQ(joined->first_day, "2025-03-10");
  EXPECT_EQ(count("absence_notices"), 1);
}

TEST_P(AbsencesTest, SendingOnceThenOneDecision) {
  auto n = sent_notice();
  EXPECT_EQ(n.status(), "sent");
  auto again = send_notice(db(), n.id, std::nullopt, user_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "already_sent");

  auto none = decide_as(n.id, {.outcome = "no_measure", .note = "rientrato"});
  ASSERT_DB_OK(none);
  EXPECT_EQ(none->status(), "decided");
  auto twice = decide_as(n.id, {.outcome = "no_measure"});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "already_decided");
  EXPECT_EQ(count("absence_decisions"), 1);
}

TEST_P(AbsencesTest, ADraftIsNotDecided) {
  absent(1, "2025-03-10"_day);
  absent(1, "2025-03-11"_day);
  auto n = absent(1, "2025-03-12"_day);
  ASSERT_TRUE(n);
  auto early = decide_as(n->id, {.outcome = "no_measure"});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "not_sent");
  EXPECT_EQ(count("absence_decisions"), 0);
}

TEST_P(AbsencesTest, AReductionHasItsPeriodWithinThirtyDaysAndSixMonths) {
  auto n = sent_notice();
  auto refused = [&](NewDecision d, const std::string& field) {
    auto r = decide_as(n.id, d);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().fields.count(field), 1u) << r.error().message;
    EXPECT_EQ(count("absence_decisions"), 0);
  };
  refused({.outcome = "reduction"}, "measure_from");
  refused({.outcome = "reduction", .measure_from = "2025-04-01"_day}, "measure_until");
  // 29 days: one short. [1 April, 30 April) is 29 days.
  refused(
      {.outcome = "reduction", .measure_from = "2025-04-01"_day, .measure_until = "2025-04-30"_day},
      "measure_until");
  // Six months and a day: 1 April + 6 months = 1 October.
  refused(
      {.outcome = "reduction", .measure_from = "2025-04-01"_day, .measure_until = "2025-10-02"_day},
      "measure_until");
  // Exactly 30 days is accepted, and what the pocket-money feature reads.
  auto ok = decide_as(n.id, {.outcome = "reduction",
                             .measure_from = "2025-04-01"_day,
                             .measure_until = "2025-05-01"_day});
  ASSERT_DB_OK(ok);
  ASSERT_TRUE(ok->decision);
  EXPECT_EQ(ok->decision->measure_from, "2025-04-01");
  EXPECT_EQ(ok->decision->measure_until, "2025-05-01");
  auto s = pocket_money_suspensions(db(), person(1));
  ASSERT_DB_OK(s);
  ASSERT_EQ(s->size(), 1u);
  EXPECT_EQ(s->at(0).from, "2025-04-01");
  EXPECT_EQ(s->at(0).until, "2025-05-01");
}

TEST_P(AbsencesTest, SixMonthsExactlyIsAccepted) {
  auto n = sent_notice();
  // 31 August + 6 months: 28 February (the day clamped to the month's end).
  ASSERT_DB_OK(decide_as(n.id, {.outcome = "reduction",
                                .measure_from = "2025-08-31"_day,
                                .measure_until = "2026-02-28"_day}));
}

TEST_P(AbsencesTest, ARevocationEndsThePlacementOnTheDecreeDate) {
  auto n = sent_notice();
  auto missing = decide_as(n.id, {.outcome = "revocation", .decree_date = "2025-03-15"_day});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().fields.count("decree_number"), 1u);
  auto future = decide_as(
      n.id,
      {.outcome = "revocation", .decree_number = "123/2025", .decree_date = "2025-03-21"_day});
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().fields.count("decree_date"), 1u);
  EXPECT_EQ(count("absence_decisions"), 0);

  auto revoked = decide_as(
      n.id,
      {.outcome = "revocation", .decree_number = "123/2025", .decree_date = "2025-03-15"_day});
  ASSERT_DB_OK(revoked);
  EXPECT_EQ(revoked->decision->decree_number, "123/2025");
  auto placement = find_placement(db(), n.placement_id);
  ASSERT_DB_OK(placement);
  EXPECT_EQ(placement->end_date, "2025-03-15");
  EXPECT_EQ(placement->exit_reason, "removed");
  // The register no longer counts the guest from the decree date on.
  auto day = day_state(db(), a(), "2025-03-15"_day);
  ASSERT_DB_OK(day);
  EXPECT_EQ(day->guests.size(), 2u);
}

TEST_P(AbsencesTest, ARevocationAfterTheExitIsRefused) {
  auto n = sent_notice();
  ASSERT_DB_OK(
      record_exit(db(), {{person(1)}, "2025-03-14"_day, "left_voluntarily", std::nullopt}, kToday));
  auto r = decide_as(
      n.id, {.outcome = "revocation", .decree_number = "9/2025", .decree_date = "2025-03-16"_day});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::conflict);
  EXPECT_EQ(r.error().code, "placement_closed");
  EXPECT_EQ(count("absence_decisions"), 0);
}

TEST_P(AbsencesTest, AConfirmedVulnerabilityNeedsARecordedReview) {
  auto n = sent_notice();
  // The people module has no vulnerabilities yet: this stands in for its future answer.
  set_vulnerability_check(
      [&](db::Connection&, std::int64_t id) -> Result<bool> { return id == person(1); });
  auto r = decide_as(n.id, {.outcome = "no_measure"});
  set_vulnerability_check(nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "vulnerability_review_required");
  EXPECT_EQ(r.error().fields.count("vulnerability_review"), 1u);
  set_vulnerability_check([&](db::Connection&, std::int64_t) -> Result<bool> { return true; });
  auto ok = decide_as(n.id, {.outcome = "no_measure",
                             .vulnerability_review = "esaminata la certificazione medica",
                             .vulnerability_reviewer = "dott.ssa Rossi"});
  set_vulnerability_check(nullptr);
  ASSERT_DB_OK(ok);
  EXPECT_EQ(ok->decision->vulnerability_reviewer, "dott.ssa Rossi");
}

TEST_P(AbsencesTest, RegisterVerifyStillPassesAfterARevocation) {
  ASSERT_DB_OK(confirm_day(db(), a(), "2025-03-16"_day, std::nullopt, user_, kKey, kToday));
  auto n = sent_notice();
  const auto start = clock::now_iso();
  while (clock::now_iso() == start) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_DB_OK(decide_as(
      n.id, {.outcome = "revocation", .decree_number = "1/2025", .decree_date = "2025-03-15"_day}));
  auto r = verify_registers(db(), kKey);
  ASSERT_DB_OK(r);
  EXPECT_TRUE(r->intact()) << (r->problems.empty() ? "" : r->problems[0].detail);
  ASSERT_EQ(r->awaiting_confirmation.size(), 1u);
  EXPECT_EQ(r->awaiting_confirmation[0].day, "2025-03-16");
}

INSTANTIATE_TEST_SUITE_P(Engines, AbsencesTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::reception
