#include "centres/derogations.h"

#include <algorithm>

#include "core/clock.h"

namespace innet::centres {
namespace {

constexpr const char* kColumns =
    "id, centre_id, category, places, decision_number, decision_date, start_date, end_date, "
    "created_by, created_at, withdrawn_at, withdrawn_by, withdrawal_reason";

Derogation from_row(const db::Row& r) {
  Derogation d;
  d.id = r.integer(0);
  d.centre_id = r.integer(1);
  d.category = parse_category(r.text(2)).value_or(Category::single_men);
  d.places = r.integer(3);
  d.decision_number = r.text(4);
  d.decision_date = r.text(5);
  d.start_date = r.text(6);
  d.end_date = r.text(7);
  d.created_by = r.integer(8);
  d.created_at = r.text(9);
  d.withdrawn_at = r.opt_text(10);
  d.withdrawn_by = r.opt_integer(11);
  d.withdrawal_reason = r.opt_text(12);
  return d;
}

Result<std::vector<Derogation>> select(db::Connection& conn, const std::string& where,
                                       const db::Params& params) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kColumns +
                                                   " FROM centre_derogations WHERE " + where,
                                               params));
  std::vector<Derogation> out;
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

bool in_force(const Derogation& d, const std::string& day) {
  return d.start_date <= day && day <= d.end_date;
}

// Every day of the period needs a contract, and on every day the derogated places (those
// already decided and these) stay within that day's contract places: at most double.
Status check_ceiling(db::Connection& conn, const Derogation& d, CivilDay first, CivilDay last) {
  INNET_ASSIGN_OR_RETURN(auto contracts, centre_contracts(conn, d.centre_id));
  INNET_ASSIGN_OR_RETURN(auto others, derogations_during(conn, d.centre_id, first, last));
  std::optional<std::int64_t> tightest_left;
  std::int64_t tightest_contract = 0;
  std::string tightest_day;
  for (CivilDay day = first; day <= last; day = day.plus_days(1)) {
    const std::string text = day.to_string();
    const auto contract = std::find_if(contracts.begin(), contracts.end(), [&](const Contract& c) {
      return c.start_date <= text && text <= c.end_date;
    });
    if (contract == contracts.end())
      return Error::rule(ErrorKind::unprocessable, "derogation_without_contract", "start_date",
                         DerogationErrors::no_contract_on(text));
    std::int64_t derogated = 0;
    for (const auto& o : others)
      if (in_force(o, text)) derogated += o.places;
    const std::int64_t left = contract->places - derogated;
    if (!tightest_left || left < *tightest_left) {
      tightest_left = left;
      tightest_contract = contract->places;
      tightest_day = text;
    }
  }
  if (tightest_left && d.places > *tightest_left)
    return Error::rule(
        ErrorKind::unprocessable, "derogation_above_contract", "places",
        DerogationErrors::above_contract(tightest_contract,
                                         std::max<std::int64_t>(0, *tightest_left), tightest_day));
  return Status::success();
}

}  // namespace

FieldError DerogationErrors::no_contract_on(std::string day) {
  std::string message = "the centre has no contract in force on " + day;
  return {"derogation_without_contract", {{"day", std::move(day)}}, std::move(message)};
}

FieldError DerogationErrors::above_contract(std::int64_t contract_places, std::int64_t left,
                                            std::string day) {
  std::string message = "derogated places may not exceed the contract's " +
                        std::to_string(contract_places) + " places: " + std::to_string(left) +
                        " left on " + day;
  return {"derogation_above_contract",
          {{"contract_places", contract_places}, {"left", left}, {"day", std::move(day)}},
          std::move(message)};
}

Result<Derogation> create_derogation(db::Connection& conn, const Derogation& d, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(const CivilDay first, stored_day(d.start_date));
  INNET_ASSIGN_OR_RETURN(const CivilDay last, stored_day(d.end_date));
  if (last < first)
    return Error::field(ErrorKind::unprocessable, "end_date",
                        FieldError::before_other("start_date"));
  if (d.decision_date > today.to_string())
    return Error::rule(ErrorKind::unprocessable, "future_date", "decision_date",
                       FieldError::future_date());
  if (d.places <= 0)
    return Error::field(ErrorKind::invalid_input, "places", FieldError::below_minimum(1));
  // Two decisions for one centre recorded at once must see each other.
  if (auto locked = lock_centre(conn, d.centre_id); !locked.ok()) {
    if (locked.error().kind != ErrorKind::not_found) return locked.take_error();
    return Error::field(ErrorKind::unprocessable, "centre_id", FieldError::not_found("centre"));
  }
  INNET_TRY(check_ceiling(conn, d, first, last));
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO centre_derogations (centre_id, category, places, decision_number, "
                 "decision_date, start_date, end_date, created_by, created_at) VALUES (?, ?, ?, "
                 "?, ?, ?, ?, ?, ?) RETURNING id",
                 {d.centre_id, to_string(d.category), d.places, d.decision_number, d.decision_date,
                  d.start_date, d.end_date, d.created_by, clock::now_iso()}));
  INNET_ASSIGN_OR_RETURN(auto created, select(conn, "id = ?", {rows[0].integer(0)}));
  return created.at(0);
}

