// The referral routes (decision 0032). The case workers of the organisation that keeps a case
// record consents and send referrals from it; the Prefettura reads every referral and may send
// one without consent on a recorded override; the recipient organisation's users (service
// providers, case workers of another operator) read their inbox and answer. A case the caller
// may not read, a consent of such a case and a referral on no side of the caller answer 404 like
// missing ones; cases' own routes keep answering 404 to a recipient.
#include "referrals/routes.h"

#include <algorithm>
#include <map>

#include "accounts/accounts.h"
#include "cases/cases.h"
#include "cases/notes.h"
#include "cases/view.h"
#include "core/clock.h"
#include "documents/sniff.h"
#include "people/name_fold.h"
#include "reception/overview/office_list.h"
#include "referrals/labels.h"
#include "referrals/metrics.h"
#include "referrals/notify.h"
#include "referrals/view.h"
#include "reporting/files.h"

namespace innet::referrals {

namespace {
AnswerDays& configured_days() {
  static AnswerDays days;
  return days;
}
}  // namespace

void set_answer_days(AnswerDays days) {
  configured_days() = days;
}
const AnswerDays& answer_days() {
  return configured_days();
}

namespace {

// A case named in a body: one the caller may not reach for `action` is refused like a missing
// one, on the field that named it.
Result<cases::Case> case_named(api::Context& ctx, db::Connection& conn, std::int64_t id,
                               const char* action) {
  auto c = cases::visible_case(ctx, conn, id, action);
  if (!c.ok() && c.error().kind == ErrorKind::not_found)
    return Error::field(ErrorKind::unprocessable, "case_id", FieldError::not_found("case"));
  return c;
}

// A recipient is an organisation of a type that takes people in charge, other than the sender.
Result<accounts::Organization> recipient(db::Connection& conn, std::int64_t id,
                                         std::int64_t sender_id) {
  auto org = accounts::find_organization(conn, id);
  if (!org.ok() && org.error().kind == ErrorKind::not_found)
    return Error::field(ErrorKind::unprocessable, "organization_id",
                        FieldError::not_found("organisation"));
  if (!org.ok()) return org.take_error();
  const auto& types = recipient_types();
  if (id == sender_id || std::find(types.begin(), types.end(), org->type) == types.end())
    return Error::field(ErrorKind::unprocessable, "organization_id",
                        ReferralErrors::not_a_recipient());
  return org;
}

// Consents and referrals: audit entries name the records and what changed, never contents.
Status commit(api::Context& ctx, const std::string& action, const std::string& type,
              std::int64_t id, nlohmann::json details) {
  auto entry = ctx.audit(action, type, std::to_string(id));
  entry.details = details.dump();
  return ctx.commit(entry);
}

// ---- consents ----

struct ConsentView {
  Consent c;
  std::string organization;
  std::string recorded_by_name;
  std::vector<documents::Document> forms;
};

const api::ObjectType<ConsentView>& consent_view_type() {
  static const auto type =
      api::ObjectType<ConsentView>("ConsentView")
          .include(consent_type(), [](const ConsentView& v) -> const Consent& { return v.c; })
          .field("organization", &ConsentView::organization)
          .field("recorded_by_name", &ConsentView::recorded_by_name)
          .field("forms", &ConsentView::forms, documents::document_type(),
                 {.description = "the signed consent form, when uploaded"});
  return type;
}

Result<std::vector<ConsentView>> consent_views(db::Connection& conn, std::vector<Consent> all) {
  std::vector<std::int64_t> org_ids, ids;
  for (const auto& c : all) {
    org_ids.push_back(c.organization_id);
    ids.push_back(c.id);
  }
  INNET_ASSIGN_OR_RETURN(auto orgs, accounts::find_organizations(conn, org_ids));
  INNET_ASSIGN_OR_RETURN(auto forms, documents::documents_of(conn, kConsentFormOwnerKind, ids));
  std::vector<ConsentView> out;
  std::map<std::int64_t, std::string> names;  // a case's consents are recorded by a few users
  for (auto& c : all) {
    if (!names.contains(c.recorded_by)) {
      INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(conn, c.recorded_by));
      names[c.recorded_by] = user.display_name;
    }
    ConsentView v{.c = c,
                  .organization = orgs.at(c.organization_id).name,
                  .recorded_by_name = names[c.recorded_by]};
    for (const auto& f : forms)
      if (f.owner_id == c.id) v.forms.push_back(f);
    out.push_back(std::move(v));
  }
  return out;
}

Result<http::Response> consents_answer(db::Connection& conn, std::int64_t case_id, int status) {
  INNET_ASSIGN_OR_RETURN(auto all, consents_of(conn, case_id));
  INNET_ASSIGN_OR_RETURN(auto views, consent_views(conn, std::move(all)));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : views) items.push_back(consent_view_type().to_json(v));
  nlohmann::json body = {{"items", std::move(items)}};
  return status == 201 ? api::created(body) : api::ok(body);
}

