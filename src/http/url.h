// Request targets: percent-decoding, shared by the router (path segments) and the server (the
// decoded path and the query parameters), and the reading of a target as received.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace innet::http {

// Decodes %XX escapes; with plus_as_space, '+' becomes ' ' (query strings only). Returns
// nothing for a malformed escape or an encoded NUL, which no legitimate client sends.
std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space = false);

// Splits "a=1&b=x+y" into decoded pairs. The first occurrence of a name wins. Returns false
// when any name or value is malformed.
bool parse_query(std::string_view query, std::map<std::string, std::string>& out);

// Why a request target is unusable; each is a 400 with its own code.
enum class TargetError { none, bad_target, bad_path, bad_query };

// Reads a request target as the client sent it. `origin` gets its origin form ("/p?q"): RFC 9112
// section 3.2.2 has servers accept the absolute form ("http://host/p?q") that clients send to
// proxies. `path` gets the decoded path (the raw one when it cannot be decoded, for the logs) and
// `query` the decoded parameters. A target that is not a path after that, or that holds a
// fragment ('#', which no request target contains) or a control character, is a bad_target: the
// router and the reverse proxy's rules must see the same path.
TargetError parse_target(std::string_view received, std::string& origin, std::string& path,
                         std::map<std::string, std::string>& query);

}  // namespace innet::http
