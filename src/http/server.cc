// The only translation unit that includes Boost.Beast and Boost.Asio.
//
// Threading: one io_context per I/O thread, each run by exactly one thread, and every
// connection lives on one of them for its whole life, so session state needs no locks.
// Handlers that may block (Route::offload: everything that touches the database) run on a
// bounded worker pool instead, while their connection waits; the I/O thread serves the others.
//
// Acceptors: a single acceptor (on the first context) hands each accepted socket to the next
// context round-robin, rather than one SO_REUSEPORT acceptor per context. Reasons: bind errors
// stay reliable (with SO_REUSEPORT a second innet started on the same port would silently share
// it instead of failing), port 0 needs no second bind, shutdown closes one socket, and the
// spread is exact instead of a hash of the client's address and port. Accepting is cheap next
// to serving keep-alive requests, so the one accepting thread is not a bottleneck.
#include "http/server.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/intrusive/list.hpp>

#include "http/access_log.h"
#include "http/compression.h"
#include "http/metrics.h"
#include "http/request_info.h"
#include "http/response_head.h"
#include "http/static_files.h"
#include "http/url.h"

namespace innet::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
// The concrete executor type rather than any_io_executor: no type erasure per completion.
using Executor = asio::io_context::executor_type;
using Stream = beast::basic_stream<tcp, Executor>;
using Socket = tcp::socket::rebind_executor<Executor>::other;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kReadChunk = 8192;
constexpr std::size_t kKeepCapacity = 64 * 1024;       // bigger buffers are freed after a request
constexpr auto kLingerTime = std::chrono::seconds(1);  // see Session::linger
constexpr auto kAcceptRetry = std::chrono::milliseconds(100);
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

const std::string kStaticRoute = "static";
const std::string kUnmatchedRoute = "unmatched";

// Metric label for the method: clients may send any token, labels must stay a bounded set.
const std::string& method_label(std::string_view method) {
  static const std::array<std::string, 8> kLabels = {"GET",   "HEAD",   "POST",    "PUT",
                                                     "PATCH", "DELETE", "OPTIONS", "OTHER"};
  for (std::size_t i = 0; i + 1 < kLabels.size(); ++i) {
    if (kLabels[i] == method) return kLabels[i];
  }
  return kLabels.back();
}

bool iequals(std::string_view a, std::string_view lower_b) {
  return std::equal(a.begin(), a.end(), lower_b.begin(), lower_b.end(), [](char x, char y) {
    return (x >= 'A' && x <= 'Z' ? static_cast<char>(x - 'A' + 'a') : x) == y;
  });
}

std::string_view view(beast::string_view s) {
  return {s.data(), s.size()};
}

bool is_api_path(std::string_view path) {
  return path == "/api" || path.starts_with("/api/");
}

bool is_probe_path(std::string_view path) {
  return path == "/healthz" || path == "/readyz" || path == "/metrics";
}

