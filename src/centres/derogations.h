// Places above contract: a decision of the Prefettura may raise a centre's capacity for a period,
// up to double its contract (DL 133/2023 art. 7, amending art. 11 d.lgs. 142/2015). Derogated
// places are kept apart from the centre's own places and from the contract: they are counted in
// capacity checks only on the days of their decision's period, and occupancy shows them beside
// the contract's (decision 0020).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "centres/centres.h"
#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"

namespace innet::centres {

struct Derogation {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  Category category = Category::single_men;
  std::int64_t places = 0;      // above the centre's own places in that category
  std::string decision_number;  // the Prefettura's decree (protocol number)
  std::string decision_date;    // YYYY-MM-DD
  std::string start_date;       // first day the places count
  std::string end_date;         // last day they count (inclusive, as contracts)
  std::int64_t created_by = 0;  // the Prefettura's officer who recorded it
  std::string created_at;
  // Set together when the decision is withdrawn (revoked, or recorded by mistake): the record
  // stays, listed, and its places count nowhere any more.
  std::optional<std::string> withdrawn_at;
  std::optional<std::int64_t> withdrawn_by;
  std::optional<std::string> withdrawal_reason;

  bool withdrawn() const { return withdrawn_at.has_value(); }
};

// The field errors of derogations (decision 0013), kept here as TenderErrors are.
struct DerogationErrors {
  // The period has a day without a contract in force: derogated places raise a contract.
  static FieldError no_contract_on(std::string day);
  // The derogated places in force on some day of the period would exceed the contract's places
  // (the law allows at most double): `left` more are possible on the tightest day.
  static FieldError above_contract(std::int64_t contract_places, std::int64_t left,
                                   std::string day);
};

// Refused: end before start (422 before_other, end_date), a decision dated after today (422
// future_date, decision_date), a day of the period without a contract of the centre
// (422 derogation_without_contract, start_date), or more derogated places than the contract's on
// some day (422 derogation_above_contract, places). Locks the centre's row.
Result<Derogation> create_derogation(db::Connection& conn, const Derogation& d, CivilDay today);
// Withdraws a derogation with the reason, inside the caller's transaction: from then on its
// places count in no capacity, occupancy or ceiling. Refused: 404 for an unknown id, 409
// derogation_already_withdrawn the second time. Locks the centre's row, as a new decision does.
Result<Derogation> withdraw_derogation(db::Connection& conn, std::int64_t id,
                                       const std::string& reason, std::int64_t user_id);
Result<Derogation> find_derogation(db::Connection& conn, std::int64_t id);
// Newest period first, withdrawn ones included.
Result<std::vector<Derogation>> centre_derogations(db::Connection& conn, std::int64_t centre_id);
// The derogations of a centre in force (not withdrawn) on at least one day of [first, last].
Result<std::vector<Derogation>> derogations_during(db::Connection& conn, std::int64_t centre_id,
                                                   CivilDay first, CivilDay last);
// Derogated places in force (not withdrawn) on `day`, per centre that has some.
Result<std::map<std::int64_t, PlacesByCategory>> derogated_places_on(db::Connection& conn,
                                                                     CivilDay day);

// The places a centre has on a day: its own in each category plus the derogated places in
// force that day. What placements, occupancy and the placement desk count as capacity.
Result<PlacesByCategory> places_available_on(db::Connection& conn, const Centre& centre,
                                             CivilDay day);

const api::ObjectType<Derogation>& derogation_type();
nlohmann::json to_json(const Derogation& d);

std::vector<db::Migration> derogation_migrations();

}  // namespace innet::centres
