#include "referrals/view.h"

#include <algorithm>
#include <map>
#include <set>

#include "accounts/accounts.h"
#include "cases/cases.h"
#include "cases/notes.h"
#include "people/persons.h"
#include "people/visibility.h"

namespace innet::referrals {

Side side_of(api::Context& ctx, const Referral& r) {
  const auto& policy = ctx.services.policy;
  if (policy.allows(*ctx.actor, "referrals.read", {r.from_organization_id, 0})) return Side::sender;
  // Drafts are the sender's alone.
  if (r.state != "draft" && ctx.actor->organization_id == r.to_organization_id &&
      policy.allows(*ctx.actor, "referrals.receive", {r.to_organization_id, 0}))
    return Side::recipient;
  return Side::none;
}

Result<std::pair<Referral, Side>> visible_referral(api::Context& ctx, db::Connection& conn,
                                                   std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto r, find_referral(conn, id));
  const Side side = side_of(ctx, r);
  if (side == Side::none) return Error::not_found("referral");
  return std::pair{std::move(r), side};
}

namespace {

bool shares(const Referral& r, const char* item) {
  return std::find(r.data_items.begin(), r.data_items.end(), item) != r.data_items.end();
}

// Why sharing has stopped, if it has: the consent's withdrawal stops it for every referral sent
// under it, from then on; a declined or cancelled referral shares nothing any more.
std::optional<std::string> stopped(const Referral& r, std::optional<bool> consent_valid) {
  if (r.state == "declined" || r.state == "cancelled") return r.state;
  if (consent_valid && !*consent_valid) return "consent_withdrawn";
  return std::nullopt;
}

std::string full_name(const people::Person& p) {
  return p.family_name + " " + p.given_names;
}

SharedIdentity identity_of(const people::Person& p) {
  return {p.family_name, p.given_names, p.family_name_original, p.given_names_original,
          p.sex,         p.birth_date,  p.nationality,          p.codice_fiscale};
}

}  // namespace

Result<SharedData> shared_data(api::Context& ctx, db::Connection& conn, const Referral& r,
                               Side side) {
  std::optional<bool> consent_valid;
  if (r.consent_id) {
    INNET_ASSIGN_OR_RETURN(auto consent, find_consent(conn, *r.consent_id));
    consent_valid = consent.valid();
  }
  SharedData d;
  d.stopped = stopped(r, consent_valid);
  if (d.stopped) return d;
  d.items = r.data_items;
  INNET_ASSIGN_OR_RETURN(auto c, cases::find_case(conn, r.case_id));
  d.person_id = c.person_id;
  INNET_ASSIGN_OR_RETURN(auto persons, people::find_persons(conn, {c.person_id}));
  if (shares(r, "identity") && !persons.empty()) d.identity = identity_of(persons[0]);
  if (shares(r, "contacts")) {
    INNET_ASSIGN_OR_RETURN(auto places, people::current_places_of(conn, {c.person_id}));
    if (!places.empty()) d.current_centre = places[0].centre_name;
  }
  if (shares(r, "languages"))
    d.languages =
        SharedLanguages{persons.empty() ? std::vector<std::string>{} : persons[0].languages,
                        c.interpreter_needed, c.interpreter_language};
  if (shares(r, "legal_status")) d.legal_status = c.legal_status;
  if (shares(r, "vulnerability_categories")) d.category = r.category;
  if (shares(r, "notes") && !r.note_ids.empty()) {
    // The sender chose these notes for the recipient: a sensitive one is opened for it, which is
    // what the consent covers. On the sender's side the cases' field set decides, as on the
    // case page: the Prefettura reads that a sensitive note was shared, not its words.
    const bool open =
        side == Side::recipient ||
        ctx.services.policy.allows(*ctx.actor, "cases.notes.sensitive", {c.organization_id, 0});
    INNET_ASSIGN_OR_RETURN(auto notes,
                           cases::notes_of(conn, c.id, open ? &ctx.services.notes_key : nullptr));
    for (auto& n : notes)
      if (std::find(r.note_ids.begin(), r.note_ids.end(), n.id) != r.note_ids.end())
        d.notes.push_back({n.written_at, n.sensitivity, std::move(n.text)});
  }
  if (shares(r, "documents")) {
    INNET_ASSIGN_OR_RETURN(auto documents, cases::documents_of(conn, c.id));
    for (auto& x : documents)
      d.documents.push_back({x.type, x.description, x.number, x.issuer, x.expires_on});
  }
  return d;
}

