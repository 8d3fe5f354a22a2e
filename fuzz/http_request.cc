// What the server does with the bytes of a connection (src/http/server.cc), without sockets:
// Beast's parser with the server's limits, then the target, headers, client address, request
// id, content coding and route as the server derives them, and the head of an answer that
// echoes the request's headers (no header may split it).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/compression.h"
#include "http/request_info.h"
#include "http/response_head.h"
#include "http/router.h"
#include "http/url.h"

namespace {

namespace bhttp = boost::beast::http;
using namespace innet::http;

void check(bool condition) {
  if (!condition) std::abort();
}

const Router& router() {
  static const Router kRouter = [] {
    Router r;
    auto ok = [](Request&) { return Response::no_content(); };
    for (const char* pattern :
         {"/healthz", "/metrics", "/api/v1/persons", "/api/v1/persons/{id}",
          "/api/v1/persons/{id}/family", "/api/v1/centres/{id}/invoices/{month}", "/"}) {
      r.add({"GET", pattern, ok});
    }
    r.add({"POST", "/api/v1/persons", ok});
    return r;
  }();
  return kRouter;
}

// One message as the server handles it after Beast has parsed it.
void handle(bhttp::request<bhttp::string_body>& message) {
  Request request;
  request.method = std::string(message.method_string());
  for (const auto& field : message) {
    auto& [name, value] =
        request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    std::transform(name.begin(), name.end(), name.begin(), [](char c) {
      return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
  }
  request.body = std::move(message.body());
  request.client_address =
      client_address("127.0.0.1", request.header("x-forwarded-for"), "127.0.0.1");
  check(!request.client_address.empty());
  if (auto id = request.header("x-request-id"); id && is_sane_request_id(*id)) {
    check(id->size() <= 64);
  }
  (void)choose_coding(request.header("accept-encoding"), true, true);
  (void)request.cookie("innet_session");
  std::string_view target(message.target().data(), message.target().size());
  if (parse_target(target, request.target, request.path, request.query) != TargetError::none) {
    return;
  }
  Match match = router().match(request);
  if (match.route) check(match.route->handler(request).status == 204);

  // Headers echoed into an answer: whatever they hold, the head ends exactly once.
  Response response;
  response.headers = request.headers;
  response.body = request.body;
  std::string head;
  append_response_head(response, {"fuzz", true, true, false}, head);
  check(head.size() >= 4 && head.ends_with("\r\n\r\n"));
  check(head.find("\r\n\r\n") == head.size() - 4);
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\n') check(i > 0 && head[i - 1] == '\r');
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  boost::asio::const_buffer input(data, size);
  // Pipelined requests: parse as many as the bytes hold, like a keep-alive connection.
  for (int messages = 0; messages < 8 && input.size() > 0; ++messages) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(8 * 1024);  // ServerOptions' defaults
    parser.body_limit(1 << 20);
    parser.eager(true);
    boost::beast::error_code ec;
    std::size_t used = parser.put(input, ec);
    if (ec == bhttp::error::need_more) return 0;
    if (ec) return 0;  // the server answers 400/413/431 and closes
    input += used;
    if (!parser.is_done()) {
      parser.put_eof(ec);
      if (ec || !parser.is_done()) return 0;
    }
    handle(parser.get());
    if (!parser.keep_alive()) return 0;
  }
  return 0;
}
