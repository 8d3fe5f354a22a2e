// /api/v1/centres/{id}/handovers: money beside the daily price handed to guests on signed
// receipts. The operator's staff record them for their centres' guests; the Prefettura reads them
// and decides suspensions of pocket money; no one else sees them (404, as for a missing centre).
#include "reception/routes.h"
#include "centres/rules.h"
#include "core/clock.h"
#include "documents/owners.h"
#include "reception/handovers/handovers.h"
#include "reception/handovers/money.h"

namespace innet::reception {
namespace {

// The handover named by {id} when the caller's scope for `action` reaches its centre; otherwise
// 404 as for a missing handover.
Result<Handover> handover_in_scope(api::Context& ctx, const char* action) {
  auto id = ctx.id_param();
  if (!id.ok()) return Error::not_found("handover");
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto handover, find_handover(*conn, *id));
  auto centre = centres::visible_centre(ctx, handover.centre_id, action);
  if (!centre.ok()) {
    if (centre.error().kind == ErrorKind::not_found) return Error::not_found("handover");
    return centre.take_error();
  }
  return handover;
}

Result<documents::OwnerAccess> receipt_access(api::Context& ctx, std::int64_t handover_id) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  auto handover = find_handover(*conn, handover_id);
  if (!handover.ok()) {
    if (handover.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return handover.take_error();
  }
  auto centre = centres::visible_centre(ctx, handover->centre_id, "handovers.read");
  if (!centre.ok()) {
    if (centre.error().kind == ErrorKind::not_found) return documents::OwnerAccess{};
    return centre.take_error();
  }
  // The receipt bears the guest's name and signature.
  return documents::OwnerAccess{.readable = true, .persons = {handover->person_id}};
}

// Money is for centres paid per day: a SAI project has its budget.
Result<centres::Centre> per_day_centre(api::Context& ctx, const char* action) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, action));
  if (centre.type == "sai")
    return Error::rule(ErrorKind::unprocessable, "sai_not_per_day", "id",
                       centres::TenderErrors::sai_not_per_day());
  return centre;
}

Result<http::Response> month_money(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, per_day_centre(ctx, "handovers.read"));
  INNET_ASSIGN_OR_RETURN(const CivilMonth month, parse_month(ctx.param("month")));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto money, centre_month_money(*conn, centre.id, month, clock::today()));
  ctx.record_read(money.guests, &GuestMoney::person_id);
  ctx.record_read(money.handovers, &Handover::person_id);
  return api::ok(centre_month_money_type(), money);
}

Result<http::Response> record(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, per_day_centre(ctx, "handovers.record"));
  const auto& b = ctx.body;
  NewHandover h;
  h.centre_id = centre.id;
  h.person_id = b["person_id"];
  h.item = b["item"];
  h.handed_on = *accepted_day(b, "handed_on");  // required: checked by the route's body spec
  if (b.contains("month") && !b["month"].is_null()) {
    INNET_ASSIGN_OR_RETURN(h.month, parse_month(b["month"].get<std::string>()));
  }
  h.amount_cents = api::patched<std::int64_t>(b, "amount_cents", std::nullopt);
  h.receipt_kind = b["receipt_kind"];
  h.document_id = b["document_id"];
  h.recorded_by = ctx.actor->user_id;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto stored, record_handover(*conn, h, clock::today()));
  INNET_ASSIGN_OR_RETURN(auto document, documents::link_document(ctx, *conn, h.document_id,
                                                                 kReceiptOwnerKind, stored.id));
  auto entry = ctx.audit("handovers.record", "handover", std::to_string(stored.id));
  // Ids and amounts only: the audit trail is kept for good and carries no names.
  entry.details = nlohmann::json{{"centre_id", stored.centre_id},
                                 {"person_id", stored.person_id},
                                 {"item", stored.item},
                                 {"handed_on", stored.handed_on},
                                 {"amount_cents", stored.amount_cents},
                                 {"document_id", document.id},
                                 {"sha256", document.sha256}}
                      .dump();
  INNET_TRY(ctx.commit(entry));
  ctx.record_read(std::vector<std::int64_t>{stored.person_id});
  return api::created(handover_type().to_json(stored));
}

Result<http::Response> cancel(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto handover, handover_in_scope(ctx, "handovers.record"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto cancelled,
                         cancel_handover(*conn, handover.id, ctx.body["reason"].get<std::string>(),
                                         ctx.actor->user_id));
  auto entry = ctx.audit("handovers.cancel", "handover", std::to_string(cancelled.id));
  // Not the reason: free text may name guests; it is kept on the handover.
  entry.details = nlohmann::json{{"centre_id", cancelled.centre_id},
                                 {"item", cancelled.item},
                                 {"amount_cents", cancelled.amount_cents}}
                      .dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(handover_type(), cancelled);
}

