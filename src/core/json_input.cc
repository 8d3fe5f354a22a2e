#include "core/json_input.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <tuple>

namespace innet {
namespace {

using Problem = std::optional<FieldError>;
using Problems = std::map<std::string, FieldError>;

constexpr std::int64_t kMaxPage = 1000000;
constexpr std::int64_t kMaxPerPage = 100;

// A page number or size: an integer from 1 to max.
Problem check_page_number(std::optional<std::int64_t> v, std::int64_t max) {
  if (!v) return FieldError::wrong_type("integer");
  if (*v < 1) return FieldError::below_minimum(1);
  if (*v > max) return FieldError::above_maximum(max);
  return {};
}

FieldError wrong_type(FieldType type) {
  switch (type) {
    case FieldType::string:
      return FieldError::wrong_type("string");
    case FieldType::integer:
      return FieldError::wrong_type("integer");
    case FieldType::boolean:
      return FieldError::wrong_type("boolean");
    case FieldType::email:
      return FieldError::wrong_type("email");
    case FieldType::date:
      return FieldError::wrong_type("date");
    case FieldType::number:
      return FieldError::wrong_type("number");
    case FieldType::string_list:
      return FieldError::wrong_type("string_list");
    case FieldType::integer_list:
      return FieldError::wrong_type("integer_list");
    case FieldType::object_list:
      return FieldError::wrong_type("object_list");
  }
  return FieldError::wrong_type("value");
}

// Characters as people count them (Unicode code points), not bytes: "à" is one character. The
// input is valid UTF-8 by now (the parser refuses anything else).
std::size_t characters(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The code point starting at s[i] (valid UTF-8) and its length in bytes.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + n > s.size()) return {0xFFFD, 1};
  char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return {c, n};
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

// Returns why a string value is unacceptable, or nothing when it is fine.
Problem check_string(const Field& f, const std::string& s) {
  if (auto reason = f.verbatim ? Problem() : forbidden_character(s, f.multiline)) return reason;
  const std::size_t length = characters(s);
  if (length > f.max_length) return FieldError::too_long(std::int64_t(f.max_length));
  if (length < f.min_length) return FieldError::too_short(std::int64_t(f.min_length));
  if (f.type == FieldType::email && !is_valid_email(s)) return FieldError::invalid_email();
  if (f.type == FieldType::date) {
    const CivilDay earliest = f.earliest_day.value_or(kEarliestDay);
    const auto day = CivilDay::parse(s);
    if (!day || *day < earliest)
      return FieldError::date_out_of_range(earliest.to_string(), kLatestDay.to_string());
  }
  if (f.digits_only) {
    bool digits = std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (f.exact_length && (!digits || s.size() != f.exact_length))
      return FieldError::exact_length(std::int64_t(f.exact_length));
    if (!digits) return FieldError::digits_only();
  }
  if (!f.allowed.empty() && std::find(f.allowed.begin(), f.allowed.end(), s) == f.allowed.end())
    return FieldError::not_in_list(f.allowed);
  return {};
}

Problem check_integer(const Field& f, const nlohmann::json& v) {
  if (!v.is_number_integer()) return FieldError::wrong_type("integer");
  if (v.get<std::int64_t>() < f.min_value) return FieldError::below_minimum(f.min_value);
  if (v.get<std::int64_t>() > f.max_value) return FieldError::above_maximum(f.max_value);
  return {};
}

void check_object(nlohmann::json& doc, const FieldSpec& spec, const std::string& prefix,
                  Problems& problems);

// Body strings are checked as the caller will store them: trimmed.
Problem check_trimmed(const Field& f, nlohmann::json& v) {
  if (!v.is_string()) return wrong_type(f.type);
  if (!f.verbatim) v = trim_text(v.get_ref<const std::string&>());
  return check_string(f, v.get_ref<const std::string&>());
}

// Lists: the list itself, then each element (named "field[3]", or "field[3].member"; a list
// inside a list's element keeps the outer name: "steps[1].names[0].language").
Problem check_list(const Field& f, nlohmann::json& v, Problems& problems,
                   const std::string& prefix) {
  if (!v.is_array()) return wrong_type(f.type);
  if (v.size() > f.max_items) return FieldError::too_many_items(std::int64_t(f.max_items));
  if (v.size() < f.min_items) return FieldError::too_few_items(std::int64_t(f.min_items));
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string name = prefix + f.name + "[" + std::to_string(i) + "]";
    auto& item = v[i];
    Problem reason;
    if (f.type == FieldType::integer_list) {
      reason = check_integer(f, item);
    } else if (f.type == FieldType::string_list) {
      reason = item.is_string() ? check_trimmed(f, item) : FieldError::wrong_type("string");
    } else if (!item.is_object()) {
      reason = FieldError::wrong_type("object");
    } else {
      check_object(item, f.items, name + ".", problems);
    }
    if (reason) problems[name] = std::move(*reason);
  }
  return {};
}

Problem check_value(const Field& f, nlohmann::json& v, Problems& problems,
                    const std::string& prefix) {
  if (v.is_null()) return f.nullable ? Problem() : FieldError::null_not_allowed();
  switch (f.type) {
    case FieldType::integer:
      return check_integer(f, v);
    case FieldType::number:
      if (!v.is_number()) return FieldError::wrong_type("number");
      if (v.get<double>() < f.min_number || v.get<double>() > f.max_number)
        return FieldError::out_of_range(f.min_number, f.max_number);
      return {};
    case FieldType::string_list:
    case FieldType::integer_list:
    case FieldType::object_list:
      return check_list(f, v, problems, prefix);
    case FieldType::boolean:
      return v.is_boolean() ? Problem() : wrong_type(f.type);
    default:
      return check_trimmed(f, v);
  }
}

void check_object(nlohmann::json& doc, const FieldSpec& spec, const std::string& prefix,
                  Problems& problems) {
  for (auto& [key, value] : doc.items()) {
    auto f = std::find_if(spec.begin(), spec.end(),
                          [&name = key](const Field& x) { return x.name == name; });
    if (f == spec.end()) {
      problems[prefix + key] = FieldError::unknown_field();
      continue;
    }
    if (auto reason = check_value(*f, value, problems, prefix))
      problems[prefix + key] = std::move(*reason);
  }
  for (const auto& f : spec)
    if (f.required && !doc.contains(f.name)) problems[prefix + f.name] = FieldError::required();
}

Error validation_error(Problems fields) {
  Error e =
      Error::make(ErrorKind::invalid_input, "validation_failed", "the request has invalid fields");
  e.fields = std::move(fields);
  return e;
}

}  // namespace

