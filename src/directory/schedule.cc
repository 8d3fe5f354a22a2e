#include "directory/schedule.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace innet::directory {
namespace {

const std::vector<std::string> kDays = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::vector<std::string_view> items(std::string_view list) {
  std::vector<std::string_view> out;
  while (true) {
    auto comma = list.find(',');
    auto item = list.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    out.push_back(item);
    if (comma == std::string_view::npos) return out;
    list.remove_prefix(comma + 1);
  }
}

std::optional<double> number(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

std::optional<long> whole(std::string_view text) {
  long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

int weekday_of(std::string_view code) {
  auto it = std::find(kDays.begin(), kDays.end(), code);
  return it == kDays.end() ? -1 : static_cast<int>(it - kDays.begin());
}

// A count of something (interval, count): a whole number from 1.
std::optional<FieldError> positive_whole(const std::optional<std::string>& text) {
  auto n = number(text);
  if (!n) return std::nullopt;  // absent (a malformed number was refused before)
  if (*n != std::floor(*n)) return FieldError::wrong_type("integer");
  if (*n < 1) return FieldError::below_minimum(1);
  return std::nullopt;
}

// A list of signed ordinals, none zero, within -limit..limit (bymonthday, byweekno, byyearday).
std::optional<FieldError> ordinals(const std::optional<std::string>& text, long limit) {
  if (!text) return std::nullopt;
  for (auto item : items(*text)) {
    if (!item.empty() && item.front() == '+') item.remove_prefix(1);
    auto n = whole(item);
    if (!n) return FieldError::wrong_type("integer_list");
    if (*n == 0 || *n < -limit || *n > limit)
      return FieldError::out_of_range(-static_cast<double>(limit), static_cast<double>(limit));
  }
  return std::nullopt;
}

int minute_of(const std::string& time) {
  return ((time[0] - '0') * 10 + (time[1] - '0')) * 60 + (time[3] - '0') * 10 + (time[4] - '0');
}

}  // namespace

std::vector<std::pair<std::string, FieldError>> check_schedule(const Record& s) {
  std::vector<std::pair<std::string, FieldError>> out;
  const auto& freq = s.value("freq");
  for (auto part :
       {"interval", "byday", "bymonthday", "byweekno", "byyearday", "count", "until", "wkst"})
    if (s.value(part) && !freq) {
      out.emplace_back("freq", FieldError::required());
      break;
    }
  for (auto part : {"interval", "count"})
    if (auto why = positive_whole(s.value(part))) out.emplace_back(part, std::move(*why));
  if (auto tz = number(s.value("timezone")); tz && (*tz < -12 || *tz > 14))
    out.emplace_back("timezone", FieldError::out_of_range(-12, 14));
  if (const auto& byday = s.value("byday")) {
    for (auto item : items(*byday)) {
      // "MO", or in a MONTHLY rule "2MO" (the second Monday) and "-1FR" (the last Friday).
      auto day = item.size() >= 2 ? item.substr(item.size() - 2) : item;
      auto ordinal = item.substr(0, item.size() - day.size());
      if (weekday_of(day) < 0) {
        out.emplace_back("byday", FieldError::not_in_list(kDays));
        break;
      }
      if (ordinal.empty()) continue;
      if (!ordinal.empty() && ordinal.front() == '+') ordinal.remove_prefix(1);
      auto n = whole(ordinal);
      if (!n || *n == 0 || *n < -5 || *n > 5) {
        out.emplace_back("byday", FieldError::out_of_range(-5, 5));
        break;
      }
      if (freq != "MONTHLY") {
        // An ordinal only in a MONTHLY rule: a WEEKLY rule's days are the plain ones.
        out.emplace_back("byday", FieldError::not_in_list(kDays));
        break;
      }
    }
  }
  if (auto why = ordinals(s.value("bymonthday"), 31)) out.emplace_back("bymonthday", *why);
  if (auto why = ordinals(s.value("byweekno"), 53)) out.emplace_back("byweekno", *why);
  if (auto why = ordinals(s.value("byyearday"), 366)) out.emplace_back("byyearday", *why);
  const auto& opens = s.value("opens_at");
  const auto& closes = s.value("closes_at");
  if (opens.has_value() != closes.has_value())
    out.emplace_back(opens ? "closes_at" : "opens_at",
                     FieldError::both_or_neither(opens ? "opens_at" : "closes_at"));
  // Dates compare as their ISO text.
  if (s.value("valid_from") && s.value("valid_to") && *s.value("valid_to") < *s.value("valid_from"))
    out.emplace_back("valid_to", FieldError::before_other("valid_from"));
  if (s.value("dtstart") && s.value("until") && *s.value("until") < *s.value("dtstart"))
    out.emplace_back("until", FieldError::before_other("dtstart"));
  return out;
}

std::vector<WeeklyOpening> weekly_openings(const std::vector<Record>& schedules) {
  std::vector<WeeklyOpening> out;
  for (const auto& s : schedules) {
    if (s.value("freq") != "WEEKLY" || !s.value("byday") || !s.value("opens_at") ||
        !s.value("closes_at"))
      continue;
    if (auto interval = number(s.value("interval")); interval && *interval != 1) continue;
    if (s.value("count") || s.value("bymonthday") || s.value("byweekno") || s.value("byyearday"))
      continue;
    auto day = [&](const char* field) -> std::optional<CivilDay> {
      const auto& text = s.value(field);
      return text ? CivilDay::parse(*text) : std::nullopt;
    };
    std::optional<CivilDay> from = day("valid_from"), to = day("valid_to");
    if (auto start = day("dtstart"); start && (!from || *start > *from)) from = start;
    if (auto until = day("until"); until && (!to || *until < *to)) to = until;
    const int opens = minute_of(*s.value("opens_at"));
    const int closes = minute_of(*s.value("closes_at"));
    if (opens == closes) continue;
    for (auto item : items(*s.value("byday"))) {
      const int weekday = weekday_of(item);
      if (weekday < 0) continue;  // an ordinal: not in a valid WEEKLY rule
      if (closes > opens) {
        out.push_back({weekday, opens, closes, from, to});
      } else {  // past midnight: the evening, then the early hours of the next day
        out.push_back({weekday, opens, 24 * 60, from, to});
        if (closes > 0) out.push_back({(weekday + 1) % 7, 0, closes, from, to});
      }
    }
  }
  return out;
}

}  // namespace innet::directory
