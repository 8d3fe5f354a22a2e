// Opening hours as HSDS 3.1 keeps them: a schedule is an RFC 5545 recurrence rule split into
// fields (freq, interval, byday, bymonthday, byweekno, byyearday, count, until, dtstart, wkst)
// plus the hours (opens_at, closes_at) and the days it holds for (valid_from, valid_to).
// check_schedule refuses what is not a recurrence; weekly_openings turns the rules that are
// plain weekly hours into the intervals the search index takes (src/search's WeeklyOpening).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_day.h"
#include "core/field_error.h"
#include "directory/records.h"

namespace innet::directory {

// The refusals of one schedule record's fields read together; each field on its own is already
// well formed (check_record). Follows RFC 5545 where HSDS's official example does too: it gives
// a WEEKLY rule a bymonthday and byyearday, and both count and until, which RFC 5545 forbids, so
// those are accepted (and such a rule has no weekly hours: see weekly_openings).
std::vector<std::pair<std::string, FieldError>> check_schedule(const Record& schedule);

struct WeeklyOpening {
  int weekday;        // 0 = Monday .. 6 = Sunday
  int opens_minute;   // minutes after local midnight, 0..1439
  int closes_minute;  // > opens_minute; an evening past midnight is split in two
  std::optional<CivilDay> valid_from, valid_to;  // inclusive; nullopt = unbounded
  bool operator==(const WeeklyOpening&) const = default;
};

// The weekly hours of valid schedule records: a WEEKLY rule, every week (interval 1 or none),
// on plain days (byday), with hours, without count, bymonthday, byweekno or byyearday.
// Anything else (monthly, fortnightly, a finite series) is not a weekly opening and is left out,
// so that "open now" never says yes on a guess. Times are local: an offset on opens_at is not
// applied (the directory's places are in Italy). The validity is valid_from..valid_to narrowed
// by dtstart and until.
std::vector<WeeklyOpening> weekly_openings(const std::vector<Record>& schedules);

}  // namespace innet::directory
