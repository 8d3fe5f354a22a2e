// Costs and invoices over HTTP: a centre's monthly costs, the operator's invoices and their
// reconciliation with the register, as JSON, CSV or XLSX.
#include "reception/routes.h"
#include "centres/rules.h"
#include "core/clock.h"
#include "core/json_optional.h"
#include "reception/costs/costs.h"
#include "reception/costs/export.h"
#include "reception/costs/invoices.h"
#include "reception/costs/reconciliation.h"
#include "reporting/files.h"

namespace innet::reception {
namespace {

using nlohmann::json;
using reporting::tables_response;

// ?format= absent or json answers JSON; csv and xlsx answer a file to save.
std::string format_of(const api::Context& ctx) {
  auto it = ctx.request.query.find("format");
  return it == ctx.request.query.end() || it->second.empty() ? "json" : it->second;
}

// The invoice named by {id} and its centre, when the caller's scope for `action` reaches the
// centre; otherwise 404 as for a missing invoice.
struct InvoiceInScope {
  Invoice invoice;
  centres::Centre centre;
};
Result<InvoiceInScope> invoice_and_centre(api::Context& ctx, const char* action) {
  auto id = ctx.id_param();
  if (!id.ok()) return Error::not_found("invoice");
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto invoice, find_invoice(*conn, *id));
  auto centre = centres::visible_centre(ctx, invoice.centre_id, action);
  if (!centre.ok()) {
    if (centre.error().kind == ErrorKind::not_found) return Error::not_found("invoice");
    return centre.take_error();
  }
  return InvoiceInScope{std::move(invoice), std::move(centre).value()};
}
Result<Invoice> invoice_in_scope(api::Context& ctx, const char* action) {
  INNET_ASSIGN_OR_RETURN(auto found, invoice_and_centre(ctx, action));
  return std::move(found.invoice);
}

// The files' words in the caller's language (?lang=, else Accept-Language, else Italian).
reporting::Labels file_labels(const api::Context& ctx) {
  return reporting::Labels(cost_catalogue(), reporting::language_of(ctx.request));
}

Result<http::Response> get_costs(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "costs.read"));
  // A SAI project is funded by its annual budget and final report: no daily-price costs.
  if (centre.type == "sai")
    return Error::rule(ErrorKind::unprocessable, "sai_not_per_day", "id",
                       centres::TenderErrors::sai_not_per_day());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(const CivilMonth month, parse_month(ctx.param("month")));
  INNET_ASSIGN_OR_RETURN(auto costs, monthly_costs(*conn, centre.id, month, clock::today()));
  const auto format = format_of(ctx);
  // cost_tables: Summary, Days, Persons; a CSV holds one table, the days unless asked otherwise.
  const std::size_t csv_table = ctx.request.query["table"] == "persons" ? 2 : 1;
  if (format != "csv" || csv_table == 2) ctx.record_read(costs.persons, &PersonCost::person_id);
  if (format == "json") return api::ok(monthly_costs_type(), costs);
  return tables_response(format, cost_tables(costs, centre.name, file_labels(ctx)), csv_table,
                         "costs-centre-" + std::to_string(centre.id) + "-" + month.to_string(),
                         reporting::CsvStyle::office);
}

Result<http::Response> post_invoice(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "invoices.submit"));
  const auto& b = ctx.body;
  Invoice inv;
  inv.centre_id = centre.id;
  inv.month = b["month"];
  inv.number = b["number"];
  inv.amount_cents = b["amount_cents"];
  inv.presence_days = b["presence_days"];
  if (b.contains("contract_id") && !b["contract_id"].is_null())
    inv.contract_id = b["contract_id"].get<std::int64_t>();
  if (b.contains("note") && !b["note"].is_null()) inv.note = b["note"].get<std::string>();
  inv.submitted_by = ctx.actor->user_id;
  if (b.contains("lines"))
    for (const auto& l : b["lines"]) inv.lines.push_back({l["person_id"], l["from"], l["to"]});
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto created, submit_invoice(*conn, inv, clock::today()));
  auto entry = ctx.audit("invoices.submit", "invoice", std::to_string(created.id));
  // Totals only: the lines name guests, and the audit trail carries no personal data.
  entry.details = json{{"centre_id", created.centre_id},
                       {"month", created.month},
                       {"number", created.number},
                       {"amount_cents", created.amount_cents},
                       {"vat_cents", created.vat_cents},
                       {"contract_id", value_or_null(created.contract_id)},
                       {"presence_days", created.presence_days},
                       {"lines", created.lines.size()},
                       {"replaces_id", value_or_null(created.replaces_id)}}
                      .dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(to_json(created));
}