namespace {

std::vector<std::string> actions_of(api::Context& ctx, const Referral& r, Side side) {
  std::vector<std::string> out;
  const auto& policy = ctx.services.policy;
  auto from = [&](const char* to) {
    const auto& sources = transition_sources(to);
    return std::find(sources.begin(), sources.end(), r.state) != sources.end();
  };
  if (side == Side::sender &&
      policy.allows(*ctx.actor, "referrals.manage", {r.from_organization_id, 0})) {
    if (from("sent")) out.push_back("send");
    if (from("cancelled")) out.push_back("cancel");
  }
  if (side == Side::recipient) {
    if (from("accepted")) out.insert(out.end(), {"accept", "decline"});
    if (from("in_progress")) out.push_back("start");
    if (from("completed")) out.push_back("complete");
  }
  return out;
}

// The organisations, cases, persons and consents of the referrals an answer shows, each kind
// read in one statement whatever the number of rows.
struct Lookups {
  std::map<std::int64_t, accounts::Organization> organizations;
  std::map<std::int64_t, cases::Case> cases;       // by case id
  std::map<std::int64_t, people::Person> persons;  // by case id
  std::map<std::int64_t, bool> consent_valid;      // by consent id
};

Result<Lookups> lookups(db::Connection& conn, const std::vector<Referral>& referrals) {
  Lookups l;
  std::vector<std::int64_t> org_ids, consent_ids, case_ids;
  for (const auto& r : referrals) {
    org_ids.push_back(r.from_organization_id);
    org_ids.push_back(r.to_organization_id);
    if (r.consent_id) consent_ids.push_back(*r.consent_id);
    case_ids.push_back(r.case_id);
  }
  INNET_ASSIGN_OR_RETURN(l.organizations, accounts::find_organizations(conn, org_ids));
  INNET_ASSIGN_OR_RETURN(auto consents, find_consents(conn, consent_ids));
  for (const auto& [id, c] : consents) l.consent_valid[id] = c.valid();
  INNET_ASSIGN_OR_RETURN(l.cases, cases::find_cases(conn, case_ids));
  std::vector<std::int64_t> person_ids;
  for (const auto& [id, c] : l.cases) person_ids.push_back(c.person_id);
  INNET_ASSIGN_OR_RETURN(auto persons, people::find_persons(conn, person_ids));
  std::map<std::int64_t, people::Person> by_person;
  for (auto& p : persons) by_person.emplace(p.id, std::move(p));
  for (const auto& [case_id, c] : l.cases)
    if (by_person.contains(c.person_id)) l.persons.emplace(case_id, by_person.at(c.person_id));
  return l;
}

std::optional<bool> consent_valid(const Referral& r, const Lookups& l) {
  if (!r.consent_id) return std::nullopt;
  return l.consent_valid.at(*r.consent_id);
}

// What a recipient's row shows of the shared data: the identity and the category, from the
// lookups (the page reads the rest with shared_data).
SharedData row_shared(const Referral& r, const Lookups& l) {
  SharedData d;
  d.stopped = stopped(r, consent_valid(r, l));
  if (d.stopped) return d;
  d.items = r.data_items;
  d.person_id = l.cases.at(r.case_id).person_id;
  const auto person = l.persons.find(r.case_id);
  if (shares(r, "identity") && person != l.persons.end()) d.identity = identity_of(person->second);
  if (shares(r, "vulnerability_categories")) d.category = r.category;
  return d;
}

Result<ReferralView> view_of(api::Context& ctx, db::Connection& conn, const Referral& r, Side side,
                             const Lookups& l, const std::string& now, bool full) {
  ReferralView v{.r = r, .side = side == Side::sender ? "sender" : "recipient"};
  v.from_organization = l.organizations.at(r.from_organization_id).name;
  v.to_organization = l.organizations.at(r.to_organization_id).name;
  if (const auto valid = consent_valid(r, l)) v.consent_state = *valid ? "valid" : "withdrawn";
  v.escalated = r.escalated(now);
  v.overridden = r.override_reason.has_value();
  v.reason = r.reason;
  if (side == Side::sender) {
    // The sender's organisation keeps the case: its name is its own record.
    v.case_id = r.case_id;
    const auto& p = l.persons.at(r.case_id);
    v.person_name = full_name(p);
    v.person_read = p.id;
    if (full) {
      INNET_ASSIGN_OR_RETURN(v.shared, shared_data(ctx, conn, r, side));
    }
  } else {
    if (full) {
      INNET_ASSIGN_OR_RETURN(v.shared, shared_data(ctx, conn, r, side));
    } else {
      v.shared = row_shared(r, l);
    }
    if (v.shared.identity)
      v.person_name = v.shared.identity->family_name + " " + v.shared.identity->given_names;
    if (v.shared.personal()) v.person_read = v.shared.person_id;
    // Why the Prefettura overrode the consent is its own record (it may say what the person
    // went through); the recipient reads that it did. Once sharing has stopped the sender's
    // words about the person (the reason) stop too.
    v.r.override_reason.reset();
    v.r.note_ids.clear();  // ids of the case's notes: the sender's record
    if (v.shared.stopped) v.reason.reset();
    // What a recipient does not receive, it cannot read in its list either.
    if (!v.shared.category) v.r.category.reset();
  }
  v.actions = actions_of(ctx, r, side);
  return v;
}

}  // namespace

