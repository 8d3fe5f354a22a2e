// The cost arithmetic, kept free of storage so that it can be checked by hand and timed alone.
#include <algorithm>
#include <map>

#include "reception/costs/costs.h"

namespace innet::reception {
namespace {

// The pocket money of one day, per person present: singles get the contract's daily amount, the
// members of a family group share min(n x amount, cap).
using Suspended = std::map<std::int64_t, std::vector<std::pair<std::string, std::string>>>;

bool suspended_on(const Suspended& suspended, std::int64_t person_id, const std::string& day) {
  auto it = suspended.find(person_id);
  if (it == suspended.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const auto& s) { return s.first <= day && day < s.second; });
}

// A suspended guest gets nothing and does not count towards the family's cap: the members still
// entitled share min(n x amount, cap) among themselves.
std::map<std::int64_t, std::int64_t> pocket_money_of_day(
    const DayPresence& day, const centres::Contract& contract,
    const std::map<std::int64_t, people::Person>& persons, const Suspended& suspended) {
  std::map<std::int64_t, std::int64_t> out;
  std::map<std::int64_t, std::vector<std::int64_t>> families;  // group -> members, by id
  for (const auto& p : day.present) {
    if (suspended_on(suspended, p.person_id, day.day)) continue;
    auto person = persons.find(p.person_id);
    if (person != persons.end() && person->second.family_group_id)
      families[*person->second.family_group_id].push_back(p.person_id);
    else
      out[p.person_id] = contract.pocket_money_cents;
  }
  for (auto& [group, members] : families) {
    std::sort(members.begin(), members.end());
    const auto n = static_cast<std::int64_t>(members.size());
    const auto family =
        std::min(n * contract.pocket_money_cents, contract.pocket_money_family_cap_cents);
    for (std::int64_t i = 0; i < n; ++i) out[members[i]] = family / n + (i < family % n ? 1 : 0);
  }
  return out;
}

}  // namespace

Result<CivilMonth> parse_month(std::string_view text) {
  const auto month = CivilMonth::parse(text);
  if (!month || *month < CivilMonth::of(centres::kFirstReceptionDay))
    return Error::field(ErrorKind::invalid_input, "month", FieldError::wrong_type("month"));
  return *month;
}

Result<MonthRange> month_range(CivilMonth month, CivilDay today) {
  MonthRange r;
  r.month = month;
  r.from = month.first_day();
  r.to = month.next().first_day();
  if (r.from > today) {
    Error e = Error::field(ErrorKind::unprocessable, "month", FieldError::future_date());
    e.code = "future_date";
    return e;
  }
  const auto tomorrow = today.plus_days(1);
  if (r.to > tomorrow) {
    r.to = tomorrow;
    r.complete = false;
  }
  return r;
}

const centres::Contract* contract_covering(const std::vector<centres::Contract>& contracts,
                                           const std::string& day) {
  for (const auto& c : contracts)
    if (centres::in_force_on(c, day)) return &c;
  return nullptr;
}

MonthlyCosts compute_costs(std::int64_t centre_id, const CostData& data) {
  MonthlyCosts out;
  out.centre_id = centre_id;
  out.range = data.range;
  std::map<std::int64_t, PersonCost> persons;
  auto person = [&](std::int64_t id) -> PersonCost& {
    auto [it, inserted] = persons.try_emplace(id);
    if (inserted) {
      it->second.person_id = id;
      if (auto p = data.persons.find(id); p != data.persons.end()) {
        it->second.family_name = p->second.family_name;
        it->second.given_names = p->second.given_names;
        it->second.family_group_id = p->second.family_group_id;
      }
    }
    return it->second;
  };

  std::map<std::int64_t, std::int64_t> net_by_contract;
  for (const auto& day : data.days) {
    CostDay d;
    d.day = day.day;
    d.present = static_cast<std::int64_t>(day.present.size());
    d.absent = static_cast<std::int64_t>(day.absent.size());
    for (const auto& a : day.absent) ++person(a.person_id).absent_days;
    out.totals.presence_days += d.present;
    const centres::Contract* contract = contract_covering(data.contracts, day.day);
    if (!contract) {
      // Nothing is payable without a contract; the day stays in the list, flagged.
      ++out.totals.days_without_contract;
      out.totals.presence_days_without_contract += d.present;
      for (const auto& p : day.present) ++person(p.person_id).presence_days;
      out.days.push_back(std::move(d));
      continue;
    }
    d.contract_id = contract->id;
    d.cig = contract->cig;
    d.vat_rate_percent = contract->vat_rate_percent;
    d.price_cents = contract->price_cents;
    net_by_contract[contract->id] += d.present * contract->price_cents;
    d.amount_cents = d.present * contract->price_cents;
    for (const auto& p : day.present) {
      auto& pc = person(p.person_id);
      ++pc.presence_days;
      pc.amount_cents += contract->price_cents;
      if (suspended_on(data.suspended, p.person_id, day.day)) ++pc.suspended_days;
    }
    for (const auto& [id, cents] :
         pocket_money_of_day(day, *contract, data.persons, data.suspended)) {
      person(id).pocket_money_cents += cents;
      d.pocket_money_cents += cents;
    }
    out.totals.amount_due_cents += d.amount_cents;
    out.totals.pocket_money_due_cents += d.pocket_money_cents;
    out.days.push_back(std::move(d));
  }

  for (const auto& contract : data.contracts)
    if (auto it = net_by_contract.find(contract.id); it != net_by_contract.end())
      out.totals.vat_cents += centres::vat_cents(it->second, contract.vat_rate_percent);
  for (auto& [id, pc] : persons) out.persons.push_back(std::move(pc));
  std::sort(out.persons.begin(), out.persons.end(), [](const auto& a, const auto& b) {
    return std::tie(a.family_name, a.given_names, a.person_id) <
           std::tie(b.family_name, b.given_names, b.person_id);
  });
  return out;
}