Result<http::Response> post_withdrawal(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto invoice, invoice_in_scope(ctx, "invoices.submit"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto withdrawn,
                         withdraw_invoice(*conn, {invoice.id, ctx.body["reason"].get<std::string>(),
                                                  ctx.actor->user_id}));
  auto entry = ctx.audit("invoices.withdraw", "invoice", std::to_string(withdrawn.id));
  // Not the reason: free text may name guests, and it is kept on the invoice itself.
  entry.details = json{{"centre_id", withdrawn.centre_id},
                       {"month", withdrawn.month},
                       {"number", withdrawn.number}}
                      .dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(to_json(withdrawn));
}

Result<http::Response> post_credit_note(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto invoice, invoice_in_scope(ctx, "invoices.submit"));
  const auto& b = ctx.body;
  CreditNote note;
  note.invoice_id = invoice.id;
  note.number = b["number"];
  note.reason = b["reason"];
  note.presence_days = b["presence_days"];
  note.amount_cents = b["amount_cents"];
  note.created_by = ctx.actor->user_id;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto created, issue_credit_note(*conn, note));
  auto entry = ctx.audit("invoices.credit", "credit_note", std::to_string(created.id));
  // Not the reason: free text may name guests.
  entry.details = json{{"invoice_id", created.invoice_id},
                       {"number", created.number},
                       {"presence_days", created.presence_days},
                       {"amount_cents", created.amount_cents},
                       {"vat_cents", created.vat_cents}}
                      .dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(credit_note_type().to_json(created));
}

Result<http::Response> list_credit_notes(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto invoice, invoice_in_scope(ctx, "costs.read"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto notes, invoice_credit_notes(*conn, invoice.id));
  json items = json::array();
  for (const auto& n : notes) items.push_back(credit_note_type().to_json(n));
  return api::ok({{"items", items}});
}

Result<http::Response> list_sai_budgets(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "costs.read"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto budgets, sai_budgets(*conn, centre.id));
  json items = json::array();
  for (const auto& b : budgets) items.push_back(sai_budget_type().to_json(b));
  return api::ok({{"items", items}});
}

Result<http::Response> put_sai_budget(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "sai_budgets.manage"));
  SaiBudget b{centre.id, ctx.body["year"], ctx.body["amount_cents"], ctx.body["report_status"], ""};
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto stored, set_sai_budget(*conn, b));
  auto entry = ctx.audit("sai_budgets.set", "centre", std::to_string(centre.id));
  entry.details = json{{"year", stored.year},
                       {"amount_cents", stored.amount_cents},
                       {"report_status", stored.report_status}}
                      .dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(sai_budget_type().to_json(stored));
}

Result<http::Response> get_invoice_draft(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "invoices.submit"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(const CivilMonth month, parse_month(ctx.param("month")));
  // Validated by the route (a positive integer) before the handler runs.
  std::optional<std::int64_t> contract_id;
  if (auto it = ctx.request.query.find("contract_id"); it != ctx.request.query.end())
    contract_id = parse_int(it->second);
  INNET_ASSIGN_OR_RETURN(auto draft,
                         draft_invoice(*conn, centre.id, month, clock::today(), contract_id));
  ctx.record_read(draft.lines, [](const DraftLine& l) { return l.line.person_id; });
  return api::ok(invoice_draft_type(), draft);
}

Result<http::Response> list_invoices(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::centre_in_scope(ctx, "costs.read"));
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, centre_invoices(*conn, centre.id, paging));
  json items = json::array();
  for (const auto& i : page.items) items.push_back(to_json(i, false));
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> get_invoice(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto invoice, invoice_in_scope(ctx, "costs.read"));
  ctx.record_read(invoice.lines, &InvoiceLine::person_id);
  return api::ok(to_json(invoice));
}