Result<ReferralView> referral_view(api::Context& ctx, db::Connection& conn, const Referral& r,
                                   Side side, const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto l, lookups(conn, {r}));
  INNET_ASSIGN_OR_RETURN(auto v, view_of(ctx, conn, r, side, l, now, true));
  if (v.person_read) ctx.record_read(*v.person_read);
  INNET_ASSIGN_OR_RETURN(auto events, events_of(conn, r.id));
  std::map<std::int64_t, accounts::User> users;
  for (auto& e : events) {
    if (!users.contains(e.by)) {
      INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(conn, e.by));
      users.emplace(e.by, std::move(user));
    }
    const auto& user = users.at(e.by);
    // The sender's notes are words about the person too: none once sharing has stopped. The
    // recipient's own notes stay its own.
    if (side == Side::recipient && v.shared.stopped && user.organization_id != r.to_organization_id)
      e.note.reset();
    v.history.push_back({std::move(e), user.display_name});
  }
  return v;
}

Result<std::vector<ReferralView>> list_rows(api::Context& ctx, db::Connection& conn,
                                            std::vector<Referral> referrals, Side side,
                                            const std::string& now) {
  INNET_ASSIGN_OR_RETURN(auto l, lookups(conn, referrals));
  std::vector<std::int64_t> ids;
  for (const auto& r : referrals) ids.push_back(r.id);
  INNET_ASSIGN_OR_RETURN(auto unread, unread_of(conn, ctx.actor->user_id, ids));
  const std::set<std::int64_t> unread_ids(unread.begin(), unread.end());
  std::vector<ReferralView> out;
  out.reserve(referrals.size());
  for (const auto& r : referrals) {
    INNET_ASSIGN_OR_RETURN(auto v, view_of(ctx, conn, r, side, l, now, false));
    v.unread = unread_ids.contains(r.id);
    out.push_back(std::move(v));
  }
  return out;
}

