// Offloaded handlers on the bounded worker pool, and graceful shutdown.
#include <atomic>
#include <csignal>
#include <future>
#include <sstream>
#include <thread>

#include "test_server.h"

namespace innet::http {
namespace {

using namespace std::chrono_literals;
using test::TestClient;
using test::TestServer;

std::string thread_name() {
  std::ostringstream out;
  out << std::this_thread::get_id();
  return out.str();
}

class HttpServerShutdown : public ::testing::Test {
 protected:
  HttpServerShutdown() {
    router.add({"GET", "/api/v1/where", [](Request&) {
                  return Response::json(200, {{"thread", thread_name()}});
                }});
    router.add({"GET", "/api/v1/where-offloaded",
                [](Request&) {
                  return Response::json(200, {{"thread", thread_name()}});
                },
                true});
    router.add({"GET", "/api/v1/slow",
                [this](Request&) {
                  started.set_value();
                  std::this_thread::sleep_for(300ms);
                  return Response::json(200, {{"done", true}});
                },
                true});
    router.add({"GET", "/api/v1/held",
                [this](Request&) {
                  ++held;
                  release.wait_for(5s);  // bounded: a failed test must not hang
                  return Response::json(200, {{"done", true}});
                },
                true});
  }

  // Waits until `n` requests to /api/v1/held are running.
  bool wait_for_held(int n) {
    for (auto deadline = std::chrono::steady_clock::now() + 5s;
         std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(5ms)) {
      if (held == n) return true;
    }
    return false;
  }

  Router router;
  std::promise<void> started;
  std::atomic<int> held{0};
  std::promise<void> release_promise;
  std::shared_future<void> release = release_promise.get_future().share();
};

TEST_F(HttpServerShutdown, OffloadedRouteRunsOnTheWorkerPool) {
  ServerOptions options;
  options.io_threads = 1;
  TestServer server(router, options);
  TestClient client(server.port());
  auto inline_response = client.request("GET", "/api/v1/where");
  auto offloaded = client.request("GET", "/api/v1/where-offloaded");
  ASSERT_EQ(inline_response.status, 200);
  ASSERT_EQ(offloaded.status, 200);
  EXPECT_NE(inline_response.json()["thread"], offloaded.json()["thread"]);
  EXPECT_EQ(client.request("GET", "/api/v1/where").json()["thread"],
            inline_response.json()["thread"]);  // back on the I/O thread, connection reused
}

TEST_F(HttpServerShutdown, TheIoThreadServesOthersWhileAWorkerIsBusy) {
  ServerOptions options;
  options.io_threads = 1;
  options.worker_threads = 1;
  TestServer server(router, options);
  TestClient busy(server.port());
  busy.send("GET /api/v1/held HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_TRUE(wait_for_held(1));
  TestClient other(server.port());
  auto begin = std::chrono::steady_clock::now();
  EXPECT_EQ(other.request("GET", "/api/v1/where").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 1s);
  release_promise.set_value();
  EXPECT_EQ(busy.read_response().status, 200);
}

TEST_F(HttpServerShutdown, AFullWorkerPoolAnswers503AtOnceWithoutRunningTheHandler) {
  ServerOptions options;
  options.io_threads = 1;
  options.worker_threads = 1;
  options.worker_queue = 1;
  TestServer server(router, options);
  TestClient running(server.port()), waiting(server.port()), refused(server.port());
  running.send("GET /api/v1/held HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_TRUE(wait_for_held(1));
  waiting.send("GET /api/v1/held HTTP/1.1\r\nHost: t\r\n\r\n");  // queued behind it
  std::this_thread::sleep_for(200ms);  // time for the I/O thread to admit it
  auto begin = std::chrono::steady_clock::now();
  auto response = refused.request("GET", "/api/v1/held");
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 1s);
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.header("retry-after"), "1");
  EXPECT_EQ(response.json()["error"]["code"], "overloaded");
  EXPECT_EQ(held, 1);  // the refused request never reached its handler
  release_promise.set_value();
  EXPECT_EQ(running.read_response().status, 200);
  EXPECT_EQ(waiting.read_response().status, 200);
  EXPECT_EQ(held, 2);
  // Admission is released as requests finish: the pool takes work again.
  EXPECT_EQ(refused.request("GET", "/api/v1/held").status, 200);
}

TEST_F(HttpServerShutdown, StopFinishesQueuedPooledRequests) {
  ServerOptions options;
  options.worker_threads = 1;
  TestServer server(router, options);
  TestClient running(server.port()), queued(server.port());
  running.send("GET /api/v1/held HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_TRUE(wait_for_held(1));
  queued.send("GET /api/v1/held HTTP/1.1\r\nHost: t\r\n\r\n");
  std::this_thread::sleep_for(200ms);  // time for the I/O thread to admit it
  std::thread stopper([&server] { server.stop(); });
  std::this_thread::sleep_for(200ms);  // the server is draining when the handlers finish
  release_promise.set_value();
  EXPECT_EQ(running.read_response().status, 200);
  EXPECT_EQ(queued.read_response().status, 200);
  stopper.join();
  EXPECT_EQ(held, 2);
}

TEST_F(HttpServerShutdown, StopDeliversTheResponseInFlight) {
  TestServer server(router);
  TestClient client(server.port());
  client.send("GET /api/v1/slow HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_EQ(started.get_future().wait_for(5s), std::future_status::ready);
  std::thread stopper([&server] { server.stop(); });
  auto response = client.read_response();
  stopper.join();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json()["done"], true);
  EXPECT_EQ(response.header("connection"), "close");
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServerShutdown, StopClosesIdleKeepAliveConnections) {
  ServerOptions options;
  options.idle_timeout_seconds = 60;
  TestServer server(router, options);
  TestClient client(server.port());
  ASSERT_EQ(client.request("GET", "/api/v1/where").status, 200);
  auto begin = std::chrono::steady_clock::now();
  server.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 2s);
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServerShutdown, StopRefusesNewConnections) {
  TestServer server(router);
  std::uint16_t port = server.port();
  server.stop();
  EXPECT_THROW(TestClient client(port), boost::system::system_error);
}

TEST_F(HttpServerShutdown, StopBeforeRunReturnsPromptly) {
  Metrics metrics;
  ServerOptions options;
  options.port = 0;
  Server server(options, router, metrics);
  ASSERT_TRUE(server.listen().ok());
  server.stop();
  auto begin = std::chrono::steady_clock::now();
  server.run();
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 2s);
}

TEST_F(HttpServerShutdown, SigtermStopsTheServer) {
  TestServer server(router);
  TestClient client(server.port());
  // A served request proves run() has installed its signal handler (it does so first).
  ASSERT_EQ(client.request("GET", "/api/v1/where").status, 200);
  std::raise(SIGTERM);
  EXPECT_TRUE(server.wait_for_exit(5s));
}

}  // namespace
}  // namespace innet::http
