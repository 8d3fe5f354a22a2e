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
  // Runs on the blocking-work pool instead of the I/O thread (password hashing, exports).
  bool offload = false;
};

struct Match {
  const Route* route = nullptr;  // null when nothing matched
  bool method_not_allowed = false;
};

class Router {
 public:
  Router();
  ~Router();
  void add(Route route);
  // Fills request.params on success.
  Match match(Request& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  struct Node;
  std::unique_ptr<Node> root_;
};

}  // namespace innet::http
