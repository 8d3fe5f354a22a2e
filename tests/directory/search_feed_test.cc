// The directory's search index fed from its storage on both engines (decision 0037): migration 2
// installs the profile's taxonomies with their translations; the catalog indexes the active
// services with their translations, terms, municipality and public points (never a
// confidential place's); the change counter makes a second catalog (another server instance)
// see imports, withdrawals and a place becoming confidential at its next refresh.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/modules.h"
#include "directory/catalog.h"
#include "directory/interchange.h"
#include "directory/listing.h"
#include "directory/profile.h"
#include "directory/storage.h"
#include "support/engine_test.h"

namespace innet::directory {
namespace {

using db::storage_test::EngineTest;

constexpr const char* kService = "7e57d1e0-0000-4000-8000-000000000001";
constexpr const char* kShelterPlace = "7e57d1e0-0000-4000-8000-000000000032";

nlohmann::json package(const std::string& name, const std::string& status) {
  return nlohmann::json::array(
      {{{"id", kService},
        {"name", name},
        {"description", "Visite mediche per persone straniere."},
        {"status", status},
        {"organization",
         {{"id", "7e57d1e0-0000-4000-8000-000000000100"},
          {"name", "Rete di prova"},
          {"description", "Prova."}}},
        {"attributes",
         {{{"id", "7e57d1e0-0000-4000-8000-000000000011"},
           {"taxonomy_term_id", std::string(profile::kCategories[0].id)},
           {"link_id", kService},
           {"link_type", "service"},
           {"link_entity", "service"}}}},
        {"languages", {{{"id", "7e57d1e0-0000-4000-8000-000000000012"}, {"code", "BN"}}}},
        {"cost_options", {{{"id", "7e57d1e0-0000-4000-8000-000000000013"}, {"amount", 0}}}},
        {"service_at_locations",
         {{{"id", "7e57d1e0-0000-4000-8000-000000000021"},
           {"location",
            {{"id", "7e57d1e0-0000-4000-8000-000000000022"},
             {"location_type", "physical"},
             {"latitude", 38.0758},
             {"longitude", 13.5069},
             {"addresses",
              {{{"id", "7e57d1e0-0000-4000-8000-000000000023"},
                {"address_1", "Corso Butera 1"},
                {"city", "Bagheria"},
                {"state_province", "PA"},
                {"postal_code", "90011"},
                {"country", "IT"},
                {"address_type", "physical"}}}}}},
           {"schedules",
            {{{"id", "7e57d1e0-0000-4000-8000-000000000024"},
              {"freq", "WEEKLY"},
              {"byday", "MO"},
              {"opens_at", "09:00"},
              {"closes_at", "13:00"}}}}},
          {{"id", "7e57d1e0-0000-4000-8000-000000000031"},
           {"location",
            {{"id", kShelterPlace},
             {"location_type", "physical"},
             {"latitude", 37.9},
             {"longitude", 13.6}}}}}}}});
}

class SearchFeedTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_DB_OK(db::migrate(pool(), app::all_migrations(engine())));
    auto c = pool().acquire();
    ASSERT_DB_OK(c);
    conn_.emplace(std::move(*c));
    file_ = std::filesystem::temp_directory_path() /
            ("innet-feed-" + std::to_string(::getpid()) + ".json");
  }
  void TearDown() override {
    conn_.reset();
    std::filesystem::remove(file_);
    EngineTest::TearDown();
  }
  db::Connection& db() { return **conn_; }
  void import(const nlohmann::json& data) {
    std::ofstream(file_, std::ios::trunc) << data.dump();
    auto report = import_hsds(db(), file_, *table("service"));
    ASSERT_TRUE(report.ok()) << report.error().message;
    ASSERT_TRUE(report->rejections.empty());
  }
  static std::vector<std::string> ids(const search::Page& page) {
    std::vector<std::string> out;
    for (const auto& h : page.hits) out.push_back(h.id);
    return out;
  }
  static search::Query text(std::string words) {
    search::Query q;
    q.text = std::move(words);
    return q;
  }
  std::optional<db::PooledConnection> conn_;
  std::filesystem::path file_;
};

