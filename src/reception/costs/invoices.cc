#include "reception/costs/invoices.h"

#include <algorithm>
#include <map>
#include <set>

#include "centres/rules.h"
#include "core/clock.h"
#include "reception/placements/placements.h"

namespace innet::reception {
namespace {

// The invoice that replaced this one is derived, not stored: the one naming it in replaces_id
// (unique, so at most one), read with every invoice, single or listed.
constexpr const char* kColumns =
    "id, centre_id, month, number, amount_cents, presence_days, submitted_by, submitted_at, note, "
    "withdrawn_at, withdrawn_by, withdrawal_reason, replaces_id, "
    "(SELECT successor.id FROM invoices successor WHERE successor.replaces_id = invoices.id) AS "
    "replaced_by_id, contract_id, cig, vat_cents";

Invoice from_row(const db::Row& r) {
  Invoice i;
  i.id = r.integer(0);
  i.centre_id = r.integer(1);
  i.month = r.text(2);
  i.number = r.text(3);
  i.amount_cents = r.integer(4);
  i.presence_days = r.integer(5);
  i.submitted_by = r.integer(6);
  i.submitted_at = r.text(7);
  i.note = r.opt_text(8);
  i.withdrawn_at = r.opt_text(9);
  i.withdrawn_by = r.opt_integer(10);
  i.withdrawal_reason = r.opt_text(11);
  i.replaces_id = r.opt_integer(12);
  i.replaced_by_id = r.opt_integer(13);
  i.contract_id = r.opt_integer(14);
  i.cig = r.opt_text(15);
  i.vat_cents = r.integer(16);
  return i;
}

Error refused(ErrorKind kind, const char* code, std::string message) {
  return Error::make(kind, code, std::move(message));
}

std::string line_field(std::size_t i, const char* name) {
  return "lines[" + std::to_string(i) + "]." + name;
}

// Dates, order, the month, and no two lines of a person covering the same day. Every bad line is
// named at once, so that the operator fixes the invoice in one pass.
Status check_lines(const Invoice& inv, const MonthRange& range) {
  Error bad_dates = refused(ErrorKind::invalid_input, "validation_failed", "invalid line dates");
  Error bad_lines = refused(ErrorKind::unprocessable, "invalid_lines", "invalid invoice lines");
  const CivilDay last = range.to.plus_days(-1);
  for (std::size_t i = 0; i < inv.lines.size(); ++i) {
    const auto& l = inv.lines[i];
    const auto from = CivilDay::parse(l.from), to = CivilDay::parse(l.to);
    if (!from) bad_dates.fields[line_field(i, "from")] = FieldError::wrong_type("date");
    if (!to) bad_dates.fields[line_field(i, "to")] = FieldError::wrong_type("date");
    if (!from || !to) continue;
    const FieldError within = FieldError::outside_month(range.from.to_string(), last.to_string());
    if (*from > *to) bad_lines.fields[line_field(i, "to")] = FieldError::before_other("from");
    if (*from < range.from || *from > last) bad_lines.fields[line_field(i, "from")] = within;
    if (*to < range.from || *to > last) bad_lines.fields[line_field(i, "to")] = within;
  }
  if (!bad_dates.fields.empty()) return bad_dates;
  if (!bad_lines.fields.empty()) return bad_lines;

  std::map<std::int64_t, std::vector<std::size_t>> by_person;
  for (std::size_t i = 0; i < inv.lines.size(); ++i) by_person[inv.lines[i].person_id].push_back(i);
  for (auto& [person, indexes] : by_person) {
    std::sort(indexes.begin(), indexes.end(),
              [&](std::size_t a, std::size_t b) { return inv.lines[a].from < inv.lines[b].from; });
    for (std::size_t k = 1; k < indexes.size(); ++k) {
      const auto& prev = inv.lines[indexes[k - 1]];
      if (inv.lines[indexes[k]].from <= prev.to)
        bad_lines.fields[line_field(indexes[k], "from")] =
            FieldError::overlaps_line(std::int64_t(indexes[k - 1]));
    }
  }
  if (!bad_lines.fields.empty()) return bad_lines;
  return Status::success();
}

// Every line names a guest of this centre in the invoiced month. Anyone else, including an id that
// exists nowhere, gets the same answer: the caller learns nothing about persons it cannot see.
Status check_guests(db::Connection& conn, const Invoice& inv, const MonthRange& range) {
  if (inv.lines.empty()) return Status::success();
  INNET_ASSIGN_OR_RETURN(auto placements,
                         placements_between(conn, inv.centre_id, range.from, range.to));
  std::set<std::int64_t> guests;
  for (const auto& p : placements) guests.insert(p.person_id);
  Error e = refused(ErrorKind::unprocessable, "not_placed",
                    "a line names a person not placed at this centre in " + inv.month);
  for (std::size_t i = 0; i < inv.lines.size(); ++i)
    if (!guests.contains(inv.lines[i].person_id))
      e.fields[line_field(i, "person_id")] = FieldError::not_placed(inv.month);
  if (!e.fields.empty()) return e;
  return Status::success();
}

Error already_invoiced(const std::string& month) {
  Error e = Error::field(ErrorKind::conflict, "month", FieldError::invoice_exists(month));
  e.code = "invoice_exists";
  return e;
}

// The contract an invoice covers: the one named, which must reach into the month, or the only one
// covering a day of the month. A month of several contracts has one invoice per contract, so the
// contract must then be named: an invoice never spans two.
Result<centres::Contract> invoiced_contract(db::Connection& conn, const Invoice& inv,
                                            const MonthRange& range) {
  INNET_ASSIGN_OR_RETURN(auto all, centres::centre_contracts(conn, inv.centre_id));
  if (inv.contract_id) {
    for (const auto& c : all) {
      if (c.id != *inv.contract_id) continue;
      if (!contract_reaches(c, range))
        return Error::rule(
            ErrorKind::unprocessable, "outside_contract", "month",
            centres::TenderErrors::outside_contract(c.start_date, centres::last_day_in_force(c)));
      return c;
    }
    return Error::field(ErrorKind::unprocessable, "contract_id", FieldError::not_found("contract"));
  }
  const auto in_month = contracts_in_month(all, range);
  if (in_month.size() == 1) return in_month[0];
  // invoiceable_month() made sure there is at least one: here there are several.
  return Error::rule(ErrorKind::unprocessable, "contract_required", "contract_id",
                     centres::TenderErrors::contract_required());
}

// Every line within the days the contract is in force (a terminated contract: up to the day
// before its termination).
Status check_within_contract(const Invoice& inv, const centres::Contract& c) {
  Error e = refused(ErrorKind::unprocessable, "outside_contract",
                    "a line falls outside the period of the contract invoiced");
  const auto last = centres::last_day_in_force(c);
  const FieldError outside = centres::TenderErrors::outside_contract(c.start_date, last);
  for (std::size_t i = 0; i < inv.lines.size(); ++i) {
    if (inv.lines[i].from < c.start_date) e.fields[line_field(i, "from")] = outside;
    if (inv.lines[i].to > last) e.fields[line_field(i, "to")] = outside;
  }
  if (!e.fields.empty()) return e;
  return Status::success();
}

}  // namespace

bool contract_reaches(const centres::Contract& c, const MonthRange& range) {
  return c.start_date <= range.to.plus_days(-1).to_string() &&
         centres::last_day_in_force(c) >= range.from.to_string();
}

std::vector<centres::Contract> contracts_in_month(const std::vector<centres::Contract>& contracts,
                                                  const MonthRange& range) {
  std::vector<centres::Contract> out;
  for (const auto& c : contracts)
    if (contract_reaches(c, range)) out.push_back(c);
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.start_date < b.start_date; });
  return out;
}

