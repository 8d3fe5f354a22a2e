// JSON text written straight into a string, in the form nlohmann's dump() gives (compact, keys
// as stored, UTF-8 kept): the answers' serialiser, for a parsed json value or, through
// api::ObjectType::write, for a described C++ value with no json tree built at all.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace innet {

// Both return false on invalid UTF-8, with `out` partly written: the caller starts again with
// nlohmann's dump() and its replacement character.
bool append_json_string(std::string& out, std::string_view text);
bool append_json(std::string& out, const nlohmann::json& value);

}  // namespace innet
