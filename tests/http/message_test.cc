#include "http/message.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace innet::http {
namespace {

Request with_headers(std::vector<std::pair<std::string, std::string>> headers) {
  Request request;
  request.headers = std::move(headers);
  return request;
}

TEST(HttpMessage, FindsHeadersByLowerCaseName) {
  Request request = with_headers({{"content-type", "application/json"}, {"x-a", "1"}});
  EXPECT_EQ(request.header("content-type"), "application/json");
  EXPECT_EQ(request.header("x-a"), "1");
  EXPECT_FALSE(request.header("x-b"));
}

TEST(HttpMessage, ParsesCookies) {
  Request request =
      with_headers({{"cookie", "theme=dark; innet_session=abc123;  lang = it ; q=\"x y\""}});
  EXPECT_EQ(request.cookie("innet_session"), "abc123");
  EXPECT_EQ(request.cookie("theme"), "dark");
  EXPECT_EQ(request.cookie("lang"), "it");
  EXPECT_EQ(request.cookie("q"), "x y");
  EXPECT_FALSE(request.cookie("session"));  // no prefix or suffix matches
  EXPECT_FALSE(request.cookie("Theme"));    // names are case-sensitive
}

TEST(HttpMessage, CookieEdgeCases) {
  EXPECT_FALSE(with_headers({}).cookie("a"));
  EXPECT_EQ(with_headers({{"cookie", "a="}}).cookie("a"), "");
  EXPECT_EQ(with_headers({{"cookie", "junk; a=1=2;"}}).cookie("a"), "1=2");
  EXPECT_EQ(with_headers({{"cookie", "a=first; a=second"}}).cookie("a"), "first");
  EXPECT_EQ(with_headers({{"cookie", "b=1"}, {"cookie", "a=2"}}).cookie("a"), "2");
}

TEST(HttpMessage, JsonResponse) {
  Response response = Response::json(201, {{"id", 7}, {"name", "Palermo"}});
  EXPECT_EQ(response.status, 201);
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Content-Type");
  EXPECT_EQ(response.headers[0].second, "application/json; charset=utf-8");
  EXPECT_EQ(nlohmann::json::parse(response.body), (nlohmann::json{{"id", 7}, {"name", "Palermo"}}));
}

TEST(HttpMessage, JsonResponseSurvivesInvalidUtf8) {
  Response response = Response::json(200, {{"name", std::string("a\xff")}});
  EXPECT_TRUE(nlohmann::json::accept(response.body));
}

// The body is written by Response's own serialiser: the same bytes as nlohmann's dump().
TEST(HttpMessage, JsonResponseIsExactlyDump) {
  std::vector<std::string> texts = {"",
                                    "plain",
                                    "quote \" back \\ slash",
                                    "\b\f\n\r\t",
                                    std::string("nul \0 and \x01 \x1f \x7f", 16),
                                    "città Ελλάδα العربية বাংলা 𝄞",
                                    "\xE2\x80\xAE right-to-left"};
  for (int c = 0; c < 0x80; ++c) texts.push_back(std::string(1, static_cast<char>(c)) + "x");
  // Every special byte at every place of a text long enough for the eight-byte scan.
  for (std::string special : {"\"", "\\", "\n", "\x01", "\x1f", "é"})
    for (std::size_t at = 0; at <= 19; ++at)
      texts.push_back(std::string(at, 'a') + special + std::string(19 - at, 'b'));
  nlohmann::json body = {
      {"texts", texts},
      {"numbers", {0, -1, 42, INT64_MIN, INT64_MAX, UINT64_MAX, 0.5, 1.0, -2.5e-7}},
      {"flags", {true, false, nullptr}},
      {"nested",
       {{"empty_object", nlohmann::json::object()},
        {"empty_array", nlohmann::json::array()},
        {"b", {{"z", 1}, {"a", "2"}}}}}};
  for (const auto& t : texts) body["keys"][t] = t;
  EXPECT_EQ(Response::json(200, body).body, body.dump());
}

TEST(HttpMessage, JsonResponseReplacesEveryKindOfInvalidUtf8LikeDump) {
  // Overlong, surrogate, above U+10FFFF, truncated, stray continuation.
  for (std::string bad : {"0123456789abcdef\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                          "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\x80", "ok\xFF"}) {
    nlohmann::json body = {{"name", bad}};
    EXPECT_EQ(Response::json(200, body).body,
              body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

TEST(HttpMessage, NoContent) {
  Response response = Response::no_content();
  EXPECT_EQ(response.status, 204);
  EXPECT_TRUE(response.body.empty());
  EXPECT_TRUE(response.headers.empty());
}

TEST(HttpMessage, SetHeaderReplacesCaseInsensitively) {
  Response response;
  response.set_header("Cache-Control", "no-store");
  response.set_header("cache-control", "max-age=60");
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].second, "max-age=60");
}

TEST(HttpMessage, ErrorBodyShape) {
  Response response = Response::error(Error::make(ErrorKind::conflict, "taken", "already used"));
  EXPECT_EQ(response.status, 409);
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body, (nlohmann::json{{"error",
                                   {{"code", "taken"},
                                    {"message", "already used"},
                                    {"fields", nlohmann::json::object()}}}}));
}

TEST(HttpMessage, ErrorCarriesFieldsWithCodesParamsAndMessages) {
  Error e = Error::field(ErrorKind::invalid_input, "email", FieldError::required());
  e.fields["name"] = FieldError::too_long(200);
  e.fields["type"] = FieldError::not_in_list({"ngo", "company"});
  Response response = Response::error(e);
  EXPECT_EQ(response.status, 400);
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "validation_failed");
  EXPECT_EQ(body["error"]["fields"], (nlohmann::json::parse(R"({
              "email": {"code": "required", "params": {}, "message": "required"},
              "name": {"code": "too_long", "params": {"max": 200},
                       "message": "at most 200 characters"},
              "type": {"code": "not_in_list", "params": {"allowed": ["ngo", "company"]},
                       "message": "must be one of: ngo, company"}})")));
}

TEST(HttpMessage, RateLimitedErrorHasRetryAfter) {
  Error error = Error::make(ErrorKind::rate_limited, "too_many_attempts", "slow down");
  error.retry_after_seconds = 30;
  Response response = Response::error(error);
  EXPECT_EQ(response.status, 429);
  bool found = false;
  for (const auto& [name, value] : response.headers) {
    if (name == "Retry-After") {
      found = true;
      EXPECT_EQ(value, "30");
    }
  }
  EXPECT_TRUE(found);
}

TEST(HttpMessage, StatusForEveryKind) {
  EXPECT_EQ(status_for(ErrorKind::invalid_input), 400);
  EXPECT_EQ(status_for(ErrorKind::unauthenticated), 401);
  EXPECT_EQ(status_for(ErrorKind::forbidden), 403);
  EXPECT_EQ(status_for(ErrorKind::not_found), 404);
  EXPECT_EQ(status_for(ErrorKind::conflict), 409);
  EXPECT_EQ(status_for(ErrorKind::too_large), 413);
  EXPECT_EQ(status_for(ErrorKind::unprocessable), 422);
  EXPECT_EQ(status_for(ErrorKind::rate_limited), 429);
  EXPECT_EQ(status_for(ErrorKind::unavailable), 503);
  EXPECT_EQ(status_for(ErrorKind::internal), 500);
}

}  // namespace
}  // namespace innet::http
