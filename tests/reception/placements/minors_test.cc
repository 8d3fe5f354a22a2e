// Unaccompanied minors and places above contract, on both engines, with hand-computed cases
// (decision 0020): the minors' place, 16+ in an adult centre's section, the 90-day limit over
// several stays and its 60-day extension; derogated places within the contract, counted in
// capacity only in their period, shown apart in occupancy.
#include "reception/placements/minors.h"

#include "centres/derogations.h"
#include "reception/placements/occupancy.h"
#include "reception/placements/placements.h"
#include "support/days.h"
#include "support/reception_fixture.h"

namespace innet::reception {
namespace {

using centres::Category;
using storage_test::ReceptionTest;

const CivilDay kToday = "2026-06-30"_day;

// Centre A is an adult centre (5 single men) with a section of 2 minors' places; centre B is a
// minors' structure (3 minors' places, nothing else). A has a contract for 7 places in 2026.
class MinorsTest : public ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({5, 0, 0, 2}, {0, 0, 0, 3});
    if (IsSkipped() || HasFatalFailure()) return;
    centres::Contract c;
    c.centre_id = a();
    c.cig = "A000000001";
    c.start_date = "2026-01-01";
    c.end_date = "2026-12-31";
    c.places = 7;
    c.price_cents = 3000;
    ASSERT_DB_OK(centres::create_contract(db(), c));
  }

  std::int64_t person(std::optional<std::string> born, bool unaccompanied) {
    people::Person p;
    p.family_name = "Test";
    p.given_names = "Minor";
    p.nationality = "GN";
    p.birth_date = std::move(born);
    p.unaccompanied_minor = unaccompanied;
    auto created = people::create_person(db(), p);
    EXPECT_TRUE(created.ok());
    return created.ok() ? created->id : 0;
  }

  Result<std::vector<Placement>> arrive(std::int64_t id, std::int64_t centre, Category category,
                                        CivilDay date,
                                        std::optional<std::string> override_reason = {}) {
    return place(db(), {{id}, centre, category, date, "landing", override_reason}, kToday);
  }
  Result<std::vector<Placement>> move(std::int64_t id, std::int64_t to, CivilDay date) {
    return transfer(db(), {{id}, to, std::nullopt, date, std::nullopt}, kToday);
  }

  Result<centres::Derogation> derogate(Category category, std::int64_t places,
                                       const std::string& from, const std::string& to) {
    centres::Derogation d;
    d.centre_id = a();
    d.category = category;
    d.places = places;
    d.decision_number = "Decreto 1/2026";
    d.decision_date = "2026-05-25";
    d.start_date = from;
    d.end_date = to;
    d.created_by = user_;
    return centres::create_derogation(db(), d, kToday);
  }
};

TEST(MinorsAge, WholeYearsOnTheDayWithBirthdaysOn29FebruaryOn1March) {
  people::Person p;
  EXPECT_FALSE(age_on(p, kToday));
  p.birth_date = "2009-07-01";
  EXPECT_EQ(age_on(p, "2026-06-30"_day), 16);
  EXPECT_EQ(age_on(p, "2026-07-01"_day), 17);
  p.birth_date = "2008-02-29";
  EXPECT_EQ(age_on(p, "2026-02-28"_day), 17);
  EXPECT_EQ(age_on(p, "2026-03-01"_day), 18);
  // The flag decides nothing from 18; without a birth date the person is taken as a minor.
  p.unaccompanied_minor = true;
  EXPECT_TRUE(unaccompanied_minor_on(p, "2026-02-28"_day));
  EXPECT_FALSE(unaccompanied_minor_on(p, "2026-03-01"_day));
  p.birth_date.reset();
  EXPECT_TRUE(unaccompanied_minor_on(p, kToday));
}

