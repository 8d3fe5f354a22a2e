// Opportunities' storage on both engines (decision 0039): children (target groups, translations)
// replaced with the row, public lists only published and not expired, drafts only for their
// organisation, words found in a translation, checks before any write.
#include "opportunities/opportunities.h"

#include <gtest/gtest.h>

#include "support/reception_fixture.h"

namespace innet::opportunities {
namespace {

using reception::storage_test::ReceptionTest;

class OpportunitiesTest : public ReceptionTest {
 protected:
  void SetUp() override { set_up_reception({1, 1, 1, 0}); }

  Opportunity one(const std::string& title, const std::string& status,
                  const std::string& expires_on) {
    return {.kind = "training",
            .status = status,
            .title = title,
            .description = "Corso di 120 ore.",
            .how_to_apply = "Colloquio.",
            .municipality = "082053",
            .expires_on = expires_on,
            .target_groups = {"refugees", "women"},
            .translations = {{"en", "Welding course", "A 120-hour course.", ""}},
            .publisher_organization_id = operator_id_,
            .updated_by = user_};
  }

  std::vector<std::string> titles(const Filter& f) {
    auto page = list(db(), f, Paging{1, 100});
    EXPECT_TRUE(page.ok());
    std::vector<std::string> out;
    if (page.ok())
      for (const auto& o : page->items) out.push_back(o.title);
    return out;
  }
};

TEST_P(OpportunitiesTest, SavedWithItsChildrenAndReplacedOnUpdate) {
  auto made = create(db(), one("Saldatura", "draft", "2026-12-31"), "2026-12-01T09:00:00Z");
  ASSERT_DB_OK(made);
  auto found = find(db(), made->id);
  ASSERT_DB_OK(found);
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->target_groups, (std::vector<std::string>{"refugees", "women"}));
  ASSERT_EQ((*found)->translations.size(), 1u);
  EXPECT_EQ(texts_in(**found, "en").title, "Welding course");
  EXPECT_EQ(texts_in(**found, "en").how_to_apply, "Colloquio.");  // the Italian fills a gap
  EXPECT_EQ(texts_in(**found, "en").language, "en");
  EXPECT_EQ(texts_in(**found, "en").how_to_apply_language, "it");  // and says so
  EXPECT_EQ(texts_in(**found, "ar").language, "it");
  EXPECT_EQ(texts_in(**found, "ar").how_to_apply_language, "it");
  auto changed = **found;
  changed.target_groups = {"asylum_seekers"};
  changed.translations = {{"uk", "Зварювання", "Курс.", "Співбесіда."}};
  changed.status = "published";
  ASSERT_DB_OK(update(db(), changed, "2026-12-02T09:00:00Z"));
  auto again = find(db(), made->id);
  ASSERT_DB_OK(again);
  EXPECT_EQ((*again)->target_groups, (std::vector<std::string>{"asylum_seekers"}));
  ASSERT_EQ((*again)->translations.size(), 1u);
  EXPECT_EQ((*again)->translations[0].language, "uk");
  EXPECT_EQ((*again)->updated_at, "2026-12-02T09:00:00Z");
  EXPECT_EQ((*again)->created_at, "2026-12-01T09:00:00Z");
}

TEST_P(OpportunitiesTest, PublicListsHoldOnlyPublishedAndNotExpired) {
  for (auto [title, status, expires] : {std::tuple{"Aperto", "published", "2026-12-10"},
                                        {"Ultimo giorno", "published", "2026-12-05"},
                                        {"Scaduto", "published", "2026-12-04"},
                                        {"Bozza", "draft", "2026-12-31"},
                                        {"Ritirato", "withdrawn", "2026-12-31"}})
    ASSERT_DB_OK(create(db(), one(title, status, expires), "2026-12-01T09:00:00Z"));
  Filter current{.current_only = true, .today = "2026-12-05"};
  EXPECT_EQ(titles(current), (std::vector<std::string>{"Ultimo giorno", "Aperto"}));
  // Staff of another organisation: the published ones, expired included; none of the drafts.
  Filter other{.drafts_of = operator_id_ + 1000};
  EXPECT_EQ(titles(other), (std::vector<std::string>{"Scaduto", "Ultimo giorno", "Aperto"}));
  Filter own{.drafts_of = operator_id_};
  EXPECT_EQ(titles(own).size(), 5u);
}

TEST_P(OpportunitiesTest, WordsAreFoundInTranslationsAndFiltersCombine) {
  auto with_uk = one("Giardinaggio", "published", "2026-12-31");
  with_uk.translations = {{"uk", "Садівництво", "Сезонна робота.", ""}};
  with_uk.target_groups = {"temporary_protection"};
  ASSERT_DB_OK(create(db(), with_uk, "2026-12-01T09:00:00Z"));
  ASSERT_DB_OK(create(db(), one("Cucina", "published", "2026-12-31"), "2026-12-01T09:00:00Z"));
  EXPECT_EQ(titles({.words = "садівництво"}), (std::vector<std::string>{"Giardinaggio"}));
  EXPECT_EQ(titles({.words = "CUCINA"}), (std::vector<std::string>{"Cucina"}));
  EXPECT_EQ(titles({.words = "100%"}), (std::vector<std::string>{}));  // LIKE's wildcards escaped
  EXPECT_EQ(titles({.target_group = "temporary_protection"}),
            (std::vector<std::string>{"Giardinaggio"}));
  EXPECT_EQ(titles({.kind = "job"}), (std::vector<std::string>{}));
}

TEST_P(OpportunitiesTest, RefusedBeforeAnyWrite) {
  auto bad = one("Link", "draft", "2026-12-31");
  bad.url = "http://example.org";
  auto refused = create(db(), bad, "2026-12-01T09:00:00Z");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at("url").code, "not_https");
  auto twice = one("Due volte", "draft", "2026-12-31");
  twice.translations.push_back(twice.translations[0]);
  auto refused_twice = create(db(), twice, "2026-12-01T09:00:00Z");
  ASSERT_FALSE(refused_twice.ok());
  EXPECT_EQ(refused_twice.error().fields.at("translations").code, "listed_twice");
  auto dates = one("Date", "draft", "2026-12-31");
  dates.starts_on = "2026-12-10";
  dates.ends_on = "2026-12-09";
  EXPECT_FALSE(create(db(), dates, "2026-12-01T09:00:00Z").ok());
  EXPECT_TRUE(titles({}).empty());
}

TEST_P(OpportunitiesTest, RecommendationsOfACaseNewestFirst) {
  auto o = create(db(), one("Corso", "published", "2026-12-31"), "2026-12-01T09:00:00Z");
  ASSERT_DB_OK(o);
  ASSERT_DB_OK(recommend(db(), {.opportunity_id = o->id,
                                .case_id = 7,
                                .recommended_by = user_,
                                .recommended_at = "2026-12-02T09:00:00Z"}));
  ASSERT_DB_OK(recommend(db(), {.opportunity_id = o->id,
                                .case_id = 7,
                                .note = "di nuovo",
                                .recommended_by = user_,
                                .recommended_at = "2026-12-03T09:00:00Z"}));
  ASSERT_DB_OK(recommend(db(), {.opportunity_id = o->id,
                                .case_id = 8,
                                .recommended_by = user_,
                                .recommended_at = "2026-12-03T09:00:00Z"}));
  auto of_seven = recommendations_of(db(), 7);
  ASSERT_DB_OK(of_seven);
  ASSERT_EQ(of_seven->size(), 2u);
  EXPECT_EQ((*of_seven)[0].note, "di nuovo");
  EXPECT_FALSE((*of_seven)[1].note.has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, OpportunitiesTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::opportunities
