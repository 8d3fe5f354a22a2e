#include "reception/handovers/handovers.h"

#include <algorithm>

#include "core/clock.h"
#include "db/query.h"
#include "reception/absences/absences.h"
#include "reception/handovers/paths.h"
#include "reception/placements/placements.h"

namespace innet::reception {
namespace {

constexpr const char* kColumns =
    "id, centre_id, person_id, placement_id, item, handed_on, month, amount_cents, receipt_kind, "
    "document_id, recorded_by, recorded_at, cancelled_at, cancelled_by, cancel_reason";

Handover from_row(const db::Row& r) {
  return {r.integer(0),  r.integer(1),  r.integer(2),   r.integer(3),      r.text(4),
          r.text(5),     r.opt_text(6), r.integer(7),   r.text(8),         r.integer(9),
          r.integer(10), r.text(11),    r.opt_text(12), r.opt_integer(13), r.opt_text(14)};
}

Error field(ErrorKind kind, const char* code, const std::string& name, FieldError why) {
  return Error::rule(kind, code, name, std::move(why));
}

// The placement of the person at the centre covering `day`; with `exit_day`, also the one that
// ended that day (a placement covers [start, end): the exit day is not a day of the stay, but it
// is the day the guest's credit is handed over before leaving).
Result<std::optional<Placement>> placement_on(db::Connection& conn, std::int64_t centre_id,
                                              std::int64_t person_id, const std::string& day,
                                              bool exit_day = false) {
  INNET_ASSIGN_OR_RETURN(auto all, person_placements(conn, person_id));
  for (auto& p : all)
    if (p.centre_id == centre_id && p.start_date <= day && (!p.end_date || day < *p.end_date))
      return std::optional<Placement>(std::move(p));
  if (exit_day)
    for (auto& p : all)
      if (p.centre_id == centre_id && p.end_date == day)
        return std::optional<Placement>(std::move(p));
  return std::optional<Placement>();
}

}  // namespace

const std::vector<std::string>& handover_items() {
  static const std::vector<std::string> all = {kPocketMoney, kPhoneCard, kFirstEntryKit};
  return all;
}

const std::vector<std::string>& receipt_kinds() {
  static const std::vector<std::string> all = {"upload", "signature"};
  return all;
}

FieldError HandoverErrors::already_handed_over(std::string item, std::int64_t handover_id) {
  std::string message = item + " was handed over on this reception path already (handover " +
                        std::to_string(handover_id) + ")";
  return {"already_handed_over",
          {{"item", std::move(item)}, {"handover", handover_id}},
          std::move(message)};
}

FieldError HandoverErrors::only_for_pocket_money() {
  return {"only_for_pocket_money", {}, "only a handover of pocket money has an amount and a month"};
}

std::int64_t one_off_price(const std::string& item, const centres::Contract* contract) {
  if (item == kPhoneCard) return contract ? contract->phone_card_cents : kPhoneCardCents;
  if (item == kFirstEntryKit) return contract ? contract->kit_cents : 0;
  return 0;
}

Result<Handover> record_handover(db::Connection& conn, const NewHandover& h, CivilDay today) {
  if (h.handed_on > today)
    return field(ErrorKind::unprocessable, "future_date", "handed_on", FieldError::future_date());
  const bool pocket = h.item == kPocketMoney;
  if (!pocket && h.amount_cents)
    return Error::field(ErrorKind::unprocessable, "amount_cents",
                        HandoverErrors::only_for_pocket_money());
  if (!pocket && h.month)
    return Error::field(ErrorKind::unprocessable, "month", HandoverErrors::only_for_pocket_money());
  if (pocket && !h.amount_cents)
    return Error::field(ErrorKind::unprocessable, "amount_cents", FieldError::required());
  if (pocket && *h.amount_cents < 1)
    return Error::field(ErrorKind::unprocessable, "amount_cents", FieldError::below_minimum(1));

  const std::string day = h.handed_on.to_string();
  INNET_ASSIGN_OR_RETURN(auto placement,
                         placement_on(conn, h.centre_id, h.person_id, day, /*exit_day=*/true));
  if (!placement)
    return field(ErrorKind::unprocessable, "not_placed_on", "person_id",
                 FieldError::not_placed_on(h.person_id, day));

  std::optional<std::string> month;
  std::int64_t amount = 0;
  if (pocket) {
    const CivilMonth paid = h.month.value_or(CivilMonth::of(h.handed_on));
    month = paid.to_string();
    // The month paid: one the guest spent (some day of it) at this centre, not after the day of
    // the handover (pocket money is not paid in advance).
    INNET_ASSIGN_OR_RETURN(auto placed, placements_between(conn, h.centre_id, paid.first_day(),
                                                           paid.next().first_day()));
    const bool guest = std::any_of(placed.begin(), placed.end(),
                                   [&](const Placement& p) { return p.person_id == h.person_id; });
    if (!guest || paid > CivilMonth::of(h.handed_on))
      return field(ErrorKind::unprocessable, "not_placed", "month", FieldError::not_placed(*month));
    amount = *h.amount_cents;
  } else {
    // Once per reception path: a transfer continues the path, so the receiving centre gives
    // none if an earlier centre of the path did.
    INNET_ASSIGN_OR_RETURN(auto path, path_of(conn, placement->id));
    db::Params params(path.begin(), path.end());
    params.push_back(h.item);
    INNET_ASSIGN_OR_RETURN(
        auto given, conn.query("SELECT id FROM money_handovers WHERE placement_id IN (" +
                                   db::placeholders(path.size()) +
                                   ") AND item = ? AND cancelled_at IS NULL ORDER BY id LIMIT 1",
                               params));
    if (!given.empty())
      return field(ErrorKind::conflict, "already_handed_over", "item",
                   HandoverErrors::already_handed_over(h.item, given[0].integer(0)));
    // At the price of the contract in force at the centre that day.
    INNET_ASSIGN_OR_RETURN(auto contract, centres::contract_on(conn, h.centre_id, h.handed_on));
    amount = one_off_price(h.item, contract ? &*contract : nullptr);
  }

  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO money_handovers (centre_id, person_id, placement_id, item, "
                 "handed_on, month, amount_cents, receipt_kind, document_id, recorded_by, "
                 "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {h.centre_id, h.person_id, placement->id, h.item, day, db::optional_value(month),
                  amount, h.receipt_kind, h.document_id, h.recorded_by, clock::now_iso()}));
  return find_handover(conn, rows[0].integer(0));
}

