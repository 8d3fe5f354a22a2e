// The officer's lists and the movements export on both engines: what each list keeps, read
// through the other parts' functions (decision 0021).
#include "reception/overview/lists.h"

#include "reception/overview/movements.h"
#include "reception/placements/placements.h"
#include "support/days.h"
#include "support/reception_fixture.h"

namespace innet::reception {
namespace {

using storage_test::ReceptionTest;

const CivilDay kToday = "2026-06-30"_day;

// Centre A: 2 places for single men, 3 for families; centre B: 5 and 5. Persons 1 to 3 are a
// family, person 4 has a CUI.
class OverviewTest : public ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({2, 0, 3, 0}, {5, 0, 5, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    for (const char* name : {"Rahman", "Rahman", "Rahman", "Diallo"})
      add_person(name, "Test", "BD");
    auto p = people::find_person(db(), person(4));
    ASSERT_DB_OK(p);
    p->cui = "CUI0001";
    ASSERT_DB_OK(people::update_person(db(), *p));
  }
  Status arrive(std::vector<std::int64_t> ids, std::int64_t centre, centres::Category category,
                CivilDay date, std::optional<std::string> override_reason = {}) {
    auto placed =
        place(db(), {std::move(ids), centre, category, date, "landing", override_reason}, kToday);
    if (!placed.ok()) return placed.take_error();
    return Status::success();
  }
};

TEST_P(OverviewTest, MovementsAreArrivalsTransfersAndExitsInThePeriod) {
  ASSERT_DB_OK(arrive({person(4)}, a(), centres::Category::single_men, "2026-06-01"_day));
  ASSERT_DB_OK(transfer(db(), {{person(4)}, b(), {}, "2026-06-10"_day, {}}, kToday));
  ASSERT_DB_OK(record_exit(db(), {{person(4)}, "2026-06-20"_day, "left_voluntarily", {}}, kToday));

  auto all = overview::movements_between(db(), "2026-06-01"_day, "2026-07-01"_day, std::nullopt);
  ASSERT_DB_OK(all);
  std::vector<std::string> seen;
  for (const auto& m : *all)
    seen.push_back(m.day + " " + m.movement + " " + m.centre_name + " " + m.cui.value_or("-") +
                   " " + m.reason.value_or("-"));
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "2026-06-01 arrival Centro A CUI0001 landing",
                      "2026-06-10 transfer_out Centro A CUI0001 -",
                      "2026-06-10 transfer_in Centro B CUI0001 -",
                      "2026-06-20 exit Centro B CUI0001 left_voluntarily",
                  }));
  // The period's bounds: [from, to).
  auto middle = overview::movements_between(db(), "2026-06-02"_day, "2026-06-20"_day, std::nullopt);
  ASSERT_DB_OK(middle);
  EXPECT_EQ(middle->size(), 2u);
  // The centres of an organisation that runs none: nothing.
  auto none = overview::movements_between(db(), "2026-06-01"_day, "2026-07-01"_day,
                                          centres::centres_run_by(operator_id_ + 1000));
  ASSERT_DB_OK(none);
  EXPECT_TRUE(none->empty());
  auto mine = overview::movements_between(db(), "2026-06-01"_day, "2026-07-01"_day,
                                          centres::centres_run_by(operator_id_));
  ASSERT_DB_OK(mine);
  EXPECT_EQ(mine->size(), 4u);
}

TEST_P(OverviewTest, TheDeskOffersOnlyCentresWithRoomForTheWholeFamily) {
  ASSERT_DB_OK(arrive({person(4)}, b(), centres::Category::families, "2026-06-01"_day));
  auto desk = [&](std::int64_t n) {
    std::vector<std::int64_t> ids;
    auto rows = overview::desk(db(), kToday, centres::Category::families, n, {});
    EXPECT_TRUE(rows.ok());
    for (const auto& r : *rows) ids.push_back(r.occupancy.centre.id);
    return ids;
  };
  EXPECT_EQ(desk(3), (std::vector<std::int64_t>{a(), b()}));
  EXPECT_EQ(desk(4), (std::vector<std::int64_t>{b()}));  // A has 3 family places, B 5 - 1
  EXPECT_TRUE(desk(5).empty());
}

TEST_P(OverviewTest, OverCapacityCountsGuestsBeyondTheTightestLimit) {
  ASSERT_DB_OK(arrive({person(1), person(2), person(3)}, a(), centres::Category::single_men,
                      "2026-06-01"_day, "sbarco straordinario"));
  auto rows = overview::over_capacity(db(), kToday, {});
  ASSERT_DB_OK(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).occupancy.centre.id, a());
  EXPECT_EQ(rows->at(0).excess, 1);  // 3 single men in 2 places; 5 places in all
  EXPECT_EQ(rows->at(0).municipality, "Palermo");
}

TEST_P(OverviewTest, RegistersWithGuestsAndNoConfirmationAreListed) {
  ASSERT_DB_OK(arrive({person(4)}, a(), centres::Category::single_men, "2026-06-27"_day));
  auto rows = overview::unconfirmed_registers(db(), "2026-06-23"_day, kToday, {});
  ASSERT_DB_OK(rows);
  ASSERT_EQ(rows->size(), 1u);  // B has no guests
  EXPECT_EQ(rows->at(0).centre_id, a());
  EXPECT_EQ(rows->at(0).unconfirmed_days, 3);  // 27, 28, 29
  EXPECT_EQ(rows->at(0).oldest_day, "2026-06-27");
}

INSTANTIATE_TEST_SUITE_P(Engines, OverviewTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::reception