Response error_response(ErrorKind kind, int status, std::string code, std::string message) {
  Response response = Response::error(Error::make(kind, std::move(code), std::move(message)));
  response.status = status;
  return response;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// A handler threw: our bug. The log line and the answer name the request id, so that the person
// who met the error can quote it and we can find the line.
Response internal_error(const Route& route, const Request& request, std::string_view what) {
  spdlog::error("{} {} failed (request {}): {}", route.method, route.pattern, request.request_id,
                what);
  return Response::error(
      Error::internal("internal server error (request " + request.request_id + ")"));
}

// Runs a handler; whatever it throws becomes an error response instead of a dropped connection.
// A JSON exception is no exception to this: bodies are parsed and checked before the handler runs
// (api::parse_body, which does not throw), so one escaping a handler is our bug, not bad input.
// The answer of a pooled route is compressed here, on the worker that ran it; routes on the I/O
// thread (liveness, metrics) answer uncompressed, so that no gzip runs on an I/O thread.
Response invoke(const Route& route, Request& request) {
  try {
    Response response = route.handler(request);
    if (route.offload) compress_response(request, response);
    return response;
  } catch (const std::exception& e) {
    return internal_error(route, request, e.what());
  } catch (...) {
    return internal_error(route, request, "unknown exception");
  }
}

void run_context(asio::io_context& context) {
  while (true) {
    try {
      context.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("I/O thread: {}", e.what());
    }
  }
}

// The part of a session its worker needs: membership in the worker's list (unlinked
// automatically when the session is destroyed) and a way to ask it to finish.
class Connection : public boost::intrusive::list_base_hook<
                       boost::intrusive::link_mode<boost::intrusive::auto_unlink>> {
 public:
  // The server is stopping: an idle connection closes now, a busy one after its response.
  virtual void shutdown() = 0;

 protected:
  ~Connection() = default;
};

using ConnectionList =
    boost::intrusive::list<Connection, boost::intrusive::constant_time_size<false>>;

// One per I/O thread; only that thread touches it.
struct Worker {
  // Declared before `context`: sessions destroyed along with its queued handlers unlink from it.
  ConnectionList sessions;
  bool draining = false;
  asio::io_context context{1};  // concurrency hint: a single thread runs it
  asio::executor_work_guard<Executor> keep_running = asio::make_work_guard(context);
};

// The pool that runs offloaded handlers, with a bound on the requests admitted to it (running
// or waiting). A request beyond the bound is refused at once: waiting in an unbounded queue
// would only make every client time out later, and hold memory meanwhile.
class WorkerPool {
 public:
  WorkerPool(int threads, int queue) : capacity_(std::max(1, threads) + std::max(0, queue)) {
    for (int i = 0; i < std::max(1, threads); ++i) {
      threads_.emplace_back([this] {
        // Handlers may run long on the CPU (a search scanning a table); the I/O threads must
        // still get it at once when a request arrives, so workers yield to them. On Linux the
        // nice value of a thread id applies to that thread only.
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kWorkerNiceness);
        context_.run();
      });
    }
  }
  ~WorkerPool() { join(); }

  // Runs `work` on a worker, or returns false (and drops it) when the pool is full.
  template <class Work>
  bool try_post(Work work) {
    if (admitted_.fetch_add(1, std::memory_order_relaxed) >= capacity_) {
      admitted_.fetch_sub(1, std::memory_order_relaxed);
      return false;
    }
    asio::post(context_, [this, work = std::move(work)]() mutable {
      work();
      admitted_.fetch_sub(1, std::memory_order_relaxed);
    });
    return true;
  }

  // Waits for the admitted work to finish (after the I/O threads stopped admitting).
  void join() {
    keep_running_.reset();
    for (auto& thread : threads_)
      if (thread.joinable()) thread.join();
  }

 private:
  static constexpr int kWorkerNiceness = 10;
  const int capacity_;
  std::atomic<int> admitted_{0};
  asio::io_context context_;
  asio::executor_work_guard<asio::io_context::executor_type> keep_running_ =
      asio::make_work_guard(context_);
  std::vector<std::thread> threads_;  // last: joined (by the destructor) before the rest goes
};

// What every session reads; immutable while serving, except the thread-safe pool and metrics.
struct Context {
  Context(ServerOptions server_options, const Router& server_router, Metrics& server_metrics)
      : options(std::move(server_options)),
        router(server_router),
        metrics(server_metrics),
        workers(options.worker_threads, options.worker_queue) {
    if (!options.web_root.empty()) static_files.emplace(options.web_root);
    for (const auto& route : router.routes())
      largest_body_bytes = std::max(largest_body_bytes, route.max_body_bytes);
  }

  // The body limit of the route the request's header names (before its body is read).
  std::size_t body_limit_for(std::string_view method, std::string_view target) const {
    Request probe;
    probe.method.assign(method);
    probe.target.assign(target);
    Match match = router.match(probe);
    if (match.route && match.route->max_body_bytes > 0) return match.route->max_body_bytes;
    return options.max_body_bytes;
  }

  ServerOptions options;
  const Router& router;
  Metrics& metrics;
  AccessLog access_log;
  std::optional<StaticFiles> static_files;
  WorkerPool workers;
  // The largest body any route takes: when it is more than max_body_bytes, the limit of each
  // request is its route's, set once the header is read (Session::on_header).
  std::size_t largest_body_bytes = options.max_body_bytes;
};

