// Absences without notice and what the Prefettura decides about them (art. 23 d.lgs. 142/2015).
// A run of unjustified absence is a sequence of consecutive register days on which a guest of a
// centre has an effective absence with the reason "unauthorised" (left without notice). The other
// reasons do not count: authorised_leave and hospitalised are justified by definition, and
// "other" carries a note the operator judged not to be an absence without notice.
// The register is kept by day, so a run of n days is n x 24 hours. When a run reaches the
// threshold (Settings::absence_notice_hours, 72 by default: practice, not law, so configurable),
// a notice to the Prefettura (segnalazione di allontanamento) is drafted; the operator's staff
// send it; the Prefettura records one decision: no measure, a reduction (pocket money suspended
// over [measure_from, measure_until), 30 days to 6 months, L. 50/2023) or the revocation of
// reception (decree number and date; the placement ends on the decree date).
// A decision on a person with a confirmed vulnerability needs a recorded review of it (art. 23
// c.2): the people module will answer through set_vulnerability_check(); until it does, no
// person is reported vulnerable and the review is optional (nothing is faked).
// History is kept: a notice is drafted once per run, sent once, decided once.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"

namespace innet::reception {

inline constexpr int kDefaultAbsenceNoticeHours = 72;
// How far back a run is followed: longer runs are counted as this long (a guest away for six
// months has long been notified).
inline constexpr std::int64_t kLongestRunDays = 184;

// A reduction's period (L. 50/2023): `until`, the first day after it, 30 days to 6 months after
// `from`; otherwise 422 measure_period naming `until_field`, with the earliest and latest allowed.
Status check_measure_period(CivilDay from, CivilDay until, const std::string& until_field);

// The absence reasons that count towards a run.
bool unjustified_reason(const std::string& reason);

struct AbsenceRun {
  std::int64_t person_id = 0;
  std::int64_t centre_id = 0;
  std::string first_day;
  std::string last_day;  // included
  std::int64_t days = 0;
  std::int64_t hours() const { return days * 24; }
};

// The run of the person at the centre that contains `day`, if the person was absent without
// notice that day. Follows recorded days up to `today`.
Result<std::optional<AbsenceRun>> run_containing(db::Connection& conn, std::int64_t centre_id,
                                                 std::int64_t person_id, CivilDay day,
                                                 CivilDay today);
// The runs containing `day` of every guest of the centre absent without notice that day.
Result<std::map<std::int64_t, AbsenceRun>> runs_on(db::Connection& conn, std::int64_t centre_id,
                                                   CivilDay day, CivilDay today);

const std::vector<std::string>& measure_outcomes();  // no_measure, reduction, revocation

struct Decision {
  std::int64_t id = 0;
  std::int64_t notice_id = 0;
  std::string outcome;
  std::optional<std::string> measure_from;   // reduction: first day of the suspension
  std::optional<std::string> measure_until;  // reduction: first day after it
  std::optional<std::string> decree_number;  // revocation
  std::optional<std::string> decree_date;    // revocation: the placement ends that day
  std::optional<std::string> vulnerability_review;
  std::optional<std::string> vulnerability_reviewer;
  std::optional<std::string> note;
  std::int64_t decided_by = 0;
  std::string decided_at;
};

struct Notice {
  std::int64_t id = 0;
  std::int64_t placement_id = 0;
  std::int64_t person_id = 0;
  std::int64_t centre_id = 0;
  std::string first_day;  // of the run
  std::string last_day;   // the day the run reached the threshold
  std::int64_t hours = 0;
  std::string drafted_at;
  std::optional<std::string> sent_at;
  std::optional<std::int64_t> sent_by;
  std::optional<std::string> sent_note;
  std::optional<Decision> decision;

  // draft, sent (awaiting the Prefettura's decision), decided
  std::string status() const { return decision ? "decided" : sent_at ? "sent" : "draft"; }
};

// After an absence was recorded: drafts a notice when the run containing `day` reaches
// `threshold_hours` and no notice of the same placement covers any day of that run yet.
// Returns the notice drafted, if any.
Result<std::optional<Notice>> draft_notice_if_due(db::Connection& conn, std::int64_t centre_id,
                                                  std::int64_t person_id, CivilDay day,
                                                  int threshold_hours, CivilDay today);

Result<Notice> find_notice(db::Connection& conn, std::int64_t id);
// Notices by status (empty: all), optionally of the centres of a subquery, newest first.
Result<std::vector<Notice>> list_notices(db::Connection& conn, const std::string& status,
                                         const std::optional<db::Subquery>& centres);
// The undecided notices of a centre's guests (for the register).
Result<std::vector<Notice>> open_notices_of_centre(db::Connection& conn, std::int64_t centre_id);

// Marks the draft sent. Refused: already sent (409 already_sent).
Result<Notice> send_notice(db::Connection& conn, std::int64_t id,
                           const std::optional<std::string>& note, std::int64_t user_id);

// The people module's answer to "has this person a confirmed vulnerability?". Default: false.
using VulnerabilityCheck = std::function<Result<bool>(db::Connection&, std::int64_t person_id)>;
void set_vulnerability_check(VulnerabilityCheck check);
Result<bool> has_confirmed_vulnerability(db::Connection& conn, std::int64_t person_id);

struct NewDecision {
  std::string outcome;
  std::optional<CivilDay> measure_from;
  std::optional<CivilDay> measure_until;
  std::optional<std::string> decree_number;
  std::optional<CivilDay> decree_date;
  std::optional<std::string> vulnerability_review;
  std::optional<std::string> vulnerability_reviewer;
  std::optional<std::string> note;
  std::int64_t decided_by = 0;
};

// Records the decision on a sent notice. Refused: a draft (409 not_sent); decided already (409
// already_decided); a reduction without its period, or one shorter than 30 days or longer than
// 6 months (422 on measure_from / measure_until); a revocation without decree number or date, a
// decree date in the future or before the arrival (422), or on a placement no longer open
// (409 placement_closed); no review of a confirmed vulnerability (422 vulnerability_review).
// A revocation ends the placement on the decree date through record_exit (reason "removed").
Result<Notice> decide(db::Connection& conn, std::int64_t notice_id, const NewDecision& d,
                      CivilDay today);

// The pocket-money suspensions decided for a person: what the pocket-money feature reads.
struct Suspension {
  std::int64_t notice_id = 0;
  std::string from;   // first day
  std::string until;  // first day after
};
Result<std::vector<Suspension>> pocket_money_suspensions(db::Connection& conn,
                                                         std::int64_t person_id);
// The same for several persons in one query (a centre's month), by person.
Result<std::map<std::int64_t, std::vector<Suspension>>> pocket_money_suspensions(
    db::Connection& conn, const std::vector<std::int64_t>& person_ids);

const api::ObjectType<Decision>& decision_type();
const api::ObjectType<Notice>& notice_type();
nlohmann::json to_json(const Notice& n);

std::vector<db::Migration> absence_migrations(db::Engine engine);

// Registers the notices awaiting the Prefettura's decision as tasks of the officers who decide
// (tasks.cc, decision 0028); called by the module's connect.
void add_notice_task_source();

}  // namespace innet::reception
