// The daily presence register of each centre. Built for national scale: presence derives from
// placements minus recorded absences, and the operator confirms each day once per centre (one
// row per centre per day, not one per person per day).
// Tamper evidence: absences and confirmations are append-only (database triggers refuse UPDATE
// and DELETE). Each confirmation stores a digest of the day as confirmed and is linked into a
// per-centre hash chain keyed with the audit key. A correction is a new entry that points at what
// it corrects: an absence withdrawal points at the absence, a re-confirmation at the confirmation
// it supersedes. verify_registers() recomputes both the chains and the digests.
//
// Storage and rules live in register.cc (the only file with SQL), the per-day arithmetic and the
// hashes in register_days.cc, the tamper check in register_verify.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "reception/placements/placements.h"

namespace innet::reception {

const std::vector<std::string>& absence_reasons();  // authorised_leave, hospitalised, ...
// The reason that needs a note saying what it was.
inline constexpr const char* kOtherReason = "other";

struct Absence {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::string day;
  std::int64_t person_id = 0;
  std::string reason;
  std::optional<std::string> note;
  std::int64_t recorded_by = 0;  // user id
  std::string recorded_at;
  // Set on a withdrawal entry: the absence it cancels. A withdrawal repeats the centre, day,
  // person and reason of that absence, so that each entry reads on its own.
  std::optional<std::int64_t> withdraws_id;
};

struct Confirmation {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::string day;
  std::int64_t seq = 0;  // position in the centre's chain, from 1
  std::int64_t present = 0;
  std::int64_t absent = 0;
  std::string digest;                       // of the day's state as confirmed
  std::optional<std::int64_t> corrects_id;  // the earlier confirmation of the same day
  // The last absence entry of the day the confirmation saw (0: none). Entries after it explain a
  // change since the confirmation; a change they do not explain was made outside the register.
  std::int64_t absences_through = 0;
  std::optional<std::string> note;
  std::int64_t confirmed_by = 0;
  std::string confirmed_at;
  std::string prev_hash;
  std::string hash;
};

// Who was present at a centre on one day.
struct DayPresence {
  std::string day;
  std::vector<Placement> present;  // placements covering the day, minus the absent
  std::vector<Absence> absent;     // effective absences (not withdrawn)
};

// Presence for each day of [from, to) at a centre: the source of presence-days and costs.
// Two queries whatever the length of the period (placements, absences); the rest is arithmetic.
Result<std::vector<DayPresence>> presence_between(db::Connection& conn, std::int64_t centre_id,
                                                  CivilDay from, CivilDay to);

// --- the register of one day ------------------------------------------------------------------

enum class DayStatus { unconfirmed, confirmed, changed_since_confirmation };
std::string to_string(DayStatus s);

struct Guest {
  Placement placement;
  std::optional<Absence> absence;  // the effective absence, when absent
};

struct DayState {
  std::int64_t centre_id = 0;
  std::string day;
  std::vector<Guest> guests;                // by person id
  std::vector<Absence> entries;             // every absence entry of the day, withdrawals too
  std::vector<Confirmation> confirmations;  // of this day, oldest first
  std::string digest;                       // of the state now
  DayStatus status = DayStatus::unconfirmed;