// One connection: reads requests one at a time, answers each, keeps the connection open
// while both sides want it.
class Session final : public std::enable_shared_from_this<Session>, public Connection {
 public:
  Session(Context& context, Worker& worker, Socket socket, std::string peer)
      : context_(context), worker_(worker), stream_(std::move(socket)), peer_(std::move(peer)) {}

  void start() {
    worker_.sessions.push_back(*this);
    if (worker_.draining) {
      close();
      return;
    }
    wait_for_request();
  }

  void shutdown() override {
    if (state_ == State::idle) close();
  }

 private:
  enum class State { idle, reading, processing, writing };

  std::chrono::seconds request_timeout() const {
    return std::chrono::seconds(context_.options.request_timeout_seconds);
  }

  // Waiting for the first byte separately lets the idle timeout differ from the request
  // timeout and tells shutdown() which connections it may close without losing a request.
  void wait_for_request() {
    state_ = State::idle;
    if (buffer_.size() > 0) {  // a pipelined request is already here
      read_header();
      return;
    }
    stream_.expires_after(std::chrono::seconds(context_.options.idle_timeout_seconds));
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              if (ec) {
                                self->close();  // idle timeout, client gone, or shutdown
                                return;
                              }
                              self->buffer_.commit(n);
                              self->read_header();
                            });
  }

  void read_header() {
    state_ = State::reading;
    started_ = Clock::now();
    route_label_ = &kUnmatchedRoute;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(context_.options.max_header_bytes));
    body_limit_ = context_.options.max_body_bytes;
    // With a route that takes more (the upload), the limit is that route's, set once the header
    // names the route (on_header); until then the largest, or Beast would refuse a larger
    // Content-Length as the header ends (and not boost::none: Beast 1.74 compares a
    // Content-Length with an empty optional limit as larger).
    parser_->body_limit(std::max(body_limit_, context_.largest_body_bytes));
    stream_.expires_after(request_timeout());  // covers header, body and 100-continue together
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec) {
      on_read_error(ec);
      return;
    }
    if (parser_->is_done()) {
      handle_request();
      return;
    }
    const auto& message = parser_->get();
    // Only the upload route takes a large body: every other one keeps max_body_bytes, decided
    // here from the route the header names, before a byte of the body is read.
    if (context_.largest_body_bytes > body_limit_) {
      body_limit_ = context_.body_limit_for(view(message.method_string()), view(message.target()));
      if (auto length = parser_->content_length(); length && *length > body_limit_) {
        on_read_error(bhttp::error::body_limit);
        return;
      }
      parser_->body_limit(body_limit_);
    }
    if (message.version() >= 11 && iequals(view(message[bhttp::field::expect]), "100-continue")) {
      // The client holds the body back until told to go on (curl does for large uploads).
      asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                        [self = shared_from_this()](beast::error_code write_ec, std::size_t) {
                          if (write_ec) {
                            self->close();
                            return;
                          }
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) {
                          self->on_read_error(ec);
                          return;
                        }
                        self->handle_request();
                      });
  }

  void on_read_error(beast::error_code ec) {
    const auto& limits = context_.options;
    if (ec == bhttp::error::body_limit) {
      if (context_.largest_body_bytes > limits.max_body_bytes) {  // the limit of the route asked
        const auto& partial = parser_->get();
        body_limit_ =
            context_.body_limit_for(view(partial.method_string()), view(partial.target()));
      }
      reject(ErrorKind::too_large, 413, "body_too_large",
             fmt::format("request body is larger than {} bytes", body_limit_));
    } else if (ec == bhttp::error::header_limit) {
      reject(ErrorKind::invalid_input, 431, "header_too_large",
             fmt::format("request headers are larger than {} bytes", limits.max_header_bytes));
    } else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
               ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      reject(ErrorKind::invalid_input, 400, "bad_request", "malformed HTTP request");
    } else {
      close();  // the client went away or stalled: nobody is left to answer
    }
  }

  // Answers a request that could not be read, then closes: the rest of it is still unread.
  void reject(ErrorKind kind, int status, std::string code, std::string message) {
    state_ = State::processing;
    keep_alive_ = false;
    linger_ = true;
    const auto& partial = parser_->get();  // the start line and some headers may be known
    std::string_view target = view(partial.target());
    request_.method.assign(view(partial.method_string()));
    request_.path.assign(target.substr(0, target.find('?')));
    request_.client_address = peer_;
    request_.request_id = new_request_id();
    api_ = is_api_path(request_.path);
    respond(error_response(kind, status, std::move(code), std::move(message)));
  }

  void handle_request() {
    state_ = State::processing;
    auto& message = parser_->get();
    keep_alive_ = message.keep_alive();
    http10_ = message.version() == 10;
    if (auto invalid = fill_request(message)) {
      respond(std::move(*invalid));
      return;
    }
    api_ = is_api_path(request_.path);
    dispatch();
  }

  // Copies the parsed message into request_, whose buffers are reused across requests on this
  // connection. Returns a 400 response when the target is unusable.
  std::optional<Response> fill_request(bhttp::request<bhttp::string_body>& message) {
    request_.method.assign(view(message.method_string()));
    request_.params.clear();
    request_.headers.clear();
    for (const auto& field : message) {
      auto& [name, value] =
          request_.headers.emplace_back(view(field.name_string()), view(field.value()));
      std::transform(name.begin(), name.end(), name.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      });
    }
    request_.body = std::move(message.body());
    identify_client();
    switch (parse_target(view(message.target()), request_.target, request_.path, request_.query)) {
      case TargetError::none:
        return std::nullopt;
      case TargetError::bad_target:
        return error_response(ErrorKind::invalid_input, 400, "bad_request", "bad request target");
      case TargetError::bad_path:
        return error_response(ErrorKind::invalid_input, 400, "invalid_path", "malformed path");
      case TargetError::bad_query:
        return error_response(ErrorKind::invalid_input, 400, "invalid_query",
                              "malformed query string");
    }
    return std::nullopt;
  }

  void identify_client() {
    const auto& trusted = context_.options.trusted_proxy;
    bool from_proxy = !trusted.empty() && peer_ == trusted;
    request_.client_address = client_address(peer_, request_.header("x-forwarded-for"), trusted);
    auto proto = request_.header("x-forwarded-proto");
    request_.secure = from_proxy && proto && iequals(*proto, "https");
    // The id goes into the audit trail: only the proxy may choose it, or a client could make
    // its requests look like someone else's there.
    auto id = from_proxy ? request_.header("x-request-id") : std::nullopt;
    request_.request_id = id && is_sane_request_id(*id) ? std::string(*id) : new_request_id();
  }

  void dispatch() {
    Match match = context_.router.match(request_);
    if (match.route) {
      route_label_ = &match.route->pattern;
      if (match.route->offload) {
        offload(*match.route);
      } else {
        respond(invoke(*match.route, request_));
      }
      return;
    }
    bool get_or_head = request_.method == "GET" || request_.method == "HEAD";
    if (context_.static_files && !api_ && get_or_head && !is_probe_path(request_.path)) {
      route_label_ = &kStaticRoute;
      // Reads from disk on the I/O thread: the files are small and sit in the page cache.
      respond(context_.static_files->serve(request_));
      return;
    }
    if (match.method_not_allowed) {
      Response response = error_response(ErrorKind::invalid_input, 405, "method_not_allowed",
                                         "method not allowed for this resource");
      response.set_header("Allow", join(match.allowed_methods, ", "));
      respond(std::move(response));
      return;
    }
    respond(error_response(ErrorKind::not_found, 404, "not_found", "no such resource"));
  }

  // Runs the handler on the worker pool and finishes on this connection's I/O thread, which
  // serves its other connections meanwhile. The work guard keeps that thread's io_context
  // running, even while the server stops, so the response is still delivered.
  void offload(const Route& route) {
    bool admitted =
        context_.workers.try_post([self = shared_from_this(), &route,
                                   guard = asio::make_work_guard(worker_.context)]() mutable {
          Response response = invoke(route, self->request_);
          auto& io = self->worker_.context;
          asio::post(io,
                     [self = std::move(self), response = std::move(response),
                      guard = std::move(guard)]() mutable { self->respond(std::move(response)); });
        });
    if (!admitted) respond(overloaded());
  }

  static Response overloaded() {
    Response response = Response::error(Error::make(ErrorKind::unavailable, "overloaded",
                                                    "the server is busy; try again in a moment"));
    response.set_header("Retry-After", "1");
    return response;
  }

  void respond(Response response) {
    state_ = State::writing;
    response_ = std::move(response);
    if (response_.status < 200 || response_.status > 599) {
      spdlog::error("handler for {} returned status {} (request {})", *route_label_,
                    response_.status, request_.request_id);
      response_ = Response::error(Error::internal("internal server error"));
    }
    if (worker_.draining) keep_alive_ = false;
    head_.clear();
    append_response_head(response_, {request_.request_id, api_, keep_alive_, http10_}, head_);
    bool send_body = status_allows_body(response_.status) && request_.method != "HEAD";
    body_bytes_ = send_body ? response_.body.size() : 0;
    std::array<asio::const_buffer, 2> buffers = {asio::buffer(head_),
                                                 asio::buffer(response_.body.data(), body_bytes_)};
    stream_.expires_after(request_timeout());
    asio::async_write(
        stream_, buffers,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_write(ec); });
  }

  void on_write(beast::error_code ec) {
    record();
    if (ec) {
      close();
    } else if (linger_) {
      linger();
    } else if (!keep_alive_ || worker_.draining) {
      close();
    } else {
      release_buffers();
      wait_for_request();
    }
  }

  void record() {
    double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    const std::string& route = *route_label_;
    context_.metrics.observe(method_label(request_.method), route, response_.status, seconds);
    context_.access_log.write({request_.request_id, request_.method, request_.path, route,
                               response_.status, seconds * 1000, body_bytes_,
                               request_.client_address});
  }

  // After answering a request we did not read to the end (body too large), closing at once
  // would make the kernel reset the connection because unread data remains, and the client
  // could lose our answer. So: stop sending, discard what arrives for a moment, then close.
  void linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(kLingerTime);  // applies to all the reads below together
    discard_input();
  }

  void discard_input() {
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) {
                                self->close();
                                return;
                              }
                              self->discard_input();
                            });
  }

  // Keep-alive connections keep their buffers, but not the big ones a large upload left.
  void release_buffers() {
    parser_.reset();
    if (request_.body.capacity() > kKeepCapacity) std::string().swap(request_.body);
    if (response_.body.capacity() > kKeepCapacity) std::string().swap(response_.body);
    if (buffer_.capacity() > kKeepCapacity && buffer_.size() == 0) buffer_.shrink_to_fit();
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  Context& context_;
  Worker& worker_;
  Stream stream_;
  const std::string peer_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Request request_;
  Response response_;
  std::string head_;
  State state_ = State::idle;
  bool keep_alive_ = false;
  bool http10_ = false;
  bool api_ = false;
  bool linger_ = false;
  const std::string* route_label_ = &kUnmatchedRoute;
  std::size_t body_bytes_ = 0;
  std::size_t body_limit_ = 0;  // of the request being read
  Clock::time_point started_;
};

