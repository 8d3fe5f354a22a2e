// The server over a real socket: JSON round trip, keep-alive, limits, headers, errors.
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "test_server.h"

namespace innet::http {
namespace {

using test::TestClient;
using test::TestServer;

constexpr std::string_view kCsp =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

class HttpServer : public ::testing::Test {
 protected:
  HttpServer() {
    router.add({"POST", "/api/v1/echo/{name}", [](Request& request) {
                  auto body = nlohmann::json::parse(request.body);
                  return Response::json(200, {{"name", request.params.at("name")},
                                              {"query", request.query},
                                              {"body", body},
                                              {"client", request.client_address},
                                              {"secure", request.secure}});
                }});
    router.add({"GET", "/api/v1/items/{id}", [](Request& request) {
                  return Response::json(200, {{"id", request.params.at("id")}});
                }});
    router.add({"DELETE", "/api/v1/items/{id}", [](Request&) { return Response::no_content(); }});
    router.add({"GET", "/api/v1/throws",
                [](Request&) -> Response { throw std::runtime_error("database on fire"); }});
    router.add({"GET", "/api/v1/bad-json", [](Request&) -> Response {
                  return Response::json(200, nlohmann::json::parse("{nope"));
                }});
    router.add({"GET", "/api/v1/bad-status", [](Request&) {
                  Response response;
                  response.status = 42;
                  return response;
                }});
    router.add({"GET", "/healthz", [](Request&) { return Response::json(200, {{"ok", true}}); }});
  }

  Router router;
};

TEST_F(HttpServer, JsonRoundTrip) {
  TestServer server(router);
  TestClient client(server.port());
  auto response = client.request("POST", "/api/v1/echo/caf%C3%A9?q=Palermo+centro&n=%31",
                                 "Content-Type: application/json\r\n", R"({"a":[1,2]})");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "application/json; charset=utf-8");
  auto json = response.json();
  EXPECT_EQ(json["name"], "café");
  EXPECT_EQ(json["query"], (nlohmann::json{{"q", "Palermo centro"}, {"n", "1"}}));
  EXPECT_EQ(json["body"], (nlohmann::json{{"a", {1, 2}}}));
  EXPECT_EQ(json["client"], "127.0.0.1");
  EXPECT_EQ(json["secure"], false);
}

TEST_F(HttpServer, KeepAliveServesTwoRequestsOnOneConnection) {
  TestServer server(router);
  TestClient client(server.port());
  auto first = client.request("GET", "/api/v1/items/1");
  auto second = client.request("GET", "/api/v1/items/2");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.json()["id"], "1");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.json()["id"], "2");
  EXPECT_FALSE(second.header("connection"));
}

TEST_F(HttpServer, PipelinedRequestsAreAnsweredInOrder) {
  TestServer server(router);
  TestClient client(server.port());
  client.send(
      "GET /api/v1/items/a HTTP/1.1\r\nHost: t\r\n\r\n"
      "GET /api/v1/items/b HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(client.read_response().json()["id"], "a");
  EXPECT_EQ(client.read_response().json()["id"], "b");
}

TEST_F(HttpServer, ConnectionCloseIsHonoured) {
  TestServer server(router);
  TestClient client(server.port());
  auto response = client.request("GET", "/api/v1/items/1", "Connection: close\r\n");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("connection"), "close");
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServer, Http10KeepAlive) {
  TestServer server(router);
  TestClient client(server.port());
  client.send("GET /api/v1/items/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  auto response = client.read_response();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("connection"), "keep-alive");
  client.send("GET /api/v1/items/2 HTTP/1.0\r\n\r\n");
  EXPECT_EQ(client.read_response().header("connection"), "close");
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServer, BodyOverLimitAnswers413AndCloses) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  TestServer server(router, options);
  TestClient client(server.port());
  client.send(
      "POST /api/v1/echo/x HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
      "Content-Length: 100000\r\n\r\n" +
      std::string(4096, 'x'));
  auto response = client.read_response();
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.json()["error"]["code"], "body_too_large");
  EXPECT_TRUE(response.json()["error"]["fields"].is_object());
  EXPECT_EQ(response.header("connection"), "close");
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServer, ChunkedBodyOverLimitAnswers413) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  TestServer server(router, options);
  TestClient client(server.port());
  std::string chunk(800, 'x');
  client.send(
      "POST /api/v1/echo/x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
      "320\r\n" +
      chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
  auto response = client.read_response();
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.json()["error"]["code"], "body_too_large");
}

