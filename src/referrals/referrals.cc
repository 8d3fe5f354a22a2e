#include "referrals/referrals.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/clock.h"

namespace innet::referrals {

const std::vector<std::string>& data_items() {
  static const std::vector<std::string> v = {
      "identity",  "contacts", "languages", "legal_status", "vulnerability_categories",
      "documents", "notes"};
  return v;
}

nlohmann::json data_items_schema() {
  return {{"type", "array"}, {"items", {{"type", "string"}, {"enum", data_items()}}}};
}

const std::vector<std::string>& urgencies() {
  static const std::vector<std::string> v = {"emergency", "urgent", "normal"};
  return v;
}

const std::vector<std::string>& states() {
  static const std::vector<std::string> v = {"draft",       "sent",      "accepted", "declined",
                                             "in_progress", "completed", "cancelled"};
  return v;
}

const std::vector<std::string>& outcomes() {
  static const std::vector<std::string> v = {"successful", "unsuccessful"};
  return v;
}

const std::vector<std::string>& recipient_types() {
  static const std::vector<std::string> v = {
      "health_authority", "municipality", "centre_operator", "ngo", "school", "other"};
  return v;
}

namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t k = 0; k < parts.size(); ++k) out += (k ? ", " : "") + parts[k];
  return out;
}

}  // namespace

FieldError ReferralErrors::wrong_state(std::string state, std::vector<std::string> expected) {
  std::string message = "the referral is " + state + ", not " + joined(expected);
  return {"wrong_state",
          {{"state", std::move(state)}, {"expected", std::move(expected)}},
          std::move(message)};
}

FieldError ReferralErrors::consent_required(std::string why, std::vector<std::string> missing) {
  std::string message = "sending needs the person's valid consent to this sharing (" + why;
  if (!missing.empty()) message += ": " + joined(missing);
  message += "), or an override with a reason by an authorised role";
  return {"consent_required",
          {{"why", std::move(why)}, {"missing", std::move(missing)}},
          std::move(message)};
}

FieldError ReferralErrors::override_not_allowed() {
  return {"override_not_allowed", {}, "your role cannot send a referral without consent"};
}

FieldError ReferralErrors::item_not_shared(std::string item) {
  std::string message = "needs the data item " + item + " among those shared";
  return {"item_not_shared", {{"item", std::move(item)}}, std::move(message)};
}

FieldError ReferralErrors::not_a_recipient() {
  return {"not_a_recipient",
          {},
          "a referral goes to an organisation that takes people in charge, not the "
          "Prefettura, the Questura or the sender itself"};
}

FieldError ReferralErrors::consent_withdrawn() {
  return {"consent_withdrawn", {}, "the consent is withdrawn already"};
}

std::string Referral::reference() const {
  char text[24];
  std::snprintf(text, sizeof text, "R-%06lld", static_cast<long long>(id));
  return text;
}

int AnswerDays::of(const std::string& urgency) const {
  if (urgency == "emergency") return emergency;
  if (urgency == "urgent") return urgent;
  return normal;
}

std::string add_days(const std::string& now, int days) {
  const auto seconds = clock::parse_iso_utc(now);
  return clock::iso_utc(seconds.value_or(clock::now_seconds()) + std::int64_t{days} * 86400);
}

namespace {

// Lists of codes or ids are stored as comma-separated text (db::join_codes): read whole, never
// queried by part.
std::string to_text(const std::vector<std::string>& items) {
  return db::join_codes(items);
}

std::string to_text(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (std::size_t k = 0; k < ids.size(); ++k) out += (k ? "," : "") + std::to_string(ids[k]);
  return out;
}

std::vector<std::string> split(const std::string& text) {
  return db::split_codes(text);
}

std::vector<std::int64_t> split_ids(const std::string& text) {
  std::vector<std::int64_t> out;
  for (const auto& part : split(text)) out.push_back(std::stoll(part));
  return out;
}

// In the vocabulary's order, each once: what is stored and compared.
std::vector<std::string> normalised(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : data_items())
    if (std::find(items.begin(), items.end(), item) != items.end()) out.push_back(item);
  return out;
}