TEST_P(MinorsTest, AMinorTakesOnlyAMinorsPlaceAndAnAdultCentresSectionFrom16) {
  const auto m17 = person("2009-03-01", true);
  const auto m15 = person("2011-01-01", true);
  const auto unknown_age = person(std::nullopt, true);
  const auto flagged_adult = person("2007-01-01", true);
  const auto child_of_a_family = person("2011-01-01", false);

  auto adult_place = arrive(m17, a(), Category::single_men, "2026-06-01"_day);
  ASSERT_FALSE(adult_place.ok());
  EXPECT_EQ(adult_place.error().code, "minor_needs_minors_place");
  EXPECT_EQ(adult_place.error().fields.count("category"), 1u);
  // Not even the Prefettura: the flag is corrected instead when the person is an adult.
  auto overridden =
      arrive(m17, a(), Category::single_men, "2026-06-01"_day, "no minors' place anywhere tonight");
  ASSERT_FALSE(overridden.ok());
  EXPECT_EQ(overridden.error().code, "minor_needs_minors_place");

  auto under_16 = arrive(m15, a(), Category::minors, "2026-06-01"_day);
  ASSERT_FALSE(under_16.ok());
  EXPECT_EQ(under_16.error().code, "minor_under_16_in_adult_centre");
  auto no_age = arrive(unknown_age, a(), Category::minors, "2026-06-01"_day);
  ASSERT_FALSE(no_age.ok());
  EXPECT_EQ(no_age.error().code, "minor_under_16_in_adult_centre");
  EXPECT_EQ(count("placements"), 0);

  // A minors' structure takes any minor; an adult centre's section one of 16 or more; the
  // Prefettura's override places a 15-year-old there.
  ASSERT_DB_OK(arrive(m15, b(), Category::minors, "2026-06-01"_day));
  ASSERT_DB_OK(arrive(m17, a(), Category::minors, "2026-06-01"_day));
  ASSERT_DB_OK(arrive(unknown_age, a(), Category::minors, "2026-06-01"_day,
                      "age assessment pending, no minors' place free"));
  // 19 and flagged: an adult. A child not unaccompanied: no minors' rule.
  ASSERT_DB_OK(arrive(flagged_adult, a(), Category::single_men, "2026-06-01"_day));
  ASSERT_DB_OK(arrive(child_of_a_family, a(), Category::single_men, "2026-06-01"_day));
  EXPECT_EQ(count("placements"), 5);
}

