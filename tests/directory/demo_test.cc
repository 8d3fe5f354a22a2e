// The demo directory (src/directory/demo.cc and demo/catalogue.json): about 300 services spread
// over the categories and the municipalities of the Metropolitan City, each named and described
// in the six languages, some at confidential shelters, verified over the last year; and, on
// both engines, the demo seed imports it through the importer's checks with no refusal.
#include "directory/demo.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "app/modules.h"
#include "directory/interchange.h"
#include "directory/profile.h"
#include "directory/seed.h"
#include "directory/storage.h"
#include "support/engine_test.h"

namespace innet::directory {
namespace {

using nlohmann::json;

const CivilDay kToday = *CivilDay::parse("2026-12-04");

std::map<std::string, int> attribute_counts(const json& services, const std::string& type) {
  std::map<std::string, int> out;
  for (const auto& s : services)
    for (const auto& a : s.value("attributes", json::array()))
      if (a.at("link_type") == type) ++out[a.at("value").get<std::string>()];
  return out;
}

TEST(DemoDirectory, EveryCategoryTargetGroupAndPermitTypeHasServices) {
  const auto demo = demo::directory(kToday, json::array());
  EXPECT_GE(demo.services.size(), 280u);
  EXPECT_LE(demo.services.size(), 320u);
  const auto categories = attribute_counts(demo.services, "category");
  for (const auto& t : profile::kCategories)
    EXPECT_GE(categories.count(std::string(t.code)) ? categories.at(std::string(t.code)) : 0, 5)
        << t.code;
  const auto groups = attribute_counts(demo.services, "target_group");
  for (const auto& t : profile::kTargetGroups)
    EXPECT_GE(groups.count(std::string(t.code)) ? groups.at(std::string(t.code)) : 0, 3) << t.code;
  const auto permits = attribute_counts(demo.services, "permit_type");
  for (const auto& t : profile::kPermitTypes)
    EXPECT_GE(permits.count(std::string(t.code)) ? permits.at(std::string(t.code)) : 0, 3)
        << t.code;
}

TEST(DemoDirectory, ServicesAreSpreadOverTheMetropolitanCity) {
  const auto demo = demo::directory(kToday, json::array());
  std::map<std::string, int> by_municipality;
  for (const auto& s : demo.services) {
    const auto& location = s.at("service_at_locations").at(0).at("location");
    const auto istat = location.at("external_identifier").get<std::string>();
    EXPECT_TRUE(istat.size() == 6 && istat.starts_with("082")) << istat;
    ++by_municipality[istat];
    // Inside the Metropolitan City's box (ISTAT boundaries: 37.58..38.31 N, 12.90..14.28 E).
    const double lat = location.at("latitude"), lon = location.at("longitude");
    EXPECT_TRUE(lat > 37.55 && lat < 38.35 && lon > 12.85 && lon < 14.30) << s.at("name");
    EXPECT_EQ(location.at("addresses").at(0).at("state_province"), "PA");
  }
  EXPECT_GE(by_municipality.size(), 30u);
  const int palermo = by_municipality["082053"];
  EXPECT_GE(palermo, 60);
  EXPECT_LE(palermo * 2, int(demo.services.size()));  // not all in the city: at most half
}

TEST(DemoDirectory, EveryServiceIsNamedAndDescribedInTheSixLanguages) {
  const auto demo = demo::directory(kToday, json::array());
  std::set<std::string> ids;
  for (const auto& s : demo.services) {
    EXPECT_TRUE(ids.insert(s.at("id").get<std::string>()).second) << s.at("id");
    EXPECT_FALSE(s.at("name").get<std::string>().empty());
    EXPECT_FALSE(s.at("description").get<std::string>().empty());  // Italian, the base text
    for (const char* language : {"en", "fr", "ar", "uk", "bn"}) {
      const auto& texts = s.at("translations").at(language);
      for (const char* field :
           {"name", "description", "eligibility_description", "application_process"}) {
        ASSERT_TRUE(texts.contains(field)) << s.at("name") << " " << language << " " << field;
        EXPECT_NE(texts.at(field).get<std::string>(), s.at(field).get<std::string>())
            << s.at("name") << " " << language << " " << field << ": not translated";
      }
    }
    // Fictional or marked: every organisation named in full says "(demo)".
    if (s.contains("organization")) {
      EXPECT_TRUE(s.at("organization").at("name").get<std::string>().ends_with("(demo)"));
    }
  }
}

TEST(DemoDirectory, SomeSheltersAreConfidentialAndVerificationsSpanTheYear) {
  const auto demo = demo::directory(kToday, json::array());
  EXPECT_GE(demo.confidential.size(), 3u);
  ASSERT_EQ(demo.verified.size(), demo.services.size());
  int older_than_six_months = 0;
  for (const auto& [service, day] : demo.verified) {
    const auto days = CivilDay::parse(day)->days_until(kToday);
    EXPECT_GE(days, 0);
    EXPECT_LT(days, 366);
    if (days > 183) ++older_than_six_months;
  }
  EXPECT_GE(older_than_six_months, 30);
  EXPECT_LE(older_than_six_months * 2, int(demo.verified.size()));
}

// Until the profile's taxonomies are installed by a migration (helper dirsearch's), the tests
// install them here: the demo's attributes name their terms.
void install_profile_terms(db::Connection& c) {
  std::vector<Record> records;
  auto add = [&](const char* table_name, const std::string& id, std::string_view code,
                 std::optional<std::string_view> taxonomy) {
    Record r(*table(table_name));
    r.set("id", id);
    r.set("name", std::string(code));
    r.set("description", std::string(code));
    if (taxonomy) {
      r.set("code", std::string(code));
      r.set("taxonomy_id", std::string(*taxonomy));
    }
    records.push_back(std::move(r));
  };
  auto terms = [&](const auto& list, const profile::Taxonomy& taxonomy) {
    add("taxonomy", std::string(taxonomy.id), taxonomy.code, std::nullopt);
    for (const auto& t : list) add("taxonomy_term", std::string(t.id), t.code, taxonomy.id);
  };
  terms(profile::kCategories, profile::kCategory);
  terms(profile::kTargetGroups, profile::kTargetGroup);
  terms(profile::kPermitTypes, profile::kPermitType);
  std::vector<Record> missing;
  for (auto& r : records) {
    auto there = existing_ids(c, *r.table, {r.id()});
    ASSERT_DB_OK(there);
    if (there->empty()) missing.push_back(std::move(r));
  }
  ASSERT_DB_OK(save(c, missing));
}

class DemoSeedTest : public db::storage_test::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_DB_OK(db::migrate(pool(), app::all_migrations(engine())));
    auto c = pool().acquire();
    ASSERT_DB_OK(c);
    conn_.emplace(std::move(*c));
    install_profile_terms(**conn_);
  }
  void TearDown() override {
    conn_.reset();
    EngineTest::TearDown();
  }
  std::optional<db::PooledConnection> conn_;
};

