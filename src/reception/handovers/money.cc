#include "reception/handovers/money.h"

#include <map>
#include <set>

#include "reception/handovers/paths.h"

namespace innet::reception {
namespace {

struct Loaded {
  std::map<std::int64_t, PathStep> steps;
  std::vector<Handover> handovers;           // of the persons, every centre
  std::vector<centres::Contract> contracts;  // of the centre: the one-off items' prices
};

Result<Loaded> load(db::Connection& conn, const MonthlyCosts& costs) {
  std::vector<std::int64_t> ids;
  for (const auto& p : costs.persons) ids.push_back(p.person_id);
  Loaded l;
  INNET_ASSIGN_OR_RETURN(l.steps, paths_of_persons(conn, ids));
  INNET_ASSIGN_OR_RETURN(l.handovers, handovers_of_persons(conn, ids));
  INNET_ASSIGN_OR_RETURN(l.contracts, centres::centre_contracts(conn, costs.centre_id));
  return l;
}

bool in_range(const std::string& day, const MonthRange& r) {
  return day >= r.from.to_string() && day < r.to.to_string();
}

std::vector<MoneyLine> lines_of(const MonthlyCosts& costs, const Loaded& l) {
  MoneyLine pocket{kPocketMoney, {}, {}, costs.totals.pocket_money_due_cents, 0};
  MoneyLine card{kPhoneCard, 0, 0, 0, 0};
  MoneyLine kit{kFirstEntryKit, 0, 0, 0, 0};
  // Paths begun at this centre in the month: an arrival, not a transfer in; each owes the card
  // and the kit at the prices of the contract in force on its first day.
  for (const auto& [id, step] : l.steps)
    if (step.root == id && step.centre_id == costs.centre_id &&
        in_range(step.start_date, costs.range)) {
      const auto* contract = contract_covering(l.contracts, step.start_date);
      ++*card.due_count;
      card.due_cents += one_off_price(kPhoneCard, contract);
      ++*kit.due_count;
      kit.due_cents += one_off_price(kFirstEntryKit, contract);
    }
  const std::string month = costs.range.month.to_string();
  for (const auto& h : l.handovers) {
    if (h.cancelled_at || h.centre_id != costs.centre_id) continue;
    if (h.item == kPocketMoney && h.month == month) pocket.handed_over_cents += h.amount_cents;
    if (h.item == kPocketMoney || !in_range(h.handed_on, costs.range)) continue;
    auto& line = h.item == kPhoneCard ? card : kit;
    ++*line.handed_over_count;
    line.handed_over_cents += h.amount_cents;
  }
  return {pocket, card, kit};
}

}  // namespace

Result<std::vector<MoneyLine>> money_lines(db::Connection& conn, const MonthlyCosts& costs) {
  INNET_ASSIGN_OR_RETURN(auto l, load(conn, costs));
  return lines_of(costs, l);
}

Result<CentreMonthMoney> centre_month_money(db::Connection& conn, std::int64_t centre_id,
                                            CivilMonth month, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto range, month_range(month, today));
  INNET_ASSIGN_OR_RETURN(auto data, load_cost_data(conn, centre_id, range));
  const auto costs = compute_costs(centre_id, data);
  INNET_ASSIGN_OR_RETURN(auto l, load(conn, costs));
  CentreMonthMoney out;
  out.centre_id = centre_id;
  out.range = range;
  out.lines = lines_of(costs, l);
  const std::string m = month.to_string();

  // Per path (its first placement): the handover of each one-off item, if any.
  std::map<std::pair<std::int64_t, std::string>, bool> given;
  for (const auto& h : l.handovers) {
    if (h.cancelled_at || h.item == kPocketMoney) continue;
    if (auto s = l.steps.find(h.placement_id); s != l.steps.end())
      given[{s->second.root, h.item}] = true;
  }
  for (const auto& p : costs.persons) {
    GuestMoney g{p.person_id,
                 p.family_name,
                 p.given_names,
                 p.presence_days,
                 p.suspended_days,
                 p.pocket_money_cents,
                 0,
                 "",
                 ""};
    for (const auto& h : l.handovers)
      if (!h.cancelled_at && h.person_id == p.person_id && h.centre_id == centre_id &&
          h.item == kPocketMoney && h.month == m)
        g.pocket_money_handed_over_cents += h.amount_cents;
    // The path the guest was on in this month at this centre: its latest placement here.
    const PathStep* here = nullptr;
    for (const auto& [id, step] : l.steps)
      if (step.person_id == p.person_id && step.centre_id == centre_id &&
          step.start_date < range.to.to_string())
        here = &step;
    auto status = [&](const char* item) -> std::string {
      if (!here) return "other_centre";
      if (given.contains({here->root, item})) return "handed_over";
      return l.steps.at(here->root).centre_id == centre_id ? "missing" : "other_centre";
    };
    g.phone_card = status(kPhoneCard);
    g.first_entry_kit = status(kFirstEntryKit);
    out.guests.push_back(std::move(g));
  }
  for (const auto& h : l.handovers)
    if (h.centre_id == centre_id && (in_range(h.handed_on, range) || h.month == m))
      out.handovers.push_back(h);

  std::vector<std::int64_t> ids;
  for (const auto& p : costs.persons) ids.push_back(p.person_id);
  INNET_ASSIGN_OR_RETURN(auto suspensions, suspensions_of(conn, ids));
  const std::string from = range.from.to_string(), to = range.to.to_string();
  for (const auto& [person, list] : suspensions)
    for (const auto& s : list)
      if (s.from < to && s.until > from) out.suspensions.push_back(s);
  return out;
}

const api::ObjectType<CentreMonthMoney>& centre_month_money_type() {
  static const std::vector<std::string> statuses = {"handed_over", "missing", "other_centre"};
  static const auto guest =
      api::ObjectType<GuestMoney>("GuestMoney", "a guest's money for the month at the centre")
          .field("person_id", &GuestMoney::person_id)
          .field("family_name", &GuestMoney::family_name)
          .field("given_names", &GuestMoney::given_names)
          .field("presence_days", &GuestMoney::presence_days)
          .field("suspended_days", &GuestMoney::suspended_days)
          .field("pocket_money_due_cents", &GuestMoney::pocket_money_due_cents)
          .field("pocket_money_handed_over_cents", &GuestMoney::pocket_money_handed_over_cents)
          .field("phone_card", &GuestMoney::phone_card,
                 {.description = "once per reception path", .allowed = statuses})
          .field("first_entry_kit", &GuestMoney::first_entry_kit,
                 {.description = "once per reception path", .allowed = statuses});
  static const auto type =
      api::ObjectType<CentreMonthMoney>("CentreMonthMoney")
          .field("centre_id", &CentreMonthMoney::centre_id)
          .include(month_range_fields(), &CentreMonthMoney::range)
          .field("guests", &CentreMonthMoney::guests, guest)
          .field("lines", &CentreMonthMoney::lines, money_line_type())
          .field("handovers", &CentreMonthMoney::handovers, handover_type())
          .field("suspensions", &CentreMonthMoney::suspensions, suspension_type());
  return type;
}

}  // namespace innet::reception
