#include "reception/placements/placements.h"

#include <algorithm>
#include <map>
#include <set>

#include "centres/derogations.h"
#include "core/clock.h"
#include "core/slices.h"
#include "people/persons.h"
#include "reception/placements/minors.h"
#include "reception/placements/snapshots.h"

namespace innet::reception {
namespace {

constexpr const char* kColumns =
    "id, person_id, centre_id, category, start_date, arrival_from, end_date, exit_reason, "
    "exit_note, previous_placement_id, override_reason, created_at, exit_recorded_at";

Placement from_row(const db::Row& r) {
  Placement p;
  p.id = r.integer(0);
  p.person_id = r.integer(1);
  p.centre_id = r.integer(2);
  p.category = centres::parse_category(r.text(3)).value_or(centres::Category::single_men);
  p.start_date = r.text(4);
  p.arrival_from = r.text(5);
  p.end_date = r.opt_text(6);
  p.exit_reason = r.opt_text(7);
  p.exit_note = r.opt_text(8);
  p.previous_placement_id = r.opt_integer(9);
  p.override_reason = r.opt_text(10);
  p.created_at = r.text(11);
  p.exit_recorded_at = r.opt_text(12);
  return p;
}

Result<std::vector<Placement>> select(db::Connection& conn, const std::string& where,
                                      const db::Params& params) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM placements WHERE " + where, params));
  std::vector<Placement> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

Status check_date(CivilDay date, CivilDay today) {
  if (date > today)
    return Error::rule(ErrorKind::unprocessable, "future_date", "date", FieldError::future_date());
  return Status::success();
}

// Every id names a person, once: the persons, in no particular order.
Result<std::vector<people::Person>> check_persons(db::Connection& conn,
                                                  const std::vector<std::int64_t>& ids) {
  if (ids.empty())
    return Error::rule(ErrorKind::invalid_input, "validation_failed", "person_ids",
                       FieldError::too_few_items(1));
  std::set<std::int64_t> unique(ids.begin(), ids.end());
  if (unique.size() != ids.size())
    return Error::rule(ErrorKind::invalid_input, "validation_failed", "person_ids",
                       FieldError::listed_twice());
  INNET_ASSIGN_OR_RETURN(auto found, people::find_persons(conn, ids));
  if (found.size() != ids.size()) {
    std::set<std::int64_t> present;
    for (const auto& p : found) present.insert(p.id);
    for (auto id : ids)
      if (!present.count(id))
        return Error::rule(ErrorKind::unprocessable, "no_such_person", "person_ids",
                           FieldError::not_found("person"));
  }
  return found;
}

// Locks the centre's row for the rest of the transaction, so that two concurrent placements
// cannot both take its last place (PostgreSQL; SQLite serialises writers anyway).
Result<centres::Centre> lock_centre(db::Connection& conn, std::int64_t id, const char* field) {
  if (auto locked = centres::lock_centre(conn, id); !locked.ok()) {
    if (locked.error().kind != ErrorKind::not_found) return locked.take_error();
    return Error::rule(ErrorKind::unprocessable, "no_such_centre", field,
                       FieldError::not_found("centre"));
  }
  return centres::find_centre(conn, id);
}

// The tightest day of a category at a centre from `first_day` to `today`: the day with the
// fewest places left, its guests and its places (the centre's own plus the derogated places in
// force that day). A place taken by a back-dated arrival must be free on every day since.
struct TightestDay {
  std::string day;
  std::int64_t places = 0;
  std::int64_t guests = 0;
  std::int64_t peak_guests = 0;  // the most guests on any day of the span
  std::int64_t left() const { return places - guests; }
};

Result<TightestDay> tightest_day(db::Connection& conn, const centres::Centre& centre,
                                 centres::Category category, CivilDay first_day,
                                 CivilDay today_day) {
  // As text, like the stored days they are compared with.
  const std::string from = first_day.to_string(), today = today_day.to_string();
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "SELECT start_date, end_date FROM placements WHERE centre_id = ? AND category = ? AND "
          "start_date <= ? AND (end_date IS NULL OR end_date > ?)",
          {centre.id, to_string(category), today, from}));
  // day -> (guests arriving minus leaving, places granted minus withdrawn)
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> change;
  change[from].second += centre.places[static_cast<std::size_t>(category)];
  for (const auto& r : rows) {
    ++change[std::max(r.text(0), from)].first;
    if (!r.is_null(1)) --change[r.text(1)].first;
  }
  INNET_ASSIGN_OR_RETURN(auto derogations,
                         centres::derogations_during(conn, centre.id, first_day, today_day));
  for (const auto& d : derogations) {
    if (d.category != category) continue;
    change[std::max(d.start_date, from)].second += d.places;
    INNET_ASSIGN_OR_RETURN(const CivilDay last, stored_day(d.end_date));
    change[last.plus_days(1).to_string()].second -= d.places;
  }
  TightestDay now{from, 0, 0}, tightest;
  std::int64_t peak = 0;
  bool first = true;
  for (const auto& [day, delta] : change) {
    if (day > today) break;
    now.day = day;
    now.guests += delta.first;
    now.places += delta.second;
    if (first || now.left() < tightest.left()) tightest = now;
    peak = std::max(peak, now.guests);
    first = false;
  }
  tightest.peak_guests = peak;
  return tightest;
}

