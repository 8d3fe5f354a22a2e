#include "http/url.h"

#include <algorithm>

namespace innet::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (text.size() - i < 3) return std::nullopt;
      int hi = hex_value(text[i + 1]);
      int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_as_space) {
      c = ' ';
    }
    if (c == '\0') return std::nullopt;
    out.push_back(c);
  }
  return out;
}

bool parse_query(std::string_view query, std::map<std::string, std::string>& out) {
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
    if (!name || !value) return false;
    out.emplace(std::move(*name), std::move(*value));
  }
  return true;
}

namespace {

void assign_origin_form(std::string_view target, std::string& out) {
  std::size_t scheme = target.starts_with("http://") ? 7 : target.starts_with("https://") ? 8 : 0;
  if (scheme == 0) {
    out.assign(target);
    return;
  }
  std::size_t start = target.find_first_of("/?", scheme);
  out.assign(start != std::string_view::npos && target[start] == '/' ? "" : "/");
  if (start != std::string_view::npos) out.append(target.substr(start));
}

}  // namespace

TargetError parse_target(std::string_view received, std::string& origin, std::string& path,
                         std::map<std::string, std::string>& query) {
  assign_origin_form(received, origin);
  query.clear();
  std::string_view target = origin;
  std::size_t question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  // Control characters and spaces are never part of a target (RFC 9112 section 3.2); Beast
  // refuses them already, this keeps the function safe on its own.
  bool controls = std::any_of(target.begin(), target.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
  });
  if (raw_path.empty() || raw_path.front() != '/' || controls ||
      target.find('#') != std::string_view::npos) {
    path.assign(raw_path);
    return TargetError::bad_target;
  }
  if (raw_path.find('%') == std::string_view::npos) {
    path.assign(raw_path);
  } else if (auto decoded = percent_decode(raw_path)) {
    path = std::move(*decoded);
  } else {
    path.assign(raw_path);
    return TargetError::bad_path;
  }
  if (question != std::string_view::npos && !parse_query(target.substr(question + 1), query)) {
    return TargetError::bad_query;
  }
  return TargetError::none;
}

}  // namespace innet::http
