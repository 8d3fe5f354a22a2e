#include "reception/costs/reconciliation.h"

#include <algorithm>
#include <map>
#include <set>

#include "centres/rules.h"
#include "reception/handovers/money.h"

namespace innet::reception {
namespace {

// Persons declared on each day of the range, indexed by the day's offset from range.from.
std::vector<std::set<std::int64_t>> declared_by_day(const Invoice& invoice,
                                                    const MonthRange& range) {
  const auto n = range.from.days_until(range.to);
  std::vector<std::set<std::int64_t>> out(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
  for (const auto& line : invoice.lines) {
    // Stored lines were checked on submission; one that is not a date declares nothing.
    const auto from = CivilDay::parse(line.from), to = CivilDay::parse(line.to);
    if (!from || !to) continue;
    const auto first = std::max<std::int64_t>(range.from.days_until(*from), 0);
    const auto last = std::min<std::int64_t>(range.from.days_until(*to), n - 1);
    for (auto i = first; i <= last; ++i) out[static_cast<std::size_t>(i)].insert(line.person_id);
  }
  return out;
}

void name(PresenceDifference& d, const CostData& data) {
  if (auto p = data.persons.find(d.person_id); p != data.persons.end()) {
    d.family_name = p->second.family_name;
    d.given_names = p->second.given_names;
  }
}

}  // namespace

Reconciliation reconcile(const Invoice& invoice, const CostData& data, const MonthlyCosts& costs,
                         const std::vector<DaySummary>& register_days) {
  Reconciliation r;
  r.invoice = invoice;
  r.range = data.range;
  // The days this invoice answers for: all of the month, or those of its contract.
  std::set<std::string> days_of_invoice;
  for (const auto& d : costs.days) {
    if (invoice.contract_id && d.contract_id != invoice.contract_id) continue;
    days_of_invoice.insert(d.day);
  }
  if (invoice.contract_id) {
    for (const auto& d : costs.days) {
      if (!days_of_invoice.contains(d.day)) continue;
      r.computed_presence_days += d.present;
      r.computed_amount_cents += d.amount_cents;
      r.pocket_money_due_cents += d.pocket_money_cents;
    }
    for (const auto& c : data.contracts)
      if (c.id == *invoice.contract_id)
        r.computed_vat_cents = centres::vat_cents(r.computed_amount_cents, c.vat_rate_percent);
  } else {
    r.computed_presence_days = costs.totals.presence_days;
    r.computed_amount_cents = costs.totals.amount_due_cents;
    r.pocket_money_due_cents = costs.totals.pocket_money_due_cents;
    r.computed_vat_cents = costs.totals.vat_cents;
  }
  r.presence_days_difference = invoice.presence_days - r.computed_presence_days;
  r.amount_difference_cents = invoice.amount_cents - r.computed_amount_cents;

  const auto declared = declared_by_day(invoice, data.range);
  for (std::size_t offset = 0; offset < data.days.size() && offset < declared.size(); ++offset) {
    const auto& day = data.days[offset];  // one per day of the range, in order
    const auto& declared_today = declared[offset];
    if (!days_of_invoice.contains(day.day)) continue;
    const centres::Contract* contract = contract_covering(data.contracts, day.day);
    const std::int64_t price = contract ? contract->price_cents : 0;
    r.declared_days_value_cents += price * static_cast<std::int64_t>(declared_today.size());

    std::set<std::int64_t> present;
    for (const auto& p : day.present) present.insert(p.person_id);
    std::map<std::int64_t, const Absence*> absent;
    for (const auto& a : day.absent) absent.emplace(a.person_id, &a);

    // What one side has and the other lacks, in person id order.
    std::vector<PresenceDifference> found;
    for (auto id : declared_today) {
      if (present.count(id)) continue;
      PresenceDifference d{day.day, id, "", "", kDeclaredNotPresent, "not_placed", {}, price};
      if (auto a = absent.find(id); a != absent.end()) {
        d.reason = "absent";
        d.absence_reason = a->second->reason;
      }
      found.push_back(std::move(d));
    }
    for (auto id : present) {
      if (declared_today.count(id)) continue;
      found.push_back({day.day, id, "", "", kPresentNotDeclared, "not_declared", {}, price});
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.person_id < b.person_id; });
    for (auto& d : found) {
      name(d, data);
      ++(d.kind == kDeclaredNotPresent ? r.declared_not_present : r.present_not_declared);
      r.differences.push_back(std::move(d));
    }
  }
  r.amount_not_matching_days = invoice.amount_cents != r.declared_days_value_cents;
  // One contract per invoice: the contracts of the month for an invoice naming none, those of
  // its declared days for one naming its own.
  std::set<std::int64_t> month_contracts;
  for (const auto& d : costs.days)
    if (d.contract_id) month_contracts.insert(*d.contract_id);
  if (!invoice.contract_id) {
    r.spans_contracts = month_contracts.size() > 1;
  } else {
    for (std::size_t offset = 0; offset < data.days.size() && offset < declared.size(); ++offset) {
      if (declared[offset].empty()) continue;
      const auto* c = contract_covering(data.contracts, data.days[offset].day);
      if (c && c->id != *invoice.contract_id) r.spans_contracts = true;
    }
  }
  for (const auto& d : register_days)
    if (d.status != DayStatus::confirmed && days_of_invoice.contains(d.day))
      r.unconfirmed_days.push_back(d);
  return r;
}

Result<Reconciliation> reconcile_invoice(db::Connection& conn, const Invoice& invoice,
                                         CivilDay today) {
  INNET_ASSIGN_OR_RETURN(const CivilMonth month, parse_month(invoice.month));
  INNET_ASSIGN_OR_RETURN(auto range, month_range(month, today));
  std::vector<std::int64_t> declared;
  declared.reserve(invoice.lines.size());
  for (const auto& l : invoice.lines) declared.push_back(l.person_id);
  INNET_ASSIGN_OR_RETURN(auto data, load_cost_data(conn, invoice.centre_id, range, declared));
  // Three more reads (the register's own): the status of each day is not part of presence.
  INNET_ASSIGN_OR_RETURN(auto register_days,
                         register_summary(conn, invoice.centre_id, range.from, range.to));
  auto costs = compute_costs(invoice.centre_id, data);
  auto r = reconcile(invoice, data, costs, register_days);
  INNET_ASSIGN_OR_RETURN(r.money, money_lines(conn, costs));
  INNET_ASSIGN_OR_RETURN(auto credits, invoice_credit_notes(conn, invoice.id));
  for (const auto& c : credits) {
    r.credited_presence_days += c.presence_days;
    r.credited_amount_cents += c.amount_cents;
    r.credited_vat_cents += c.vat_cents;
  }
  r.presence_days_difference += r.credited_presence_days;
  r.amount_difference_cents += r.credited_amount_cents;
  return r;
}

const api::ObjectType<Reconciliation>& reconciliation_type() {
  using R = const Reconciliation&;
  static const auto computed =
      api::ObjectType<Reconciliation>("ReconciliationComputed",
                                      "what the register gives for the invoice's days")
          .field("presence_days", &Reconciliation::computed_presence_days)
          .field("amount_cents", &Reconciliation::computed_amount_cents,
                 {.description = "net of VAT"})
          .field("vat_cents", &Reconciliation::computed_vat_cents)
          .field("gross_cents", [](R r) { return r.computed_amount_cents + r.computed_vat_cents; })
          .field("pocket_money_cents", &Reconciliation::pocket_money_due_cents,
                 {.description = "pocket money due: reported, not part of the amount"});
  static const auto declared =
      api::ObjectType<Reconciliation>("ReconciliationDeclared", "what the invoice declares")
          .field("presence_days", [](R r) { return r.invoice.presence_days; })
          .field("amount_cents", [](R r) { return r.invoice.amount_cents; },
                 {.description = "net of VAT"})
          .field("vat_cents", [](R r) { return r.invoice.vat_cents; })
          .field("gross_cents", [](R r) { return r.invoice.amount_cents + r.invoice.vat_cents; })
          .field("days_value_cents", &Reconciliation::declared_days_value_cents,
                 {.description = "the declared days at the contract price of each day"});
  static const auto difference =
      api::ObjectType<Reconciliation>("ReconciliationDifference",
                                      "declared minus computed, credit notes netted")
          .field("presence_days", &Reconciliation::presence_days_difference)
          .field("amount_cents", &Reconciliation::amount_difference_cents);
  static const auto credited =
      api::ObjectType<Reconciliation>("ReconciliationCredited",
                                      "the invoice's credit notes, summed (negative)")
          .field("presence_days", &Reconciliation::credited_presence_days)
          .field("amount_cents", &Reconciliation::credited_amount_cents)
          .field("vat_cents", &Reconciliation::credited_vat_cents);
  static const auto presence_difference =
      api::ObjectType<PresenceDifference>("PresenceDifference",
                                          "a day on which invoice and register disagree")
          .field("day", &PresenceDifference::day, {.format = "date"})
          .field("person_id", &PresenceDifference::person_id)
          .field("family_name", &PresenceDifference::family_name)
          .field("given_names", &PresenceDifference::given_names)
          .field("kind", &PresenceDifference::kind,
                 {.allowed = {kDeclaredNotPresent, kPresentNotDeclared}})
          .field("reason", &PresenceDifference::reason,
                 {.allowed = {"not_placed", "absent", "not_declared"}})
          .field("absence_reason", &PresenceDifference::absence_reason,
                 {.description = "with reason absent: the register's reason"})
          .field("price_cents", &PresenceDifference::price_cents,
                 {.description = "the contract price that day (0 without contract)"});
  static const auto unconfirmed =
      api::ObjectType<DaySummary>("UnconfirmedDay",
                                  "a day not confirmed in the register, or changed since")
          .field("day", &DaySummary::day, {.format = "date"})
          .field("status", [](const DaySummary& d) { return std::string(to_string(d.status)); },
                 {.allowed = {"unconfirmed", "changed_since_confirmation"}})
          .field("present", &DaySummary::present)
          .field("absent", &DaySummary::absent);
  static const auto type =
      api::ObjectType<Reconciliation>("Reconciliation")
          .field("invoice", &Reconciliation::invoice, invoice_summary_type())
          .include(month_range_fields(), &Reconciliation::range)
          .field("computed", std::identity{}, computed)
          .field("declared", std::identity{}, declared)
          .field("credited", std::identity{}, credited)
          .field("difference", std::identity{}, difference)
          .field("amount_not_matching_days", &Reconciliation::amount_not_matching_days,
                 {.description = "the declared amount is not the declared days at the contract "
                                 "price"})
          .field("spans_contracts", &Reconciliation::spans_contracts,
                 {.description = "the invoice is not of one contract (stored before invoices were "
                                 "per contract): it names none for a month of several contracts, "
                                 "or declares days of another contract"})
          .field("expected_amount_cents", &Reconciliation::declared_days_value_cents,
                 {.description = "the declared days at the contract price, net of VAT"})
          .field("declared_not_present", &Reconciliation::declared_not_present)
          .field("present_not_declared", &Reconciliation::present_not_declared)
          .field("differences", &Reconciliation::differences, presence_difference)
          .field("unconfirmed_days", &Reconciliation::unconfirmed_days, unconfirmed)
          .field("money", &Reconciliation::money, money_line_type(),
                 {.description = "the centre's month of money beside the daily price"});
  return type;
}

nlohmann::json to_json(const Reconciliation& r) {
  return reconciliation_type().to_json(r);
}

InvoiceDraft draft_invoice(const CostData& data, const MonthlyCosts& costs,
                           std::int64_t contract_id) {
  InvoiceDraft d;
  d.centre_id = costs.centre_id;
  d.range = data.range;
  d.contract_id = contract_id;
  for (const auto& day : costs.days) {
    if (day.contract_id != contract_id) continue;
    d.presence_days += day.present;
    d.amount_cents += day.amount_cents;
  }
  std::map<std::int64_t, std::vector<InvoiceLine>> runs;
  // data.days holds every day of the range in order (costs.days alike): a run goes on while its
  // last day is the day before; it stops where the contract does, as the invoice does.
  for (std::size_t i = 0; i < data.days.size() && i < costs.days.size(); ++i) {
    if (costs.days[i].contract_id != contract_id) continue;
    const auto& day = data.days[i];
    for (const auto& p : day.present) {
      auto& mine = runs[p.person_id];
      if (!mine.empty() && i > 0 && mine.back().to == data.days[i - 1].day)
        mine.back().to = day.day;
      else
        mine.push_back({p.person_id, day.day, day.day});
    }
  }
  for (const auto& person : costs.persons)
    for (auto& line : runs[person.person_id])
      d.lines.push_back({std::move(line), person.family_name, person.given_names});
  for (const auto& c : contracts_in_month(data.contracts, data.range))
    d.contracts.push_back(
        {c.id, c.cig, std::max(c.start_date, data.range.from.to_string()),
         std::min(centres::last_day_in_force(c), data.range.to.plus_days(-1).to_string()),
         c.price_cents, c.vat_rate_percent});
  return d;
}

Result<InvoiceDraft> draft_invoice(db::Connection& conn, std::int64_t centre_id, CivilMonth month,
                                   CivilDay today, std::optional<std::int64_t> contract_id) {
  INNET_ASSIGN_OR_RETURN(auto range, invoiceable_month(conn, centre_id, month, today));
  INNET_ASSIGN_OR_RETURN(auto data, load_cost_data(conn, centre_id, range));
  const auto in_month = contracts_in_month(data.contracts, range);
  // invoiceable_month() made sure the month has a contract.
  std::int64_t drafted = in_month.front().id;
  if (contract_id) {
    const auto it = std::find_if(data.contracts.begin(), data.contracts.end(),
                                 [&](const auto& c) { return c.id == *contract_id; });
    if (it == data.contracts.end())
      return Error::field(ErrorKind::unprocessable, "contract_id",
                          FieldError::not_found("contract"));
    if (!contract_reaches(*it, range))
      return Error::rule(
          ErrorKind::unprocessable, "outside_contract", "contract_id",
          centres::TenderErrors::outside_contract(it->start_date, centres::last_day_in_force(*it)));
    drafted = it->id;
  }
  auto costs = compute_costs(centre_id, data);
  auto draft = draft_invoice(data, costs, drafted);
  INNET_ASSIGN_OR_RETURN(auto register_days,
                         register_summary(conn, centre_id, range.from, range.to));
  std::set<std::string> of_contract;
  for (const auto& d : costs.days)
    if (d.contract_id == drafted) of_contract.insert(d.day);
  for (const auto& d : register_days)
    if (d.status != DayStatus::confirmed && of_contract.contains(d.day))
      draft.unconfirmed_days.push_back(d.day);
  return draft;
}

const api::ObjectType<InvoiceDraft>& invoice_draft_type() {
  static const auto contract =
      api::ObjectType<DraftContract>("DraftContract", "a contract in force in the month")
          .field("contract_id", &DraftContract::contract_id)
          .field("cig", &DraftContract::cig)
          .field("from", &DraftContract::from, {.format = "date"})
          .field("to", &DraftContract::to, {.format = "date"})
          .field("price_cents", &DraftContract::price_cents, {.description = "net of VAT"})
          .field("vat_rate_percent", &DraftContract::vat_rate_percent);
  static const auto line =
      api::ObjectType<DraftLine>("DraftLine", "a run of days present, from and to inclusive")
          .field("person_id", [](const DraftLine& l) { return l.line.person_id; })
          .field("family_name", &DraftLine::family_name)
          .field("given_names", &DraftLine::given_names)
          .field("from", [](const DraftLine& l) { return l.line.from; }, {.format = "date"})
          .field("to", [](const DraftLine& l) { return l.line.to; }, {.format = "date"});
  static const auto type =
      api::ObjectType<InvoiceDraft>("InvoiceDraft")
          .field("centre_id", &InvoiceDraft::centre_id)
          .include(month_range_fields(), &InvoiceDraft::range)
          .field("contract_id", &InvoiceDraft::contract_id,
                 {.description = "the contract drafted: lines, presence-days and amount cover "
                                 "its days of the month only"})
          .field("presence_days", &InvoiceDraft::presence_days,
                 {.description = "of the contract's days"})
          .field("amount_cents", &InvoiceDraft::amount_cents,
                 {.description = "of the contract's days, net of VAT"})
          .field("lines", &InvoiceDraft::lines, line)
          .field("contracts", &InvoiceDraft::contracts, contract,
                 {.description = "the contracts in force in the month: one invoice each"})
          .field(
              "unconfirmed_days", &InvoiceDraft::unconfirmed_days,
              {.description = "the contract's days not confirmed in the register, or changed "
                              "since",
               .schema = {{"type", "array"}, {"items", {{"type", "string"}, {"format", "date"}}}}});
  return type;
}

nlohmann::json to_json(const InvoiceDraft& d) {
  return invoice_draft_type().to_json(d);
}

}  // namespace innet::reception