// A full, suspended or closed centre takes no one, unless the caller gives a reason to override.
Status check_room(db::Connection& conn, const centres::Centre& centre,
                  const std::map<centres::Category, std::int64_t>& incoming, CivilDay date,
                  CivilDay today, const std::optional<std::string>& override_reason,
                  const char* field) {
  if (override_reason) return Status::success();
  if (!centres::accepts_guests(centre))
    return Error::rule(ErrorKind::conflict, "centre_not_accepting", field,
                       FieldError::centre_not_accepting(centre.status));
  for (const auto& [category, count] : incoming) {
    INNET_ASSIGN_OR_RETURN(auto tight, tightest_day(conn, centre, category, date, today));
    if (count > tight.left())
      return Error::rule(ErrorKind::conflict, "centre_full", field,
                         FieldError::centre_full(to_string(category), tight.places, tight.guests,
                                                 count, date.to_string()));
  }
  return Status::success();
}

// A temporary structure for minors (decision 0027) hosts at most its 50 places; more only in
// extreme urgency, on the Prefettura's override (409 temporary_structure_cap), and never more
// than half as many again, whoever asks (409 temporary_structure_urgency_cap). Checked on every
// day from `date` to today, as the room is.
Status check_temporary_structure(db::Connection& conn, const centres::Centre& centre,
                                 const std::map<centres::Category, std::int64_t>& incoming,
                                 CivilDay date, CivilDay today,
                                 const std::optional<std::string>& override_reason,
                                 const char* field) {
  if (!centres::temporary_minors_structure(centre)) return Status::success();
  std::int64_t arriving = 0;
  for (const auto& [category, count] : incoming) arriving += count;
  // Its places are all minors' places (centres' rules), so its guests are the minors' guests.
  INNET_ASSIGN_OR_RETURN(auto span,
                         tightest_day(conn, centre, centres::Category::minors, date, today));
  const std::int64_t guests = span.peak_guests + arriving;
  if (guests > centres::kTemporaryMinorsUrgencyGuests)
    return Error::rule(ErrorKind::conflict, "temporary_structure_urgency_cap", field,
                       MinorErrors::temporary_structure_cap(centres::kTemporaryMinorsUrgencyGuests,
                                                            span.peak_guests, arriving));
  if (guests > centres::kTemporaryMinorsPlaces && !override_reason)
    return Error::rule(ErrorKind::conflict, "temporary_structure_cap", field,
                       MinorErrors::temporary_structure_cap(centres::kTemporaryMinorsPlaces,
                                                            span.peak_guests, arriving));
  return Status::success();
}

// The person has nothing from `date` on: no open placement and none ending after it.
Status check_free_from(db::Connection& conn, std::int64_t person_id, CivilDay date) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT id, start_date FROM placements WHERE person_id = ? AND "
                                    "(end_date IS NULL OR end_date > ?)",
                                    {person_id, date.to_string()}));
  if (!rows.empty())
    return Error::rule(
        ErrorKind::conflict, "placement_overlap", "person_ids",
        FieldError::placement_overlap(person_id, rows[0].text(1), rows[0].integer(0)));
  return Status::success();
}

