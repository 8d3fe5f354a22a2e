#include "http/message.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <variant>

namespace innet::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  }
  if (n == 0 || i + n > s.size() || at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((at(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

// A JSON string as nlohmann's dump() writes it: the short escapes, \u00XX for other control
// characters, UTF-8 kept. Runs of plain characters are appended at once.
bool write_string(std::string& out, const std::string& text) {
  out += '"';
  std::size_t plain = 0;  // start of the run not yet appended
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Eight plain ASCII bytes at a time (no control character, quote, backslash or high bit):
    // most of an answer's text. `less(x, n)` is the classic test "some byte of x is below n"
    // (exact for n <= 128), a zero byte of x ^ c a byte equal to c.
    constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
    auto less = [](std::uint64_t x, std::uint64_t n) { return (x - ones * n) & ~x & highs; };
    while (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if (less(w, 0x20) | less(w ^ (ones * '"'), 1) | less(w ^ (ones * '\\'), 1) | (w & highs))
        break;
      i += 8;
    }
    if (i >= text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_length(text, i);
      if (n == 0) return false;
      i += n - 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        constexpr char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
      }
    }
  }
  out.append(text, plain, text.size() - plain);
  out += '"';
  return true;
}

// The same text as nlohmann's dump() (compact, UTF-8 kept), written in one pass without its
// per-byte decoder: serialising answers was a fifth of the instructions of GET /auth/me.
// False on invalid UTF-8, for which the caller falls back to dump() and its replacement.
bool write_json(std::string& out, const nlohmann::json& j) {
  using value_t = nlohmann::json::value_t;
  switch (j.type()) {
    case value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, value] : j.get_ref<const nlohmann::json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        if (!write_string(out, key)) return false;
        out += ':';
        if (!write_json(out, value)) return false;
      }
      out += '}';
      return true;
    }
    case value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& value : j) {
        if (!first) out += ',';
        first = false;
        if (!write_json(out, value)) return false;
      }
      out += ']';
      return true;
    }
    case value_t::string:
      return write_string(out, j.get_ref<const nlohmann::json::string_t&>());
    case value_t::number_integer:
    case value_t::number_unsigned: {
      char buffer[24];
      auto end = j.is_number_unsigned()
                     ? std::to_chars(buffer, buffer + sizeof buffer, j.get<std::uint64_t>()).ptr
                     : std::to_chars(buffer, buffer + sizeof buffer, j.get<std::int64_t>()).ptr;
      out.append(buffer, end);
      return true;
    }
    case value_t::boolean:
      out += j.get<bool>() ? "true" : "false";
      return true;
    case value_t::null:
      out += "null";
      return true;
    default:  // floating point and binary: nlohmann's own formatting
      out += j.dump();
      return true;
  }
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
  if (!write_json(response.body, body)) {
    // Replace invalid UTF-8 (user input echoed back) instead of throwing mid-response.
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
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