TEST_P(SearchFeedTest, MigrationTwoInstallsTheProfilesTaxonomiesWithTheirTranslations) {
  auto terms = load(db(), *table("taxonomy_term"));
  ASSERT_DB_OK(terms);
  EXPECT_EQ(terms->size(), profile::kCategories.size() + profile::kTargetGroups.size() +
                               profile::kPermitTypes.size());
  auto legal = find(db(), *table("taxonomy_term"), std::string(profile::kCategories[2].id));
  ASSERT_DB_OK(legal);
  ASSERT_TRUE(legal->has_value());
  EXPECT_EQ((*legal)->value("name"), "Assistenza legale");
  EXPECT_EQ((*legal)->value("code"), "legal");
  EXPECT_EQ((*legal)->value("taxonomy_id"), std::string(profile::kCategory.id));
  auto texts = load_translations(db(), "taxonomy_term",
                                 std::vector<std::string>{std::string(profile::kCategories[2].id)});
  ASSERT_DB_OK(texts);
  auto uk = std::find_if(texts->begin(), texts->end(), [](const StoredTranslation& t) {
    return t.language == "uk" && t.field == "name";
  });
  ASSERT_NE(uk, texts->end());
  EXPECT_EQ(uk->text, "Юридична допомога");
  EXPECT_EQ(texts->size(), 10u);  // name and description in five languages
  auto taxonomies = load(db(), *table("taxonomy"));
  ASSERT_DB_OK(taxonomies);
  EXPECT_EQ(taxonomies->size(), 3u);
}

TEST_P(SearchFeedTest, TheCatalogIndexesActiveServicesFromStorage) {
  import(package("Ambulatorio solidale", "active"));
  ASSERT_DB_OK(set_confidential(db(), kShelterPlace, true));
  ASSERT_DB_OK(db().execute(
      "INSERT INTO directory_translations (table_name, record_id, field, language, text) VALUES "
      "('service', ?, 'name', 'ar', 'عيادة طبية')",
      {std::string(kService)}));
  Catalog catalog;
  ASSERT_DB_OK(catalog.refresh(db()));
  const auto& index = catalog.index();
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(ids(index.query(text("ambulatori"))), std::vector<std::string>{kService});
  EXPECT_EQ(ids(index.query(text("العيادة"))),
            std::vector<std::string>{kService});  // its translation
  // The category's label in every language, the organisation's name.
  EXPECT_EQ(ids(index.query(text("Здоров'я"))), std::vector<std::string>{kService});
  EXPECT_EQ(ids(index.query(text("rete prova"))), std::vector<std::string>{kService});
  search::Query filtered;
  filtered.all_terms = {std::string(profile::kCategories[0].id)};
  filtered.any_municipality = {"082006"};  // Bagheria, from the address's city
  filtered.language_spoken = "bn";
  filtered.free_only = true;
  EXPECT_EQ(index.query(filtered).total, 1u);
  // The confidential place has no point: near it, nothing within 5 km.
  search::Query near;
  near.near = search::GeoPoint{37.9, 13.6};
  near.within_km = 5;
  EXPECT_EQ(index.query(near).total, 0u);
  near.near = search::GeoPoint{38.0758, 13.5069};
  EXPECT_EQ(index.query(near).total, 1u);
  search::Query monday;
  monday.open_at = {*CivilDay::parse("2026-12-07"), 10 * 60};  // a Monday, 10:00
  EXPECT_EQ(index.query(monday).total, 1u);

  auto listings = read_listings(db(), {kService});
  ASSERT_DB_OK(listings);
  ASSERT_EQ(listings->size(), 1u);
  const auto& l = listings->front();
  ASSERT_EQ(l.places.size(), 2u);
  for (const auto& p : l.places) {
    if (p.location_id != kShelterPlace) continue;
    EXPECT_TRUE(p.confidential);
    EXPECT_FALSE(p.latitude || p.longitude || p.address || p.municipality);
  }
  EXPECT_EQ(l.language_of("ar"), "ar");
  EXPECT_EQ(l.language_of("uk"), "it");
  EXPECT_EQ(l.text("name", "ar"), "عيادة طبية");
  EXPECT_EQ(l.languages, std::vector<std::string>{"bn"});
}

