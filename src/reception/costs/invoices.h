// The operator's monthly invoice for a centre: the amount it asks for and the presences it
// declares, one line per person and run of consecutive days (intervals, not one row per day).
// A centre has at most one current invoice per month; it is reconciled against the register
// (reconciliation.h). A mistaken invoice is withdrawn with a recorded reason, never deleted or
// edited: it stays readable with its lines, and the invoice submitted after it for the same month
// names it as the one it replaces.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "core/json_input.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "reception/costs/costs.h"

namespace innet::reception {

struct InvoiceLine {
  std::int64_t person_id = 0;
  std::string from;  // inclusive
  std::string to;    // inclusive
};

struct Invoice {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  // The contract invoiced: an invoice covers one contract and the days of its month inside that
  // contract, so a month spanning two contracts gives two invoices. Given, or the one contract
  // covering the month. None only for invoices stored before invoices were per contract (whole
  // months, possibly over two contracts: their reconciliation flags them).
  std::optional<std::int64_t> contract_id;
  std::optional<std::string> cig;  // of the contract's tender lot, for the e-invoice
  std::int64_t vat_cents = 0;      // on amount_cents, at the contract's rate
  std::string month;               // YYYY-MM
  std::string number;              // the operator's invoice number
  std::int64_t amount_cents = 0;   // net of VAT: the declared days at the contract price
  std::int64_t presence_days = 0;  // declared; must equal what the lines add up to
  std::int64_t submitted_by = 0;   // user id
  std::string submitted_at;
  std::optional<std::string> note;
  std::vector<InvoiceLine> lines;  // empty when listed without them
  // Set together when the invoice is withdrawn.
  std::optional<std::string> withdrawn_at;
  std::optional<std::int64_t> withdrawn_by;
  std::optional<std::string> withdrawal_reason;
  std::optional<std::int64_t> replaces_id;  // the withdrawn invoice of the same month before it
  std::optional<std::int64_t> replaced_by_id;

