// /api/v1/absence-notices: notices of absence without notice (segnalazioni di allontanamento).
// The operator's staff send the drafts the register made; the Prefettura decides. A notice of
// another operator's centre answers 404 like a missing one.
#include <map>

#include "core/clock.h"
#include "people/persons.h"
#include "reception/absences/absences.h"
#include "reception/placements/placements.h"
#include "reception/register/register.h"
#include "reception/routes.h"

namespace innet::reception {
namespace {

// A notice with whom and where it concerns, for the lists.
struct NoticeItem {
  Notice notice;
  people::Person person;
  std::string centre_name;
};

const api::ObjectType<NoticeItem>& notice_item_type() {
  using I = const NoticeItem&;
  static const auto type = api::ObjectType<NoticeItem>("AbsenceNoticeItem")
                               .include(notice_type(), &NoticeItem::notice)
                               .field("family_name", [](I i) { return i.person.family_name; })
                               .field("given_names", [](I i) { return i.person.given_names; })
                               .field("centre_name", &NoticeItem::centre_name);
  return type;
}

// The notice when the caller's scope for `action` reaches its centre; 404 otherwise.
Result<Notice> notice_in_scope(api::Context& ctx, db::Connection& conn, const char* action) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto notice, find_notice(conn, id));
  INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, notice.centre_id));
  if (!ctx.services.policy.allows(*ctx.actor, action, {centre.operator_id, 0}))
    return Error::not_found("notice");
  return notice;
}

Result<std::vector<NoticeItem>> items_of(api::Context& ctx, db::Connection& conn,
                                         const std::vector<Notice>& notices) {
  std::vector<std::int64_t> ids;
  for (const auto& n : notices) ids.push_back(n.person_id);
  ctx.record_read(ids);
  INNET_ASSIGN_OR_RETURN(auto persons, people::find_persons(conn, ids));
  std::map<std::int64_t, const people::Person*> by_id;
  for (const auto& p : persons) by_id[p.id] = &p;
  std::map<std::int64_t, std::string> centre_names;
  std::vector<NoticeItem> items;
  for (const auto& n : notices) {
    if (!centre_names.count(n.centre_id)) {
      INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, n.centre_id));
      centre_names[n.centre_id] = centre.name;
    }
    items.push_back({n, *by_id.at(n.person_id), centre_names[n.centre_id]});
  }
  return items;
}

Result<NoticeItem> item_of(api::Context& ctx, db::Connection& conn, const Notice& notice) {
  INNET_ASSIGN_OR_RETURN(auto items, items_of(ctx, conn, {notice}));
  return std::move(items.at(0));
}

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  std::optional<db::Subquery> centres;
  if (ctx.scope != auth::Scope::all) centres = centres::centres_run_by(ctx.actor->organization_id);
  const auto& q = ctx.request.query;
  const std::string status = q.count("status") ? q.at("status") : "";
  INNET_ASSIGN_OR_RETURN(auto notices, list_notices(*conn, status, centres));
  INNET_ASSIGN_OR_RETURN(auto items, items_of(ctx, *conn, notices));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& item : items) list.push_back(notice_item_type().to_json(item));
  return api::ok({{"items", std::move(list)}});
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto notice, notice_in_scope(ctx, *conn, "notices.read"));
  INNET_ASSIGN_OR_RETURN(auto item, item_of(ctx, *conn, notice));
  return api::ok(notice_item_type(), item);
}

// The audit entry names the notice and the person; the decision's outcome is an administrative
// act, recorded beside them (no health data: the vulnerability review text stays out).
Status commit_notice(api::Context& ctx, const char* action, const Notice& n) {
  auto entry = ctx.audit(action, "absence_notice", std::to_string(n.id));
  nlohmann::json details = {
      {"person_id", n.person_id}, {"centre_id", n.centre_id}, {"placement_id", n.placement_id}};
  if (n.decision) {
    details["outcome"] = n.decision->outcome;
    if (n.decision->decree_date) details["decree_date"] = *n.decision->decree_date;
    if (n.decision->measure_from) details["measure_from"] = *n.decision->measure_from;
    if (n.decision->measure_until) details["measure_until"] = *n.decision->measure_until;
  }
  entry.details = details.dump();
  return ctx.commit(entry);
}

