// Screenings of a case and the vulnerability flags they lead to (issue 11 point 2, decision 0031).
// A screening is made with one instrument version, is a draft while answers are saved and is
// completed once (irreversible): an IPSN screening suggests the categories its marked indicators
// point to and the operator confirms or rejects each with a note; a PROTECT screening gives a
// score and a band, and from the version's cut-off suggests torture_violence. Each confirmed
// category becomes a flag; a flag is withdrawn or corrected with a reason, never deleted.
//
// When screenings are due is kept per case in screening_schedules (arrival, first term, when the
// next is owed and its term), refreshed by this module whenever a case's screenings change or its
// section is read, and for an organisation's cases when its inbox is counted, so that the case
// list's filters and the timeliness indicator are plain subqueries over this module's tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/cases.h"
#include "cases/joins.h"
#include "core/civil_day.h"
#include "core/field_error.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "screening/instruments.h"

namespace innet::screening {

const std::vector<std::string>& stages();              // first, periodic, trigger
const std::vector<std::string>& screening_statuses();  // draft, completed
const std::vector<std::string>& flag_statuses();       // active, withdrawn
const std::vector<std::string>& flag_sources();        // screening, manual

struct ScreeningErrors {
  static FieldError completed();  // a completed screening changes no more
  static FieldError not_suggested(const std::string& category);
  static FieldError undecided(const std::string& category);    // a suggestion left without decision
  static FieldError withdrawn();                               // a withdrawn flag changes no more
  static FieldError flag_exists(const std::string& category);  // an active flag of that category
};

// A category the answers point to, with how many marked indicators (IPSN) or the cut-off
// (PROTECT: count 1) suggest it.
struct Suggestion {
  std::string category;
  std::int64_t count = 0;
};

// The operator's decision on a suggestion, at completion.
struct Decision {
  std::string category;
  bool confirmed = false;
  std::optional<std::string> severity;  // confirmed only
  std::optional<std::string> note;      // a narrative: hidden from prefecture officers
};

struct Screening {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t instrument_id = 0;
  std::string instrument_code;
  std::int64_t instrument_version = 0;
  std::string stage;
  std::optional<std::string> trigger_reason;  // a narrative
  std::vector<Answer> answers;
  std::string status = "draft";
  std::int64_t started_by = 0;
  std::string started_at;
  std::string updated_at;
  std::optional<std::int64_t> completed_by;
  std::optional<std::string> completed_at;
  // Derived from the answers with the version's definition, always.
  std::vector<Suggestion> suggestions;
  std::optional<std::int64_t> score;  // protect
  std::optional<std::string> band;    // protect
  bool referral_suggested = false;    // protect: the score reached the cut-off
  std::vector<Decision> decisions;    // completed
};

struct FlagChange {
  std::int64_t id = 0;
  std::string kind;  // correction, withdrawal
  std::optional<std::string> category_before, severity_before;
  std::optional<std::string> category_after, severity_after;
  std::string reason;  // a narrative
  std::int64_t changed_by = 0;
  std::string changed_at;
};

struct Flag {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string category;
  std::string severity;
  std::string identified_on;
  std::int64_t identified_by = 0;
  std::string source;                        // screening or manual
  std::optional<std::int64_t> screening_id;  // source screening
  std::optional<std::string> note;           // a narrative
  std::string status = "active";
  std::vector<FlagChange> changes;
};

// The longest first_due_days the settings accept: a screening owed by today is due at most this
// many days on, which bounds the "due" filter's range of terms.
inline constexpr std::int64_t kMaxFirstDueDays = 90;

// The due screenings' settings: the first within N days of arrival, again every M months.
struct Settings {
  std::int64_t first_due_days = 7;
  std::int64_t rescreen_months = 6;
};

// When the case's next screening is owed and by when; none when nothing is owed (a closed case).
struct Schedule {
  std::int64_t case_id = 0;
  std::string arrival_on;
  std::string first_due_on;
  std::optional<std::string> first_screened_on;
  std::optional<std::string> owed_from;
  std::optional<std::string> due_on;
  std::string state(CivilDay today) const;  // none, upcoming, due, late
};

// What a case's screenings say about its schedule: the first and the last completion, and an
// open screening on a trigger.
struct Done {
  std::optional<CivilDay> first, last, trigger;
};
// The schedule those give: owed from the arrival until a first screening, then M months after
// the last one, or from a trigger's draft at once; the term N days later. Nothing owed when
// closed.
Schedule compute_schedule(std::int64_t case_id, CivilDay arrival, bool closed, const Done& done,
                          const Settings& s);

// The outcome of answers with a version: suggestions, score, band.
void evaluate(const InstrumentVersion& v, Screening& s);

// Starts a draft (the version must be current: 422 instrument_retired otherwise); `stage` trigger
// needs a reason.
Result<Screening> start_screening(db::Connection& conn, const Screening& s);
Result<Screening> find_screening(db::Connection& conn, std::int64_t id);
Result<std::vector<Screening>> screenings_of(db::Connection& conn, std::int64_t case_id);
// Saves a draft's answers; `version_id` is the version the caller answered (422 other_version,
// instrument_retired, unknown_code; 409 completed).
Result<Screening> save_answers(db::Connection& conn, std::int64_t id, std::int64_t version_id,
                               const std::vector<Answer>& answers, const std::string& now);
// Completes a draft with a decision on every suggestion (422 not_suggested, undecided; severity
// and note required), and makes a flag of each confirmed category (an active flag of the same
// category is left as it is).
Result<Screening> complete_screening(db::Connection& conn, std::int64_t id, std::int64_t version_id,
                                     const std::vector<Decision>& decisions, std::int64_t user_id,
                                     CivilDay today, const std::string& now);

// A manual flag (409 flag_exists when the category has an active one).
Result<Flag> add_flag(db::Connection& conn, const Flag& f);
Result<Flag> find_flag(db::Connection& conn, std::int64_t id);
Result<std::vector<Flag>> flags_of(db::Connection& conn, std::int64_t case_id);
Result<Flag> withdraw_flag(db::Connection& conn, std::int64_t id, const std::string& reason,
                           std::int64_t user_id, const std::string& now);
Result<Flag> correct_flag(db::Connection& conn, std::int64_t id,
                          const std::optional<std::string>& category,
                          const std::optional<std::string>& severity, const std::string& reason,
                          std::int64_t user_id, const std::string& now);

Result<Settings> settings(db::Connection& conn);
// Changes the settings and recomputes every case's terms.
Status set_settings(db::Connection& conn, const Settings& s, std::int64_t user_id,
                    const std::string& now);

// The arrival a case's terms count from: the start of the person's first stay (reception), or
// the case's opening when the person never stayed in a centre.
Result<CivilDay> arrival_of(db::Connection& conn, const cases::Case& c);

// The case's schedule as its screenings give it now, without storing it (a case whose schedule
// was never written reads the same as after).
Result<Schedule> current_schedule(db::Connection& conn, const cases::Case& c, CivilDay arrival,
                                  const Settings& s);
// Recomputes a case's schedule from its screenings; `arrival` is the start of the person's first
// stay, or the case's opening.
Result<Schedule> refresh_schedule(db::Connection& conn, const cases::Case& c, CivilDay arrival,
                                  const Settings& s);
// Writes the schedules of those cases that have none (cases opened since), leaving any that a
// concurrent request wrote meanwhile.
Status schedule_missing(db::Connection& conn, const std::vector<cases::Case>& cases,
                        const Settings& s);
Result<std::optional<Schedule>> find_schedule(db::Connection& conn, std::int64_t case_id);
// The case ids among `ids` that have a schedule already.
Result<std::vector<std::int64_t>> scheduled_among(db::Connection& conn,
                                                  const std::vector<std::int64_t>& ids);
// The terms owed today among the cases `open` selects (cases::open_cases_of: one column, id),
// each an SQL statement over those cases' schedules, not a read of every case: the tasks inbox
// counts them at every page of the web app. Cases without a schedule yet (opened since) count
// only once schedule_missing has written theirs: unscheduled_in finds them.
struct Owed {
  std::int64_t total = 0;
  std::int64_t late = 0;  // term passed
};
Result<std::vector<std::int64_t>> unscheduled_in(db::Connection& conn, const db::Subquery& open);
Result<Owed> count_owed(db::Connection& conn, const db::Subquery& open, CivilDay today);
// The first `limit` owed, term first (then by case).
Result<std::vector<Schedule>> owed_in(db::Connection& conn, const db::Subquery& open,
                                      CivilDay today, std::int64_t limit);

// The case list's filters: the cases with an active flag of a category; with a screening due
// (owed, term not passed) or late (term passed).
db::Subquery cases_flagged(const std::string& category);
// A person merge joins one case into another (cases/joins.h): the screenings and flags move
// with it; its terms move only to a case that has none (a case has one schedule).
cases::CaseRecords joined_case_records();
db::Subquery cases_due(const std::string& value, CivilDay today);
// The persons with an active flag of this severity (any category), as a subquery of one column
// (person_id): what the risk ranking counts among each centre's guests (monitoring, decision
// 0022), never reading a flag or a case itself.
db::Subquery persons_flagged(const std::string& severity);

// The share of arrivals screened within the term, by month of arrival (no person, no case).
struct Timeliness {
  std::string month;
  std::int64_t arrivals = 0;
  std::int64_t screened_in_time = 0;
  std::int64_t screened_late = 0;
  std::int64_t not_screened = 0;
};
Result<std::vector<Timeliness>> timeliness(db::Connection& conn, CivilMonth from, CivilMonth to);

// Bulk writers for generated data (the national seed): no rule checked, the caller guarantees
// them; ids are set.
Status insert_screenings(db::Connection& conn, std::vector<Screening>& screenings);
Status insert_flags(db::Connection& conn, std::vector<Flag>& flags);
Status insert_schedules(db::Connection& conn, const std::vector<Schedule>& schedules);

CivilDay plus_months(CivilDay day, std::int64_t months);

std::vector<db::Migration> migrations(db::Engine engine);

}  // namespace innet::screening
