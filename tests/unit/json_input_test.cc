#include "core/json_input.h"

#include <gtest/gtest.h>

namespace innet {
namespace {

const FieldSpec kSpec = {
    {.name = "name", .required = true, .max_length = 10},
    {.name = "count", .type = FieldType::integer, .min_value = 0, .max_value = 5},
    {.name = "kind", .allowed = {"a", "b"}},
    {.name = "code", .nullable = true, .digits_only = true, .exact_length = 6},
    {.name = "on", .type = FieldType::boolean},
    {.name = "mail", .type = FieldType::email},
    {.name = "day", .type = FieldType::date},
};

std::map<std::string, std::string> problems(std::string_view body) {
  auto r = parse_body(body, kSpec);
  EXPECT_FALSE(r.ok()) << body;
  return r.ok() ? std::map<std::string, std::string>{} : r.error().fields;
}

TEST(JsonInput, AcceptsAValidBody) {
  auto r = parse_body(
      R"({"name":"Ahmed","count":3,"kind":"a","code":null,"on":true,"mail":"a@b.it","day":"2024-02-29"})",
      kSpec);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)["name"], "Ahmed");
}

TEST(JsonInput, MalformedJsonAndInvalidUtf8) {
  for (std::string body :
       {std::string("{"), std::string("[1]"), std::string("{\"name\":\"\xff\xfe\"}")}) {
    auto r = parse_body(body, kSpec);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "invalid_json");
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
  }
}

TEST(JsonInput, NamesEveryBadField) {
  auto p = problems(
      R"({"count":"3","kind":"c","extra":1,"code":"12","on":1,"mail":"x","day":"2023-02-29"})");
  EXPECT_EQ(p["name"], "required");
  EXPECT_EQ(p["count"], "must be an integer");
  EXPECT_EQ(p["kind"], "must be one of: a, b");
  EXPECT_EQ(p["extra"], "unknown field");
  EXPECT_EQ(p["code"], "must be 6 digits");
  EXPECT_EQ(p["on"], "must be a boolean");
  EXPECT_EQ(p["mail"], "must be an e-mail address");
  EXPECT_EQ(p["day"], "must be a date (YYYY-MM-DD)");
}

TEST(JsonInput, LimitsLengthsAndRanges) {
  EXPECT_EQ(problems(R"({"name":"12345678901"})")["name"], "at most 10 characters");
  // Ten accented letters are ten characters (twenty bytes).
  EXPECT_TRUE(parse_body(R"({"name":"àèìòùàèìòù"})", kSpec).ok());
  EXPECT_EQ(problems(R"({"name":"àèìòùàèìòùà"})")["name"], "at most 10 characters");
  EXPECT_EQ(problems(R"({"name":"x","count":6})")["count"], "at most 5");
  EXPECT_EQ(problems(R"({"name":"x","count":-1})")["count"], "at least 0");
  EXPECT_EQ(problems(R"({"name":null})")["name"], "must not be null");
}

TEST(JsonInput, ListsAndNumbers) {
  const FieldSpec spec = {
      {.name = "ids", .type = FieldType::integer_list, .min_value = 1, .max_items = 2},
      {.name = "tags", .type = FieldType::string_list, .allowed = {"a", "b"}},
      {.name = "lines",
       .type = FieldType::object_list,
       .items = {{.name = "day", .type = FieldType::date, .required = true}}},
      {.name = "lat", .type = FieldType::number, .min_number = -90, .max_number = 90},
  };
  auto problems = [&](const char* body) { return parse_body(body, spec).error().fields; };
  EXPECT_TRUE(
      parse_body(R"({"ids":[1,2],"tags":["a"],"lines":[{"day":"2026-01-31"}],"lat":38.1})", spec)
          .ok());
  EXPECT_EQ(problems(R"({"ids":[1,2,3]})")["ids"], "at most 2 items");
  EXPECT_EQ(problems(R"({"ids":[0]})")["ids[0]"], "at least 1");
  EXPECT_EQ(problems(R"({"ids":"1"})")["ids"], "must be an array of integers");
  EXPECT_EQ(problems(R"({"tags":["c"]})")["tags[0]"], "must be one of: a, b");
  EXPECT_EQ(problems(R"({"lines":[{}]})")["lines[0].day"], "required");
  EXPECT_EQ(problems(R"({"lines":[{"day":"x","x":1}]})")["lines[0].x"], "unknown field");
  EXPECT_EQ(problems(R"({"lat":91})")["lat"], "must be from -90.0 to 90.0");
}

TEST(JsonInput, Paging) {
  auto p = parse_paging({{"page", "2"}, {"per_page", "10"}});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->offset(), 10);
  EXPECT_FALSE(parse_paging({{"per_page", "101"}}).ok());
  EXPECT_FALSE(parse_paging({{"page", "0"}}).ok());
  EXPECT_FALSE(parse_paging({{"page", "x"}}).ok());
}

TEST(JsonInput, QueryParameters) {
  EXPECT_TRUE(check_query({{"name", "x"}, {"kind", "a"}, {"page", "1"}}, kSpec).ok());
  EXPECT_FALSE(check_query({{"kind", "a"}}, kSpec).ok());  // name is required
  EXPECT_FALSE(check_query({{"name", "x"}, {"kind", "z"}}, kSpec).ok());
  EXPECT_FALSE(check_query({{"unknown", "1"}}, kSpec).ok());
  EXPECT_FALSE(check_query({{"count", "1x"}}, kSpec).ok());
}

TEST(JsonInput, SchemaMirrorsTheSpec) {
  auto s = json_schema(kSpec);
  EXPECT_EQ(s["additionalProperties"], false);
  EXPECT_EQ(s["required"], nlohmann::json::array({"name"}));
  EXPECT_EQ(s["properties"]["kind"]["enum"], nlohmann::json::array({"a", "b"}));
}

}  // namespace
}  // namespace innet
