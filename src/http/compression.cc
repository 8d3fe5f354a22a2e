#include "http/compression.h"

#include <zlib.h>

#include <algorithm>
#include <array>

namespace innet::http {
namespace {

// Measured on 1.5 MB of persons JSON (40 pages of the demo list) on this 2-core machine: level 3
// makes 114 KB in 8 ms, level 6 (zlib's default) 97 KB in 13 to 25 ms, level 9 89 KB in 69 ms.
// CPU is the scarcer resource here, and level 3 keeps most of the saving.
constexpr int kGzipLevel = 3;
// windowBits 15 plus 16: zlib writes the gzip header and trailer instead of its own.
constexpr int kGzipWindowBits = 15 + 16;

// q-values in thousandths (RFC 9110 section 12.4.2: at most three decimals).
constexpr int kQOne = 1000;

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view lower_b) {
  return std::equal(a.begin(), a.end(), lower_b.begin(), lower_b.end(),
                    [](char x, char y) { return lower(x) == y; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "0", "0.5", "1", "1.000" to thousandths; nothing for anything else.
std::optional<int> parse_qvalue(std::string_view text) {
  if (text.empty() || (text[0] != '0' && text[0] != '1')) return std::nullopt;
  int value = (text[0] - '0') * kQOne;
  if (text.size() == 1) return value;
  if (text[1] != '.' || text.size() > 5) return std::nullopt;
  int scale = 100;
  for (char c : text.substr(2)) {
    if (c < '0' || c > '9') return std::nullopt;
    value += (c - '0') * scale;
    scale /= 10;
  }
  return value <= kQOne ? std::optional<int>(value) : std::nullopt;
}

// The q of each coding the header names; -1 where it does not name it.
struct Preferences {
  int br = -1;
  int gzip = -1;
  int identity = -1;
  int any = -1;
};

Preferences parse_accept_encoding(std::string_view header) {
  Preferences p;
  while (!header.empty()) {
    std::size_t comma = header.find(',');
    std::string_view element = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    std::size_t semicolon = element.find(';');
    std::string_view name = trim(element.substr(0, semicolon));
    int q = kQOne;
    if (semicolon != std::string_view::npos) {
      std::string_view parameter = trim(element.substr(semicolon + 1));
      if (parameter.size() < 2 || lower(parameter[0]) != 'q' || parameter[1] != '=') continue;
      auto parsed = parse_qvalue(trim(parameter.substr(2)));
      if (!parsed) continue;  // a malformed element is ignored rather than guessed at
      q = *parsed;
    }
    int* slot = iequals(name, "br")                                ? &p.br
                : iequals(name, "gzip") || iequals(name, "x-gzip") ? &p.gzip
                : iequals(name, "identity")                        ? &p.identity
                : name == "*"                                      ? &p.any
                                                                   : nullptr;
    if (slot) *slot = std::max(*slot, q);
  }
  return p;
}

bool is_compressible_type(std::string_view content_type) {
  static constexpr std::array<std::string_view, 4> kPrefixes = {
      "application/json", "text/", "application/geo+json", "image/svg+xml"};
  return std::any_of(kPrefixes.begin(), kPrefixes.end(), [&](std::string_view prefix) {
    return content_type.size() >= prefix.size() &&
           iequals(content_type.substr(0, prefix.size()), prefix);
  });
}

std::optional<std::string_view> response_header(const Response& response, std::string_view name) {
  for (const auto& [existing, value] : response.headers) {
    if (iequals(existing, name)) return std::string_view(value);
  }
  return std::nullopt;
}

}  // namespace

std::string_view coding_name(Coding coding) {
  switch (coding) {
    case Coding::gzip:
      return "gzip";
    case Coding::br:
      return "br";
    case Coding::identity:
      break;
  }
  return "identity";
}

Coding choose_coding(std::optional<std::string_view> accept_encoding, bool br_available,
                     bool gzip_available) {
  if (!accept_encoding) return Coding::identity;
  Preferences p = parse_accept_encoding(*accept_encoding);
  auto q_of = [&](int named) { return named >= 0 ? named : std::max(p.any, 0); };
  // Unnamed, identity is acceptable but the last choice (q of "*", else the lowest above 0): a
  // client that lists "gzip;q=0.5" wants gzip, not the uncompressed answer it did not mention.
  int identity = p.identity >= 0 ? p.identity : p.any >= 0 ? p.any : 1;
  // In order of preference on equal q: the smaller encoding first.
  std::array<std::pair<Coding, int>, 3> candidates = {{
      {Coding::br, br_available ? q_of(p.br) : 0},
      {Coding::gzip, gzip_available ? q_of(p.gzip) : 0},
      {Coding::identity, identity},
  }};
  Coding best = Coding::identity;
  int best_q = 0;
  for (const auto& [coding, q] : candidates) {
    if (q > best_q) {
      best = coding;
      best_q = q;
    }
  }
  return best;
}

std::optional<std::string> gzip(std::string_view data) {
  z_stream stream{};
  if (deflateInit2(&stream, kGzipLevel, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return std::nullopt;
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  // zlib's API is not const-correct; it only reads next_in.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  // deflateBound guarantees room for the whole stream, so one call finishes it.
  int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) return std::nullopt;
  return out;
}

void add_vary(Response& response, std::string_view name) {
  for (auto& [existing, value] : response.headers) {
    if (!iequals(existing, "vary")) continue;
    if (!value.empty()) value += ", ";
    value += name;
    return;
  }
  response.headers.emplace_back("Vary", std::string(name));
}

void compress_response(const Request& request, Response& response) {
  if (response.status < 200 || response.status > 299 || response.status == 204) return;
  // uInt is 32 bits: larger bodies than that would need a chunked loop; none comes near it.
  if (response.body.size() < kCompressMinBytes || response.body.size() > 0xFFFFFFFFu) return;
  auto type = response_header(response, "content-type");
  if (!type || !is_compressible_type(*type) || response_header(response, "content-encoding")) {
    return;
  }
  add_vary(response, "Accept-Encoding");
  if (choose_coding(request.header("accept-encoding"), false, true) != Coding::gzip) return;
  auto compressed = gzip(response.body);
  if (!compressed || compressed->size() >= response.body.size()) return;
  response.body = std::move(*compressed);
  response.headers.emplace_back("Content-Encoding", "gzip");
}

}  // namespace innet::http