// The open placement of each person, which must have started by `date`.
Result<std::vector<Placement>> open_placements(db::Connection& conn,
                                               const std::vector<std::int64_t>& person_ids,
                                               CivilDay civil_day) {
  const std::string date = civil_day.to_string();
  std::vector<Placement> out;
  for (auto id : person_ids) {
    INNET_ASSIGN_OR_RETURN(auto open, select(conn, "person_id = ? AND end_date IS NULL", {id}));
    if (open.empty())
      return Error::rule(ErrorKind::conflict, "not_placed", "person_ids",
                         FieldError::no_open_placement(id));
    if (open[0].start_date > date)
      return Error::rule(ErrorKind::unprocessable, "before_arrival", "date",
                         FieldError::before_arrival(id, open[0].start_date));
    out.push_back(open[0]);
  }
  return out;
}

Result<Placement> insert(db::Connection& conn, const Placement& p) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "INSERT INTO placements (person_id, centre_id, category, start_date, arrival_from, "
          "previous_placement_id, override_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {p.person_id, p.centre_id, to_string(p.category), p.start_date, p.arrival_from,
           db::optional_value(p.previous_placement_id), db::optional_value(p.override_reason),
           clock::now_iso()}));
  INNET_ASSIGN_OR_RETURN(const CivilDay start, stored_day(p.start_date));
  INNET_TRY(adjust_snapshots(conn, p.centre_id, p.category, start, std::nullopt, 1));
  return find_placement(conn, rows[0].integer(0));
}

Error placement_changed(std::int64_t person_id) {
  return Error::rule(ErrorKind::conflict, "placement_changed", "person_ids",
                     FieldError::placement_changed(person_id));
}

Status close(db::Connection& conn, const Placement& open, CivilDay date, const std::string& reason,
             const std::optional<std::string>& note) {
  INNET_ASSIGN_OR_RETURN(
      auto changed,
      conn.execute(
          "UPDATE placements SET end_date = ?, exit_reason = ?, exit_note = ?, "
          "exit_recorded_at = ? WHERE id = ? AND end_date IS NULL",
          {date.to_string(), reason, db::optional_value(note), clock::now_iso(), open.id}));
  // Another request closed it since we read it (PostgreSQL re-checks the row once the other
  // transaction commits): that request won.
  if (changed == 0) return placement_changed(open.person_id);
  // The months from the exit on no longer count this guest.
  return adjust_snapshots(conn, open.centre_id, open.category, date, std::nullopt, -1);
}

// The first write after a snapshot day materialises that snapshot, before changing anything.
Status prepare_snapshots(db::Connection& conn, CivilDay today) {
  return ensure_snapshot(conn, snapshot_day(today));
}

}  // namespace

const std::vector<std::string>& arrival_origins() {
  static const std::vector<std::string> all = {"landing", "hotspot", "transfer", "direct"};
  return all;
}

const std::vector<std::string>& exit_reasons() {
  static const std::vector<std::string> all = {
      "transferred_to_sai",  "left_voluntarily",   "removed",  "repatriated",
      "protection_obtained", "end_of_eligibility", "deceased", "other"};
  return all;
}

Result<std::vector<Placement>> place(db::Connection& conn, const Arrival& a, CivilDay today) {
  INNET_TRY(check_date(a.date, today));
  INNET_ASSIGN_OR_RETURN(auto persons, check_persons(conn, a.person_ids));
  INNET_TRY(prepare_snapshots(conn, today));
  INNET_ASSIGN_OR_RETURN(auto centre, lock_centre(conn, a.centre_id, "centre_id"));
  for (auto id : a.person_ids) INNET_TRY(check_free_from(conn, id, a.date));
  INNET_TRY(check_minors(conn, persons, centre, a.category, a.date, today, a.override_reason));
  const std::int64_t incoming = static_cast<std::int64_t>(a.person_ids.size());
  INNET_TRY(check_temporary_structure(conn, centre, {{a.category, incoming}}, a.date, today,
                                      a.override_reason, "centre_id"));
  INNET_TRY(check_room(conn, centre, {{a.category, incoming}}, a.date, today, a.override_reason,
                       "centre_id"));
  std::vector<Placement> out;
  for (auto id : a.person_ids) {
    Placement p;
    p.person_id = id;
    p.centre_id = a.centre_id;
    p.category = a.category;
    p.start_date = a.date.to_string();
    p.arrival_from = a.arrival_from;
    p.override_reason = a.override_reason;
    INNET_ASSIGN_OR_RETURN(auto created, insert(conn, p));
    out.push_back(std::move(created));
  }
  return out;
}

