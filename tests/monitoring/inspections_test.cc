// Inspections on both engines: the statuses in order, answers that fit their item and its
// version, a replayed write stored once, the latest answer in effect, nothing written to a
// completed inspection, and scores computed by hand.
#include "monitoring/inspections.h"

#include <gtest/gtest.h>

#include "accounts/accounts.h"
#include "support/reception_fixture.h"

namespace innet::monitoring {
namespace {

const std::string kNow = "2026-11-10T09:30:00Z";

class InspectionStorage : public reception::storage_test::ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({4, 0, 0, 0});
    if (IsSkipped() || HasFatalFailure()) return;  // no PostgreSQL here: nothing to set up
    accounts::User u;
    u.email = "ispettore@prefettura.test";
    u.display_name = "Ispettore";
    u.role = auth::Role::inspector;
    u.organization_id = prefecture_id();
    auto inspector = accounts::create_user(db(), u);
    ASSERT_DB_OK(inspector);
    inspector_ = inspector->id;
    auto versions = versions_of(db(), "standard");
    ASSERT_DB_OK(versions);
    auto standard = find_version(db(), versions->front().id);
    ASSERT_DB_OK(standard);
    standard_ = *standard;
  }

  std::int64_t prefecture_id() {
    accounts::Organization org{0, "Prefettura di Prova", "prefecture", std::nullopt, ""};
    auto created = accounts::create_organization(db(), org);
    return created.ok() ? created->id : 0;
  }

  Inspection planned() {
    NewInspection n{.centre_id = a(),
                    .checklist_id = standard_.id,
                    .planned_date = *CivilDay::parse("2026-11-10"),
                    .announced = false,
                    .team = {inspector_}};
    auto i = plan_inspection(db(), n, inspector_, kNow);
    EXPECT_TRUE(i.ok());
    return *i;
  }

  const ChecklistItem& item(const std::string& code) {
    return *std::find_if(standard_.items.begin(), standard_.items.end(),
                         [&](const ChecklistItem& i) { return i.code == code; });
  }

  Answer yes(const std::string& code, bool value, std::string key) {
    Answer a;
    a.item_id = item(code).id;
    a.yes = value;
    a.idempotency_key = std::move(key);
    a.answered_by = inspector_;
    a.answered_at = kNow;
    return a;
  }

  std::int64_t inspector_ = 0;
  ChecklistVersion standard_;
};

TEST_P(InspectionStorage, StatusesGoInOrder) {
  Inspection i = planned();
  EXPECT_EQ(i.status, "planned");
  EXPECT_EQ(i.team, std::vector<std::int64_t>{inspector_});
  EXPECT_FALSE(complete_inspection(db(), i.id, kNow).ok()) << "not started";
  ASSERT_DB_OK(start_inspection(db(), i.id, kNow));
  auto again = start_inspection(db(), i.id, kNow);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "wrong_status");
  ASSERT_DB_OK(complete_inspection(db(), i.id, kNow));
  auto issued = issue_report(db(), i.id, kNow);
  ASSERT_DB_OK(issued);
  EXPECT_EQ(issued->status, "report_issued");
  EXPECT_TRUE(issued->report_issued_at.has_value());
}

TEST_P(InspectionStorage, TheTeamIsMadeOfInspectors) {
  NewInspection n{.centre_id = a(),
                  .checklist_id = standard_.id,
                  .planned_date = *CivilDay::parse("2026-11-10"),
                  .team = {user_}};  // the operator's own staff member
  auto refused = plan_inspection(db(), n, inspector_, kNow);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.count("team[0]"), 1u);
  auto none = list_inspections(db(), {}, {});
  ASSERT_DB_OK(none);
  EXPECT_TRUE(none->items.empty());
  EXPECT_EQ(none->total, 0);
}

TEST_P(InspectionStorage, AnswersFitTheirItemAndAReplayIsStoredOnce) {
  Inspection i = planned();
  auto early = record_answer(db(), i, yes("building.no_pests", true, "key-00001"));
  ASSERT_FALSE(early.ok()) << "a planned inspection takes no answers";
  ASSERT_DB_OK(start_inspection(db(), i.id, kNow));
  auto started = find_inspection(db(), i.id);
  ASSERT_DB_OK(started);

  auto first = record_answer(db(), *started, yes("building.no_pests", true, "key-00001"));
  ASSERT_DB_OK(first);
  EXPECT_FALSE(first->replayed);
  auto replay = record_answer(db(), *started, yes("building.no_pests", true, "key-00001"));
  ASSERT_DB_OK(replay);
  EXPECT_TRUE(replay->replayed);
  EXPECT_EQ(replay->answer.id, first->answer.id);
  ASSERT_DB_OK(record_answer(db(), *started, yes("building.no_pests", false, "key-00002")));
  auto answers = current_answers(db(), i.id);
  ASSERT_DB_OK(answers);
  ASSERT_EQ(answers->size(), 1u) << "the latest answer per item is in effect";
  EXPECT_EQ(answers->at(0).yes, false);

  Answer wrong_kind = yes("building.hygiene", true, "key-00003");  // a choice item
  auto refused = record_answer(db(), *started, wrong_kind);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "value_for_kind");
  Answer bad_choice = wrong_kind;
  bad_choice.yes.reset();
  bad_choice.text = "ottime";
  refused = record_answer(db(), *started, bad_choice);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.count("text"), 1u);
  Answer stranger = yes("building.no_pests", true, "key-00004");
  stranger.item_id = 999999;
  refused = record_answer(db(), *started, stranger);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "item_not_in_checklist");

  ASSERT_DB_OK(complete_inspection(db(), i.id, kNow));
  auto done = find_inspection(db(), i.id);
  ASSERT_DB_OK(done);
  refused = record_answer(db(), *done, yes("building.no_pests", true, "key-00005"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
  answers = current_answers(db(), i.id);
  ASSERT_DB_OK(answers);
  EXPECT_EQ(answers->size(), 1u);
}

// Building: fire safety (weight 8) passes, pests (5) fails, hygiene (choice, 5) passes, photos
// not scored: 13 of 18 = 72.2%. Meals: regular supply (5) fails: 0%. Other areas: no score.
// Overall: 13 of 23.
TEST_P(InspectionStorage, ScoresAreTheWeightThatPassed) {
  std::vector<Answer> answers = {yes("building.fire_safety", true, "a"),
                                 yes("building.no_pests", false, "b"),
                                 yes("meals.regular_supply", false, "c")};
  Answer hygiene;
  hygiene.item_id = item("building.hygiene").id;
  hygiene.text = "adeguate";
  answers.push_back(hygiene);
  Answer photo;
  photo.item_id = item("building.photos").id;
  answers.push_back(photo);
  const Scores s = score(standard_, answers);
  ASSERT_EQ(s.areas.size(), area_names().size());
  auto area = [&](const std::string& name) {
    return *std::find_if(s.areas.begin(), s.areas.end(),
                         [&](const AreaScore& a) { return a.area == name; });
  };
  EXPECT_NEAR(*area("building").score, 100.0 * 13 / 18, 1e-9);
  EXPECT_EQ(area("building").answered, 3);
  EXPECT_EQ(area("building").failed, 1);
  EXPECT_EQ(*area("meals").score, 0.0);
  EXPECT_FALSE(area("staff").score.has_value()) << "nothing scored is no score, not 100";
  EXPECT_NEAR(*s.overall, 100.0 * 13 / 23, 1e-9);
}

INSTANTIATE_TEST_SUITE_P(Engines, InspectionStorage, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::monitoring
