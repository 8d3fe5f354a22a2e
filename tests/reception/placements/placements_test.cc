// Placements on both engines: the rules every caller relies on (one open placement, no overlap,
// no future dates, full and closed centres, atomic family transfers) and the occupancy derived
// from them.
#include "reception/placements/placements.h"

#include "reception/placements/occupancy.h"
#include "reception/placements/snapshots.h"
#include "support/days.h"
#include "support/reception_fixture.h"

namespace innet::reception {
namespace {

using storage_test::ReceptionTest;

const CivilDay kToday = "2026-06-30"_day;

// Centre A has 2 places for single men and 3 for families, centre B 5 and 5; persons 1 to 3
// are one family.
class PlacementsTest : public ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({2, 0, 3, 0}, {5, 0, 5, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    for (const char* name : {"Rahman", "Rahman", "Rahman", "Diallo"})
      add_person(name, "Test", "BD");
  }

  Result<std::vector<Placement>> arrive(std::vector<std::int64_t> ids, std::int64_t centre,
                                        centres::Category category, CivilDay date,
                                        std::optional<std::string> override_reason = {}) {
    return place(db(), {std::move(ids), centre, category, date, "landing", override_reason},
                 kToday);
  }
};

TEST_P(PlacementsTest, AFamilyArrivesTogether) {
  auto placed = arrive({persons_[0], persons_[1], persons_[2]}, a(), centres::Category::families,
                       "2026-06-01"_day);
  ASSERT_DB_OK(placed);
  ASSERT_EQ(placed->size(), 3u);
  for (const auto& p : *placed) {
    EXPECT_TRUE(p.open());
    EXPECT_EQ(p.start_date, "2026-06-01");
    EXPECT_EQ(p.centre_id, a());
  }
  auto guests = placements_on(db(), a(), "2026-06-10"_day);
  ASSERT_DB_OK(guests);
  EXPECT_EQ(guests->size(), 3u);
  auto before = placements_on(db(), a(), "2026-05-31"_day);
  ASSERT_DB_OK(before);
  EXPECT_TRUE(before->empty());
}

TEST_P(PlacementsTest, OverlapsFutureDatesAndUnknownPersonsAreRefusedWithNothingStored) {
  ASSERT_DB_OK(arrive({persons_[3]}, a(), centres::Category::single_men, "2026-06-01"_day));
  auto again = arrive({persons_[3]}, b(), centres::Category::single_men, "2026-06-15"_day);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "placement_overlap");
  EXPECT_EQ(again.error().fields.count("person_ids"), 1u);

  auto future = arrive({persons_[0]}, a(), centres::Category::single_men, "2026-07-01"_day);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().code, "future_date");

  auto unknown =
      arrive({persons_[0], 999999}, a(), centres::Category::single_men, "2026-06-01"_day);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "no_such_person");

  auto twice =
      arrive({persons_[0], persons_[0]}, a(), centres::Category::single_men, "2026-06-01"_day);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(count("placements"), 1);

  // A stay that ended still blocks a new one that would start before its end.
  ASSERT_DB_OK(
      record_exit(db(), {{persons_[3]}, "2026-06-20"_day, "left_voluntarily", {}}, kToday));
  auto inside = arrive({persons_[3]}, b(), centres::Category::single_men, "2026-06-10"_day);
  ASSERT_FALSE(inside.ok());
  EXPECT_EQ(inside.error().code, "placement_overlap");
  ASSERT_DB_OK(arrive({persons_[3]}, b(), centres::Category::single_men, "2026-06-20"_day));
}

TEST_P(PlacementsTest, TheDatabaseItselfAllowsOneOpenPlacementPerPerson) {
  ASSERT_DB_OK(arrive({persons_[3]}, a(), centres::Category::single_men, "2026-06-01"_day));
  auto direct = db().execute(
      "INSERT INTO placements (person_id, centre_id, category, start_date, arrival_from, "
      "created_at) VALUES (?, ?, 'single_men', '2026-06-02', 'direct', 'now')",
      {persons_[3], b()});
  EXPECT_FALSE(direct.ok());
}

TEST_P(PlacementsTest, AFullCategoryOrAClosedCentreNeedsAnOverrideReason) {
  ASSERT_DB_OK(
      arrive({persons_[0], persons_[1]}, a(), centres::Category::single_men, "2026-06-01"_day));
  auto full = arrive({persons_[2]}, a(), centres::Category::single_men, "2026-06-02"_day);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().code, "centre_full");
  EXPECT_EQ(full.error().kind, ErrorKind::conflict);
  // Another category of the same centre still has room.
  ASSERT_DB_OK(arrive({persons_[2]}, a(), centres::Category::families, "2026-06-02"_day));
  auto forced = arrive({persons_[3]}, a(), centres::Category::single_men, "2026-06-03"_day,
                       "emergency after a landing, no other place");
  ASSERT_DB_OK(forced);
  EXPECT_EQ(forced->at(0).override_reason, "emergency after a landing, no other place");

  auto centre = centres::find_centre(db(), b());
  ASSERT_DB_OK(centre);
  centre->status = "closed";
  ASSERT_DB_OK(centres::update_centre(db(), *centre));
  auto closed = transfer(db(), {{persons_[3]}, b(), {}, "2026-06-10"_day, {}}, kToday);
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, "centre_not_accepting");
}