Result<http::Response> list_consents(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto c, cases::visible_case(ctx, *conn, id, "consents.read"));
  return consents_answer(*conn, c.id, 200);
}

Result<http::Response> add_consent(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, cases::visible_case(ctx, *conn, id, "consents.manage"));
  const auto& b = ctx.body;
  INNET_ASSIGN_OR_RETURN(auto org, recipient(*conn, b["organization_id"], c.organization_id));
  Consent consent{.case_id = c.id,
                  .organization_id = org.id,
                  .data_items = b["data_items"].get<std::vector<std::string>>(),
                  .purpose = b["purpose"],
                  .given_on = b["given_on"],
                  .recorded_by = ctx.actor->user_id,
                  .recorded_at = clock::now_iso()};
  INNET_ASSIGN_OR_RETURN(consent, record_consent(*conn, consent, clock::today()));
  if (b.contains("document_id"))
    INNET_TRY(
        documents::link_document(ctx, *conn, b["document_id"], kConsentFormOwnerKind, consent.id));
  INNET_TRY(commit(ctx, "referrals.consent", "consent", consent.id,
                   {{"case_id", c.id},
                    {"person_id", c.person_id},
                    {"organization_id", org.id},
                    {"data_items", consent.data_items}}));
  return consents_answer(*conn, c.id, 201);
}

Result<http::Response> withdraw(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto consent, find_consent(*conn, id));
  // A consent of a case out of reach answers as a missing consent, not as a missing case.
  auto c = cases::visible_case(ctx, *conn, consent.case_id, "consents.manage");
  if (!c.ok() && c.error().kind == ErrorKind::not_found) return Error::not_found("consent");
  if (!c.ok()) return c.take_error();
  const auto& b = ctx.body;
  INNET_ASSIGN_OR_RETURN(auto withdrawn,
                         withdraw_consent(*conn, id, b["withdrawn_on"], b["reason"],
                                          ctx.actor->user_id, clock::today(), clock::now_iso()));
  INNET_TRY(commit(ctx, "referrals.consent_withdrawal", "consent", withdrawn.id,
                   {{"case_id", c->id}, {"person_id", c->person_id}}));
  return consents_answer(*conn, c->id, 201);
}

// ---- referrals ----

// Mails wait for the commit: a refused act sends nothing.
struct Outgoing {
  Notice notice;
  std::vector<std::string> to;
};

Result<Outgoing> prepare(api::Context& ctx, db::Connection& conn, std::string event,
                         const Referral& r) {
  Outgoing out{{std::move(event), r}, {}};
  INNET_ASSIGN_OR_RETURN(out.to, recipients_of(ctx.services.policy, conn, out.notice));
  return out;
}

void deliver(api::Context& ctx, const std::vector<Outgoing>& mails) {
  for (const auto& m : mails) send_notice(ctx.services.settings, m.notice, m.to);
}

Result<http::Response> answer(api::Context& ctx, db::Connection& conn, const Referral& r, Side side,
                              int status = 200) {
  const auto now = clock::now_iso();
  INNET_ASSIGN_OR_RETURN(auto v, referral_view(ctx, conn, r, side, now));
  auto body = referral_view_type().to_json(v);
  return status == 201 ? api::created(body) : api::ok(body);
}

