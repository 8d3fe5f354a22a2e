// Screening storage on both engines (decision 0031): the shipped instruments keep their own
// rules, a published version retires the one before it, answers to another or a retired version
// are refused with nothing stored, completion makes flags of the confirmed categories only, a
// flag's corrections and withdrawal are kept, and the due terms and the case list's subqueries
// follow arrivals and screenings; the persons flagged high are counted among a centre's guests.
#include "screening/screenings.h"

#include <gtest/gtest.h>

#include <map>

#include "reception/placements/guest_counts.h"
#include "reception/placements/placements.h"
#include "support/reception_fixture.h"

namespace innet::screening {
namespace {

using reception::storage_test::ReceptionTest;

constexpr const char* kNow = "2026-11-02T09:00:00Z";
const CivilDay kToday = *CivilDay::parse("2026-11-02");

class ScreeningTest : public ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({10, 10, 10, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    add_person("Rahman", "Abdul", "BD");
    add_person("Okafor", "Grace", "NG");
    add_person("Kovalenko", "Olena", "UA");
  }
  cases::Case opened(int person) {
    auto c = cases::open_case(db(), this->person(person), operator_id_, user_, kNow);
    EXPECT_TRUE(c.ok());
    return c.ok() ? *c : cases::Case{};
  }
  InstrumentVersion current(const char* code) {
    auto v = current_version(db(), code);
    EXPECT_TRUE(v.ok());
    return v.ok() ? *v : InstrumentVersion{};
  }
  std::vector<std::int64_t> selected(const db::Subquery& q) {
    auto rows = db().query(q.sql + " ORDER BY 1", q.params);
    EXPECT_TRUE(rows.ok());
    std::vector<std::int64_t> ids;
    if (rows.ok())
      for (const auto& r : *rows) ids.push_back(r.integer(0));
    return ids;
  }
};

TEST(Instruments, TheShippedDefinitionsKeepTheirRules) {
  EXPECT_TRUE(check_definition("ipsn", ipsn_definition()).ok());
  EXPECT_TRUE(check_definition("protect", protect_definition()).ok());
  auto d = protect_definition();
  d.bands[1].max = 6;  // 7 belongs to no band
  auto gap = check_definition("protect", d);
  ASSERT_FALSE(gap.ok());
  EXPECT_EQ(gap.error().fields.begin()->second.code, "bands_not_covering");
  auto i = ipsn_definition();
  i.indicators[0].categories = {"brave"};
  auto unknown = check_definition("ipsn", i);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().fields.begin()->first, "indicators[0].categories");
  // The JSON kept in the table reads back as written.
  const auto back = definition_from_json(definition_json(protect_definition()));
  EXPECT_EQ(back.items, protect_definition().items);
  EXPECT_EQ(back.referral_cut_off, 8);
}

TEST(Instruments, MonthsAddedStayInTheMonth) {
  EXPECT_EQ(plus_months(*CivilDay::parse("2026-08-31"), 6).to_string(), "2027-02-28");
  EXPECT_EQ(plus_months(*CivilDay::parse("2026-01-15"), 6).to_string(), "2026-07-15");
}

TEST_P(ScreeningTest, APublishedVersionRetiresTheOldOneWhichStaysReadable) {
  const auto v1 = current("protect");
  auto d = v1.definition;
  d.referral_cut_off = 9;
  auto v2 = publish_version(db(), "protect", d, "soglia 9", user_, kNow);
  ASSERT_DB_OK(v2);
  EXPECT_EQ(v2->version, v1.version + 1);
  auto old = find_version(db(), v1.id);
  ASSERT_DB_OK(old);
  EXPECT_EQ(old->retired_at, kNow);
  EXPECT_EQ(old->definition.referral_cut_off, 8);
  auto c = opened(1);
  auto refused = start_screening(db(), {.case_id = c.id,
                                        .instrument_id = v1.id,
                                        .stage = "first",
                                        .started_by = user_,
                                        .started_at = kNow});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.begin()->second.code, "instrument_retired");
}