Result<std::vector<Placement>> transfer(db::Connection& conn, const Transfer& t, CivilDay today) {
  INNET_TRY(check_date(t.date, today));
  INNET_ASSIGN_OR_RETURN(auto persons, check_persons(conn, t.person_ids));
  INNET_TRY(prepare_snapshots(conn, today));
  INNET_ASSIGN_OR_RETURN(auto centre, lock_centre(conn, t.to_centre_id, "to_centre_id"));
  INNET_ASSIGN_OR_RETURN(auto current, open_placements(conn, t.person_ids, t.date));
  std::map<centres::Category, std::int64_t> incoming;
  for (const auto& p : current) {
    // Moved here by a transfer on this very day: a second transfer would close that placement
    // on its first day, covering no day at all. That is a request repeated or racing another
    // (twenty parallel transfers of one person must leave one, not nineteen empty stays). An
    // arrival followed by a transfer on the same day stays possible.
    if (p.start_date == t.date.to_string() && p.arrival_from == "transfer")
      return Error::rule(ErrorKind::conflict, "already_moved", "date",
                         FieldError::already_moved(p.person_id, t.date.to_string()));
    if (p.centre_id == t.to_centre_id)
      return Error::rule(ErrorKind::unprocessable, "same_centre", "to_centre_id",
                         FieldError::same_centre(p.person_id));
    const auto category = t.category.value_or(p.category);
    ++incoming[category];
    const auto person = std::find_if(persons.begin(), persons.end(),
                                     [&](const people::Person& x) { return x.id == p.person_id; });
    INNET_TRY(check_minors(conn, {*person}, centre, category, t.date, today, t.override_reason));
  }
  INNET_TRY(check_temporary_structure(conn, centre, incoming, t.date, today, t.override_reason,
                                      "to_centre_id"));
  INNET_TRY(check_room(conn, centre, incoming, t.date, today, t.override_reason, "to_centre_id"));
  std::vector<Placement> out;
  for (const auto& from : current) {
    INNET_TRY(close(conn, from, t.date, kTransferredReason, std::nullopt));
    Placement p;
    p.person_id = from.person_id;
    p.centre_id = t.to_centre_id;
    p.category = t.category.value_or(from.category);
    p.start_date = t.date.to_string();
    p.arrival_from = "transfer";
    p.previous_placement_id = from.id;
    p.override_reason = t.override_reason;
    INNET_ASSIGN_OR_RETURN(auto created, insert(conn, p));
    out.push_back(std::move(created));
  }
  return out;
}

Result<std::vector<Placement>> record_exit(db::Connection& conn, const Exit& e, CivilDay today) {
  INNET_TRY(check_date(e.date, today));
  if (auto found = check_persons(conn, e.person_ids); !found.ok()) return found.take_error();
  INNET_TRY(prepare_snapshots(conn, today));
  INNET_ASSIGN_OR_RETURN(auto current, open_placements(conn, e.person_ids, e.date));
  std::vector<Placement> out;
  for (const auto& p : current) {
    INNET_TRY(close(conn, p, e.date, e.reason, e.note));
    INNET_ASSIGN_OR_RETURN(auto closed, find_placement(conn, p.id));
    out.push_back(std::move(closed));
  }
  return out;
}

namespace {

constexpr const char* kCorrectionColumns =
    "id, placement_id, kind, original_end_date, original_exit_reason, original_exit_note, "
    "original_exit_recorded_at, annulled_placement_id, reason, corrected_by, corrected_at";

Correction correction_from_row(const db::Row& r) {
  Correction c;
  c.id = r.integer(0);
  c.placement_id = r.integer(1);
  c.kind = r.text(2);
  c.original_end_date = r.text(3);
  c.original_exit_reason = r.text(4);
  c.original_exit_note = r.opt_text(5);
  c.original_exit_recorded_at = r.opt_text(6);
  c.annulled_placement_id = r.opt_integer(7);
  c.reason = r.text(8);
  c.corrected_by = r.integer(9);
  c.corrected_at = r.text(10);
  return c;
}

Result<std::vector<Correction>> select_corrections(db::Connection& conn, const std::string& where,
                                                   const db::Params& params) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kCorrectionColumns +
                                " FROM placement_corrections WHERE " + where + " ORDER BY id",
                            params));
  std::vector<Correction> out;
  for (const auto& r : rows) out.push_back(correction_from_row(r));
  return out;
}

}  // namespace

