// The operator's monthly invoice for a centre: the amount it asks for and the presences it
// declares, one line per person and run of consecutive days (intervals, not one row per day).
// One invoice per centre and month; it is reconciled against the register (reconciliation.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_input.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"

namespace innet::reception {

struct InvoiceLine {
  std::int64_t person_id = 0;
  std::string from;  // inclusive
  std::string to;    // inclusive
};

struct Invoice {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::string month;   // YYYY-MM
  std::string number;  // the operator's invoice number
  std::int64_t amount_cents = 0;
  std::int64_t presence_days = 0;  // declared; must equal what the lines add up to
  std::int64_t submitted_by = 0;   // user id
  std::string submitted_at;
  std::optional<std::string> note;
  std::vector<InvoiceLine> lines;  // empty when listed without them
};

// The days a line covers (to - from + 1).
std::int64_t line_days(const InvoiceLine& line);

// Checks then stores an invoice with its lines, inside the caller's transaction. Refusals name the
// field to change, and nothing is written:
//   400 validation_failed  month not YYYY-MM, a line date that is not a date
//   422 future_date        month (or a line) after `today`
//   422 validation_failed  amount_cents <= 0, presence_days < 0
//   422 invalid_lines      lines[i].from/to: reversed, outside the month, overlapping another
//                          line of the same person
//   422 no_such_person     lines[i].person_id
//   422 presence_days_mismatch  presence_days: not what the lines add up to
//   409 invoice_exists     month: the centre already has an invoice for it
Result<Invoice> submit_invoice(db::Connection& conn, const Invoice& invoice,
                               const std::string& today);
Result<Invoice> find_invoice(db::Connection& conn, std::int64_t id);  // with its lines
// Newest month first, without lines.
Result<db::Page<Invoice>> centre_invoices(db::Connection& conn, std::int64_t centre_id,
                                          const Paging& paging);

nlohmann::json to_json(const Invoice& invoice, bool with_lines = true);

std::vector<db::Migration> invoice_migrations(db::Engine engine);

}  // namespace innet::reception