Result<nlohmann::json> parse_body(std::string_view body, const FieldSpec& spec) {
  // parse() with allow_exceptions=false yields a discarded value on malformed JSON,
  // including strings that are not valid UTF-8.
  nlohmann::json doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    return Error::make(ErrorKind::invalid_input, "invalid_json",
                       "the body is not valid JSON (UTF-8)");
  if (!doc.is_object())
    return Error::make(ErrorKind::invalid_input, "invalid_json", "the body must be a JSON object");

  Problems problems;
  check_object(doc, spec, "", problems);
  if (!problems.empty()) return validation_error(std::move(problems));
  return doc;
}

Status check_query(const std::map<std::string, std::string>& query, const FieldSpec& spec) {
  Problems problems;
  for (const auto& [key, value] : query) {
    if (key == "page" || key == "per_page") continue;
    auto f = std::find_if(spec.begin(), spec.end(),
                          [&name = key](const Field& x) { return x.name == name; });
    if (f == spec.end()) {
      problems[key] = FieldError::unknown_parameter();
      continue;
    }
    if (f->type == FieldType::integer) {
      // The bounds too: the document promises them for queries as for bodies.
      const auto n = parse_int(value);
      if (!n)
        problems[key] = FieldError::wrong_type("integer");
      else if (auto reason = check_integer(*f, nlohmann::json(*n)))
        problems[key] = std::move(*reason);
    } else if (f->type == FieldType::boolean) {
      if (value != "true" && value != "false")
        problems[key] = FieldError::wrong_type("true_or_false");
    } else if (f->type == FieldType::number) {
      auto v = nlohmann::json::parse(value, nullptr, false);
      if (v.is_discarded() || !v.is_number()) problems[key] = FieldError::wrong_type("number");
    } else if (auto reason = check_string(*f, value)) {
      problems[key] = std::move(*reason);
    }
  }
  for (const auto& f : spec)
    if (f.required && !query.count(f.name)) problems[f.name] = FieldError::required();
  if (!problems.empty()) return validation_error(std::move(problems));
  return Status::success();
}

Result<Paging> parse_paging(const std::map<std::string, std::string>& query) {
  Paging p;
  Problems problems;
  for (auto [name, max, target] :
       {std::tuple{"page", kMaxPage, &p.page}, std::tuple{"per_page", kMaxPerPage, &p.per_page}}) {
    auto it = query.find(name);
    if (it == query.end()) continue;
    if (auto problem = check_page_number(parse_int(it->second), max))
      problems[name] = std::move(*problem);
    else
      *target = *parse_int(it->second);
  }
  if (!problems.empty()) return validation_error(std::move(problems));
  return p;
}

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