  bool withdrawn() const { return withdrawn_at.has_value(); }
};

struct Withdrawal {
  std::int64_t invoice_id = 0;
  std::string reason;
  std::int64_t withdrawn_by = 0;  // user id
};

// A credit note corrects a submitted invoice: it takes back presence-days and their amount
// (both negative), with a reason. The credit notes of an invoice never take back more days or
// more amount than it declared; the reconciliation nets them.
struct CreditNote {
  std::int64_t id = 0;
  std::int64_t invoice_id = 0;
  std::string number;  // the operator's credit note number
  std::string reason;
  std::int64_t presence_days = 0;  // < 0
  std::int64_t amount_cents = 0;   // < 0, net of VAT
  std::int64_t vat_cents = 0;      // <= 0, at the invoice's contract rate
  std::int64_t created_by = 0;
  std::string created_at;
};

// Inside the caller's transaction:
//   409 invoice_already_withdrawn  the invoice is withdrawn
//   422 validation_failed          presence_days or amount_cents not negative
//   422 amount_mismatch            amount_cents: for an invoice of one contract, not the days
//                                  at its price
//   422 credit_exceeds_invoice     presence_days or amount_cents: more than is left to credit
Result<CreditNote> issue_credit_note(db::Connection& conn, const CreditNote& note);
Result<std::vector<CreditNote>> invoice_credit_notes(db::Connection& conn, std::int64_t invoice_id);
const api::ObjectType<CreditNote>& credit_note_type();

// A SAI project is not billed per day: it is funded by an annual budget and accounted for by a
// final report. One budget per centre and year, recorded by the Prefettura.
struct SaiBudget {
  std::int64_t centre_id = 0;
  std::int64_t year = 0;
  std::int64_t amount_cents = 0;          // the year's budget
  std::string report_status = "not_due";  // one of sai_report_statuses()
  std::string updated_at;
};
const std::vector<std::string>& sai_report_statuses();  // not_due, pending, submitted, approved
// Records (or replaces) the budget of a year, inside the caller's transaction; 422 not_sai
// naming `id` for a centre that is not a SAI project.
Result<SaiBudget> set_sai_budget(db::Connection& conn, const SaiBudget& budget);
Result<std::vector<SaiBudget>> sai_budgets(db::Connection& conn, std::int64_t centre_id);
const api::ObjectType<SaiBudget>& sai_budget_type();

// The contract reaches into the month: the days it is in force (centres::last_day_in_force: a
// terminated contract ends the day before its termination) and the month's share at least one.
bool contract_reaches(const centres::Contract& c, const MonthRange& range);
// The contracts reaching into the month, by start date (their periods never overlap).
std::vector<centres::Contract> contracts_in_month(const std::vector<centres::Contract>& contracts,
                                                  const MonthRange& range);

// The declared lines valued at the price of the contract in force each day (net), and the VAT
// on each contract's part at its rate. Days without a contract are worth nothing.
struct InvoiceValue {
  std::int64_t net_cents = 0;
  std::int64_t vat_cents = 0;
};
InvoiceValue value_lines(const std::vector<InvoiceLine>& lines,
                         const std::vector<centres::Contract>& contracts);

// The days a line covers (to - from + 1).
std::int64_t line_days(const InvoiceLine& line);

// Checks then stores an invoice with its lines, inside the caller's transaction. Refusals name the
// field to change, and nothing is written:
//   400 validation_failed  month not YYYY-MM, a line date that is not a date
//   422 future_date        month (or a line) after `today`
//   422 validation_failed  amount_cents <= 0, presence_days < 0
//   422 invalid_lines      lines[i].from/to: reversed, outside the month, overlapping another
//                          line of the same person
//   422 no_contract        month: no contract of the centre covers a day of it
//   422 not_placed         lines[i].person_id: not placed at this centre in that month; the
//                          same answer for an id that exists nowhere, so that an invoice cannot
//                          be used to learn who else is in the database
//   422 presence_days_mismatch  presence_days: not what the lines add up to
//   422 sai_not_per_day    month: a SAI centre is funded by a project budget, not per day
//   422 outside_contract   month (no day of the month in the contract's period) or
//                          lines[i].from/to (a day outside the contract named)
//   422 validation_failed  contract_id: not a contract of this centre
//   422 contract_required  contract_id: left out for a month that more than one contract covers
//                          (an invoice never spans two contracts)
//   422 amount_mismatch    amount_cents: not the declared days at the contract's net price (the
//                          expected amount is given); an invoice that contradicts its own lines
//                          is refused rather than stored and flagged later
//   409 invoice_exists     month: the centre already has a current (not withdrawn) invoice for it
//                          and the same contract (or an older whole-month one)
// After a withdrawal, the next invoice of that month records replaces_id.
Result<Invoice> submit_invoice(db::Connection& conn, const Invoice& invoice, CivilDay today);
// Withdraws a current invoice, inside the caller's transaction; 409 invoice_already_withdrawn
// otherwise.
Result<Invoice> withdraw_invoice(db::Connection& conn, const Withdrawal& withdrawal);
// The checks a month must pass before anything is invoiced for it (also before a draft): a
// YYYY-MM not in the future, with a contract of the centre covering at least one of its days.
Result<MonthRange> invoiceable_month(db::Connection& conn, std::int64_t centre_id, CivilMonth month,
                                     CivilDay today);
Result<Invoice> find_invoice(db::Connection& conn, std::int64_t id);  // with its lines
// Newest month first (current before withdrawn within a month), without lines.
Result<db::Page<Invoice>> centre_invoices(db::Connection& conn, std::int64_t centre_id,
                                          const Paging& paging);

// An invoice with its lines; a summary (lists, reconciliations) without them.
const api::ObjectType<Invoice>& invoice_type();
const api::ObjectType<Invoice>& invoice_summary_type();
nlohmann::json to_json(const Invoice& invoice, bool with_lines = true);

std::vector<db::Migration> invoice_migrations(db::Engine engine);

}  // namespace innet::reception
