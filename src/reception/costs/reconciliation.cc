#include "reception/costs/reconciliation.h"

#include <algorithm>
#include <map>
#include <set>

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

nlohmann::json to_json(const Reconciliation& r) {
  nlohmann::json differences = nlohmann::json::array();
  for (const auto& d : r.differences)
    differences.push_back(
        {{"day", d.day},
         {"person_id", d.person_id},
         {"family_name", d.family_name},
         {"given_names", d.given_names},
         {"kind", d.kind},
         {"reason", d.reason},
         {"absence_reason", d.absence_reason ? nlohmann::json(*d.absence_reason) : nullptr},
         {"price_cents", d.price_cents}});
  nlohmann::json unconfirmed = nlohmann::json::array();
  for (const auto& d : r.unconfirmed_days)
    unconfirmed.push_back({{"day", d.day},
                           {"status", to_string(d.status)},
                           {"present", d.present},
                           {"absent", d.absent}});
  return {{"invoice", to_json(r.invoice, false)},
          {"month", r.range.month.to_string()},
          {"from", r.range.from.to_string()},
          {"to", r.range.to.plus_days(-1).to_string()},
          {"complete", r.range.complete},
          {"computed",
           {{"presence_days", r.computed_presence_days},
            {"amount_cents", r.computed_amount_cents},
            {"vat_cents", r.computed_vat_cents},
            {"gross_cents", r.computed_amount_cents + r.computed_vat_cents},
            {"pocket_money_cents", r.pocket_money_due_cents}}},
          {"declared",
           {{"presence_days", r.invoice.presence_days},
            {"amount_cents", r.invoice.amount_cents},
            {"vat_cents", r.invoice.vat_cents},
            {"gross_cents", r.invoice.amount_cents + r.invoice.vat_cents},
            {"days_value_cents", r.declared_days_value_cents}}},
          {"credited",
           {{"presence_days", r.credited_presence_days},
            {"amount_cents", r.credited_amount_cents},
            {"vat_cents", r.credited_vat_cents}}},
          {"amount_not_matching_days", r.amount_not_matching_days},
          {"expected_amount_cents", r.declared_days_value_cents},
          {"difference",
           {{"presence_days", r.presence_days_difference},
            {"amount_cents", r.amount_difference_cents}}},
          {"declared_not_present", r.declared_not_present},
          {"present_not_declared", r.present_not_declared},
          {"differences", std::move(differences)},
          {"unconfirmed_days", std::move(unconfirmed)}};
}

InvoiceDraft draft_invoice(const CostData& data, const MonthlyCosts& costs) {
  InvoiceDraft d;
  d.centre_id = costs.centre_id;
  d.range = data.range;
  d.presence_days = costs.totals.presence_days;
  d.amount_cents = costs.totals.amount_due_cents;
  std::map<std::int64_t, std::vector<InvoiceLine>> runs;
  // data.days holds every day of the range in order: a run goes on while its last day is the
  // day before.
  for (std::size_t i = 0; i < data.days.size(); ++i) {
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
  return d;
}

Result<InvoiceDraft> draft_invoice(db::Connection& conn, std::int64_t centre_id, CivilMonth month,
                                   CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto range, invoiceable_month(conn, centre_id, month, today));
  INNET_ASSIGN_OR_RETURN(auto data, load_cost_data(conn, centre_id, range));
  auto draft = draft_invoice(data, compute_costs(centre_id, data));
  const std::string first = range.from.to_string(), last = range.to.plus_days(-1).to_string();
  for (const auto& c : data.contracts) {
    if (c.start_date > last || c.end_date < first) continue;
    draft.contracts.push_back({c.id, c.cig, std::max(c.start_date, first),
                               std::min(c.end_date, last), c.price_cents, c.vat_rate_percent});
  }
  std::sort(draft.contracts.begin(), draft.contracts.end(),
            [](const auto& a, const auto& b) { return a.from < b.from; });
  INNET_ASSIGN_OR_RETURN(auto register_days,
                         register_summary(conn, centre_id, range.from, range.to));
  for (const auto& d : register_days)
    if (d.status != DayStatus::confirmed) draft.unconfirmed_days.push_back(d.day);
  return draft;
}

nlohmann::json to_json(const InvoiceDraft& d) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : d.lines)
    lines.push_back({{"person_id", l.line.person_id},
                     {"family_name", l.family_name},
                     {"given_names", l.given_names},
                     {"from", l.line.from},
                     {"to", l.line.to}});
  nlohmann::json contracts = nlohmann::json::array();
  for (const auto& c : d.contracts)
    contracts.push_back({{"contract_id", c.contract_id},
                         {"cig", c.cig},
                         {"from", c.from},
                         {"to", c.to},
                         {"price_cents", c.price_cents},
                         {"vat_rate_percent", c.vat_rate_percent}});
  return {{"contracts", std::move(contracts)}, {"unconfirmed_days", d.unconfirmed_days},
          {"centre_id", d.centre_id},          {"month", d.range.month.to_string()},
          {"from", d.range.from.to_string()},  {"to", d.range.to.plus_days(-1).to_string()},
          {"complete", d.range.complete},      {"presence_days", d.presence_days},
          {"amount_cents", d.amount_cents},    {"lines", std::move(lines)}};
}

}  // namespace innet::reception