db::Value opt(const std::optional<std::string>& v) {
  return v ? db::Value(*v) : db::Value(nullptr);
}
db::Value opt(const std::optional<std::int64_t>& v) {
  return v ? db::Value(*v) : db::Value(nullptr);
}

Error refused(const std::string& field, FieldError reason) {
  return Error::field(ErrorKind::unprocessable, field, std::move(reason));
}

constexpr const char* kConsentColumns =
    "id, case_id, organization_id, data_items, purpose, given_on, recorded_by, recorded_at, "
    "withdrawn_on, withdrawal_reason, withdrawn_by, withdrawn_at";

Consent consent_from(const db::Row& r) {
  Consent c;
  c.id = r.integer(0);
  c.case_id = r.integer(1);
  c.organization_id = r.integer(2);
  c.data_items = split(r.text(3));
  c.purpose = r.text(4);
  c.given_on = r.text(5);
  c.recorded_by = r.integer(6);
  c.recorded_at = r.text(7);
  c.withdrawn_on = r.opt_text(8);
  c.withdrawal_reason = r.opt_text(9);
  c.withdrawn_by = r.opt_integer(10);
  c.withdrawn_at = r.opt_text(11);
  return c;
}

constexpr const char* kReferralColumns =
    "id, case_id, from_organization_id, to_organization_id, service_id, reason, category, "
    "urgency, data_items, note_ids, consent_id, override_reason, override_by, state, "
    "decline_reason, outcome, outcome_reason, created_by, created_at, sent_by, sent_at, "
    "answer_due_at, answered_at, completed_at, escalation_notified_at, updated_at";

Referral referral_from(const db::Row& r) {
  Referral x;
  x.id = r.integer(0);
  x.case_id = r.integer(1);
  x.from_organization_id = r.integer(2);
  x.to_organization_id = r.integer(3);
  x.service_id = r.opt_integer(4);
  x.reason = r.text(5);
  x.category = r.opt_text(6);
  x.urgency = r.text(7);
  x.data_items = split(r.text(8));
  x.note_ids = split_ids(r.text(9));
  x.consent_id = r.opt_integer(10);
  x.override_reason = r.opt_text(11);
  x.override_by = r.opt_integer(12);
  x.state = r.text(13);
  x.decline_reason = r.opt_text(14);
  x.outcome = r.opt_text(15);
  x.outcome_reason = r.opt_text(16);
  x.created_by = r.integer(17);
  x.created_at = r.text(18);
  x.sent_by = r.opt_integer(19);
  x.sent_at = r.opt_text(20);
  x.answer_due_at = r.opt_text(21);
  x.answered_at = r.opt_text(22);
  x.completed_at = r.opt_text(23);
  x.escalation_notified_at = r.opt_text(24);
  x.updated_at = r.text(25);
  return x;
}

bool has_item(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

Status record_event(db::Connection& conn, std::int64_t referral_id, const std::string& state,
                    const std::optional<std::string>& note, std::int64_t by,
                    const std::string& now) {
  INNET_TRY(conn.execute(
      "INSERT INTO referral_events (referral_id, state, note, by_user, at) VALUES (?, ?, ?, ?, ?)",
      {referral_id, state, opt(note), by, now}));
  return Status::success();
}

}  // namespace

Result<Consent> record_consent(db::Connection& conn, const Consent& c, CivilDay today) {
  if (c.given_on > today.to_string()) return refused("given_on", FieldError::future_date());
  const auto items = normalised(c.data_items);
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO referral_consents (case_id, organization_id, data_items, purpose, "
                 "given_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {c.case_id, c.organization_id, to_text(items), c.purpose, c.given_on,
                  c.recorded_by, c.recorded_at}));
  return find_consent(conn, rows[0].integer(0));
}

Result<Consent> find_consent(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kConsentColumns +
                                                   " FROM referral_consents WHERE id = ?",
                                               {id}));
  if (rows.empty()) return Error::not_found("consent");
  return consent_from(rows[0]);
}

Result<std::map<std::int64_t, Consent>> find_consents(db::Connection& conn,
                                                      const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, Consent> out;
  if (ids.empty()) return out;
  db::Params params(ids.begin(), ids.end());
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kConsentColumns +
                                                   " FROM referral_consents WHERE id IN (" +
                                                   db::placeholders(ids.size()) + ")",
                                               params));
  for (const auto& r : rows) {
    auto c = consent_from(r);
    out.emplace(c.id, std::move(c));
  }
  return out;
}

