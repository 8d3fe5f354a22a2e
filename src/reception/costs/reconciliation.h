// An operator's invoice checked against the presence register: the amounts and presence-days it
// declares against those computed (costs.h), and every difference listed by day and person, with
// why: declared but the person was not placed at the centre that day, declared but recorded
// absent (with the absence reason), or present per the register but not declared; and the days
// of the month the operator has not confirmed in the register.
// The invoice amount is compared with the amount due (presence-days x contract price); pocket
// money is part of the services the price pays for, so it is reported, not added.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "db/database.h"
#include "reception/costs/costs.h"
#include "reception/costs/invoices.h"
#include "reception/register/register.h"

namespace innet::reception {

inline constexpr const char* kDeclaredNotPresent = "declared_not_present";
inline constexpr const char* kPresentNotDeclared = "present_not_declared";

struct PresenceDifference {
  std::string day;
  std::int64_t person_id = 0;
  std::string family_name;
  std::string given_names;
  std::string kind;                           // kDeclaredNotPresent or kPresentNotDeclared
  std::string reason;                         // not_placed | absent | not_declared
  std::optional<std::string> absence_reason;  // with reason "absent"
  // The contract price that day: what the difference weighs on the amount (0 without contract).
  std::int64_t price_cents = 0;
};

struct Reconciliation {
  Invoice invoice;
  MonthRange range;
  std::int64_t computed_presence_days = 0;
  std::int64_t computed_amount_cents = 0;
  std::int64_t pocket_money_due_cents = 0;
  // The declared presence-days valued at the contract price of each day: tells an invoice that
  // prices its own days wrongly from one that declares the wrong days.
  std::int64_t declared_days_value_cents = 0;
  // Flagged when the declared amount is not its own declared days at the contract price: the
  // invoice contradicts itself (e.g. a line removed without the amount following it), whatever
  // the register says. Submission refuses such invoices now; older ones are flagged.
  bool amount_not_matching_days = false;
  // Flagged when the invoice is not of one contract: stored before invoices were per contract, it
  // names none for a month that more than one contract covers, or declares days of another
  // contract than its own. Submission refuses such invoices now; older ones are flagged.
  bool spans_contracts = false;
  std::int64_t computed_vat_cents = 0;  // on the computed amount, at the contract's rate
  // The invoice's credit notes, summed (negative); the differences net them.
  std::int64_t credited_presence_days = 0;
  std::int64_t credited_amount_cents = 0;
  std::int64_t credited_vat_cents = 0;
  std::int64_t presence_days_difference = 0;  // declared - computed
  std::int64_t amount_difference_cents = 0;   // declared - computed
  std::int64_t declared_not_present = 0;      // counts of the differences below
  std::int64_t present_not_declared = 0;
  std::vector<PresenceDifference> differences;  // by day, then person id
  // Days the operator has not confirmed in the register, or that changed after confirmation:
  // their presences are not yet vouched for, whatever the invoice says.
  std::vector<DaySummary> unconfirmed_days;
  // The centre's month of money beside the daily price (filled by reconcile_invoice).
  std::vector<MoneyLine> money;
};

// Pure: `data` is the invoice's month loaded with the invoice's persons, `costs` computed from it,
// `register_days` the register's summary of the same days. An invoice of one contract is compared
// on the days of that contract only (a month spanning two contracts has two invoices).
Reconciliation reconcile(const Invoice& invoice, const CostData& data, const MonthlyCosts& costs,
                         const std::vector<DaySummary>& register_days);

// Loads the invoice's month (the invoice must carry its lines) and reconciles it.
Result<Reconciliation> reconcile_invoice(db::Connection& conn, const Invoice& invoice,
                                         CivilDay today);

const api::ObjectType<Reconciliation>& reconciliation_type();
nlohmann::json to_json(const Reconciliation& r);

// The invoice that matches the register: one line per person and run of consecutive days present,
// with the presence-days and amount due of the month. The operator's invoice form starts from it,
// so that an invoice differs from the register only where the operator changes it.
struct DraftLine {
  InvoiceLine line;
  std::string family_name;
  std::string given_names;
};
// A contract in force on some day of the draft's range: each gets its own invoice, its days
// priced at its price (the form computes the amount from the lines kept).
struct DraftContract {
  std::int64_t contract_id = 0;
  std::string cig;
  std::string from;              // its first day within the range
  std::string to;                // its last day within the range, inclusive
  std::int64_t price_cents = 0;  // net of VAT
  std::int64_t vat_rate_percent = 0;
};
// The draft is of one contract (an invoice never spans two): its lines, presence-days and amount
// cover the days of the month inside that contract only.
struct InvoiceDraft {
  std::int64_t centre_id = 0;
  MonthRange range;
  std::int64_t contract_id = 0;  // the contract drafted, one of `contracts`
  std::int64_t presence_days = 0;
  std::int64_t amount_cents = 0;
  std::vector<DraftLine> lines;          // in the order of MonthlyCosts::persons, then by date
  std::vector<DraftContract> contracts;  // every contract of the month, by start date
  // Days of the contract's part of the range not confirmed in the register (or changed since):
  // the form warns about lines that declare them.
  std::vector<std::string> unconfirmed_days;
};

// Pure, like reconcile(): the draft of `contract_id`, which must reach into the month.
InvoiceDraft draft_invoice(const CostData& data, const MonthlyCosts& costs,
                           std::int64_t contract_id);
// Refuses a month that cannot be invoiced (invoiceable_month) before reading the register. The
// draft of `contract_id`, or of the month's first contract when none is named; a contract that is
// not the centre's is 422 validation_failed naming `contract_id`, one outside the month 422
// outside_contract naming `contract_id`.
Result<InvoiceDraft> draft_invoice(db::Connection& conn, std::int64_t centre_id, CivilMonth month,
                                   CivilDay today,
                                   std::optional<std::int64_t> contract_id = std::nullopt);

const api::ObjectType<InvoiceDraft>& invoice_draft_type();
nlohmann::json to_json(const InvoiceDraft& d);

}  // namespace innet::reception