// Sending: a valid consent to this organisation covering every item shared, or an override
// with a reason by a role the policy allows (referrals.override).
Result<Referral> send(api::Context& ctx, db::Connection& conn, Referral r, const nlohmann::json& b,
                      const std::string& now) {
  const bool override = b.contains("override_reason");
  if (override && b.contains("consent_id"))
    return Error::field(ErrorKind::invalid_input, "override_reason",
                        FieldError::not_both("consent_id"));
  if (override) {
    if (!ctx.services.policy.allows(*ctx.actor, "referrals.override", {r.from_organization_id, 0}))
      return Error::rule(ErrorKind::unprocessable, "override_not_allowed", "override_reason",
                         ReferralErrors::override_not_allowed());
    r.override_reason = b["override_reason"].get<std::string>();
    r.override_by = ctx.actor->user_id;
  } else {
    std::optional<Consent> consent;
    if (b.contains("consent_id")) {
      auto found = find_consent(conn, b["consent_id"]);
      if (!found.ok() && found.error().kind != ErrorKind::not_found) return found.take_error();
      // A consent of another case is refused as one that does not exist.
      if (!found.ok() || found->case_id != r.case_id)
        return Error::rule(ErrorKind::unprocessable, "consent_required", "consent_id",
                           ReferralErrors::consent_required("not_found"));
      consent = *found;
    }
    INNET_TRY(check_consent(consent, r));
    r.consent_id = consent->id;
  }
  r.answer_due_at = add_days(now, answer_days().of(r.urgency));
  std::optional<std::string> note;
  if (b.contains("note")) note = b["note"].get<std::string>();
  return transition(conn, r, {"sent", note, ctx.actor->user_id}, now);
}

Status check_notes(db::Connection& conn, const Referral& r) {
  if (r.note_ids.empty()) return Status::success();
  INNET_ASSIGN_OR_RETURN(auto notes, cases::notes_of(conn, r.case_id, nullptr));
  for (auto id : r.note_ids)
    if (std::none_of(notes.begin(), notes.end(), [&](const auto& n) { return n.id == id; }))
      return Error::field(ErrorKind::unprocessable, "note_ids", FieldError::not_found("note"));
  return Status::success();
}

Result<http::Response> create(api::Context& ctx) {
  const auto& b = ctx.body;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto c, case_named(ctx, *conn, b["case_id"], "referrals.manage"));
  INNET_ASSIGN_OR_RETURN(auto org, recipient(*conn, b["organization_id"], c.organization_id));
  const auto now = clock::now_iso();
  Referral r{.case_id = c.id,
             .from_organization_id = c.organization_id,
             .to_organization_id = org.id,
             .reason = b["reason"],
             .category = api::patched<std::string>(b, "category", std::nullopt),
             .urgency = b["urgency"],
             .data_items = b["data_items"].get<std::vector<std::string>>(),
             .created_by = ctx.actor->user_id};
  if (b.contains("note_ids")) r.note_ids = b["note_ids"].get<std::vector<std::int64_t>>();
  INNET_TRY(check_notes(*conn, r));
  INNET_ASSIGN_OR_RETURN(r, create_referral(*conn, r, now));
  std::vector<Outgoing> mails;
  if (b.value("send", false)) {
    INNET_ASSIGN_OR_RETURN(r, send(ctx, *conn, r, b, now));
    INNET_ASSIGN_OR_RETURN(auto mail, prepare(ctx, *conn, "sent", r));
    mails.push_back(std::move(mail));
  }
  INNET_TRY(commit(ctx, "referrals.create", "referral", r.id,
                   {{"case_id", c.id},
                    {"person_id", c.person_id},
                    {"to_organization_id", org.id},
                    {"state", r.state},
                    {"data_items", r.data_items},
                    {"overridden", r.override_reason.has_value()}}));
  deliver(ctx, mails);
  return answer(ctx, *conn, r, Side::sender, 201);
}

