#include "http/access_log.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "http/request_info.h"

namespace innet::http {
namespace {

TEST(HttpAccessLog, FormatsOneJsonLine) {
  AccessRecord record{"abc123", "GET", "/api/v1/users/7", "/api/v1/users/{id}", 200,
                      1.23456,  42,    "10.0.0.1"};
  auto when = std::chrono::system_clock::time_point(std::chrono::milliseconds(1714557600123));
  std::string line = format_access_line(record, when);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["ts"], "2024-05-01T10:00:00.123Z");
  EXPECT_EQ(json["level"], "info");
  EXPECT_EQ(json["request_id"], "abc123");
  EXPECT_EQ(json["method"], "GET");
  EXPECT_EQ(json["path"], "/api/v1/users/7");
  EXPECT_EQ(json["route"], "/api/v1/users/{id}");
  EXPECT_EQ(json["status"], 200);
  EXPECT_DOUBLE_EQ(json["duration_ms"].get<double>(), 1.235);
  EXPECT_EQ(json["bytes"], 42);
  EXPECT_EQ(json["client"], "10.0.0.1");
}

TEST(HttpAccessLog, ServerErrorsAreErrorLevel) {
  AccessRecord record{"r", "POST", "/x", "unmatched", 503, 0, 0, "::1"};
  auto json = nlohmann::json::parse(format_access_line(record, std::chrono::system_clock::now()));
  EXPECT_EQ(json["level"], "error");
}

TEST(HttpAccessLog, EscapesHostileText) {
  std::string path = "/a\"b\\c\n\x01\xc3\xa9\xff";
  AccessRecord record{"r", "GET", path, "static", 200, 0, 0, "::1"};
  std::string line = format_access_line(record, std::chrono::system_clock::now());
  auto json = nlohmann::json::parse(line);  // valid JSON even with invalid UTF-8 in the path
  EXPECT_EQ(json["path"], "/a\"b\\c\n\x01\xc3\xa9\xef\xbf\xbd");
}

TEST(HttpRequestInfo, ClientAddressTrustsOnlyTheProxy) {
  // The client may write anything before the entry the proxy appends; only the last counts.
  EXPECT_EQ(client_address("10.0.0.5", "203.0.113.7, 10.0.0.9", "10.0.0.5"), "10.0.0.9");
  EXPECT_EQ(client_address("10.0.0.6", "203.0.113.7", "10.0.0.5"), "10.0.0.6");
  EXPECT_EQ(client_address("10.0.0.5", std::nullopt, "10.0.0.5"), "10.0.0.5");
  EXPECT_EQ(client_address("10.0.0.5", "not-an-ip", "10.0.0.5"), "10.0.0.5");
  EXPECT_EQ(client_address("10.0.0.5", " 2001:db8::1 ", "10.0.0.5"), "2001:db8::1");
  EXPECT_EQ(client_address("10.0.0.5", "203.0.113.7", ""), "10.0.0.5");
}

TEST(HttpRequestInfo, RequestIds) {
  EXPECT_TRUE(is_sane_request_id("abc-123_X.y"));
  EXPECT_FALSE(is_sane_request_id(""));
  EXPECT_FALSE(is_sane_request_id(std::string(65, 'a')));
  EXPECT_FALSE(is_sane_request_id("a b"));
  EXPECT_FALSE(is_sane_request_id("a\r\nb"));
  std::string id = new_request_id();
  EXPECT_EQ(id.size(), 16u);
  EXPECT_TRUE(is_sane_request_id(id));
  EXPECT_NE(id, new_request_id());
}

}  // namespace
}  // namespace innet::http
