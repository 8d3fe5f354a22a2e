// Percent-decoding, query strings and request targets (src/http/url.h) on arbitrary bytes.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "http/url.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace innet::http;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  for (bool plus : {false, true}) {
    if (auto decoded = percent_decode(text, plus)) {
      check(decoded->size() <= text.size());
      check(decoded->find('\0') == std::string::npos);
    }
  }

  std::map<std::string, std::string> query;
  if (parse_query(text, query)) {
    for (const auto& [name, value] : query) {
      check(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos);
    }
  }

  std::string origin;
  std::string path;
  TargetError error = parse_target(text, origin, path, query);
  if (error == TargetError::none) {
    // What the router and the static files are handed: a decoded absolute path, no fragment.
    check(!origin.empty() && origin.front() == '/');
    check(!path.empty() && path.front() == '/');
    check(path.find('\0') == std::string::npos);
    check(origin.find('#') == std::string::npos);
  }
  return 0;
}