Result<std::vector<Consent>> consents_of(db::Connection& conn, std::int64_t case_id) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kConsentColumns +
                                        " FROM referral_consents WHERE case_id = ? ORDER BY id",
                                    {case_id}));
  std::vector<Consent> out;
  for (const auto& r : rows) out.push_back(consent_from(r));
  return out;
}

Result<Consent> withdraw_consent(db::Connection& conn, std::int64_t id, const std::string& on,
                                 const std::string& reason, std::int64_t by, CivilDay today,
                                 const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto c, find_consent(conn, id));
  if (!c.valid())
    return Error::rule(ErrorKind::conflict, "consent_withdrawn", "withdrawn_on",
                       ReferralErrors::consent_withdrawn());
  if (on > today.to_string()) return refused("withdrawn_on", FieldError::future_date());
  if (on < c.given_on) return refused("withdrawn_on", FieldError::before_other("given_on"));
  INNET_TRY(
      conn.execute("UPDATE referral_consents SET withdrawn_on = ?, withdrawal_reason = ?, "
                   "withdrawn_by = ?, withdrawn_at = ? WHERE id = ? AND withdrawn_on IS NULL",
                   {on, reason, by, now, id}));
  return find_consent(conn, id);
}

Status check_consent(const std::optional<Consent>& consent, const Referral& r) {
  const auto required = [](std::string why, std::vector<std::string> missing = {}) {
    return Error::rule(ErrorKind::unprocessable, "consent_required", "consent_id",
                       ReferralErrors::consent_required(std::move(why), std::move(missing)));
  };
  if (!consent) return required("missing");
  if (consent->case_id != r.case_id) return required("not_found");
  if (!consent->valid()) return required("withdrawn");
  if (consent->organization_id != r.to_organization_id) return required("other_organization");
  std::vector<std::string> missing;
  for (const auto& item : r.data_items)
    if (!has_item(consent->data_items, item)) missing.push_back(item);
  if (!missing.empty()) return required("fewer_items", std::move(missing));
  return Status::success();
}

namespace {

// The shape of a referral, made or edited: a category or a note needs its item; never to itself.
Status check_shape(const Referral& r, const std::vector<std::string>& items) {
  if (r.category && !has_item(items, "vulnerability_categories"))
    return refused("category", ReferralErrors::item_not_shared("vulnerability_categories"));
  if (!r.note_ids.empty() && !has_item(items, "notes"))
    return refused("note_ids", ReferralErrors::item_not_shared("notes"));
  if (r.from_organization_id == r.to_organization_id)
    return refused("organization_id", ReferralErrors::not_a_recipient());
  return Status::success();
}

}  // namespace

Result<Referral> create_referral(db::Connection& conn, const Referral& r, const std::string& now) {
  const auto items = normalised(r.data_items);
  INNET_TRY(check_shape(r, items));
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO referrals (case_id, from_organization_id, to_organization_id, "
                 "service_id, reason, category, urgency, data_items, note_ids, state, created_by, "
                 "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?) "
                 "RETURNING id",
                 {r.case_id, r.from_organization_id, r.to_organization_id, opt(r.service_id),
                  r.reason, opt(r.category), r.urgency, to_text(items), to_text(r.note_ids),
                  r.created_by, now, now}));
  const std::int64_t id = rows[0].integer(0);
  INNET_TRY(record_event(conn, id, "draft", std::nullopt, r.created_by, now));
  return find_referral(conn, id);
}

Result<Referral> update_draft(db::Connection& conn, const Referral& r, const std::string& now) {
  const auto items = normalised(r.data_items);
  INNET_TRY(check_shape(r, items));
  // Only a draft: the state is in the WHERE clause, so an edit racing a send finds no row.
  INNET_ASSIGN_OR_RETURN(
      auto changed,
      conn.execute("UPDATE referrals SET to_organization_id = ?, reason = ?, category = ?, "
                   "urgency = ?, data_items = ?, note_ids = ?, updated_at = ? "
                   "WHERE id = ? AND state = 'draft'",
                   {r.to_organization_id, r.reason, opt(r.category), r.urgency, to_text(items),
                    to_text(r.note_ids), now, r.id}));
  if (changed == 0) {
    INNET_ASSIGN_OR_RETURN(auto now_is, find_referral(conn, r.id));
    return Error::rule(ErrorKind::conflict, "wrong_state", "state",
                       ReferralErrors::wrong_state(now_is.state, {"draft"}));
  }
  return find_referral(conn, r.id);
}

