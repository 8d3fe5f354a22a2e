// Monthly costs, invoices and their reconciliation on both engines, on an April worked out by hand
// (below), plus the invoice refusals that store nothing and the CSV and XLSX exports.
//
// The month: April 2025, 30 days, at centre A. "Today" is 2025-05-10, so April is complete.
//   Contracts: C1 2025-01-01..2025-04-15 at EUR 28.50, C2 2025-04-16..2025-12-31 at EUR 30.00;
//              both EUR 2.50 pocket money per person per day, capped at EUR 7.50 per family.
//   Family F (Ahmadi): 4 persons, a family group, placed since 2025-03-20: present all 30 days.
//   S1 (Diallo): single, arrives 2025-04-10: present days 10..30 = 21 days.
//   S2 (Haque): single, placed since 2025-03-01, recorded absent on 2025-04-12 (authorised
//              leave), transferred to centre B on 2025-04-21: present days 1..20 minus the 12th
//              = 19 days.
//
// Present per day:
//   days  1-9   F4 + S2       = 5   x 9 days  = 45
//   days 10-11  F4 + S1 + S2  = 6   x 2 days  = 12
//   day  12     F4 + S1       = 5   (S2 absent) = 5
//   days 13-15  6             x 3 days        = 18   -> C1 days: 80 presence-days
//   days 16-20  6             x 5 days        = 30
//   days 21-30  F4 + S1 = 5   x 10 days       = 50   -> C2 days: 80 presence-days
//   presence-days 160 (F 120 + S1 21 + S2 19)
// Amount due: 80 x 2,850 + 80 x 3,000 = 228,000 + 240,000 = 468,000 cents (EUR 4,680.00).
// Pocket money: the family min(4 x 250, 750) = 750 a day, x 30 = 22,500;
//   S1 21 x 250 = 5,250; S2 19 x 250 = 4,750; total 32,500 cents (EUR 325.00).
// Per person: a family member 15 x 2,850 + 15 x 3,000 = 87,750; S1 6 x 2,850 + 15 x 3,000 =
//   62,100; S2 14 x 2,850 + 5 x 3,000 = 54,900 (4 x 87,750 + 62,100 + 54,900 = 468,000).
//   The family's 750 a day split 188/188/187/187 (odd cents to the lowest ids): 5,640 and 5,610
//   over the month.
//
// The invoices (hand-made, with the operator's mistakes): the month spans two contracts, so it
// gives two invoices, each of one contract and the days of April inside it.
//   C1's (04-01..15): F1-F4 04-01..15 (4 x 15 = 60), S1 04-08..15 (8: two days before arrival),
//     S2 04-01..15 (15: the absence of the 12th counted) = 83 days x 2,850 = 236,550.
//   C2's (04-16..30): F1-F3 04-16..30 (3 x 15 = 45), F4 04-16..29 (14: the 30th forgotten),
//     S1 04-16..30 (15), S2 04-16..20 (5) = 79 days x 3,000 = 237,000.
//   Together 162 days, 473,550: what one whole-month invoice declared before invoices were per
//   contract (now refused, 422 contract_required).
// Reconciliation, each on its contract's days:
//   C1: declared 83 - computed 80 = +3 days; 236,550 - 228,000 = +8,550 = 3 x 2,850: S1 04-08
//       and 04-09 declared, not placed; S2 04-12 declared, absent on authorised leave.
//   C2: declared 79 - computed 80 = -1 day; 237,000 - 240,000 = -3,000: F4 04-30 present, not
//       declared.
#include "reception/costs/costs.h"

#include <algorithm>
#include <functional>

#include "accounts/accounts.h"
#include "app/app.h"
#include "centres/centres.h"
#include "people/persons.h"
#include "reception/costs/export.h"
#include "reception/costs/invoices.h"
#include "reception/costs/reconciliation.h"
#include "reception/placements/placements.h"
#include "reception/register/register.h"
#include "support/days.h"
#include "support/reception_fixture.h"