bool is_valid_email(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos)
    return false;
  auto domain = s.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  return std::none_of(s.begin(), s.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; });
}

std::string trim_text(std::string_view s) {
  std::size_t begin = 0, end = s.size();
  while (begin < end) {
    auto [c, n] = decode(s, begin);
    if (!is_space(c)) break;
    begin += n;
  }
  while (end > begin) {
    std::size_t start = end - 1;  // back to the first byte of the last code point
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (!is_space(decode(s, start).first)) break;
    end = start;
  }
  return std::string(s.substr(begin, end - begin));
}

std::optional<FieldError> forbidden_character(std::string_view s, bool multiline) {
  for (std::size_t i = 0; i < s.size();) {
    auto [c, n] = decode(s, i);
    i += n;
    const bool line_break = c == '\n' || c == '\r' || c == '\t';
    if ((c < 0x20 && !(multiline && line_break)) || (c >= 0x7F && c <= 0x9F))
      return FieldError::control_characters();
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
      return FieldError::bidi_characters();
  }
  return {};
}

std::optional<CivilDay> accepted_day(const nlohmann::json& body, const std::string& name) {
  auto it = body.find(name);
  if (it == body.end() || !it->is_string()) return std::nullopt;
  return CivilDay::parse(it->get_ref<const std::string&>());
}

std::optional<CivilDay> accepted_day(const std::map<std::string, std::string>& query,
                                     const std::string& name) {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return CivilDay::parse(it->second);
}

nlohmann::json list_envelope(nlohmann::json items, std::int64_t total, const Paging& paging) {
  return {{"items", std::move(items)},
          {"total", total},
          {"page", paging.page},
          {"per_page", paging.per_page}};
}

namespace {

nlohmann::json string_schema(const Field& f, nlohmann::json p) {
  p["maxLength"] = f.max_length;
  if (f.min_length) p["minLength"] = f.min_length;
  if (!f.allowed.empty()) p["enum"] = f.allowed;
  if (f.digits_only && f.exact_length)
    p["pattern"] = "^[0-9]{" + std::to_string(f.exact_length) + "}$";
  return p;
}

nlohmann::json integer_schema(const Field& f) {
  nlohmann::json p = {{"type", "integer"}};
  if (f.min_value != INT64_MIN) p["minimum"] = f.min_value;
  if (f.max_value != INT64_MAX) p["maximum"] = f.max_value;
  return p;
}

}  // namespace

nlohmann::json json_schema(const FieldSpec& spec) {
  nlohmann::json props = nlohmann::json::object();
  nlohmann::json required = nlohmann::json::array();
  for (const auto& f : spec) {
    nlohmann::json p;
    switch (f.type) {
      case FieldType::integer:
        p = integer_schema(f);
        break;
      case FieldType::number:
        p = {{"type", "number"}, {"minimum", f.min_number}, {"maximum", f.max_number}};
        break;
      case FieldType::string_list:
        p = {{"type", "array"}, {"items", string_schema(f, {{"type", "string"}})}};
        break;
      case FieldType::integer_list:
        p = {{"type", "array"}, {"items", integer_schema(f)}};
        break;
      case FieldType::object_list:
        p = {{"type", "array"}, {"items", json_schema(f.items)}};
        break;
      case FieldType::boolean:
        p["type"] = "boolean";
        break;
      case FieldType::email:
        p = string_schema(f, {{"type", "string"}, {"format", "email"}});
        break;
      case FieldType::date:
        p = {{"type", "string"},
             {"format", "date"},
             {"x-earliest", f.earliest_day.value_or(kEarliestDay).to_string()},
             {"x-latest", kLatestDay.to_string()}};
        break;
      case FieldType::string:
        p = string_schema(f, {{"type", "string"}});
        break;
    }
    if (p["type"] == "array") {
      p["maxItems"] = f.max_items;
      if (f.min_items) p["minItems"] = f.min_items;
    }
    if (!f.description.empty()) p["description"] = f.description;
    if (f.nullable) p["type"] = nlohmann::json::array({p["type"], "null"});
    props[f.name] = p;
    if (f.required) required.push_back(f.name);
  }
  nlohmann::json schema = {
      {"type", "object"}, {"additionalProperties", false}, {"properties", props}};
  if (!required.empty()) schema["required"] = required;
  return schema;
}

}  // namespace innet