Result<http::Response> get_reconciliation(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto found, invoice_and_centre(ctx, "costs.read"));
  const Invoice& invoice = found.invoice;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto r, reconcile_invoice(*conn, invoice, clock::today()));
  ctx.record_read(r.differences, &PresenceDifference::person_id);
  const auto format = format_of(ctx);
  if (format == "json") return api::ok(reconciliation_type(), r);
  // reconciliation_tables: Summary, Differences; the CSV is the differences.
  return tables_response(format, reconciliation_tables(r, found.centre.name, file_labels(ctx)), 1,
                         "reconciliation-invoice-" + std::to_string(invoice.id),
                         reporting::CsvStyle::office);
}

void add_schemas(api::Api& api) {
  api.add_schema(monthly_costs_type());
  api.add_schema(invoice_draft_type());
  api.add_schema(reconciliation_type());
  static const api::ListType invoice_list("InvoiceList", invoice_summary_type(), true);
  static const api::ListType credit_note_list("CreditNoteList", credit_note_type(), false);
  api.add_schema(credit_note_type());
  api.add_schema(credit_note_list);
  static const api::ListType sai_budget_list("SaiBudgetList", sai_budget_type(), false);
  api.add_schema(sai_budget_type());
  api.add_schema(sai_budget_list);
  api.add_schema(invoice_type());
  api.add_schema(invoice_list);
}

}  // namespace