InvoiceValue value_lines(const std::vector<InvoiceLine>& lines,
                         const std::vector<centres::Contract>& contracts) {
  InvoiceValue v;
  std::map<std::int64_t, std::int64_t> net_by_contract;
  for (const auto& l : lines) {
    const auto from = CivilDay::parse(l.from), to = CivilDay::parse(l.to);
    if (!from || !to) continue;
    for (CivilDay d = *from; d <= *to; d = d.plus_days(1)) {
      const auto* c = contract_covering(contracts, d.to_string());
      if (!c) continue;
      net_by_contract[c->id] += c->price_cents;
      v.net_cents += c->price_cents;
    }
  }
  for (const auto& c : contracts)
    if (auto it = net_by_contract.find(c.id); it != net_by_contract.end())
      v.vat_cents += centres::vat_cents(it->second, c.vat_rate_percent);
  return v;
}

namespace {

Result<Invoice> checked_invoice(db::Connection& conn, const Invoice& given, CivilDay today) {
  Invoice inv = given;
  INNET_ASSIGN_OR_RETURN(const CivilMonth month, parse_month(inv.month));
  INNET_ASSIGN_OR_RETURN(auto range, invoiceable_month(conn, inv.centre_id, month, today));
  INNET_ASSIGN_OR_RETURN(auto contract, invoiced_contract(conn, inv, range));
  if (inv.amount_cents <= 0)
    return Error::field(ErrorKind::unprocessable, "amount_cents", FieldError::below_minimum(1));
  if (inv.presence_days < 0)
    return Error::field(ErrorKind::unprocessable, "presence_days", FieldError::below_minimum(0));
  INNET_TRY(check_lines(inv, range));
  INNET_TRY(check_guests(conn, inv, range));
  std::int64_t declared = 0;
  for (const auto& l : inv.lines) declared += line_days(l);
  if (declared != inv.presence_days) {
    Error e = Error::field(ErrorKind::unprocessable, "presence_days",
                           FieldError::presence_days_mismatch(declared));
    e.code = "presence_days_mismatch";
    return e;
  }
  INNET_TRY(check_within_contract(inv, contract));
  inv.contract_id = contract.id;
  inv.cig = contract.cig;
  const auto value = value_lines(inv.lines, {contract});
  if (inv.amount_cents != value.net_cents)
    return Error::rule(ErrorKind::unprocessable, "amount_mismatch", "amount_cents",
                       centres::TenderErrors::amount_mismatch(value.net_cents));
  inv.vat_cents = value.vat_cents;
  // One current invoice per contract and month; a whole-month invoice stored before invoices were
  // per contract (no contract) excludes any.
  INNET_ASSIGN_OR_RETURN(
      auto existing,
      conn.query("SELECT id FROM invoices WHERE centre_id = ? AND month = ? AND withdrawn_at IS "
                 "NULL AND (contract_id IS NULL OR contract_id = ?)",
                 {inv.centre_id, inv.month, contract.id}));
  if (!existing.empty()) return already_invoiced(inv.month);
  return inv;
}

// Lines go in with multi-row INSERTs: a centre's month may declare hundreds of lines, and one
// round trip per line would dominate the submission.
Status insert_lines(db::Connection& conn, std::int64_t invoice_id,
                    const std::vector<InvoiceLine>& lines) {
  return db::insert_many(
      conn, "INSERT INTO invoice_lines (invoice_id, person_id, from_date, to_date) VALUES ", 4,
      lines.size(), [&](std::size_t i, db::Params& params) {
        params.insert(params.end(), {invoice_id, lines[i].person_id, lines[i].from, lines[i].to});
      });
}

// The invoice of the same month withdrawn last, which a new submission replaces.
Result<std::optional<std::int64_t>> last_withdrawn(db::Connection& conn, const Invoice& inv) {
  std::string sql =
      "SELECT id FROM invoices WHERE centre_id = ? AND month = ? AND withdrawn_at IS NOT NULL "
      "AND id NOT IN (SELECT replaces_id FROM invoices WHERE replaces_id IS NOT NULL) "
      "AND (contract_id IS NULL OR contract_id = ?) ORDER BY withdrawn_at DESC, id DESC LIMIT 1";
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql, {inv.centre_id, inv.month, *inv.contract_id}));
  if (rows.empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows[0].integer(0));
}

}  // namespace

