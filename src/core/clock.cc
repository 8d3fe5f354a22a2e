#include "core/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace innet::clock {

std::int64_t now_seconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string iso_utc(std::int64_t unix_seconds) {
  using namespace std::chrono;
  sys_seconds tp{seconds{unix_seconds}};
  auto day = floor<days>(tp);
  year_month_day ymd{day};
  hh_mm_ss hms{tp - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return buf;
}

std::string now_iso() {
  return iso_utc(now_seconds());
}

std::optional<std::int64_t> parse_iso_utc(std::string_view text) {
  int y, mo, d, h = 0, mi = 0, s = 0;
  std::string t(text);
  int n = std::sscanf(t.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s);
  if (n != 6 && n != 3) return std::nullopt;
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  return sys_days{ymd}.time_since_epoch().count() * 86400LL + h * 3600 + mi * 60 + s;
}

namespace {

std::chrono::sys_days to_days(std::string_view date) {
  using namespace std::chrono;
  auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (date[i] - '0');
    return v;
  };
  return sys_days{year{number(0, 4)} / month{static_cast<unsigned>(number(5, 2))} /
                  day{static_cast<unsigned>(number(8, 2))}};
}

std::string format(std::chrono::year_month_day ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

CivilDay today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return CivilDay(std::chrono::year{local.tm_year + 1900} /
                  std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)} /
                  std::chrono::day{static_cast<unsigned>(local.tm_mday)});
}

std::string add_days(std::string_view date, std::int64_t days) {
  return format(std::chrono::year_month_day{to_days(date) + std::chrono::days{days}});
}

}  // namespace innet::clock
