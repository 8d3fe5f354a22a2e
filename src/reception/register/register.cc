#include "reception/register/register.h"

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "db/query.h"
#include "reception/register/register_days.h"

namespace innet::reception {
namespace {

constexpr const char* kAbsenceColumns =
    "id, centre_id, day, person_id, reason, note, recorded_by, recorded_at, withdraws_id";

constexpr const char* kConfirmationColumns =
    "id, centre_id, day, seq, present, absent, digest, corrects_id, absences_through, note, "
    "confirmed_by, confirmed_at, prev_hash, hash";

Absence absence_from_row(const db::Row& r) {
  Absence a;
  a.id = r.integer(0);
  a.centre_id = r.integer(1);
  a.day = r.text(2);
  a.person_id = r.integer(3);
  a.reason = r.text(4);
  a.note = r.opt_text(5);
  a.recorded_by = r.integer(6);
  a.recorded_at = r.text(7);
  a.withdraws_id = r.opt_integer(8);
  return a;
}

Confirmation confirmation_from_row(const db::Row& r) {
  Confirmation c;
  c.id = r.integer(0);
  c.centre_id = r.integer(1);
  c.day = r.text(2);
  c.seq = r.integer(3);
  c.present = r.integer(4);
  c.absent = r.integer(5);
  c.digest = r.text(6);
  c.corrects_id = r.opt_integer(7);
  c.absences_through = r.integer(8);
  c.note = r.opt_text(9);
  c.confirmed_by = r.integer(10);
  c.confirmed_at = r.text(11);
  c.prev_hash = r.text(12);
  c.hash = r.text(13);
  return c;
}

Result<std::vector<Absence>> select_absences(db::Connection& conn, const std::string& where,
                                             const db::Params& params) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kAbsenceColumns +
                                        " FROM register_absences WHERE " + where + " ORDER BY id",
                                    params));
  std::vector<Absence> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(absence_from_row(r));
  return out;
}

Result<std::vector<Confirmation>> select_confirmations(db::Connection& conn,
                                                       const std::string& where,
                                                       const db::Params& params) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kConfirmationColumns +
                                " FROM register_confirmations WHERE " + where + " ORDER BY seq",
                            params));
  std::vector<Confirmation> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(confirmation_from_row(r));
  return out;
}

Status check_day(CivilDay day, CivilDay today) {
  if (day > today)
    return Error::rule(ErrorKind::unprocessable, "future_date", "day", FieldError::future_date());
  return Status::success();
}

Result<Absence> insert_absence(db::Connection& conn, const Absence& a) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "INSERT INTO register_absences (centre_id, day, person_id, reason, note, recorded_by, "
          "recorded_at, withdraws_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {a.centre_id, a.day, a.person_id, a.reason, db::optional_value(a.note), a.recorded_by,
           clock::now_iso(), db::optional_value(a.withdraws_id)}));
  INNET_ASSIGN_OR_RETURN(auto stored, select_absences(conn, "id = ?", {rows[0].integer(0)}));
  return stored.at(0);
}

DayStatus status_of(const std::vector<Confirmation>& confirmations, const std::string& digest) {
  if (confirmations.empty()) return DayStatus::unconfirmed;
  return confirmations.back().digest == digest ? DayStatus::confirmed
                                               : DayStatus::changed_since_confirmation;
}

}  // namespace

Status insert_absences(db::Connection& conn, const std::vector<Absence>& absences) {
  const std::string now = clock::now_iso();
  return db::insert_many(
      conn,
      "INSERT INTO register_absences (centre_id, day, person_id, reason, note, recorded_by, "
      "recorded_at) VALUES ",
      7, absences.size(), [&](std::size_t i, db::Params& params) {
        const auto& a = absences[i];
        params.insert(params.end(), {a.centre_id, a.day, a.person_id, a.reason,
                                     db::optional_value(a.note), a.recorded_by, now});
      });
}

const std::vector<std::string>& absence_reasons() {
  static const std::vector<std::string> all = {"authorised_leave", "hospitalised", "unauthorised",
                                               kOtherReason};
  return all;
}

std::string to_string(DayStatus s) {
  switch (s) {
    case DayStatus::unconfirmed:
      return "unconfirmed";
    case DayStatus::confirmed:
      return "confirmed";
    case DayStatus::changed_since_confirmation:
      return "changed_since_confirmation";
  }
  return "unconfirmed";
}

