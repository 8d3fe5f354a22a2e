// Strict parsing of JSON request bodies and query parameters. Every write endpoint declares the
// fields it accepts; anything else (malformed JSON, invalid UTF-8, wrong types, unknown or
// missing fields, over-long strings, values outside an enumeration, dates outside the range a
// record can have) is refused with all the offending fields named, before any storage code runs.
//
// Text is normalised the same way everywhere: leading and trailing white space is trimmed from
// body strings before their length is checked (a name of three spaces is empty), and characters
// that no name or note contains are refused: NUL and the other control characters (a multiline
// field keeps tab and line breaks), and the bidirectional embedding, override and isolate
// controls, which make a name display differently from what it is (U+202A..U+202E,
// U+2066..U+2069). Passwords are the exception (Field::verbatim).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/civil_day.h"
#include "core/paging.h"
#include "core/result.h"

namespace innet {

enum class FieldType {
  string,
  integer,
  number,  // any JSON number, e.g. coordinates
  boolean,
  email,
  date,
  string_list,   // an array of strings, each checked like a string field
  integer_list,  // an array of integers, each within min_value..max_value
  object_list,   // an array of objects, each checked against `items`
};

struct Field {
  std::string name;
  FieldType type = FieldType::string;
  bool required = false;
  bool nullable = false;         // optional fields may be sent as null to clear them
  std::size_t max_length = 200;  // strings, in characters (code points)
  std::size_t min_length = 0;
  bool multiline = false;  // strings that may hold tab and line breaks (notes)
  // Secrets (passwords): taken exactly as sent, neither trimmed nor checked for characters, so
  // that a password keeps working whatever it contains.
  bool verbatim = false;
  // Dates: the earliest accepted, when later than kEarliestDay (e.g. events of the reception
  // system, which has no records from before its start). The latest is always kLatestDay.
  std::optional<CivilDay> earliest_day;
  std::vector<std::string> allowed;  // enumeration, when not empty
  std::string description;
  std::int64_t min_value = INT64_MIN;
  std::int64_t max_value = INT64_MAX;
  bool digits_only = false;      // strings made of [0-9], e.g. ISTAT codes
  std::size_t exact_length = 0;  // with digits_only, e.g. 6 for ISTAT codes
  double min_number = -1e300;    // numbers
  double max_number = 1e300;
  std::size_t max_items = 100;  // lists
  std::size_t min_items = 0;
  std::vector<Field> items;  // object_list: the fields of each element
};

using FieldSpec = std::vector<Field>;

// The same field, required or not: one description serves a POST (required) and a PATCH (not).
inline Field required(Field f, bool is_required = true) {
  f.required = is_required;
  return f;
}

// Parses `body` as a JSON object and checks it against `spec`; the strings of the result are
// trimmed.
Result<nlohmann::json> parse_body(std::string_view body, const FieldSpec& spec);

// Page/per_page from the query string: page >= 1, 1 <= per_page <= 100 (default 25).
Result<Paging> parse_paging(const std::map<std::string, std::string>& query);

// Checks query parameters against a spec (same rules as bodies; values arrive as strings).
// Unknown parameters are refused too, except page and per_page.
Status check_query(const std::map<std::string, std::string>& query, const FieldSpec& spec);

// The day in a date field that parse_body or check_query accepted: nothing when the field is
// absent, null or empty. The checks have refused any other text already.
std::optional<CivilDay> accepted_day(const nlohmann::json& body, const std::string& name);
std::optional<CivilDay> accepted_day(const std::map<std::string, std::string>& query,
                                     const std::string& name);

std::optional<std::int64_t> parse_int(std::string_view text);
bool is_valid_email(std::string_view text);
// The text without leading and trailing white space (ASCII and Unicode spaces).
std::string trim_text(std::string_view text);
// Why no field would accept this text (a control or bidirectional override character), if any.
std::optional<FieldError> forbidden_character(std::string_view text, bool multiline);

// The list envelope every list endpoint answers with.
nlohmann::json list_envelope(nlohmann::json items, std::int64_t total, const Paging& paging);

// JSON Schema for a spec (used by the OpenAPI description, so the two never disagree).
nlohmann::json json_schema(const FieldSpec& spec);

}  // namespace innet