Result<Correction> correct_placement(db::Connection& conn, std::int64_t placement_id,
                                     const std::string& reason, std::int64_t user_id,
                                     CivilDay today) {
  if (reason.empty())
    return Error::rule(ErrorKind::unprocessable, "reason_required", "reason",
                       FieldError::required());
  INNET_TRY(prepare_snapshots(conn, today));
  INNET_ASSIGN_OR_RETURN(auto p, find_placement(conn, placement_id));
  INNET_ASSIGN_OR_RETURN(auto centre, lock_centre(conn, p.centre_id, "placement_id"));
  INNET_ASSIGN_OR_RETURN(p, find_placement(conn, placement_id));  // as of the lock
  if (p.open())
    return Error::make(
        ErrorKind::conflict, "not_closed",
        "placement " + std::to_string(p.id) + " is open: there is nothing to correct");
  INNET_ASSIGN_OR_RETURN(const CivilDay ended, stored_day(*p.end_date));
  Correction c;
  c.placement_id = p.id;
  c.original_end_date = *p.end_date;
  c.original_exit_reason = *p.exit_reason;
  c.original_exit_note = p.exit_note;
  c.original_exit_recorded_at = p.exit_recorded_at;
  c.reason = reason;
  c.corrected_by = user_id;
  c.corrected_at = clock::now_iso();
  if (p.exit_reason == kTransferredReason) {
    c.kind = "transfer";
    // The placement the transfer opened must still be the person's current one.
    INNET_ASSIGN_OR_RETURN(auto next, select(conn, "previous_placement_id = ?", {p.id}));
    if (next.empty() || !next[0].open()) return placement_changed(p.person_id);
    const Placement& q = next[0];
    INNET_ASSIGN_OR_RETURN(
        auto annulled,
        conn.execute(
            "UPDATE placements SET end_date = start_date, exit_reason = 'other', "
            "exit_note = ?, exit_recorded_at = ? WHERE id = ? AND end_date IS NULL",
            {"annulled: the transfer was corrected by the Prefettura", c.corrected_at, q.id}));
    if (annulled == 0) return placement_changed(p.person_id);
    INNET_ASSIGN_OR_RETURN(const CivilDay started, stored_day(q.start_date));
    INNET_TRY(adjust_snapshots(conn, q.centre_id, q.category, started, std::nullopt, -1));
    c.annulled_placement_id = q.id;
  } else {
    c.kind = "exit";
    INNET_TRY(check_free_from(conn, p.person_id, ended));
  }
  // The place must be free on every day from the exit to today.
  INNET_TRY(
      check_room(conn, centre, {{p.category, 1}}, ended, today, std::nullopt, "placement_id"));
  INNET_ASSIGN_OR_RETURN(
      auto reopened,
      conn.execute("UPDATE placements SET end_date = NULL, exit_reason = NULL, exit_note = NULL, "
                   "exit_recorded_at = NULL WHERE id = ? AND end_date IS NOT NULL",
                   {p.id}));
  if (reopened == 0) return placement_changed(p.person_id);
  INNET_TRY(adjust_snapshots(conn, p.centre_id, p.category, ended, std::nullopt, 1));
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "INSERT INTO placement_corrections (placement_id, kind, original_end_date, "
          "original_exit_reason, original_exit_note, original_exit_recorded_at, "
          "annulled_placement_id, reason, corrected_by, corrected_at) VALUES (?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?) RETURNING id",
          {c.placement_id, c.kind, c.original_end_date, c.original_exit_reason,
           db::optional_value(c.original_exit_note),
           db::optional_value(c.original_exit_recorded_at),
           db::optional_value(c.annulled_placement_id), c.reason, c.corrected_by, c.corrected_at}));
  c.id = rows[0].integer(0);
  return c;
}

