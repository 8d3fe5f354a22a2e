#include "http/metrics.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

namespace innet::http {
namespace {

constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,   0.25,   0.5,   1,    2.5,   5};

struct Counter {
  std::string method;
  int status = 0;
  std::uint64_t count = 0;
};

struct RouteStats {
  std::array<std::uint64_t, kBuckets.size() + 1> buckets{};  // per bucket, last is +Inf only
  double sum = 0;
  std::uint64_t count = 0;
  std::vector<Counter> counters;  // few per route: a linear scan beats a second hash lookup

  Counter& counter(std::string_view method, int status) {
    for (auto& c : counters) {
      if (c.status == status && c.method == method) return c;
    }
    return counters.emplace_back(Counter{std::string(method), status, 0});
  }

  void merge(const RouteStats& other) {
    for (std::size_t i = 0; i < buckets.size(); ++i) buckets[i] += other.buckets[i];
    sum += other.sum;
    count += other.count;
    for (const auto& c : other.counters) counter(c.method, c.status).count += c.count;
  }
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Threads spread over shards so observe() almost never waits: each I/O thread gets its own
// shard in practice, and the lock is only contended while render() copies it.
struct alignas(64) Shard {
  std::mutex mutex;
  std::unordered_map<std::string, RouteStats, StringHash, std::equal_to<>> routes;
};

constexpr std::size_t kShards = 16;

std::size_t this_thread_shard() {
  static std::atomic<std::size_t> next{0};
  thread_local const std::size_t index = next.fetch_add(1, std::memory_order_relaxed) % kShards;
  return index;
}

void append_escaped(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

}  // namespace

struct Metrics::Impl {
  std::array<Shard, kShards> shards;
  mutable std::mutex pool_mutex;
  std::function<PoolGauges()> pool_source;
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::observe(const std::string& method, const std::string& route, int status,
                      double seconds) {
  // le is inclusive: a value equal to a bound counts in that bucket.
  auto bucket = static_cast<std::size_t>(
      std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin());
  Shard& shard = impl_->shards[this_thread_shard()];
  std::lock_guard lock(shard.mutex);
  auto it = shard.routes.find(std::string_view(route));
  if (it == shard.routes.end()) it = shard.routes.emplace(route, RouteStats{}).first;
  RouteStats& stats = it->second;
  ++stats.buckets[bucket];
  stats.sum += seconds;
  ++stats.count;
  ++stats.counter(method, status).count;
}

void Metrics::set_pool_source(std::function<PoolGauges()> source) {
  std::lock_guard lock(impl_->pool_mutex);
  impl_->pool_source = std::move(source);
}

std::string Metrics::render() const {
  std::map<std::string, RouteStats> routes;  // sorted: stable output, easy to diff
  for (auto& shard : impl_->shards) {
    std::lock_guard lock(shard.mutex);
    for (const auto& [route, stats] : shard.routes) routes[route].merge(stats);
  }

  std::string out;
  out += "# HELP innet_http_requests_total HTTP requests by method, route pattern and status.\n";
  out += "# TYPE innet_http_requests_total counter\n";
  for (auto& [route, stats] : routes) {
    std::sort(stats.counters.begin(), stats.counters.end(), [](const auto& a, const auto& b) {
      return std::tie(a.method, a.status) < std::tie(b.method, b.status);
    });
    for (const auto& c : stats.counters) {
      out += "innet_http_requests_total{method=\"";
      append_escaped(out, c.method);
      out += "\",route=\"";
      append_escaped(out, route);
      out += fmt::format("\",status=\"{}\"}} {}\n", c.status, c.count);
    }
  }

  out += "# HELP innet_http_request_duration_seconds Time from request start to response sent.\n";
  out += "# TYPE innet_http_request_duration_seconds histogram\n";
  for (const auto& [route, stats] : routes) {
    std::string label;
    append_escaped(label, route);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < stats.buckets.size(); ++i) {
      cumulative += stats.buckets[i];
      std::string bound = i < kBuckets.size() ? fmt::format("{}", kBuckets[i]) : "+Inf";
      out +=
          fmt::format("innet_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      label, bound, cumulative);
    }
    out += fmt::format("innet_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label,
                       stats.sum);
    out += fmt::format("innet_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label,
                       stats.count);
  }

  std::function<PoolGauges()> source;
  {
    std::lock_guard lock(impl_->pool_mutex);
    source = impl_->pool_source;
  }
  if (source) {
    PoolGauges pool = source();  // outside the lock: it takes the pool's own lock
    out += "# HELP innet_db_pool_connections Database connections by state.\n";
    out += "# TYPE innet_db_pool_connections gauge\n";
    out += fmt::format("innet_db_pool_connections{{state=\"in_use\"}} {}\n", pool.in_use);
    out += fmt::format("innet_db_pool_connections{{state=\"open\"}} {}\n", pool.open);
    out += fmt::format("innet_db_pool_connections{{state=\"max\"}} {}\n", pool.max);
    out += "# HELP innet_db_pool_waits_total Connection acquisitions that had to wait.\n";
    out += "# TYPE innet_db_pool_waits_total counter\n";
    out += fmt::format("innet_db_pool_waits_total {}\n", pool.waits);
  }
  return out;
}

}  // namespace innet::http
