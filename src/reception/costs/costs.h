// What a centre costs the Prefettura for a month: each day, the guests present (per the presence
// register) times the price of the contract in force that day, and the pocket money due to them
// (per person per day, capped per family present; both rates live on each contract).
// Money is integer cents throughout.
//
// Built for national data: the month is loaded in a fixed number of queries (contracts, the
// register's presence_between, the persons concerned), never one query per day or per guest;
// the arithmetic (compute_costs) is a pure function of what was loaded.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "centres/centres.h"
#include "core/result.h"
#include "db/database.h"
#include "people/persons.h"
#include "reception/register/register.h"

namespace innet::reception {

// A month as the API receives it: "YYYY-MM" from the month of the first reception records
// (centres::kFirstReceptionDay) on; anything else is 400 validation_failed naming `month`.
Result<CivilMonth> parse_month(std::string_view text);

// The days of a month that can be costed: [from, to). A past month is complete; the current month
// runs up to and including today (later days have no presence yet); a future month is refused
// (422 future_date naming `month`), a malformed one too (400 validation_failed).
struct MonthRange {
  CivilMonth month{std::chrono::year{2000} / 1};
  CivilDay from = kEarliestDay;  // the first day
  CivilDay to = kEarliestDay;    // exclusive
  bool complete = true;
};
Result<MonthRange> month_range(CivilMonth month, CivilDay today);

// Everything the computation needs, loaded in a few queries.
struct CostData {
  MonthRange range;
  std::vector<centres::Contract> contracts;        // of the centre, every period
  std::vector<DayPresence> days;                   // one per day of the range, in order
  std::map<std::int64_t, people::Person> persons;  // everyone present or absent, plus `extra`
  // Pocket money suspended (a reduction measure): [from, until) per person; none is due then.
  std::map<std::int64_t, std::vector<std::pair<std::string, std::string>>> suspended;
};
// `extra_person_ids`: persons to load besides the guests (e.g. those named by an invoice).
Result<CostData> load_cost_data(db::Connection& conn, std::int64_t centre_id,
                                const MonthRange& range,
                                const std::vector<std::int64_t>& extra_person_ids = {});

struct CostDay {
  std::string day;
  std::int64_t present = 0;
  std::int64_t absent = 0;                  // recorded absences (not counted, not paid)
  std::optional<std::int64_t> contract_id;  // none: the day is flagged and costs nothing
  std::optional<std::string> cig;           // of the contract's tender lot
  std::int64_t price_cents = 0;             // per person, of the contract in force, net of VAT
  std::int64_t vat_rate_percent = 0;        // of the contract in force
  std::int64_t amount_cents = 0;            // present x price, net of VAT
  std::int64_t pocket_money_cents = 0;
};

struct PersonCost {
  std::int64_t person_id = 0;
  std::string family_name;
  std::string given_names;
  std::optional<std::int64_t> family_group_id;
  std::int64_t presence_days = 0;
  std::int64_t absent_days = 0;
  std::int64_t amount_cents = 0;
  // A family's capped amount is shared evenly among the members present that day, the odd cents
  // going to the lowest person ids, so that the persons' amounts add up to the days' amounts.
  std::int64_t pocket_money_cents = 0;
  std::int64_t suspended_days = 0;  // present while pocket money was suspended: none due
};

struct CostTotals {
  std::int64_t presence_days = 0;     // every day a guest was present, with or without a contract
  std::int64_t amount_due_cents = 0;  // net of VAT
  // The VAT on each contract's net amount of the month (as its invoice computes it), summed.
  std::int64_t vat_cents = 0;
  std::int64_t pocket_money_due_cents = 0;
  std::int64_t days_without_contract = 0;
  std::int64_t presence_days_without_contract = 0;  // present but not payable: to be looked at
};

// A line of money beside the daily price for a centre's month (decision 0019): what was due
// against what was handed over on signed receipts. Pocket money is due per day present (not while
// suspended, capped per family) and paid for the month; the phone card and the kit are due once
// per reception path, at the centre where the path began, counted in the month of the arrival.
struct MoneyLine {
  std::string item;                               // one of handover_items()
  std::optional<std::int64_t> due_count;          // phone card, kit: how many
  std::optional<std::int64_t> handed_over_count;  // phone card, kit: how many
  std::int64_t due_cents = 0;
  std::int64_t handed_over_cents = 0;
};

struct MonthlyCosts {
  std::int64_t centre_id = 0;
  MonthRange range;
  std::vector<CostDay> days;
  std::vector<PersonCost> persons;  // by family name, given names, id
  CostTotals totals;
  std::vector<MoneyLine> money;  // filled by monthly_costs (reads handovers), not compute_costs
};

// The contract covering `day` among `contracts` (their periods never overlap), if any.
const centres::Contract* contract_covering(const std::vector<centres::Contract>& contracts,
                                           const std::string& day);

MonthlyCosts compute_costs(std::int64_t centre_id, const CostData& data);

// load_cost_data + compute_costs.
Result<MonthlyCosts> monthly_costs(db::Connection& conn, std::int64_t centre_id, CivilMonth month,
                                   CivilDay today);

// The month, first and last day costed, and whether the month is complete: the properties every
// answer about a month of costs starts with (costs, invoice draft, reconciliation).
const api::ObjectType<MonthRange>& month_range_fields();
const api::ObjectType<MoneyLine>& money_line_type();
const api::ObjectType<MonthlyCosts>& monthly_costs_type();
nlohmann::json to_json(const MonthlyCosts& c);

}  // namespace innet::reception
