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

TEST(HttpUrl, ParsesTargets) {
  std::string origin;
  std::string path;
  std::map<std::string, std::string> query;
  EXPECT_EQ(parse_target("/caf%C3%A9/x?q=a+b", origin, path, query), TargetError::none);
  EXPECT_EQ(origin, "/caf%C3%A9/x?q=a+b");
  EXPECT_EQ(path, "/café/x");
  EXPECT_EQ(query.at("q"), "a b");
  // The absolute form that clients send to proxies becomes the origin form.
  EXPECT_EQ(parse_target("http://host/api/v1?x=1", origin, path, query), TargetError::none);
  EXPECT_EQ(origin, "/api/v1?x=1");
  EXPECT_EQ(path, "/api/v1");
  EXPECT_EQ(parse_target("https://host?x=1", origin, path, query), TargetError::none);
  EXPECT_EQ(origin, "/?x=1");
  EXPECT_EQ(parse_target("https://host", origin, path, query), TargetError::none);
  EXPECT_EQ(path, "/");
  EXPECT_TRUE(query.empty());  // cleared from the previous target
}

TEST(HttpUrl, RefusesUnusableTargets) {
  std::string origin;
  std::string path;
  std::map<std::string, std::string> query;
  EXPECT_EQ(parse_target("*", origin, path, query), TargetError::bad_target);
  EXPECT_EQ(parse_target("", origin, path, query), TargetError::bad_target);
  EXPECT_EQ(parse_target("/metrics#x", origin, path, query), TargetError::bad_target);
  EXPECT_EQ(parse_target(std::string_view("/a\0b", 4), origin, path, query),
            TargetError::bad_target);
  EXPECT_EQ(parse_target("/a b", origin, path, query), TargetError::bad_target);
  EXPECT_EQ(parse_target("/a\x7f", origin, path, query), TargetError::bad_target);
  EXPECT_EQ(parse_target("/a%zz", origin, path, query), TargetError::bad_path);
  EXPECT_EQ(path, "/a%zz");  // the raw path, for the access log
  EXPECT_EQ(parse_target("/a%00", origin, path, query), TargetError::bad_path);
  EXPECT_EQ(parse_target("/a?b=%zz", origin, path, query), TargetError::bad_query);
}

}  // namespace
}  // namespace innet::http
