// Import and export of HSDS on both engines: the official examples round-trip (tabular and
// JSON), a second import of the same data changes nothing, and bad input (missing required
// fields, broken references, invalid recurrences, bytes that are not UTF-8) is refused row by
// row with nothing written.
#include "directory/interchange.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/modules.h"
#include "directory/profile.h"
#include "directory/storage.h"
#include "support/engine_test.h"

namespace innet::directory {
namespace {

using db::storage_test::EngineTest;

const std::filesystem::path kExamples =
    std::filesystem::path(__FILE__).parent_path() / "hsds" / "examples";

// Records as comparable rows: table and values, sorted, so that order does not matter.
std::multiset<std::pair<std::string, std::vector<std::optional<std::string>>>> rows_of(
    const std::vector<Record>& records) {
  std::multiset<std::pair<std::string, std::vector<std::optional<std::string>>>> out;
  for (const auto& r : records) out.emplace(std::string(r.table->name), r.values);
  return out;
}

std::string describe(const std::vector<Rejection>& rejections) {
  std::ostringstream out;
  for (const auto& r : rejections)
    out << r.file << ":" << r.row << ": " << r.field << ": " << r.reason.code << "\n";
  return out.str();
}

class DirectoryTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_DB_OK(db::migrate(pool(), app::all_migrations(engine())));
    auto c = pool().acquire();
    ASSERT_DB_OK(c);
    conn_.emplace(std::move(*c));
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');  // "Test/sqlite"
    folder_ = std::filesystem::temp_directory_path() /
              ("innet-hsds-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override {
    conn_.reset();
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
    EngineTest::TearDown();
  }
  db::Connection& db() { return **conn_; }

  ImportReport import(const std::filesystem::path& path, const char* root = "service") {
    auto report = import_hsds(db(), path, *table(root));
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.ok() ? *report : ImportReport{};
  }

  // A copy of the official tabular example, to spoil.
  std::filesystem::path copy_of_tabular_example() {
    auto copy = folder_ / "bad";
    std::filesystem::copy(kExamples / "csv", copy);
    return copy;
  }
  static void replace_in(const std::filesystem::path& file, const std::string& from,
                         const std::string& to) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
  }

  std::optional<db::PooledConnection> conn_;
  std::filesystem::path folder_;
};

TEST_P(DirectoryTest, TheOfficialTabularExampleRoundTrips) {
  auto first = import(kExamples / "csv");
  ASSERT_TRUE(first.rejections.empty()) << describe(first.rejections);
  EXPECT_EQ(first.records, 21u);  // one row in each of the 21 tables
  EXPECT_EQ(first.changed, 21u);
  // The example names a parent organisation, the organisation of a location and of a contact,
  // a contact's service_at_location, a taxonomy and a parent term that it does not hold.
  EXPECT_EQ(first.outside_references, 6u);
  EXPECT_EQ(count("directory_services"), 1);

  auto again = import(kExamples / "csv");
  ASSERT_TRUE(again.rejections.empty()) << describe(again.rejections);
  EXPECT_EQ(again.changed, 0u);

  ASSERT_DB_OK(write_tabular(db(), folder_ / "out"));
  auto original = read_tabular(kExamples / "csv");
  auto exported = read_tabular(folder_ / "out");
  ASSERT_TRUE(exported.rejections.empty()) << describe(exported.rejections);
  // The export holds the profile's taxonomies and terms too (migration 2), beside the example.
  std::erase_if(exported.records, [](const Record& r) { return profile::labels(r.id()); });
  EXPECT_EQ(rows_of(exported.records), rows_of(original.records));
  // Field by field, on the files themselves: the phone number keeps its quotes, the
  // description its commas, the timestamp its milliseconds.
  auto service = std::find_if(exported.records.begin(), exported.records.end(),
                              [](const Record& r) { return r.table->name == "service"; });
  ASSERT_NE(service, exported.records.end());
  EXPECT_EQ(service->value("last_modified"), "2023-03-15T10:30:45.123Z");
  EXPECT_EQ(service->value("minimum_age"), "12");
}

