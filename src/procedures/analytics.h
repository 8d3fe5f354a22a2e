// Bottleneck analytics of the procedures (issue 13 point 3; decision 0044): for a period and
// optionally one procedure, per procedure and per step, how many files entered the step, how long
// files stayed in it (median and 90th percentile of the stays that ended in the period), how many
// are in it now and how many of those are past their legal term now; per procedure the backlog
// trend (open files, and files past their term, at the end of each month). Aggregates only:
// no name, no protocol number, no file id ever leaves this file.
//
// The counts and the durations' histograms are SQL on both engines (GROUP BY, no percentile
// function: SQLite has none); the percentiles are picked here from the histogram of whole days,
// whose size is bounded by the number of distinct durations, not by the number of files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"

namespace innet::procedures {

struct StepFigures {
  std::int64_t position = 0;  // the catalogue's; steps no longer in it come last
  std::string code;
  std::string name;
  std::string office;
  // Counts are null when hidden as a small group (suppress_small_groups).
  std::optional<std::int64_t> entered;      // files that entered the step in the period
  std::optional<std::int64_t> stays;        // stays in the step that ended in the period
  std::optional<std::int64_t> median_days;  // of those stays; null: none, or too few shown
  std::optional<std::int64_t> p90_days;
  std::optional<std::int64_t> backlog;        // open files in the step now
  std::optional<std::int64_t> past_deadline;  // of those, past their legal term now
};

struct TrendPoint {
  std::string on;  // the month's last day, or the period's end in its last month
  std::optional<std::int64_t> open;
  std::optional<std::int64_t> past_deadline;
};

struct ProcedureFigures {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::vector<StepFigures> steps;
  std::vector<TrendPoint> trend;
};

struct Analytics {
  std::string from;
  std::string to;
  std::string today;                      // "now" of the backlog and the past-deadline counts
  std::optional<std::int64_t> min_group;  // none: every count is shown
  std::vector<ProcedureFigures> procedures;
};

struct AnalyticsQuery {
  CivilDay from;
  CivilDay to;  // not after today
  std::optional<std::int64_t> procedure_id;
};

// The last day of each month from `from`'s month to `to`'s, the last one `to` itself.
std::vector<CivilDay> trend_points(CivilDay from, CivilDay to);

// Nearest-rank percentile (no interpolation: a duration that happened) of the durations counted
// in `histogram` (days -> how many stays, in increasing days): for an even count the median is
// the lower of the two middle stays. None for an empty histogram.
std::optional<std::int64_t> percentile(
    const std::vector<std::pair<std::int64_t, std::int64_t>>& histogram, double p);

// Procedures migration 7: each step of a file keeps its file's procedure and the day its stay
// ended (`left_on`: the next step's day, or the decision's on the last step; null while the file
// is in it), kept by triggers on the inserts of steps and the decisions of files, whoever writes
// them (files.cc, the seeds); filled for the files already there. With them and their indexes,
// the step figures read one index range each instead of joining steps to steps and files.
db::Migration analytics_migration(db::Engine engine);

// Every procedure of the catalogue (or the one asked), its steps in order, exact counts.
Result<Analytics> compute_analytics(db::Connection& conn, const AnalyticsQuery& q, CivilDay today);

// The smallest group shown to a reader without procedure_analytics.small_groups: as for the
// referrals' metrics (decision 0036), 5, the statistical offices' usual threshold. A count of 1
// to 4 files in one step (or one month) can point at a person whose file the reader knows of.
inline constexpr std::int64_t kAnalyticsMinGroup = 5;

// Every count from 1 to min_group - 1 becomes null, and the durations of a step with fewer than
// min_group ended stays too. Zero stays zero: it singles out nobody.
void suppress_small_groups(Analytics& a, std::int64_t min_group);

}  // namespace innet::procedures