  std::int64_t present() const;
  std::int64_t absent() const;
  const Confirmation* latest() const {
    return confirmations.empty() ? nullptr : &confirmations.back();
  }
};

Result<DayState> day_state(db::Connection& conn, std::int64_t centre_id, CivilDay day);

// One line per day of a period: what the register's overview shows.
struct DaySummary {
  std::string day;
  DayStatus status = DayStatus::unconfirmed;
  std::int64_t present = 0;
  std::int64_t absent = 0;
  std::optional<Confirmation> latest;
};

// Each day of [from, to), in three queries (placements, absences, confirmations).
Result<std::vector<DaySummary>> register_summary(db::Connection& conn, std::int64_t centre_id,
                                                 CivilDay from, CivilDay to);

// --- writes: each runs inside the caller's transaction; `today` is the local date ---------------

struct NewAbsence {
  std::int64_t centre_id = 0;
  CivilDay day = kEarliestDay;
  std::int64_t person_id = 0;
  std::string reason;
  std::optional<std::string> note;  // required for "other"
  std::int64_t recorded_by = 0;
};

// Refused: a day after today (422 future_date, field day); a person without a placement at the
// centre covering the day (422 not_placed, field person_id); a person already absent that day
// (409 already_absent, field person_id).
Result<Absence> record_absence(db::Connection& conn, const NewAbsence& a, CivilDay today);

// Cancels an absence of that centre and day with a new entry. Refused: no such absence there
// (404); the entry is itself a withdrawal (409 not_an_absence); already withdrawn (409
// already_withdrawn). A note saying why is required.
Result<Absence> withdraw_absence(db::Connection& conn, std::int64_t centre_id, CivilDay day,
                                 std::int64_t absence_id, const std::string& note,
                                 std::int64_t user_id);

// Confirms the day as it stands and links the confirmation into the centre's chain. Refused: a
// day after today (422 future_date, field day); nothing changed since the latest confirmation of
// the day (409 already_confirmed). A re-confirmation points at the confirmation it supersedes.
Result<Confirmation> confirm_day(db::Connection& conn, std::int64_t centre_id, CivilDay day,
                                 const std::optional<std::string>& note, std::int64_t user_id,
                                 const std::string& key, CivilDay today);

// For the data generator only: stores absences as given, in multi-row INSERTs, without the
// checks of record_absence (the caller guarantees each person was placed at the centre that day
// and is not already absent). Chains nothing: days stay unconfirmed.
Status insert_absences(db::Connection& conn, const std::vector<Absence>& absences);

// --- reading the register's tables (for the tamper check) --------------------------------------

// Every absence entry of a centre on the days of [from, to), withdrawals too, by id.
Result<std::vector<Absence>> absence_entries_between(db::Connection& conn, std::int64_t centre_id,
                                                     CivilDay from, CivilDay to);
// A centre's chain of confirmations in seq order.
Result<std::vector<Confirmation>> centre_confirmations(db::Connection& conn,
                                                       std::int64_t centre_id);
// The centres that have a confirmation, or had one by the audit trail.
Result<std::vector<std::int64_t>> confirmed_centres(db::Connection& conn);

// The audit entry of a confirmation carries its position and hash, so that the audit trail (a
// chain of its own) also shows when a confirmation was removed from the end of a centre's chain.
inline constexpr const char* kConfirmAuditAction = "register.confirm";
nlohmann::json confirmation_audit_details(const Confirmation& c);
// The confirmations the audit trail recorded for a centre: the details written above.
Result<std::vector<nlohmann::json>> audited_confirmations(db::Connection& conn,
                                                          std::int64_t centre_id);

// --- the tamper check -------------------------------------------------------------------------

struct RegisterProblem {
  std::int64_t centre_id = 0;
  // broken_chain: a confirmation was edited, deleted or reordered (the first bad link);
  // missing_confirmation: the audit trail recorded a confirmation that is not there;
  // changed_after_confirmation: the day's data no longer matches its latest confirmation, and
  // no register entry made after it explains the difference.
  std::string kind;
  std::int64_t seq = 0;  // the confirmation concerned
  std::string day;
  std::string detail;
};

struct RegisterReport {
  std::int64_t centres = 0;        // chains checked
  std::int64_t confirmations = 0;  // entries checked
  std::int64_t days = 0;           // confirmed days whose digest was recomputed
  std::vector<RegisterProblem> problems;
  // Days changed by absence entries recorded after their latest confirmation: a correction
  // waiting to be confirmed, not tampering.
  std::vector<RegisterProblem> awaiting_confirmation;
  bool intact() const { return problems.empty(); }
};

// Checks the chains and the confirmed days of every centre, or of one.
Result<RegisterReport> verify_registers(db::Connection& conn, const std::string& key,
                                        std::optional<std::int64_t> centre_id = std::nullopt);

// In answers to writes, recorded_by and confirmed_by are user ids; the day's register replaces
// them with {id, display_name}.
const api::ObjectType<Absence>& absence_type();
const api::ObjectType<Confirmation>& confirmation_type();
nlohmann::json to_json(const Absence& a);
nlohmann::json to_json(const Confirmation& c);

std::vector<db::Migration> register_migrations(db::Engine engine);

}  // namespace innet::reception
