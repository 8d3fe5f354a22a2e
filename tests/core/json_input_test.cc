#include "core/json_input.h"

#include <gtest/gtest.h>

#include <array>

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

std::map<std::string, FieldError> problems(std::string_view body) {
  auto r = parse_body(body, kSpec);
  EXPECT_FALSE(r.ok()) << body;
  return r.ok() ? std::map<std::string, FieldError>{} : r.error().fields;
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
  const std::vector<std::array<std::string, 3>> expected = {
      {"name", "required", "required"},
      {"count", "wrong_type", "must be an integer"},
      {"kind", "not_in_list", "must be one of: a, b"},
      {"extra", "unknown_field", "unknown field"},
      {"code", "exact_length", "must be 6 digits"},
      {"on", "wrong_type", "must be a boolean"},
      {"mail", "invalid_email", "must be an e-mail address"},
      {"day", "date_out_of_range", "must be a date (YYYY-MM-DD) from 1900-01-01 to 2099-12-31"},
  };
  for (const auto& [field, code, message] : expected) {
    EXPECT_EQ(p[field].code, code) << field;
    EXPECT_EQ(p[field].message, message) << field;
  }
  // The parameters a translation needs, beside the English message.
  using Params = std::vector<std::pair<std::string, FieldError::Param>>;
  EXPECT_EQ(p["count"].params, (Params{{"expected", std::string("integer")}}));
  EXPECT_EQ(p["kind"].params, (Params{{"allowed", std::vector<std::string>{"a", "b"}}}));
  EXPECT_EQ(p["code"].params, (Params{{"length", std::int64_t{6}}}));
  EXPECT_EQ(p["day"].params,
            (Params{{"from", std::string("1900-01-01")}, {"to", std::string("2099-12-31")}}));
}

TEST(JsonInput, DatesWithinTheRangeARecordCanHave) {
  const std::string reason = "must be a date (YYYY-MM-DD) from 1900-01-01 to 2099-12-31";
  for (const char* day : {"-999-01-01", "0000-01-01", "1899-12-31", "2100-01-01", "+202-01-01",
                          "2024-1-01 ", "２０２４-01-01"})
    EXPECT_EQ(problems(std::string(R"({"name":"x","day":")") + day + R"("})")["day"].message,
              reason)
        << day;
  EXPECT_TRUE(parse_body(R"({"name":"x","day":"1900-01-01"})", kSpec).ok());
  EXPECT_TRUE(parse_body(R"({"name":"x","day":"2099-12-31"})", kSpec).ok());
  const FieldSpec later = {{.name = "day",
                            .type = FieldType::date,
                            .earliest_day = CivilDay(std::chrono::year{2000} / 1 / 1)}};
  auto r = parse_body(R"({"day":"1999-12-31"})", later);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at("day").message,
            "must be a date (YYYY-MM-DD) from 2000-01-01 to 2099-12-31");
  EXPECT_FALSE(check_query({{"name", "x"}, {"day", "0000-01-01"}}, kSpec).ok());
  EXPECT_EQ(json_schema(later)["properties"]["day"]["x-earliest"], "2000-01-01");
}

TEST(JsonInput, TextIsTrimmedAndRefusesWhatNoNameContains) {
  const FieldSpec spec = {{.name = "name", .min_length = 1},
                          {.name = "note", .multiline = true},
                          {.name = "tags", .type = FieldType::string_list}};
  auto r = parse_body("{\"name\":\" \\t Amal \\u00a0\",\"tags\":[\" a \"]}", spec);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)["name"], "Amal");
  EXPECT_EQ((*r)["tags"][0], "a");
  // Spaces only: empty once trimmed.
  auto blank = parse_body("{\"name\":\"   \\u3000 \"}", spec);
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().fields.at("name").message, "at least 1 characters");
  for (const char* bad : {"A\\u0000B", "A\\u0007B", "A\\nB", "A\\u007fB", "A\\u0085B"}) {
    auto e = parse_body(std::string("{\"name\":\"") + bad + "\"}", spec);
    ASSERT_FALSE(e.ok()) << bad;
    EXPECT_EQ(e.error().fields.at("name").message, "must not contain control characters") << bad;
  }
  for (const char* bad : {"abc\\u202edcba", "\\u2066x\\u2069", "a\\u202ab"}) {
    auto e = parse_body(std::string("{\"name\":\"") + bad + "\"}", spec);
    ASSERT_FALSE(e.ok()) << bad;
    EXPECT_EQ(e.error().fields.at("name").message,
              "must not contain bidirectional override characters");
  }
  // Notes keep their line breaks and tabs, and names in right-to-left scripts are fine.
  auto note = parse_body("{\"name\":\"\u0623\u0645\u0644\",\"note\":\"line 1\\n\\tline 2\"}", spec);
  ASSERT_TRUE(note.ok()) << note.error().message;
  EXPECT_EQ((*note)["note"], "line 1\n\tline 2");
  EXPECT_FALSE(parse_body("{\"name\":\"x\",\"note\":\"a\\u0000\"}", spec).ok());
  EXPECT_EQ(trim_text("\xef\xbb\xbf x y \xe2\x80\x8b"), "x y");
  // A password is taken as sent: its spaces and any character count.
  const FieldSpec secret = {{.name = "password", .verbatim = true}};
  auto pw = parse_body("{\"password\":\" a\\tb\\u202e \"}", secret);
  ASSERT_TRUE(pw.ok()) << pw.error().message;
  EXPECT_EQ((*pw)["password"], " a\tb\xe2\x80\xae ");
  EXPECT_FALSE(forbidden_character("\xd8\xa3\xd9\x85\xd9\x84 \xe2\x80\x8f", false));
}

