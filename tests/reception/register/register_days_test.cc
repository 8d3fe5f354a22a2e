// The register's arithmetic without a database: effective absences, the layout of placements
// over days, and what the digest and the confirmation hash cover.
#include "reception/register/register_days.h"

#include <gtest/gtest.h>

#include "core/crypto.h"
#include "support/days.h"

namespace innet::reception {
namespace {

Placement stay(std::int64_t person, std::string start, std::optional<std::string> end = {}) {
  Placement p;
  p.id = person * 10;
  p.person_id = person;
  p.start_date = std::move(start);
  p.end_date = std::move(end);
  return p;
}

Absence absence(std::int64_t id, std::int64_t person, std::string day,
                std::optional<std::int64_t> withdraws = {}) {
  Absence a;
  a.id = id;
  a.person_id = person;
  a.day = std::move(day);
  a.reason = "unauthorised";
  a.withdraws_id = withdraws;
  return a;
}

std::vector<std::int64_t> guests(const DayGuests& d, const std::vector<Placement>& placements) {
  std::vector<std::int64_t> out;
  for (auto i : d.guests) out.push_back(placements[i].person_id);
  return out;
}

class RegisterDays : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(crypto::initialize()); }
};

TEST_F(RegisterDays, WithdrawalsAndWithdrawnAbsencesAreNotInEffect) {
  const std::vector<Absence> entries = {absence(1, 7, "2025-03-01"), absence(2, 8, "2025-03-01"),
                                        absence(3, 7, "2025-03-01", 1)};
  const auto effective = effective_absences(entries);
  ASSERT_EQ(effective.size(), 1u);
  EXPECT_EQ(effective[0].id, 2);
}

TEST_F(RegisterDays, PlacementsCoverTheirDaysFromArrivalToTheDayBeforeExit) {
  // Arrived before the period, left in it; arrived in it, still there; left before it.
  const std::vector<Placement> placements = {stay(3, "2025-02-01", "2025-03-03"),
                                             stay(1, "2025-03-02"),
                                             stay(2, "2025-01-01", "2025-02-01")};
  const auto laid = lay_out("2025-03-01"_day, 4, placements, {});
  ASSERT_EQ(laid.size(), 4u);
  EXPECT_EQ(guests(laid[0], placements), (std::vector<std::int64_t>{3}));
  EXPECT_EQ(guests(laid[1], placements), (std::vector<std::int64_t>{1, 3}));  // by person id
  EXPECT_EQ(guests(laid[2], placements), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(guests(laid[3], placements), (std::vector<std::int64_t>{1}));
  EXPECT_TRUE(lay_out("2025-03-01"_day, 0, placements, {}).empty());
}

TEST_F(RegisterDays, AnAbsenceCountsOnlyForAGuestOfThatDay) {
  const std::vector<Placement> placements = {stay(1, "2025-03-01"), stay(2, "2025-03-02")};
  const std::vector<Absence> effective = {absence(1, 1, "2025-03-01"),
                                          absence(2, 2, "2025-03-01"),   // not there yet
                                          absence(3, 9, "2025-03-02"),   // never placed
                                          absence(4, 2, "2025-03-05")};  // outside the period
  const auto laid = lay_out("2025-03-01"_day, 2, placements, effective);
  EXPECT_EQ(laid[0].present(), 0);
  EXPECT_EQ(laid[0].absent(), 1);
  EXPECT_EQ(laid[1].present(), 2);
  EXPECT_EQ(laid[1].absent(), 0);
}

TEST_F(RegisterDays, TheDigestCoversWhoIsPresentAndWhoIsAbsentForWhat) {
  const std::vector<Placement> placements = {stay(1, "2025-03-01"), stay(2, "2025-03-01")};
  const std::vector<Placement> reversed = {placements[1], placements[0]};
  auto digest = [](const std::vector<Placement>& p, std::vector<Absence> absent,
                   CivilDay day = "2025-03-01"_day, std::int64_t centre = 5) {
    return day_digest(centre, day, lay_out(day, 1, p, absent).at(0), p, absent);
  };
  const auto base = digest(placements, {});
  EXPECT_EQ(base, digest(reversed, {}));  // the order rows come in does not matter
  EXPECT_NE(base, digest(placements, {}, "2025-03-01"_day, 6));
  auto away = absence(1, 2, "2025-03-01");
  const auto with_absence = digest(placements, {away});
  EXPECT_NE(base, with_absence);
  away.reason = "hospitalised";
  EXPECT_NE(with_absence, digest(placements, {away}));
  EXPECT_EQ(digest({placements[0]}, {}).size(), 64u);
}

TEST_F(RegisterDays, TheConfirmationHashCoversEveryFieldAndTheKey) {
  Confirmation c;
  c.centre_id = 1;
  c.day = "2025-03-01";
  c.seq = 1;
  c.present = 10;
  c.digest = "d";
  c.confirmed_by = 3;
  c.confirmed_at = "2025-03-01T20:00:00Z";
  const auto h = confirmation_hash("key", c);
  EXPECT_NE(h, confirmation_hash("other key", c));
  auto changed = [&](auto edit) {
    Confirmation copy = c;
    edit(copy);
    return confirmation_hash("key", copy) != h;
  };
  EXPECT_TRUE(changed([](Confirmation& x) { x.prev_hash = "p"; }));
  EXPECT_TRUE(changed([](Confirmation& x) { x.present = 11; }));
  EXPECT_TRUE(changed([](Confirmation& x) { x.absent = 1; }));
  EXPECT_TRUE(changed([](Confirmation& x) { x.corrects_id = 1; }));
  EXPECT_TRUE(changed([](Confirmation& x) { x.absences_through = 1; }));
  EXPECT_TRUE(changed([](Confirmation& x) { x.note = ""; }));  // an empty note is not none
  EXPECT_TRUE(changed([](Confirmation& x) { x.confirmed_by = 4; }));
  EXPECT_TRUE(changed([](Confirmation& x) { x.day = "2025-03-02"; }));
  EXPECT_FALSE(changed([](Confirmation& x) { x.id = 99; }));  // the chain position is seq
}

}  // namespace
}  // namespace innet::reception