Result<http::Response> suspend(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, per_day_centre(ctx, "measures.decide"));
  const auto& b = ctx.body;
  NewSuspension s{
      centre.id,   b["person_id"],    *accepted_day(b, "from"), *accepted_day(b, "until"),
      b["reason"], ctx.actor->user_id};
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto stored, suspend_pocket_money(*conn, s, clock::today()));
  auto entry = ctx.audit("pocket_money.suspend", "person", std::to_string(stored.person_id));
  entry.details = nlohmann::json{
      {"centre_id", centre.id},
      {"placement_id", *stored.placement_id},
      {"from", stored.from},
      {"until",
       stored.until}}.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(suspension_type().to_json(stored));
}

}  // namespace

documents::Owner receipt_owner() {
  return {.kind = kReceiptOwnerKind,
          .media_types = documents::accepted_media_type_names(),
          .access = receipt_access};
}

void add_handover_routes(api::Api& api) {
  api.add_schema(centre_month_money_type());
  api.add_schema(handover_type());
  api.add_schema(suspension_type());
  const std::string centre = "/api/v1/centres/{id}";
  const Field reason{.name = "reason",
                     .required = true,
                     .max_length = 500,
                     .min_length = 10,
                     .multiline = true,
                     .description = "why, for the record"};
  api.add({.method = "GET",
           .pattern = centre + "/handovers/{month}",
           .action = "handovers.read",
           .summary = "Money beside the daily price for a month (YYYY-MM): what each guest was "
                      "due against what was handed over, the centre's lines, the handovers and "
                      "the suspensions of pocket money",
           .tag = "reception",
           .path = {{.name = "month",
                     .max_length = 7,
                     .min_length = 7,
                     .description = "YYYY-MM, not after the current month"}},
           .response_schema = "CentreMonthMoney",
           .reads_persons = true,
           .handler = month_money});
  api.add(
      {.method = "POST",
       .pattern = centre + "/handovers",
       .action = "handovers.record",
       .summary = "Record pocket money, a phone card or a first-entry kit handed to a guest, "
                  "with the receipt the guest signed (an uploaded document)",
       .tag = "reception",
       .body = {{.name = "person_id", .type = FieldType::integer, .required = true, .min_value = 1},
                {.name = "item", .required = true, .max_length = 20, .allowed = handover_items()},
                {.name = "handed_on",
                 .type = FieldType::date,
                 .required = true,
                 .earliest_day = centres::kFirstReceptionDay,
                 .description = "the day the guest signed, not in the future"},
                {.name = "month",
                 .nullable = true,
                 .max_length = 7,
                 .min_length = 7,
                 .description = "pocket money: the month it pays (default: handed_on's)"},
                {.name = "amount_cents",
                 .type = FieldType::integer,
                 .nullable = true,
                 .description = "pocket money only: the amount handed over",
                 .min_value = 1,
                 .max_value = 1'000'000},
                {.name = "receipt_kind",
                 .required = true,
                 .max_length = 10,
                 .allowed = receipt_kinds(),
                 .description = "upload: a signed sheet; signature: drawn on a tablet"},
                {.name = "document_id",
                 .type = FieldType::integer,
                 .required = true,
                 .description = "the receipt, uploaded with POST /api/v1/documents",
                 .min_value = 1}},
       .response_schema = "Handover",
       .success_status = 201,
       .reads_persons = true,
       .handler = record});
  api.add({.method = "POST",
           .pattern = "/api/v1/handovers/{id}/cancellation",
           .action = "handovers.record",
           .summary = "Cancel a mistaken handover with the reason: it stays listed, and counts no "
                      "more",
           .tag = "reception",
           .body = {reason},
           .response_schema = "Handover",
           .handler = cancel});
  api.add(
      {.method = "POST",
       .pattern = centre + "/pocket-money-suspensions",
       .action = "measures.decide",
       .summary = "Suspend a guest's pocket money for a period (a reduction measure): none "
                  "is due from `from` to the day before `until`",
       .tag = "reception",
       .body = {{.name = "person_id", .type = FieldType::integer, .required = true, .min_value = 1},
                {.name = "from",
                 .type = FieldType::date,
                 .required = true,
                 .earliest_day = centres::kFirstReceptionDay},
                {.name = "until",
                 .type = FieldType::date,
                 .required = true,
                 .earliest_day = centres::kFirstReceptionDay,
                 .description = "first day after the suspension"},
                reason},
       .response_schema = "PocketMoneySuspension",
       .success_status = 201,
       .handler = suspend});
}

}  // namespace innet::reception
