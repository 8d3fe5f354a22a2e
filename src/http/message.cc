#include "http/message.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <variant>

#include "core/json_text.h"

namespace innet::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Finds `name` in one Cookie header value ("a=1; b=2"). Quoted values lose their quotes.
std::optional<std::string> find_cookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    std::size_t semicolon = header.find(';');
    std::string_view pair = trim(header.substr(0, semicolon));
    header =
        semicolon == std::string_view::npos ? std::string_view{} : header.substr(semicolon + 1);
    std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos || trim(pair.substr(0, eq)) != name) continue;
    std::string_view value = trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  // HTTP/1.1 clients send one Cookie header, but a proxy may have split it; first match wins.
  for (const auto& [header_name, value] : headers) {
    if (header_name != "cookie") continue;
    if (auto found = find_cookie(value, name)) return found;
  }
  return std::nullopt;
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [existing, existing_value] : headers) {
    if (iequals(existing, name)) {
      existing_value = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

Response Response::json(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  response.body.reserve(512);
  if (!append_json(response.body, body)) {
    // Replace invalid UTF-8 (user input echoed back) instead of throwing mid-response.
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return response;
}

Response Response::json_text(int status, std::string body) {
  Response response;
  response.status = status;
  response.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  response.body = std::move(body);
  return response;
}

Response Response::no_content() {
  Response response;
  response.status = 204;
  return response;
}

Response Response::error(const Error& error) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, reason] : error.fields) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& param : reason.params)
      std::visit([&params, &param](const auto& v) { params[param.first] = v; }, param.second);
    fields[name] = {{"code", reason.code}, {"params", params}, {"message", reason.message}};
  }
  Response response =
      json(status_for(error.kind),
           {{"error",
             {{"code", error.code}, {"message", error.message}, {"fields", std::move(fields)}}}});
  if (error.kind == ErrorKind::rate_limited && error.retry_after_seconds) {
    response.set_header("Retry-After", std::to_string(std::max(0, *error.retry_after_seconds)));
  }
  return response;
}

int status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return 400;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::too_large:
      return 413;
    case ErrorKind::unsupported_media_type:
      return 415;
    case ErrorKind::unprocessable:
      return 422;
    case ErrorKind::rate_limited:
      return 429;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

}  // namespace innet::http
