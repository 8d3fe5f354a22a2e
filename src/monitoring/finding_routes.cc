// /api/v1/findings: the findings of inspections and their follow-up (decision 0023). Inspectors
// and prefecture officers read every finding, set its severity, corrective action and deadline
// before the report is issued, and verify: close or escalate. An operator's staff read the
// findings of the issued reports on their centres and reply. Any finding out of the caller's
// reach answers 404 like a missing one; ?overdue=true lists the tasks past their deadline.
#include "centres/routes.h"
#include "core/clock.h"
#include "monitoring/findings.h"
#include "monitoring/inspections.h"
#include "monitoring/routes.h"

namespace innet::monitoring {
namespace {

constexpr const char* kBase = "/api/v1/findings";

// The finding when the caller's scope for `action` reaches it: the managers every one, an
// operator's staff those of issued reports on its centres.
Result<Finding> visible_finding(api::Context& ctx, db::Connection& conn, std::int64_t id,
                                const char* action) {
  auto finding = find_finding(conn, id, clock::today());
  if (!finding.ok()) return finding;
  if (!centres::visible_centre(ctx, finding->centre_id, action).ok())
    return Error::not_found("finding");
  if (ctx.services.policy.scope(ctx.actor->role, action) != auth::Scope::all) {
    // Not every centre: an operator, who sees nothing of a report not issued yet.
    INNET_ASSIGN_OR_RETURN(auto inspection, find_inspection(conn, finding->inspection_id));
    if (inspection.status != "report_issued") return Error::not_found("finding");
  }
  return finding;
}

Result<Finding> finding_in_scope(api::Context& ctx, db::Connection& conn, const char* action) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  return visible_finding(ctx, conn, id, action);
}

Result<documents::OwnerAccess> finding_access(api::Context& ctx, std::int64_t finding_id) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  auto finding = visible_finding(ctx, *conn, finding_id, "findings.read");
  if (!finding.ok()) {
    if (finding.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return finding.take_error();
  }
  return documents::OwnerAccess{.readable = true};
}

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const auto& q = ctx.request.query;
  FindingFilter filter;
  // An inspection or a centre out of reach filters like a missing one: an empty list.
  if (q.count("inspection_id")) filter.inspection_id = parse_int(q.at("inspection_id"));
  if (q.count("centre_id")) filter.centre_id = parse_int(q.at("centre_id"));
  if (q.count("status")) filter.status = q.at("status");
  filter.overdue_only = q.count("overdue") && q.at("overdue") == "true";
  if (ctx.scope != auth::Scope::all) {
    filter.centres = centres::centres_run_by(ctx.actor->organization_id);
    filter.issued_only = true;
  }
  INNET_ASSIGN_OR_RETURN(auto findings, list_findings(*conn, filter, clock::today()));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& f : findings) items.push_back(finding_type().to_json(f));
  return api::ok({{"items", std::move(items)}});
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto finding, finding_in_scope(ctx, *conn, "findings.read"));
  return api::ok(finding_type(), finding);
}

Status commit(api::Context& ctx, const char* action, const Finding& f) {
  auto entry = ctx.audit(action, "finding", std::to_string(f.id));
  // No free text: notes and replies may name guests; they are kept on the finding.
  entry.details = nlohmann::json({{"inspection_id", f.inspection_id},
                                  {"centre_id", f.centre_id},
                                  {"severity", f.severity},
                                  {"deadline", f.deadline},
                                  {"status", f.status}})
                      .dump();
  return ctx.commit(entry);
}

Result<http::Response> edit(api::Context& ctx) {
  FindingChange c;
  if (ctx.body.contains("severity")) c.severity = ctx.body["severity"].get<std::string>();
  if (ctx.body.contains("corrective_action"))
    c.corrective_action = api::patched<std::string>(ctx.body, "corrective_action", std::nullopt);
  if (ctx.body.contains("deadline")) c.deadline = accepted_day(ctx.body, "deadline");
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto finding, finding_in_scope(ctx, *conn, "findings.manage"));
  INNET_ASSIGN_OR_RETURN(auto changed, change_finding(*conn, finding.id, c, clock::today()));
  INNET_TRY(commit(ctx, "findings.change", changed));
  return api::ok(finding_type(), changed);
}