// A draft is the sender's to edit until it is sent: what the body names changes, the rest stays.
Result<http::Response> edit(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto found, visible_referral(ctx, *conn, id));
  auto& [r, side] = found;
  // As an act of the sender's: on the other side it is not there.
  if (side != Side::sender ||
      !ctx.services.policy.allows(*ctx.actor, "referrals.manage", {r.from_organization_id, 0}))
    return Error::not_found("referral");
  if (r.state != "draft")
    return Error::rule(ErrorKind::conflict, "wrong_state", "state",
                       ReferralErrors::wrong_state(r.state, {"draft"}));
  const auto& b = ctx.body;
  if (b.contains("organization_id")) {
    INNET_ASSIGN_OR_RETURN(auto org,
                           recipient(*conn, b["organization_id"], r.from_organization_id));
    r.to_organization_id = org.id;
  }
  r.reason = api::patched<std::string>(b, "reason", r.reason).value_or(r.reason);
  r.category = api::patched<std::string>(b, "category", r.category);
  r.urgency = api::patched<std::string>(b, "urgency", r.urgency).value_or(r.urgency);
  if (b.contains("data_items")) r.data_items = b["data_items"].get<std::vector<std::string>>();
  if (b.contains("note_ids")) r.note_ids = b["note_ids"].get<std::vector<std::int64_t>>();
  INNET_TRY(check_notes(*conn, r));
  INNET_ASSIGN_OR_RETURN(r, update_draft(*conn, r, clock::now_iso()));
  INNET_TRY(commit(ctx, "referrals.edit", "referral", r.id,
                   {{"case_id", r.case_id},
                    {"to_organization_id", r.to_organization_id},
                    {"data_items", r.data_items}}));
  return answer(ctx, *conn, r, side);
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto found, visible_referral(ctx, *conn, id));
  auto& [r, side] = found;
  // The opening is remembered (the inbox's unread state), without an audit entry: the read
  // log records the read itself.
  INNET_TRY(mark_seen(*conn, r.id, ctx.actor->user_id, clock::now_iso()));
  INNET_TRY(ctx.transaction->commit());
  return answer(ctx, *conn, r, side);
}

// The audit actions of the acts, named whole so that a reader of the code (and the web's test of
// the audit labels) finds them.
constexpr const char* kSendAuditAction = "referrals.send";
constexpr const char* kCancelAuditAction = "referrals.cancel";
constexpr const char* kAcceptAuditAction = "referrals.accept";
constexpr const char* kDeclineAuditAction = "referrals.decline";
constexpr const char* kStartAuditAction = "referrals.start";
constexpr const char* kCompleteAuditAction = "referrals.complete";

// What each act needs, and what it notifies.
struct Act {
  const char* name;  // the route's last segment
  const char* to;    // the state it leads to
  Side side;         // who performs it
  const char* audit;
  const char* notify = nullptr;  // the sender's mail, if any
};

Result<http::Response> act(api::Context& ctx, const Act& a) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto found, visible_referral(ctx, *conn, id));
  auto& [r, side] = found;
  // An act looks the referral up on its side: a recipient's act in the caller's inbox, a
  // sender's in its outbox. On the other side it is not there, as for a missing one.
  if (side != a.side ||
      (a.side == Side::sender &&
       !ctx.services.policy.allows(*ctx.actor, "referrals.manage", {r.from_organization_id, 0})))
    return Error::not_found("referral");
  const auto& b = ctx.body;
  const auto now = clock::now_iso();
  std::optional<std::string> note;
  if (b.contains("note")) note = b["note"].get<std::string>();
  std::vector<Outgoing> mails;
  const std::string to = a.to;
  if (to == "sent") {
    INNET_ASSIGN_OR_RETURN(r, send(ctx, *conn, r, b, now));
    INNET_ASSIGN_OR_RETURN(auto mail, prepare(ctx, *conn, "sent", r));
    mails.push_back(std::move(mail));
  } else {
    if (to == "declined") r.decline_reason = b["reason"].get<std::string>();
    if (to == "completed") {
      r.outcome = b["outcome"].get<std::string>();
      r.outcome_reason = api::patched<std::string>(b, "outcome_reason", std::nullopt);
    }
    INNET_ASSIGN_OR_RETURN(r, transition(*conn, r, {to, note, ctx.actor->user_id}, now));
    if (a.notify) {
      INNET_ASSIGN_OR_RETURN(auto mail, prepare(ctx, *conn, a.notify, r));
      mails.push_back(std::move(mail));
    }
  }
  INNET_TRY(commit(ctx, a.audit, "referral", r.id, {{"case_id", r.case_id}, {"state", r.state}}));
  deliver(ctx, mails);
  return answer(ctx, *conn, r, side, 201);
}