Result<MonthRange> invoiceable_month(db::Connection& conn, std::int64_t centre_id, CivilMonth month,
                                     CivilDay today) {
  auto range = month_range(month, today);
  if (!range.ok()) return range;
  INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, centre_id));
  if (centre.type == "sai")
    return Error::rule(ErrorKind::unprocessable, "sai_not_per_day", "month",
                       centres::TenderErrors::sai_not_per_day());
  INNET_ASSIGN_OR_RETURN(auto covered, centres::contract_during(conn, centre_id, range->from,
                                                                range->to.plus_days(-1)));
  if (!covered)
    return Error::rule(ErrorKind::unprocessable, "no_contract", "month",
                       FieldError::no_contract(month.to_string()));
  return range;
}

std::int64_t line_days(const InvoiceLine& line) {
  // Lines are checked (check_lines) before they are stored or counted.
  const auto from = CivilDay::parse(line.from), to = CivilDay::parse(line.to);
  return from && to ? from->days_until(*to) + 1 : 0;
}

Result<Invoice> submit_invoice(db::Connection& conn, const Invoice& given, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(const Invoice invoice, checked_invoice(conn, given, today));
  INNET_ASSIGN_OR_RETURN(auto replaces, last_withdrawn(conn, invoice));
  auto rows = conn.query(
      "INSERT INTO invoices (centre_id, month, number, amount_cents, presence_days, submitted_by, "
      "submitted_at, note, replaces_id, contract_id, cig, vat_cents) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {invoice.centre_id, invoice.month, invoice.number, invoice.amount_cents,
       invoice.presence_days, invoice.submitted_by, clock::now_iso(),
       db::optional_value(invoice.note), db::optional_value(replaces),
       db::optional_value(invoice.contract_id), db::optional_value(invoice.cig),
       invoice.vat_cents});
  if (!rows.ok()) {
    // Two submissions racing past the check meet the UNIQUE constraint.
    if (rows.error().code == "unique_violation") return already_invoiced(invoice.month);
    return rows.take_error();
  }
  const auto id = (*rows)[0].integer(0);
  INNET_TRY(insert_lines(conn, id, invoice.lines));
  return find_invoice(conn, id);
}

