#include "http/access_log.h"

#include <array>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

namespace innet::http {
namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is malformed.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  std::size_t length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (length == 0 || i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// JSON string contents. Paths come from clients: control characters are escaped and invalid
// UTF-8 becomes U+FFFD so every line stays valid JSON for the log shipper.
void append_json_string(fmt::memory_buffer& out, std::string_view s) {
  out.push_back('"');
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    } else if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (std::size_t n = utf8_sequence_length(s, i)) {
      out.append(s.data() + i, s.data() + i + n);
      i += n - 1;
    } else {
      out.append(std::string_view("\xEF\xBF\xBD"));
    }
  }
  out.push_back('"');
}

// "2024-05-01T10:00:00", formatted at most once per second per thread.
std::string_view timestamp_seconds(std::time_t now) {
  thread_local std::time_t cached_second = -1;
  thread_local std::array<char, 32> text{};
  thread_local std::size_t length = 0;
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    length = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%S", &tm);
    cached_second = now;
  }
  return {text.data(), length};
}

void append_access_line(fmt::memory_buffer& out, const AccessRecord& record,
                        std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  fmt::format_to(std::back_inserter(out), "{{\"ts\":\"{}.{:03}Z\",\"level\":\"{}\",\"request_id\":",
                 timestamp_seconds(system_clock::to_time_t(now)), millis,
                 record.status >= 500 ? "error" : "info");
  append_json_string(out, record.request_id);
  out.append(std::string_view(",\"method\":"));
  append_json_string(out, record.method);
  out.append(std::string_view(",\"path\":"));
  append_json_string(out, record.path);
  out.append(std::string_view(",\"route\":"));
  append_json_string(out, record.route);
  fmt::format_to(std::back_inserter(out),
                 ",\"status\":{},\"duration_ms\":{:.3f},\"bytes\":{},\"client\":", record.status,
                 record.duration_ms, record.bytes);
  append_json_string(out, record.client);
  out.push_back('}');
}

// Standard output without a flush per line. spdlog's stdout sink flushes every message: one
// write(2) per request on the I/O thread, about 5% of the CPU of GET /auth/me under load. Lines
// wait in stdio's buffer instead, and a flusher writes them out within a second (and at exit),
// so a crash loses at most the last second of the access log; the audit trail is the record
// that must survive, and it lives in the database.
class BufferedStdoutSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  BufferedStdoutSink() : flusher_([this](std::stop_token stop) { flush_every_second(stop); }) {}
  ~BufferedStdoutSink() override {
    flusher_.request_stop();
    flusher_.join();
    std::fflush(stdout);
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  void flush_() override { std::fflush(stdout); }

 private:
  void flush_every_second(const std::stop_token& stop) {
    std::mutex idle;
    std::unique_lock lock(idle);
    while (!stop.stop_requested()) {
      sleep_.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; });
      flush();  // under the sink's mutex, as a write is
    }
  }

  std::condition_variable_any sleep_;  // wakes early only when stopping
  std::jthread flusher_;               // last: stopped (by the destructor) before the rest goes
};

}  // namespace

std::string format_access_line(const AccessRecord& record,
                               std::chrono::system_clock::time_point now) {
  fmt::memory_buffer out;
  append_access_line(out, record, now);
  return fmt::to_string(out);
}

AccessLog::AccessLog() : logger_(spdlog::get("access")) {
  if (!logger_) {
    // Not registered: two servers in one process (tests) must not race on the registry.
    logger_ = std::make_shared<spdlog::logger>("access", std::make_shared<BufferedStdoutSink>());
    logger_->set_pattern("%v");
  }
}

void AccessLog::write(const AccessRecord& record) const {
  auto level = record.status >= 500 ? spdlog::level::err : spdlog::level::info;
  if (!logger_->should_log(level)) return;
  fmt::memory_buffer line;  // inline storage: no allocation for a typical line
  append_access_line(line, record, std::chrono::system_clock::now());
  logger_->log(level, spdlog::string_view_t(line.data(), line.size()));
}

}  // namespace innet::http
