// The tables behind the cost and reconciliation files (rendered by reporting/).
#include "reception/costs/export.h"

namespace innet::reception {
namespace {

using reporting::Cell;
using reporting::Column;
using reporting::Table;

Cell opt_id(const std::optional<std::int64_t>& v) {
  return v ? Cell::of(*v) : Cell{};
}

std::vector<Cell> item(const char* label, Cell value) {
  return {Cell::of(std::string(label)), std::move(value)};
}

const std::vector<Column> kSummaryColumns = {{"item", "Item"}, {"value", "Value"}};

// Money beside the daily price (decision 0019): one row per item, due against handed over.
Table money_table(const std::vector<MoneyLine>& lines) {
  Table t{"Money",
          {{"item", "Item"},
           {"due_count", "Due (pieces)"},
           {"handed_over_count", "Handed over (pieces)"},
           {"due_cents", "Due (EUR)"},
           {"handed_over_cents", "Handed over (EUR)"},
           {"difference_cents", "Difference (EUR)"}},
          {}};
  for (const auto& l : lines)
    t.rows.push_back({Cell::of(l.item), opt_id(l.due_count), opt_id(l.handed_over_count),
                      Cell::cents(l.due_cents), Cell::cents(l.handed_over_cents),
                      Cell::cents(l.handed_over_cents - l.due_cents)});
  return t;
}

}  // namespace

std::vector<Table> cost_tables(const MonthlyCosts& c) {
  Table summary{"Summary", kSummaryColumns, {}};
  summary.rows = {
      item("Centre", Cell::of(c.centre_id)),
      item("Month", Cell::of(c.range.month.to_string())),
      item("From", Cell::of(c.range.from.to_string())),
      item("To", Cell::of(c.range.to.plus_days(-1).to_string())),
      item("Complete month", Cell::of(std::string(c.range.complete ? "yes" : "no (up to today)"))),
      item("Presence-days", Cell::of(c.totals.presence_days)),
      item("Amount due (EUR)", Cell::cents(c.totals.amount_due_cents)),
      item("Imponibile (EUR)", Cell::cents(c.totals.amount_due_cents)),
      item("IVA (EUR)", Cell::cents(c.totals.vat_cents)),
      item("Totale IVA inclusa (EUR)", Cell::cents(c.totals.amount_due_cents + c.totals.vat_cents)),
      item("Pocket money due (EUR)", Cell::cents(c.totals.pocket_money_due_cents)),
      item("Days without contract", Cell::of(c.totals.days_without_contract)),
      item("Presence-days without contract", Cell::of(c.totals.presence_days_without_contract)),
  };

  Table days{"Days",
             {{"day", "Day"},
              {"present", "Present"},
              {"absent", "Absent"},
              {"contract_id", "Contract"},
              {"no_contract", "No contract"},
              {"price_cents", "Price per day (EUR)"},
              {"amount_cents", "Amount (EUR)"},
              {"pocket_money_cents", "Pocket money (EUR)"},
              {"cig", "CIG"},
              {"vat_rate_percent", "Aliquota IVA (%)"}},
             {}};
  for (const auto& d : c.days)
    days.rows.push_back(
        {Cell::of(d.day), Cell::of(d.present), Cell::of(d.absent), opt_id(d.contract_id),
         Cell::of(std::string(d.contract_id ? "false" : "true")), Cell::cents(d.price_cents),
         Cell::cents(d.amount_cents), Cell::cents(d.pocket_money_cents),
         d.cig ? Cell::of(*d.cig) : Cell{}, Cell::of(d.vat_rate_percent)});

  Table persons{"Persons",
                {{"person_id", "Person"},
                 {"family_name", "Family name"},
                 {"given_names", "Given names"},
                 {"family_group_id", "Family group"},
                 {"presence_days", "Presence-days"},
                 {"absent_days", "Absent days"},
                 {"amount_cents", "Amount (EUR)"},
                 {"pocket_money_cents", "Pocket money (EUR)"}},
                {}};
  for (const auto& p : c.persons)
    persons.rows.push_back({Cell::of(p.person_id), Cell::of(p.family_name), Cell::of(p.given_names),
                            opt_id(p.family_group_id), Cell::of(p.presence_days),
                            Cell::of(p.absent_days), Cell::cents(p.amount_cents),
                            Cell::cents(p.pocket_money_cents)});
  return {std::move(summary), std::move(days), std::move(persons), money_table(c.money)};
}

std::vector<Table> reconciliation_tables(const Reconciliation& r) {
  Table summary{"Summary", kSummaryColumns, {}};
  summary.rows = {
      item("Invoice", Cell::of(r.invoice.id)),
      item("Invoice number", Cell::of(r.invoice.number)),
      item("Centre", Cell::of(r.invoice.centre_id)),
      item("Month", Cell::of(r.range.month.to_string())),
      item("CIG", r.invoice.cig ? Cell::of(*r.invoice.cig) : Cell{}),
      item("Contract", opt_id(r.invoice.contract_id)),
      item("Imponibile dichiarato (EUR)", Cell::cents(r.invoice.amount_cents)),
      item("IVA dichiarata (EUR)", Cell::cents(r.invoice.vat_cents)),
      item("Totale dichiarato IVA inclusa (EUR)",
           Cell::cents(r.invoice.amount_cents + r.invoice.vat_cents)),
      item("IVA calcolata (EUR)", Cell::cents(r.computed_vat_cents)),
      item("Importo non coerente con i giorni dichiarati",
           Cell::of(std::string(r.amount_not_matching_days ? "si" : "no"))),
      item("Declared presence-days", Cell::of(r.invoice.presence_days)),
      item("Computed presence-days", Cell::of(r.computed_presence_days)),
      item("Presence-days difference", Cell::of(r.presence_days_difference)),
      item("Declared amount (EUR)", Cell::cents(r.invoice.amount_cents)),
      item("Computed amount due (EUR)", Cell::cents(r.computed_amount_cents)),
      item("Amount difference (EUR)", Cell::cents(r.amount_difference_cents)),
      item("Declared days at contract price (EUR)", Cell::cents(r.declared_days_value_cents)),
      item("Pocket money due (EUR)", Cell::cents(r.pocket_money_due_cents)),
      item("Declared, not present", Cell::of(r.declared_not_present)),
      item("Present, not declared", Cell::of(r.present_not_declared)),
      item("Days not confirmed in the register",
           Cell::of(static_cast<std::int64_t>(r.unconfirmed_days.size()))),
  };

  Table differences{"Differences",
                    {{"day", "Day"},
                     {"person_id", "Person"},
                     {"family_name", "Family name"},
                     {"given_names", "Given names"},
                     {"kind", "Difference"},
                     {"reason", "Reason"},
                     {"absence_reason", "Absence reason"},
                     {"price_cents", "Price per day (EUR)"}},
                    {}};
  for (const auto& d : r.differences)
    differences.rows.push_back({Cell::of(d.day), Cell::of(d.person_id), Cell::of(d.family_name),
                                Cell::of(d.given_names), Cell::of(d.kind), Cell::of(d.reason),
                                d.absence_reason ? Cell::of(*d.absence_reason) : Cell{},
                                Cell::cents(d.price_cents)});

  Table unconfirmed{
      "Unconfirmed days",
      {{"day", "Day"}, {"status", "Register status"}, {"present", "Present"}, {"absent", "Absent"}},
      {}};
  for (const auto& d : r.unconfirmed_days)
    unconfirmed.rows.push_back(
        {Cell::of(d.day), Cell::of(to_string(d.status)), Cell::of(d.present), Cell::of(d.absent)});
  return {std::move(summary), std::move(differences), std::move(unconfirmed), money_table(r.money)};
}

}  // namespace innet::reception
