// Our profile's translations in HSDS import and export, on both engines: the JSON "translations"
// member and the tabular package's translations.csv are read, checked (language, table, field,
// record) with every refusal reported and nothing written, saved once (a re-import changes
// nothing), and written back by both exports (a round trip).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "app/modules.h"
#include "directory/interchange.h"
#include "directory/storage.h"
#include "support/engine_test.h"

namespace innet::directory {
namespace {

using db::storage_test::EngineTest;
using nlohmann::json;

constexpr const char* kService = "7b1e0a52-3c4d-4e5f-8a9b-0c1d2e3f4a01";
constexpr const char* kOrganization = "7b1e0a52-3c4d-4e5f-8a9b-0c1d2e3f4a02";
constexpr const char* kDocument = "7b1e0a52-3c4d-4e5f-8a9b-0c1d2e3f4a03";

json service() {
  return {{"id", kService},
          {"name", "Sportello legale"},
          {"description", "Consulenza gratuita, anche sul permesso di soggiorno."},
          {"status", "active"},
          {"translations",
           {{"en",
             {{"name", "Legal advice desk"},
              {"description", "Free advice, also on the residence permit."},
              {"eligibility_description", "Anyone, with or without documents."}}},
            {"ar", {{"name", "مكتب استشارات قانونية"}, {"description", "استشارة مجانية"}}},
            {"bn", {{"name", "আইনি পরামর্শ ডেস্ক"}, {"application_process", nullptr}}}}},
          {"organization",
           {{"id", kOrganization},
            {"name", "Associazione (demo)"},
            {"description", "Associazione di volontariato."},
            {"translations", {{"uk", {{"description", "Волонтерська асоціація."}}}}}}},
          {"required_documents",
           {{{"id", kDocument},
             {"document", "Documento d'identità"},
             {"translations", {{"fr", {{"document", "Pièce d'identité, \"si possible\""}}}}}}}}};
}

std::string describe(const std::vector<Rejection>& rejections) {
  std::ostringstream out;
  for (const auto& r : rejections)
    out << r.file << ":" << r.row << ": " << r.field << ": " << r.reason.code << "\n";
  return out.str();
}

std::map<std::string, std::string> keyed(const std::vector<Translation>& translations) {
  std::map<std::string, std::string> out;
  for (const auto& t : translations)
    out[t.table + "/" + t.record_id + "/" + t.field + "/" + t.language] = t.text;
  return out;
}

class TranslationsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_DB_OK(db::migrate(pool(), app::all_migrations(engine())));
    auto c = pool().acquire();
    ASSERT_DB_OK(c);
    conn_.emplace(std::move(*c));
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');
    folder_ = std::filesystem::temp_directory_path() /
              ("innet-translations-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override {
    conn_.reset();
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
    EngineTest::TearDown();
  }
  db::Connection& db() { return **conn_; }

  ImportReport import(const std::filesystem::path& path) {
    auto report = import_hsds(db(), path, *table("service"));
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.ok() ? *report : ImportReport{};
  }
  std::filesystem::path write(const std::string& name, const std::string& text) {
    std::ofstream(folder_ / name, std::ios::binary | std::ios::trunc) << text;
    return folder_ / name;
  }
  // The stored translations but the profile's own taxonomies' (migration 2 installs those).
  std::map<std::string, std::string> stored() {
    auto all = all_translations(db());
    EXPECT_TRUE(all.ok());
    if (!all.ok()) return {};
    std::erase_if(*all, [](const Translation& t) { return t.table.starts_with("taxonomy"); });
    return keyed(*all);
  }

