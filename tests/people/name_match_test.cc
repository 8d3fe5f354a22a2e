// The matching rules of duplicate candidates (decision 0026): each kind of variant that must
// match, and near misses that must not.
#include "people/name_match.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace innet::people {
namespace {

NameComparison compare(const char* family, const char* given, Names candidate) {
  return compare_names(family, given, candidate);
}

TEST(NameMatch, TransliteratesEachScriptToLatin) {
  EXPECT_EQ(to_latin("Олександр"), "oleksandr");
  EXPECT_EQ(to_latin("Коваленко"), "kovalenko");
  EXPECT_EQ(to_latin("Григорій"), "hryhorii");  // Ukrainian: г is h
  EXPECT_EQ(to_latin("محمد"), "mhmd");          // Arabic writes no short vowels
  EXPECT_EQ(to_latin("يوسف"), "ywsf");
  EXPECT_EQ(to_latin("রহমান"), "rhman");
  EXPECT_EQ(to_latin("Traoré"), "traore");
  EXPECT_TRUE(is_original_script("محمد"));
  EXPECT_FALSE(is_original_script("Traoré"));
}

TEST(NameMatch, LatinVariantsShareAPhoneticKey) {
  for (const char* v : {"Mohammed", "Muhammad", "Mohamed", "Mohammad", "Muhamed"})
    EXPECT_EQ(phonetic_key(name_words(v)[0]), "mahamad") << v;
  for (const char* v : {"Youssef", "Yusuf", "Yousef", "Youcef"})
    EXPECT_EQ(phonetic_key(name_words(v)[0]), "yasaf") << v;
  for (const char* v : {"Oleksandr", "Aleksandr", "Alexander", "Olexandr"})
    EXPECT_EQ(phonetic_key(name_words(v)[0]), "alaksandr") << v;
  for (const char* v : {"Hussein", "Husain", "Hossein", "Husayn"})
    EXPECT_EQ(phonetic_key(name_words(v)[0]), "hasen") << v;
  EXPECT_EQ(phonetic_key("abdullah"), phonetic_key("abdulla"));
  EXPECT_EQ(phonetic_key("chaker"), phonetic_key("shaker"));
}

TEST(NameMatch, DifferentNamesKeepDifferentPhoneticKeys) {
  EXPECT_NE(phonetic_key("mahmoud"), phonetic_key("mohamed"));
  EXPECT_NE(phonetic_key("hassan"), phonetic_key("hussein"));
  EXPECT_NE(phonetic_key("jamal"), phonetic_key("amal"));
  EXPECT_NE(phonetic_key("omar"), phonetic_key("amr"));
  EXPECT_NE(phonetic_key("ahmed"), phonetic_key("ahmadi"));
}

TEST(NameMatch, OriginalScriptMeetsItsLatinSpellingByConsonants) {
  EXPECT_EQ(consonant_key(to_latin("محمد")), consonant_key("mohamed"));
  EXPECT_EQ(consonant_key(to_latin("يوسف")), consonant_key("youssef"));
  EXPECT_EQ(consonant_key(to_latin("عمر")), consonant_key("omar"));
  EXPECT_EQ(consonant_key(to_latin("فاطمة")), consonant_key("fatima"));
  EXPECT_EQ(consonant_key(to_latin("Олександр")), consonant_key("alexander"));
  EXPECT_EQ(consonant_key(to_latin("মোহাম্মদ")), consonant_key("mohammad"));
  EXPECT_EQ(consonant_key(to_latin("রহমান")), consonant_key("rahman"));
}

TEST(NameMatch, WordsDropTheArticleAndJoinCompoundNames) {
  EXPECT_EQ(name_words("Al-Hassan"), (std::vector<std::string>{"hassan"}));
  const auto words = name_words("Abdul Rahman");
  EXPECT_NE(std::find(words.begin(), words.end(), "abdulrahman"), words.end());
  EXPECT_EQ(name_words("الرحمن"), (std::vector<std::string>{"rhmn"}));
}

TEST(NameMatch, ComparesLatinSpellings) {
  const Names mohamed{"Hassan", "Mohamed", "", ""};
  EXPECT_EQ(compare("HASSAN", "mohamed", mohamed).match, NameMatch::equal);
  EXPECT_EQ(compare("Hasan", "Muhammad", mohamed).match, NameMatch::phonetic);
  const auto reversed = compare("Mohammed", "Hassan", mohamed);
  EXPECT_EQ(reversed.match, NameMatch::phonetic);
  EXPECT_TRUE(reversed.reversed);
  EXPECT_EQ(compare("Kovalenko", "Alexander", {"Kovalenko", "Oleksandr", "", ""}).match,
            NameMatch::phonetic);
  EXPECT_EQ(compare("Kovalenko", "", {"Kovalenko", "Oleksandr", "", ""}).match, NameMatch::equal);
}

TEST(NameMatch, ComparesOriginalScriptWithLatin) {
  const Names latin_only{"Hassan", "Mohamed", "", ""};
  EXPECT_EQ(compare("حسن", "محمد", latin_only).match, NameMatch::transliterated);
  const Names both{"Kovalenko", "Oleksandr", "Коваленко", "Олександр"};
  EXPECT_EQ(compare("Коваленко", "Олександр", both).match, NameMatch::equal);
  EXPECT_EQ(compare("Коваленко", "Олександр", {"Kovalenko", "Oleksandr", "", ""}).match,
            NameMatch::transliterated);
  // A Latin query meets a candidate's Cyrillic names through their transliteration.
  EXPECT_EQ(
      compare("Kovalenko", "Oleksandr", {"Kowalenko", "Alex", "Коваленко", "Олександр"}).match,
      NameMatch::transliterated);
  EXPECT_EQ(compare("রহমান", "", {"Rahman", "Karim", "", ""}).match, NameMatch::transliterated);
}

TEST(NameMatch, NearMissesDoNotMatch) {
  // Different names that a consonant skeleton alone would confuse: Latin against Latin is
  // compared by sound, vowels included.
  EXPECT_EQ(compare("Hassan", "Mahmoud", {"Hassan", "Mohamed", "", ""}).match, NameMatch::none);
  EXPECT_EQ(compare("Hassan", "Mahmoud", {"Hassan", "Mohamed", "حسن", "محمد"}).match,
            NameMatch::none);
  EXPECT_EQ(compare("Hussein", "Ali", {"Hassan", "Ali", "", ""}).match, NameMatch::none);
  EXPECT_EQ(compare("Diallo", "Amal", {"Diallo", "Jamal", "", ""}).match, NameMatch::none);
  // Siblings: one family name, different given names.
  EXPECT_EQ(compare("Rahman", "Karim", {"Rahman", "Rafiq", "", ""}).match, NameMatch::none);
  EXPECT_EQ(compare("Kovalenko", "Andrii", {"Kovalchuk", "Andrii", "", ""}).match, NameMatch::none);
  EXPECT_EQ(compare("", "", {"Rahman", "Karim", "", ""}).match, NameMatch::none);
}

TEST(NameMatch, KeysFindReversedAndTransliteratedNamesAlike) {
  const auto stored = match_keys({"Hassan", "Mohamed", "", ""});
  const auto has = [&](const std::string& key) {
    return std::find(stored.begin(), stored.end(), key) != stored.end();
  };
  for (const auto& key : query_keys("Mohamed", "Hassan")) EXPECT_TRUE(has(key)) << key;
  for (const auto& key : query_keys("حسن", "محمد")) EXPECT_TRUE(has(key)) << key;
  for (const auto& key : query_keys("Hassan", "")) EXPECT_TRUE(has(key)) << key;
  EXPECT_EQ(query_keys("Hassan", "Mohamed"), (std::vector<std::string>{"p:hsn|mhmd"}));
  const auto cyrillic = match_keys({"Kovalenko", "Oleksandr", "Коваленко", "Олександр"});
  EXPECT_EQ(std::count_if(cyrillic.begin(), cyrillic.end(),
                          [](const std::string& k) { return k.starts_with("p:"); }),
            1);
}

}  // namespace
}  // namespace innet::people
