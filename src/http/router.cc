#include "http/router.h"

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>
#include <string_view>

#include "http/url.h"

namespace innet::http {
namespace {

// Bounds the per-match scratch space so matching needs no heap allocation.
constexpr std::size_t kMaxSegments = 32;

// Splits "/a/b" into {"a", "b"}. Empty segments are kept and match nothing, a trailing slash
// included: each route has one path, so a reverse proxy's rule for "/metrics" cannot be passed
// by asking for "/metrics/". Returns false when the path has more than kMaxSegments segments or
// does not start with '/'.
bool split_path(std::string_view path, std::array<std::string_view, kMaxSegments>& out,
                std::size_t& count) {
  count = 0;
  if (path.empty() || path.front() != '/') return false;
  path.remove_prefix(1);
  if (path.empty()) return true;
  while (true) {
    if (count == kMaxSegments) return false;
    std::size_t slash = path.find('/');
    out[count++] = path.substr(0, slash);
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

struct Router::Node {
  struct Endpoint {
    std::string method;
    std::size_t route;
    // Names of the {parameters} along this route's pattern, in order. Kept per endpoint
    // because "/users/{id}" and "/users/{user_id}/roles" share the parameter node.
    std::vector<std::string> parameter_names;
  };

  struct Search {
    std::string_view method;
    const std::array<std::string_view, kMaxSegments>& segments;
    std::size_t count;
    std::array<std::string_view, kMaxSegments> values{};
    std::size_t value_count = 0;
    std::vector<const Node*> path_matches{};  // nodes whose path matched, for 405
  };

  std::map<std::string, std::unique_ptr<Node>, std::less<>> statics;
  std::unique_ptr<Node> parameter;
  std::vector<Endpoint> endpoints;

  const Endpoint* endpoint_for(std::string_view method) const {
    for (const auto& e : endpoints) {
      if (e.method == method) return &e;
    }
    return nullptr;
  }

  // Depth-first, static children before the parameter child, backtracking when a branch
  // fails deeper down: "/a/b/c" and "/a/{x}/d" both stay reachable.
  const Endpoint* walk(std::size_t depth, Search& s) const {
    if (depth == s.count) {
      if (endpoints.empty()) return nullptr;
      if (const auto* e = endpoint_for(s.method)) return e;
      // RFC 9110: a server that answers GET should answer HEAD the same way, minus the body.
      if (s.method == "HEAD") {
        if (const auto* e = endpoint_for("GET")) return e;
      }
      s.path_matches.push_back(this);
      return nullptr;
    }
    std::string_view segment = s.segments[depth];
    if (auto it = statics.find(segment); it != statics.end()) {
      if (const auto* e = it->second->walk(depth + 1, s)) return e;
    }
    if (parameter && !segment.empty()) {
      s.values[s.value_count++] = segment;
      if (const auto* e = parameter->walk(depth + 1, s)) return e;
      --s.value_count;
    }
    return nullptr;
  }
};

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::add(Route route) {
  std::array<std::string_view, kMaxSegments> segments;
  std::size_t count = 0;
  if (route.method.empty() || !split_path(route.pattern, segments, count)) {
    throw std::invalid_argument("bad route: " + route.method + " " + route.pattern);
  }
  Node* node = root_.get();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < count; ++i) {
    std::string_view segment = segments[i];
    if (is_parameter(segment)) {
      names.emplace_back(segment.substr(1, segment.size() - 2));
      if (!node->parameter) node->parameter = std::make_unique<Node>();
      node = node->parameter.get();
      continue;
    }
    if (segment.empty() || segment.find_first_of("{}%") != std::string_view::npos) {
      throw std::invalid_argument("bad route segment: " + route.pattern);
    }
    auto& child = node->statics[std::string(segment)];
    if (!child) child = std::make_unique<Node>();
    node = child.get();
  }
  if (node->endpoint_for(route.method)) {
    throw std::invalid_argument("duplicate route: " + route.method + " " + route.pattern);
  }
  node->endpoints.push_back({route.method, routes_.size(), std::move(names)});
  max_segments_ = std::max(max_segments_, count);
  routes_.push_back(std::move(route));
}

Match Router::match(Request& request) const {
  std::string_view path =
      request.target.empty() ? std::string_view(request.path) : std::string_view(request.target);
  path = path.substr(0, path.find('?'));

  std::array<std::string_view, kMaxSegments> segments;
  std::size_t count = 0;
  if (!split_path(path, segments, count) || count > max_segments_) return {};

  // Decode only segments that need it; the common path has no escapes and allocates nothing.
  std::vector<std::string> decoded;
  if (path.find('%') != std::string_view::npos) {
    decoded.reserve(count);  // no reallocation below: the views into it stay valid
    for (std::size_t i = 0; i < count; ++i) {
      if (segments[i].find('%') == std::string_view::npos) continue;
      auto value = percent_decode(segments[i]);
      if (!value) return {};
      segments[i] = decoded.emplace_back(std::move(*value));
    }
  }

  Node::Search search{request.method, segments, count};
  const Node::Endpoint* endpoint = root_->walk(0, search);
  Match result;
  if (!endpoint) {
    if (search.path_matches.empty()) return result;
    result.method_not_allowed = true;
    for (const Node* node : search.path_matches) {
      for (const auto& e : node->endpoints) {
        auto& allowed = result.allowed_methods;
        if (std::find(allowed.begin(), allowed.end(), e.method) == allowed.end()) {
          allowed.push_back(e.method);
        }
      }
    }
    return result;
  }
  request.params.clear();
  for (std::size_t i = 0; i < search.value_count; ++i) {
    request.params[endpoint->parameter_names[i]] = std::string(search.values[i]);
  }
  result.route = &routes_[endpoint->route];
  return result;
}

}  // namespace innet::http