Result<Handover> find_handover(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM money_handovers WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("handover");
  return from_row(rows[0]);
}

Result<Handover> cancel_handover(db::Connection& conn, std::int64_t id, const std::string& reason,
                                 std::int64_t user_id) {
  INNET_ASSIGN_OR_RETURN(
      auto changed,
      conn.execute("UPDATE money_handovers SET cancelled_at = ?, cancelled_by = ?, cancel_reason = "
                   "? WHERE id = ? AND cancelled_at IS NULL",
                   {clock::now_iso(), user_id, reason, id}));
  INNET_ASSIGN_OR_RETURN(auto handover, find_handover(conn, id));
  if (changed == 0)
    return Error::make(ErrorKind::conflict, "already_cancelled",
                       "this handover was cancelled on " + handover.cancelled_at.value_or(""));
  return handover;
}

Result<std::vector<Handover>> handovers_of_persons(db::Connection& conn,
                                                   const std::vector<std::int64_t>& person_ids) {
  std::vector<Handover> out;
  if (person_ids.empty()) return out;
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM money_handovers WHERE person_id IN (" +
                     db::placeholders(person_ids.size()) + ") ORDER BY handed_on, id",
                 db::Params(person_ids.begin(), person_ids.end())));
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

Result<PocketMoneySuspension> suspend_pocket_money(db::Connection& conn, const NewSuspension& s,
                                                   CivilDay today) {
  if (s.until <= s.from)
    return Error::field(ErrorKind::invalid_input, "until", FieldError::before_other("from"));
  if (s.from > today)
    return field(ErrorKind::unprocessable, "future_date", "from", FieldError::future_date());
  // The same bounds as a reduction decided on a notice of absence.
  INNET_TRY(check_measure_period(s.from, s.until, "until"));
  const std::string from = s.from.to_string(), until = s.until.to_string();
  INNET_ASSIGN_OR_RETURN(auto placement, placement_on(conn, s.centre_id, s.person_id, from));
  // The whole period within the placement: a suspension outside a stay suspends nothing.
  if (!placement || (placement->end_date && until > *placement->end_date))
    return field(ErrorKind::unprocessable, "not_placed_on", "person_id",
                 FieldError::not_placed_on(s.person_id, placement ? *placement->end_date : from));
  const std::string now = clock::now_iso();
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO pocket_money_suspensions (person_id, placement_id, "
                 "from_date, until_date, reason, decided_by, decided_at) VALUES (?, ?, "
                 "?, ?, ?, ?, ?) RETURNING id",
                 {s.person_id, placement->id, from, until, s.reason, s.decided_by, now}));
  return PocketMoneySuspension{rows[0].integer(0), s.person_id,  placement->id,
                               std::nullopt,       from,         until,
                               s.reason,           s.decided_by, now};
}

