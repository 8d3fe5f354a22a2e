// Maps method + path to a handler. Patterns use {name} segments: "/api/v1/users/{id}".
// Static segments win over parameters; a path that matches with another method answers 405.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/message.h"

namespace innet::http {

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  // Runs on the server's bounded worker pool instead of the I/O thread: anything that may block
  // (database, password hashing), so that one slow request never delays the others.
  bool offload = false;
  // The largest body this route accepts; 0: the server's max_body_bytes. The server matches the
  // route on the request's header, before the body is read, and applies this limit instead.
  std::size_t max_body_bytes = 0;
};

struct Match {
  const Route* route = nullptr;  // null when nothing matched
  bool method_not_allowed = false;
  std::vector<std::string> allowed_methods;  // with method_not_allowed: for the Allow header
};

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;
  // Throws std::invalid_argument for a malformed or duplicate pattern: a programming error,
  // found at startup.
  void add(Route route);
  // Matches request.method against the path part of request.target (request.path when target
  // is empty), percent-decoding each segment; a malformed escape or NUL matches nothing. HEAD
  // falls back to a GET route. Fills request.params on success.
  Match match(Request& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  struct Node;
  std::unique_ptr<Node> root_;
  std::size_t max_segments_ = 0;  // deeper paths cannot match
};

}  // namespace innet::http
