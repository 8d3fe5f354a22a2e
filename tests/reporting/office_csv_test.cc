// The office CSV style and the language of a file (decision 0021): what an Italian office's
// spreadsheet opens as it is, with headers in the language asked for.
#include <gtest/gtest.h>

#include "reporting/language.h"
#include "reporting/table.h"

namespace innet::reporting {
namespace {

Table sample() {
  return {"Sheet",
          {{"centre", "Centro"}, {"day", "Data"}, {"amount_cents", "Importo (EUR)"}, {"n", "N"}},
          {{Cell::of(std::string("Casa; \"Aurora\"")), Cell::date("2026-03-09"),
            Cell::cents(-123405), Cell::of(std::int64_t{-2})},
           {Cell::of(std::string("=1+1")), Cell{}, Cell::cents(5), Cell::of(std::int64_t{7})}}};
}

TEST(OfficeCsv, SemicolonsEurosWithCommaDatesAsDaysAndAByteOrderMark) {
  EXPECT_EQ(to_csv(sample(), CsvStyle::office),
            "\xEF\xBB\xBF"
            "Centro;Data;Importo (EUR);N\r\n"
            "\"Casa; \"\"Aurora\"\"\";09/03/2026;-1234,05;-2\r\n"
            "'=1+1;;0,05;7\r\n");
}

TEST(OfficeCsv, TheDataStyleIsUnchanged) {
  EXPECT_EQ(to_csv(sample()),
            "centre,day,amount_cents,n\r\n"
            "\"Casa; \"\"Aurora\"\"\",2026-03-09,-123405,-2\r\n"
            "'=1+1,,5,7\r\n");
}

http::Request with(std::map<std::string, std::string> query, std::string accept_language) {
  http::Request r;
  r.query = std::move(query);
  if (!accept_language.empty()) r.headers.emplace_back("accept-language", accept_language);
  return r;
}

TEST(ExportLanguage, QueryThenAcceptLanguageThenItalian) {
  EXPECT_EQ(language_of(with({}, "")), Language::it);
  EXPECT_EQ(language_of(with({}, "de-DE,de;q=0.9")), Language::it);
  EXPECT_EQ(language_of(with({}, "it-IT,it;q=0.9,en;q=0.8")), Language::it);
  EXPECT_EQ(language_of(with({}, "de-DE, ar;q=0.4, fr;q=0.7")), Language::fr);
  EXPECT_EQ(language_of(with({}, "en;q=0, uk")), Language::uk);
  EXPECT_EQ(language_of(with({{"lang", "bn"}}, "fr")), Language::bn);
}

TEST(ExportLanguage, LabelsFallBackToTheKey) {
  const Catalogue words = {
      {"column.centre", {"Centro", "Centre", "Centre", "المركز", "Центр", "কেন্দ্র"}}};
  EXPECT_EQ(Labels(words, Language::ar)("column.centre"), "المركز");
  EXPECT_EQ(Labels(words, Language::it)("column.unknown"), "column.unknown");
}

}  // namespace
}  // namespace innet::reporting