Result<Invoice> find_invoice(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM invoices WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("invoice");
  Invoice inv = from_row(rows[0]);
  INNET_ASSIGN_OR_RETURN(
      auto lines,
      conn.query("SELECT person_id, from_date, to_date FROM invoice_lines WHERE invoice_id = ? "
                 "ORDER BY person_id, from_date",
                 {id}));
  inv.lines.reserve(lines.size());
  for (const auto& r : lines) inv.lines.push_back({r.integer(0), r.text(1), r.text(2)});
  return inv;
}

Result<Invoice> withdraw_invoice(db::Connection& conn, const Withdrawal& w) {
  INNET_ASSIGN_OR_RETURN(
      auto changed,
      conn.execute("UPDATE invoices SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ? "
                   "WHERE id = ? AND withdrawn_at IS NULL",
                   {clock::now_iso(), w.withdrawn_by, w.reason, w.invoice_id}));
  if (changed == 0) {
    INNET_ASSIGN_OR_RETURN(auto existing, find_invoice(conn, w.invoice_id));
    return Error::make(ErrorKind::conflict, "invoice_already_withdrawn",
                       "this invoice was withdrawn on " + existing.withdrawn_at.value_or(""));
  }
  return find_invoice(conn, w.invoice_id);
}

Result<db::Page<Invoice>> centre_invoices(db::Connection& conn, std::int64_t centre_id,
                                          const Paging& paging) {
  db::Where where;
  where.add("centre_id = ?", centre_id);
  return db::page_query<Invoice>(conn, kColumns, "invoices", where,
                                 "month DESC, withdrawn_at IS NOT NULL, id DESC", paging, from_row);
}

Result<std::vector<CreditNote>> invoice_credit_notes(db::Connection& conn,
                                                     std::int64_t invoice_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT id, invoice_id, number, reason, presence_days, amount_cents, "
                            "vat_cents, created_by, created_at FROM credit_notes "
                            "WHERE invoice_id = ? ORDER BY id",
                            {invoice_id}));
  std::vector<CreditNote> out;
  for (const auto& r : rows)
    out.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.integer(4), r.integer(5),
                   r.integer(6), r.integer(7), r.text(8)});
  return out;
}

