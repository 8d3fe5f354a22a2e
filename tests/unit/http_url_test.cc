#include "http/url.h"

#include <gtest/gtest.h>

namespace innet::http {
namespace {

TEST(HttpUrl, DecodesPercentEscapes) {
  EXPECT_EQ(percent_decode("a%20b%2Fc%c3%A9"), "a b/c\xc3\xa9");
  EXPECT_EQ(percent_decode("plain"), "plain");
  EXPECT_EQ(percent_decode(""), "");
}

TEST(HttpUrl, PlusIsSpaceOnlyInQueries) {
  EXPECT_EQ(percent_decode("a+b"), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("a%2Bb", true), "a+b");
}

TEST(HttpUrl, RejectsMalformedEscapesAndNul) {
  EXPECT_FALSE(percent_decode("%"));
  EXPECT_FALSE(percent_decode("%4"));
  EXPECT_FALSE(percent_decode("abc%"));
  EXPECT_FALSE(percent_decode("%zz"));
  EXPECT_FALSE(percent_decode("%00"));
}

TEST(HttpUrl, ParsesQueryStrings) {
  std::map<std::string, std::string> query;
  ASSERT_TRUE(parse_query("q=Palermo+centro&page=2&flag&empty=&q=ignored&&x%3Dy=%26", query));
  EXPECT_EQ(query.at("q"), "Palermo centro");
  EXPECT_EQ(query.at("page"), "2");
  EXPECT_EQ(query.at("flag"), "");
  EXPECT_EQ(query.at("empty"), "");
  EXPECT_EQ(query.at("x=y"), "&");
  EXPECT_EQ(query.size(), 5u);
}

TEST(HttpUrl, RejectsMalformedQuery) {
  std::map<std::string, std::string> query;
  EXPECT_FALSE(parse_query("a=%zz", query));
  EXPECT_FALSE(parse_query("a=%00", query));
}

}  // namespace
}  // namespace innet::http
