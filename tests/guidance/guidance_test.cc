// Guidance pages on both engines (decision 0033): every edit a version, the current one the
// highest; an edit based on an old version refused as stale (also when two editors race); the
// Italian shown while a language has no text; empty sections and unsafe links refused.
#include "guidance/guidance.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/reception_fixture.h"

namespace innet::guidance {
namespace {

using reception::storage_test::ReceptionTest;

class GuidanceTest : public ReceptionTest {
 protected:
  void SetUp() override { set_up_reception({1, 1, 1, 0}); }

  Edit edit(const std::string& language, std::int64_t based_on, const std::string& look_for) {
    return {.category = "trafficking_victim",
            .language = language,
            .based_on = based_on,
            .sections = {look_for, "Con calma.", "- Numero Verde Antitratta 800 290 290",
                         "Art. 18.", ""},
            .change_note = "prova",
            .edited_by = user_};
  }
};

TEST_P(GuidanceTest, EveryEditIsAVersionAndTheLatestIsCurrent) {
  ASSERT_DB_OK(save_edit(db(), edit("it", 0, "Documenti trattenuti"), "2026-11-01T09:00:00Z"));
  auto second = save_edit(db(), edit("it", 1, "Debito per il viaggio"), "2026-11-02T09:00:00Z");
  ASSERT_DB_OK(second);
  EXPECT_EQ(second->version, 2);
  auto current = current_version(db(), "trafficking_victim", "it");
  ASSERT_DB_OK(current);
  ASSERT_TRUE(current->has_value());
  EXPECT_EQ((*current)->version, 2);
  EXPECT_EQ((*current)->sections.look_for, "Debito per il viaggio");
  EXPECT_EQ((*current)->edited_by, user_);
  auto all = versions(db(), "trafficking_victim", "it");
  ASSERT_DB_OK(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].sections.look_for, "Documenti trattenuti");  // newest first, nothing lost
  EXPECT_EQ((*all)[1].edited_at, "2026-11-01T09:00:00Z");
}

TEST_P(GuidanceTest, AnEditBasedOnAnOlderVersionIsStale) {
  ASSERT_DB_OK(save_edit(db(), edit("it", 0, "uno"), "2026-11-01T09:00:00Z"));
  ASSERT_DB_OK(save_edit(db(), edit("it", 1, "due"), "2026-11-01T10:00:00Z"));
  auto stale = save_edit(db(), edit("it", 1, "tre"), "2026-11-01T11:00:00Z");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(stale.error().code, "stale_version");
  EXPECT_EQ(stale.error().fields.at("based_on").code, "stale_version");
  // A first edit of a page that has one is stale too.
  auto first_again = save_edit(db(), edit("it", 0, "tre"), "2026-11-01T11:00:00Z");
  ASSERT_FALSE(first_again.ok());
  EXPECT_EQ(first_again.error().code, "stale_version");
  EXPECT_EQ(count("guidance_versions"), 2);
}

TEST_P(GuidanceTest, TwoEditorsRacingOnOneVersionSaveOnce) {
  // The first editor's version 1 is written but not committed when the second, also based on
  // version 0, saves on another connection: PostgreSQL makes the second wait on the unique key,
  // SQLite on the write lock; once the first commits, the second is refused as stale.
  auto other_pool = open_pool(1);
  ASSERT_TRUE(other_pool);
  auto other = other_pool->acquire();
  ASSERT_DB_OK(other);
  db::Transaction first(db());
  ASSERT_DB_OK(first.started());
  ASSERT_DB_OK(save_edit(db(), edit("en", 0, "first"), "2026-11-01T09:00:00Z"));
  Result<Version> second = Error::internal("not run");
  std::thread racer([&] {
    db::Transaction t(**other);
    if (!t.started().ok()) {
      second = Error(t.started().error());
      return;
    }
    second = save_edit(**other, edit("en", 0, "second"), "2026-11-01T09:00:01Z");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_DB_OK(first.commit());
  racer.join();
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, "stale_version") << second.error().message;
  EXPECT_EQ(count("guidance_versions"), 1);
}

TEST_P(GuidanceTest, ALanguageWithoutTextShowsTheItalian) {
  auto none = shown_version(db(), "trafficking_victim", "ar");
  ASSERT_DB_OK(none);
  EXPECT_FALSE(none->has_value());
  ASSERT_DB_OK(save_edit(db(), edit("it", 0, "Documenti trattenuti"), "2026-11-01T09:00:00Z"));
  auto fallback = shown_version(db(), "trafficking_victim", "ar");
  ASSERT_DB_OK(fallback);
  ASSERT_TRUE(fallback->has_value());
  EXPECT_EQ((*fallback)->language, "it");
  ASSERT_DB_OK(save_edit(db(), edit("ar", 0, "وثائق محتجزة"), "2026-11-01T10:00:00Z"));
  auto own = shown_version(db(), "trafficking_victim", "ar");
  ASSERT_DB_OK(own);
  EXPECT_EQ((*own)->language, "ar");
  EXPECT_EQ((*own)->sections.look_for, "وثائق محتجزة");
}

TEST_P(GuidanceTest, EmptySectionsAndUnsafeLinksAreRefusedAndNothingIsStored) {
  auto empty = edit("it", 0, "");
  auto refused = save_edit(db(), empty, "2026-11-01T09:00:00Z");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(refused.error().fields.at("look_for").code, "required");
  for (const char* text : {"[x](javascript:alert(1))", "[x](//evil.example)", "[x](http://a.b)",
                           "[x](data:text/html,<b>)", "[x](https://a.b\"onclick=1)"}) {
    auto bad = edit("it", 0, "ok");
    bad.sections.where_to_refer = text;
    auto r = save_edit(db(), bad, "2026-11-01T09:00:00Z");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().fields.at("where_to_refer").code, "unsafe_link") << text;
  }
  // Angle brackets outside a link are text: stored as written, never markup.
  auto text =
      edit("it", 0, "<script>alert(1)</script> [ASP](https://www.asppalermo.org) [casi](/cases)");
  ASSERT_DB_OK(save_edit(db(), text, "2026-11-01T09:00:00Z"));
  EXPECT_EQ(count("guidance_versions"), 1);
  auto unknown = edit("it", 0, "ok");
  unknown.category = "tourist";
  auto r = save_edit(db(), unknown, "2026-11-01T09:00:00Z");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::not_found);
}

INSTANTIATE_TEST_SUITE_P(Engines, GuidanceTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::guidance