Result<CreditNote> issue_credit_note(db::Connection& conn, const CreditNote& given) {
  CreditNote note = given;
  INNET_ASSIGN_OR_RETURN(auto invoice, find_invoice(conn, note.invoice_id));
  if (invoice.withdrawn())
    return Error::make(ErrorKind::conflict, "invoice_already_withdrawn",
                       "this invoice was withdrawn on " + invoice.withdrawn_at.value_or(""));
  if (note.presence_days >= 0)
    return Error::field(ErrorKind::unprocessable, "presence_days", FieldError::above_maximum(-1));
  if (note.amount_cents >= 0)
    return Error::field(ErrorKind::unprocessable, "amount_cents", FieldError::above_maximum(-1));
  std::int64_t vat_rate = -1;
  if (invoice.contract_id) {
    INNET_ASSIGN_OR_RETURN(auto contract, centres::find_contract(conn, *invoice.contract_id));
    if (note.amount_cents != note.presence_days * contract.price_cents)
      return Error::rule(
          ErrorKind::unprocessable, "amount_mismatch", "amount_cents",
          centres::TenderErrors::amount_mismatch(note.presence_days * contract.price_cents));
    vat_rate = contract.vat_rate_percent;
  }
  INNET_ASSIGN_OR_RETURN(auto earlier, invoice_credit_notes(conn, invoice.id));
  std::int64_t days_left = invoice.presence_days, cents_left = invoice.amount_cents;
  for (const auto& c : earlier) {
    days_left += c.presence_days;
    cents_left += c.amount_cents;
  }
  if (-note.presence_days > days_left)
    return Error::rule(ErrorKind::unprocessable, "credit_exceeds_invoice", "presence_days",
                       centres::TenderErrors::credit_exceeds_invoice(days_left));
  if (-note.amount_cents > cents_left)
    return Error::rule(ErrorKind::unprocessable, "credit_exceeds_invoice", "amount_cents",
                       centres::TenderErrors::credit_exceeds_invoice(cents_left));
  // The VAT of the invoice's contract; a whole-month invoice (two rates) in proportion.
  note.vat_cents = vat_rate >= 0
                       ? centres::vat_cents(note.amount_cents, vat_rate)
                       : -((-note.amount_cents * invoice.vat_cents + invoice.amount_cents / 2) /
                           std::max<std::int64_t>(invoice.amount_cents, 1));
  note.created_at = clock::now_iso();
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("INSERT INTO credit_notes (invoice_id, number, reason, presence_days, "
                            "amount_cents, vat_cents, created_by, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                            {note.invoice_id, note.number, note.reason, note.presence_days,
                             note.amount_cents, note.vat_cents, note.created_by, note.created_at}));
  note.id = rows[0].integer(0);
  return note;
}

const std::vector<std::string>& sai_report_statuses() {
  static const std::vector<std::string> all = {"not_due", "pending", "submitted", "approved"};
  return all;
}

Result<SaiBudget> set_sai_budget(db::Connection& conn, const SaiBudget& given) {
  SaiBudget b = given;
  INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, b.centre_id));
  if (centre.type != "sai")
    return Error::rule(ErrorKind::unprocessable, "not_sai", "id", FieldError::not_in_list({"sai"}));
  const auto& statuses = sai_report_statuses();
  if (std::find(statuses.begin(), statuses.end(), b.report_status) == statuses.end())
    return Error::field(ErrorKind::invalid_input, "report_status",
                        FieldError::not_in_list(statuses));
  b.updated_at = clock::now_iso();
  INNET_TRY(conn.execute("DELETE FROM sai_budgets WHERE centre_id = ? AND year = ?",
                         {b.centre_id, b.year}));
  INNET_TRY(
      conn.execute("INSERT INTO sai_budgets (centre_id, year, amount_cents, report_status, "
                   "updated_at) VALUES (?, ?, ?, ?, ?)",
                   {b.centre_id, b.year, b.amount_cents, b.report_status, b.updated_at}));
  return b;
}

Result<std::vector<SaiBudget>> sai_budgets(db::Connection& conn, std::int64_t centre_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT centre_id, year, amount_cents, report_status, updated_at "
                            "FROM sai_budgets WHERE centre_id = ? ORDER BY year DESC",
                            {centre_id}));
  std::vector<SaiBudget> out;
  for (const auto& r : rows)
    out.push_back({r.integer(0), r.integer(1), r.integer(2), r.text(3), r.text(4)});
  return out;
}