TEST_P(SearchFeedTest, AnotherInstanceSeesChangesThroughTheCounter) {
  import(package("Ambulatorio solidale", "active"));
  Catalog other;  // another server instance on the same database
  ASSERT_DB_OK(other.refresh(db()));
  auto before = change_counter(db());
  ASSERT_DB_OK(before);

  // A re-import that changes nothing stamps nothing.
  import(package("Ambulatorio solidale", "active"));
  auto same = change_counter(db());
  ASSERT_DB_OK(same);
  EXPECT_EQ(*same, *before);

  import(package("Consultorio gelsomino", "active"));
  auto changed = services_changed_since(db(), *before);
  ASSERT_DB_OK(changed);
  EXPECT_EQ(*changed, std::vector<std::string>{kService});
  ASSERT_DB_OK(other.refresh(db()));
  EXPECT_EQ(other.index().query(text("gelsomino")).total, 1u);
  EXPECT_EQ(other.index().query(text("ambulatorio")).total, 0u);

  // A place becoming confidential: its point leaves the index.
  search::Query near;
  near.near = search::GeoPoint{37.9, 13.6};
  near.within_km = 5;
  EXPECT_EQ(other.index().query(near).total, 1u);
  ASSERT_DB_OK(set_confidential(db(), kShelterPlace, true));
  ASSERT_DB_OK(other.refresh(db()));
  EXPECT_EQ(other.index().query(near).total, 0u);

  // A translation written elsewhere, noted in storage.
  ASSERT_DB_OK(db().execute(
      "INSERT INTO directory_translations (table_name, record_id, field, language, text) VALUES "
      "('service', ?, 'name', 'uk', 'Медичний кабінет')",
      {std::string(kService)}));
  ASSERT_DB_OK(note_changes(db(), "service", {kService}));
  ASSERT_DB_OK(other.refresh(db()));
  EXPECT_EQ(other.index().query(text("медичний")).total, 1u);

  // Withdrawn: gone.
  import(package("Consultorio gelsomino", "inactive"));
  ASSERT_DB_OK(other.refresh(db()));
  EXPECT_EQ(other.index().size(), 0u);
  EXPECT_EQ(other.stats().watermark, *change_counter(db()));
}

INSTANTIATE_TEST_SUITE_P(Engines, SearchFeedTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

TEST(Municipality, FromTheCityThenThePostcodeThenThePoint) {
  auto code = [](const geo::Municipality* m) { return m ? std::string(m->istat_code) : ""; };
  EXPECT_EQ(code(municipality_of("BAGHERIA", "90011", std::nullopt, std::nullopt)), "082006");
  EXPECT_EQ(code(municipality_of("CEFALU", std::nullopt, std::nullopt, std::nullopt)), "082027");
  EXPECT_EQ(code(municipality_of("Palermo centro", "90100", std::nullopt, std::nullopt)), "082053");
  EXPECT_EQ(code(municipality_of(std::nullopt, "90011", std::nullopt, std::nullopt)), "082006");
  // 90020 is shared by 13 municipalities: the point decides, else nothing.
  EXPECT_EQ(code(municipality_of(std::nullopt, "90020", std::nullopt, std::nullopt)), "");
  EXPECT_EQ(code(municipality_of(std::nullopt, "90020", 37.6762, 14.1219)), "082002");  // Alimena
  EXPECT_EQ(code(municipality_of(std::nullopt, std::nullopt, 38.1302, 13.3309)), "082053");
  EXPECT_EQ(code(municipality_of(std::nullopt, std::nullopt, 45.46, 9.19)), "");  // Milan
}

TEST(Excerpt, CutsAtAWordWithinTheLimit) {
  EXPECT_EQ(excerpt("breve", 280), "breve");
  EXPECT_EQ(excerpt("uno due tre quattro", 9), "uno due…");
  EXPECT_EQ(excerpt("àèìòù àèìòù", 8), "àèìòù…");
}

}  // namespace
}  // namespace innet::directory