Result<std::map<std::int64_t, std::vector<PocketMoneySuspension>>> suspensions_of(
    db::Connection& conn, const std::vector<std::int64_t>& person_ids) {
  std::map<std::int64_t, std::vector<PocketMoneySuspension>> out;
  if (person_ids.empty()) return out;
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT id, person_id, placement_id, from_date, until_date, reason, decided_by, "
                 "decided_at FROM pocket_money_suspensions WHERE person_id IN (" +
                     db::placeholders(person_ids.size()) + ")",
                 db::Params(person_ids.begin(), person_ids.end())));
  for (const auto& r : rows)
    out[r.integer(1)].push_back({r.integer(0), r.integer(1), r.integer(2), std::nullopt, r.text(3),
                                 r.text(4), r.text(5), r.integer(6), r.text(7)});
  INNET_ASSIGN_OR_RETURN(auto on_notices, pocket_money_suspensions(conn, person_ids));
  for (const auto& [person, list] : on_notices)
    for (const auto& s : list)
      out[person].push_back({0, person, std::nullopt, s.notice_id, s.from, s.until, std::nullopt,
                             std::nullopt, std::nullopt});
  for (auto& [person, list] : out)
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return a.from < b.from; });
  return out;
}

const api::ObjectType<Handover>& handover_type() {
  static const auto type =
      api::ObjectType<Handover>("Handover",
                                "pocket money, a phone card or a first-entry kit "
                                "handed to a guest against a signed receipt")
          .field("id", &Handover::id)
          .field("centre_id", &Handover::centre_id)
          .field("person_id", &Handover::person_id)
          .field("placement_id", &Handover::placement_id)
          .field("item", &Handover::item, {.allowed = handover_items()})
          .field("handed_on", &Handover::handed_on, {.format = "date"})
          .field("month", &Handover::month,
                 {.description = "pocket money: the month it pays (YYYY-MM)"})
          .field("amount_cents", &Handover::amount_cents,
                 {.description = "pocket money as given; the phone card EUR 5; the kit 0 (goods)"})
          .field("receipt_kind", &Handover::receipt_kind, {.allowed = receipt_kinds()})
          .field("document_id", &Handover::document_id, {.description = "the signed receipt"})
          .field("recorded_by", &Handover::recorded_by)
          .field("recorded_at", &Handover::recorded_at, {.format = "date-time"})
          .field("status",
                 [](const Handover& h) {
                   return std::string(h.cancelled_at ? "cancelled" : "recorded");
                 },
                 {.allowed = {"recorded", "cancelled"}})
          .field("cancelled_at", &Handover::cancelled_at, {.format = "date-time"})
          .field("cancelled_by", &Handover::cancelled_by)
          .field("cancel_reason", &Handover::cancel_reason);
  return type;
}

const api::ObjectType<PocketMoneySuspension>& suspension_type() {
  using S = PocketMoneySuspension;
  static const auto type =
      api::ObjectType<S>("PocketMoneySuspension",
                         "no pocket money is due from `from` to the day "
                         "before `until`")
          .field("id", &S::id, {.description = "0 for a measure decided on a notice of absence"})
          .field("person_id", &S::person_id)
          .field("placement_id", &S::placement_id)
          .field("notice_id", &S::notice_id,
                 {.description = "the notice of absence the measure was decided on"})
          .field("from", &S::from, {.format = "date"})
          .field("until", &S::until, {.description = "first day after", .format = "date"})
          .field("reason", &S::reason)
          .field("decided_by", &S::decided_by)
          .field("decided_at", &S::decided_at, {.format = "date-time"});
  return type;
}

std::vector<db::Migration> handover_migrations(db::Engine) {
  // document_id has no foreign key: the receipt's link is the documents module's (its owner kind
  // and id), made in the same transaction, which refuses a missing or unreadable document with its
  // own answer (422 no_such_document) before anything commits.
  return {{32, "reception: money handovers against signed receipts", R"sql(
CREATE TABLE money_handovers (
  id {{pk}},
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  person_id BIGINT NOT NULL REFERENCES persons (id),
  placement_id BIGINT NOT NULL REFERENCES placements (id),
  item TEXT NOT NULL CHECK (item IN ('pocket_money', 'phone_card', 'first_entry_kit')),
  handed_on TEXT NOT NULL,
  month TEXT,
  amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
  receipt_kind TEXT NOT NULL CHECK (receipt_kind IN ('upload', 'signature')),
  document_id BIGINT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  cancelled_at TEXT,
  cancelled_by BIGINT REFERENCES users (id),
  cancel_reason TEXT,
  CHECK ((item = 'pocket_money') = (month IS NOT NULL))
);
CREATE INDEX money_handovers_person ON money_handovers (person_id, handed_on);
CREATE INDEX money_handovers_centre ON money_handovers (centre_id, handed_on);
)sql"},
          {33, "reception: pocket money suspended by the Prefettura", R"sql(
CREATE TABLE pocket_money_suspensions (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES persons (id),
  placement_id BIGINT NOT NULL REFERENCES placements (id),
  from_date TEXT NOT NULL,
  until_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by BIGINT NOT NULL REFERENCES users (id),
  decided_at TEXT NOT NULL,
  CHECK (until_date > from_date)
);
CREATE INDEX pocket_money_suspensions_person ON pocket_money_suspensions (person_id);
)sql"}};
}

}  // namespace innet::reception