TEST_P(DemoSeedTest, TheDemoImportsWithNoRefusalAndAgainChangesNothing) {
  db::Connection& c = **conn_;
  std::mt19937 rng(1);
  api::SeedContext ctx{c, api::SeedScale::demo, rng, kToday, "", "", {}, {}};
  ASSERT_DB_OK(seed_step(ctx));  // fails on any refusal, naming it
  const auto services = count("directory_services");
  EXPECT_GE(services, 280);
  EXPECT_EQ(ctx.report.counts.at(0).count, services);
  // Every service in the five languages besides Italian, for name and description at least.
  auto rows = c.query(
      "SELECT COUNT(DISTINCT record_id) FROM directory_translations WHERE table_name = 'service' "
      "AND field IN ('name', 'description') GROUP BY language, field");
  ASSERT_DB_OK(rows);
  ASSERT_EQ(rows->size(), 10u);
  for (const auto& row : rows->rows) EXPECT_EQ(row.integer(0), services);
  auto confidential = confidential_locations(c);
  ASSERT_DB_OK(confidential);
  EXPECT_GE(confidential->size(), 4u);  // the hand-written shelter and the catalogue's
  auto unverified =
      c.query("SELECT COUNT(*) FROM directory_services WHERE last_verified_on IS NULL");
  ASSERT_DB_OK(unverified);
  EXPECT_EQ((*unverified)[0].integer(0), 0);
  // The two hand-written services the API tests name are there.
  auto legal = find(c, *table("service"), "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e01");
  ASSERT_DB_OK(legal);
  EXPECT_TRUE(legal->has_value());

  // The whole directory exported and imported again, as `innet import hsds` would: nothing
  // changes, translations included.
  auto exported = write_json(c);
  ASSERT_DB_OK(exported);
  auto again = check_and_save(c, read_json(*exported, "export.json", *table("service")));
  ASSERT_DB_OK(again);
  EXPECT_TRUE(again->rejections.empty());
  EXPECT_GT(again->translations, std::size_t(services) * 10);
  EXPECT_EQ(again->changed, 0u);
}

TEST(DemoDirectory, IsTheSameEveryTime) {
  EXPECT_EQ(demo::directory(kToday, json::array()).services,
            demo::directory(kToday, json::array()).services);
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoSeedTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::directory