// Temporary structures for minors (decision 0027, DL 133/2023): B becomes one with 50 minors'
// places. On 2026-06-01: born 2012-07-01 is 13 (refused, placed only on the Prefettura's
// override), born 2012-06-01 turns 14 that day (taken), a flagged minor without a birth date is
// refused (age unknown, -1). Then 48 of 16 arrive: 1 + 1 + 48 = 50 guests, the structure's 50.
// One more is refused (51 > 50) unless the Prefettura overrides it in extreme urgency, up to
// 50 + 50% = 75: 25 more with the override make 75; the 76th is refused even with it.
TEST_P(MinorsTest, ATemporaryStructureTakesNoOneUnder14AndAtMost50Or75InUrgency) {
  auto centre = centres::find_centre(db(), b());
  ASSERT_DB_OK(centre);
  centre->structure = centres::kTemporaryMinors;
  // Minors' places only, at most 50: each refusal names its field and stores nothing.
  auto with_men = *centre;
  with_men.places = {1, 0, 0, 50};
  auto men = centres::update_centre(db(), with_men);
  ASSERT_FALSE(men.ok());
  EXPECT_EQ(men.error().code, "temporary_structure_minors_only");
  EXPECT_EQ(men.error().fields.count("places_single_men"), 1u);
  auto too_big = *centre;
  too_big.places = {0, 0, 0, 51};
  auto big = centres::update_centre(db(), too_big);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().fields.count("places_minors"), 1u);
  EXPECT_EQ(big.error().fields.at("places_minors").code, "above_maximum");
  auto unchanged = centres::find_centre(db(), b());
  ASSERT_DB_OK(unchanged);
  EXPECT_EQ(unchanged->structure, "ordinary");
  centre->places = {0, 0, 0, 50};
  ASSERT_DB_OK(centres::update_centre(db(), *centre));

  const CivilDay day = "2026-06-01"_day;
  const auto m13 = person("2012-07-01", true);
  const auto m14 = person("2012-06-01", true);
  const auto unknown_age = person(std::nullopt, true);
  auto under_14 = arrive(m13, b(), Category::minors, day);
  ASSERT_FALSE(under_14.ok());
  EXPECT_EQ(under_14.error().code, "minor_under_14_in_temporary_structure");
  ASSERT_EQ(under_14.error().fields.count("person_ids"), 1u);
  const auto& params = under_14.error().fields.at("person_ids").params;
  EXPECT_EQ(std::get<std::int64_t>(params[1].second), 13);
  auto no_age = arrive(unknown_age, b(), Category::minors, day);
  ASSERT_FALSE(no_age.ok());
  EXPECT_EQ(no_age.error().code, "minor_under_14_in_temporary_structure");
  EXPECT_EQ(count("placements"), 0);
  ASSERT_DB_OK(arrive(m14, b(), Category::minors, day));
  ASSERT_DB_OK(arrive(m13, b(), Category::minors, day, "sibling of a guest, decree 12/2026"));

  std::vector<std::int64_t> group;
  for (int i = 0; i < 48; ++i) group.push_back(person("2010-01-01", true));
  ASSERT_DB_OK(place(db(), {group, b(), Category::minors, day, "landing", {}}, kToday));
  EXPECT_EQ(count("placements"), 50);

  const auto one_more = person("2010-01-01", true);
  auto full = arrive(one_more, b(), Category::minors, day);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().code, "temporary_structure_cap");
  EXPECT_EQ(full.error().kind, ErrorKind::conflict);
  EXPECT_EQ(full.error().fields.count("centre_id"), 1u);
  EXPECT_EQ(count("placements"), 50);

  std::vector<std::int64_t> urgency;
  for (int i = 0; i < 25; ++i) urgency.push_back(person("2010-01-01", true));
  ASSERT_DB_OK(place(
      db(), {urgency, b(), Category::minors, day, "landing", "extreme urgency, decree 13/2026"},
      kToday));
  EXPECT_EQ(count("placements"), 75);
  auto beyond = arrive(one_more, b(), Category::minors, day, "extreme urgency, decree 14/2026");
  ASSERT_FALSE(beyond.ok());
  EXPECT_EQ(beyond.error().code, "temporary_structure_urgency_cap");
  const auto& cap = beyond.error().fields.at("centre_id").params;
  EXPECT_EQ(std::get<std::int64_t>(cap[0].second), 75);  // limit
  EXPECT_EQ(std::get<std::int64_t>(cap[1].second), 75);  // guests
  EXPECT_EQ(count("placements"), 75);
}

TEST_P(MinorsTest, TheSectionLimitCountsEveryStayInAdultSectionsUpToToday) {
  const auto m = person("2009-03-01", true);
  // From 1 April to 30 June (today) is 91 days: one more than 90. From 2 April, 90: allowed.
  auto too_long = arrive(m, a(), Category::minors, "2026-04-01"_day);
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().code, "minor_section_limit");
  EXPECT_EQ(too_long.error().kind, ErrorKind::conflict);
  ASSERT_DB_OK(arrive(m, a(), Category::minors, "2026-04-02"_day));
  auto stay = section_stay(db(), m, kToday.plus_days(1));
  ASSERT_DB_OK(stay);
  EXPECT_EQ(stay->days_used, 90);
  EXPECT_EQ(stay->limit, 90);
}

TEST_P(MinorsTest, AReturnToASectionAddsToTheDaysAlreadySpentUntilExtended) {
  const auto m = person("2009-03-01", true);
  // 1 March to 30 May in A's section: 31 + 30 + 29 = 90 days (overridden: already past today's
  // limit), then the minors' structure B, then back to A on 20 June: 90 + 11 days through today.
  ASSERT_DB_OK(arrive(m, a(), Category::minors, "2026-03-01"_day, "Prefettura: emergency"));
  ASSERT_DB_OK(move(m, b(), "2026-05-30"_day));
  auto back = move(m, a(), "2026-06-20"_day);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().code, "minor_section_limit");
  const auto& params = back.error().fields.at("person_ids").params;
  EXPECT_EQ(std::get<std::int64_t>(params.at(2).second), 90);  // used
  EXPECT_EQ(count("placements"), 2);

  auto person_now = people::find_person(db(), m);
  ASSERT_DB_OK(person_now);
  auto extended = extend_section_stay(db(), *person_now, "no place in SAI yet", user_, kToday);
  ASSERT_DB_OK(extended);
  auto twice = extend_section_stay(db(), *person_now, "again", user_, kToday);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "already_extended");
  ASSERT_DB_OK(move(m, a(), "2026-06-20"_day));
  auto stay = section_stay(db(), m, kToday.plus_days(1));
  ASSERT_DB_OK(stay);
  EXPECT_EQ(stay->days_used, 101);
  EXPECT_EQ(stay->limit, 150);
  EXPECT_TRUE(stay->extended);

  auto adult = people::find_person(db(), person("2007-01-01", true));
  ASSERT_DB_OK(adult);
  auto not_minor = extend_section_stay(db(), *adult, "a reason", user_, kToday);
  ASSERT_FALSE(not_minor.ok());
  EXPECT_EQ(not_minor.error().code, "not_unaccompanied_minor");
}

