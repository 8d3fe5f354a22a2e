// Checklist versions on both engines: the standard one is there after migrating, its questions in
// the six languages (Italian and English as shipped, the others from migration 11), a new version
// gets the next number and leaves the old one as it was, and every rule of a version refuses
// with the field it names, storing nothing.
#include "monitoring/checklists.h"

#include <gtest/gtest.h>

#include "support/reception_fixture.h"

namespace innet::monitoring {
namespace {

class ChecklistStorage : public reception::storage_test::ReceptionTest {
 protected:
  void SetUp() override { set_up_reception({1, 0, 0, 0}); }

  static ChecklistItem yes_no_item(std::string code) {
    ChecklistItem item;
    item.code = std::move(code);
    item.area = "meals";
    item.answer_kind = "yes_no";
    item.expected_yes = true;
    item.weight = 3;
    item.failure_is_finding = true;
    item.default_severity = "minor";
    item.question = {{"it", "I pasti sono regolari?"}};
    return item;
  }

  // The refusal's field names, or a failure when `v` is accepted.
  static std::vector<std::string> refused_fields(const NewChecklistVersion& v) {
    auto status = check_version(v);
    std::vector<std::string> names;
    if (status.ok()) return names;
    for (const auto& [name, _] : status.error().fields) names.push_back(name);
    return names;
  }
};

TEST_P(ChecklistStorage, TheStandardChecklistIsInstalledAsVersionOne) {
  auto latest = latest_versions(db());
  ASSERT_DB_OK(latest);
  ASSERT_EQ(latest->size(), 1u);
  EXPECT_EQ(latest->at(0).code, "standard");
  EXPECT_EQ(latest->at(0).version, 1);
  EXPECT_FALSE(latest->at(0).created_by.has_value());
  auto standard = find_version(db(), latest->at(0).id);
  ASSERT_DB_OK(standard);
  const auto shipped = standard_checklist();
  ASSERT_EQ(standard->items.size(), shipped.items.size());
  std::set<std::string> areas;
  for (std::size_t i = 0; i < shipped.items.size(); ++i) {
    const auto& read = standard->items[i];
    EXPECT_EQ(read.code, shipped.items[i].code) << "in the order of the form";
    // Italian and English as shipped; the four others from migration 11, for every item.
    auto written = read.question;
    const auto translated = standard_question_translations().at(read.code);
    for (const auto& [language, question] : translated) {
      EXPECT_EQ(written[language], question) << read.code << " " << language;
      written.erase(language);
    }
    EXPECT_EQ(written, shipped.items[i].question);
    EXPECT_EQ(read.question.size(), question_languages().size()) << read.code;
    EXPECT_EQ(read.expected_yes, shipped.items[i].expected_yes);
    EXPECT_EQ(read.passing_choices, shipped.items[i].passing_choices);
    areas.insert(read.area);
  }
  EXPECT_EQ(areas.size(), area_names().size()) << "every area of domain.md has items";
}

TEST_P(ChecklistStorage, ANewVersionTakesTheNextNumberAndLeavesTheOldOneUnchanged) {
  auto before = latest_versions(db());
  ASSERT_DB_OK(before);
  auto old = find_version(db(), before->at(0).id);
  ASSERT_DB_OK(old);

  NewChecklistVersion next = standard_checklist();
  next.title = "Verifica 2027";
  next.items.resize(2);
  next.items.push_back(yes_no_item("meals.new_question"));
  auto stored = create_version(db(), next, user_);
  ASSERT_DB_OK(stored);
  EXPECT_EQ(stored->version, 2);
  EXPECT_EQ(stored->created_by, user_);

  auto again = find_version(db(), old->id);
  ASSERT_DB_OK(again);
  EXPECT_EQ(again->title, old->title);
  EXPECT_EQ(again->items.size(), old->items.size());
  auto versions = versions_of(db(), "standard");
  ASSERT_DB_OK(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ(versions->at(0).version, 2) << "newest first";
  auto latest = latest_versions(db());
  ASSERT_DB_OK(latest);
  ASSERT_EQ(latest->size(), 1u);
  EXPECT_EQ(latest->at(0).id, stored->id);
  auto read = find_version(db(), stored->id);
  ASSERT_DB_OK(read);
  ASSERT_EQ(read->items.size(), 3u);
  EXPECT_EQ(read->items[2].code, "meals.new_question");
}

TEST_P(ChecklistStorage, EachRuleOfAVersionNamesItsField) {
  NewChecklistVersion v{.code = "x", .title = "x", .items = {yes_no_item("a"), yes_no_item("a")}};
  EXPECT_EQ(refused_fields(v), std::vector<std::string>{"items[1].code"});

  v.items = {yes_no_item("a")};
  v.items[0].expected_yes.reset();  // a yes/no item with no passing answer cannot fail
  EXPECT_EQ(refused_fields(v), std::vector<std::string>{"items[0].failure_is_finding"});

  v.items = {yes_no_item("a")};
  v.items[0].answer_kind = "choice";
  v.items[0].expected_yes.reset();
  v.items[0].choices = {"buone", "scarse"};
  v.items[0].passing_choices = {"ottime"};
  EXPECT_EQ(refused_fields(v), std::vector<std::string>{"items[0].passing_choices"});

  v.items = {yes_no_item("a")};
  v.items[0].min_value = 3;  // bounds belong to numbers
  EXPECT_EQ(refused_fields(v), std::vector<std::string>{"items[0].min_value"});

  v.items = {yes_no_item("a")};
  v.items[0].answer_kind = "number";
  v.items[0].expected_yes.reset();
  v.items[0].min_value = 5;
  v.items[0].max_value = 2;
  EXPECT_EQ(refused_fields(v), std::vector<std::string>{"items[0].max_value"});

  v.items = {yes_no_item("a")};
  v.items[0].question = {{"en", "Meals?"}};
  EXPECT_EQ(refused_fields(v), std::vector<std::string>{"items[0].question.it"});

  v.items = {yes_no_item("a")};
  v.items[0].area = "kitchen";
  v.items[0].default_severity = "fatal";
  EXPECT_EQ(refused_fields(v),
            (std::vector<std::string>{"items[0].area", "items[0].default_severity"}));

  v.items.clear();
  EXPECT_EQ(refused_fields(v), std::vector<std::string>{"items"});
  EXPECT_TRUE(check_version(standard_checklist()).ok());
}

TEST_P(ChecklistStorage, ARefusedVersionStoresNothing) {
  NewChecklistVersion v{.code = "standard", .title = "x", .items = {yes_no_item("a")}};
  v.items[0].weight = 11;
  auto refused = create_version(db(), v, user_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.count("items[0].weight"), 1u);
  auto versions = versions_of(db(), "standard");
  ASSERT_DB_OK(versions);
  EXPECT_EQ(versions->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, ChecklistStorage, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::monitoring