Result<http::Response> reply(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto finding, finding_in_scope(ctx, *conn, "findings.reply"));
  INNET_ASSIGN_OR_RETURN(auto replied,
                         reply_to_finding(*conn, finding.id, ctx.body["reply"], ctx.actor->user_id,
                                          clock::now_iso(), clock::today()));
  for (std::int64_t document_id : ctx.body.value("document_ids", std::vector<std::int64_t>{}))
    INNET_TRY(documents::link_document(ctx, *conn, document_id, kFindingOwnerKind, replied.id));
  INNET_ASSIGN_OR_RETURN(replied, find_finding(*conn, replied.id, clock::today()));
  INNET_TRY(commit(ctx, "findings.reply", replied));
  return api::created(finding_type().to_json(replied));
}

// Closure and escalation: the inspector's verification, with its note.
template <Result<Finding> (*Verify)(db::Connection&, std::int64_t, const std::string&, std::int64_t,
                                    const std::string&, CivilDay)>
Result<http::Response> verification(api::Context& ctx, const char* audit_action) {
  const std::string note = ctx.body.value("verification_note", std::string());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto finding, finding_in_scope(ctx, *conn, "findings.manage"));
  INNET_ASSIGN_OR_RETURN(auto verified, Verify(*conn, finding.id, note, ctx.actor->user_id,
                                               clock::now_iso(), clock::today()));
  INNET_TRY(commit(ctx, audit_action, verified));
  return api::created(finding_type().to_json(verified));
}

}  // namespace

documents::Owner finding_owner() {
  return {.kind = kFindingOwnerKind,
          .media_types = documents::accepted_media_type_names(),
          .access = finding_access};
}

void add_finding_routes(api::Api& api) {
  static const api::ListType finding_list("FindingList", finding_type(), false);
  api.add_schema(finding_type());
  api.add_schema(finding_list);
  api.add({.method = "GET",
           .pattern = kBase,
           .action = "findings.read",
           .summary = "Findings, the most urgent deadline first (an operator: those of the issued "
                      "reports on its centres); overdue=true: open ones past their deadline",
           .tag = "monitoring",
           .query = {{.name = "inspection_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "centre_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "status", .allowed = finding_statuses()},
                     {.name = "overdue",
                      .type = FieldType::boolean,
                      .description = "true: open findings past their deadline (the tasks)"}},
           .response_schema = "FindingList",
           .handler = list});
  api.add({.method = "GET",
           .pattern = std::string(kBase) + "/{id}",
           .action = "findings.read",
           .summary = "A finding with its reply, verification and documents",
           .tag = "monitoring",
           .response_schema = "Finding",
           .handler = get});
  api.add({.method = "PATCH",
           .pattern = std::string(kBase) + "/{id}",
           .action = "findings.manage",
           .summary = "Set a finding's severity, corrective action or deadline before the report "
                      "is issued",
           .tag = "monitoring",
           .body = {{.name = "severity", .allowed = severities()},
                    {.name = "corrective_action",
                     .nullable = true,
                     .max_length = 2000,
                     .min_length = 1,
                     .multiline = true,
                     .description = "null: restore what the item requires"},
                    {.name = "deadline", .type = FieldType::date}},
           .response_schema = "Finding",
           .handler = edit});
  api.add({.method = "POST",
           .pattern = std::string(kBase) + "/{id}/reply",
           .action = "findings.reply",
           .summary = "The operator's reply to an open finding, with documents",
           .tag = "monitoring",
           .body = {{.name = "reply",
                     .required = true,
                     .max_length = 4000,
                     .min_length = 1,
                     .multiline = true},
                    {.name = "document_ids",
                     .type = FieldType::integer_list,
                     .description = "uploads (POST /documents) to attach to the reply",
                     .min_value = 1,
                     .max_items = 10}},
           .response_schema = "Finding",
           .success_status = 201,
           .handler = reply});
  const Field note{.name = "verification_note",
                   .max_length = 4000,
                   .multiline = true,
                   .description =
                       "what the inspector verified; without it the finding is "
                       "refused (422) and nothing changes"};
  api.add({.method = "POST",
           .pattern = std::string(kBase) + "/{id}/closure",
           .action = "findings.manage",
           .summary = "Close a finding after verifying the corrective action",
           .tag = "monitoring",
           .body = {note},
           .response_schema = "Finding",
           .success_status = 201,
           .handler = [](api::Context& ctx) {
             return verification<close_finding>(ctx, "findings.close");
           }});
  api.add({.method = "POST",
           .pattern = std::string(kBase) + "/{id}/escalation",
           .action = "findings.manage",
           .summary = "Escalate a finding to the sanction ladder",
           .tag = "monitoring",
           .body = {note},
           .response_schema = "Finding",
           .success_status = 201,
           .handler = [](api::Context& ctx) {
             return verification<escalate_finding>(ctx, "findings.escalate");
           }});
}

}  // namespace innet::monitoring
