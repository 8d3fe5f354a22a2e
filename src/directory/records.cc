#include "directory/records.h"

#include <cctype>
#include <cstdint>

#include "core/civil_day.h"
#include "core/json_input.h"
#include "directory/schedule.h"

namespace innet::directory {
namespace {

bool digits(std::string_view s, std::size_t from, std::size_t count) {
  if (s.size() < from + count) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// "HH:MM" or "HH:MM:SS" at the start of `s`; returns the characters read, 0 when none.
std::size_t clock_time(std::string_view s) {
  if (!digits(s, 0, 2) || s.size() < 5 || s[2] != ':' || !digits(s, 3, 2)) return 0;
  if ((s[0] - '0') * 10 + (s[1] - '0') > 23 || s[3] > '5') return 0;
  if (s.size() >= 8 && s[5] == ':' && digits(s, 6, 2)) return s[6] <= '5' ? 8 : 0;
  return 5;
}

// "", "Z", "+HH:MM" or "-HH:MM" (the whole of `s`).
bool zone(std::string_view s) {
  if (s.empty() || s == "Z") return true;
  return s.size() == 6 && (s[0] == '+' || s[0] == '-') && digits(s, 1, 2) && s[3] == ':' &&
         digits(s, 4, 2);
}

}  // namespace

const std::optional<std::string>& Record::value(std::string_view field) const {
  return values.at(table->index_of(field).value());
}

void Record::set(std::string_view field, std::optional<std::string> value) {
  values.at(table->index_of(field).value()) = std::move(value);
}

Rejection reject(const Record& record, std::string_view field, FieldError reason) {
  return {record.file, record.row, record.path + std::string(field), std::move(reason)};
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

bool is_uri(std::string_view s) {
  // RFC 3986: a scheme (a letter, then letters, digits, + - .), a colon, and no spaces or
  // control characters. That is all "format": "uri" promises.
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == s.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  for (unsigned char c : s)
    if (c <= ' ' || c == 0x7f) return false;
  return true;
}

bool is_time(std::string_view s) {
  auto n = clock_time(s);
  return n > 0 && zone(s.substr(n));
}

bool is_timestamp(std::string_view s) {
  if (s.size() < 20 || !CivilDay::parse(s.substr(0, 10)) || s[10] != 'T') return false;
  auto rest = s.substr(11);
  if (clock_time(rest) != 8) return false;
  rest = rest.substr(8);
  if (!rest.empty() && rest[0] == '.') {
    std::size_t n = 1;
    while (n < rest.size() && std::isdigit(static_cast<unsigned char>(rest[n]))) ++n;
    if (n == 1) return false;
    rest = rest.substr(n);
  }
  return !rest.empty() && zone(rest);
}

bool is_number(std::string_view s) {
  // JSON's number grammar: what the CSV cell must hold to become a JSON number on export.
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  if (i == s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  if (s[i] == '0' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))
    return false;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i < s.size() && s[i] == '.') {
    if (++i == s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    if (++i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i == s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  }
  return i == s.size();
}

bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;  // continuation bytes
    std::uint32_t code = 0;
    if ((c >> 5) == 0x6) {
      n = 1;
      code = c & 0x1f;
    } else if ((c >> 4) == 0xe) {
      n = 2;
      code = c & 0x0f;
    } else if ((c >> 3) == 0x1e) {
      n = 3;
      code = c & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= n) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d >> 6) != 0x2) return false;
      code = (code << 6) | (d & 0x3f);
    }
    // Overlong forms, surrogates and values above U+10FFFF are not UTF-8.
    static constexpr std::uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
    if (code < kMinimum[n] || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return false;
    i += n + 1;
  }
  return true;
}

std::optional<FieldError> check_value(const Field& field, std::string_view text) {
  switch (field.kind) {
    case Kind::text:
      return std::nullopt;
    case Kind::uuid:
      if (!is_uuid(text)) return FieldError::wrong_type("uuid");
      return std::nullopt;
    case Kind::email:
      if (!is_valid_email(text)) return FieldError::invalid_email();
      return std::nullopt;
    case Kind::uri:
      if (!is_uri(text)) return FieldError::wrong_type("uri");
      return std::nullopt;
    case Kind::date:
      if (!CivilDay::parse(text)) return FieldError::wrong_type("date");
      return std::nullopt;
    case Kind::time:
      if (!is_time(text)) return FieldError::wrong_type("time");
      return std::nullopt;
    case Kind::datetime:
      if (!is_timestamp(text)) return FieldError::wrong_type("timestamp");
      return std::nullopt;
    case Kind::number:
      if (!is_number(text)) return FieldError::wrong_type("number");
      return std::nullopt;
    case Kind::choice:
      for (auto c : field.choices)
        if (c == text) return std::nullopt;
      return FieldError::not_in_list({field.choices.begin(), field.choices.end()});
  }
  return std::nullopt;
}

void check_record(const Record& record, std::vector<Rejection>& out) {
  const auto& fields = record.table->fields;
  bool all_valid = true;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& v = record.values[i];
    if (!v) {
      if (fields[i].required) {
        out.push_back(reject(record, fields[i].name, FieldError::required()));
        all_valid = false;
      }
      continue;
    }
    if (!is_utf8(*v)) {
      out.push_back(reject(record, fields[i].name, FieldError::wrong_type("utf8")));
      all_valid = false;
    } else if (auto why = check_value(fields[i], *v)) {
      out.push_back(reject(record, fields[i].name, std::move(*why)));
      all_valid = false;
    }
  }
  // The recurrence rules read the fields together, so only once each is well formed.
  if (all_valid && record.table->name == "schedule")
    for (auto& [field, why] : check_schedule(record))
      out.push_back(reject(record, field, std::move(why)));
}

}  // namespace innet::directory
