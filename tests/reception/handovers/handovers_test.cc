// Money beside the daily price on both engines, on an April worked out by hand (decision 0019).
//
// Centre A, April 2025 ("today" 2025-05-10). One contract all year at EUR 30.00, pocket money
// EUR 2.50 per person per day, at most EUR 7.50 per family.
//   Family F (F1..F4, a family group) arrives at A on 04-01: present 30 days. F1's pocket money is
//     suspended 04-01..04-30 (until 05-01; 30 days, the shortest suspension). Every day F2, F3,
//     F4 get 250 each (3 x 250 = 750, the cap: the suspension changes nothing for the family):
//     F1 0; F2, F3 and F4 7,500 each; the family 22,500.
//   S1 arrives at A on 04-11: present 20 days; suspended from 04-21 (until 05-21): 10 days due,
//     2,500.
//   S2 is at B since 03-01 and transferred to A on 04-21: 10 days at A, 2,500. Its phone card was
//     given at B on 03-05: a transfer continues the path, so A owes none and may give none.
//   Pocket money due at A: 22,500 + 2,500 + 2,500 = 27,500.
// Handovers at A: pocket money for April F1 3,760 (although suspended), F2 6,260, F3 6,240,
//   F4 6,000 (1,500 short),
//   S1 2,500, S2 2,000 on 05-02 (paid after the month; 500 short); S1 5,000 recorded by mistake
//   and cancelled. Handed over 26,760: difference -740.
//   Phone card: F1..F4 (4 x 500); due for the 5 paths begun at A in April (F x 4, S1): 2,500
//   due, 2,000 handed over, S1's missing. Kit: 5 due, 5 given.
#include "reception/handovers/handovers.h"

#include <tuple>

#include "documents/documents.h"
#include "reception/handovers/money.h"
#include "reception/placements/placements.h"
#include "support/days.h"
#include "support/reception_fixture.h"