const api::ObjectType<MonthRange>& month_range_fields() {
  using R = const MonthRange&;
  static const auto type =
      api::ObjectType<MonthRange>("MonthRange")
          .field("month", [](R r) { return r.month.to_string(); }, {.description = "YYYY-MM"})
          .field("from", [](R r) { return r.from.to_string(); }, {.format = "date"})
          .field("to", [](R r) { return r.to.plus_days(-1).to_string(); },
                 {.description = "last day costed: today in the current month", .format = "date"})
          .field("complete", &MonthRange::complete,
                 {.description = "false for the current month, costed up to today"});
  return type;
}

const api::ObjectType<MoneyLine>& money_line_type() {
  static const auto type =
      api::ObjectType<MoneyLine>("MoneyLine",
                                 "a line of money beside the daily price: what was "
                                 "due against what was handed over")
          .field("item", &MoneyLine::item,
                 {.allowed = {"pocket_money", "phone_card", "first_entry_kit"}})
          .field("due_count", &MoneyLine::due_count,
                 {.description = "phone card, kit: reception paths begun in the month"})
          .field("handed_over_count", &MoneyLine::handed_over_count)
          .field("due_cents", &MoneyLine::due_cents,
                 {.description = "the kit is goods: counted, 0 cents"})
          .field("handed_over_cents", &MoneyLine::handed_over_cents)
          .field("difference_cents",
                 [](const MoneyLine& l) { return l.handed_over_cents - l.due_cents; },
                 {.description = "handed over minus due"});
  return type;
}

const api::ObjectType<MonthlyCosts>& monthly_costs_type() {
  static const auto day_type =
      api::ObjectType<CostDay>("CostDay")
          .field("day", &CostDay::day, {.format = "date"})
          .field("present", &CostDay::present)
          .field("absent", &CostDay::absent, {.description = "recorded absences: not paid"})
          .field("contract_id", &CostDay::contract_id)
          .field("no_contract", [](const CostDay& d) { return !d.contract_id.has_value(); },
                 {.description = "no contract covers the day: it costs nothing, flagged"})
          .field("cig", &CostDay::cig, {.description = "CIG of the contract's tender lot"})
          .field("price_cents", &CostDay::price_cents, {.description = "net of VAT"})
          .field("vat_rate_percent", &CostDay::vat_rate_percent)
          .field("amount_cents", &CostDay::amount_cents, {.description = "net of VAT"})
          .field("pocket_money_cents", &CostDay::pocket_money_cents);
  static const auto person_type =
      api::ObjectType<PersonCost>("CostPerson")
          .field("person_id", &PersonCost::person_id)
          .field("family_name", &PersonCost::family_name)
          .field("given_names", &PersonCost::given_names)
          .field("family_group_id", &PersonCost::family_group_id)
          .field("presence_days", &PersonCost::presence_days)
          .field("absent_days", &PersonCost::absent_days)
          .field("amount_cents", &PersonCost::amount_cents)
          .field("pocket_money_cents", &PersonCost::pocket_money_cents,
                 {.description = "a family's capped amount shared among its members present"})
          .field("suspended_days", &PersonCost::suspended_days,
                 {.description = "days present while pocket money was suspended: none due"});
  static const auto totals_type =
      api::ObjectType<CostTotals>("CostTotals")
          .field("presence_days", &CostTotals::presence_days)
          .field("amount_due_cents", &CostTotals::amount_due_cents, {.description = "net of VAT"})
          .field("vat_cents", &CostTotals::vat_cents)
          .field("gross_due_cents",
                 [](const CostTotals& t) { return t.amount_due_cents + t.vat_cents; })
          .field("pocket_money_due_cents", &CostTotals::pocket_money_due_cents)
          .field("days_without_contract", &CostTotals::days_without_contract)
          .field("presence_days_without_contract", &CostTotals::presence_days_without_contract);
  static const auto type = api::ObjectType<MonthlyCosts>("MonthlyCosts")
                               .field("centre_id", &MonthlyCosts::centre_id)
                               .include(month_range_fields(), &MonthlyCosts::range)
                               .field("days", &MonthlyCosts::days, day_type)
                               .field("persons", &MonthlyCosts::persons, person_type)
                               .field("totals", &MonthlyCosts::totals, totals_type)
                               .field("money", &MonthlyCosts::money, money_line_type(),
                                      {.description = "money beside the daily price"});
  return type;
}

nlohmann::json to_json(const MonthlyCosts& c) {
  return monthly_costs_type().to_json(c);
}

}  // namespace innet::reception
