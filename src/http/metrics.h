// Prometheus metrics: requests by route and status, a latency histogram, database pool use.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <cstdint>

namespace innet::http {

// The database pool's gauges, as the application reads them from its pool (http knows no db).
struct PoolGauges {
  int open = 0;
  int in_use = 0;
  int max = 0;
  std::int64_t waits = 0;  // acquisitions that had to wait
};

class Metrics {
 public:
  Metrics();
  ~Metrics();
  // route is the pattern ("/api/v1/users/{id}"), never the raw path, to bound cardinality.
  void observe(const std::string& method, const std::string& route, int status, double seconds);
  void set_pool_source(std::function<PoolGauges()> source);
  std::string render() const;  // text exposition format 0.0.4

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace innet::http
