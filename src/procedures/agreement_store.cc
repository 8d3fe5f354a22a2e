#include "procedures/agreement_store.h"

#include "procedures/legal_clock.h"

#include <algorithm>
#include <map>

namespace innet::procedures {

FieldError AgreementErrors::closed() {
  return {"agreement_closed", {}, "the agreement's outcome is recorded"};
}
FieldError AgreementErrors::verification_not_open(const std::string& from) {
  return {"verification_not_open", {{"from", from}}, "the verification opens on " + from};
}
FieldError AgreementErrors::not_correctable() {
  return {"not_correctable", {}, "only a counted entry other than a correction can be voided"};
}
FieldError AgreementErrors::person_has_agreement() {
  return {"agreement_running", {}, "the person has a running agreement"};
}

namespace {

constexpr const char* kColumns =
    "id, person_id, file_id, signed_on, expires_on, verification_from, outcome, verified_on, "
    "created_by, created_at, updated_at";

Agreement from_row(const db::Row& r) {
  return {.id = r.integer(0),
          .person_id = r.integer(1),
          .file_id = r.opt_integer(2),
          .signed_on = r.text(3),
          .expires_on = r.text(4),
          .verification_from = r.text(5),
          .outcome = r.opt_text(6),
          .verified_on = r.opt_text(7),
          .created_by = r.integer(8),
          .created_at = r.text(9),
          .updated_at = r.text(10)};
}

Error refused(ErrorKind kind, const std::string& field, FieldError reason) {
  std::string code = reason.code;
  return Error::rule(kind, std::move(code), field, std::move(reason));
}

Status load_entries(db::Connection& conn, std::vector<Agreement>& items) {
  if (items.empty()) return Status::success();
  db::Params ids;
  std::map<std::int64_t, Agreement*> by_id;
  for (auto& a : items) {
    ids.push_back(a.id);
    by_id[a.id] = &a;
  }
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT agreement_id, id, kind, on_day, level, spoken_only, corrects, credits, "
                 "note, recorded_by, recorded_at FROM integration_agreement_entries WHERE "
                 "agreement_id IN (" +
                     db::placeholders(ids.size()) + ") ORDER BY agreement_id, id",
                 ids));
  for (const auto& r : rows) {
    auto kind = parse_agreement_entry_kind(r.text(2));
    INNET_ASSIGN_OR_RETURN(auto on, stored_day(r.text(3)));
    if (!kind) return Error::internal("integration_agreement_entries.kind: " + r.text(2));
    by_id[r.integer(0)]->entries.push_back({.entry = {.id = r.integer(1),
                                                      .kind = *kind,
                                                      .on = on,
                                                      .level = r.text(4),
                                                      .spoken_only = r.integer(5) == 1,
                                                      .corrects = r.opt_integer(6)},
                                            .credits = r.integer(7),
                                            .note = r.text(8),
                                            .recorded_by = r.integer(9),
                                            .recorded_at = r.text(10)});
  }
  return Status::success();
}

Status insert_entry(db::Connection& conn, std::int64_t agreement_id, const StoredEntry& e) {
  INNET_TRY(conn.execute(
      "INSERT INTO integration_agreement_entries (agreement_id, kind, on_day, level, "
      "spoken_only, corrects, credits, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?)",
      {agreement_id, to_string(e.entry.kind), e.entry.on.to_string(), e.entry.level,
       std::int64_t{e.entry.spoken_only ? 1 : 0}, db::optional_value(e.entry.corrects), e.credits,
       e.note, e.recorded_by, e.recorded_at}));
  return Status::success();
}

// The dates and a final outcome of the balance, written to the row.
Status save_state(db::Connection& conn, const Agreement& a, const AgreementBalance& b,
                  std::optional<std::string> outcome, std::optional<std::string> verified_on,
                  const std::string& now) {
  return db::expect_one(
      conn.execute("UPDATE integration_agreements SET expires_on = ?, verification_from = ?, "
                   "outcome = ?, verified_on = ?, updated_at = ? WHERE id = ?",
                   {b.expires_on.to_string(), b.verification_from.to_string(),
                    db::optional_value(outcome), db::optional_value(verified_on), now, a.id}),
      "integration_agreement");
}

}  // namespace

Result<std::vector<LossBand>> loss_bands(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT code, description, credits FROM "
                                               "integration_loss_bands ORDER BY position",
                                               {}));
  std::vector<LossBand> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.integer(2)});
  return out;
}

Status update_loss_band(db::Connection& conn, const LossBand& band) {
  INNET_ASSIGN_OR_RETURN(auto changed,
                         conn.execute("UPDATE integration_loss_bands SET description = ?, "
                                      "credits = ? WHERE code = ?",
                                      {band.description, band.credits, band.code}));
  if (changed == 0) return Error::not_found("loss_band");
  return Status::success();
}