TEST_P(ScreeningTest, CompletionFlagsTheConfirmedCategoriesOnly) {
  auto c = opened(1);
  const auto ipsn = current("ipsn");
  auto s = start_screening(db(), {.case_id = c.id,
                                  .instrument_id = ipsn.id,
                                  .stage = "first",
                                  .answers = {{"female", true}, {"ptsd", true}, {"anxiety", false}},
                                  .started_by = user_,
                                  .started_at = kNow});
  ASSERT_DB_OK(s);
  ASSERT_EQ(s->suggestions.size(), 3u);  // woman, mental_disorder, torture_violence
  auto other = save_answers(db(), s->id, current("protect").id, {}, kNow);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().fields.begin()->first, "instrument_version_id");
  auto unknown = save_answers(db(), s->id, ipsn.id, {{"sleep", true}}, kNow);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().fields.begin()->first, "answers[0].code");
  const std::vector<Decision> decisions = {{"mental_disorder", true, "medium", "CSM"},
                                           {"torture_violence", true, "high", "medico legale"},
                                           {"woman", false, std::nullopt, "no"}};
  auto done = complete_screening(db(), s->id, ipsn.id, decisions, user_, kToday, kNow);
  ASSERT_DB_OK(done);
  EXPECT_EQ(done->status, "completed");
  auto flags = flags_of(db(), c.id);
  ASSERT_DB_OK(flags);
  ASSERT_EQ(flags->size(), 2u);
  auto twice = complete_screening(db(), s->id, ipsn.id, decisions, user_, kToday, kNow);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "screening_completed");

  EXPECT_EQ(selected(cases_flagged("torture_violence")), std::vector<std::int64_t>{c.id});
  EXPECT_TRUE(selected(cases_flagged("fgm")).empty());
  auto flag = (*flags)[0];
  ASSERT_DB_OK(correct_flag(db(), flag.id, std::nullopt, "low", "rivalutato", user_, kNow));
  auto withdrawn = withdraw_flag(db(), flag.id, "non confermato", user_, kNow);
  ASSERT_DB_OK(withdrawn);
  EXPECT_EQ(withdrawn->changes.size(), 2u);
  EXPECT_TRUE(selected(cases_flagged(flag.category)).empty());
}

// The risk ranking's vulnerable guests (decision 0022): screening names the persons with an
// active high-severity flag, reception counts them among each centre's guests on a day, in one
// statement; a low flag, a withdrawn one and a guest who has left do not count.
TEST_P(ScreeningTest, HighSeverityFlagsAreCountedAmongEachCentresGuests) {
  const CivilDay arrived = kToday.plus_days(-20);
  for (int p : {1, 2})
    ASSERT_DB_OK(reception::place(
        db(), {{person(p)}, a(), centres::Category::single_women, arrived, "landing"}, kToday));
  ASSERT_DB_OK(reception::place(
      db(), {{person(3)}, b(), centres::Category::single_women, arrived, "landing"}, kToday));
  auto flag = [&](int p, const char* severity) {
    auto f = add_flag(db(), {.case_id = opened(p).id,
                             .category = "disability",
                             .severity = severity,
                             .identified_on = arrived.to_string(),
                             .identified_by = user_,
                             .source = "manual"});
    EXPECT_TRUE(f.ok());
    return f.ok() ? f->id : 0;
  };
  flag(1, "high");
  flag(2, "low");
  const auto withdrawn = flag(3, "high");
  auto counts = reception::guests_among_on(db(), kToday, persons_flagged("high"));
  ASSERT_DB_OK(counts);
  EXPECT_EQ(*counts, (std::map<std::int64_t, std::int64_t>{{a(), 1}, {b(), 1}}));

  ASSERT_DB_OK(withdraw_flag(db(), withdrawn, "errore", user_, kNow));
  ASSERT_DB_OK(reception::record_exit(db(), {{person(1)}, kToday, "left_voluntarily", std::nullopt},
                                      kToday));
  counts = reception::guests_among_on(db(), kToday, persons_flagged("high"));
  ASSERT_DB_OK(counts);
  EXPECT_TRUE(counts->empty()) << "left today: not a guest today; the withdrawn flag: no flag";
  // Yesterday the guest who left today was there.
  counts = reception::guests_among_on(db(), kToday.plus_days(-1), persons_flagged("high"));
  ASSERT_DB_OK(counts);
  EXPECT_EQ(*counts, (std::map<std::int64_t, std::int64_t>{{a(), 1}}));
}

