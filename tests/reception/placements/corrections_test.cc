// The Prefettura's corrections of a mistaken exit or transfer, on both engines: the placement is
// open again from its original exit day, the register counts the guest again (a transfer: no
// longer at the destination), the original is kept in the correction row, refusals store
// nothing, and the register's tamper check finds the confirmed days awaiting confirmation, not
// tampered with.
#include <chrono>
#include <thread>

#include "core/clock.h"
#include "reception/placements/placements.h"
#include "reception/register/register.h"
#include "support/days.h"
#include "support/reception_fixture.h"

namespace innet::reception {
namespace {

const std::string kKey = "0123456789abcdef0123456789abcdef";
const CivilDay kToday = "2025-03-20"_day;

class CorrectionsTest : public storage_test::ReceptionTest {
 protected:
  void SetUp() override {
    // Centre A: 2 places for single men, B: 2.
    set_up_reception({2, 0, 0, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    for (int i = 1; i <= 3; ++i) add_person("Guest" + std::to_string(i), "Test", "NG");
  }

  Placement arrive(int who, std::int64_t centre, CivilDay date) {
    Arrival arrival;
    arrival.person_ids = {person(who)};
    arrival.centre_id = centre;
    arrival.date = date;
    auto done = place(db(), arrival, kToday);
    EXPECT_TRUE(done.ok()) << done.error().message;
    return done.ok() ? done->at(0) : Placement{};
  }

  std::size_t guests(std::int64_t centre, CivilDay day) {
    auto s = day_state(db(), centre, day);
    EXPECT_TRUE(s.ok());
    return s.ok() ? s->guests.size() : 0;
  }

  static void next_second() {
    const auto start = clock::now_iso();
    while (clock::now_iso() == start) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
};

TEST_P(CorrectionsTest, AMistakenExitIsCorrectedAndTheRegisterCountsTheGuestAgain) {
  auto p = arrive(1, a(), "2025-03-01"_day);
  ASSERT_DB_OK(
      record_exit(db(), {{person(1)}, "2025-03-10"_day, "left_voluntarily", std::nullopt}, kToday));
  ASSERT_DB_OK(confirm_day(db(), a(), "2025-03-12"_day, std::nullopt, user_, kKey, kToday));
  EXPECT_EQ(guests(a(), "2025-03-12"_day), 0u);

  // Without a reason: 422 naming the field, nothing changed.
  auto refused = correct_placement(db(), p.id, "", user_, kToday);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(refused.error().fields.count("reason"), 1u);
  EXPECT_EQ(count("placement_corrections"), 0);
  EXPECT_EQ(find_placement(db(), p.id)->end_date, "2025-03-10");

  next_second();
  auto c = correct_placement(db(), p.id, "uscita registrata per errore", user_, kToday);
  ASSERT_DB_OK(c);
  EXPECT_EQ(c->kind, "exit");
  EXPECT_EQ(c->original_end_date, "2025-03-10");
  EXPECT_EQ(c->original_exit_reason, "left_voluntarily");
  EXPECT_TRUE(find_placement(db(), p.id)->open());
  EXPECT_EQ(guests(a(), "2025-03-10"_day), 1u);
  EXPECT_EQ(guests(a(), "2025-03-12"_day), 1u);

  // Correcting an open placement: nothing to correct.
  auto again = correct_placement(db(), p.id, "di nuovo", user_, kToday);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "not_closed");

  auto r = verify_registers(db(), kKey);
  ASSERT_DB_OK(r);
  EXPECT_TRUE(r->intact()) << (r->problems.empty() ? "" : r->problems[0].detail);
  ASSERT_EQ(r->awaiting_confirmation.size(), 1u);
  EXPECT_EQ(r->awaiting_confirmation[0].day, "2025-03-12");
}

TEST_P(CorrectionsTest, AMistakenTransferGoesBackToTheOriginCentre) {
  auto p = arrive(1, a(), "2025-03-01"_day);
  Transfer t;
  t.person_ids = {person(1)};
  t.to_centre_id = b();
  t.date = "2025-03-10"_day;
  auto moved = transfer(db(), t, kToday);
  ASSERT_DB_OK(moved);
  ASSERT_DB_OK(confirm_day(db(), b(), "2025-03-11"_day, std::nullopt, user_, kKey, kToday));
  next_second();
  auto c = correct_placement(db(), p.id, "trasferimento registrato per errore", user_, kToday);
  ASSERT_DB_OK(c);
  EXPECT_EQ(c->kind, "transfer");
  EXPECT_EQ(c->annulled_placement_id, moved->at(0).id);
  EXPECT_TRUE(find_placement(db(), p.id)->open());
  auto annulled = find_placement(db(), moved->at(0).id);
  EXPECT_EQ(annulled->end_date, annulled->start_date);  // kept, covering no day
  EXPECT_EQ(guests(a(), "2025-03-11"_day), 1u);
  EXPECT_EQ(guests(b(), "2025-03-11"_day), 0u);
  auto r = verify_registers(db(), kKey);
  ASSERT_DB_OK(r);
  EXPECT_TRUE(r->intact()) << (r->problems.empty() ? "" : r->problems[0].detail);
  ASSERT_EQ(r->awaiting_confirmation.size(), 1u);
  EXPECT_EQ(r->awaiting_confirmation[0].day, "2025-03-11");
}

TEST_P(CorrectionsTest, RefusedWhenThePlaceIsGoneOrThePersonMovedOn) {
  auto p = arrive(1, a(), "2025-03-01"_day);
  ASSERT_DB_OK(
      record_exit(db(), {{person(1)}, "2025-03-10"_day, "left_voluntarily", std::nullopt}, kToday));
  // The two places of centre A are taken since.
  arrive(2, a(), "2025-03-12"_day);
  arrive(3, a(), "2025-03-12"_day);
  auto full = correct_placement(db(), p.id, "uscita registrata per errore", user_, kToday);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().kind, ErrorKind::conflict);
  EXPECT_EQ(full.error().code, "centre_full");
  EXPECT_EQ(count("placement_corrections"), 0);
  EXPECT_FALSE(find_placement(db(), p.id)->open());

  // Person 2 left A and was placed in B: the exit from A cannot be undone.
  ASSERT_DB_OK(
      record_exit(db(), {{person(2)}, "2025-03-14"_day, "left_voluntarily", std::nullopt}, kToday));
  auto p2 = person_placements(db(), person(2));
  arrive(2, b(), "2025-03-15"_day);
  auto moved_on = correct_placement(db(), p2->at(0).id, "errore", user_, kToday);
  ASSERT_FALSE(moved_on.ok());
  EXPECT_EQ(moved_on.error().code, "placement_overlap");
  EXPECT_EQ(count("placement_corrections"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, CorrectionsTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::reception