Result<http::Response> send(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto notice, notice_in_scope(ctx, *conn, "absences.notify"));
  INNET_ASSIGN_OR_RETURN(
      auto sent,
      send_notice(*conn, notice.id, api::patched<std::string>(ctx.body, "note", std::nullopt),
                  ctx.actor->user_id));
  INNET_TRY(commit_notice(ctx, "absences.notify", sent));
  INNET_ASSIGN_OR_RETURN(auto item, item_of(ctx, *conn, sent));
  return api::created(notice_item_type().to_json(item));
}

// What a revocation does to the register: the days from the decree date to today at the centre
// stop counting the guest; those already confirmed change and need confirming again (the tamper
// check reports them as awaiting confirmation, not as tampering: the exit is recorded through
// the product after the confirmation).
struct RegisterConsequences {
  std::int64_t centre_id = 0;
  std::string from;
  std::string to;
  std::vector<std::string> confirmed_days;
};

const api::ObjectType<RegisterConsequences>& register_consequences_type() {
  static const auto type =
      api::ObjectType<RegisterConsequences>("RevocationRegisterConsequences",
                                            "a revocation: the register days that change")
          .field("centre_id", &RegisterConsequences::centre_id)
          .field("from", &RegisterConsequences::from, {.format = "date"})
          .field("to", &RegisterConsequences::to, {.format = "date"})
          .field(
              "confirmed_days", &RegisterConsequences::confirmed_days,
              {.schema = {{"type", "array"}, {"items", {{"type", "string"}, {"format", "date"}}}}});
  return type;
}

Result<RegisterConsequences> revocation_consequences(db::Connection& conn, const Notice& n,
                                                     CivilDay decree_date, CivilDay today) {
  RegisterConsequences out{n.centre_id, decree_date.to_string(), today.to_string(), {}};
  if (decree_date > today) return out;
  INNET_ASSIGN_OR_RETURN(auto days,
                         register_summary(conn, n.centre_id, decree_date, today.plus_days(1)));
  for (const auto& d : days)
    if (d.latest) out.confirmed_days.push_back(d.day);
  return out;
}

// The answer to a decision: the notice as decided, and what a revocation does to the register.
struct DecisionResult {
  NoticeItem notice;
  bool dry_run = false;
  std::optional<RegisterConsequences> register_consequences;
};

const api::ObjectType<DecisionResult>& decision_result_type() {
  static const auto type =
      api::ObjectType<DecisionResult>("AbsenceDecisionResult")
          .field("notice", &DecisionResult::notice, notice_item_type())
          .field("dry_run", &DecisionResult::dry_run,
                 {.description = "true: checked and shown, nothing recorded"})
          .field("register_consequences", &DecisionResult::register_consequences,
                 register_consequences_type());
  return type;
}