AgreementInput agreement_input(const Agreement& a, std::vector<LossBand> bands) {
  AgreementInput in{.signed_on = CivilDay::parse(a.signed_on).value_or(kEarliestDay),
                    .bands = std::move(bands)};
  for (const auto& e : a.entries) in.entries.push_back(e.entry);
  return in;
}

Result<Agreement> create_agreement(db::Connection& conn, std::int64_t person_id,
                                   std::optional<std::int64_t> file_id, CivilDay signed_on,
                                   std::int64_t by, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto running,
                         conn.query("SELECT id FROM integration_agreements WHERE person_id = ? "
                                    "AND outcome IS NULL",
                                    {person_id}));
  if (!running.empty())
    return refused(ErrorKind::conflict, "person_id", AgreementErrors::person_has_agreement());
  const auto expires = add_months(signed_on, 24);
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO integration_agreements (person_id, file_id, signed_on, expires_on, "
                 "verification_from, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                 "?, ?, ?) RETURNING id",
                 {person_id, db::optional_value(file_id), signed_on.to_string(),
                  expires.to_string(), add_months(expires, -1).to_string(), by, now, now}));
  const auto id = rows[0].integer(0);
  INNET_TRY(insert_entry(conn, id,
                         {.entry = {.kind = AgreementEntryKind::signature, .on = signed_on},
                          .credits = kSignatureCredits,
                          .note = "",
                          .recorded_by = by,
                          .recorded_at = now}));
  return find_agreement(conn, id);
}

Result<Agreement> find_agreement(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kColumns +
                                                   " FROM integration_agreements WHERE id = ?",
                                               {id}));
  if (rows.empty()) return Error::not_found("integration_agreement");
  std::vector<Agreement> one = {from_row(rows[0])};
  INNET_TRY(load_entries(conn, one));
  return std::move(one[0]);
}

Result<db::Page<Agreement>> list_agreements(db::Connection& conn, const AgreementFilter& f,
                                            CivilDay today, const Paging& paging) {
  db::Where where;
  if (f.person_id) where.add("person_id = ?", *f.person_id);
  if (f.persons) where.add_in("person_id", *f.persons);
  if (f.verification_due) {
    where.add("outcome IS NULL");
    where.add("verification_from <= ?", today.to_string());
  }
  INNET_ASSIGN_OR_RETURN(auto page,
                         db::page_query<Agreement>(conn, kColumns, "integration_agreements", where,
                                                   "expires_on, id", paging, from_row));
  INNET_TRY(load_entries(conn, page.items));
  return page;
}

Result<Agreement> add_entry(db::Connection& conn, Agreement a, StoredEntry e, CivilDay today,
                            const std::string& now) {
  using enum AgreementEntryKind;
  if (a.outcome) return refused(ErrorKind::conflict, "id", AgreementErrors::closed());
  if (e.entry.kind == signature || e.entry.kind == extension)
    return Error::field(
        ErrorKind::unprocessable, "kind",
        FieldError::not_in_list({"civic_session_attended", "civic_session_missed", "italian_level",
                                 "civic_knowledge", "course", "loss", "exemption", "correction"}));
  const auto signed_on = CivilDay::parse(a.signed_on).value_or(kEarliestDay);
  if (e.entry.on < signed_on)
    return Error::field(ErrorKind::unprocessable, "on", FieldError::before_other("signed_on"));
  if (e.entry.on > today)
    return Error::field(ErrorKind::unprocessable, "on", FieldError::future_date());
  INNET_ASSIGN_OR_RETURN(auto bands, loss_bands(conn));
  if (e.entry.kind == correction) {
    if (!e.entry.corrects)
      return Error::field(ErrorKind::unprocessable, "corrects", FieldError::required());
    if (e.note.empty())
      return Error::field(ErrorKind::unprocessable, "note", FieldError::note_required());
    const auto target = std::find_if(a.entries.begin(), a.entries.end(), [&](const auto& x) {
      return x.entry.id == *e.entry.corrects;
    });
    if (target == a.entries.end())
      return Error::field(ErrorKind::unprocessable, "corrects",
                          FieldError::not_found("agreement entry"));
    const bool already = std::any_of(a.entries.begin(), a.entries.end(), [&](const auto& x) {
      return x.entry.kind == correction && x.entry.corrects == e.entry.corrects;
    });
    if (target->entry.kind == correction || target->entry.kind == signature ||
        target->entry.kind == extension || already)
      return refused(ErrorKind::unprocessable, "corrects", AgreementErrors::not_correctable());
    e.entry.level.clear();
    e.entry.spoken_only = false;
  } else {
    e.entry.corrects.reset();
  }
  auto credits = entry_credits(e.entry, bands);
  if (!credits) {
    std::vector<std::string> allowed;
    switch (e.entry.kind) {
      case italian_level:
        allowed = italian_levels();
        break;
      case civic_knowledge:
        allowed = civic_levels();
        break;
      case course:
        allowed = course_kinds();
        break;
      case exemption:
        allowed = exemption_grounds();
        break;
      default:
        for (const auto& b : bands) allowed.push_back(b.code);
    }
    return Error::field(ErrorKind::unprocessable, "level",
                        FieldError::not_in_list(std::move(allowed)));
  }
  if (e.entry.kind != italian_level) e.entry.spoken_only = false;
  e.credits = *credits;
  e.recorded_at = now;
  INNET_TRY(insert_entry(conn, a.id, e));
  INNET_ASSIGN_OR_RETURN(auto saved, find_agreement(conn, a.id));
  // An exemption or the loss of every credit ends the agreement now (no verification).
  auto b = agreement_balance(agreement_input(saved, bands), today);
  std::optional<std::string> outcome;
  if (b.outcome == AgreementOutcome::exempt || b.outcome == AgreementOutcome::terminated)
    outcome = to_string(b.outcome);
  INNET_TRY(save_state(conn, saved, b, outcome,
                       outcome ? std::optional(today.to_string()) : std::nullopt, now));
  return find_agreement(conn, a.id);
}

