// One JSON line per request. Written to the spdlog logger named "access" when the application
// registered one (it should use the pattern "%v": the line is complete JSON), else to stdout.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace innet::http {

struct AccessRecord {
  std::string_view request_id;
  std::string_view method;
  std::string_view path;  // never the query string: it may carry personal data
  std::string_view route;
  int status = 0;
  double duration_ms = 0;
  std::size_t bytes = 0;  // response body bytes
  std::string_view client;
};

// {"ts":"2024-05-01T10:00:00.123Z","level":"info","request_id":...}. 5xx are "error".
std::string format_access_line(const AccessRecord& record,
                               std::chrono::system_clock::time_point now);

class AccessLog {
 public:
  AccessLog();
  void write(const AccessRecord& record) const;

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace innet::http