TEST(JsonInput, LimitsLengthsAndRanges) {
  EXPECT_EQ(problems(R"({"name":"12345678901"})")["name"].message, "at most 10 characters");
  // Ten accented letters are ten characters (twenty bytes).
  EXPECT_TRUE(parse_body(R"({"name":"àèìòùàèìòù"})", kSpec).ok());
  EXPECT_EQ(problems(R"({"name":"àèìòùàèìòùà"})")["name"].message, "at most 10 characters");
  EXPECT_EQ(problems(R"({"name":"x","count":6})")["count"].message, "at most 5");
  EXPECT_EQ(problems(R"({"name":"x","count":-1})")["count"].message, "at least 0");
  EXPECT_EQ(problems(R"({"name":null})")["name"].message, "must not be null");
}

TEST(JsonInput, ListsAndNumbers) {
  const FieldSpec spec = {
      {.name = "ids", .type = FieldType::integer_list, .min_value = 1, .max_items = 2},
      {.name = "tags", .type = FieldType::string_list, .allowed = {"a", "b"}},
      {.name = "lines",
       .type = FieldType::object_list,
       .items = {{.name = "day", .type = FieldType::date, .required = true},
                 {.name = "names",
                  .type = FieldType::object_list,
                  .items = {{.name = "language", .allowed = {"en", "fr"}}}}}},
      {.name = "lat", .type = FieldType::number, .min_number = -90, .max_number = 90},
  };
  auto problems = [&](const char* body) { return parse_body(body, spec).error().fields; };
  EXPECT_TRUE(
      parse_body(R"({"ids":[1,2],"tags":["a"],"lines":[{"day":"2026-01-31"}],"lat":38.1})", spec)
          .ok());
  EXPECT_EQ(problems(R"({"ids":[1,2,3]})")["ids"].message, "at most 2 items");
  EXPECT_EQ(problems(R"({"ids":[0]})")["ids[0]"].message, "at least 1");
  EXPECT_EQ(problems(R"({"ids":"1"})")["ids"].message, "must be an array of integers");
  EXPECT_EQ(problems(R"({"tags":["c"]})")["tags[0]"].message, "must be one of: a, b");
  EXPECT_EQ(problems(R"({"lines":[{}]})")["lines[0].day"].message, "required");
  EXPECT_EQ(problems(R"({"lines":[{"day":"x","x":1}]})")["lines[0].x"].message, "unknown field");
  EXPECT_EQ(problems(R"({"lat":91})")["lat"].message, "must be from -90.0 to 90.0");
  // A list in a list's element: named with the outer element (decision 0043's names of steps).
  const auto nested = problems(
      R"({"lines":[{"day":"2026-01-31"},{"day":"2026-02-01","names":[{"language":"en"},{"language":"it"}]}]})");
  ASSERT_EQ(nested.size(), 1u);
  EXPECT_EQ(nested.at("lines[1].names[1].language").code, "not_in_list");
}

TEST(JsonInput, Paging) {
  auto p = parse_paging({{"page", "2"}, {"per_page", "10"}});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->offset(), 10);
  EXPECT_EQ(parse_paging({{"per_page", "101"}}).error().fields.at("per_page").code,
            "above_maximum");
  EXPECT_EQ(parse_paging({{"page", "0"}}).error().fields.at("page").code, "below_minimum");
  EXPECT_EQ(parse_paging({{"page", "x"}}).error().fields.at("page").code, "wrong_type");
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
