// Money beside the daily price (issue 9 point 1, decision 0019): pocket money, the phone card and
// the first-entry kit are lines of the tender of their own, paid on receipts signed by the guest.
// A handover records one of them given to a guest (person, day, item, amount for pocket money,
// and the signed receipt: an uploaded sheet or a signature drawn on a tablet, both stored as a
// document of the documents module). What is due comes from the register and the suspensions of
// pocket money (a reduction measure); money.h sets the two side by side.
// A wrong handover is cancelled with a reason, never edited or deleted: it stays listed.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "centres/centres.h"
#include "core/civil_day.h"
#include "core/field_error.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "documents/owners.h"

namespace innet::reception {

inline constexpr const char* kPocketMoney = "pocket_money";
inline constexpr const char* kPhoneCard = "phone_card";
inline constexpr const char* kFirstEntryKit = "first_entry_kit";
// pocket_money, phone_card, first_entry_kit
const std::vector<std::string>& handover_items();
// upload (a signed sheet, scanned or photographed), signature (drawn on a tablet's screen)
const std::vector<std::string>& receipt_kinds();
// The 2024 scheme's phone card: EUR 5, once per reception path; what a day without a contract
// owes (a contract carries its own price, default the same).
inline constexpr std::int64_t kPhoneCardCents = 500;
// The price of a one-off item (phone card, kit) under `contract`, the contract in force where and
// when it is due or given (none: the scheme's EUR 5 card, an unpriced kit); pocket money has none.
std::int64_t one_off_price(const std::string& item, const centres::Contract* contract);
// The documents module's owner kind of a receipt.
inline constexpr const char* kReceiptOwnerKind = "handover.receipt";

// The refusals of this file that the shared vocabulary (core/field_error.h) has no word for.
struct HandoverErrors {
  // A phone card or kit is given once per reception path: the handover that gave it.
  static FieldError already_handed_over(std::string item, std::int64_t handover_id);
  // amount_cents and month belong to pocket money only.
  static FieldError only_for_pocket_money();
};

struct Handover {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::int64_t person_id = 0;
  std::int64_t placement_id = 0;     // the placement covering handed_on
  std::string item;                  // one of handover_items()
  std::string handed_on;             // the day the guest signed
  std::optional<std::string> month;  // pocket money: the month it pays (YYYY-MM)
  std::int64_t amount_cents = 0;     // pocket money: given; card, kit: one_off_price() that day
  std::string receipt_kind;          // one of receipt_kinds()
  std::int64_t document_id = 0;      // the receipt
  std::int64_t recorded_by = 0;
  std::string recorded_at;
  // Set together when the handover is cancelled.
  std::optional<std::string> cancelled_at;
  std::optional<std::int64_t> cancelled_by;
  std::optional<std::string> cancel_reason;
};

struct NewHandover {
  std::int64_t centre_id = 0;
  std::int64_t person_id = 0;
  std::string item;
  CivilDay handed_on = kEarliestDay;
  std::optional<CivilMonth> month;           // pocket money only; default: handed_on's month
  std::optional<std::int64_t> amount_cents;  // pocket money only, required there
  std::string receipt_kind;
  std::int64_t document_id = 0;
  std::int64_t recorded_by = 0;
};

// Checks then stores a handover inside the caller's transaction (the caller links the receipt in
// the same transaction). Refusals name the field, nothing is written:
//   422 future_date          handed_on after today
//   422 not_placed_on        person_id: not a guest of the centre on handed_on, nor leaving it
//                            that day (the credit is returned at exit); the same answer for a
//                            person of another operator or none
//   422 not_placed           month: the guest was not placed at the centre in that month, or the
//                            month is after handed_on's
//   422 validation_failed    amount_cents missing for pocket money; amount_cents or month given
//                            for another item (only_for_pocket_money)
//   409 already_handed_over  item: the phone card or kit was given on this reception path already
Result<Handover> record_handover(db::Connection& conn, const NewHandover& h, CivilDay today);
// Cancels a handover with the reason (409 already_cancelled when it is).
Result<Handover> cancel_handover(db::Connection& conn, std::int64_t id, const std::string& reason,
                                 std::int64_t user_id);
Result<Handover> find_handover(db::Connection& conn, std::int64_t id);
// The handovers of these persons, every centre, cancelled ones included, by day then id.
Result<std::vector<Handover>> handovers_of_persons(db::Connection& conn,
                                                   const std::vector<std::int64_t>& person_ids);

// A suspension of pocket money decided by the Prefettura (a reduction measure, L. 50/2023) for a
// breach of the centre's rules, beside those decided on a notice of absence (absences.h): no
// pocket money is due for [from, until).
struct PocketMoneySuspension {
  std::int64_t id = 0;  // 0 for one decided on a notice of absence
  std::int64_t person_id = 0;
  std::optional<std::int64_t> placement_id;
  std::optional<std::int64_t> notice_id;  // decided on that notice of absence
  std::string from;
  std::string until;  // first day after
  std::optional<std::string> reason;
  std::optional<std::int64_t> decided_by;
  std::optional<std::string> decided_at;
};
struct NewSuspension {
  std::int64_t centre_id = 0;
  std::int64_t person_id = 0;
  CivilDay from = kEarliestDay;
  CivilDay until = kEarliestDay;
  std::string reason;
  std::int64_t decided_by = 0;
};
// Refused: until not after from (400 validation_failed, until); from in the future (422
// future_date); until less than 30 days or more than 6 months after from (422 measure_period,
// until, as a reduction decided on a notice); the period not within one placement of the person at
// the centre (422 not_placed_on, person_id).
Result<PocketMoneySuspension> suspend_pocket_money(db::Connection& conn, const NewSuspension& s,
                                                   CivilDay today);
// Every suspension of these persons (both kinds), by person then first day.
Result<std::map<std::int64_t, std::vector<PocketMoneySuspension>>> suspensions_of(
    db::Connection& conn, const std::vector<std::int64_t>& person_ids);

const api::ObjectType<Handover>& handover_type();
const api::ObjectType<PocketMoneySuspension>& suspension_type();

std::vector<db::Migration> handover_migrations(db::Engine engine);

// Receipts: read by whoever may read the centre's handovers (routes.cc).
documents::Owner receipt_owner();

}  // namespace innet::reception