Result<http::Response> decision(api::Context& ctx) {
  const CivilDay today = clock::today();
  NewDecision d;
  d.outcome = ctx.body["outcome"];
  d.measure_from = accepted_day(ctx.body, "measure_from");
  d.measure_until = accepted_day(ctx.body, "measure_until");
  d.decree_number = api::patched<std::string>(ctx.body, "decree_number", std::nullopt);
  d.decree_date = accepted_day(ctx.body, "decree_date");
  d.vulnerability_review =
      api::patched<std::string>(ctx.body, "vulnerability_review", std::nullopt);
  d.vulnerability_reviewer =
      api::patched<std::string>(ctx.body, "vulnerability_reviewer", std::nullopt);
  d.note = api::patched<std::string>(ctx.body, "note", std::nullopt);
  d.decided_by = ctx.actor->user_id;
  const bool dry_run = ctx.body.value("dry_run", false);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto notice, notice_in_scope(ctx, *conn, "measures.decide"));
  DecisionResult answer{.dry_run = dry_run};
  if (d.outcome == "revocation" && d.decree_date) {
    INNET_ASSIGN_OR_RETURN(answer.register_consequences,
                           revocation_consequences(*conn, notice, *d.decree_date, today));
  }
  INNET_ASSIGN_OR_RETURN(auto decided, decide(*conn, notice.id, d, today));
  INNET_ASSIGN_OR_RETURN(answer.notice, item_of(ctx, *conn, decided));
  // A dry run checks everything and shows the consequences; the transaction rolls back. It
  // answers like the decision (201, one documented answer), dry_run true saying nothing is stored.
  if (dry_run) return api::created(decision_result_type().to_json(answer));
  INNET_TRY(commit_notice(ctx, "measures.decide", decided));
  return api::created(decision_result_type().to_json(answer));
}

}  // namespace

void add_absence_routes(api::Api& api) {
  static const api::ListType notice_list("AbsenceNoticeList", notice_item_type(), false);
  api.add_schema(decision_type());
  api.add_schema(notice_type());
  api.add_schema(notice_item_type());
  api.add_schema(notice_list);
  api.add_schema(decision_result_type());
  const std::string base = "/api/v1/absence-notices";
  const Field text{.max_length = 2000, .min_length = 1, .multiline = true};
  auto named = [](Field f, const char* name, const char* description) {
    f.name = name;
    f.description = description;
    return f;
  };
  api.add({.method = "GET",
           .pattern = base,
           .action = "notices.read",
           .summary = "Notices of absence without notice, newest first (an operator: its centres)",
           .tag = "register",
           .query = {{.name = "status",
                      .max_length = 20,
                      .allowed = {"draft", "sent", "decided"},
                      .description = "sent: awaiting the Prefettura's decision"}},
           .response_schema = "AbsenceNoticeList",
           .reads_persons = true,
           .handler = list});
  api.add({.method = "GET",
           .pattern = base + "/{id}",
           .action = "notices.read",
           .summary = "One notice of absence with its decision",
           .tag = "register",
           .response_schema = "AbsenceNoticeItem",
           .reads_persons = true,
           .handler = get});
  api.add({.method = "POST",
           .pattern = base + "/{id}/sending",
           .action = "absences.notify",
           .summary = "Send a drafted notice to the Prefettura",
           .tag = "register",
           .body = {named(text, "note", "what the operator adds to the notice")},
           .response_schema = "AbsenceNoticeItem",
           .success_status = 201,
           .reads_persons = true,
           .handler = send});
  api.add(
      {.method = "POST",
       .pattern = base + "/{id}/decision",
       .action = "measures.decide",
       .summary = "The Prefettura's decision: no measure, reduction or revocation",
       .tag = "register",
       .body =
           {{.name = "outcome", .required = true, .max_length = 20, .allowed = measure_outcomes()},
            {.name = "measure_from",
             .type = FieldType::date,
             .description = "reduction: first day pocket money is suspended"},
            {.name = "measure_until",
             .type = FieldType::date,
             .description = "reduction: first day after the suspension (30 days to 6 "
                            "months after measure_from)"},
            {.name = "decree_number",
             .max_length = 100,
             .min_length = 1,
             .description = "revocation: the decree's number"},
            {.name = "decree_date",
             .type = FieldType::date,
             .description = "revocation: the decree's date; the placement ends that day"},
            named(text, "vulnerability_review",
                  "the review of a confirmed vulnerability (art. 23 c.2)"),
            {.name = "vulnerability_reviewer", .max_length = 200, .min_length = 1},
            named(text, "note", "the grounds"),
            {.name = "dry_run",
             .type = FieldType::boolean,
             .description = "check and show the consequences without recording"}},
       .response_schema = "AbsenceDecisionResult",
       .success_status = 201,
       .reads_persons = true,
       .handler = decision});
}

}  // namespace innet::reception