Result<std::vector<Correction>> centre_corrections(db::Connection& conn, std::int64_t centre_id) {
  return select_corrections(conn, "placement_id IN (SELECT id FROM placements WHERE centre_id = ?)",
                            {centre_id});
}

const api::ObjectType<Correction>& correction_type() {
  static const auto type =
      api::ObjectType<Correction>("PlacementCorrection",
                                  "the Prefettura's correction of a mistaken exit or transfer")
          .field("id", &Correction::id)
          .field("placement_id", &Correction::placement_id,
                 {.description = "the placement open again"})
          .field("kind", &Correction::kind, {.allowed = {"exit", "transfer"}})
          .field("original_end_date", &Correction::original_end_date, {.format = "date"})
          .field("original_exit_reason", &Correction::original_exit_reason)
          .field("original_exit_note", &Correction::original_exit_note)
          .field("original_exit_recorded_at", &Correction::original_exit_recorded_at,
                 {.format = "date-time"})
          .field("annulled_placement_id", &Correction::annulled_placement_id,
                 {.description = "a transfer: the placement it opened, now covering no day"})
          .field("reason", &Correction::reason)
          .field("corrected_by", &Correction::corrected_by)
          .field("corrected_at", &Correction::corrected_at, {.format = "date-time"});
  return type;
}

Status insert_placements(db::Connection& conn, std::vector<PlacementRow>& rows) {
  constexpr std::size_t kRows = 400;
  const std::string now = clock::now_iso();
  std::size_t at = 0;
  while (at < rows.size()) {
    // A statement ends before a row whose previous placement is in it: that id is not known yet.
    std::size_t n = 0;
    while (at + n < rows.size() && n < kRows) {
      const auto& prev = rows[at + n].previous_index;
      if (n > 0 && prev && *prev >= at) break;
      ++n;
    }
    std::string sql =
        "INSERT INTO placements (person_id, centre_id, category, start_date, arrival_from, "
        "end_date, exit_reason, exit_note, previous_placement_id, override_reason, created_at, "
        "exit_recorded_at) VALUES ";
    db::Params params;
    for (std::size_t i = 0; i < n; ++i) {
      Placement& p = rows[at + i].placement;
      if (const auto& prev = rows[at + i].previous_index)
        p.previous_placement_id = rows[*prev].placement.id;
      sql += (i ? ", (" : "(") + db::placeholders(12) + ")";
      for (db::Value v :
           db::Params{p.person_id, p.centre_id, to_string(p.category), p.start_date, p.arrival_from,
                      db::optional_value(p.end_date), db::optional_value(p.exit_reason),
                      db::optional_value(p.exit_note), db::optional_value(p.previous_placement_id),
                      db::optional_value(p.override_reason), now,
                      p.end_date ? db::Value(now) : db::Value(nullptr)})
        params.push_back(std::move(v));
    }
    INNET_ASSIGN_OR_RETURN(auto ids, conn.query(sql + " RETURNING id", params));
    for (std::size_t i = 0; i < n; ++i) rows[at + i].placement.id = ids[i].integer(0);
    at += n;
  }
  return Status::success();
}

Result<Placement> find_placement(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto rows, select(conn, "id = ?", {id}));
  if (rows.empty()) return Error::not_found("placement");
  return rows[0];
}

Result<std::vector<Placement>> person_placements(db::Connection& conn, std::int64_t person_id) {
  return select(conn, "person_id = ? ORDER BY start_date DESC, id DESC", {person_id});
}

Result<std::vector<Placement>> placements_between(db::Connection& conn, std::int64_t centre_id,
                                                  CivilDay from, CivilDay to) {
  return select(conn,
                "centre_id = ? AND start_date < ? AND (end_date IS NULL OR end_date > ?) "
                "ORDER BY start_date, id",
                {centre_id, to.to_string(), from.to_string()});
}

Result<std::vector<Placement>> placements_between_as_recorded(
    db::Connection& conn, std::int64_t centre_id, CivilDay from, CivilDay to,
    const std::string& exits_recorded_after) {
  return select(conn,
                "centre_id = ? AND start_date < ? AND (end_date IS NULL OR end_date > ? OR "
                "exit_recorded_at > ?) ORDER BY start_date, id",
                {centre_id, to.to_string(), from.to_string(), exits_recorded_after});
}

