// The HTTP server (Boost.Beast): one io_context per thread, keep-alive, limits, graceful
// shutdown, security headers, static files for the web app, metrics.
// The access log (one JSON line per request) goes to the spdlog logger named "access" if the
// application registered one before constructing the Server (give it the pattern "%v"),
// otherwise to stdout.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/message.h"
#include "http/router.h"

namespace innet::http {

class Metrics;

struct ServerOptions {
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (tests)
  int io_threads = 0;         // 0 = one per core
  // The worker pool that runs Route::offload handlers (database work), off the I/O threads.
  // At most worker_threads + worker_queue such requests are admitted at once; beyond that the
  // server answers 503 "overloaded" with Retry-After at once, without running the handler.
  int worker_threads = 16;
  int worker_queue = 64;
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 8 * 1024;
  int request_timeout_seconds = 30;  // to read one request, or to write its response
  int idle_timeout_seconds = 60;     // keep-alive connection with no request
  std::string web_root;              // built web app (web/dist); empty = none
  std::string trusted_proxy;         // address whose X-Forwarded-* headers we believe
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, Metrics& metrics);
  ~Server();
  // Binds; after this port() is known. Returns an error if the address is taken.
  Status listen();
  std::uint16_t port() const;
  // Runs until stop() or SIGTERM/SIGINT; requests in flight finish first. Calls listen() if
  // that has not been done (and returns at once, logging why, if it fails).
  void run();
  // Thread-safe; may come before run(), which then returns as soon as it has started.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace innet::http