TEST_P(MinorsTest, DerogatedPlacesStayWithinTheContractOnEveryDay) {
  // 3 in June, 4 from 15 June to 15 July: 7 on 15-30 June, the contract's 7. One more is refused
  // with 0 left on 15 June, the first tightest day.
  ASSERT_DB_OK(derogate(Category::single_men, 3, "2026-06-01", "2026-06-30"));
  ASSERT_DB_OK(derogate(Category::families, 4, "2026-06-15", "2026-07-15"));
  auto above = derogate(Category::single_men, 1, "2026-06-20", "2026-06-25");
  ASSERT_FALSE(above.ok());
  EXPECT_EQ(above.error().code, "derogation_above_contract");
  EXPECT_EQ(above.error().fields.count("places"), 1u);
  // After June the 4 leave 3: these fit.
  ASSERT_DB_OK(derogate(Category::single_men, 3, "2026-07-01", "2026-07-31"));

  auto no_contract = derogate(Category::single_men, 1, "2026-12-20", "2027-01-10");
  ASSERT_FALSE(no_contract.ok());
  EXPECT_EQ(no_contract.error().code, "derogation_without_contract");
  auto backwards = derogate(Category::single_men, 1, "2026-06-10", "2026-06-01");
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().fields.count("end_date"), 1u);
  EXPECT_EQ(count("centre_derogations"), 3);

  auto centre = centres::find_centre(db(), a());
  ASSERT_DB_OK(centre);
  auto june = centres::places_available_on(db(), *centre, "2026-06-20"_day);
  ASSERT_DB_OK(june);
  EXPECT_EQ(*june, (centres::PlacesByCategory{8, 0, 4, 2}));
  auto august = centres::places_available_on(db(), *centre, "2026-08-01"_day);
  ASSERT_DB_OK(august);
  EXPECT_EQ(*august, (centres::PlacesByCategory{5, 0, 0, 2}));
}

TEST_P(MinorsTest, DerogatedPlacesCountInCapacityOnlyInTheirPeriod) {
  ASSERT_DB_OK(derogate(Category::single_men, 3, "2026-06-01", "2026-06-30"));
  std::vector<std::int64_t> men;
  for (int i = 0; i < 9; ++i) men.push_back(person("1990-01-01", false));
  // 5 fill A's own places from 20 May; 3 more take the derogated places in June; the ninth
  // finds none, and a back-dated arrival on 25 May finds May's 5 places taken.
  ASSERT_DB_OK(place(db(),
                     {{men[0], men[1], men[2], men[3], men[4]},
                      a(),
                      Category::single_men,
                      "2026-05-20"_day,
                      "landing",
                      std::nullopt},
                     kToday));
  ASSERT_DB_OK(place(db(),
                     {{men[5], men[6], men[7]},
                      a(),
                      Category::single_men,
                      "2026-06-10"_day,
                      "landing",
                      std::nullopt},
                     kToday));
  auto ninth = arrive(men[8], a(), Category::single_men, "2026-06-10"_day);
  ASSERT_FALSE(ninth.ok());
  EXPECT_EQ(ninth.error().code, "centre_full");
  auto back_dated = arrive(men[8], a(), Category::single_men, "2026-05-25"_day);
  ASSERT_FALSE(back_dated.ok());
  EXPECT_EQ(back_dated.error().code, "centre_full");

  auto occupancy = occupancy_on(db(), "2026-06-10"_day, {});
  ASSERT_DB_OK(occupancy);
  const auto& o = occupancy->at(0);
  ASSERT_EQ(o.centre.id, a());
  EXPECT_EQ(o.derogated_places, (centres::PlacesByCategory{3, 0, 0, 0}));
  EXPECT_EQ(o.contract_places, 7);
  EXPECT_EQ(o.guests, (centres::PlacesByCategory{8, 0, 0, 0}));
  EXPECT_EQ(o.free(Category::single_men), 0);
  EXPECT_FALSE(o.over_capacity());
  auto may = occupancy_on(db(), "2026-05-31"_day, {});
  ASSERT_DB_OK(may);
  EXPECT_EQ(may->at(0).derogated_places, (centres::PlacesByCategory{}));
}

