#include "http/response_head.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <ctime>

namespace innet::http {
namespace {

struct DefaultHeader {
  std::string_view lower_name;
  std::string_view line;  // "Name: value\r\n"
};

constexpr std::array<DefaultHeader, 5> kSecurityHeaders = {{
    {"content-security-policy",
     "Content-Security-Policy: default-src 'self'; img-src 'self' data:; style-src 'self' "
     "'unsafe-inline'; script-src 'self'; font-src 'self' data:; connect-src 'self'; "
     "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'\r\n"},
    {"x-content-type-options", "X-Content-Type-Options: nosniff\r\n"},
    {"referrer-policy", "Referrer-Policy: no-referrer\r\n"},
    {"x-frame-options", "X-Frame-Options: DENY\r\n"},
    {"cross-origin-opener-policy", "Cross-Origin-Opener-Policy: same-origin\r\n"},
}};
constexpr std::string_view kNoStore = "Cache-Control: no-store\r\n";

constexpr std::array<std::string_view, 6> kServerOwned = {
    "content-length", "transfer-encoding", "connection", "date", "server", "x-request-id"};

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view lower_b) {
  return std::equal(a.begin(), a.end(), lower_b.begin(), lower_b.end(),
                    [](char x, char y) { return lower(x) == y; });
}

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool valid_header(std::string_view name, std::string_view value) {
  return !name.empty() && std::all_of(name.begin(), name.end(), is_token_char) &&
         value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// "Date: Tue, 15 Nov 1994 08:12:31 GMT\r\n", formatted at most once per second per thread.
std::string_view date_line() {
  thread_local std::time_t cached_second = 0;
  thread_local std::array<char, 64> line{};
  thread_local std::size_t length = 0;
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    length = std::strftime(line.data(), line.size(), "Date: %a, %d %b %Y %H:%M:%S GMT\r\n", &tm);
    cached_second = now;
  }
  return {line.data(), length};
}

void append_number(std::string& out, std::size_t value) {
  std::array<char, 24> digits;
  auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  out.append(digits.data(), end);
}

}  // namespace

bool status_allows_body(int status) {
  return status >= 200 && status != 204 && status != 304;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Unknown";
  }
}

void append_response_head(const Response& response, const ResponseHeadOptions& options,
                          std::string& out) {
  int status = response.status >= 100 && response.status <= 999 ? response.status : 500;
  out += "HTTP/1.1 ";
  append_number(out, static_cast<std::size_t>(status));
  out += ' ';
  out += reason_phrase(status);
  out += "\r\nServer: innet\r\n";
  out += date_line();

  // Bit i set: the handler supplied kSecurityHeaders[i]; bit 5: it set Cache-Control.
  unsigned supplied = 0;
  for (const auto& [name, value] : response.headers) {
    if (!valid_header(name, value)) continue;
    if (std::any_of(kServerOwned.begin(), kServerOwned.end(),
                    [&header = name](std::string_view owned) { return iequals(header, owned); })) {
      continue;
    }
    for (std::size_t i = 0; i < kSecurityHeaders.size(); ++i) {
      if (iequals(name, kSecurityHeaders[i].lower_name)) supplied |= 1u << i;
    }
    if (iequals(name, "cache-control")) supplied |= 1u << kSecurityHeaders.size();
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  for (std::size_t i = 0; i < kSecurityHeaders.size(); ++i) {
    if (!(supplied & (1u << i))) out += kSecurityHeaders[i].line;
  }
  if (options.api && !(supplied & (1u << kSecurityHeaders.size()))) out += kNoStore;
  out += "X-Request-Id: ";
  out += options.request_id;
  out += "\r\n";
  if (status_allows_body(status)) {
    out += "Content-Length: ";
    append_number(out, response.body.size());
    out += "\r\n";
  }
  if (!options.keep_alive) {
    out += "Connection: close\r\n";
  } else if (options.http10) {
    out += "Connection: keep-alive\r\n";
  }
  out += "\r\n";
}

}  // namespace innet::http