std::int64_t DayState::present() const {
  return std::count_if(guests.begin(), guests.end(), [](const Guest& g) { return !g.absence; });
}

std::int64_t DayState::absent() const {
  return static_cast<std::int64_t>(guests.size()) - present();
}

// --- reads ------------------------------------------------------------------------------------

Result<std::vector<Absence>> absence_entries_between(db::Connection& conn, std::int64_t centre_id,
                                                     CivilDay from, CivilDay to) {
  return select_absences(conn, "centre_id = ? AND day >= ? AND day < ?",
                         {centre_id, from.to_string(), to.to_string()});
}

Result<std::vector<Confirmation>> centre_confirmations(db::Connection& conn,
                                                       std::int64_t centre_id) {
  return select_confirmations(conn, "centre_id = ?", {centre_id});
}

Result<std::vector<std::int64_t>> confirmed_centres(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT DISTINCT centre_id FROM register_confirmations"));
  std::set<std::int64_t> ids;
  for (const auto& r : rows) ids.insert(r.integer(0));
  // The audit trail's copies count too: a centre whose every confirmation was deleted is still
  // checked.
  INNET_ASSIGN_OR_RETURN(
      auto audited, audit::entities_with_action(conn, "centre", std::string(kConfirmAuditAction)));
  for (const auto& id : audited) ids.insert(std::stoll(id));
  return std::vector<std::int64_t>(ids.begin(), ids.end());
}

Result<std::vector<DayPresence>> presence_between(db::Connection& conn, std::int64_t centre_id,
                                                  CivilDay from, CivilDay to) {
  INNET_ASSIGN_OR_RETURN(auto placements, placements_between(conn, centre_id, from, to));
  INNET_ASSIGN_OR_RETURN(auto entries, absence_entries_between(conn, centre_id, from, to));
  const auto effective = effective_absences(entries);
  const auto days = from.days_until(to);
  const auto laid = lay_out(from, days, placements, effective);
  std::vector<DayPresence> out(laid.size());
  for (std::size_t d = 0; d < laid.size(); ++d) {
    out[d].day = from.plus_days(static_cast<std::int64_t>(d)).to_string();
    out[d].present.reserve(laid[d].guests.size());
    for (std::size_t g = 0; g < laid[d].guests.size(); ++g) {
      if (laid[d].absences[g])
        out[d].absent.push_back(effective[*laid[d].absences[g]]);
      else
        out[d].present.push_back(placements[laid[d].guests[g]]);
    }
  }
  return out;
}

Result<DayState> day_state(db::Connection& conn, std::int64_t centre_id, CivilDay day) {
  INNET_ASSIGN_OR_RETURN(auto placements, placements_on(conn, centre_id, day));
  const std::string day_text = day.to_string();
  INNET_ASSIGN_OR_RETURN(auto entries,
                         select_absences(conn, "centre_id = ? AND day = ?", {centre_id, day_text}));
  INNET_ASSIGN_OR_RETURN(auto confirmations, select_confirmations(conn, "centre_id = ? AND day = ?",
                                                                  {centre_id, day_text}));
  const auto effective = effective_absences(entries);
  const auto laid = lay_out(day, 1, placements, effective).at(0);

  DayState s;
  s.centre_id = centre_id;
  s.day = day_text;
  for (std::size_t g = 0; g < laid.guests.size(); ++g) {
    Guest guest{placements[laid.guests[g]], std::nullopt};
    if (laid.absences[g]) guest.absence = effective[*laid.absences[g]];
    s.guests.push_back(std::move(guest));
  }
  s.digest = day_digest(centre_id, day, laid, placements, effective);
  s.entries = std::move(entries);
  s.confirmations = std::move(confirmations);
  s.status = status_of(s.confirmations, s.digest);
  return s;
}

