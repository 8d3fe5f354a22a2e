#include "core/json_text.h"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace innet {
namespace {

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

}  // namespace

// A JSON string as nlohmann's dump() writes it: the short escapes, \u00XX for other control
// characters, UTF-8 kept. Runs of plain characters are appended at once.
bool append_json_string(std::string& out, std::string_view text) {
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
bool append_json(std::string& out, const nlohmann::json& j) {
  using value_t = nlohmann::json::value_t;
  switch (j.type()) {
    case value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, value] : j.get_ref<const nlohmann::json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        if (!append_json_string(out, key)) return false;
        out += ':';
        if (!append_json(out, value)) return false;
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
        if (!append_json(out, value)) return false;
      }
      out += ']';
      return true;
    }
    case value_t::string:
      return append_json_string(out, j.get_ref<const nlohmann::json::string_t&>());
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

}  // namespace innet