TEST_F(HttpServer, BodyAtLimitIsAccepted) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  TestServer server(router, options);
  TestClient client(server.port());
  std::string body = "\"" + std::string(1022, 'y') + "\"";
  auto response = client.request("POST", "/api/v1/echo/x", "", body);
  EXPECT_EQ(response.status, 200);
}

// A route with a larger limit of its own (the upload): the limit is the route's, decided from
// the header before the body is read; every other route keeps max_body_bytes.
TEST_F(HttpServer, OnlyTheRouteWithItsOwnLimitTakesALargerBody) {
  router.add({"POST", "/api/v1/upload",
              [](Request& request) {
                return Response::json(200, {{"size", request.body.size()}});
              },
              false, 8192});
  ServerOptions options;
  options.max_body_bytes = 1024;
  TestServer server(router, options);
  {
    TestClient client(server.port());
    auto response = client.request("POST", "/api/v1/upload", "", std::string(8192, 'u'));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.json()["size"], 8192);
  }
  {
    TestClient client(server.port());
    client.send("POST /api/v1/upload HTTP/1.1\r\nHost: t\r\nContent-Length: 8193\r\n\r\n" +
                std::string(100, 'u'));
    auto response = client.read_response();
    EXPECT_EQ(response.status, 413);
    EXPECT_EQ(response.json()["error"]["code"], "body_too_large");
    EXPECT_EQ(response.json()["error"]["message"], "request body is larger than 8192 bytes");
  }
  {
    TestClient client(server.port());
    std::string body = "\"" + std::string(2000, 'y') + "\"";
    auto response = client.request("POST", "/api/v1/echo/x", "", body);
    EXPECT_EQ(response.status, 413);
    EXPECT_EQ(response.json()["error"]["message"], "request body is larger than 1024 bytes");
  }
}

TEST_F(HttpServer, ExpectContinueGetsAnInterimResponse) {
  TestServer server(router);
  TestClient client(server.port());
  client.send(
      "POST /api/v1/echo/x HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.read_response().status, 100);
  client.send("{}");
  EXPECT_EQ(client.read_response().status, 200);
}

TEST_F(HttpServer, OversizedHeaderIsRejected) {
  ServerOptions options;
  options.max_header_bytes = 1024;
  TestServer server(router, options);
  TestClient client(server.port());
  client.send("GET /api/v1/items/1 HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(4096, 'a') +
              "\r\n\r\n");
  auto response = client.read_response();
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(response.json()["error"]["code"], "header_too_large");
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServer, MalformedRequestIsRejected) {
  TestServer server(router);
  TestClient client(server.port());
  client.send("GET /api/v1/items/1 HTTP/1.1\r\nBad Header\r\n\r\n");
  auto response = client.read_response();
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.json()["error"]["code"], "bad_request");
}

TEST_F(HttpServer, AbsoluteFormTargetIsAccepted) {
  TestServer server(router);
  TestClient client(server.port());
  EXPECT_EQ(client.request("GET", "http://innet.example/api/v1/items/5").json()["id"], "5");
  auto echo = client.request("POST", "https://innet.example/api/v1/echo/e?x=1", "", "{}");
  EXPECT_EQ(echo.json()["query"], (nlohmann::json{{"x", "1"}}));
}

