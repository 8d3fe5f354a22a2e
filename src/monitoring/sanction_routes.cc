// /api/v1/sanctions: the sanction ladder's decisions (decision 0023), recorded and read by the
// Prefettura's officers and inspectors, read by the operator's staff for its own centres (the
// acts it was sent; not the termination proposals, the Prefettura's internal prompts);
// /api/v1/centres/{id}/penalties: where each contract of a centre stands against the 10% cap of
// art. 126 d.lgs. 36/2023, the operator's own centres' too. A decision is never edited or
// deleted: it is an act with a protocol number; a mistake is corrected by a further decision.
#include <cmath>

#include "centres/routes.h"
#include "core/clock.h"
#include "monitoring/routes.h"
#include "monitoring/sanctions.h"

namespace innet::monitoring {
namespace {

constexpr const char* kBase = "/api/v1/sanctions";

Result<Sanction> visible_sanction(api::Context& ctx, db::Connection& conn, std::int64_t id) {
  auto sanction = find_sanction(conn, id);
  if (!sanction.ok()) return sanction;
  if (!centres::visible_centre(ctx, sanction->centre_id, "sanctions.read").ok())
    return Error::not_found("sanction");
  if (ctx.scope != auth::Scope::all && sanction->kind == "termination_proposal")
    return Error::not_found("sanction");
  return sanction;
}

Result<documents::OwnerAccess> sanction_access(api::Context& ctx, std::int64_t sanction_id) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  auto sanction = visible_sanction(ctx, *conn, sanction_id);
  if (!sanction.ok()) {
    if (sanction.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return sanction.take_error();
  }
  return documents::OwnerAccess{.readable = true};
}

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const auto& q = ctx.request.query;
  SanctionFilter filter;
  if (q.count("centre_id")) filter.centre_id = parse_int(q.at("centre_id"));
  if (q.count("contract_id")) filter.contract_id = parse_int(q.at("contract_id"));
  if (q.count("kind")) filter.kind = q.at("kind");
  // An operator's staff: its centres' decisions; another centre filters like a missing one.
  if (ctx.scope != auth::Scope::all) {
    filter.centres = centres::centres_run_by(ctx.actor->organization_id);
    filter.decisions_only = true;
  }
  INNET_ASSIGN_OR_RETURN(auto sanctions, list_sanctions(*conn, filter));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : sanctions) items.push_back(sanction_type().to_json(s));
  return api::ok({{"items", std::move(items)}});
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto sanction, visible_sanction(ctx, *conn, id));
  return api::ok(sanction_type(), sanction);
}

Result<http::Response> record(api::Context& ctx) {
  const auto& b = ctx.body;
  NewSanction n;
  n.centre_id = b["centre_id"];
  INNET_TRY(centres::visible_centre(ctx, n.centre_id, "sanctions.manage"));
  n.contract_id = api::patched<std::int64_t>(b, "contract_id", std::nullopt);
  n.finding_id = api::patched<std::int64_t>(b, "finding_id", std::nullopt);
  n.kind = b["kind"];
  n.decided_on = *accepted_day(b, "decided_on");
  n.protocol = b["protocol"];
  n.note = api::patched<std::string>(b, "note", std::nullopt);
  n.days_late = api::patched<std::int64_t>(b, "days_late", std::nullopt);
  if (auto rate = api::patched<double>(b, "rate_per_mille", std::nullopt))
    n.rate_millionths = std::llround(*rate * 1000.0);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto recorded, record_sanction(*conn, n, ctx.actor->user_id,
                                                        clock::now_iso(), clock::today()));
  const auto& stored = recorded.sanction;
  for (std::int64_t document_id : b.value("document_ids", std::vector<std::int64_t>{}))
    INNET_TRY(documents::link_document(ctx, *conn, document_id, kSanctionOwnerKind, stored.id));
  INNET_ASSIGN_OR_RETURN(recorded.sanction, find_sanction(*conn, stored.id));
  auto entry = ctx.audit("sanctions.record", "sanction", std::to_string(stored.id));
  // Ids, kind and amounts: the note may name people; it is kept on the decision.
  nlohmann::json details = {{"centre_id", stored.centre_id},
                            {"kind", stored.kind},
                            {"decided_on", stored.decided_on},
                            {"termination_proposal", recorded.termination_proposal.has_value()}};
  if (stored.contract_id) details["contract_id"] = *stored.contract_id;
  if (stored.amount_cents) details["amount_cents"] = *stored.amount_cents;
  entry.details = details.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(recorded_sanction_type().to_json(recorded));
}