  std::optional<db::PooledConnection> conn_;
  std::filesystem::path folder_;
};

TEST_P(TranslationsTest, TheJsonMemberIsSavedOnceAndBothExportsGiveItBack) {
  auto first = import(write("s.json", service().dump()));
  ASSERT_TRUE(first.rejections.empty()) << describe(first.rejections);
  EXPECT_EQ(first.translations, 8u);  // a null text is no translation
  const std::map<std::string, std::string> expected = {
      {"service/" + std::string(kService) + "/name/en", "Legal advice desk"},
      {"service/" + std::string(kService) + "/description/en",
       "Free advice, also on the residence permit."},
      {"service/" + std::string(kService) + "/eligibility_description/en",
       "Anyone, with or without documents."},
      {"service/" + std::string(kService) + "/name/ar", "مكتب استشارات قانونية"},
      {"service/" + std::string(kService) + "/description/ar", "استشارة مجانية"},
      {"service/" + std::string(kService) + "/name/bn", "আইনি পরামর্শ ডেস্ক"},
      {"organization/" + std::string(kOrganization) + "/description/uk", "Волонтерська асоціація."},
      {"required_document/" + std::string(kDocument) + "/document/fr",
       "Pièce d'identité, \"si possible\""}};
  EXPECT_EQ(stored(), expected);

  auto again = import(write("s.json", service().dump()));
  ASSERT_TRUE(again.rejections.empty()) << describe(again.rejections);
  EXPECT_EQ(again.changed, 0u);

  // A changed text is one change; a translation the file no longer has is kept.
  auto changed = service();
  changed["translations"]["en"]["name"] = "Legal desk";
  changed["translations"].erase("ar");
  auto third = import(write("s.json", changed.dump()));
  ASSERT_TRUE(third.rejections.empty()) << describe(third.rejections);
  EXPECT_EQ(third.changed, 1u);
  auto now = expected;
  now["service/" + std::string(kService) + "/name/en"] = "Legal desk";
  EXPECT_EQ(stored(), now);

  // JSON export: each record carries its own; reading it back gives the same translations.
  auto text = write_json(db());
  ASSERT_DB_OK(text);
  auto exported = json::parse(*text);
  ASSERT_EQ(exported.size(), 1u);
  EXPECT_EQ(exported[0]["translations"]["en"]["name"], "Legal desk");
  EXPECT_EQ(exported[0]["organization"]["translations"]["uk"]["description"],
            "Волонтерська асоціація.");
  EXPECT_EQ(exported[0]["required_documents"][0]["translations"]["fr"]["document"],
            "Pièce d'identité, \"si possible\"");
  auto json_back = read_json(*text, "export.json", *table("service"));
  ASSERT_TRUE(json_back.rejections.empty()) << describe(json_back.rejections);
  EXPECT_EQ(keyed(json_back.translations), now);

  // Tabular export: translations.csv, described in datapackage.json; read back the same.
  ASSERT_DB_OK(write_tabular(db(), folder_ / "out"));
  ASSERT_TRUE(std::filesystem::exists(folder_ / "out" / "translations.csv"));
  auto descriptor = json::parse(std::ifstream(folder_ / "out" / "datapackage.json"));
  bool listed = false;
  for (const auto& r : descriptor["resources"]) listed = listed || r["name"] == "translations";
  EXPECT_TRUE(listed);
  auto csv_back = read_tabular(folder_ / "out");
  ASSERT_TRUE(csv_back.rejections.empty()) << describe(csv_back.rejections);
  std::erase_if(csv_back.translations,
                [](const Translation& t) { return t.table.starts_with("taxonomy"); });
  EXPECT_EQ(keyed(csv_back.translations), now);
  auto reimport = import(folder_ / "out");
  ASSERT_TRUE(reimport.rejections.empty()) << describe(reimport.rejections);
  EXPECT_EQ(reimport.changed, 0u);
}

TEST_P(TranslationsTest, ABadTranslationIsRefusedWithItsPlaceAndNothingIsWritten) {
  auto bad = service();
  bad["translations"]["de"] = {{"name", "Rechtsberatung"}};      // not one of the six
  bad["translations"]["en"]["url"] = "https://example.org";      // not translatable
  bad["translations"]["fr"] = {{"name", 12}};                    // not a string
  bad["required_documents"][0]["translations"]["it"] = "Carta";  // not an object
  bad["phones"] = {{{"id", "7b1e0a52-3c4d-4e5f-8a9b-0c1d2e3f4a04"},
                    {"number", "091 000 0000"},
                    {"translations", {{"en", {{"number", "091"}}}}}}};
  auto report = import(write("bad.json", bad.dump()));
  std::map<std::string, std::string> got;
  for (const auto& r : report.rejections) got[r.field] = r.reason.code;
  const std::map<std::string, std::string> expected = {
      {"translations.de", "not_in_list"},
      {"translations.en.url", "not_in_list"},
      {"translations.fr.name", "wrong_type"},
      {"required_documents[0].translations.it", "wrong_type"},
      {"phones[0].translations.en.number", "not_in_list"}};
  EXPECT_EQ(got, expected) << describe(report.rejections);
  EXPECT_EQ(count("directory_services"), 0);
  EXPECT_TRUE(stored().empty());

  // translations.csv: a record neither in the package nor in the database, a table without
  // texts, a field and a language not in the lists, an empty text, two copies that disagree.
  ASSERT_TRUE(import(write("s.json", service().dump())).rejections.empty());
  std::filesystem::create_directories(folder_ / "pkg");
  std::ofstream(folder_ / "pkg" / "datapackage.json")
      << R"({"resources": [{"name": "translations", "path": "translations.csv"}]})";
  std::ofstream(folder_ / "pkg" / "translations.csv")
      << "table_name,record_id,field,language,text\r\n"
      << "service," << kService << ",name,fr,Permanence juridique\r\n"
      << "service,7b1e0a52-3c4d-4e5f-8a9b-0c1d2e3f4aff,name,fr,Personne\r\n"
      << "address," << kService << ",city,fr,Palerme\r\n"
      << "service," << kService << ",url,fr,x\r\n"
      << "service," << kService << ",name,de,Rechtsberatung\r\n"
      << "service," << kService << ",description,fr,\r\n"
      << "service," << kService << ",name,fr,Autre nom\r\n";
  auto csv = import(folder_ / "pkg");
  got.clear();
  for (const auto& r : csv.rejections)
    got[r.file + ":" + std::to_string(r.row) + ":" + r.field] = r.reason.code;
  const std::map<std::string, std::string> expected_csv = {
      {"translations.csv:3:record_id", "not_found"},
      {"translations.csv:4:table_name", "not_in_list"},
      {"translations.csv:5:field", "not_in_list"},
      {"translations.csv:6:language", "not_in_list"},
      {"translations.csv:7:text", "required"},
      {"translations.csv:8:text", "taken"}};
  EXPECT_EQ(got, expected_csv) << describe(csv.rejections);
  EXPECT_EQ(stored().count("service/" + std::string(kService) + "/name/fr"), 0u);

  // A header without the language column names it.
  std::ofstream(folder_ / "pkg" / "translations.csv", std::ios::trunc)
      << "table_name,record_id,field,text,colour\r\n";
  auto header = import(folder_ / "pkg");
  got.clear();
  for (const auto& r : header.rejections) got[r.field] = r.reason.code;
  EXPECT_EQ(got, (std::map<std::string, std::string>{{"colour", "unknown_field"},
                                                     {"language", "required"}}));

  // The good row alone is taken: a translation of a record the database holds.
  std::ofstream(folder_ / "pkg" / "translations.csv", std::ios::trunc)
      << "record_id,table_name,language,field,text\r\n"
      << kService << ",service,fr,name,Permanence juridique\r\n";
  auto good = import(folder_ / "pkg");
  ASSERT_TRUE(good.rejections.empty()) << describe(good.rejections);
  EXPECT_EQ(good.changed, 1u);
  EXPECT_EQ(stored()["service/" + std::string(kService) + "/name/fr"], "Permanence juridique");
}

TEST_P(TranslationsTest, SavingInsertsInBatchesAndAKeyGivenTwiceKeepsItsLastText) {
  std::vector<Translation> many;
  for (int i = 0; i < 250; ++i)  // more than one batch of a hundred rows
    many.push_back({.table = "service",
                    .record_id = kService,
                    .field = "name",
                    .language = i % 2 ? "en" : "fr",
                    .text = "text " + std::to_string(i)});
  auto saved = save_translations(db(), many);
  ASSERT_DB_OK(saved);
  EXPECT_EQ(*saved, 2u);
  EXPECT_EQ(stored().size(), 2u);
  auto texts = stored();
  EXPECT_EQ(texts["service/" + std::string(kService) + "/name/fr"], "text 248");
  EXPECT_EQ(texts["service/" + std::string(kService) + "/name/en"], "text 249");
  // Many records, new: every one stored.
  std::vector<Translation> records;
  for (int i = 0; i < 230; ++i)
    records.push_back({.table = "organization",
                       .record_id = "7b1e0a52-3c4d-4e5f-8a9b-0c1d2e3f" + std::to_string(1000 + i),
                       .field = "description",
                       .language = "ar",
                       .text = "نص"});
  saved = save_translations(db(), records);
  ASSERT_DB_OK(saved);
  EXPECT_EQ(*saved, 230u);
  EXPECT_EQ(stored().size(), 232u);
  saved = save_translations(db(), records);
  ASSERT_DB_OK(saved);
  EXPECT_EQ(*saved, 0u);
}

INSTANTIATE_TEST_SUITE_P(Engines, TranslationsTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::directory