TEST_F(HttpServer, AmbiguousFramingIsRejected) {
  TestServer server(router);
  TestClient client(server.port());
  // Both framings at once is how requests are smuggled past a proxy.
  client.send(
      "POST /api/v1/echo/x HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n"
      "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  EXPECT_EQ(client.read_response().status, 400);
  TestClient second(server.port());
  second.send(
      "POST /api/v1/echo/x HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n"
      "Content-Length: 3\r\n\r\n{}");
  EXPECT_EQ(second.read_response().status, 400);
}

TEST_F(HttpServer, IdleConnectionsTimeOut) {
  ServerOptions options;
  options.idle_timeout_seconds = 1;
  TestServer server(router, options);
  TestClient client(server.port());
  ASSERT_EQ(client.request("GET", "/api/v1/items/1").status, 200);
  auto begin = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.closed_by_server());
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(3));
}

TEST_F(HttpServer, StalledRequestTimesOut) {
  ServerOptions options;
  options.request_timeout_seconds = 1;
  options.idle_timeout_seconds = 60;
  TestServer server(router, options);
  TestClient client(server.port());
  client.send("GET /api/v1/items/1 HTTP/1.1\r\nHost: t\r\n");  // never finished
  auto begin = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.closed_by_server());
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(3));
}

TEST_F(HttpServer, MalformedPathOrQueryIsRejected) {
  TestServer server(router);
  TestClient client(server.port());
  auto path = client.request("GET", "/api/v1/items/%zz");
  EXPECT_EQ(path.status, 400);
  EXPECT_EQ(path.json()["error"]["code"], "invalid_path");
  auto query = client.request("GET", "/api/v1/items/1?a=%00");
  EXPECT_EQ(query.status, 400);
  EXPECT_EQ(query.json()["error"]["code"], "invalid_query");
  EXPECT_EQ(client.request("GET", "/api/v1/items/1").status, 200);  // still usable
}

TEST_F(HttpServer, SecurityHeadersOnEveryResponse) {
  TestServer server(router);
  TestClient client(server.port());
  for (const char* target : {"/api/v1/items/1", "/api/v1/missing", "/healthz"}) {
    auto response = client.request("GET", target);
    SCOPED_TRACE(target);
    EXPECT_EQ(response.header("content-security-policy"), kCsp);
    EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(response.header("referrer-policy"), "no-referrer");
    EXPECT_EQ(response.header("x-frame-options"), "DENY");
    EXPECT_EQ(response.header("cross-origin-opener-policy"), "same-origin");
    EXPECT_EQ(response.header("server"), "innet");
    EXPECT_TRUE(response.header("date"));
    ASSERT_TRUE(response.header("x-request-id"));
    EXPECT_EQ(response.header("x-request-id")->size(), 16u);
  }
  EXPECT_EQ(client.request("GET", "/api/v1/items/1").header("cache-control"), "no-store");
  EXPECT_FALSE(client.request("GET", "/healthz").header("cache-control"));
}

TEST_F(HttpServer, IncomingRequestIdIsKeptWhenSaneAndFromTheProxy) {
  ServerOptions options;
  options.trusted_proxy = "127.0.0.1";
  TestServer server(router, options);
  TestClient client(server.port());
  auto kept = client.request("GET", "/healthz", "X-Request-Id: trace-42.a_b\r\n");
  EXPECT_EQ(kept.header("x-request-id"), "trace-42.a_b");
  auto replaced = client.request("GET", "/healthz", "X-Request-Id: <script>\r\n");
  EXPECT_NE(replaced.header("x-request-id"), "<script>");
  EXPECT_EQ(replaced.header("x-request-id")->size(), 16u);
}