Result<Referral> find_referral(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kReferralColumns + " FROM referrals WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("referral");
  return referral_from(rows[0]);
}

Result<std::vector<Referral>> list_referrals(db::Connection& conn, const ReferralFilter& f) {
  db::Where where;
  if (f.from_organization_id) where.add("from_organization_id = ?", *f.from_organization_id);
  if (f.to_organization_id) where.add("to_organization_id = ?", *f.to_organization_id);
  if (f.case_id) where.add("case_id = ?", *f.case_id);
  if (f.not_draft) where.add("state <> 'draft'");
  if (f.state) where.add("state = ?", *f.state);
  if (f.escalated_at) where.add("state = 'sent' AND answer_due_at < ?", *f.escalated_at);
  if (f.sent_from) where.add("sent_at >= ?", *f.sent_from);
  // A time on the last day sorts after the day alone: compare with the next day's start.
  if (f.sent_to) where.add("sent_at < ?", clock::add_days(*f.sent_to, 1));
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kReferralColumns +
                                                   " FROM referrals" + where.sql() + " ORDER BY id",
                                               where.params()));
  std::vector<Referral> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(referral_from(r));
  return out;
}

Result<std::vector<Event>> events_of(db::Connection& conn, std::int64_t referral_id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT id, referral_id, state, note, by_user, at "
                                               "FROM referral_events WHERE referral_id = ? "
                                               "ORDER BY id",
                                               {referral_id}));
  std::vector<Event> out;
  for (const auto& r : rows)
    out.push_back({r.integer(0), r.integer(1), r.text(2), r.opt_text(3), r.integer(4), r.text(5)});
  return out;
}

const std::vector<std::string>& transition_sources(const std::string& to) {
  static const std::map<std::string, std::vector<std::string>> from = {
      {"sent", {"draft"}},
      {"accepted", {"sent"}},
      {"declined", {"sent"}},
      {"in_progress", {"accepted"}},
      {"completed", {"in_progress"}},
      {"cancelled", {"draft", "sent", "accepted"}}};
  static const std::vector<std::string> none;
  const auto found = from.find(to);
  return found == from.end() ? none : found->second;
}

Result<Referral> transition(db::Connection& conn, Referral r, const Transition& t,
                            const std::string& now) {
  const auto& sources = transition_sources(t.to);
  if (std::find(sources.begin(), sources.end(), r.state) == sources.end())
    return Error::rule(ErrorKind::conflict, "wrong_state", "state",
                       ReferralErrors::wrong_state(r.state, sources));
  if (t.to == "completed" && r.outcome == "unsuccessful" && !r.outcome_reason)
    return refused("outcome_reason", FieldError::required());
  if (t.to == "sent") {
    r.sent_by = t.by;
    r.sent_at = now;
  }
  if (t.to == "accepted" || t.to == "declined") r.answered_at = now;
  if (t.to == "completed") r.completed_at = now;
  // The state it leaves is in the WHERE clause: of two acts at once on one referral, the second
  // finds no row and is refused like a wrong state.
  INNET_ASSIGN_OR_RETURN(
      auto changed,
      conn.execute("UPDATE referrals SET state = ?, consent_id = ?, override_reason = ?, "
                   "override_by = ?, decline_reason = ?, outcome = ?, outcome_reason = ?, "
                   "sent_by = ?, sent_at = ?, answer_due_at = ?, answered_at = ?, "
                   "completed_at = ?, updated_at = ? WHERE id = ? AND state = ?",
                   {t.to, opt(r.consent_id), opt(r.override_reason), opt(r.override_by),
                    opt(r.decline_reason), opt(r.outcome), opt(r.outcome_reason), opt(r.sent_by),
                    opt(r.sent_at), opt(r.answer_due_at), opt(r.answered_at), opt(r.completed_at),
                    now, r.id, r.state}));
  if (changed == 0)
    return Error::rule(ErrorKind::conflict, "wrong_state", "state",
                       ReferralErrors::wrong_state(r.state, sources));
  INNET_TRY(record_event(conn, r.id, t.to, t.note, t.by, now));
  return find_referral(conn, r.id);
}

