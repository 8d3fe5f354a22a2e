// Closed-loop referrals with consent (issue 11 point 3, decision 0032): the person's consent to
// share named data with one organisation, and referrals from a case to an organisation (later a
// service of the directory) that go draft -> sent -> accepted | declined -> in_progress ->
// completed, or are cancelled by the sender. Model, rules and storage; the routes are in
// routes.cc, what a recipient reads in shared_view.cc.
//
// Every table names a case, never a person: a merge of two persons moves the case (cases'
// PersonRecords) and the referrals follow it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "core/civil_day.h"
#include "core/field_error.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"

namespace innet::referrals {

// The data a consent may cover and a referral may share, each a fixed part of the case:
// identity (names, sex, birth date, nationality, codice fiscale), contacts (where the person
// stays now), languages (and the need for an interpreter), legal_status, vulnerability_categories
// (the referral's category), notes (the case notes the sender picks), documents (the identity
// documents: permit of stay, passport...).
const std::vector<std::string>& data_items();
// The JSON Schema of a list of them, for the answers that carry one.
nlohmann::json data_items_schema();
const std::vector<std::string>& urgencies();  // emergency, urgent, normal
// draft, sent, accepted, declined, in_progress, completed, cancelled
const std::vector<std::string>& states();
const std::vector<std::string>& outcomes();  // successful, unsuccessful
// The organisation types a referral may go to: those that take a person in charge (the health
// authority, municipalities' social services, centre operators, NGOs, schools, others), not the
// Prefettura nor the Questura.
const std::vector<std::string>& recipient_types();

struct ReferralErrors {
  // 409: the referral is in `state`, the act needs one of `expected`.
  static FieldError wrong_state(std::string state, std::vector<std::string> expected);
  // 422 on consent_id: no valid consent covers the sharing. `why`: missing, not_found, withdrawn,
  // other_organization, fewer_items (then `missing` names the items the consent does not cover).
  static FieldError consent_required(std::string why, std::vector<std::string> missing = {});
  // 422 on override_reason: the caller's role may not send without consent.
  static FieldError override_not_allowed();
  static FieldError item_not_shared(std::string item);  // a note or category without its item
  static FieldError not_a_recipient();                  // an organisation of the wrong type
  static FieldError consent_withdrawn();                // withdrawing twice
};

struct Consent {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t organization_id = 0;  // who may receive the data
  std::vector<std::string> data_items;
  std::string purpose;
  std::string given_on;  // YYYY-MM-DD
  std::int64_t recorded_by = 0;
  std::string recorded_at;
  std::optional<std::string> withdrawn_on;
  std::optional<std::string> withdrawal_reason;
  std::optional<std::int64_t> withdrawn_by;
  std::optional<std::string> withdrawn_at;
  bool valid() const { return !withdrawn_on.has_value(); }
};

struct Referral {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t from_organization_id = 0;  // the case's organisation when it was made
  std::int64_t to_organization_id = 0;
  // A service of the directory (issue 12): none until that module exists; the organisation is
  // the recipient either way.
  std::optional<std::int64_t> service_id;
  std::string reason;
  std::optional<std::string> category;  // one of cases::vulnerability_categories()
  std::string urgency = "normal";
  std::vector<std::string> data_items;  // what the recipient may read
  std::vector<std::int64_t> note_ids;   // the case notes shared (with the item "notes")
  std::optional<std::int64_t> consent_id;
  std::optional<std::string> override_reason;  // sent without consent, by an authorised role
  std::optional<std::int64_t> override_by;
  std::string state = "draft";
  std::optional<std::string> decline_reason;
  std::optional<std::string> outcome;
  std::optional<std::string> outcome_reason;  // required when unsuccessful
  std::int64_t created_by = 0;
  std::string created_at;
  std::optional<std::int64_t> sent_by;
  std::optional<std::string> sent_at;
  std::optional<std::string> answer_due_at;  // sent_at plus the urgency's days
  std::optional<std::string> answered_at;    // accepted or declined
  std::optional<std::string> completed_at;
  std::optional<std::string> escalation_notified_at;
  std::string updated_at;