std::string folded(const std::string& s) {
  return people::fold_name(s);
}

const reception::overview::OfficeList<ReferralView>& referral_list() {
  using reporting::Cell;
  using reporting::Labels;
  using V = ReferralView;
  const auto day = [](const std::optional<std::string>& t) {
    return t ? Cell::date(t->substr(0, 10)) : Cell{};
  };
  static const reception::overview::OfficeList<ReferralView> list{
      .name = "referrals",
      .columns = {{"column.reference",
                   [](const V& v, const Labels&) { return Cell::of(v.r.reference()); }},
                  {"column.person",
                   [](const V& v, const Labels&) {
                     return v.person_name ? Cell::of(*v.person_name) : Cell{};
                   }},
                  {"column.from",
                   [](const V& v, const Labels&) { return Cell::of(v.from_organization); }},
                  {"column.to", [](const V& v, const Labels&) { return Cell::of(v.to_organization); }},
                  {"column.state",
                   [](const V& v, const Labels& words) {
                     return Cell::of(words("state." + v.r.state));
                   }},
                  {"column.urgency",
                   [](const V& v, const Labels& words) {
                     return Cell::of(words("urgency." + v.r.urgency));
                   }},
                  {"column.sent_on", [day](const V& v, const Labels&) { return day(v.r.sent_at); }},
                  {"column.answer_due",
                   [day](const V& v, const Labels&) { return day(v.r.answer_due_at); }},
                  {"column.escalated",
                   [](const V& v, const Labels& words) {
                     return Cell::of(words(v.escalated ? "yes" : "no"));
                   }}},
      .sorts = {{"sent_at",
                 [](const V& a, const V& b) {
                   // Drafts (not sent) last when ascending.
                   return a.r.sent_at.value_or("9999") < b.r.sent_at.value_or("9999");
                 }},
                {"state", [](const V& a, const V& b) { return a.r.state < b.r.state; }},
                {"urgency",
                 [](const V& a, const V& b) {
                   // emergency, urgent, normal: the vocabulary's order.
                   const auto& u = urgencies();
                   return std::find(u.begin(), u.end(), a.r.urgency) <
                          std::find(u.begin(), u.end(), b.r.urgency);
                 }},
                {"answer_due_at",
                 [](const V& a, const V& b) {
                   return a.r.answer_due_at.value_or("9999") < b.r.answer_due_at.value_or("9999");
                 }},
                {"person",
                 [](const V& a, const V& b) {
                   return folded(a.person_name.value_or("")) < folded(b.person_name.value_or(""));
                 }},
                {"organization",
                 [](const V& a, const V& b) {
                   return (a.side == "sender" ? a.to_organization : a.from_organization) <
                          (b.side == "sender" ? b.to_organization : b.from_organization);
                 }},
                {"updated_at",
                 [](const V& a, const V& b) { return a.r.updated_at < b.r.updated_at; }}},
      .default_sort = "-sent_at"};
  return list;
}

bool matches(const ReferralView& v, const std::string& query) {
  if (query.empty()) return true;
  const auto q = folded(query);
  for (const auto& text :
       {v.r.reference(), v.person_name.value_or(""), v.from_organization, v.to_organization})
    if (folded(text).find(q) != std::string::npos) return true;
  return false;
}