Result<std::vector<Referral>> mark_escalations(db::Connection& conn, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("UPDATE referrals SET escalation_notified_at = ? WHERE state = "
                             "'sent' AND answer_due_at < ? AND escalation_notified_at IS NULL "
                             "RETURNING ") +
                     kReferralColumns,
                 {now, now}));
  std::vector<Referral> out;
  for (const auto& r : rows) out.push_back(referral_from(r));
  return out;
}

Status mark_seen(db::Connection& conn, std::int64_t referral_id, std::int64_t user_id,
                 const std::string& now) {
  INNET_TRY(conn.execute("DELETE FROM referral_reads WHERE referral_id = ? AND user_id = ?",
                         {referral_id, user_id}));
  INNET_TRY(
      conn.execute("INSERT INTO referral_reads (referral_id, user_id, seen_at) VALUES (?, ?, ?)",
                   {referral_id, user_id, now}));
  return Status::success();
}

Result<std::vector<std::int64_t>> unread_of(db::Connection& conn, std::int64_t user_id,
                                            const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> out;
  if (ids.empty()) return out;
  db::Params params{user_id};
  params.insert(params.end(), ids.begin(), ids.end());
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT r.id FROM referrals r LEFT JOIN referral_reads s ON "
                                    "s.referral_id = r.id AND s.user_id = ? WHERE r.id IN (" +
                                        db::placeholders(ids.size()) +
                                        ") AND (s.seen_at IS NULL OR s.seen_at < r.updated_at)",
                                    params));
  for (const auto& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<std::vector<std::int64_t>> insert_consents_bulk(db::Connection& conn,
                                                       const std::vector<Consent>& rows) {
  // In the seed's one transaction nothing else inserts: the new ids are those above the largest.
  INNET_ASSIGN_OR_RETURN(auto last,
                         conn.query("SELECT COALESCE(MAX(id), 0) FROM referral_consents"));
  INNET_TRY(db::insert_many(
      conn,
      "INSERT INTO referral_consents (case_id, organization_id, data_items, purpose, given_on, "
      "recorded_by, recorded_at) VALUES ",
      7, rows.size(), [&](std::size_t k, db::Params& params) {
        const auto& c = rows[k];
        for (db::Value v :
             {db::Value(c.case_id), db::Value(c.organization_id),
              db::Value(to_text(normalised(c.data_items))), db::Value(c.purpose),
              db::Value(c.given_on), db::Value(c.recorded_by), db::Value(c.recorded_at)})
          params.push_back(std::move(v));
      }));
  INNET_ASSIGN_OR_RETURN(auto made, conn.query("SELECT id FROM referral_consents WHERE id > ? "
                                               "ORDER BY id",
                                               {last[0].integer(0)}));
  std::vector<std::int64_t> ids;
  for (const auto& r : made) ids.push_back(r.integer(0));
  return ids;
}

Status insert_referrals_bulk(db::Connection& conn, const std::vector<Referral>& rows) {
  return db::insert_many(
      conn,
      "INSERT INTO referrals (case_id, from_organization_id, to_organization_id, service_id, "
      "reason, category, urgency, data_items, note_ids, consent_id, override_reason, "
      "override_by, state, decline_reason, outcome, outcome_reason, created_by, created_at, "
      "sent_by, sent_at, answer_due_at, answered_at, completed_at, escalation_notified_at, "
      "updated_at) VALUES ",
      25, rows.size(),
      [&](std::size_t k, db::Params& params) {
        const auto& r = rows[k];
        for (db::Value v : {db::Value(r.case_id),
                            db::Value(r.from_organization_id),
                            db::Value(r.to_organization_id),
                            opt(r.service_id),
                            db::Value(r.reason),
                            opt(r.category),
                            db::Value(r.urgency),
                            db::Value(to_text(normalised(r.data_items))),
                            db::Value(to_text(r.note_ids)),
                            opt(r.consent_id),
                            opt(r.override_reason),
                            opt(r.override_by),
                            db::Value(r.state),
                            opt(r.decline_reason),
                            opt(r.outcome),
                            opt(r.outcome_reason),
                            db::Value(r.created_by),
                            db::Value(r.created_at),
                            opt(r.sent_by),
                            opt(r.sent_at),
                            opt(r.answer_due_at),
                            opt(r.answered_at),
                            opt(r.completed_at),
                            opt(r.escalation_notified_at),
                            db::Value(r.updated_at)})
          params.push_back(std::move(v));
      },
      36);
}

const api::ObjectType<Consent>& consent_type() {
  static const auto type =
      api::ObjectType<Consent>("Consent")
          .field("id", &Consent::id)
          .field("case_id", &Consent::case_id)
          .field("organization_id", &Consent::organization_id,
                 {.description = "the organisation the person agreed to share with"})
          .field("data_items", &Consent::data_items, {.schema = data_items_schema()})
          .field("purpose", &Consent::purpose)
          .field("given_on", &Consent::given_on, {.format = "date"})
          .field("recorded_at", &Consent::recorded_at, {.format = "date-time"})
          .field("withdrawn_on", &Consent::withdrawn_on, {.format = "date"})
          .field("withdrawal_reason", &Consent::withdrawal_reason)
          .field("withdrawn_at", &Consent::withdrawn_at, {.format = "date-time"})
          .field("valid", [](const Consent& c) { return c.valid(); });
  return type;
}

const api::ObjectType<Event>& event_type() {
  static const auto type = api::ObjectType<Event>("ReferralEvent")
                               .field("id", &Event::id)
                               .field("state", &Event::state, {.allowed = states()})
                               .field("note", &Event::note)
                               .field("at", &Event::at, {.format = "date-time"});
  return type;
}

std::vector<db::Migration> migrations(db::Engine) {
  // Cases, organisations and users are referenced by id; no column names a person.
  return {{.version = 1,
           .name = "referrals: consents, referrals, their history and who read them",
           .sql = R"sql(
CREATE TABLE referral_consents (
  id {{pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  data_items TEXT NOT NULL,
  purpose TEXT NOT NULL,
  given_on TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  withdrawn_on TEXT,
  withdrawal_reason TEXT,
  withdrawn_by BIGINT REFERENCES users (id),
  withdrawn_at TEXT
);
CREATE INDEX referral_consents_case ON referral_consents (case_id);
CREATE TABLE referrals (
  id {{pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  from_organization_id BIGINT NOT NULL REFERENCES organizations (id),
  to_organization_id BIGINT NOT NULL REFERENCES organizations (id),
  service_id BIGINT,
  reason TEXT NOT NULL,
  category TEXT,
  urgency TEXT NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'normal')),
  data_items TEXT NOT NULL,
  note_ids TEXT NOT NULL,
  consent_id BIGINT REFERENCES referral_consents (id),
  override_reason TEXT,
  override_by BIGINT REFERENCES users (id),
  state TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'accepted', 'declined', 'in_progress',
                                       'completed', 'cancelled')),
  decline_reason TEXT,
  outcome TEXT CHECK (outcome IN ('successful', 'unsuccessful')),
  outcome_reason TEXT,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  sent_by BIGINT REFERENCES users (id),
  sent_at TEXT,
  answer_due_at TEXT,
  answered_at TEXT,
  completed_at TEXT,
  escalation_notified_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX referrals_to ON referrals (to_organization_id, state);
CREATE INDEX referrals_from ON referrals (from_organization_id, state);
CREATE INDEX referrals_case ON referrals (case_id);
CREATE INDEX referrals_waiting ON referrals (state, answer_due_at);
CREATE TABLE referral_events (
  id {{pk}},
  referral_id BIGINT NOT NULL REFERENCES referrals (id),
  state TEXT NOT NULL,
  note TEXT,
  by_user BIGINT NOT NULL REFERENCES users (id),
  at TEXT NOT NULL
);
CREATE INDEX referral_events_referral ON referral_events (referral_id);
CREATE TABLE referral_reads (
  referral_id BIGINT NOT NULL REFERENCES referrals (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  seen_at TEXT NOT NULL,
  PRIMARY KEY (referral_id, user_id)
);
)sql"}};
}

}  // namespace innet::referrals