Result<std::vector<DaySummary>> register_summary(db::Connection& conn, std::int64_t centre_id,
                                                 CivilDay from, CivilDay to) {
  INNET_ASSIGN_OR_RETURN(auto placements, placements_between(conn, centre_id, from, to));
  INNET_ASSIGN_OR_RETURN(auto entries, absence_entries_between(conn, centre_id, from, to));
  INNET_ASSIGN_OR_RETURN(auto confirmations,
                         select_confirmations(conn, "centre_id = ? AND day >= ? AND day < ?",
                                              {centre_id, from.to_string(), to.to_string()}));
  std::map<std::string, Confirmation> latest;  // in seq order, so the last one written wins
  for (auto& c : confirmations) latest[c.day] = std::move(c);

  const auto effective = effective_absences(entries);
  const auto laid = lay_out(from, from.days_until(to), placements, effective);
  std::vector<DaySummary> out(laid.size());
  for (std::size_t d = 0; d < laid.size(); ++d) {
    auto& s = out[d];
    const CivilDay day = from.plus_days(static_cast<std::int64_t>(d));
    s.day = day.to_string();
    s.present = laid[d].present();
    s.absent = laid[d].absent();
    if (auto it = latest.find(s.day); it != latest.end()) {
      s.latest = it->second;
      const auto digest = day_digest(centre_id, day, laid[d], placements, effective);
      s.status = digest == it->second.digest ? DayStatus::confirmed
                                             : DayStatus::changed_since_confirmation;
    }
  }
  return out;
}

// --- writes -----------------------------------------------------------------------------------

Result<Absence> record_absence(db::Connection& conn, const NewAbsence& a, CivilDay today) {
  const auto& reasons = absence_reasons();
  if (std::find(reasons.begin(), reasons.end(), a.reason) == reasons.end())
    return Error::field(ErrorKind::invalid_input, "reason", FieldError::not_in_list(reasons));
  if (a.reason == kOtherReason && (!a.note || a.note->empty()))
    return Error::field(ErrorKind::invalid_input, "note", FieldError::note_required());
  INNET_TRY(check_day(a.day, today));
  // Every register write of a centre takes the centre's row lock first, so that on PostgreSQL two
  // writers cannot both find a person not yet absent, or both take the next place in the chain.
  // It also gives the centre's entries ids in commit order, which absences_through relies on.
  INNET_TRY(centres::lock_centre(conn, a.centre_id));
  INNET_ASSIGN_OR_RETURN(
      auto placed,
      conn.query("SELECT COUNT(*) FROM placements WHERE centre_id = ? AND person_id = ? AND "
                 "start_date <= ? AND (end_date IS NULL OR end_date > ?)",
                 {a.centre_id, a.person_id, a.day.to_string(), a.day.to_string()}));
  if (placed[0].integer(0) == 0)
    return Error::rule(ErrorKind::unprocessable, "not_placed", "person_id",
                       FieldError::not_placed_on(a.person_id, a.day.to_string()));
  INNET_ASSIGN_OR_RETURN(auto entries,
                         select_absences(conn, "centre_id = ? AND day = ? AND person_id = ?",
                                         {a.centre_id, a.day.to_string(), a.person_id}));
  const auto effective = effective_absences(entries);
  if (!effective.empty())
    return Error::rule(ErrorKind::conflict, "already_absent", "person_id",
                       FieldError::already_absent(a.person_id, a.day.to_string(), effective[0].id));
  Absence row;
  row.centre_id = a.centre_id;
  row.day = a.day.to_string();
  row.person_id = a.person_id;
  row.reason = a.reason;
  row.note = a.note;
  row.recorded_by = a.recorded_by;
  return insert_absence(conn, row);
}

Result<Absence> withdraw_absence(db::Connection& conn, std::int64_t centre_id, CivilDay day,
                                 std::int64_t absence_id, const std::string& note,
                                 std::int64_t user_id) {
  if (note.empty()) return Error::field(ErrorKind::invalid_input, "note", FieldError::required());
  INNET_TRY(centres::lock_centre(conn, centre_id));  // as in record_absence
  INNET_ASSIGN_OR_RETURN(auto found, select_absences(conn, "id = ? AND centre_id = ? AND day = ?",
                                                     {absence_id, centre_id, day.to_string()}));
  if (found.empty()) return Error::not_found("absence");
  const Absence& target = found.at(0);
  if (target.withdraws_id)
    return Error::make(ErrorKind::conflict, "not_an_absence",
                       "entry " + std::to_string(absence_id) + " is itself a withdrawal");
  INNET_ASSIGN_OR_RETURN(auto withdrawals, select_absences(conn, "withdraws_id = ?", {absence_id}));
  if (!withdrawals.empty())
    return Error::make(ErrorKind::conflict, "already_withdrawn",
                       "absence " + std::to_string(absence_id) + " was withdrawn by entry " +
                           std::to_string(withdrawals.at(0).id));
  Absence row = target;
  row.note = note;
  row.recorded_by = user_id;
  row.withdraws_id = absence_id;
  return insert_absence(conn, row);
}