void add_cost_routes(api::Api& api) {
  add_schemas(api);
  const std::string centres = "/api/v1/centres/{id}";
  const std::string invoices = "/api/v1/invoices/{id}";
  const Field format{.name = "format",
                     .max_length = 4,
                     .allowed = {"json", "csv", "xlsx"},
                     .description = "json (default), csv or xlsx"};
  const Field table{.name = "table",
                    .max_length = 7,
                    .allowed = {"days", "persons"},
                    .description = "with format=csv: the days (default) or the persons"};
  const std::vector<std::string> files = {"text/csv", reporting::kXlsxType};
  const Field month{.name = "month",
                    .max_length = 7,
                    .min_length = 7,
                    .description = "YYYY-MM, not after the current month"};

  api.add({.method = "GET",
           .pattern = centres + "/costs/{month}",
           .action = "costs.read",
           .summary = "A centre's costs for a month (YYYY-MM): presence-days, amount and pocket "
                      "money due, per day and per person",
           .tag = "reception",
           .query = {format, table, reporting::lang_field()},
           .path = {month},
           .response_schema = "MonthlyCosts",
           .other_content_types = files,
           .reads_persons = true,
           .handler = get_costs});
  api.add({.method = "POST",
           .pattern = centres + "/invoices",
           .action = "invoices.submit",
           .summary = "Submit the operator's invoice for a month, with the presences it declares",
           .tag = "reception",
           .body = {{.name = "month",
                     .required = true,
                     .max_length = 7,
                     .min_length = 7,
                     .description = "YYYY-MM"},
                    {.name = "number", .required = true, .max_length = 60, .min_length = 1},
                    {.name = "amount_cents",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 1,
                     .max_value = 100'000'000'000},
                    {.name = "presence_days",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 0,
                     .max_value = 10'000'000},
                    {.name = "contract_id",
                     .type = FieldType::integer,
                     .nullable = true,
                     .description = "the contract invoiced (one invoice per contract and month); "
                                    "may be left out only when one contract covers the month "
                                    "(422 contract_required otherwise)",
                     .min_value = 1},
                    {.name = "note", .nullable = true, .max_length = 2000, .multiline = true},
                    {.name = "lines",
                     .type = FieldType::object_list,
                     .required = true,
                     .description = "declared presences: a person and a run of days, both "
                                    "dates inclusive; at most 5,000 lines",
                     // Bounds the work of a submission and of its reconciliation; a month of a
                     // 500-place centre, a few runs of days per guest, fits several times over.
                     .max_items = 5000,
                     .items = {{.name = "person_id",
                                .type = FieldType::integer,
                                .required = true,
                                .min_value = 1},
                               {.name = "from",
                                .type = FieldType::date,
                                .required = true,
                                .earliest_day = centres::kFirstReceptionDay},
                               {.name = "to",
                                .type = FieldType::date,
                                .required = true,
                                .earliest_day = centres::kFirstReceptionDay}}}},
           .response_schema = "Invoice",
           .success_status = 201,
           .handler = post_invoice});
  api.add({.method = "GET",
           .pattern = centres + "/invoices/draft/{month}",
           .action = "invoices.submit",
           .summary = "The invoice of a contract for a month that matches the register: one line "
                      "per person and run of days present within the contract, the presence-days "
                      "and the amount due",
           .tag = "reception",
           .query = {{.name = "contract_id",
                      .type = FieldType::integer,
                      .description = "the contract to draft for (default: the month's first)",
                      .min_value = 1}},
           .path = {month},
           .response_schema = "InvoiceDraft",
           .reads_persons = true,
           .handler = get_invoice_draft});
  api.add({.method = "GET",
           .pattern = centres + "/invoices",
           .action = "costs.read",
           .summary = "A centre's invoices, newest month first",
           .tag = "reception",
           .paged = true,
           .response_schema = "InvoiceList",
           .handler = list_invoices});
  api.add({.method = "GET",
           .pattern = invoices,
           .action = "costs.read",
           .summary = "One invoice with its declared presences",
           .tag = "reception",
           .response_schema = "Invoice",
           .reads_persons = true,
           .handler = get_invoice});
  api.add({.method = "POST",
           .pattern = invoices + "/withdrawal",
           .action = "invoices.submit",
           .summary = "Withdraw an invoice with the reason: it stays readable, and a new invoice "
                      "may then be submitted for its month, replacing it",
           .tag = "reception",
           .body = {{.name = "reason",
                     .required = true,
                     .max_length = 500,
                     .min_length = 10,
                     .multiline = true,
                     .description = "why the invoice is withdrawn, for the record"}},
           .response_schema = "Invoice",
           .handler = post_withdrawal});
  api.add({.method = "GET",
           .pattern = centres + "/sai-budgets",
           .action = "costs.read",
           .summary = "A SAI project's budgets by year (newest first), with their final report",
           .tag = "reception",
           .response_schema = "SaiBudgetList",
           .handler = list_sai_budgets});
  api.add({.method = "POST",
           .pattern = centres + "/sai-budgets",
           .action = "sai_budgets.manage",
           .summary = "Record (or replace) a SAI project's budget for a year and the state of its "
                      "final report",
           .tag = "reception",
           .body = {{.name = "year",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 2000,
                     .max_value = 2100},
                    {.name = "amount_cents",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 0,
                     .max_value = 100'000'000'000},
                    {.name = "report_status",
                     .required = true,
                     .max_length = 20,
                     .allowed = sai_report_statuses()}},
           .response_schema = "SaiBudget",
           .handler = put_sai_budget});
  api.add({.method = "POST",
           .pattern = invoices + "/credit-notes",
           .action = "invoices.submit",
           .summary = "Issue a credit note correcting a submitted invoice: negative presence-days "
                      "and amount, never more than the invoice declared",
           .tag = "reception",
           .body = {{.name = "number", .required = true, .max_length = 60, .min_length = 1},
                    {.name = "reason",
                     .required = true,
                     .max_length = 500,
                     .min_length = 10,
                     .multiline = true},
                    {.name = "presence_days",
                     .type = FieldType::integer,
                     .required = true,
                     .description = "negative: the days taken back",
                     .min_value = -10'000'000,
                     .max_value = -1},
                    {.name = "amount_cents",
                     .type = FieldType::integer,
                     .required = true,
                     .description = "negative, net of VAT: the days taken back at the contract "
                                    "price",
                     .min_value = -100'000'000'000,
                     .max_value = -1}},
           .response_schema = "CreditNote",
           .success_status = 201,
           .handler = post_credit_note});
  api.add({.method = "GET",
           .pattern = invoices + "/credit-notes",
           .action = "costs.read",
           .summary = "An invoice's credit notes, oldest first",
           .tag = "reception",
           .response_schema = "CreditNoteList",
           .handler = list_credit_notes});
  api.add({.method = "GET",
           .pattern = invoices + "/reconciliation",
           .action = "costs.read",
           .summary = "An invoice reconciled with the register: amount and presence-day "
                      "differences, and each difference by day and person",
           .tag = "reception",
           .query = {format, reporting::lang_field()},
           .response_schema = "Reconciliation",
           .other_content_types = files,
           .reads_persons = true,
           .handler = get_reconciliation});
}

}  // namespace innet::reception