namespace innet::reception {
namespace {

const CivilDay kToday = "2025-05-10"_day;

class HandoversTest : public storage_test::ReceptionTest {
 protected:
  void SetUp() override {
    set_up_reception({10, 0, 10, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    auto family = people::create_family_group(db(), "Famiglia Karimi");
    ASSERT_DB_OK(family);
    for (const char* given : {"Ali", "Sara", "Reza", "Mina"})
      add_person("Karimi", given, "AF", family->id);
    add_person("Sow", "Ibrahima", "SN");
    add_person("Rahman", "Abdul", "BD");
    centres::Contract c;
    c.centre_id = a();
    c.cig = "A1A1A1A1A1";
    c.start_date = "2025-01-01";
    c.end_date = "2025-12-31";
    c.places = 20;
    c.price_cents = 3000;
    ASSERT_DB_OK(centres::create_contract(db(), c));
    auto doc = documents::store_document(db(), "%PDF-1.4\n%%EOF", {"application/pdf", "pdf"},
                                         "ricevuta.pdf", user_);
    ASSERT_DB_OK(doc);
    document_ = doc->id;
  }

  std::int64_t s1() const { return person(5); }
  std::int64_t s2() const { return person(6); }

  void arrive(std::vector<std::int64_t> ids, std::int64_t centre, CivilDay date,
              centres::Category category) {
    Arrival arrival;
    arrival.person_ids = std::move(ids);
    arrival.centre_id = centre;
    arrival.category = category;
    arrival.date = date;
    ASSERT_DB_OK(place(db(), arrival, kToday));
  }

  Result<Handover> give(std::int64_t centre, std::int64_t person, const std::string& item,
                        CivilDay day, std::optional<std::int64_t> cents = std::nullopt,
                        std::optional<CivilMonth> month = std::nullopt) {
    return record_handover(
        db(), {centre, person, item, day, month, cents, "signature", document_, user_}, kToday);
  }

  Result<PocketMoneySuspension> suspend(std::int64_t centre, std::int64_t person, CivilDay from,
                                        CivilDay until) {
    return suspend_pocket_money(db(), {centre, person, from, until, "breach of the rules", user_},
                                kToday);
  }

  void april() {
    arrive({person(1), person(2), person(3), person(4)}, a(), "2025-04-01"_day,
           centres::Category::families);
    arrive({s2()}, b(), "2025-03-01"_day, centres::Category::single_men);
    arrive({s1()}, a(), "2025-04-11"_day, centres::Category::single_men);
    ASSERT_DB_OK(give(b(), s2(), kPhoneCard, "2025-03-05"_day));
    Transfer t;
    t.person_ids = {s2()};
    t.to_centre_id = a();
    t.date = "2025-04-21"_day;
    ASSERT_DB_OK(transfer(db(), t, kToday));
    ASSERT_DB_OK(suspend(a(), person(1), "2025-04-01"_day, "2025-05-01"_day));
    ASSERT_DB_OK(suspend(a(), s1(), "2025-04-21"_day, "2025-05-21"_day));
  }

  void april_handovers() {
    const auto month = CivilMonth::parse("2025-04");
    const std::vector<std::int64_t> family = {3760, 6260, 6240, 6000};
    for (int i = 1; i <= 4; ++i) {
      ASSERT_DB_OK(give(a(), person(i), kPocketMoney, "2025-04-30"_day, family[i - 1]));
      ASSERT_DB_OK(give(a(), person(i), kPhoneCard, "2025-04-01"_day));
      ASSERT_DB_OK(give(a(), person(i), kFirstEntryKit, "2025-04-01"_day));
    }
    ASSERT_DB_OK(give(a(), s1(), kPocketMoney, "2025-04-30"_day, 2500));
    ASSERT_DB_OK(give(a(), s1(), kFirstEntryKit, "2025-04-11"_day));
    ASSERT_DB_OK(give(a(), s2(), kPocketMoney, "2025-05-02"_day, 2000, month));
    auto mistake = give(a(), s1(), kPocketMoney, "2025-04-30"_day, 5000);
    ASSERT_DB_OK(mistake);
    ASSERT_DB_OK(cancel_handover(db(), mistake->id, "recorded twice by mistake", user_));
  }

  std::int64_t count(const char* table) {
    auto rows = db().query(std::string("SELECT COUNT(*) FROM ") + table, {});
    return rows.ok() ? (*rows)[0].integer(0) : -1;
  }

  std::int64_t document_ = 0;
};

TEST_P(HandoversTest, DueAgainstHandedOverInTheMonthlyCosts) {
  april();
  april_handovers();
  auto costs = monthly_costs(db(), a(), *CivilMonth::parse("2025-04"), kToday);
  ASSERT_DB_OK(costs);
  EXPECT_EQ(costs->totals.pocket_money_due_cents, 27'500);
  std::map<std::int64_t, const PersonCost*> by_id;
  for (const auto& p : costs->persons) by_id[p.person_id] = &p;
  // Person 1 suspended all April (30 days, the shortest suspension): the family's EUR 7.50 a
  // day goes to the other three, EUR 2.50 each, 30 days.
  EXPECT_EQ(by_id[person(1)]->pocket_money_cents, 0);
  EXPECT_EQ(by_id[person(1)]->suspended_days, 30);
  EXPECT_EQ(by_id[person(2)]->pocket_money_cents, 7'500);
  EXPECT_EQ(by_id[person(3)]->pocket_money_cents, 7'500);
  EXPECT_EQ(by_id[person(4)]->pocket_money_cents, 7'500);
  EXPECT_EQ(by_id[s1()]->pocket_money_cents, 2'500);
  EXPECT_EQ(by_id[s1()]->suspended_days, 10);
  EXPECT_EQ(by_id[s2()]->pocket_money_cents, 2'500);

  ASSERT_EQ(costs->money.size(), 3u);
  const auto& pocket = costs->money[0];
  EXPECT_EQ(pocket.item, kPocketMoney);
  EXPECT_EQ(pocket.due_cents, 27'500);
  EXPECT_EQ(pocket.handed_over_cents, 26'760);
  const auto& card = costs->money[1];
  EXPECT_EQ(card.item, kPhoneCard);
  EXPECT_EQ(card.due_count, 5);
  EXPECT_EQ(card.handed_over_count, 4);
  EXPECT_EQ(card.due_cents, 2'500);
  EXPECT_EQ(card.handed_over_cents, 2'000);
  const auto& kit = costs->money[2];
  EXPECT_EQ(kit.due_count, 5);
  EXPECT_EQ(kit.handed_over_count, 5);
  EXPECT_EQ(kit.due_cents, 0);
  EXPECT_EQ(monthly_costs_type().to_json(*costs)["money"][0]["difference_cents"], -740);
}

// Per-contract prices (decision 0027). Centre B, April 2025: K1 until 04-15 prices the phone card
// at EUR 8.00 and the kit at EUR 35.00; K2 from 04-16 at EUR 10.00 and EUR 40.00. S1 arrives on
// 04-10 (K1), S2 and F1 on 04-20 (K2). Due: card 800 + 2 x 1,000 = 2,800; kit 3,500 + 2 x 4,000 =
// 11,500. Given: S1's card (800) and kit (3,500) on 04-10, S2's card on 04-20 (1,000): card
// 1,800 in 2, kit 3,500 in 1.
TEST_P(HandoversTest, PhoneCardAndKitAtThePricesOfTheContractInForce) {
  for (auto [from, to, card, kit, cig] :
       {std::tuple{"2025-01-01", "2025-04-15", 800, 3'500, "B1B1B1B1B1"},
        std::tuple{"2025-04-16", "2025-12-31", 1'000, 4'000, "B2B2B2B2B2"}}) {
    centres::Contract c;
    c.centre_id = b();
    c.cig = cig;
    c.start_date = from;
    c.end_date = to;
    c.places = 20;
    c.price_cents = 3000;
    c.phone_card_cents = card;
    c.kit_cents = kit;
    auto created = centres::create_contract(db(), c);
    ASSERT_DB_OK(created);
    EXPECT_EQ(created->phone_card_cents, card);
    EXPECT_EQ(created->kit_cents, kit);
  }
  arrive({s1()}, b(), "2025-04-10"_day, centres::Category::single_men);
  arrive({s2()}, b(), "2025-04-20"_day, centres::Category::single_men);
  arrive({person(1)}, b(), "2025-04-20"_day, centres::Category::families);
  auto card1 = give(b(), s1(), kPhoneCard, "2025-04-10"_day);
  ASSERT_DB_OK(card1);
  EXPECT_EQ(card1->amount_cents, 800);
  auto kit1 = give(b(), s1(), kFirstEntryKit, "2025-04-10"_day);
  ASSERT_DB_OK(kit1);
  EXPECT_EQ(kit1->amount_cents, 3'500);
  auto card2 = give(b(), s2(), kPhoneCard, "2025-04-20"_day);
  ASSERT_DB_OK(card2);
  EXPECT_EQ(card2->amount_cents, 1'000);

  auto costs = monthly_costs(db(), b(), *CivilMonth::parse("2025-04"), kToday);
  ASSERT_DB_OK(costs);
  const auto& card = costs->money[1];
  EXPECT_EQ(card.due_count, 3);
  EXPECT_EQ(card.due_cents, 2'800);
  EXPECT_EQ(card.handed_over_count, 2);
  EXPECT_EQ(card.handed_over_cents, 1'800);
  const auto& kit = costs->money[2];
  EXPECT_EQ(kit.due_count, 3);
  EXPECT_EQ(kit.due_cents, 11'500);
  EXPECT_EQ(kit.handed_over_count, 1);
  EXPECT_EQ(kit.handed_over_cents, 3'500);
  EXPECT_EQ(monthly_costs_type().to_json(*costs)["money"][2]["difference_cents"], -8'000);
}

TEST_P(HandoversTest, PerGuestAndOncePerReceptionPath) {
  april();
  april_handovers();
  auto money = centre_month_money(db(), a(), *CivilMonth::parse("2025-04"), kToday);
  ASSERT_DB_OK(money);
  std::map<std::int64_t, const GuestMoney*> by_id;
  for (const auto& g : money->guests) by_id[g.person_id] = &g;
  EXPECT_EQ(by_id[person(4)]->pocket_money_due_cents, 7'500);
  EXPECT_EQ(by_id[person(4)]->pocket_money_handed_over_cents, 6'000);
  EXPECT_EQ(by_id[s1()]->pocket_money_handed_over_cents, 2'500);  // the cancelled one not counted
  EXPECT_EQ(by_id[s1()]->phone_card, "missing");
  EXPECT_EQ(by_id[s1()]->first_entry_kit, "handed_over");
  EXPECT_EQ(by_id[s2()]->pocket_money_handed_over_cents, 2'000);  // paid in May for April
  EXPECT_EQ(by_id[s2()]->phone_card, "handed_over");              // at B, same path
  EXPECT_EQ(by_id[s2()]->first_entry_kit, "other_centre");        // B owes it
  EXPECT_EQ(money->suspensions.size(), 2u);
  // F 4 x 3, S1 pocket money, kit and the cancelled one, S2 paid in May for April; not B's card.
  EXPECT_EQ(money->handovers.size(), 16u);

  // A transfer continues the path: A may not give S2 a second phone card.
  auto again = give(a(), s2(), kPhoneCard, "2025-04-25"_day);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "already_handed_over");
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

TEST_P(HandoversTest, OutsideAPlacementNothingIsStored) {
  april();
  const auto handovers = count("money_handovers"), suspensions = count("pocket_money_suspensions");
  // Before S1's arrival; S2 while still at B; a month S1 never spent at A.
  for (auto [person, day] : {std::pair{s1(), "2025-04-05"_day}, {s2(), "2025-04-10"_day}}) {
    auto r = give(a(), person, kPocketMoney, day, 1000);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "not_placed_on");
    EXPECT_TRUE(r.error().fields.contains("person_id"));
  }
  auto march = give(a(), s1(), kPocketMoney, "2025-04-30"_day, 1000, CivilMonth::parse("2025-03"));
  ASSERT_FALSE(march.ok());
  EXPECT_EQ(march.error().code, "not_placed");
  auto card_amount = give(a(), s1(), kPhoneCard, "2025-04-30"_day, 500);
  ASSERT_FALSE(card_amount.ok());
  EXPECT_TRUE(card_amount.error().fields.contains("amount_cents"));
  auto future = give(a(), s1(), kPocketMoney, "2025-05-11"_day, 1000);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().code, "future_date");
  // A suspension before the arrival, and one running past S2's stay at B.
  auto early = suspend(a(), s1(), "2025-04-01"_day, "2025-05-01"_day);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "not_placed_on");
  auto past_stay = suspend(b(), s2(), "2025-04-15"_day, "2025-05-15"_day);
  ASSERT_FALSE(past_stay.ok());
  EXPECT_EQ(past_stay.error().code, "not_placed_on");
  EXPECT_EQ(count("money_handovers"), handovers);
  EXPECT_EQ(count("pocket_money_suspensions"), suspensions);
}

TEST_P(HandoversTest, ACancellationIsKeptWithItsReasonAndHappensOnce) {
  april();
  auto h = give(a(), s1(), kPocketMoney, "2025-04-30"_day, 1000);
  ASSERT_DB_OK(h);
  auto cancelled = cancel_handover(db(), h->id, "wrong amount, recorded again", user_);
  ASSERT_DB_OK(cancelled);
  EXPECT_EQ(cancelled->cancel_reason, "wrong amount, recorded again");
  EXPECT_TRUE(cancelled->cancelled_at.has_value());
  auto twice = cancel_handover(db(), h->id, "again and again", user_);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "already_cancelled");
  // The phone card cancelled may be given again on the path.
  auto card = give(a(), s1(), kPhoneCard, "2025-04-11"_day);
  ASSERT_DB_OK(card);
  ASSERT_DB_OK(cancel_handover(db(), card->id, "given to the wrong guest", user_));
  EXPECT_TRUE(give(a(), s1(), kPhoneCard, "2025-04-12"_day).ok());
}

TEST_P(HandoversTest, TheCreditIsHandedOverOnTheDayOfExitNotAfter) {
  april();
  Exit e;
  e.person_ids = {s1()};
  e.date = "2025-04-25"_day;
  e.reason = "left_voluntarily";
  ASSERT_DB_OK(record_exit(db(), e, kToday));
  // 04-11..04-20 due (the suspension runs from 04-21): the balance paid as the guest leaves.
  EXPECT_TRUE(give(a(), s1(), kPocketMoney, "2025-04-25"_day, 2500).ok());
  auto later = give(a(), s1(), kPocketMoney, "2025-04-26"_day, 100);
  ASSERT_FALSE(later.ok());
  EXPECT_EQ(later.error().code, "not_placed_on");
}

INSTANTIATE_TEST_SUITE_P(Engines, HandoversTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::reception