Result<http::Response> penalties(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "sanctions.read"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto contracts, centres::centre_contracts(*conn, centre.id));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : contracts) {
    INNET_ASSIGN_OR_RETURN(auto status, penalty_status(*conn, c));
    items.push_back(penalty_status_type().to_json(status));
  }
  return api::ok({{"items", std::move(items)}});
}

}  // namespace

documents::Owner sanction_owner() {
  return {.kind = kSanctionOwnerKind,
          .media_types = documents::accepted_media_type_names(),
          .access = sanction_access};
}

void add_sanction_routes(api::Api& api) {
  static const api::ListType sanction_list("SanctionList", sanction_type(), false);
  static const api::ListType penalty_list("PenaltyStatusList", penalty_status_type(), false);
  api.add_schema(sanction_type());
  api.add_schema(sanction_list);
  api.add_schema(recorded_sanction_type());
  api.add_schema(penalty_list);
  api.add({.method = "GET",
           .pattern = kBase,
           .action = "sanctions.read",
           .summary = "The sanction ladder's decisions, newest first",
           .tag = "monitoring",
           .query = {{.name = "centre_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "contract_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "kind", .allowed = sanction_kinds()}},
           .response_schema = "SanctionList",
           .handler = list});
  api.add({.method = "GET",
           .pattern = std::string(kBase) + "/{id}",
           .action = "sanctions.read",
           .summary = "A decision with its documents",
           .tag = "monitoring",
           .response_schema = "Sanction",
           .handler = get});
  api.add(
      {.method = "POST",
       .pattern = kBase,
       .action = "sanctions.manage",
       .summary = "Record a decision: formal notice, the operator's reply, a penalty (which may "
                  "raise a termination proposal at 10%), special administration or termination",
       .tag = "monitoring",
       .body = {{.name = "centre_id", .type = FieldType::integer, .required = true, .min_value = 1},
                {.name = "contract_id",
                 .type = FieldType::integer,
                 .nullable = true,
                 .description = "required for a penalty and a termination",
                 .min_value = 1},
                {.name = "finding_id",
                 .type = FieldType::integer,
                 .nullable = true,
                 .description = "the escalated finding the decision follows",
                 .min_value = 1},
                {.name = "kind", .required = true, .allowed = decided_sanction_kinds()},
                {.name = "decided_on", .type = FieldType::date, .required = true},
                {.name = "protocol",
                 .required = true,
                 .max_length = 100,
                 .min_length = 1,
                 .description = "decree or protocol number"},
                {.name = "note", .nullable = true, .max_length = 4000, .multiline = true},
                {.name = "days_late",
                 .type = FieldType::integer,
                 .nullable = true,
                 .description = "a penalty: days of delay",
                 .min_value = 1,
                 .max_value = 3650},
                {.name = "rate_per_mille",
                 .type = FieldType::number,
                 .nullable = true,
                 .description = "a penalty: daily rate per thousand of the contract's net amount, "
                                "within the bounds in force for the contract",
                 .min_number = 0,
                 .max_number = 100},
                {.name = "document_ids",
                 .type = FieldType::integer_list,
                 .description = "uploads (POST /documents): the decree, the letter",
                 .min_value = 1,
                 .max_items = 10}},
       .response_schema = "RecordedSanction",
       .success_status = 201,
       .handler = record});
  api.add({.method = "GET",
           .pattern = "/api/v1/centres/{id}/penalties",
           .action = "sanctions.read",
           .summary = "Each contract of a centre against the 10% cap on penalties: net amount, "
                      "penalties so far, what remains, the daily rate's bounds",
           .tag = "monitoring",
           .response_schema = "PenaltyStatusList",
           .handler = penalties});
}

}  // namespace innet::monitoring
