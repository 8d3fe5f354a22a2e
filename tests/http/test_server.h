// Test helpers: a Server on a free port in a background thread, and a blocking HTTP/1.1
// client that writes raw request text over a real socket and parses responses just enough.
#pragma once

#include <poll.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"

namespace innet::http::test {

class TestServer {
 public:
  explicit TestServer(const Router& router, ServerOptions options = {}) {
    options.bind_address = "127.0.0.1";
    options.port = 0;
    if (options.io_threads == 0) options.io_threads = 2;
    server_ = std::make_unique<Server>(std::move(options), router, metrics_);
    Status status = server_->listen();
    EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().message);
    thread_ = std::thread([this] {
      server_->run();
      exited_ = true;
    });
  }
  ~TestServer() { stop(); }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Returns once run() has returned.
  void stop() {
    if (!thread_.joinable()) return;
    server_->stop();
    thread_.join();
  }
  // Waits up to `limit` for run() to return by itself (after a signal).
  bool wait_for_exit(std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      if (exited_) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return exited_;
  }
  std::uint16_t port() const { return server_->port(); }
  Metrics& metrics() { return metrics_; }
  Server& server() { return *server_; }

 private:
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::atomic<bool> exited_{false};
  std::thread thread_;
};

struct RawResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;

  std::optional<std::string> header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers) {
      if (name == lower_name) return value;
    }
    return std::nullopt;
  }
  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

class TestClient {
 public:
  explicit TestClient(std::uint16_t port) : socket_(io_) {
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  }

  void send(std::string_view raw) {
    boost::system::error_code ec;  // the server may already have closed: tests read the answer
    boost::asio::write(socket_, boost::asio::buffer(raw.data(), raw.size()), ec);
  }

  // One response; with `head`, a Content-Length does not announce a body.
  RawResponse read_response(bool head = false) {
    RawResponse response;
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) {
        ADD_FAILURE() << "no complete response head; got: " << buffer_;
        return response;
      }
    }
    std::string_view text(buffer_.data(), end);
    std::size_t line_end = text.find("\r\n");
    std::string_view status_line = text.substr(0, line_end);
    response.status = std::stoi(std::string(status_line.substr(9, 3)));
    while (line_end != std::string_view::npos) {
      text.remove_prefix(line_end + 2);
      line_end = text.find("\r\n");
      std::string_view line = text.substr(0, line_end);
      std::size_t colon = line.find(':');
      std::string name(line.substr(0, colon));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      response.headers.emplace_back(std::move(name), std::string(value));
    }
    buffer_.erase(0, end + 4);
    std::size_t length = 0;
    if (auto content_length = response.header("content-length"); content_length && !head) {
      length = std::stoul(*content_length);
    }
    while (buffer_.size() < length) {
      if (!fill()) {
        ADD_FAILURE() << "body shorter than Content-Length";
        return response;
      }
    }
    response.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return response;
  }

  RawResponse request(std::string_view method, std::string_view target,
                      std::string_view extra_headers = {}, std::string_view body = {}) {
    std::string raw = std::string(method) + " " + std::string(target) +
                      " HTTP/1.1\r\nHost: test\r\n" + std::string(extra_headers);
    if (!body.empty()) raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    raw += "\r\n";
    raw += body;
    send(raw);
    return read_response(method == "HEAD");
  }

  // True when the server closes the connection within the timeout.
  bool closed_by_server() {
    while (fill()) {
    }
    return eof_;
  }

 private:
  // Reads what arrives within five seconds; false at end of stream or timeout.
  bool fill() {
    pollfd descriptor{socket_.native_handle(), POLLIN, 0};
    if (::poll(&descriptor, 1, 5000) <= 0) return false;
    char chunk[16384];
    boost::system::error_code ec;
    std::size_t n = socket_.read_some(boost::asio::buffer(chunk), ec);
    if (ec) {
      eof_ = true;  // orderly close or reset: either way the server is gone
      return false;
    }
    buffer_.append(chunk, n);
    return true;
  }

  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  std::string buffer_;
  bool eof_ = false;
};

}  // namespace innet::http::test