Result<std::vector<Placement>> placements_moving_between(
    db::Connection& conn, CivilDay from, CivilDay to,
    const std::optional<db::Subquery>& centre_ids) {
  // Two ranges on the indexes of start_date and end_date.
  std::string where = "((start_date >= ? AND start_date < ?) OR (end_date >= ? AND end_date < ?))";
  db::Params params = {from.to_string(), to.to_string(), from.to_string(), to.to_string()};
  if (centre_ids) {
    where += " AND centre_id IN (" + centre_ids->sql + ")";
    params.insert(params.end(), centre_ids->params.begin(), centre_ids->params.end());
  }
  return select(conn, where + " ORDER BY id", params);
}

Result<std::vector<Placement>> placements_on(db::Connection& conn, std::int64_t centre_id,
                                             CivilDay day) {
  return placements_between(conn, centre_id, day, day.plus_days(1));
}

Result<std::vector<std::int64_t>> hosting_organizations(db::Connection& conn,
                                                        std::int64_t person_id) {
  return centres::operators_of(
      conn, {"SELECT centre_id FROM placements WHERE person_id = ?", {person_id}});
}

db::Subquery persons_hosted_by(std::int64_t organization_id) {
  auto centres = centres::centres_run_by(organization_id);
  return {"SELECT person_id FROM placements WHERE centre_id IN (" + centres.sql + ")",
          centres.params};
}

db::Subquery persons_staying_in(std::int64_t centre_id, std::optional<std::int64_t> run_by) {
  db::Subquery ids{"SELECT person_id FROM placements WHERE end_date IS NULL AND centre_id = ?",
                   {centre_id}};
  if (run_by) {
    const auto run = centres::centres_run_by(*run_by);
    ids.sql += " AND centre_id IN (" + run.sql + ")";
    ids.params.insert(ids.params.end(), run.params.begin(), run.params.end());
  }
  return ids;
}

Result<std::vector<InCharge>> in_charge(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto centres, centres::all_centres(conn, {}));
  std::map<std::int64_t, std::int64_t> operator_of;
  for (const auto& c : centres) operator_of[c.id] = c.operator_id;
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT person_id, start_date, centre_id, end_date "
                                    "FROM placements ORDER BY person_id, start_date, id"));
  std::vector<InCharge> out;
  for (const auto& r : rows) {
    const std::int64_t person_id = r.integer(0);
    if (out.empty() || out.back().person_id != person_id)
      out.push_back({.person_id = person_id, .arrived = r.text(1)});
    auto& a = out.back();
    a.operator_id = operator_of[r.integer(2)];
    a.last_start = r.text(1);
    a.left_on = r.opt_text(3);
  }
  return out;
}

Result<std::vector<people::CurrentPlace>> current_places(db::Connection& conn,
                                                         const std::vector<std::int64_t>& ids) {
  std::vector<people::CurrentPlace> out;
  std::map<std::int64_t, centres::Centre> centres_by_id;
  constexpr std::size_t kSlice = 500;  // bound values per statement
  INNET_TRY(for_each_slice(ids, kSlice, [&](std::span<const std::int64_t> slice) -> Status {
    INNET_ASSIGN_OR_RETURN(
        // Not `end_date IS NULL`: without statistics SQLite reads that from placements_ends,
        // every open placement of the nation (150,000, 0.4 s), rather than the few of these
        // persons from placements_person.
        auto rows,
        conn.query("SELECT person_id, centre_id FROM placements WHERE person_id IN (" +
                       db::placeholders(slice.size()) + ") AND COALESCE(end_date, '') = ''",
                   db::Params(slice.begin(), slice.end())));
    for (const auto& r : rows) {
      const std::int64_t centre_id = r.integer(1);
      auto it = centres_by_id.find(centre_id);
      if (it == centres_by_id.end()) {
        INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, centre_id));
        it = centres_by_id.emplace(centre_id, std::move(centre)).first;
      }
      out.push_back({r.integer(0), centre_id, it->second.name, it->second.operator_id});
    }
    return Status::success();
  }));
  return out;
}