Result<http::Response> list(api::Context& ctx) {
  auto& q = ctx.request.query;
  const bool inbox = q["box"] == "inbox";
  // The case is the sender's record: an inbox filtered by case would tell a recipient which of
  // its referrals are of one person (and that person's case id), which it is never told.
  if (inbox && !q["case_id"].empty())
    return Error::field(ErrorKind::invalid_input, "case_id",
                        FieldError::both_or_neither("box outbox"));
  const auto now = clock::now_iso();
  ReferralFilter f;
  Side side = Side::sender;
  if (inbox) {
    side = Side::recipient;
    f.to_organization_id = ctx.actor->organization_id;
    f.not_draft = true;
  } else if (ctx.scope != auth::Scope::all) {
    f.from_organization_id = ctx.actor->organization_id;
  }
  if (!q["case_id"].empty()) f.case_id = parse_int(q["case_id"]);
  if (!q["state"].empty()) f.state = q["state"];
  if (q["escalated"] == "true") f.escalated_at = now;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  std::vector<Referral> found;
  // An inbox is a recipient's: a role that receives nothing has an empty one.
  if (!inbox || ctx.services.policy.allows(*ctx.actor, "referrals.receive")) {
    INNET_ASSIGN_OR_RETURN(found, list_referrals(*conn, f));
  }
  INNET_ASSIGN_OR_RETURN(auto rows, list_rows(ctx, *conn, std::move(found), side, now));
  std::vector<ReferralView> shown;
  for (auto& v : rows)
    if (matches(v, q["q"])) shown.push_back(std::move(v));
  std::int64_t unread = 0, escalated = 0;
  for (const auto& v : shown) {
    unread += v.unread ? 1 : 0;
    escalated += v.escalated ? 1 : 0;
  }
  const auto& office = referral_list();
  office.sort(shown, q["sort"]);
  const std::string format = q["format"].empty() ? "json" : q["format"];
  if (format == "json") {
    INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(q));
    nlohmann::json items = nlohmann::json::array();
    const auto first = std::min<std::size_t>(shown.size(), paging.offset());
    const auto last = std::min<std::size_t>(shown.size(), first + paging.per_page);
    for (std::size_t i = first; i < last; ++i) {
      items.push_back(referral_row_type().to_json(shown[i]));
      if (shown[i].person_read) ctx.record_read(*shown[i].person_read);
    }
    auto body = list_envelope(std::move(items), static_cast<std::int64_t>(shown.size()), paging);
    body["unread"] = unread;
    body["escalated"] = escalated;
    return api::ok(body);
  }
  for (const auto& v : shown)
    if (v.person_read) ctx.record_read(*v.person_read);
  const reporting::Labels labels(catalogue(), reporting::language_of(ctx.request));
  return reporting::tables_response(
      format, {office.table(shown, labels)}, 0,
      std::string(inbox ? "referrals-inbox-" : "referrals-outbox-") + clock::today().to_string(),
      reporting::CsvStyle::office);
}

Result<http::Response> metrics(api::Context& ctx) {
  auto& q = ctx.request.query;
  ReferralFilter f;
  f.not_draft = true;
  if (!q["from"].empty()) f.sent_from = q["from"];
  if (!q["to"].empty()) f.sent_to = q["to"];
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto all, list_referrals(*conn, f));
  std::vector<std::int64_t> org_ids;
  for (const auto& r : all) org_ids.push_back(r.to_organization_id);
  INNET_ASSIGN_OR_RETURN(auto orgs, accounts::find_organizations(*conn, org_ids));
  std::map<std::int64_t, std::string> names;
  for (const auto& [id, o] : orgs) names[id] = o.name;
  // Small groups are for the Prefettura, which reads every referral anyway; analysts never.
  const bool small_groups =
      ctx.services.policy.allows(*ctx.actor, "referrals.metrics.small_groups");
  return api::ok(metrics_type().to_json(
      compute_metrics(all, names, small_groups ? std::nullopt : std::optional(kMinGroup))));
}

Result<documents::OwnerAccess> consent_form_access(api::Context& ctx, std::int64_t consent_id) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  auto consent = find_consent(*conn, consent_id);
  if (!consent.ok()) {
    if (consent.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return consent.take_error();
  }
  auto c = cases::visible_case(ctx, *conn, consent->case_id, "consents.read");
  if (!c.ok()) {
    if (c.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return c.take_error();
  }
  return documents::OwnerAccess{.readable = true, .persons = {c->person_id}};
}

}  // namespace

documents::Owner consent_form_owner() {
  return {.kind = kConsentFormOwnerKind,
          .media_types = documents::accepted_media_type_names(),
          .access = consent_form_access};
}