Result<Confirmation> confirm_day(db::Connection& conn, std::int64_t centre_id, CivilDay day,
                                 const std::optional<std::string>& note, std::int64_t user_id,
                                 const std::string& key, CivilDay today) {
  INNET_TRY(check_day(day, today));
  INNET_TRY(centres::lock_centre(conn, centre_id));  // as in record_absence
  INNET_ASSIGN_OR_RETURN(auto state, day_state(conn, centre_id, day));
  const Confirmation* latest = state.latest();
  if (latest && latest->digest == state.digest)
    return Error::make(ErrorKind::conflict, "already_confirmed",
                       day.to_string() + " is confirmed as it stands (confirmation " +
                           std::to_string(latest->id) + ")");
  INNET_ASSIGN_OR_RETURN(
      auto head,
      conn.query(
          "SELECT seq, hash FROM register_confirmations WHERE centre_id = ? ORDER BY seq DESC "
          "LIMIT 1",
          {centre_id}));

  Confirmation c;
  c.centre_id = centre_id;
  c.day = day.to_string();
  c.seq = head.empty() ? 1 : head[0].integer(0) + 1;
  c.prev_hash = head.empty() ? "" : head[0].text(1);
  c.present = state.present();
  c.absent = state.absent();
  c.digest = state.digest;
  if (latest) c.corrects_id = latest->id;
  for (const auto& e : state.entries) c.absences_through = std::max(c.absences_through, e.id);
  c.note = note;
  c.confirmed_by = user_id;
  c.confirmed_at = clock::now_iso();
  c.hash = confirmation_hash(key, c);
  auto rows = conn.query(
      "INSERT INTO register_confirmations (centre_id, day, seq, present, absent, digest, "
      "corrects_id, absences_through, note, confirmed_by, confirmed_at, prev_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {c.centre_id, c.day, c.seq, c.present, c.absent, c.digest, db::optional_value(c.corrects_id),
       c.absences_through, db::optional_value(c.note), c.confirmed_by, c.confirmed_at, c.prev_hash,
       c.hash});
  if (!rows.ok()) {
    // UNIQUE (centre_id, seq): another confirmation took this place in the chain first.
    if (rows.error().code == "unique_violation")
      return Error::make(ErrorKind::conflict, "concurrent_confirmation",
                         "another confirmation of this centre was recorded at the same time; "
                         "reload the day and confirm again");
    return rows.take_error();
  }
  c.id = (*rows)[0].integer(0);
  return c;
}

// --- the audit trail's copy of each confirmation ------------------------------------------------

nlohmann::json confirmation_audit_details(const Confirmation& c) {
  return {{"confirmation_id", c.id}, {"day", c.day},       {"seq", c.seq},
          {"present", c.present},    {"absent", c.absent}, {"hash", c.hash}};
}

Result<std::vector<nlohmann::json>> audited_confirmations(db::Connection& conn,
                                                          std::int64_t centre_id) {
  INNET_ASSIGN_OR_RETURN(auto details, audit::details_of(conn, "centre", std::to_string(centre_id),
                                                         std::string(kConfirmAuditAction)));
  std::vector<nlohmann::json> out;
  for (const auto& d : details) out.push_back(nlohmann::json::parse(d, nullptr, false));
  return out;
}

// --- JSON and schema ----------------------------------------------------------------------------

const api::ObjectType<Absence>& absence_type() {
  static const auto type =
      api::ObjectType<Absence>("RegisterEntry",
                               "an absence, or (withdraws_id set) the withdrawal of one")
          .field("id", &Absence::id)
          .field("centre_id", &Absence::centre_id)
          .field("day", &Absence::day, {.format = "date"})
          .field("person_id", &Absence::person_id)
          .field("reason", &Absence::reason, {.allowed = absence_reasons()})
          .field("note", &Absence::note)
          .field("recorded_by", &Absence::recorded_by, {.description = "the user's id"})
          .field("recorded_at", &Absence::recorded_at, {.format = "date-time"})
          .field("withdraws_id", &Absence::withdraws_id);
  return type;
}