TEST_P(DirectoryTest, TheOfficialJsonExamplesRoundTrip) {
  auto report = import(kExamples / "service_full.json");
  ASSERT_TRUE(report.rejections.empty()) << describe(report.rejections);
  EXPECT_GT(report.changed, 15u);
  auto again = import(kExamples / "service_full.json");
  EXPECT_EQ(again.changed, 0u);

  auto text = write_json(db());
  ASSERT_DB_OK(text);
  std::ifstream in(kExamples / "service_full.json");
  std::string original((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto before = read_json(original, "service_full.json", *table("service"));
  auto after = read_json(*text, "export.json", *table("service"));
  ASSERT_TRUE(after.rejections.empty()) << describe(after.rejections);
  EXPECT_EQ(rows_of(after.records), rows_of(before.records));
  auto exported = nlohmann::json::parse(*text);
  ASSERT_EQ(exported.size(), 1u);
  EXPECT_EQ(exported[0]["minimum_age"], 12);  // numbers stay numbers
  EXPECT_EQ(exported[0]["organization"]["id"], "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
  EXPECT_FALSE(exported[0]["organization"].contains("services"));  // not back up the path

  // The organisation and service-at-location shapes import too, as the same records.
  auto organization = import(kExamples / "organization_full.json", "organization");
  ASSERT_TRUE(organization.rejections.empty()) << describe(organization.rejections);
  auto place = import(kExamples / "service_at_location_full.json", "service_at_location");
  ASSERT_TRUE(place.rejections.empty()) << describe(place.rejections);
  EXPECT_EQ(count("directory_services"), 1);
}

TEST_P(DirectoryTest, BadInputIsRefusedRowByRowAndNothingIsWritten) {
  auto bad = copy_of_tabular_example();
  // A required field missing (the service's name), a broken reference (a phone's service),
  // an invalid recurrence (byday), a value not in the list, and Latin-1 bytes.
  replace_in(bad / "services.csv", ",Community Counselling,", ",,");
  replace_in(bad / "phones.csv", "ac148810-d857-441c-9679-408f346de14b",
             "00000000-0000-4000-8000-000000000000");
  replace_in(bad / "schedules.csv", "\"TH,FR\"", "\"TH,XX\"");
  replace_in(bad / "locations.csv", ",physical,", ",outdoors,");
  replace_in(bad / "organizations.csv", "Example Org is", "Example Org\xe8 is");
  auto report = import(bad);
  std::map<std::string, std::string> got;
  for (const auto& r : report.rejections)
    got[r.file + ":" + std::to_string(r.row) + ":" + r.field] = r.reason.code;
  std::map<std::string, std::string> expected = {
      {"services.csv:2:name", "required"},
      {"phones.csv:2:service_id", "not_found"},
      {"schedules.csv:2:byday", "not_in_list"},
      {"locations.csv:2:location_type", "not_in_list"},
      {"organizations.csv:2:description", "wrong_type"},
  };
  EXPECT_EQ(got, expected) << describe(report.rejections);
  EXPECT_EQ(report.changed, 0u);
  EXPECT_EQ(count("directory_services"), 0);
  EXPECT_EQ(count("directory_organizations"), 0);

  // A reference to a record already in the database is kept.
  auto good = import(kExamples / "csv");
  ASSERT_TRUE(good.rejections.empty()) << describe(good.rejections);
  std::filesystem::create_directories(folder_ / "phones-only");
  std::filesystem::copy_file(kExamples / "csv" / "phones.csv",
                             folder_ / "phones-only" / "phones.csv");
  std::ofstream(folder_ / "phones-only" / "datapackage.json")
      << R"({"resources": [{"name": "phones", "path": "phones.csv"}]})";
  auto phones = import(folder_ / "phones-only");
  EXPECT_TRUE(phones.rejections.empty()) << describe(phones.rejections);
  EXPECT_EQ(phones.changed, 0u);
}

TEST_P(DirectoryTest, CopiesOfOneRecordInTheJsonMustAgree) {
  nlohmann::json service = {
      {"id", "ac148810-d857-441c-9679-408f346de14b"},
      {"name", "Sportello"},
      {"status", "active"},
      {"phones", {{{"id", "1554f2e2-a373-45db-a3fa-9fc48a61c15e"}, {"number", "091 123"}}}},
      {"contacts",
       {{{"id", "1e7efce3-639b-4880-940c-b95cd30cdb50"},
         {"phones", {{{"id", "1554f2e2-a373-45db-a3fa-9fc48a61c15e"}, {"number", "091 999"}}}}}}}};
  auto package = read_json(service.dump(), "s.json", *table("service"));
  ASSERT_EQ(package.rejections.size(), 1u) << describe(package.rejections);
  // The second copy met is refused (members are read in name order: contacts, then phones).
  EXPECT_EQ(package.rejections[0].field, "phones[0].number");
  EXPECT_EQ(package.rejections[0].reason.code, "taken");
  // Numbers must be JSON numbers, and unknown members are refused.
  service["minimum_age"] = "12";
  service["colour"] = "blue";
  service["contacts"][0]["phones"][0]["number"] = "091 123";
  package = read_json(service.dump(), "s.json", *table("service"));
  std::set<std::string> fields;
  for (const auto& r : package.rejections) fields.insert(r.field + "=" + r.reason.code);
  EXPECT_EQ(fields, (std::set<std::string>{"minimum_age=wrong_type", "colour=unknown_field"}));
}

TEST_P(DirectoryTest, OurProfileSurvivesAReimport) {
  ASSERT_TRUE(import(kExamples / "csv").rejections.empty());
  ASSERT_DB_OK(db().execute("UPDATE directory_locations SET confidential = 1"));
  auto bad = copy_of_tabular_example();
  replace_in(bad / "locations.csv", "MyCity Civic Center,", "MyCity New Civic Center,");
  auto report = import(bad);
  ASSERT_TRUE(report.rejections.empty()) << describe(report.rejections);
  EXPECT_EQ(report.changed, 1u);
  auto rows = db().query("SELECT name, confidential FROM directory_locations");
  ASSERT_DB_OK(rows);
  EXPECT_EQ(rows->rows.at(0).text(0), "MyCity New Civic Center");
  EXPECT_EQ(rows->rows.at(0).integer(1), 1);
}

TEST_P(DirectoryTest, AServicesWeeklyHoursGatherItsOwnAndItsPlaces) {
  // The service's own hours, and those of one of its places; a monthly rule has none.
  nlohmann::json service = {
      {"id", "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e01"},
      {"name", "Sportello"},
      {"status", "active"},
      {"schedules",
       {{{"id", "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e02"},
         {"freq", "WEEKLY"},
         {"byday", "TU"},
         {"opens_at", "15:00"},
         {"closes_at", "18:00"}},
        {{"id", "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e03"},
         {"freq", "MONTHLY"},
         {"byday", "1SA"},
         {"opens_at", "09:00"},
         {"closes_at", "12:00"}}}},
      {"service_at_locations",
       {{{"id", "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e04"},
         {"location",
          {{"id", "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e05"}, {"location_type", "physical"}}},
         {"schedules",
          {{{"id", "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e06"},
            {"freq", "WEEKLY"},
            {"byday", "MO"},
            {"opens_at", "09:00"},
            {"closes_at", "13:00"},
            {"valid_to", "2026-12-31"}}}}}}}};
  std::ofstream(folder_ / "s.json") << service.dump();
  auto report = import(folder_ / "s.json");
  ASSERT_TRUE(report.rejections.empty()) << describe(report.rejections);
  auto openings = service_openings(db(), "5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e01");
  ASSERT_DB_OK(openings);
  std::vector<WeeklyOpening> expected = {
      {1, 900, 1080, std::nullopt, std::nullopt},
      {0, 540, 780, std::nullopt, CivilDay::parse("2026-12-31")}};
  EXPECT_EQ(*openings, expected);
}

INSTANTIATE_TEST_SUITE_P(Engines, DirectoryTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::directory