std::vector<std::unique_ptr<Worker>> make_workers(int io_threads) {
  int count = io_threads > 0 ? io_threads : static_cast<int>(std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < std::max(1, count); ++i) workers.push_back(std::make_unique<Worker>());
  return workers;
}

class ServerCore {
 public:
  ServerCore(ServerOptions options, const Router& router, Metrics& metrics)
      : workers_(make_workers(options.io_threads)),
        context_(std::move(options), router, metrics),
        acceptor_(workers_.front()->context),
        accept_retry_(workers_.front()->context) {}

  Status listen() {
    const auto& options = context_.options;
    beast::error_code ec;
    auto address = asio::ip::make_address(options.bind_address, ec);
    if (ec) {
      return Error::make(ErrorKind::invalid_input, "bad_bind_address",
                         "not an IP address: " + options.bind_address);
    }
    tcp::endpoint endpoint(address, options.port);
    acceptor_.open(endpoint.protocol(), ec);
    // SO_REUSEADDR only lets a restarted server bind over TIME_WAIT connections; unlike
    // SO_REUSEPORT it does not let two live listeners share the port.
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (!ec) port_ = acceptor_.local_endpoint(ec).port();
    if (ec) {
      beast::error_code ignored;
      acceptor_.close(ignored);
      return Error::make(ErrorKind::unavailable, "listen_failed",
                         fmt::format("cannot listen on {}:{}: {}", options.bind_address,
                                     options.port, ec.message()));
    }
    return Status::success();
  }