// The request id is written into the audit trail: a client could otherwise pass its requests
// off as someone else's there.
TEST_F(HttpServer, IncomingRequestIdFromAnyoneElseIsReplaced) {
  for (const char* proxy : {"", "10.9.9.9"}) {
    SCOPED_TRACE(proxy);
    ServerOptions options;
    options.trusted_proxy = proxy;
    TestServer server(router, options);
    TestClient client(server.port());
    auto response = client.request("GET", "/healthz", "X-Request-Id: trace-42.a_b\r\n");
    ASSERT_TRUE(response.header("x-request-id"));
    EXPECT_NE(response.header("x-request-id"), "trace-42.a_b");
    EXPECT_EQ(response.header("x-request-id")->size(), 16u);
  }
}

TEST_F(HttpServer, LargeAnswersAreGzippedForClientsThatAcceptIt) {
  // A pooled route, as every API route is: answers are compressed on the worker.
  router.add({"GET", "/api/v1/large",
              [](Request&) {
                return Response::json(200, {{"items", std::vector<int>(2000, 7)}});
              },
              /*offload=*/true});
  TestServer server(router);
  TestClient client(server.port());
  auto plain = client.request("GET", "/api/v1/large");
  EXPECT_EQ(plain.status, 200);
  EXPECT_FALSE(plain.header("content-encoding"));
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");
  EXPECT_EQ(plain.json()["items"].size(), 2000u);
  auto gzipped = client.request("GET", "/api/v1/large", "Accept-Encoding: gzip, br\r\n");
  EXPECT_EQ(gzipped.status, 200);
  EXPECT_EQ(gzipped.header("content-encoding"), "gzip");
  EXPECT_EQ(gzipped.header("vary"), "Accept-Encoding");
  EXPECT_LT(gzipped.body.size(), plain.body.size() / 10);
  EXPECT_EQ(gzipped.header("content-length"), std::to_string(gzipped.body.size()));
  EXPECT_EQ(gzipped.body.substr(0, 2), "\x1f\x8b");  // the gzip magic
  auto small = client.request("GET", "/api/v1/items/1", "Accept-Encoding: gzip\r\n");
  EXPECT_FALSE(small.header("content-encoding"));
  EXPECT_FALSE(small.header("vary"));
}

TEST_F(HttpServer, FragmentInTargetIsBadRequest) {
  TestServer server(router);
  TestClient client(server.port());
  auto response = client.request("GET", "/healthz#x");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.json()["error"]["code"], "bad_request");
}

TEST_F(HttpServer, UnknownApiPathIs404Json) {
  TestServer server(router);
  TestClient client(server.port());
  auto response = client.request("GET", "/api/v1/nothing/here");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.json()["error"]["code"], "not_found");
  EXPECT_TRUE(response.json()["error"]["fields"].is_object());
}

TEST_F(HttpServer, MethodMismatchIs405WithAllow) {
  TestServer server(router);
  TestClient client(server.port());
  auto response = client.request("PUT", "/api/v1/items/1");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("allow"), "GET, DELETE");
  EXPECT_EQ(response.json()["error"]["code"], "method_not_allowed");
}

TEST_F(HttpServer, NoContentHasNoBody) {
  TestServer server(router);
  TestClient client(server.port());
  auto response = client.request("DELETE", "/api/v1/items/1");
  EXPECT_EQ(response.status, 204);
  EXPECT_FALSE(response.header("content-length"));
  EXPECT_EQ(client.request("GET", "/api/v1/items/2").status, 200);  // framing intact
}

TEST_F(HttpServer, HeadAnswersWithoutBody) {
  TestServer server(router);
  TestClient client(server.port());
  auto response = client.request("HEAD", "/api/v1/items/12");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-length"), "11");  // {"id":"12"}
  EXPECT_TRUE(response.body.empty());
  EXPECT_EQ(client.request("GET", "/api/v1/items/3").json()["id"], "3");  // framing intact
}

