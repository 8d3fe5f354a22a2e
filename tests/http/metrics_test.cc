#include "http/metrics.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace innet::http {
namespace {

bool contains(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST(HttpMetrics, CountsRequestsByMethodRouteAndStatus) {
  Metrics metrics;
  metrics.observe("GET", "/api/v1/users/{id}", 200, 0.002);
  metrics.observe("GET", "/api/v1/users/{id}", 200, 0.004);
  metrics.observe("GET", "/api/v1/users/{id}", 404, 0.001);
  metrics.observe("POST", "unmatched", 404, 0.0001);
  std::string text = metrics.render();
  EXPECT_TRUE(contains(text, "# TYPE innet_http_requests_total counter"));
  EXPECT_TRUE(contains(
      text,
      R"(innet_http_requests_total{method="GET",route="/api/v1/users/{id}",status="200"} 2)"));
  EXPECT_TRUE(contains(
      text,
      R"(innet_http_requests_total{method="GET",route="/api/v1/users/{id}",status="404"} 1)"));
  EXPECT_TRUE(contains(
      text, R"(innet_http_requests_total{method="POST",route="unmatched",status="404"} 1)"));
}

TEST(HttpMetrics, HistogramIsCumulative) {
  // Binary fractions, so the sum prints exactly.
  Metrics metrics;
  metrics.observe("GET", "/r", 200, 0.0009765625);
  metrics.observe("GET", "/r", 200, 0.00390625);
  metrics.observe("GET", "/r", 200, 0.25);  // a bound itself counts in that bucket
  metrics.observe("GET", "/r", 200, 8);
  std::string text = metrics.render();
  EXPECT_TRUE(contains(text, "# TYPE innet_http_request_duration_seconds histogram"));
  const char* expected[] = {
      R"(innet_http_request_duration_seconds_bucket{route="/r",le="0.001"} 1)",
      R"(innet_http_request_duration_seconds_bucket{route="/r",le="0.0025"} 1)",
      R"(innet_http_request_duration_seconds_bucket{route="/r",le="0.005"} 2)",
      R"(innet_http_request_duration_seconds_bucket{route="/r",le="0.1"} 2)",
      R"(innet_http_request_duration_seconds_bucket{route="/r",le="0.25"} 3)",
      R"(innet_http_request_duration_seconds_bucket{route="/r",le="5"} 3)",
      R"(innet_http_request_duration_seconds_bucket{route="/r",le="+Inf"} 4)",
      R"(innet_http_request_duration_seconds_sum{route="/r"} 8.2548828125)",
      R"(innet_http_request_duration_seconds_count{route="/r"} 4)",
  };
  for (const char* line : expected) EXPECT_TRUE(contains(text, line)) << line << "\n" << text;
}

TEST(HttpMetrics, EscapesLabelValues) {
  Metrics metrics;
  metrics.observe("GET", "a\"b\\c\nd", 200, 0.1);
  EXPECT_TRUE(
      contains(metrics.render(),
               R"(innet_http_requests_total{method="GET",route="a\"b\\c\nd",status="200"} 1)"));
}

TEST(HttpMetrics, PoolGaugesOnlyWithASource) {
  Metrics metrics;
  EXPECT_EQ(metrics.render().find("innet_db_pool"), std::string::npos);
  metrics.set_pool_source([] { return PoolGauges{3, 1, 8, 5}; });
  std::string text = metrics.render();
  EXPECT_TRUE(contains(text, "# TYPE innet_db_pool_connections gauge"));
  EXPECT_TRUE(contains(text, R"(innet_db_pool_connections{state="in_use"} 1)"));
  EXPECT_TRUE(contains(text, R"(innet_db_pool_connections{state="open"} 3)"));
  EXPECT_TRUE(contains(text, R"(innet_db_pool_connections{state="max"} 8)"));
  EXPECT_TRUE(contains(text, "# TYPE innet_db_pool_waits_total counter"));
  EXPECT_TRUE(contains(text, "innet_db_pool_waits_total 5"));
}

TEST(HttpMetrics, ObservationsFromManyThreadsAddUp) {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&metrics] {
      for (int i = 0; i < 10000; ++i) metrics.observe("GET", "/x", 200, 0.001);
    });
  }
  for (auto& thread : threads) thread.join();
  std::string text = metrics.render();
  EXPECT_TRUE(
      contains(text, R"(innet_http_requests_total{method="GET",route="/x",status="200"} 80000)"));
  EXPECT_TRUE(contains(text, R"(innet_http_request_duration_seconds_count{route="/x"} 80000)"));
}

}  // namespace
}  // namespace innet::http
