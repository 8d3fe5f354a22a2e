#include "http/response_head.h"

#include <gtest/gtest.h>

namespace innet::http {
namespace {

std::string head_of(const Response& response, ResponseHeadOptions options = {"req-1"}) {
  std::string out;
  append_response_head(response, options, out);
  return out;
}

bool has_line(const std::string& head, const std::string& line) {
  return head.find("\r\n" + line + "\r\n") != std::string::npos;
}

TEST(HttpResponseHead, StatusLineAndServerHeaders) {
  Response response = Response::json(200, {{"ok", true}});
  std::string head = head_of(response);
  EXPECT_EQ(head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_TRUE(has_line(head, "Server: innet"));
  EXPECT_TRUE(has_line(head, "Content-Type: application/json; charset=utf-8"));
  EXPECT_TRUE(has_line(head, "Content-Length: 11"));
  EXPECT_TRUE(has_line(head, "X-Request-Id: req-1"));
  EXPECT_NE(head.find("\r\nDate: "), std::string::npos);
  EXPECT_EQ(head.substr(head.size() - 4), "\r\n\r\n");
  EXPECT_EQ(head.find("Connection:"), std::string::npos);
}

TEST(HttpResponseHead, SecurityHeaders) {
  std::string head = head_of(Response::no_content(), {"r", true});
  EXPECT_TRUE(has_line(
      head,
      "Content-Security-Policy: default-src 'self'; img-src 'self' data:; style-src 'self' "
      "'unsafe-inline'; script-src 'self'; font-src 'self' data:; connect-src 'self'; "
      "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"));
  EXPECT_TRUE(has_line(head, "X-Content-Type-Options: nosniff"));
  EXPECT_TRUE(has_line(head, "Referrer-Policy: no-referrer"));
  EXPECT_TRUE(has_line(head, "X-Frame-Options: DENY"));
  EXPECT_TRUE(has_line(head, "Cross-Origin-Opener-Policy: same-origin"));
  EXPECT_TRUE(has_line(head, "Cache-Control: no-store"));
  EXPECT_EQ(head.find("Content-Length"), std::string::npos);  // 204 has no body
}

TEST(HttpResponseHead, NoStoreOnlyForApi) {
  EXPECT_EQ(head_of(Response{}).find("Cache-Control"), std::string::npos);
}

TEST(HttpResponseHead, HandlerHeadersWinOverDefaults) {
  Response response;
  response.set_header("cache-control", "private, max-age=60");
  response.set_header("X-Frame-Options", "SAMEORIGIN");
  std::string head = head_of(response, {"r", true});
  EXPECT_TRUE(has_line(head, "cache-control: private, max-age=60"));
  EXPECT_EQ(head.find("no-store"), std::string::npos);
  EXPECT_TRUE(has_line(head, "X-Frame-Options: SAMEORIGIN"));
  EXPECT_EQ(head.find("DENY"), std::string::npos);
}

TEST(HttpResponseHead, DropsUnsafeAndServerOwnedHeaders) {
  Response response;
  response.body = "abc";
  response.headers = {{"X-Evil", "a\r\nSet-Cookie: x=y"}, {"Bad Name", "v"},
                      {"Content-Length", "999"},          {"Connection", "upgrade"},
                      {"x-request-id", "forged"},         {"X-Fine", "yes"}};
  std::string head = head_of(response);
  EXPECT_EQ(head.find("Set-Cookie"), std::string::npos);
  EXPECT_EQ(head.find("Bad Name"), std::string::npos);
  EXPECT_EQ(head.find("999"), std::string::npos);
  EXPECT_EQ(head.find("upgrade"), std::string::npos);
  EXPECT_EQ(head.find("forged"), std::string::npos);
  EXPECT_TRUE(has_line(head, "X-Fine: yes"));
  EXPECT_TRUE(has_line(head, "Content-Length: 3"));
}

TEST(HttpResponseHead, ConnectionHeader) {
  EXPECT_TRUE(has_line(head_of(Response{}, {"r", false, false}), "Connection: close"));
  EXPECT_TRUE(has_line(head_of(Response{}, {"r", false, true, true}), "Connection: keep-alive"));
}

TEST(HttpResponseHead, BodylessStatuses) {
  EXPECT_FALSE(status_allows_body(204));
  EXPECT_FALSE(status_allows_body(304));
  EXPECT_FALSE(status_allows_body(100));
  EXPECT_TRUE(status_allows_body(200));
  EXPECT_TRUE(status_allows_body(404));
  EXPECT_EQ(reason_phrase(431), "Request Header Fields Too Large");
}

}  // namespace
}  // namespace innet::http