const api::ObjectType<Confirmation>& confirmation_type() {
  static const auto type =
      api::ObjectType<Confirmation>("RegisterConfirmation")
          .field("id", &Confirmation::id)
          .field("centre_id", &Confirmation::centre_id)
          .field("day", &Confirmation::day, {.format = "date"})
          .field("seq", &Confirmation::seq, {.description = "position in the centre's chain"})
          .field("present", &Confirmation::present)
          .field("absent", &Confirmation::absent)
          .field("digest", &Confirmation::digest, {.description = "of the day as confirmed"})
          .field("corrects_id", &Confirmation::corrects_id)
          .field("note", &Confirmation::note)
          .field("confirmed_by", &Confirmation::confirmed_by, {.description = "the user's id"})
          .field("confirmed_at", &Confirmation::confirmed_at, {.format = "date-time"})
          .field("hash", &Confirmation::hash);
  return type;
}

nlohmann::json to_json(const Absence& a) {
  return absence_type().to_json(a);
}

nlohmann::json to_json(const Confirmation& c) {
  return confirmation_type().to_json(c);
}

std::vector<db::Migration> register_migrations(db::Engine engine) {
  std::string tables = R"sql(
CREATE TABLE register_absences (
  id {{pk}},
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  day TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES persons (id),
  reason TEXT NOT NULL CHECK (reason IN ('authorised_leave', 'hospitalised', 'unauthorised',
    'other')),
  note TEXT,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  withdraws_id BIGINT REFERENCES register_absences (id),
  CHECK (reason <> 'other' OR note IS NOT NULL)
);
CREATE INDEX register_absences_day ON register_absences (centre_id, day);
-- An absence is withdrawn at most once, even by two concurrent requests.
CREATE UNIQUE INDEX register_absences_withdrawn ON register_absences (withdraws_id)
  WHERE withdraws_id IS NOT NULL;
CREATE TABLE register_confirmations (
  id {{pk}},
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  day TEXT NOT NULL,
  seq BIGINT NOT NULL,
  present INTEGER NOT NULL CHECK (present >= 0),
  absent INTEGER NOT NULL CHECK (absent >= 0),
  digest TEXT NOT NULL,
  corrects_id BIGINT REFERENCES register_confirmations (id),
  absences_through BIGINT NOT NULL,
  note TEXT,
  confirmed_by BIGINT NOT NULL REFERENCES users (id),
  confirmed_at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  -- One chain per centre: two confirmations cannot take the same place and fork it.
  UNIQUE (centre_id, seq)
);
CREATE INDEX register_confirmations_day ON register_confirmations (centre_id, day);
)sql";
  // Append-only at the database level: a correction is a new entry, never an edit.
  std::string guard = engine == db::Engine::sqlite ? R"sql(
CREATE TRIGGER register_absences_no_update BEFORE UPDATE ON register_absences
BEGIN SELECT RAISE(ABORT, 'register_absences is append-only'); END;
CREATE TRIGGER register_absences_no_delete BEFORE DELETE ON register_absences
BEGIN SELECT RAISE(ABORT, 'register_absences is append-only'); END;
CREATE TRIGGER register_confirmations_no_update BEFORE UPDATE ON register_confirmations
BEGIN SELECT RAISE(ABORT, 'register_confirmations is append-only'); END;
CREATE TRIGGER register_confirmations_no_delete BEFORE DELETE ON register_confirmations
BEGIN SELECT RAISE(ABORT, 'register_confirmations is append-only'); END;
)sql"
                                                   : R"sql(
CREATE FUNCTION register_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER register_absences_append_only BEFORE UPDATE OR DELETE ON register_absences
FOR EACH ROW EXECUTE FUNCTION register_append_only();
CREATE TRIGGER register_confirmations_append_only BEFORE UPDATE OR DELETE
ON register_confirmations FOR EACH ROW EXECUTE FUNCTION register_append_only();
-- TRUNCATE skips row triggers.
CREATE TRIGGER register_absences_no_truncate BEFORE TRUNCATE ON register_absences
FOR EACH STATEMENT EXECUTE FUNCTION register_append_only();
CREATE TRIGGER register_confirmations_no_truncate BEFORE TRUNCATE ON register_confirmations
FOR EACH STATEMENT EXECUTE FUNCTION register_append_only();
)sql";
  return {{7, "reception: presence register", tables + guard}};
}

}  // namespace innet::reception