TEST_F(HttpServer, HandlerExceptionsBecomeErrorResponses) {
  TestServer server(router);
  TestClient client(server.port());
  auto internal = client.request("GET", "/api/v1/throws");
  EXPECT_EQ(internal.status, 500);
  EXPECT_EQ(internal.json()["error"]["code"], "internal_error");
  EXPECT_EQ(internal.body.find("on fire"), std::string::npos);  // no internals leak out
  EXPECT_EQ(client.request("GET", "/api/v1/bad-status").status, 500);
}

// Request bodies are checked before a handler runs, so a JSON exception inside one is our bug:
// 500, with the request id in the log line and in the answer, never 400 blamed on the client.
TEST_F(HttpServer, AJsonExceptionInAHandlerIsAnInternalErrorNamingTheRequest) {
  std::ostringstream log;
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "captured", std::make_shared<spdlog::sinks::ostream_sink_mt>(log)));
  TestServer server(router);
  TestClient client(server.port());
  auto response = client.request("GET", "/api/v1/bad-json");
  spdlog::set_default_logger(previous);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.json()["error"]["code"], "internal_error");
  const auto id = response.header("x-request-id");
  ASSERT_TRUE(id);
  EXPECT_EQ(response.json()["error"]["message"], "internal server error (request " + *id + ")");
  EXPECT_NE(log.str().find("/api/v1/bad-json failed (request " + *id + ")"), std::string::npos)
      << log.str();
}

TEST_F(HttpServer, ForwardedHeadersTrustedOnlyFromTheProxy) {
  ServerOptions options;
  options.trusted_proxy = "127.0.0.1";
  TestServer trusting(router, options);
  TestClient client(trusting.port());
  auto response = client.request("POST", "/api/v1/echo/x",
                                 "X-Forwarded-For: 203.0.113.9, 10.1.1.1\r\n"
                                 "X-Forwarded-Proto: https\r\n",
                                 "{}");
  // The client wrote 203.0.113.9 itself; the proxy appended 10.1.1.1.
  EXPECT_EQ(response.json()["client"], "10.1.1.1");
  EXPECT_EQ(response.json()["secure"], true);

  ServerOptions other;
  other.trusted_proxy = "10.9.9.9";
  TestServer distrusting(router, other);
  TestClient client2(distrusting.port());
  auto ignored =
      client2.request("POST", "/api/v1/echo/x",
                      "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n", "{}");
  EXPECT_EQ(ignored.json()["client"], "127.0.0.1");
  EXPECT_EQ(ignored.json()["secure"], false);
}

TEST_F(HttpServer, MetricsCountRequests) {
  TestServer server(router);
  {
    TestClient client(server.port());
    client.request("GET", "/api/v1/items/1");
    client.request("GET", "/api/v1/items/2");
    client.request("GET", "/api/v1/nothing");
    client.request("POST", "/api/v1/items/1");
    client.request("BREW", "/api/v1/items/1");
  }
  server.stop();  // every response is recorded once run() has returned
  std::string text = server.metrics().render();
  EXPECT_NE(
      text.find(
          R"(innet_http_requests_total{method="GET",route="/api/v1/items/{id}",status="200"} 2)"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(R"(innet_http_requests_total{method="GET",route="unmatched",status="404"} 1)"),
      std::string::npos);
  EXPECT_NE(
      text.find(R"(innet_http_requests_total{method="POST",route="unmatched",status="405"} 1)"),
      std::string::npos);
  EXPECT_NE(
      text.find(R"(innet_http_requests_total{method="OTHER",route="unmatched",status="405"} 1)"),
      std::string::npos);
  EXPECT_NE(text.find(R"(innet_http_request_duration_seconds_count{route="/api/v1/items/{id}"} 2)"),
            std::string::npos);
}

TEST_F(HttpServer, ListenReportsABusyPort) {
  TestServer first(router);
  Metrics metrics;
  ServerOptions options;
  options.port = first.port();
  Server second(options, router, metrics);
  Status status = second.listen();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "listen_failed");
}

}  // namespace
}  // namespace innet::http