// A decision withdrawn (decision 0027): A's contract has 7 places. 3 single men's places above
// contract in June: on 10 June occupancy shows 3 derogated and A has 5 + 3 = 8 single men's places,
// and only 7 - 3 = 4 more may be granted. Withdrawn with its reason: occupancy shows 0 derogated,
// A has its own 5 again (a sixth man is refused as the centre is full), and the whole contract's 7
// may be granted anew. A second withdrawal is 409; an unknown one 404; nothing changes then.
TEST_P(MinorsTest, AWithdrawnDerogationCountsNoLonger) {
  auto d = derogate(Category::single_men, 3, "2026-06-01", "2026-06-30");
  ASSERT_DB_OK(d);
  auto five = derogate(Category::single_men, 5, "2026-06-01", "2026-06-30");
  ASSERT_FALSE(five.ok());
  EXPECT_EQ(five.error().code, "derogation_above_contract");
  auto before = occupancy_on(db(), "2026-06-10"_day, {});
  ASSERT_DB_OK(before);
  EXPECT_EQ(before->at(0).derogated_places, (centres::PlacesByCategory{3, 0, 0, 0}));

  auto withdrawn =
      centres::withdraw_derogation(db(), d->id, "decree revoked by decree 7/2026", user_);
  ASSERT_DB_OK(withdrawn);
  EXPECT_TRUE(withdrawn->withdrawn());
  EXPECT_EQ(withdrawn->withdrawal_reason, "decree revoked by decree 7/2026");
  EXPECT_EQ(withdrawn->withdrawn_by, user_);
  EXPECT_EQ(centres::to_json(*withdrawn)["status"], "withdrawn");
  auto again = centres::withdraw_derogation(db(), d->id, "decree revoked twice", user_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "derogation_already_withdrawn");
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  auto unknown = centres::withdraw_derogation(db(), 999'999, "no such decision", user_);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);

  auto after = occupancy_on(db(), "2026-06-10"_day, {});
  ASSERT_DB_OK(after);
  EXPECT_EQ(after->at(0).derogated_places, (centres::PlacesByCategory{}));
  auto centre = centres::find_centre(db(), a());
  ASSERT_DB_OK(centre);
  auto places = centres::places_available_on(db(), *centre, "2026-06-10"_day);
  ASSERT_DB_OK(places);
  EXPECT_EQ(*places, (centres::PlacesByCategory{5, 0, 0, 2}));
  std::vector<std::int64_t> men;
  for (int i = 0; i < 6; ++i) men.push_back(person("1990-01-01", false));
  ASSERT_DB_OK(place(db(),
                     {{men[0], men[1], men[2], men[3], men[4]},
                      a(),
                      Category::single_men,
                      "2026-06-10"_day,
                      "landing",
                      std::nullopt},
                     kToday));
  auto sixth = arrive(men[5], a(), Category::single_men, "2026-06-10"_day);
  ASSERT_FALSE(sixth.ok());
  EXPECT_EQ(sixth.error().code, "centre_full");
  // Still listed, withdrawn; the ceiling is the whole contract again.
  auto listed = centres::centre_derogations(db(), a());
  ASSERT_DB_OK(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_TRUE(listed->at(0).withdrawn());
  ASSERT_DB_OK(derogate(Category::single_men, 7, "2026-06-01", "2026-06-30"));
}

INSTANTIATE_TEST_SUITE_P(Engines, MinorsTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::reception
