#include "people/codes.h"

#include <gtest/gtest.h>

namespace innet::people {
namespace {

TEST(PeopleCodes, CountriesAreIsoAlpha2PlusStatelessAndUnknown) {
  for (const char* code : {"BD", "SY", "TN", "EG", "GN", "UA", "IT", "AF", "XX", "ZZ"})
    EXPECT_TRUE(is_country_code(code)) << code;
  for (const char* code : {"XY", "bd", "BGD", "", "B"}) EXPECT_FALSE(is_country_code(code)) << code;
}

TEST(PeopleCodes, LanguagesUseTheShortestIsoCode) {
  for (const char* code : {"bn", "ar", "uk", "fr", "prs", "syl", "fuf", "ti", "wo"})
    EXPECT_TRUE(is_language_code(code)) << code;
  // Bengali has a two-letter code, so its three-letter one is not how we write it.
  for (const char* code : {"ben", "xx", "BN", "", "english"})
    EXPECT_FALSE(is_language_code(code)) << code;
}

TEST(PeopleCodes, CodiceFiscaleCheckCharacter) {
  EXPECT_TRUE(is_codice_fiscale("RSSMRA85T10A562S"));  // the customary example
  EXPECT_FALSE(is_codice_fiscale("RSSMRA85T10A562T"));
  EXPECT_TRUE(is_codice_fiscale("RSSMRA85T10A56NH"));  // omocodia: last digit as a letter
  EXPECT_FALSE(is_codice_fiscale("RSSMRA85T10A562"));
  EXPECT_TRUE(is_codice_fiscale("12345678903"));  // provisional numeric code
  EXPECT_FALSE(is_codice_fiscale("12345678901"));
}

}  // namespace
}  // namespace innet::people