Result<Derogation> find_derogation(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto found, select(conn, "id = ?", {id}));
  if (found.empty()) return Error::not_found("derogation");
  return found[0];
}

Result<Derogation> withdraw_derogation(db::Connection& conn, std::int64_t id,
                                       const std::string& reason, std::int64_t user_id) {
  INNET_ASSIGN_OR_RETURN(auto d, find_derogation(conn, id));
  // Placements and new decisions of the centre check capacity under the same lock.
  INNET_TRY(lock_centre(conn, d.centre_id));
  INNET_ASSIGN_OR_RETURN(
      auto changed,
      conn.execute("UPDATE centre_derogations SET withdrawn_at = ?, withdrawn_by = ?, "
                   "withdrawal_reason = ? WHERE id = ? AND withdrawn_at IS NULL",
                   {clock::now_iso(), user_id, reason, id}));
  if (changed == 0)
    return Error::make(ErrorKind::conflict, "derogation_already_withdrawn",
                       "this decision was withdrawn on " + d.withdrawn_at.value_or(""));
  return find_derogation(conn, id);
}

Result<std::vector<Derogation>> centre_derogations(db::Connection& conn, std::int64_t centre_id) {
  return select(conn, "centre_id = ? ORDER BY start_date DESC, id DESC", {centre_id});
}

Result<std::vector<Derogation>> derogations_during(db::Connection& conn, std::int64_t centre_id,
                                                   CivilDay first, CivilDay last) {
  return select(conn,
                "centre_id = ? AND start_date <= ? AND end_date >= ? AND withdrawn_at IS NULL "
                "ORDER BY start_date, id",
                {centre_id, last.to_string(), first.to_string()});
}

Result<std::map<std::int64_t, PlacesByCategory>> derogated_places_on(db::Connection& conn,
                                                                     CivilDay civil_day) {
  const std::string day = civil_day.to_string();
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT centre_id, category, SUM(places) FROM centre_derogations "
                            "WHERE start_date <= ? AND end_date >= ? AND withdrawn_at IS NULL "
                            "GROUP BY centre_id, category",
                            {day, day}));
  std::map<std::int64_t, PlacesByCategory> out;
  for (const auto& r : rows)
    if (auto category = parse_category(r.text(1)))
      out[r.integer(0)][static_cast<std::size_t>(*category)] += r.integer(2);
  return out;
}

Result<PlacesByCategory> places_available_on(db::Connection& conn, const Centre& centre,
                                             CivilDay day) {
  PlacesByCategory places = centre.places;
  INNET_ASSIGN_OR_RETURN(auto derogations, derogations_during(conn, centre.id, day, day));
  for (const auto& d : derogations) places[static_cast<std::size_t>(d.category)] += d.places;
  return places;
}

const api::ObjectType<Derogation>& derogation_type() {
  static const auto type =
      api::ObjectType<Derogation>("Derogation",
                                  "places above contract granted by a decision of the Prefettura")
          .field("id", &Derogation::id)
          .field("centre_id", &Derogation::centre_id)
          .field("category", [](const Derogation& d) { return to_string(d.category); },
                 {.allowed = category_names()})
          .field("places", &Derogation::places)
          .field("decision_number", &Derogation::decision_number)
          .field("decision_date", &Derogation::decision_date, {.format = "date"})
          .field("start_date", &Derogation::start_date, {.format = "date"})
          .field("end_date", &Derogation::end_date,
                 {.description = "the last day the places count", .format = "date"})
          .field("created_by", &Derogation::created_by)
          .field("created_at", &Derogation::created_at, {.format = "date-time"})
          .field("status",
                 [](const Derogation& d) {
                   return std::string(d.withdrawn() ? "withdrawn" : "granted");
                 },
                 {.description = "a withdrawn decision stays listed; its places count nowhere",
                  .allowed = {"granted", "withdrawn"}})
          .field("withdrawn_at", &Derogation::withdrawn_at, {.format = "date-time"})
          .field("withdrawn_by", &Derogation::withdrawn_by)
          .field("withdrawal_reason", &Derogation::withdrawal_reason);
  return type;
}

nlohmann::json to_json(const Derogation& d) {
  return derogation_type().to_json(d);
}

std::vector<db::Migration> derogation_migrations() {
  return {{19, "centres: places above contract by a decision of the Prefettura", R"sql(
CREATE TABLE centre_derogations (
  id {{pk}},
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  category TEXT NOT NULL CHECK (category IN ('single_men', 'single_women', 'families',
    'minors')),
  places INTEGER NOT NULL CHECK (places > 0),
  decision_number TEXT NOT NULL CHECK (decision_number <> ''),
  decision_date TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  CHECK (end_date >= start_date)
);
CREATE INDEX centre_derogations_centre ON centre_derogations (centre_id, start_date);
CREATE INDEX centre_derogations_period ON centre_derogations (start_date, end_date);
)sql"}};
}

}  // namespace innet::centres