const api::ObjectType<Placement>& placement_type() {
  static const auto type =
      api::ObjectType<Placement>("Placement",
                                 "a stay in a centre over the days [start_date, end_date)")
          .field("id", &Placement::id)
          .field("person_id", &Placement::person_id)
          .field("centre_id", &Placement::centre_id)
          .field("category", [](const Placement& p) { return to_string(p.category); },
                 {.allowed = centres::category_names()})
          .field("start_date", &Placement::start_date, {.format = "date"})
          .field("arrival_from", &Placement::arrival_from, {.allowed = arrival_origins()})
          .field("end_date", &Placement::end_date, {.format = "date"})
          .field("exit_reason", &Placement::exit_reason)
          .field("exit_note", &Placement::exit_note)
          .field("previous_placement_id", &Placement::previous_placement_id,
                 {.description = "the placement a transfer closed"})
          .field("override_reason", &Placement::override_reason,
                 {.description = "why a full or closed centre took the person"})
          .field("created_at", &Placement::created_at, {.format = "date-time"})
          .field("exit_recorded_at", &Placement::exit_recorded_at, {.format = "date-time"});
  return type;
}

nlohmann::json to_json(const Placement& p) {
  return placement_type().to_json(p);
}

std::vector<db::Migration> placement_migrations(db::Engine) {
  std::vector<db::Migration> all = {
      {6, "reception: placements", R"sql(
CREATE TABLE placements (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES persons (id),
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  category TEXT NOT NULL CHECK (category IN ('single_men', 'single_women', 'families',
    'minors')),
  start_date TEXT NOT NULL,
  arrival_from TEXT NOT NULL CHECK (arrival_from IN ('landing', 'hotspot', 'transfer',
    'direct')),
  end_date TEXT,
  exit_reason TEXT CHECK (exit_reason IN ('transferred', 'transferred_to_sai',
    'left_voluntarily', 'removed', 'repatriated', 'protection_obtained', 'end_of_eligibility',
    'deceased', 'other')),
  exit_note TEXT,
  previous_placement_id BIGINT REFERENCES placements (id),
  override_reason TEXT,
  created_at TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((end_date IS NULL) = (exit_reason IS NULL))
);
-- At most one open placement per person, whatever the code above it does.
CREATE UNIQUE INDEX placements_one_open ON placements (person_id) WHERE end_date IS NULL;
CREATE INDEX placements_person ON placements (person_id, start_date);
CREATE INDEX placements_centre ON placements (centre_id, start_date);
CREATE INDEX placements_open_centre ON placements (centre_id, category) WHERE end_date IS NULL;
-- For occupancy on a day: arrivals and exits since a snapshot, read from the indexes alone.
CREATE INDEX placements_starts ON placements (start_date, centre_id, category);
CREATE INDEX placements_ends ON placements (end_date, centre_id, category);
-- Occupancy snapshots on the 1st and 16th (reception/snapshots.h): derived from placements.
CREATE TABLE occupancy_snapshot_days (
  day TEXT PRIMARY KEY
);
CREATE TABLE occupancy_snapshots (
  day TEXT NOT NULL,
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  category TEXT NOT NULL,
  guests INTEGER NOT NULL,
  PRIMARY KEY (day, centre_id, category)
);
)sql"},
      {9, "reception: when a placement's exit was recorded",
       "ALTER TABLE placements ADD COLUMN exit_recorded_at TEXT;"},
      // Numbered 31, after the notices of absence (30).
      {31, "reception: corrections of mistaken exits and transfers", R"sql(
CREATE TABLE placement_corrections (
  id {{pk}},
  placement_id BIGINT NOT NULL REFERENCES placements (id),
  kind TEXT NOT NULL CHECK (kind IN ('exit', 'transfer')),
  original_end_date TEXT NOT NULL,
  original_exit_reason TEXT NOT NULL,
  original_exit_note TEXT,
  original_exit_recorded_at TEXT,
  annulled_placement_id BIGINT REFERENCES placements (id),
  reason TEXT NOT NULL CHECK (reason <> ''),
  corrected_by BIGINT NOT NULL REFERENCES users (id),
  corrected_at TEXT NOT NULL,
  CHECK ((kind = 'transfer') = (annulled_placement_id IS NOT NULL))
);
CREATE INDEX placement_corrections_placement ON placement_corrections (placement_id);
)sql"}};
  // The minors' rules keep their table beside them.
  for (auto& m : minor_migrations()) all.push_back(std::move(m));
  return all;
}

}  // namespace innet::reception