  std::uint16_t port() const { return port_; }

  void run() {
    if (!acceptor_.is_open()) {
      if (auto status = listen(); !status) {
        spdlog::error("{}", status.error().message);
        return;
      }
    }
    asio::io_context& main = workers_.front()->context;
    signals_.emplace(main, SIGINT, SIGTERM);
    signals_->async_wait([this](beast::error_code ec, int signal) {
      if (ec) return;
      spdlog::info("signal {} received: finishing requests in flight, then stopping", signal);
      stop();
    });
    accept();
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < workers_.size(); ++i) {
      threads.emplace_back([&context = workers_[i]->context] { run_context(context); });
    }
    run_context(main);
    for (auto& thread : threads) thread.join();
    context_.workers.join();
    signals_.reset();
  }

  // Thread-safe. Every step runs on the thread that owns what it touches.
  void stop() {
    if (stopping_.exchange(true)) return;
    asio::post(workers_.front()->context, [this] {
      beast::error_code ignored;
      acceptor_.close(ignored);
      accept_retry_.cancel();
      if (signals_) signals_->cancel(ignored);
    });
    for (auto& worker : workers_) {
      asio::post(worker->context, [&w = *worker] {
        w.draining = true;
        for (auto& session : w.sessions) session.shutdown();
        w.keep_running.reset();  // run() returns once the remaining connections are done
      });
    }
  }

 private:
  void accept() {
    Worker& target = *workers_[next_worker_];
    next_worker_ = (next_worker_ + 1) % workers_.size();
    acceptor_.async_accept(
        target.context.get_executor(), [this, &target](beast::error_code ec, Socket socket) {
          if (!acceptor_.is_open()) return;
          if (ec) {
            // Out of file descriptors and the like: back off instead of spinning.
            spdlog::warn("accept failed: {}", ec.message());
            accept_retry_.expires_after(kAcceptRetry);
            accept_retry_.async_wait([this](beast::error_code wait_ec) {
              if (!wait_ec) accept();
            });
            return;
          }
          beast::error_code ignored;
          socket.set_option(tcp::no_delay(true), ignored);
          auto address = socket.remote_endpoint(ignored).address();
          if (address.is_v6() && address.to_v6().is_v4_mapped()) {
            address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
          }
          auto session =
              std::make_shared<Session>(context_, target, std::move(socket), address.to_string());
          asio::post(target.context, [session = std::move(session)] { session->start(); });
          accept();
        });
  }

  // Destroyed last: the members below hold handlers and sockets bound to these contexts.
  std::vector<std::unique_ptr<Worker>> workers_;
  Context context_;
  tcp::acceptor acceptor_;
  asio::steady_timer accept_retry_;
  std::optional<asio::signal_set> signals_;
  std::atomic<bool> stopping_{false};
  std::size_t next_worker_ = 0;  // touched only by the accepting thread
  std::atomic<std::uint16_t> port_{0};
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, const Router& router, Metrics& metrics)
      : core(std::move(options), router, metrics) {}
  ServerCore core;
};

Server::Server(ServerOptions options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}
Server::~Server() = default;

Status Server::listen() {
  return impl_->core.listen();
}
std::uint16_t Server::port() const {
  return impl_->core.port();
}
void Server::run() {
  impl_->core.run();
}
void Server::stop() {
  impl_->core.stop();
}

}  // namespace innet::http