namespace {

const api::ObjectType<SharedIdentity>& identity_type() {
  static const auto type = api::ObjectType<SharedIdentity>("ReferralIdentity")
                               .field("family_name", &SharedIdentity::family_name)
                               .field("given_names", &SharedIdentity::given_names)
                               .field("family_name_original", &SharedIdentity::family_name_original)
                               .field("given_names_original", &SharedIdentity::given_names_original)
                               .field("sex", &SharedIdentity::sex)
                               .field("birth_date", &SharedIdentity::birth_date, {.format = "date"})
                               .field("nationality", &SharedIdentity::nationality)
                               .field("codice_fiscale", &SharedIdentity::codice_fiscale);
  return type;
}

const api::ObjectType<SharedLanguages>& languages_type() {
  static const auto type =
      api::ObjectType<SharedLanguages>("ReferralLanguages")
          .field("languages", &SharedLanguages::languages)
          .field("interpreter_needed", &SharedLanguages::interpreter_needed)
          .field("interpreter_language", &SharedLanguages::interpreter_language);
  return type;
}

const api::ObjectType<SharedNote>& note_type() {
  static const auto type =
      api::ObjectType<SharedNote>("ReferralNote")
          .field("written_at", &SharedNote::written_at, {.format = "date-time"})
          .field("sensitivity", &SharedNote::sensitivity)
          .field("text", &SharedNote::text);
  return type;
}

const api::ObjectType<SharedDocument>& document_type() {
  static const auto type =
      api::ObjectType<SharedDocument>("ReferralDocument")
          .field("type", &SharedDocument::type)
          .field("description", &SharedDocument::description)
          .field("number", &SharedDocument::number)
          .field("issuer", &SharedDocument::issuer)
          .field("expires_on", &SharedDocument::expires_on, {.format = "date"});
  return type;
}

const api::ObjectType<SharedData>& shared_type() {
  static const auto type =
      api::ObjectType<SharedData>(
          "ReferralSharedData",
          "what the recipient reads of the case: only the items shared, nothing once stopped")
          .field("stopped", &SharedData::stopped,
                 {.description = "why nothing is shared any more",
                  .allowed = {"consent_withdrawn", "declined", "cancelled"}})
          .field("items", &SharedData::items, {.schema = data_items_schema()})
          .field("identity", &SharedData::identity, identity_type())
          .field("current_centre", &SharedData::current_centre)
          .field("languages", &SharedData::languages, languages_type())
          .field("legal_status", &SharedData::legal_status)
          .field("category", &SharedData::category)
          .field("notes", &SharedData::notes, note_type())
          .field("documents", &SharedData::documents, document_type());
  return type;
}

const api::ObjectType<NamedEvent>& named_event_type() {
  static const auto type =
      api::ObjectType<NamedEvent>("ReferralHistoryEntry")
          .include(event_type(), [](const NamedEvent& e) -> const Event& { return e.event; })
          .field("by_name", &NamedEvent::by_name);
  return type;
}

// The properties a row and the page share.
template <class Type>
Type& common(Type& type) {
  using V = ReferralView;
  return type.field("id", [](const V& v) { return v.r.id; })
      .field("reference", [](const V& v) { return v.r.reference(); })
      .field("side", &V::side, {.allowed = {"sender", "recipient"}})
      .field("state", [](const V& v) { return v.r.state; }, {.allowed = states()})
      .field("urgency", [](const V& v) { return v.r.urgency; }, {.allowed = urgencies()})
      .field("category", [](const V& v) { return v.r.category; },
             {.description = "for a recipient, only when vulnerability_categories is shared"})
      .field("from_organization_id", [](const V& v) { return v.r.from_organization_id; })
      .field("from_organization", &V::from_organization)
      .field("to_organization_id", [](const V& v) { return v.r.to_organization_id; })
      .field("to_organization", &V::to_organization)
      .field("service_id", [](const V& v) { return v.r.service_id; },
             {.description = "a service of the directory (issue 12); null until it exists"})
      .field("case_id", &V::case_id, {.description = "the sender's only"})
      .field("person_name", &V::person_name,
             {.description = "the sender's; a recipient's only when identity is shared"})
      .field("consent_state", &V::consent_state,
             {.description = "null: sent on an override", .allowed = {"valid", "withdrawn"}})
      .field("overridden", &V::overridden)
      .field("escalated", &V::escalated,
             {.description = "sent and not answered within the urgency's days"})
      .field("unread", &V::unread)
      .field("created_at", [](const V& v) { return v.r.created_at; }, {.format = "date-time"})
      .field("sent_at", [](const V& v) { return v.r.sent_at; }, {.format = "date-time"})
      .field("answer_due_at", [](const V& v) { return v.r.answer_due_at; }, {.format = "date-time"})
      .field("answered_at", [](const V& v) { return v.r.answered_at; }, {.format = "date-time"})
      .field("completed_at", [](const V& v) { return v.r.completed_at; }, {.format = "date-time"})
      .field("outcome", [](const V& v) { return v.r.outcome; }, {.allowed = outcomes()})
      .field("updated_at", [](const V& v) { return v.r.updated_at; }, {.format = "date-time"});
}

}  // namespace

const api::ObjectType<ReferralView>& referral_row_type() {
  static const auto type = [] {
    api::ObjectType<ReferralView> t("ReferralListItem");
    common(t);
    return t;
  }();
  return type;
}

const api::ObjectType<ReferralView>& referral_view_type() {
  using V = ReferralView;
  static const auto type = [] {
    api::ObjectType<ReferralView> t("Referral");
    common(t)
        .field("reason", &V::reason,
               {.description = "null for a recipient once sharing has stopped"})
        .field("data_items", [](const V& v) { return v.r.data_items; },
               {.description = "what the referral shares", .schema = data_items_schema()})
        .field("note_ids", [](const V& v) { return v.r.note_ids; },
               {.description = "the case notes shared: the sender's (empty for a recipient)"})
        .field("override_reason", [](const V& v) { return v.r.override_reason; },
               {.description = "the sender's: null for a recipient"})
        .field("decline_reason", [](const V& v) { return v.r.decline_reason; })
        .field("outcome_reason", [](const V& v) { return v.r.outcome_reason; })
        .field("history", &V::history, named_event_type())
        .field("shared", &V::shared, shared_type())
        .field("actions", &V::actions,
               {.description = "what the caller may do in this state: send, cancel, accept, "
                               "decline, start, complete"});
    return t;
  }();
  return type;
}

}  // namespace innet::referrals
