// HTTP request and response as plain values. Only src/http/server.cc knows Boost.Beast; every
// other module sees these structs, which keeps Beast's compile cost in one translation unit.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace innet::http {

struct Request {
  std::string method;                                        // "GET", "POST", ...
  std::string target;                                        // as received: path and query
  std::string path;                                          // decoded path, without query
  std::map<std::string, std::string> query;                  // decoded query parameters
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::string
      client_address;  // peer address, or X-Forwarded-For's first entry from a trusted proxy
  std::string request_id;
  bool secure =
      false;  // reached us over TLS (directly or X-Forwarded-Proto: https from a trusted proxy)
  std::map<std::string, std::string> params;  // path parameters filled by the router

  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string> cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void set_header(std::string name, std::string value);
  static Response json(int status, const nlohmann::json& body);
  // A body already written as JSON text (api::ObjectType::write).
  static Response json_text(int status, std::string body);
  static Response no_content();
  // {"error":{"code","message","fields"}} with the status that matches error.kind.
  static Response error(const Error& error);
};

int status_for(ErrorKind kind);

}  // namespace innet::http