void add_routes(api::Api& api) {
  static const api::ListType consent_list_type("ConsentList", consent_view_type(), false);
  static const api::ListType referral_list_type =
      api::ListType("ReferralList", referral_row_type(), true)
          .with("unread", {{"type", "integer"},
                           {"description",
                            "of the rows found, those the caller has not opened "
                            "since their last change"}})
          .with("escalated",
                {{"type", "integer"}, {"description", "of the rows found, those escalated"}});
  api.add_schema(consent_view_type());
  api.add_schema(consent_list_type);
  api.add_schema(referral_row_type());
  api.add_schema(referral_list_type);
  api.add_schema(referral_view_type());
  api.add_schema(metrics_type());
  const std::vector<std::string> files = {"text/csv", reporting::kXlsxType};
  const Field items{.name = "data_items",
                    .type = FieldType::string_list,
                    .required = true,
                    .max_length = 40,
                    .allowed = data_items(),
                    .max_items = 7,
                    .min_items = 1};
  const Field note{.name = "note", .max_length = 1000, .min_length = 1, .multiline = true};

  api.add({.method = "GET",
           .pattern = "/api/v1/cases/{id}/consents",
           .action = "consents.read",
           .summary = "The person's consents to share data of the case, withdrawn ones included",
           .tag = "referrals",
           .response_schema = "ConsentList",
           .reads_persons = true,
           .handler = list_consents});
  api.add({.method = "POST",
           .pattern = "/api/v1/cases/{id}/consents",
           .action = "consents.manage",
           .summary = "Record the person's consent to share data items with an organisation "
                      "for a purpose, optionally with the signed form (an upload)",
           .tag = "referrals",
           .body = {{.name = "organization_id",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 1},
                    items,
                    {.name = "purpose",
                     .required = true,
                     .max_length = 500,
                     .min_length = 1,
                     .multiline = true},
                    {.name = "given_on", .type = FieldType::date, .required = true},
                    {.name = "document_id",
                     .type = FieldType::integer,
                     .description = "the signed consent form (POST /documents)",
                     .min_value = 1}},
           .response_schema = "ConsentList",
           .success_status = 201,
           .reads_persons = true,
           .handler = add_consent});
  api.add({.method = "POST",
           .pattern = "/api/v1/consents/{id}/withdrawal",
           .action = "consents.manage",
           .summary = "Withdraw a consent (kept, with the date and the reason): the referrals "
                      "sent under it share nothing from then on",
           .tag = "referrals",
           .body = {{.name = "withdrawn_on", .type = FieldType::date, .required = true},
                    {.name = "reason",
                     .required = true,
                     .max_length = 1000,
                     .min_length = 1,
                     .multiline = true}},
           .response_schema = "ConsentList",
           .success_status = 201,
           .reads_persons = true,
           .handler = withdraw});
  // What a referral says: made (every field required but the category and the notes), or
  // edited as a draft (any of them).
  const FieldSpec draft_fields = {
      {.name = "organization_id", .type = FieldType::integer, .min_value = 1},
      {.name = "reason", .max_length = 2000, .min_length = 1, .multiline = true},
      {.name = "category", .nullable = true, .allowed = cases::vulnerability_categories()},
      {.name = "urgency", .allowed = urgencies()},
      [&] {
        Field f = items;
        f.required = false;
        return f;
      }(),
      {.name = "note_ids",
       .type = FieldType::integer_list,
       .description = "the case notes shared (with the item notes)",
       .min_value = 1,
       .max_items = 20}};
  FieldSpec create_fields = {
      {.name = "case_id", .type = FieldType::integer, .required = true, .min_value = 1}};
  for (Field f : draft_fields) {
    f.required = f.name != "category" && f.name != "note_ids";
    create_fields.push_back(std::move(f));
  }
  create_fields.insert(create_fields.end(),
                       {{.name = "send", .type = FieldType::boolean},
                        {.name = "consent_id", .type = FieldType::integer, .min_value = 1},
                        {.name = "override_reason",
                         .max_length = 1000,
                         .min_length = 1,
                         .multiline = true,
                         .description = "sending without consent: only roles allowed to override"},
                        note});
  api.add(
      {.method = "GET",
       .pattern = "/api/v1/referrals",
       .action = "referrals.read",
       .summary = "The inbox (referrals sent to the caller's organisation, with only the "
                  "shared identity) or the outbox (sent from it; the Prefettura's: all); "
                  "searchable, filtered, sorted, paged; CSV or XLSX",
       .tag = "referrals",
       .query = {{.name = "box", .required = true, .allowed = {"inbox", "outbox"}},
                 {.name = "q", .max_length = 100, .description = "reference, name or organisation"},
                 {.name = "state", .allowed = states()},
                 {.name = "escalated", .allowed = {"true"}},
                 {.name = "case_id",
                  .type = FieldType::integer,
                  .description = "the outbox's referrals of one case",
                  .min_value = 1},
                 referral_list().sort_field(),
                 reception::overview::format_field(),
                 reporting::lang_field()},
       .paged = true,
       .response_schema = "ReferralList",
       .other_content_types = files,
       .reads_persons = true,
       .handler = list});
  api.add({.method = "POST",
           .pattern = "/api/v1/referrals",
           .action = "referrals.manage",
           .summary = "Make a referral of a case to an organisation (a draft), or send it at "
                      "once (send: true) with the consent or an override",
           .tag = "referrals",
           .body = create_fields,
           .response_schema = "Referral",
           .success_status = 201,
           .reads_persons = true,
           .handler = create});
  api.add({.method = "PATCH",
           .pattern = "/api/v1/referrals/{id}",
           .action = "referrals.manage",
           .summary = "Edit a draft (its sender): recipient, reason, category, urgency, data "
                      "shared, notes; what the body leaves out stays. 409 once sent",
           .tag = "referrals",
           .body = draft_fields,
           .response_schema = "Referral",
           .reads_persons = true,
           .handler = edit});
  api.add({.method = "GET",
           .pattern = "/api/v1/referrals/{id}",
           .action = "referrals.read",
           .summary = "A referral with its history; for the recipient only the data shared, "
                      "nothing once the consent is withdrawn",
           .tag = "referrals",
           .response_schema = "Referral",
           .reads_persons = true,
           .handler = get});
  const auto add_act = [&](Act a, std::string summary, FieldSpec body) {
    api.add({.method = "POST",
             .pattern = std::string("/api/v1/referrals/{id}/") + a.name,
             .action = a.side == Side::sender ? "referrals.manage" : "referrals.receive",
             .summary = std::move(summary),
             .tag = "referrals",
             .body = std::move(body),
             .response_schema = "Referral",
             .success_status = 201,
             .reads_persons = true,
             .handler = [a](api::Context& ctx) { return act(ctx, a); }});
  };
  add_act({"send", "sent", Side::sender, kSendAuditAction},
          "Send a draft: with the person's consent, or an override with a reason by a role "
          "allowed to",
          {{.name = "consent_id", .type = FieldType::integer, .min_value = 1},
           {.name = "override_reason", .max_length = 1000, .min_length = 1, .multiline = true},
           note});
  Field reason_note = note;
  reason_note.required = true;
  add_act({"cancel", "cancelled", Side::sender, kCancelAuditAction},
          "Cancel a draft, sent or accepted referral (the sender), with a note", {reason_note});
  add_act({"accept", "accepted", Side::recipient, kAcceptAuditAction, "accepted"},
          "Accept a referral sent to the caller's organisation", {note});
  add_act(
      {"decline", "declined", Side::recipient, kDeclineAuditAction, "declined"},
      "Decline it, with a reason",
      {{.name = "reason", .required = true, .max_length = 1000, .min_length = 1, .multiline = true},
       note});
  add_act({"start", "in_progress", Side::recipient, kStartAuditAction}, "Take the person in charge",
          {note});
  add_act({"complete", "completed", Side::recipient, kCompleteAuditAction, "completed"},
          "Close the referral with its outcome (a reason when unsuccessful)",
          {{.name = "outcome", .required = true, .allowed = outcomes()},
           {.name = "outcome_reason", .max_length = 1000, .min_length = 1, .multiline = true},
           note});
  api.add({.method = "GET",
           .pattern = "/api/v1/referral-metrics",
           .action = "referrals.metrics",
           .summary = "Aggregates of referrals sent in a period: times to accept and to "
                      "complete, outcomes by organisation and category, counts by state",
           .tag = "referrals",
           .query = {{.name = "from", .type = FieldType::date},
                     {.name = "to", .type = FieldType::date}},
           .response_schema = "ReferralMetrics",
           .handler = metrics});
}

}  // namespace innet::referrals