namespace innet::reception {
namespace {

const CivilDay kToday = "2025-05-10"_day;
const std::string kKey = "0123456789abcdef0123456789abcdef";

class CostsTest : public storage_test::ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({10, 0, 10, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    auto family = people::create_family_group(db(), "Famiglia Ahmadi");
    ASSERT_DB_OK(family);
    family_ = family->id;
    for (const char* given : {"Farid", "Zahra", "Omid", "Leila"})
      add_person("Ahmadi", given, "AF", family_);
    // Quotes, a comma and a leading '=' exercise CSV quoting and formula neutralising.
    add_person("Diallo, \"Junior\"", "Mamadou", "AF");
    add_person("Haque", "=Rahim", "AF");
  }

  // F1..F4 are persons 1-4, S1 is 5, S2 is 6.
  std::int64_t s1() const { return person(5); }
  std::int64_t s2() const { return person(6); }

  std::int64_t contract(const std::string& from, const std::string& to, std::int64_t price,
                        const std::string& cig) {
    centres::Contract c;
    c.centre_id = a();
    c.cig = cig;
    c.start_date = from;
    c.end_date = to;
    c.places = 20;
    c.price_cents = price;
    auto created = centres::create_contract(db(), c);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->id : 0;
  }

  void arrive(std::vector<std::int64_t> ids, CivilDay date, centres::Category category) {
    Arrival arrival;
    arrival.person_ids = std::move(ids);
    arrival.centre_id = a();
    arrival.category = category;
    arrival.date = date;
    ASSERT_DB_OK(place(db(), arrival, kToday));
  }

  // The April described at the top, with both contracts unless `second_contract` is false.
  void april(bool second_contract = true) {
    c1_ = contract("2025-01-01", "2025-04-15", 2850, "C1C1C1C1C1");
    if (second_contract) c2_ = contract("2025-04-16", "2025-12-31", 3000, "C2C2C2C2C2");
    arrive({person(1), person(2), person(3), person(4)}, "2025-03-20"_day,
           centres::Category::families);
    arrive({s2()}, "2025-03-01"_day, centres::Category::single_men);
    arrive({s1()}, "2025-04-10"_day, centres::Category::single_men);
    ASSERT_DB_OK(record_absence(
        db(), {a(), "2025-04-12"_day, s2(), "authorised_leave", std::nullopt, user_}, kToday));
    Transfer t;
    t.person_ids = {s2()};
    t.to_centre_id = b();
    t.date = "2025-04-21"_day;
    ASSERT_DB_OK(transfer(db(), t, kToday));
  }

  MonthlyCosts costs(std::string_view month = "2025-04") {
    auto c = monthly_costs(db(), a(), *CivilMonth::parse(month), kToday);
    EXPECT_TRUE(c.ok()) << c.error().message;
    return c.ok() ? *c : MonthlyCosts{};
  }

  // The invoices described at the top: 1 of C1 (04-01..15), 2 of C2 (04-16..30).
  Invoice hand_made_invoice(int part = 1) {
    Invoice inv;
    inv.centre_id = a();
    inv.month = "2025-04";
    inv.submitted_by = user_;
    inv.note = "April 2025";
    if (part == 1) {
      inv.contract_id = c1_;
      inv.number = "FT-2025/041";
      inv.amount_cents = 236'550;
      inv.presence_days = 83;
      for (int i = 1; i <= 4; ++i) inv.lines.push_back({person(i), "2025-04-01", "2025-04-15"});
      inv.lines.push_back({s1(), "2025-04-08", "2025-04-15"});
      inv.lines.push_back({s2(), "2025-04-01", "2025-04-15"});
    } else {
      inv.contract_id = c2_;
      inv.number = "FT-2025/042";
      inv.amount_cents = 237'000;
      inv.presence_days = 79;
      for (int i = 1; i <= 3; ++i) inv.lines.push_back({person(i), "2025-04-16", "2025-04-30"});
      inv.lines.push_back({person(4), "2025-04-16", "2025-04-29"});
      inv.lines.push_back({s1(), "2025-04-16", "2025-04-30"});
      inv.lines.push_back({s2(), "2025-04-16", "2025-04-20"});
    }
    return inv;
  }

  // The two invoices as one whole-month invoice naming no contract, as older clients sent it.
  Invoice whole_month_invoice() {
    Invoice inv = hand_made_invoice(1);
    inv.contract_id.reset();
    inv.amount_cents = 473'550;
    inv.presence_days = 162;
    inv.lines.clear();
    for (int i = 1; i <= 3; ++i) inv.lines.push_back({person(i), "2025-04-01", "2025-04-30"});
    inv.lines.push_back({person(4), "2025-04-01", "2025-04-29"});
    inv.lines.push_back({s1(), "2025-04-08", "2025-04-30"});
    inv.lines.push_back({s2(), "2025-04-01", "2025-04-20"});
    return inv;
  }

  const PersonCost& person_cost(const MonthlyCosts& c, std::int64_t id) {
    for (const auto& p : c.persons)
      if (p.person_id == id) return p;
    ADD_FAILURE() << "no person " << id;
    static PersonCost none;
    return none;
  }

  std::int64_t family_ = 0;
  std::int64_t c1_ = 0, c2_ = 0;
};

void expect_error(const Error& e, ErrorKind kind, const std::string& code,
                  const std::string& field) {
  EXPECT_EQ(e.kind, kind) << e.message;
  EXPECT_EQ(e.code, code) << e.message;
  EXPECT_EQ(e.fields.count(field), 1u) << e.message << " does not name " << field;
}

TEST_P(CostsTest, AprilComputedByHand) {
  april();
  const auto c = costs();
  EXPECT_EQ(c.range.from, "2025-04-01"_day);
  EXPECT_EQ(c.range.to, "2025-05-01"_day);
  EXPECT_TRUE(c.range.complete);
  ASSERT_EQ(c.days.size(), 30u);
  EXPECT_EQ(c.totals.presence_days, 160);
  EXPECT_EQ(c.totals.amount_due_cents, 468'000);
  EXPECT_EQ(c.totals.pocket_money_due_cents, 32'500);
  EXPECT_EQ(c.totals.days_without_contract, 0);
  EXPECT_EQ(c.totals.presence_days_without_contract, 0);

  const auto& day1 = c.days[0];
  EXPECT_EQ(day1.day, "2025-04-01");
  EXPECT_EQ(day1.present, 5);
  EXPECT_EQ(day1.contract_id, c1_);
  EXPECT_EQ(day1.price_cents, 2850);
  EXPECT_EQ(day1.amount_cents, 5 * 2850);
  EXPECT_EQ(day1.pocket_money_cents, 750 + 250);
  const auto& day12 = c.days[11];  // S2 absent
  EXPECT_EQ(day12.present, 5);
  EXPECT_EQ(day12.absent, 1);
  EXPECT_EQ(day12.amount_cents, 14'250);
  EXPECT_EQ(day12.pocket_money_cents, 1000);
  const auto& day15 = c.days[14];
  EXPECT_EQ(day15.present, 6);
  EXPECT_EQ(day15.contract_id, c1_);
  EXPECT_EQ(day15.amount_cents, 17'100);
  const auto& day16 = c.days[15];  // the new price
  EXPECT_EQ(day16.present, 6);
  EXPECT_EQ(day16.contract_id, c2_);
  EXPECT_EQ(day16.price_cents, 3000);
  EXPECT_EQ(day16.amount_cents, 18'000);
  EXPECT_EQ(day16.pocket_money_cents, 750 + 2 * 250);
  const auto& day21 = c.days[20];  // S2 transferred out
  EXPECT_EQ(day21.present, 5);
  EXPECT_EQ(day21.amount_cents, 15'000);
  EXPECT_EQ(day21.pocket_money_cents, 1000);

  ASSERT_EQ(c.persons.size(), 6u);
  for (int i = 1; i <= 4; ++i) {
    const auto& f = person_cost(c, person(i));
    EXPECT_EQ(f.presence_days, 30);
    EXPECT_EQ(f.amount_cents, 87'750);
    EXPECT_EQ(f.family_group_id, family_);
    EXPECT_EQ(f.pocket_money_cents, i <= 2 ? 5640 : 5610) << "F" << i;
  }
  EXPECT_EQ(person_cost(c, s1()).presence_days, 21);
  EXPECT_EQ(person_cost(c, s1()).amount_cents, 62'100);
  EXPECT_EQ(person_cost(c, s1()).pocket_money_cents, 5250);
  EXPECT_EQ(person_cost(c, s2()).presence_days, 19);
  EXPECT_EQ(person_cost(c, s2()).absent_days, 1);
  EXPECT_EQ(person_cost(c, s2()).amount_cents, 54'900);
  EXPECT_EQ(person_cost(c, s2()).pocket_money_cents, 4750);
  // Sorted by family name: the Ahmadi first.
  EXPECT_EQ(c.persons.front().family_name, "Ahmadi");
}

TEST_P(CostsTest, DaysWithoutAContractAreFlaggedAndCostNothing) {
  april(false);  // C1 ends on the 15th and nothing follows
  const auto c = costs();
  EXPECT_EQ(c.totals.presence_days, 160);
  EXPECT_EQ(c.totals.amount_due_cents, 80 * 2850);
  EXPECT_EQ(c.totals.days_without_contract, 15);
  EXPECT_EQ(c.totals.presence_days_without_contract, 80);
  EXPECT_EQ(c.totals.pocket_money_due_cents, 15 * 750 + (6 + 14) * 250);
  const auto& day16 = c.days[15];
  EXPECT_FALSE(day16.contract_id.has_value());
  EXPECT_EQ(day16.present, 6);
  EXPECT_EQ(day16.amount_cents, 0);
  EXPECT_EQ(day16.pocket_money_cents, 0);
  EXPECT_EQ(to_json(c)["days"][15]["no_contract"], true);
}

TEST_P(CostsTest, TheCurrentMonthRunsToTodayAndAFutureMonthIsRefused) {
  april();
  const auto may = costs("2025-05");
  EXPECT_FALSE(may.range.complete);
  ASSERT_EQ(may.days.size(), 10u);  // 1..10 May
  EXPECT_EQ(may.totals.presence_days, 5 * 10);
  EXPECT_EQ(may.totals.amount_due_cents, 50 * 3000);

  auto future = monthly_costs(db(), a(), *CivilMonth::parse("2025-06"), kToday);
  ASSERT_FALSE(future.ok());
  expect_error(future.error(), ErrorKind::unprocessable, "future_date", "month");
  auto malformed = parse_month("2025-13");
  ASSERT_FALSE(malformed.ok());
  expect_error(malformed.error(), ErrorKind::invalid_input, "validation_failed", "month");
}

TEST_P(CostsTest, AnInvoiceIsStoredWithItsLinesAndOnlyOncePerMonth) {
  april();
  auto stored = submit_invoice(db(), hand_made_invoice(), kToday);
  ASSERT_DB_OK(stored);
  EXPECT_EQ(stored->presence_days, 83);
  EXPECT_EQ(stored->contract_id, c1_);
  EXPECT_EQ(stored->note, "April 2025");
  EXPECT_FALSE(stored->submitted_at.empty());
  ASSERT_EQ(stored->lines.size(), 6u);
  EXPECT_EQ(count("invoice_lines"), 6);
  auto found = find_invoice(db(), stored->id);
  ASSERT_DB_OK(found);
  EXPECT_EQ(found->lines.size(), 6u);
  EXPECT_EQ(found->amount_cents, 236'550);

  auto again = submit_invoice(db(), hand_made_invoice(), kToday);
  ASSERT_FALSE(again.ok());
  expect_error(again.error(), ErrorKind::conflict, "invoice_exists", "month");
  EXPECT_NE(again.error().message.find("2025-04"), std::string::npos);
  EXPECT_EQ(count("invoices"), 1);
  EXPECT_EQ(count("invoice_lines"), 6);

  auto list = centre_invoices(db(), a(), {});
  ASSERT_DB_OK(list);
  EXPECT_EQ(list->total, 1);
}

TEST_P(CostsTest, AWithdrawnInvoiceIsKeptAndTheNextOneReplacesIt) {
  april();
  auto first = submit_invoice(db(), hand_made_invoice(), kToday);
  ASSERT_DB_OK(first);
  auto withdrawn = withdraw_invoice(db(), {first->id, "wrong invoice number", user_});
  ASSERT_DB_OK(withdrawn);
  EXPECT_TRUE(withdrawn->withdrawn());
  EXPECT_EQ(withdrawn->withdrawal_reason, "wrong invoice number");
  EXPECT_EQ(withdrawn->withdrawn_by, user_);
  EXPECT_EQ(withdrawn->lines.size(), 6u) << "the lines stay";
  auto again = withdraw_invoice(db(), {first->id, "twice", user_});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "invoice_already_withdrawn");
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(withdraw_invoice(db(), {999'999, "nothing", user_}).error().kind, ErrorKind::not_found);

  auto second = submit_invoice(db(), hand_made_invoice(), kToday);
  ASSERT_DB_OK(second);
  EXPECT_EQ(second->replaces_id, first->id);
  EXPECT_FALSE(second->withdrawn());
  auto old = find_invoice(db(), first->id);
  ASSERT_DB_OK(old);
  EXPECT_EQ(old->replaced_by_id, second->id);
  EXPECT_EQ(count("invoices"), 2);
  EXPECT_EQ(count("invoice_lines"), 12);
  // One current invoice per month, also for the database itself.
  auto third = submit_invoice(db(), hand_made_invoice(), kToday);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, "invoice_exists");
  auto direct = db().execute(
      "INSERT INTO invoices (centre_id, month, number, amount_cents, presence_days, "
      "submitted_by, submitted_at, contract_id) VALUES (?, '2025-04', 'X', 1, 0, ?, "
      "'2025-05-01', ?)",
      {a(), user_, c1_});
  ASSERT_FALSE(direct.ok());
  EXPECT_EQ(direct.error().code, "unique_violation");
  // Listed newest month first, the current invoice before the withdrawn one.
  auto list = centre_invoices(db(), a(), {});
  ASSERT_DB_OK(list);
  ASSERT_EQ(list->items.size(), 2u);
  EXPECT_EQ(list->items[0].id, second->id);
  EXPECT_EQ(list->items[1].id, first->id);
  EXPECT_EQ(list->items[1].replaced_by_id, second->id) << "derived in lists too";
  EXPECT_FALSE(list->items[0].replaced_by_id.has_value());
}

TEST_P(CostsTest, InvalidInvoicesAreRefusedAndNothingIsStored) {
  april();
  // A guest of centre B only, never of A: an invoice of A cannot name them.
  add_person("Bangura", "Ibrahim", "SL");
  const std::int64_t elsewhere = person(7);
  Arrival at_b;
  at_b.person_ids = {elsewhere};
  at_b.centre_id = b();
  at_b.date = "2025-04-02"_day;
  ASSERT_DB_OK(place(db(), at_b, kToday));
  struct Case {
    const char* what;
    std::function<void(Invoice&)> change;
    ErrorKind kind;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"future month", [](Invoice& i) { i.month = "2025-06"; }, ErrorKind::unprocessable,
       "future_date", "month"},
      {"malformed month", [](Invoice& i) { i.month = "2025-4"; }, ErrorKind::invalid_input,
       "validation_failed", "month"},
      {"no amount", [](Invoice& i) { i.amount_cents = 0; }, ErrorKind::unprocessable,
       "validation_failed", "amount_cents"},
      {"negative days", [](Invoice& i) { i.presence_days = -1; }, ErrorKind::unprocessable,
       "validation_failed", "presence_days"},
      {"line before the month", [](Invoice& i) { i.lines[0].from = "2025-03-31"; },
       ErrorKind::unprocessable, "invalid_lines", "lines[0].from"},
      {"line after the month", [](Invoice& i) { i.lines[1].to = "2025-05-01"; },
       ErrorKind::unprocessable, "invalid_lines", "lines[1].to"},
      {"reversed line", [](Invoice& i) { i.lines[5].to = "2025-03-31"; }, ErrorKind::unprocessable,
       "invalid_lines", "lines[5].to"},
      {"not a date", [](Invoice& i) { i.lines[2].from = "2025-04-31"; }, ErrorKind::invalid_input,
       "validation_failed", "lines[2].from"},
      {"overlapping lines of one person",
       [this](Invoice& i) {
         i.lines.push_back({s1(), "2025-04-15", "2025-04-15"});
         i.presence_days += 1;
       },
       ErrorKind::unprocessable, "invalid_lines", "lines[6].from"},
      // Both answered alike: an invoice does not tell which ids exist.
      {"unknown person", [](Invoice& i) { i.lines[3].person_id = 999'999; },
       ErrorKind::unprocessable, "not_placed", "lines[3].person_id"},
      {"a guest of another centre", [&](Invoice& i) { i.lines[3].person_id = elsewhere; },
       ErrorKind::unprocessable, "not_placed", "lines[3].person_id"},
      {"a month no contract covers", [](Invoice& i) { i.month = "2024-12"; },
       ErrorKind::unprocessable, "no_contract", "month"},
      {"a month before the reception system", [](Invoice& i) { i.month = "1999-12"; },
       ErrorKind::invalid_input, "validation_failed", "month"},
      {"days that do not add up", [](Invoice& i) { i.presence_days = 80; },
       ErrorKind::unprocessable, "presence_days_mismatch", "presence_days"},
      // April spans C1 and C2: an invoice naming neither would span both.
      {"no contract named for a month of two", [](Invoice& i) { i.contract_id.reset(); },
       ErrorKind::unprocessable, "contract_required", "contract_id"},
      {"a line in the other contract's days",
       [](Invoice& i) {
         i.lines[0].to = "2025-04-16";
         i.presence_days += 1;
         i.amount_cents += 3'000;
       },
       ErrorKind::unprocessable, "outside_contract", "lines[0].to"},
  };
  for (const auto& c : cases) {
    Invoice inv = hand_made_invoice();
    c.change(inv);
    auto r = submit_invoice(db(), inv, kToday);
    ASSERT_FALSE(r.ok()) << c.what;
    SCOPED_TRACE(c.what);
    expect_error(r.error(), c.kind, c.code, c.field);
  }
  // The whole month in one invoice, priced right, as older clients sent it: refused, naming the
  // contract, since it would span C1 and C2.
  auto whole = submit_invoice(db(), whole_month_invoice(), kToday);
  ASSERT_FALSE(whole.ok());
  expect_error(whole.error(), ErrorKind::unprocessable, "contract_required", "contract_id");
  // The current month: lines may not run past today.
  Invoice may = hand_made_invoice(2);
  may.month = "2025-05";
  may.lines = {{s1(), "2025-05-01", "2025-05-11"}};
  may.presence_days = 11;
  auto r = submit_invoice(db(), may, kToday);
  ASSERT_FALSE(r.ok());
  expect_error(r.error(), ErrorKind::unprocessable, "invalid_lines", "lines[0].to");

  EXPECT_EQ(count("invoices"), 0);
  EXPECT_EQ(count("invoice_lines"), 0);
}

TEST_P(CostsTest, TheReconciliationListsEachDifferenceByDayAndPerson) {
  april();
  // The operator confirmed 1-28 April in the register; the 29th and 30th are not confirmed.
  for (int d = 1; d <= 28; ++d) {
    const CivilDay day = "2025-04-01"_day.plus_days(d - 1);
    ASSERT_DB_OK(confirm_day(db(), a(), day, std::nullopt, user_, kKey, kToday));
  }
  auto stored = submit_invoice(db(), hand_made_invoice(1), kToday);
  ASSERT_DB_OK(stored);
  auto stored2 = submit_invoice(db(), hand_made_invoice(2), kToday);
  ASSERT_DB_OK(stored2);
  // C1's invoice, on C1's days (04-01..15). Pocket money due on them: the family 15 x 750 =
  // 11,250, S1 6 x 250 = 1,500, S2 14 x 250 = 3,500: 16,250.
  auto r = reconcile_invoice(db(), *stored, kToday);
  ASSERT_DB_OK(r);
  EXPECT_EQ(r->computed_presence_days, 80);
  EXPECT_EQ(r->computed_amount_cents, 228'000);
  EXPECT_EQ(r->pocket_money_due_cents, 16'250);
  EXPECT_EQ(r->declared_days_value_cents, 236'550);
  EXPECT_EQ(r->presence_days_difference, 3);
  EXPECT_EQ(r->amount_difference_cents, 8'550);
  EXPECT_EQ(r->declared_not_present, 3);
  EXPECT_EQ(r->present_not_declared, 0);
  EXPECT_FALSE(r->amount_not_matching_days);
  EXPECT_FALSE(r->spans_contracts);
  EXPECT_TRUE(r->unconfirmed_days.empty()) << "C1's days are all confirmed";

  ASSERT_EQ(r->differences.size(), 3u);
  const auto& d = r->differences;
  EXPECT_EQ(d[0].day, "2025-04-08");
  EXPECT_EQ(d[0].person_id, s1());
  EXPECT_EQ(d[0].kind, kDeclaredNotPresent);
  EXPECT_EQ(d[0].reason, "not_placed");
  EXPECT_EQ(d[0].price_cents, 2850);
  EXPECT_EQ(d[0].given_names, "Mamadou");
  EXPECT_EQ(d[1].day, "2025-04-09");
  EXPECT_EQ(d[1].person_id, s1());
  EXPECT_EQ(d[1].reason, "not_placed");
  EXPECT_EQ(d[2].day, "2025-04-12");
  EXPECT_EQ(d[2].person_id, s2());
  EXPECT_EQ(d[2].kind, kDeclaredNotPresent);
  EXPECT_EQ(d[2].reason, "absent");
  EXPECT_EQ(d[2].absence_reason, "authorised_leave");
  // The differences' values account for the whole amount difference: 3 x 2,850.
  std::int64_t explained = 0;
  for (const auto& x : d)
    explained += x.kind == kDeclaredNotPresent ? x.price_cents : -x.price_cents;
  EXPECT_EQ(explained, r->amount_difference_cents);

  // C2's invoice, on C2's days (04-16..30). Pocket money: the family 15 x 750 = 11,250, S1
  // 15 x 250 = 3,750, S2 5 x 250 = 1,250: 16,250 (with C1's, the month's 32,500).
  auto r2 = reconcile_invoice(db(), *stored2, kToday);
  ASSERT_DB_OK(r2);
  EXPECT_EQ(r2->computed_presence_days, 80);
  EXPECT_EQ(r2->computed_amount_cents, 240'000);
  EXPECT_EQ(r2->pocket_money_due_cents, 16'250);
  EXPECT_EQ(r2->declared_days_value_cents, 237'000);
  EXPECT_EQ(r2->presence_days_difference, -1);
  EXPECT_EQ(r2->amount_difference_cents, -3'000);
  EXPECT_EQ(r2->declared_not_present, 0);
  EXPECT_EQ(r2->present_not_declared, 1);
  EXPECT_FALSE(r2->spans_contracts);
  ASSERT_EQ(r2->differences.size(), 1u);
  EXPECT_EQ(r2->differences[0].day, "2025-04-30");
  EXPECT_EQ(r2->differences[0].person_id, person(4));
  EXPECT_EQ(r2->differences[0].kind, kPresentNotDeclared);
  EXPECT_EQ(r2->differences[0].reason, "not_declared");
  EXPECT_EQ(r2->differences[0].price_cents, 3000);
  ASSERT_EQ(r2->unconfirmed_days.size(), 2u);
  EXPECT_EQ(r2->unconfirmed_days[0].day, "2025-04-29");
  EXPECT_EQ(r2->unconfirmed_days[1].day, "2025-04-30");
  EXPECT_EQ(to_string(r2->unconfirmed_days[0].status), "unconfirmed");
}

// The files go to an Italian office (issue 9 point 15, decision 0021): ';' separated with a BOM,
// headers in the caller's language, euros with a decimal comma, dates dd/mm/yyyy, vocabulary
// values in words; a cell typed by someone that starts like a formula is kept text.
TEST_P(CostsTest, CsvIsInTheOfficeStyleAndTheCallersLanguage) {
  april();
  const reporting::Labels italian(cost_catalogue(), reporting::Language::it);
  const auto tables = cost_tables(costs(), "Centro Aurora", italian);
  const auto office = reporting::CsvStyle::office;
  const std::string bom = "\xEF\xBB\xBF";
  const auto days = reporting::to_csv(tables.at(1), office);
  EXPECT_EQ(days.rfind(bom + "Giorno;Presenti;Assenti;ID convenzione;Senza convenzione;"
                             "Prezzo giornaliero (EUR);Importo (EUR);Pocket money (EUR);CIG;"
                             "Aliquota IVA (%)\r\n",
                       0),
            0u)
      << days.substr(0, 200);
  EXPECT_NE(days.find("\r\n12/04/2025;5;1;" + std::to_string(c1_) +
                      ";No;28,50;142,50;10,00;C1C1C1C1C1;0\r\n"),
            std::string::npos)
      << days;
  EXPECT_NE(days.find("\r\n16/04/2025;6;0;" + std::to_string(c2_) +
                      ";No;30,00;180,00;12,50;C2C2C2C2C2;0\r\n"),
            std::string::npos);
  EXPECT_EQ(std::count(days.begin(), days.end(), '\n'), 31);  // header + 30 days

  const auto summary = reporting::to_csv(tables.at(0), office);
  EXPECT_NE(summary.find("\r\nCentro;Centro Aurora\r\n"), std::string::npos) << summary;
  EXPECT_NE(summary.find("\r\nMese;04/2025\r\n"), std::string::npos) << summary;
  EXPECT_NE(summary.find("\r\nDal;01/04/2025\r\n"), std::string::npos) << summary;

  const auto persons = reporting::to_csv(tables.at(2), office);
  EXPECT_EQ(persons.rfind(bom + "ID persona;Cognome;Nomi;ID nucleo familiare;"
                                "Giornate di presenza;Giorni di assenza;Importo (EUR);"
                                "Pocket money (EUR)\r\n",
                          0),
            0u)
      << persons.substr(0, 200);
  // A ';' or quotes: quoted, quotes doubled (a comma needs no quotes with ';'). A leading '=':
  // kept text with an apostrophe.
  EXPECT_NE(persons.find(std::to_string(s1()) +
                         ";\"Diallo, \"\"Junior\"\"\";Mamadou;;21;0;621,00;52,50\r\n"),
            std::string::npos)
      << persons;
  EXPECT_NE(persons.find(std::to_string(s2()) + ";Haque;'=Rahim;;19;1;549,00;47,50\r\n"),
            std::string::npos)
      << persons;

  // The same file for an English reader: only the words change, not the numbers.
  const reporting::Labels english(cost_catalogue(), reporting::Language::en);
  const auto en = reporting::to_csv(cost_tables(costs(), "Centro Aurora", english).at(1), office);
  EXPECT_EQ(en.rfind(bom + "Day;Present;Absent;Contract ID (convenzione);Without a contract;", 0),
            0u)
      << en.substr(0, 200);
  EXPECT_NE(en.find("\r\n12/04/2025;5;1;" + std::to_string(c1_) + ";No;28,50;142,50;"),
            std::string::npos);

  auto stored = submit_invoice(db(), hand_made_invoice(), kToday);
  ASSERT_DB_OK(stored);
  auto r = reconcile_invoice(db(), *stored, kToday);
  ASSERT_DB_OK(r);
  const auto diff =
      reporting::to_csv(reconciliation_tables(*r, "Centro Aurora", italian).at(1), office);
  EXPECT_EQ(diff.rfind(bom + "Giorno;ID persona;Cognome;Nomi;Differenza;Motivo;"
                             "Motivo dell'assenza;Prezzo giornaliero (EUR)\r\n",
                       0),
            0u)
      << diff.substr(0, 200);
  EXPECT_NE(diff.find("12/04/2025;" + std::to_string(s2()) +
                      ";Haque;'=Rahim;Dichiarata ma non presente;Assente secondo il registro;"
                      "Permesso autorizzato;28,50\r\n"),
            std::string::npos)
      << diff;
  EXPECT_EQ(std::count(diff.begin(), diff.end(), '\n'), 4);  // header + C1's 3 differences
}

// Every word the files use is in the catalogue in all six languages.
TEST(CostCatalogue, EveryKeyHasSixNonEmptyWords) {
  for (const auto& [key, words] : cost_catalogue())
    for (const auto& w : words) EXPECT_FALSE(w.empty()) << key;
}

TEST_P(CostsTest, XlsxIsAZipWorkbookWithOneSheetPerTable) {
  april();
  auto xlsx = reporting::to_xlsx(cost_tables(
      costs(), "Centro Aurora", reporting::Labels(cost_catalogue(), reporting::Language::it)));
  ASSERT_DB_OK(xlsx);
  ASSERT_GT(xlsx->size(), 1000u);
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  EXPECT_NE(xlsx->find("xl/worksheets/sheet1.xml"), std::string::npos);
  // Summary, Days, Persons and Money (decision 0019).
  EXPECT_NE(xlsx->find("xl/worksheets/sheet4.xml"), std::string::npos);
  EXPECT_EQ(xlsx->find("xl/worksheets/sheet5.xml"), std::string::npos);
  EXPECT_NE(xlsx->find("[Content_Types].xml"), std::string::npos);
}

// Contracts as tendered (issue 9, points 2 and 8): April spans C1 and C2, so it gives two
// invoices, each drafted and submitted for its contract (figures at the top). The drafts, from
// the register: C1's 04-01..15, 80 days (the family 60, S1 04-10..15 6, S2 14), 80 x 2,850 =
// 228,000; C2's 04-16..30, 80 days (the family 60, S1 15, S2 04-16..20 5), 80 x 3,000 = 240,000.
TEST_P(CostsTest, AMonthSpanningTwoContractsGivesTwoInvoices) {
  april();
  const auto april_month = *CivilMonth::parse("2025-04");
  auto d1 = draft_invoice(db(), a(), april_month, kToday);
  ASSERT_DB_OK(d1);
  EXPECT_EQ(d1->contract_id, c1_) << "the month's first contract unless one is named";
  ASSERT_EQ(d1->contracts.size(), 2u);
  EXPECT_EQ(d1->contracts[0].to, "2025-04-15");
  EXPECT_EQ(d1->contracts[1].from, "2025-04-16");
  EXPECT_EQ(d1->presence_days, 80);
  EXPECT_EQ(d1->amount_cents, 228'000);
  std::vector<std::string> runs;
  for (const auto& l : d1->lines)
    runs.push_back(std::to_string(l.line.person_id) + ":" + l.line.from + ".." + l.line.to);
  std::vector<std::string> expected;
  for (int i = 1; i <= 4; ++i)
    expected.push_back(std::to_string(person(i)) + ":2025-04-01..2025-04-15");
  expected.push_back(std::to_string(s1()) + ":2025-04-10..2025-04-15");
  expected.push_back(std::to_string(s2()) + ":2025-04-01..2025-04-11");
  expected.push_back(std::to_string(s2()) + ":2025-04-13..2025-04-15");
  std::sort(runs.begin(), runs.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(runs, expected);
  auto d2 = draft_invoice(db(), a(), april_month, kToday, c2_);
  ASSERT_DB_OK(d2);
  EXPECT_EQ(d2->contract_id, c2_);
  EXPECT_EQ(d2->presence_days, 80);
  EXPECT_EQ(d2->amount_cents, 240'000);
  for (const auto& l : d2->lines) EXPECT_GE(l.line.from, "2025-04-16");
  // A draft of a contract that is not the centre's, or outside the month: named, refused.
  auto unknown = draft_invoice(db(), a(), april_month, kToday, 999'999);
  ASSERT_FALSE(unknown.ok());
  expect_error(unknown.error(), ErrorKind::unprocessable, "validation_failed", "contract_id");
  auto outside = draft_invoice(db(), a(), *CivilMonth::parse("2025-03"), kToday, c2_);
  ASSERT_FALSE(outside.ok());
  expect_error(outside.error(), ErrorKind::unprocessable, "outside_contract", "contract_id");

  // Each draft submitted unchanged is its contract's invoice, with no difference.
  for (const auto* draft : {&*d1, &*d2}) {
    Invoice inv;
    inv.centre_id = a();
    inv.month = "2025-04";
    inv.number = "FT-" + std::to_string(draft->contract_id);
    inv.contract_id = draft->contract_id;
    inv.amount_cents = draft->amount_cents;
    inv.presence_days = draft->presence_days;
    inv.submitted_by = user_;
    for (const auto& l : draft->lines) inv.lines.push_back(l.line);
    auto stored = submit_invoice(db(), inv, kToday);
    ASSERT_DB_OK(stored);
    auto r = reconcile_invoice(db(), *stored, kToday);
    ASSERT_DB_OK(r);
    EXPECT_EQ(r->presence_days_difference, 0);
    EXPECT_EQ(r->amount_difference_cents, 0);
    EXPECT_TRUE(r->differences.empty());
  }
  EXPECT_EQ(count("invoices"), 2);
  // One current invoice per contract and month.
  auto twice = submit_invoice(db(), hand_made_invoice(1), kToday);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "invoice_exists");
}

// An invoice stored before invoices were per contract: the whole of April (162 days, 473,550)
// naming no contract. Submission refuses it now (contract_required); one already stored is kept
// and its reconciliation flags it, compared with the whole month (160 days, 468,000: +2 days,
// +5,550 = 3 x 2,850 - 3,000).
TEST_P(CostsTest, AnOlderWholeMonthInvoiceOverTwoContractsIsFlagged) {
  april();
  const Invoice whole = whole_month_invoice();
  auto refused = submit_invoice(db(), whole, kToday);
  ASSERT_FALSE(refused.ok());
  expect_error(refused.error(), ErrorKind::unprocessable, "contract_required", "contract_id");
  EXPECT_EQ(count("invoices"), 0);

  auto inserted = db().query(
      "INSERT INTO invoices (centre_id, month, number, amount_cents, presence_days, submitted_by, "
      "submitted_at) VALUES (?, '2025-04', 'FT-OLD', 473550, 162, ?, '2025-05-02T10:00:00Z') "
      "RETURNING id",
      {a(), user_});
  ASSERT_DB_OK(inserted);
  const std::int64_t id = (*inserted)[0].integer(0);
  for (const auto& l : whole.lines)
    ASSERT_DB_OK(db().execute("INSERT INTO invoice_lines VALUES (?, ?, ?, ?)",
                              {id, l.person_id, l.from, l.to}));
  auto old = find_invoice(db(), id);
  ASSERT_DB_OK(old);
  auto r = reconcile_invoice(db(), *old, kToday);
  ASSERT_DB_OK(r);
  EXPECT_TRUE(r->spans_contracts);
  EXPECT_EQ(to_json(*r)["spans_contracts"], true);
  EXPECT_EQ(r->computed_presence_days, 160);
  EXPECT_EQ(r->computed_amount_cents, 468'000);
  EXPECT_EQ(r->presence_days_difference, 2);
  EXPECT_EQ(r->amount_difference_cents, 5'550);
  EXPECT_FALSE(r->amount_not_matching_days);
  // While it stands, it bills both contracts: neither may be invoiced again.
  auto again = submit_invoice(db(), hand_made_invoice(2), kToday);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "invoice_exists");
}

// A termination decision taking effect on 2025-04-21 (centres::terminate_contract): C2 is in force
// 04-16..20 only, and from the 21st nothing is payable, as with no contract. C2's draft: 5 days
// of 6 present (S2 leaves on the 21st), 30 x 3,000 = 90,000; 04-21..30, 10 days of 5 present,
// flagged. An invoice of C2 running to the 30th is refused on its line.
TEST_P(CostsTest, ATerminatedContractStopsPricingDaysFromItsTermination) {
  april();
  ASSERT_DB_OK(centres::terminate_contract(db(), c2_, "2025-04-21"_day));
  const auto c = costs();
  EXPECT_EQ(c.totals.presence_days, 160);
  EXPECT_EQ(c.totals.amount_due_cents, 228'000 + 90'000);
  EXPECT_EQ(c.totals.days_without_contract, 10);
  EXPECT_EQ(c.totals.presence_days_without_contract, 50);
  EXPECT_EQ(c.days[19].contract_id, c2_);  // the 20th
  EXPECT_FALSE(c.days[20].contract_id.has_value());
  EXPECT_EQ(c.days[20].amount_cents, 0);

  const auto april_month = *CivilMonth::parse("2025-04");
  auto draft = draft_invoice(db(), a(), april_month, kToday, c2_);
  ASSERT_DB_OK(draft);
  ASSERT_EQ(draft->contracts.size(), 2u);
  EXPECT_EQ(draft->contracts[1].to, "2025-04-20");
  EXPECT_EQ(draft->presence_days, 30);
  EXPECT_EQ(draft->amount_cents, 90'000);
  for (const auto& l : draft->lines) EXPECT_LE(l.line.to, "2025-04-20");

  Invoice inv;
  inv.centre_id = a();
  inv.month = "2025-04";
  inv.number = "FT-C2";
  inv.contract_id = c2_;
  inv.submitted_by = user_;
  inv.lines = {{s1(), "2025-04-16", "2025-04-30"}};
  inv.presence_days = 15;
  inv.amount_cents = 15 * 3'000;
  auto refused = submit_invoice(db(), inv, kToday);
  ASSERT_FALSE(refused.ok());
  expect_error(refused.error(), ErrorKind::unprocessable, "outside_contract", "lines[0].to");
  EXPECT_EQ(count("invoices"), 0);
  // The draft, submitted unchanged, reconciles with no difference.
  inv.lines.clear();
  for (const auto& l : draft->lines) inv.lines.push_back(l.line);
  inv.presence_days = draft->presence_days;
  inv.amount_cents = draft->amount_cents;
  auto stored = submit_invoice(db(), inv, kToday);
  ASSERT_DB_OK(stored);
  auto r = reconcile_invoice(db(), *stored, kToday);
  ASSERT_DB_OK(r);
  EXPECT_EQ(r->presence_days_difference, 0);
  EXPECT_EQ(r->amount_difference_cents, 0);
}

TEST_P(CostsTest, AnInvoiceForAMonthOutsideItsContractIsRefused) {
  april();
  Invoice march = hand_made_invoice();
  march.month = "2025-03";
  march.contract_id = c2_;  // from 2025-04-16
  march.lines = {{person(1), "2025-03-20", "2025-03-31"}};
  march.presence_days = 12;
  march.amount_cents = 12 * 3'000;
  auto refused = submit_invoice(db(), march, kToday);
  ASSERT_FALSE(refused.ok());
  expect_error(refused.error(), ErrorKind::unprocessable, "outside_contract", "month");
  march.contract_id = 999'999;
  auto unknown = submit_invoice(db(), march, kToday);
  ASSERT_FALSE(unknown.ok());
  expect_error(unknown.error(), ErrorKind::unprocessable, "validation_failed", "contract_id");
  EXPECT_EQ(count("invoices"), 0);
}

// Point 8: unticking S2's line of C1's invoice (04-01..15: 15 x 2,850 = 42,750) without the
// amount: 83 - 15 = 68 days, worth 236,550 - 42,750 = 193,800.
TEST_P(CostsTest, AnAmountThatDoesNotMatchItsDaysIsRefusedAndFlagged) {
  april();
  Invoice inv = hand_made_invoice();
  inv.lines.pop_back();  // S2 04-01..15
  inv.presence_days = 68;
  auto refused = submit_invoice(db(), inv, kToday);
  ASSERT_FALSE(refused.ok());
  expect_error(refused.error(), ErrorKind::unprocessable, "amount_mismatch", "amount_cents");
  const auto& params = refused.error().fields.at("amount_cents").params;
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(params[0].second), 236'550 - 42'750);
  EXPECT_EQ(count("invoices"), 0);

  // An invoice stored before the check is flagged by its reconciliation.
  auto r = reconcile_invoice(db(), inv, kToday);
  ASSERT_DB_OK(r);
  EXPECT_TRUE(r->amount_not_matching_days);
  EXPECT_EQ(r->declared_days_value_cents, 193'800);
  EXPECT_EQ(to_json(*r)["expected_amount_cents"], 193'800);
  EXPECT_EQ(to_json(*r)["amount_not_matching_days"], true);

  inv.amount_cents = 193'800;
  ASSERT_DB_OK(submit_invoice(db(), inv, kToday));
}

// VAT at 5% on C2 (a social cooperative's lot). Costs: C1 228,000 at 0% and C2 240,000 at 5%:
// VAT 12,000, gross 480,000. F1 invoiced 04-16..30 on C2: 15 x 3,000 = 45,000 net, 2,250 VAT.
TEST_P(CostsTest, PricesAreNetAndVatIsAddedPerContract) {
  april(false);
  centres::Contract c;
  c.centre_id = a();
  c.cig = "C2C2C2C2C2";
  c.start_date = "2025-04-16";
  c.end_date = "2025-12-31";
  c.places = 20;
  c.price_cents = 3'000;
  c.vat_rate_percent = 5;
  auto created = centres::create_contract(db(), c);
  ASSERT_DB_OK(created);
  const auto m = costs();
  EXPECT_EQ(m.totals.amount_due_cents, 468'000);
  EXPECT_EQ(m.totals.vat_cents, 12'000);
  EXPECT_EQ(to_json(m)["totals"]["gross_due_cents"], 480'000);

  Invoice inv = hand_made_invoice();
  inv.contract_id = created->id;
  inv.lines = {{person(1), "2025-04-16", "2025-04-30"}};
  inv.presence_days = 15;
  inv.amount_cents = 45'000;
  auto stored = submit_invoice(db(), inv, kToday);
  ASSERT_DB_OK(stored);
  EXPECT_EQ(stored->vat_cents, 2'250);
  EXPECT_EQ(to_json(*stored)["gross_cents"], 47'250);

  c.cig = "C3C3C3C3C3";
  c.start_date = "2026-01-01";
  c.end_date = "2026-12-31";
  c.vat_rate_percent = 7;
  auto bad_rate = centres::create_contract(db(), c);
  ASSERT_FALSE(bad_rate.ok());
  EXPECT_EQ(bad_rate.error().fields.count("vat_rate_percent"), 1u);
  EXPECT_EQ(centres::vat_cents(1'005, 22), 221);  // 221.1
  EXPECT_EQ(centres::vat_cents(1'010, 5), 51);    // 50.5, half up
  EXPECT_EQ(centres::vat_cents(-1'010, 5), -51);
}

TEST_P(CostsTest, ASaiProjectIsNotBilledPerDay) {
  april();
  ASSERT_DB_OK(db().execute("UPDATE centres SET type = 'sai' WHERE id = ?", {a()}));
  auto draft = draft_invoice(db(), a(), *CivilMonth::parse("2025-04"), kToday);
  ASSERT_FALSE(draft.ok());
  expect_error(draft.error(), ErrorKind::unprocessable, "sai_not_per_day", "month");
  auto refused = submit_invoice(db(), hand_made_invoice(), kToday);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "sai_not_per_day");
  EXPECT_EQ(count("invoices"), 0);

  // Its funding instead: an annual budget and the state of the final report.
  ASSERT_DB_OK(set_sai_budget(db(), {a(), 2025, 12'000'000, "pending", ""}));
  ASSERT_DB_OK(set_sai_budget(db(), {a(), 2025, 12'500'000, "submitted", ""}));
  ASSERT_DB_OK(set_sai_budget(db(), {a(), 2024, 11'000'000, "approved", ""}));
  auto budgets = sai_budgets(db(), a());
  ASSERT_DB_OK(budgets);
  ASSERT_EQ(budgets->size(), 2u);
  EXPECT_EQ((*budgets)[0].year, 2025);
  EXPECT_EQ((*budgets)[0].amount_cents, 12'500'000);
  EXPECT_EQ((*budgets)[0].report_status, "submitted");
  auto not_sai = set_sai_budget(db(), {b(), 2025, 1, "pending", ""});
  ASSERT_FALSE(not_sai.ok());
  expect_error(not_sai.error(), ErrorKind::unprocessable, "not_sai", "id");
  auto bad_status = set_sai_budget(db(), {a(), 2025, 1, "lost", ""});
  ASSERT_FALSE(bad_status.ok());
  EXPECT_EQ(bad_status.error().fields.count("report_status"), 1u);
}

// A lot covers several centres; its CIG is checked and unique.
TEST_P(CostsTest, ATenderLotCoversContractsOfSeveralCentres) {
  auto lot = centres::create_lot(
      db(), {0, "A1B2C3D4E5", "Gara CAS Palermo 2025", "Lotto 2", "2025-01-01", "2025-12-31", ""});
  ASSERT_DB_OK(lot);
  for (auto centre : {a(), b()}) {
    centres::Contract c;
    c.centre_id = centre;
    c.lot_id = lot->id;
    c.start_date = "2025-01-01";
    c.end_date = "2025-12-31";
    c.places = 10;
    c.price_cents = 2'900;
    auto created = centres::create_contract(db(), c);
    ASSERT_DB_OK(created);
    EXPECT_EQ(created->cig, "A1B2C3D4E5");
    EXPECT_EQ(created->lot_id, lot->id);
  }
  auto under = centres::lot_contracts(db(), lot->id);
  ASSERT_DB_OK(under);
  EXPECT_EQ(under->size(), 2u);

  // The centres a lot covers, by name, for everyone and for the operator that runs both; none for
  // another operator.
  for (std::optional<std::int64_t> only :
       {std::optional<std::int64_t>(), std::optional(operator_id_)}) {
    auto covered = centres::lot_centres(db(), only);
    ASSERT_DB_OK(covered);
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string, std::int64_t>> rows;
    for (const auto& c : *covered)
      rows.emplace_back(c.lot_id, c.centre_id, c.centre_name, c.contracts);
    EXPECT_EQ(rows, (decltype(rows){{lot->id, a(), "Centro A", 1}, {lot->id, b(), "Centro B", 1}}));
  }
  auto elsewhere = centres::lot_centres(db(), operator_id_ + 1000);
  ASSERT_DB_OK(elsewhere);
  EXPECT_TRUE(elsewhere->empty());

  // A correction changes the tender, the name and the period, checked as on creation; the CIG
  // stays whatever the value passed.
  auto corrected = *lot;
  corrected.tender = "Gara CAS Palermo 2025 (rettificata)";
  corrected.end_date = "2026-06-30";
  corrected.cig = "ZZZZZZZZZZ";
  auto updated = centres::update_lot(db(), corrected);
  ASSERT_DB_OK(updated);
  EXPECT_EQ(updated->tender, "Gara CAS Palermo 2025 (rettificata)");
  EXPECT_EQ(updated->end_date, "2026-06-30");
  EXPECT_EQ(updated->cig, "A1B2C3D4E5");
  corrected.end_date = "2024-12-31";
  auto backwards = centres::update_lot(db(), corrected);
  ASSERT_FALSE(backwards.ok());
  expect_error(backwards.error(), ErrorKind::unprocessable, "validation_failed", "end_date");
  corrected.id = lot->id + 1000;
  corrected.end_date = "2025-12-31";
  auto missing = centres::update_lot(db(), corrected);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);

  for (const char* bad : {"a1b2c3d4e5", "A1B2C3D4E", "A1B2C3D4E5F", "A1B2-3D4E5"}) {
    auto refused = centres::create_lot(db(), {0, bad, "Gara", "", "2025-01-01", "2025-12-31", ""});
    ASSERT_FALSE(refused.ok()) << bad;
    expect_error(refused.error(), ErrorKind::unprocessable, "cig_format", "cig");
  }
  auto twice =
      centres::create_lot(db(), {0, "A1B2C3D4E5", "Gara", "", "2025-01-01", "2025-12-31", ""});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  EXPECT_EQ(count("tender_lots"), 1);

  // A contract naming only a CIG joins the lot with that CIG, or opens one.
  centres::Contract by_cig;
  by_cig.centre_id = a();
  by_cig.cig = "A1B2C3D4E5";
  by_cig.start_date = "2026-01-01";
  by_cig.end_date = "2026-06-30";
  by_cig.places = 10;
  by_cig.price_cents = 2'900;
  auto joined = centres::create_contract(db(), by_cig);
  ASSERT_DB_OK(joined);
  EXPECT_EQ(joined->lot_id, lot->id);
  by_cig.cig = "z12345678a";
  by_cig.start_date = "2026-07-01";
  by_cig.end_date = "2026-12-31";
  auto lower = centres::create_contract(db(), by_cig);
  ASSERT_FALSE(lower.ok());
  expect_error(lower.error(), ErrorKind::unprocessable, "cig_format", "cig");
}

// A credit note on C1's invoice (83 days, 236,550) takes back the three days the register does
// not support (3 x 2,850 = 8,550): the reconciliation nets it and finds no difference left.
TEST_P(CostsTest, ACreditNoteCorrectsAnInvoiceAndNeverExceedsIt) {
  april();
  auto invoice = submit_invoice(db(), hand_made_invoice(1), kToday);
  ASSERT_DB_OK(invoice);
  CreditNote note{0, invoice->id, "NC-1", "three days not due", -3, -8'550, 0, user_, ""};
  auto mismatch = note;
  mismatch.amount_cents = -8'000;
  auto refused = issue_credit_note(db(), mismatch);
  ASSERT_FALSE(refused.ok());
  expect_error(refused.error(), ErrorKind::unprocessable, "amount_mismatch", "amount_cents");
  auto issued = issue_credit_note(db(), note);
  ASSERT_DB_OK(issued);
  EXPECT_EQ(issued->vat_cents, 0);
  auto r = reconcile_invoice(db(), *invoice, kToday);
  ASSERT_DB_OK(r);
  EXPECT_EQ(r->credited_presence_days, -3);
  EXPECT_EQ(r->credited_amount_cents, -8'550);
  EXPECT_EQ(r->presence_days_difference, 0);
  EXPECT_EQ(r->amount_difference_cents, 0);

  // 80 days left to credit: 81 is refused, nothing stored.
  auto too_much = issue_credit_note(
      db(), {0, invoice->id, "NC-2", "more than declared", -81, -81 * 2'850, 0, user_, ""});
  ASSERT_FALSE(too_much.ok());
  expect_error(too_much.error(), ErrorKind::unprocessable, "credit_exceeds_invoice",
               "presence_days");
  EXPECT_EQ(count("credit_notes"), 1);
  ASSERT_DB_OK(withdraw_invoice(db(), {invoice->id, "wrong invoice number", user_}));
  auto withdrawn = issue_credit_note(db(), note);
  ASSERT_FALSE(withdrawn.ok());
  EXPECT_EQ(withdrawn.error().code, "invoice_already_withdrawn");
}

INSTANTIATE_TEST_SUITE_P(Engines, CostsTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

// Migration 16 rebuilds the invoice tables on SQLite (a table's UNIQUE cannot be dropped there):
// invoices submitted before it keep their rows, lines and ids, and can then be withdrawn.
class InvoiceMigrationTest : public storage_test::ReceptionTest {
 protected:
  void SetUp() override { set_up_reception({10, 0, 10, 0}, 16); }
};

TEST_P(InvoiceMigrationTest, InvoicesSubmittedBeforeWithdrawalsExistAreKept) {
  if (IsSkipped() || HasFatalFailure()) return;
  add_person("Ahmadi", "Farid", "AF");
  add_person("Haque", "Rahim", "BD");
  auto invoice = db().query(
      "INSERT INTO invoices (centre_id, month, number, amount_cents, presence_days, submitted_by, "
      "submitted_at, note) VALUES (?, '2025-04', 'FT-1', 5700, 2, ?, '2025-05-02T10:00:00Z', "
      "'old') RETURNING id",
      {a(), user_});
  ASSERT_DB_OK(invoice);
  const std::int64_t id = (*invoice)[0].integer(0);
  for (int p : {1, 2})
    ASSERT_DB_OK(db().execute("INSERT INTO invoice_lines VALUES (?, ?, '2025-04-01', '2025-04-01')",
                              {id, person(p)}));

  ASSERT_DB_OK(db::migrate(pool(), app::all_migrations(engine())));
  auto kept = find_invoice(db(), id);
  ASSERT_DB_OK(kept);
  EXPECT_EQ(kept->number, "FT-1");
  EXPECT_EQ(kept->note, "old");
  EXPECT_EQ(kept->amount_cents, 5700);
  EXPECT_FALSE(kept->withdrawn());
  ASSERT_EQ(kept->lines.size(), 2u);
  EXPECT_EQ(kept->lines[0].person_id, person(1));
  if (engine() == db::Engine::sqlite) {
    auto broken = db().query("PRAGMA foreign_key_check");
    ASSERT_DB_OK(broken);
    EXPECT_TRUE(broken->empty());
  }
  // The lines still point at their invoice, and the invoice can now be withdrawn.
  auto orphan = db().execute(
      "INSERT INTO invoice_lines VALUES (999999, ?, '2025-04-01', '2025-04-01')", {person(1)});
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, "foreign_key_violation");
  auto withdrawn = withdraw_invoice(db(), {id, "number typed wrong", user_});
  ASSERT_DB_OK(withdrawn);
  EXPECT_TRUE(withdrawn->withdrawn());
  auto next = db().execute(
      "INSERT INTO invoices (centre_id, month, number, amount_cents, presence_days, submitted_by, "
      "submitted_at, replaces_id) VALUES (?, '2025-04', 'FT-2', 5700, 2, ?, '2025-05-03', ?)",
      {a(), user_, id});
  ASSERT_DB_OK(next);
}

INSTANTIATE_TEST_SUITE_P(Engines, InvoiceMigrationTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::reception