TEST_P(ScreeningTest, TermsFollowArrivalAndScreenings) {
  auto first = opened(1);
  auto second = opened(2);
  const Settings s;
  const auto arrival = kToday.plus_days(-10);
  ASSERT_DB_OK(refresh_schedule(db(), first, arrival, s));                // term passed: late
  ASSERT_DB_OK(refresh_schedule(db(), second, kToday.plus_days(-2), s));  // within the term
  EXPECT_EQ(selected(cases_due("late", kToday)), std::vector<std::int64_t>{first.id});
  EXPECT_EQ(selected(cases_due("due", kToday)), std::vector<std::int64_t>{second.id});

  const auto ipsn = current("ipsn");
  auto screening = start_screening(db(), {.case_id = first.id,
                                          .instrument_id = ipsn.id,
                                          .stage = "first",
                                          .started_by = user_,
                                          .started_at = kNow});
  ASSERT_DB_OK(screening);
  ASSERT_DB_OK(complete_screening(db(), screening->id, ipsn.id, {}, user_, kToday, kNow));
  auto schedule = refresh_schedule(db(), first, arrival, s);
  ASSERT_DB_OK(schedule);
  EXPECT_EQ(schedule->first_screened_on, "2026-11-02");
  EXPECT_EQ(schedule->owed_from, "2027-05-02");  // six months on
  EXPECT_EQ(schedule->state(kToday), "upcoming");
  EXPECT_TRUE(selected(cases_due("late", kToday)).empty());

  auto months = timeliness(db(), CivilMonth::of(arrival), CivilMonth::of(kToday));
  ASSERT_DB_OK(months);
  std::int64_t arrivals = 0, late = 0;
  for (const auto& m : *months) {
    arrivals += m.arrivals;
    late += m.screened_late;
  }
  EXPECT_EQ(arrivals, 2);
  EXPECT_EQ(late, 1);  // ten days after arrival, beyond the seven

  // Arrived today under the longest term the settings accept: due until its last day, found by
  // the filter's bounded range; the day before, not owed yet.
  auto third = opened(3);
  ASSERT_DB_OK(refresh_schedule(db(), third, kToday, Settings{.first_due_days = kMaxFirstDueDays}));
  EXPECT_EQ(selected(cases_due("due", kToday)), (std::vector<std::int64_t>{second.id, third.id}));
  const auto last_day = kToday.plus_days(kMaxFirstDueDays);
  EXPECT_EQ(selected(cases_due("due", last_day)), std::vector<std::int64_t>{third.id});
  EXPECT_EQ(selected(cases_due("due", kToday.plus_days(-1))), std::vector<std::int64_t>{second.id});
}

// The inbox's terms (task source screening_due) are counted and listed in SQL among the cases
// cases::open_cases_of selects: a case without a schedule is found, a closed one owes nothing,
// another organisation's cases are not counted.
TEST_P(ScreeningTest, OwedTermsAreCountedAmongTheOpenCasesOfTheOrganisation) {
  auto late = opened(1);
  auto due = opened(2);
  const Settings s;
  const auto open = cases::open_cases_of(operator_id_);
  auto missing = unscheduled_in(db(), open);
  ASSERT_DB_OK(missing);
  EXPECT_EQ(*missing, (std::vector<std::int64_t>{late.id, due.id}));
  ASSERT_DB_OK(refresh_schedule(db(), late, kToday.plus_days(-10), s));
  ASSERT_DB_OK(refresh_schedule(db(), due, kToday.plus_days(-2), s));
  missing = unscheduled_in(db(), open);
  ASSERT_DB_OK(missing);
  EXPECT_TRUE(missing->empty());

  auto n = count_owed(db(), open, kToday);
  ASSERT_DB_OK(n);
  EXPECT_EQ(n->total, 2);
  EXPECT_EQ(n->late, 1);
  auto first = owed_in(db(), open, kToday, 1);  // term first: the late one
  ASSERT_DB_OK(first);
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].case_id, late.id);
  EXPECT_EQ((*first)[0].state(kToday), "late");

  // Nothing is owed before the term opens, nor by another organisation's cases.
  n = count_owed(db(), open, kToday.plus_days(-30));
  ASSERT_DB_OK(n);
  EXPECT_EQ(n->total, 0);
  n = count_owed(db(), cases::open_cases_of(operator_id_ + 1000), kToday);
  ASSERT_DB_OK(n);
  EXPECT_EQ(n->total, 0);

  // A closed case owes nothing, though its schedule is still written.
  ASSERT_DB_OK(cases::change_status(
      db(), late.id, {.status = "closed", .reason = "left_reception", .changed_by = user_}, kNow));
  n = count_owed(db(), open, kToday);
  ASSERT_DB_OK(n);
  EXPECT_EQ(n->total, 1);
  EXPECT_EQ(n->late, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ScreeningTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::screening
