// Percent-decoding of request targets. Shared by the router (path segments) and the server
// (the decoded path and the query parameters).
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

}  // namespace innet::http