const api::ObjectType<SaiBudget>& sai_budget_type() {
  static const auto type =
      api::ObjectType<SaiBudget>("SaiBudget", "a SAI project's annual budget and final report")
          .field("centre_id", &SaiBudget::centre_id)
          .field("year", &SaiBudget::year)
          .field("amount_cents", &SaiBudget::amount_cents)
          .field("report_status", &SaiBudget::report_status,
                 {.description = "the final report", .allowed = sai_report_statuses()})
          .field("updated_at", &SaiBudget::updated_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<CreditNote>& credit_note_type() {
  static const auto type =
      api::ObjectType<CreditNote>("CreditNote", "a correction of a submitted invoice")
          .field("id", &CreditNote::id)
          .field("invoice_id", &CreditNote::invoice_id)
          .field("number", &CreditNote::number, {.description = "the operator's number"})
          .field("reason", &CreditNote::reason)
          .field("presence_days", &CreditNote::presence_days, {.description = "negative"})
          .field("amount_cents", &CreditNote::amount_cents, {.description = "negative, net of VAT"})
          .field("vat_cents", &CreditNote::vat_cents, {.description = "negative or zero"})
          .field("gross_cents", [](const CreditNote& c) { return c.amount_cents + c.vat_cents; })
          .field("created_by", &CreditNote::created_by)
          .field("created_at", &CreditNote::created_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<Invoice>& invoice_summary_type() {
  static const auto type =
      api::ObjectType<Invoice>("InvoiceSummary")
          .field("id", &Invoice::id)
          .field("centre_id", &Invoice::centre_id)
          .field("month", &Invoice::month, {.description = "YYYY-MM"})
          .field("number", &Invoice::number, {.description = "the operator's invoice number"})
          .field("contract_id", &Invoice::contract_id,
                 {.description = "the contract invoiced; null for an invoice of a whole month "
                                 "spanning two contracts (older clients)"})
          .field("cig", &Invoice::cig, {.description = "CIG of the contract's tender lot"})
          .field("amount_cents", &Invoice::amount_cents, {.description = "net of VAT"})
          .field("vat_cents", &Invoice::vat_cents)
          .field("gross_cents", [](const Invoice& i) { return i.amount_cents + i.vat_cents; },
                 {.description = "amount plus VAT"})
          .field("presence_days", &Invoice::presence_days)
          .field("submitted_by", &Invoice::submitted_by)
          .field("submitted_at", &Invoice::submitted_at, {.format = "date-time"})
          .field("note", &Invoice::note)
          .field("status",
                 [](const Invoice& i) {
                   return std::string(i.withdrawn() ? "withdrawn" : "submitted");
                 },
                 {.description = "a withdrawn invoice stays readable; another may be submitted "
                                 "for its month",
                  .allowed = {"submitted", "withdrawn"}})
          .field("withdrawn_at", &Invoice::withdrawn_at, {.format = "date-time"})
          .field("withdrawn_by", &Invoice::withdrawn_by)
          .field("withdrawal_reason", &Invoice::withdrawal_reason)
          .field("replaces_id", &Invoice::replaces_id,
                 {.description = "the withdrawn invoice of the same month that this one replaces"})
          .field("replaced_by_id", &Invoice::replaced_by_id);
  return type;
}

const api::ObjectType<Invoice>& invoice_type() {
  static const auto line_type =
      api::ObjectType<InvoiceLine>("InvoiceLine", "declared presence, from and to inclusive")
          .field("person_id", &InvoiceLine::person_id)
          .field("from", &InvoiceLine::from, {.format = "date"})
          .field("to", &InvoiceLine::to, {.format = "date"});
  static const auto type = api::ObjectType<Invoice>("Invoice")
                               .include(invoice_summary_type(), std::identity{})
                               .field("lines", &Invoice::lines, line_type);
  return type;
}

nlohmann::json to_json(const Invoice& inv, bool with_lines) {
  return (with_lines ? invoice_type() : invoice_summary_type()).to_json(inv);
}

namespace {

// One current invoice per centre and month instead of one invoice: the table-level UNIQUE becomes
// a partial unique index. PostgreSQL drops the constraint in place; SQLite cannot drop a table's
// constraint, so both invoice tables are rebuilt (lines first, so that no foreign key ever points
// at a missing invoice; renaming invoices_new renames the lines' reference with it).
std::string withdrawal_migration(db::Engine engine) {
  const std::string index = R"sql(
CREATE UNIQUE INDEX invoices_current ON invoices (centre_id, month) WHERE withdrawn_at IS NULL;
CREATE UNIQUE INDEX invoices_replaces ON invoices (replaces_id);
)sql";
  if (engine == db::Engine::postgresql)
    return R"sql(
ALTER TABLE invoices DROP CONSTRAINT invoices_centre_id_month_key;
ALTER TABLE invoices ADD COLUMN withdrawn_at TEXT;
ALTER TABLE invoices ADD COLUMN withdrawn_by BIGINT REFERENCES users (id);
ALTER TABLE invoices ADD COLUMN withdrawal_reason TEXT;
ALTER TABLE invoices ADD COLUMN replaces_id BIGINT REFERENCES invoices (id);
)sql" + index;
  return R"sql(
CREATE TABLE invoices_new (
  id {{pk}},
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  month TEXT NOT NULL,
  number TEXT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  presence_days BIGINT NOT NULL CHECK (presence_days >= 0),
  submitted_by BIGINT NOT NULL REFERENCES users (id),
  submitted_at TEXT NOT NULL,
  note TEXT,
  withdrawn_at TEXT,
  withdrawn_by BIGINT REFERENCES users (id),
  withdrawal_reason TEXT,
  replaces_id BIGINT REFERENCES invoices_new (id)
);
INSERT INTO invoices_new (id, centre_id, month, number, amount_cents, presence_days, submitted_by,
  submitted_at, note)
  SELECT id, centre_id, month, number, amount_cents, presence_days, submitted_by, submitted_at, note
  FROM invoices;
CREATE TABLE invoice_lines_new (
  invoice_id BIGINT NOT NULL REFERENCES invoices_new (id),
  person_id BIGINT NOT NULL REFERENCES persons (id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  CHECK (to_date >= from_date)
);
INSERT INTO invoice_lines_new SELECT invoice_id, person_id, from_date, to_date FROM invoice_lines;
DROP TABLE invoice_lines;
DROP TABLE invoices;
ALTER TABLE invoices_new RENAME TO invoices;
ALTER TABLE invoice_lines_new RENAME TO invoice_lines;
CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, person_id);
)sql" + index;
}

}  // namespace

std::vector<db::Migration> invoice_migrations(db::Engine engine) {
  return {{8, "reception: invoices", R"sql(
CREATE TABLE invoices (
  id {{pk}},
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  month TEXT NOT NULL,
  number TEXT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  presence_days BIGINT NOT NULL CHECK (presence_days >= 0),
  submitted_by BIGINT NOT NULL REFERENCES users (id),
  submitted_at TEXT NOT NULL,
  note TEXT,
  UNIQUE (centre_id, month)
);
CREATE TABLE invoice_lines (
  invoice_id BIGINT NOT NULL REFERENCES invoices (id),
  person_id BIGINT NOT NULL REFERENCES persons (id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  CHECK (to_date >= from_date)
);
CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, person_id);
)sql"},
          {16, "reception: invoices can be withdrawn and replaced", withdrawal_migration(engine)},
          // An invoice covers one contract and one month: a month spanning two contracts has one
          // current invoice per contract. Earlier invoices keep no contract (a whole month).
          {23, "reception: invoices per contract, with CIG and VAT", R"sql(
ALTER TABLE invoices ADD COLUMN contract_id BIGINT REFERENCES contracts (id);
ALTER TABLE invoices ADD COLUMN cig TEXT;
ALTER TABLE invoices ADD COLUMN vat_cents BIGINT NOT NULL DEFAULT 0;
DROP INDEX invoices_current;
CREATE UNIQUE INDEX invoices_current ON invoices (centre_id, month, COALESCE(contract_id, 0))
  WHERE withdrawn_at IS NULL;
)sql"},
          {24, "reception: credit notes", R"sql(
CREATE TABLE credit_notes (
  id {{pk}},
  invoice_id BIGINT NOT NULL REFERENCES invoices (id),
  number TEXT NOT NULL,
  reason TEXT NOT NULL,
  presence_days BIGINT NOT NULL CHECK (presence_days < 0),
  amount_cents BIGINT NOT NULL CHECK (amount_cents < 0),
  vat_cents BIGINT NOT NULL CHECK (vat_cents <= 0),
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX credit_notes_invoice ON credit_notes (invoice_id);
)sql"},
          {25, "reception: SAI project budgets", R"sql(
CREATE TABLE sai_budgets (
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  year INTEGER NOT NULL CHECK (year >= 2000 AND year <= 2100),
  amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
  report_status TEXT NOT NULL CHECK (report_status IN ('not_due', 'pending', 'submitted',
    'approved')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (centre_id, year)
);
)sql"}};
}

}  // namespace innet::reception