  std::string reference() const;  // "R-000042": what mails and tasks name
  // Sent, unanswered past its term.
  bool escalated(const std::string& now) const {
    return state == "sent" && answer_due_at && *answer_due_at < now;
  }
};

// Every change of state, the creation included.
struct Event {
  std::int64_t id = 0;
  std::int64_t referral_id = 0;
  std::string state;
  std::optional<std::string> note;
  std::int64_t by = 0;
  std::string at;
};

// Consents
Result<Consent> record_consent(db::Connection& conn, const Consent& c, CivilDay today);
Result<Consent> find_consent(db::Connection& conn, std::int64_t id);
// The consents among these ids, by id, in one statement.
Result<std::map<std::int64_t, Consent>> find_consents(db::Connection& conn,
                                                      const std::vector<std::int64_t>& ids);
Result<std::vector<Consent>> consents_of(db::Connection& conn, std::int64_t case_id);
// A withdrawal is a date and a reason on the consent, never a deletion. 409 when withdrawn.
Result<Consent> withdraw_consent(db::Connection& conn, std::int64_t id, const std::string& on,
                                 const std::string& reason, std::int64_t by, CivilDay today,
                                 const std::string& now);
// Does the consent allow this referral to be sent? Ok, or 422 consent_required on consent_id.
Status check_consent(const std::optional<Consent>& consent, const Referral& r);

// Referrals
struct ReferralFilter {
  std::optional<std::int64_t> from_organization_id;  // the outbox of an organisation
  std::optional<std::int64_t> to_organization_id;    // the inbox
  std::optional<std::int64_t> case_id;
  bool not_draft = false;  // recipients never see drafts
  std::optional<std::string> state;
  // Escalated at this time (ISO, UTC): sent and unanswered past the term (Referral::escalated).
  std::optional<std::string> escalated_at;
  // Sent on these days (YYYY-MM-DD, UTC as stored), both included; drafts never match.
  std::optional<std::string> sent_from;
  std::optional<std::string> sent_to;
};
// Checks the shape (a category or a note needs its item; items known) and stores a draft.
Result<Referral> create_referral(db::Connection& conn, const Referral& r, const std::string& now);
// A draft edited by its sender (the recipient, reason, category, urgency, items, notes), the shape
// checked as when made; 409 wrong_state once it has left the draft. No event: the history
// records changes of state, the audit entry the edit.
Result<Referral> update_draft(db::Connection& conn, const Referral& r, const std::string& now);
Result<Referral> find_referral(db::Connection& conn, std::int64_t id);
Result<std::vector<Referral>> list_referrals(db::Connection& conn, const ReferralFilter& f);
Result<std::vector<Event>> events_of(db::Connection& conn, std::int64_t referral_id);

// A transition. `to` one of sent, accepted, declined, in_progress, completed, cancelled; the
// fields the state needs are set on `r` by the caller (reason, outcome...). 409 wrong_state
// when the referral is not in a state the transition starts from.
struct Transition {
  std::string to;
  std::optional<std::string> note;
  std::int64_t by = 0;
};
Result<Referral> transition(db::Connection& conn, Referral r, const Transition& t,
                            const std::string& now);
// The states a transition to `to` starts from.
const std::vector<std::string>& transition_sources(const std::string& to);

// The days a sent referral waits for an answer before it escalates, by urgency (the defaults
// 1, 3 and 10; configurable).
struct AnswerDays {
  int emergency = 1;
  int urgent = 3;
  int normal = 10;
  int of(const std::string& urgency) const;
};
// `now` (an ISO time, UTC, as clock::now_iso writes it) plus the days.
std::string add_days(const std::string& now, int days);

// Referrals escalated and not yet notified: marks them notified at `now` and returns them.
Result<std::vector<Referral>> mark_escalations(db::Connection& conn, const std::string& now);

// When a user last opened a referral: the inbox shows the ones changed since as unread.
Status mark_seen(db::Connection& conn, std::int64_t referral_id, std::int64_t user_id,
                 const std::string& now);
// The referrals among `ids` the user has not opened since their last change.
Result<std::vector<std::int64_t>> unread_of(db::Connection& conn, std::int64_t user_id,
                                            const std::vector<std::int64_t>& ids);

// Seeding in bulk (national scale): inserts the consents (their ids in the same order) and the
// referrals (no events) in a few statements.
Result<std::vector<std::int64_t>> insert_consents_bulk(db::Connection& conn,
                                                       const std::vector<Consent>& rows);
Status insert_referrals_bulk(db::Connection& conn, const std::vector<Referral>& rows);

const api::ObjectType<Consent>& consent_type();
const api::ObjectType<Event>& event_type();

std::vector<db::Migration> migrations(db::Engine engine);

}  // namespace innet::referrals
