#include "reception/invoices.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.h"
#include "people/persons.h"
#include "reception/costs.h"

namespace innet::reception {
namespace {

constexpr const char* kColumns =
    "id, centre_id, month, number, amount_cents, presence_days, submitted_by, submitted_at, note";

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
  const std::string last = clock::add_days(range.to, -1);
  for (std::size_t i = 0; i < inv.lines.size(); ++i) {
    const auto& l = inv.lines[i];
    const bool from_ok = is_valid_date(l.from), to_ok = is_valid_date(l.to);
    if (!from_ok) bad_dates.fields[line_field(i, "from")] = "expected YYYY-MM-DD";
    if (!to_ok) bad_dates.fields[line_field(i, "to")] = "expected YYYY-MM-DD";
    if (!from_ok || !to_ok) continue;
    const std::string within = "must be within " + range.from + ".." + last;
    if (l.from > l.to) bad_lines.fields[line_field(i, "to")] = "is before from";
    if (l.from < range.from || l.from > last) bad_lines.fields[line_field(i, "from")] = within;
    if (l.to < range.from || l.to > last) bad_lines.fields[line_field(i, "to")] = within;
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
            "overlaps lines[" + std::to_string(indexes[k - 1]) + "] of the same person";
    }
  }
  if (!bad_lines.fields.empty()) return bad_lines;
  return Status::success();
}

Status check_persons(db::Connection& conn, const Invoice& inv) {
  std::set<std::int64_t> ids;
  for (const auto& l : inv.lines) ids.insert(l.person_id);
  if (ids.empty()) return Status::success();
  auto found = people::find_persons(conn, {ids.begin(), ids.end()});
  if (!found.ok()) return found.take_error();
  if (found->size() == ids.size()) return Status::success();
  std::set<std::int64_t> known;
  for (const auto& p : *found) known.insert(p.id);
  Error e = refused(ErrorKind::unprocessable, "no_such_person", "a line names no known person");
  for (std::size_t i = 0; i < inv.lines.size(); ++i)
    if (!known.count(inv.lines[i].person_id))
      e.fields[line_field(i, "person_id")] = "no person " + std::to_string(inv.lines[i].person_id);
  return e;
}

Error already_invoiced(const std::string& month) {
  Error e =
      Error::field(ErrorKind::conflict, "month", "this centre already has an invoice for " + month);
  e.code = "invoice_exists";
  return e;
}

Status check_invoice(db::Connection& conn, const Invoice& inv, const std::string& today) {
  auto range = month_range(inv.month, today);
  if (!range.ok()) return range.take_error();
  if (inv.amount_cents <= 0)
    return Error::field(ErrorKind::unprocessable, "amount_cents", "must be greater than 0");
  if (inv.presence_days < 0)
    return Error::field(ErrorKind::unprocessable, "presence_days", "must not be negative");
  INNET_TRY(check_lines(inv, *range));
  INNET_TRY(check_persons(conn, inv));
  std::int64_t declared = 0;
  for (const auto& l : inv.lines) declared += line_days(l);
  if (declared != inv.presence_days) {
    Error e = Error::field(ErrorKind::unprocessable, "presence_days",
                           "the lines add up to " + std::to_string(declared) + " presence-days");
    e.code = "presence_days_mismatch";
    return e;
  }
  auto existing = conn.query("SELECT id FROM invoices WHERE centre_id = ? AND month = ?",
                             {inv.centre_id, inv.month});
  if (!existing.ok()) return existing.take_error();
  if (!existing->empty()) return already_invoiced(inv.month);
  return Status::success();
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

}  // namespace

std::int64_t line_days(const InvoiceLine& line) {
  return clock::days_between(line.from, line.to) + 1;
}

Result<Invoice> submit_invoice(db::Connection& conn, const Invoice& invoice,
                               const std::string& today) {
  INNET_TRY(check_invoice(conn, invoice, today));
  auto rows = conn.query(
      "INSERT INTO invoices (centre_id, month, number, amount_cents, presence_days, submitted_by, "
      "submitted_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {invoice.centre_id, invoice.month, invoice.number, invoice.amount_cents,
       invoice.presence_days, invoice.submitted_by, clock::now_iso(),
       db::optional_value(invoice.note)});
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
  auto rows = conn.query(std::string("SELECT ") + kColumns + " FROM invoices WHERE id = ?", {id});
  if (!rows.ok()) return rows.take_error();
  if (rows->empty()) return Error::not_found("invoice");
  Invoice inv = from_row((*rows)[0]);
  auto lines = conn.query(
      "SELECT person_id, from_date, to_date FROM invoice_lines WHERE invoice_id = ? "
      "ORDER BY person_id, from_date",
      {id});
  if (!lines.ok()) return lines.take_error();
  inv.lines.reserve(lines->size());
  for (const auto& r : *lines) inv.lines.push_back({r.integer(0), r.text(1), r.text(2)});
  return inv;
}

Result<db::Page<Invoice>> centre_invoices(db::Connection& conn, std::int64_t centre_id,
                                          const Paging& paging) {
  db::Where where;
  where.add("centre_id = ?", centre_id);
  return db::page_query<Invoice>(conn, kColumns, "invoices", where, "month DESC, id DESC", paging,
                                 from_row);
}

nlohmann::json to_json(const Invoice& inv, bool with_lines) {
  nlohmann::json j = {{"id", inv.id},
                      {"centre_id", inv.centre_id},
                      {"month", inv.month},
                      {"number", inv.number},
                      {"amount_cents", inv.amount_cents},
                      {"presence_days", inv.presence_days},
                      {"submitted_by", inv.submitted_by},
                      {"submitted_at", inv.submitted_at}};
  j["note"] = inv.note ? nlohmann::json(*inv.note) : nlohmann::json();
  if (with_lines) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : inv.lines)
      lines.push_back({{"person_id", l.person_id}, {"from", l.from}, {"to", l.to}});
    j["lines"] = std::move(lines);
  }
  return j;
}

std::vector<db::Migration> invoice_migrations(db::Engine) {
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
)sql"}};
}

}  // namespace innet::reception