TEST_P(PlacementsTest, AFamilyTransferClosesAndOpensPlacementsOnTheSameDate) {
  auto placed = arrive({persons_[0], persons_[1], persons_[2]}, a(), centres::Category::families,
                       "2026-06-01"_day);
  ASSERT_DB_OK(placed);
  auto moved = transfer(
      db(), {{persons_[0], persons_[1], persons_[2]}, b(), {}, "2026-06-15"_day, {}}, kToday);
  ASSERT_DB_OK(moved);
  ASSERT_EQ(moved->size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    auto old = find_placement(db(), placed->at(i).id);
    ASSERT_DB_OK(old);
    EXPECT_EQ(old->end_date, "2026-06-15");
    EXPECT_EQ(old->exit_reason, kTransferredReason);
    EXPECT_EQ(moved->at(i).previous_placement_id, placed->at(i).id);
    EXPECT_EQ(moved->at(i).arrival_from, "transfer");
    EXPECT_EQ(moved->at(i).category, centres::Category::families);
  }
  // Counted in the first centre up to the day before, in the second from the transfer day.
  auto series = occupancy_between(db(), a(), "2026-06-13"_day, "2026-06-17"_day);
  ASSERT_DB_OK(series);
  std::vector<std::int64_t> first_counts;
  for (const auto& d : *series) first_counts.push_back(centres::total(d.guests));
  EXPECT_EQ(first_counts, (std::vector<std::int64_t>{3, 3, 0, 0}));
  auto on_day = occupancy_on(db(), "2026-06-15"_day, {});
  ASSERT_DB_OK(on_day);
  for (const auto& o : *on_day)
    EXPECT_EQ(o.guests_total(), o.centre.id == b() ? 3 : 0) << o.centre.name;
}

TEST_P(PlacementsTest, ATransferOfSomeoneNotPlacedChangesNobody) {
  ASSERT_DB_OK(arrive({persons_[0]}, a(), centres::Category::single_men, "2026-06-01"_day));
  auto moved = transfer(db(), {{persons_[0], persons_[3]}, b(), {}, "2026-06-10"_day, {}}, kToday);
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().code, "not_placed");
  auto still = person_placements(db(), persons_[0]);
  ASSERT_DB_OK(still);
  ASSERT_EQ(still->size(), 1u);
  EXPECT_TRUE(still->at(0).open());
  auto same = transfer(db(), {{persons_[0]}, a(), {}, "2026-06-10"_day, {}}, kToday);
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().code, "same_centre");
  auto early = transfer(db(), {{persons_[0]}, b(), {}, "2026-05-10"_day, {}}, kToday);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "before_arrival");
}

TEST_P(PlacementsTest, AnExitClosesTheStayAndFreesThePlace) {
  ASSERT_DB_OK(
      arrive({persons_[0], persons_[1]}, a(), centres::Category::single_men, "2026-06-01"_day));
  auto left =
      record_exit(db(), {{persons_[0]}, "2026-06-20"_day, "protection_obtained", "SAI"}, kToday);
  ASSERT_DB_OK(left);
  EXPECT_EQ(left->at(0).exit_reason, "protection_obtained");
  EXPECT_EQ(left->at(0).exit_note, "SAI");
  auto again = record_exit(db(), {{persons_[0]}, "2026-06-21"_day, "other", "x"}, kToday);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "not_placed");
  ASSERT_DB_OK(arrive({persons_[2]}, a(), centres::Category::single_men, "2026-06-20"_day));
  auto occupancy = occupancy_on(db(), "2026-06-20"_day, {});
  ASSERT_DB_OK(occupancy);
  for (const auto& o : *occupancy)
    if (o.centre.id == a()) {
      EXPECT_EQ(o.guests[0], 2);
      EXPECT_FALSE(o.over_capacity());
      EXPECT_EQ(o.free(centres::Category::single_men), 0);
      EXPECT_EQ(o.free(centres::Category::families), 3);
    }
}

// Occupancy on a day comes from monthly snapshots kept up to date by every write; it must always
// equal a direct count over placements, whatever the order and dates of the writes.
TEST_P(PlacementsTest, OccupancyFromSnapshotsEqualsACountOverPlacements) {
  EXPECT_EQ(snapshot_day("2026-03-15"_day), "2026-03-01"_day);
  EXPECT_EQ(snapshot_day("2026-03-16"_day), "2026-03-16"_day);
  EXPECT_EQ(next_snapshot_day("2026-03-02"_day), "2026-03-16"_day);
  EXPECT_EQ(next_snapshot_day("2026-12-20"_day), "2027-01-01"_day);
  ASSERT_DB_OK(arrive({persons_[0]}, a(), centres::Category::single_men, "2026-01-20"_day));
  ASSERT_DB_OK(rebuild_snapshots(db(), "2026-01-01"_day, "2026-06-01"_day));
  ASSERT_DB_OK(
      arrive({persons_[1], persons_[2]}, a(), centres::Category::families, "2026-03-15"_day));
  ASSERT_DB_OK(transfer(db(), {{persons_[1], persons_[2]}, b(), {}, "2026-05-01"_day, {}}, kToday));
  ASSERT_DB_OK(
      record_exit(db(), {{persons_[0]}, "2026-04-01"_day, "left_voluntarily", {}}, kToday));
  // A back-dated arrival after the others, across several materialised months.
  ASSERT_DB_OK(arrive({persons_[3]}, b(), centres::Category::single_men, "2026-02-10"_day));
  for (CivilDay day = "2026-01-01"_day; day <= kToday; day = day.plus_days(1)) {
    auto fast = guests_on(db(), day);
    auto slow = count_guests(db(), day);
    ASSERT_DB_OK(fast);
    ASSERT_DB_OK(slow);
    for (auto centre : {a(), b()})
      EXPECT_EQ((*fast)[centre], (*slow)[centre])
          << "centre " << centre << " on " << day.to_string();
  }
  auto march = guests_on(db(), "2026-03-20"_day);
  ASSERT_DB_OK(march);
  EXPECT_EQ(centres::total((*march)[a()]), 3);
  EXPECT_EQ(centres::total((*march)[b()]), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, PlacementsTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::reception