Result<Agreement> verify_agreement(db::Connection& conn, Agreement a, CivilDay verified_on,
                                   std::int64_t by, const std::string& now) {
  if (a.outcome) return refused(ErrorKind::conflict, "id", AgreementErrors::closed());
  INNET_ASSIGN_OR_RETURN(auto bands, loss_bands(conn));
  auto b = agreement_balance(agreement_input(a, bands), verified_on);
  if (verified_on < b.verification_from)
    return refused(ErrorKind::conflict, "verified_on",
                   AgreementErrors::verification_not_open(b.verification_from.to_string()));
  if (b.outcome == AgreementOutcome::extension) {
    INNET_TRY(insert_entry(conn, a.id,
                           {.entry = {.kind = AgreementEntryKind::extension, .on = verified_on},
                            .credits = 0,
                            .note = "",
                            .recorded_by = by,
                            .recorded_at = now}));
    INNET_ASSIGN_OR_RETURN(auto extended, find_agreement(conn, a.id));
    auto after = agreement_balance(agreement_input(extended, bands), verified_on);
    INNET_TRY(save_state(conn, extended, after, std::nullopt, std::nullopt, now));
    return find_agreement(conn, a.id);
  }
  INNET_TRY(save_state(conn, a, b, to_string(b.outcome), verified_on.to_string(), now));
  return find_agreement(conn, a.id);
}

Result<std::int64_t> count_due_verifications(db::Connection& conn, CivilDay today,
                                             bool overdue_only) {
  // Overdue: the agreement has expired without a verification.
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(overdue_only ? "SELECT COUNT(*) FROM integration_agreements WHERE outcome IS "
                                "NULL AND expires_on < ?"
                              : "SELECT COUNT(*) FROM integration_agreements WHERE outcome IS "
                                "NULL AND verification_from <= ?",
                 {today.to_string()}));
  return rows[0].integer(0);
}

Result<std::vector<DueVerification>> due_verifications(db::Connection& conn, CivilDay today,
                                                       std::int64_t limit) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id, verification_from, expires_on FROM integration_agreements "
                            "WHERE outcome IS NULL AND verification_from <= ? ORDER BY "
                            "expires_on, id LIMIT ?",
                            {today.to_string(), limit}));
  std::vector<DueVerification> out;
  for (const auto& r : rows) out.push_back({r.integer(0), r.text(1), r.text(2)});
  return out;
}

Result<std::int64_t> running_agreements(db::Connection& conn,
                                        const std::vector<std::int64_t>& persons) {
  if (persons.empty()) return std::int64_t{0};
  db::Params ids(persons.begin(), persons.end());
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT COUNT(*) FROM integration_agreements WHERE outcome IS NULL "
                            "AND person_id IN (" +
                                db::placeholders(ids.size()) + ")",
                            ids));
  return rows[0].integer(0);
}

Result<std::vector<std::int64_t>> agreements_of(db::Connection& conn, std::int64_t person_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT id FROM integration_agreements WHERE person_id = ?", {person_id}));
  std::vector<std::int64_t> out;
  for (const auto& r : rows) out.push_back(r.integer(0));
  return out;
}

Status move_agreements(db::Connection& conn, const std::vector<std::int64_t>& ids,
                       std::int64_t to_person) {
  for (auto id : ids)
    INNET_TRY(
        db::expect_one(conn.execute("UPDATE integration_agreements SET person_id = ? WHERE id = ?",
                                    {to_person, id}),
                       "integration_agreement"));
  return Status::success();
}

}  // namespace innet::procedures
