#include "centres/centres.h"

#include <algorithm>
#include <cstdlib>

#include "centres/rules.h"
#include "core/clock.h"

namespace innet::centres {
namespace {

constexpr const char* kCentreColumns =
    "id, name, type, operator_id, address, istat_code, latitude, longitude, places_single_men, "
    "places_single_women, places_families, places_minors, step_free_access, "
    "accessibility_notes, services, status, contact_name, contact_phone, contact_email, "
    "created_at, updated_at, structure";

constexpr const char* kContractColumns =
    "id, centre_id, cig, start_date, end_date, places, price_cents, pocket_money_cents, "
    "pocket_money_family_cap_cents, manager_user_id, created_at, lot_id, vat_rate_percent, "
    "phone_card_cents, kit_cents, terminated_on";

// A contract is in force on a day between its start and its end, and before the day it was
// terminated, if it was (`?` twice: the day).
constexpr const char* kInForce =
    "start_date <= ? AND end_date >= ? AND (terminated_on IS NULL OR terminated_on > ?)";

constexpr const char* kLotColumns = "id, cig, tender, lot, start_date, end_date, created_at";

TenderLot lot_from_row(const db::Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)};
}

std::optional<double> opt_real(const db::Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.real(i);
}

Centre centre_from_row(const db::Row& r) {
  Centre c;
  c.id = r.integer(0);
  c.name = r.text(1);
  c.type = r.text(2);
  c.operator_id = r.integer(3);
  c.address = r.text(4);
  c.istat_code = r.text(5);
  c.latitude = opt_real(r, 6);
  c.longitude = opt_real(r, 7);
  for (std::size_t i = 0; i < kCategoryCount; ++i) c.places[i] = r.integer(8 + i);
  c.step_free_access = r.integer(12) != 0;
  c.accessibility_notes = r.opt_text(13);
  c.services = db::split_codes(r.text(14));
  c.status = r.text(15);
  c.contact_name = r.opt_text(16);
  c.contact_phone = r.opt_text(17);
  c.contact_email = r.opt_text(18);
  c.created_at = r.text(19);
  c.updated_at = r.text(20);
  c.structure = r.text(21);
  return c;
}

Contract contract_from_row(const db::Row& r) {
  Contract c;
  c.id = r.integer(0);
  c.centre_id = r.integer(1);
  c.cig = r.text(2);
  c.start_date = r.text(3);
  c.end_date = r.text(4);
  c.places = r.integer(5);
  c.price_cents = r.integer(6);
  c.pocket_money_cents = r.integer(7);
  c.pocket_money_family_cap_cents = r.integer(8);
  c.manager_user_id = r.opt_integer(9);
  c.created_at = r.text(10);
  c.lot_id = r.is_null(11) ? 0 : r.integer(11);
  c.vat_rate_percent = r.integer(12);
  c.phone_card_cents = r.integer(13);
  c.kit_cents = r.integer(14);
  c.terminated_on = r.opt_text(15);
  return c;
}

// Every column but id, created_at and updated_at, in kCentreColumns order.
db::Params centre_values(const Centre& c) {
  db::Params v = {c.name,
                  c.type,
                  c.operator_id,
                  c.address,
                  c.istat_code,
                  db::optional_value(c.latitude),
                  db::optional_value(c.longitude)};
  for (auto places : c.places) v.push_back(places);
  v.push_back(std::int64_t{c.step_free_access ? 1 : 0});
  v.push_back(db::optional_value(c.accessibility_notes));
  v.push_back(db::join_codes(c.services));
  v.push_back(c.status);
  v.push_back(db::optional_value(c.contact_name));
  v.push_back(db::optional_value(c.contact_phone));
  v.push_back(db::optional_value(c.contact_email));
  v.push_back(c.structure);
  return v;
}

db::Where centre_where(const CentreFilter& f) {
  db::Where where;
  if (!f.query.empty()) {
    const auto like = db::like_pattern(f.query);
    where.add("(LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(address) LIKE ? ESCAPE '\\')",
              {like, like});
  }
  if (!f.type.empty()) where.add("type = ?", f.type);
  if (!f.status.empty()) where.add("status = ?", f.status);
  if (!f.istat_code.empty()) where.add("istat_code = ?", f.istat_code);
  if (f.operator_id) where.add("operator_id = ?", *f.operator_id);
  return where;
}

}  // namespace

const std::vector<std::string>& centre_types() {
  static const std::vector<std::string> all = {"hotspot", "cpa", "cas", "sai",
                                               "accoglienza_diffusa"};
  return all;
}

const std::vector<std::string>& centre_statuses() {
  static const std::vector<std::string> all = {"active", "suspended", "closed",
                                               "special_administration"};
  return all;
}

const std::vector<std::string>& centre_structures() {
  static const std::vector<std::string> all = {"ordinary", kTemporaryMinors};
  return all;
}

const std::vector<std::string>& centre_services() {
  static const std::vector<std::string> all = {
      "cultural_mediation", "legal_information", "health_care",      "psychological_support",
      "italian_courses",    "job_guidance",      "canteen",          "laundry",
      "childcare",          "school_support",    "female_mediators", "internet_access"};
  return all;
}

const std::vector<std::string>& category_names() {
  static const std::vector<std::string> all = {"single_men", "single_women", "families", "minors"};
  return all;
}

std::optional<Category> parse_category(std::string_view name) {
  const auto& names = category_names();
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<Category>(it - names.begin());
}

std::string to_string(Category c) {
  return category_names().at(static_cast<std::size_t>(c));
}

std::int64_t total(const PlacesByCategory& places) {
  std::int64_t sum = 0;
  for (auto p : places) sum += p;
  return sum;
}

bool accepts_guests(const Centre& c) {
  return c.status == "active" || c.status == "special_administration";
}

bool temporary_minors_structure(const Centre& c) {
  return c.structure == kTemporaryMinors;
}

Result<Centre> create_centre(db::Connection& conn, const Centre& c) {
  INNET_TRY(check_centre(conn, c));
  db::Params params = centre_values(c);
  const auto now = clock::now_iso();
  params.push_back(now);
  params.push_back(now);
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "INSERT INTO centres (name, type, operator_id, address, istat_code, latitude, longitude, "
          "places_single_men, places_single_women, places_families, places_minors, "
          "step_free_access, accessibility_notes, services, status, contact_name, contact_phone, "
          "contact_email, structure, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          params));
  return find_centre(conn, rows[0].integer(0));
}

Result<Centre> find_centre(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kCentreColumns + " FROM centres WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("centre");
  return centre_from_row(rows[0]);
}

Result<db::Page<Centre>> list_centres(db::Connection& conn, const CentreFilter& f,
                                      const Paging& paging) {
  return db::page_query<Centre>(conn, kCentreColumns, "centres", centre_where(f), "name, id",
                                paging, centre_from_row);
}

Result<std::vector<Centre>> all_centres(db::Connection& conn, const CentreFilter& f) {
  auto where = centre_where(f);
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string("SELECT ") + kCentreColumns +
                                                   " FROM centres" + where.sql() + " ORDER BY id",
                                               where.params()));
  std::vector<Centre> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(centre_from_row(r));
  return out;
}

Result<std::vector<Centre>> centre_summaries(db::Connection& conn, const CentreFilter& f) {
  auto where = centre_where(f);
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "SELECT id, name, type, operator_id, istat_code, latitude, longitude, places_single_men, "
          "places_single_women, places_families, places_minors, status FROM centres" +
              where.sql() + " ORDER BY id",
          where.params()));
  std::vector<Centre> out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    Centre& c = out[i];
    c.id = r.integer(0);
    c.name = r.text(1);
    c.type = r.text(2);
    c.operator_id = r.integer(3);
    c.istat_code = r.text(4);
    c.latitude = opt_real(r, 5);
    c.longitude = opt_real(r, 6);
    for (std::size_t k = 0; k < kCategoryCount; ++k) c.places[k] = r.integer(7 + k);
    c.status = r.text(11);
  }
  return out;
}

Status update_centre(db::Connection& conn, const Centre& c) {
  INNET_TRY(check_centre(conn, c));
  db::Params params = centre_values(c);
  params.push_back(clock::now_iso());
  params.push_back(c.id);
  return db::expect_one(
      conn.execute("UPDATE centres SET name = ?, type = ?, operator_id = ?, address = ?, "
                   "istat_code = ?, latitude = ?, longitude = ?, places_single_men = ?, "
                   "places_single_women = ?, places_families = ?, places_minors = ?, "
                   "step_free_access = ?, accessibility_notes = ?, services = ?, status = ?, "
                   "contact_name = ?, contact_phone = ?, contact_email = ?, structure = ?, "
                   "updated_at = ? WHERE id = ?",
                   params),
      "centre");
}

const std::vector<std::int64_t>& vat_rates() {
  static const std::vector<std::int64_t> all = {0, 4, 5, 10, 22};
  return all;
}

std::int64_t vat_cents(std::int64_t net_cents, std::int64_t vat_rate_percent) {
  const std::int64_t magnitude = (std::abs(net_cents) * vat_rate_percent + 50) / 100;
  return net_cents < 0 ? -magnitude : magnitude;
}

Result<std::int64_t> contract_net_cents(const Contract& c) {
  INNET_ASSIGN_OR_RETURN(const CivilDay start, stored_day(c.start_date));
  INNET_ASSIGN_OR_RETURN(const CivilDay end, stored_day(c.end_date));
  return c.places * c.price_cents * (start.days_until(end) + 1);
}

bool valid_cig(std::string_view cig) {
  return cig.size() == 10 && std::all_of(cig.begin(), cig.end(), [](char ch) {
           return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
         });
}

Result<TenderLot> create_lot(db::Connection& conn, const TenderLot& lot) {
  INNET_TRY(check_lot(lot));
  auto rows = conn.query(
      "INSERT INTO tender_lots (cig, tender, lot, start_date, end_date, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {lot.cig, lot.tender, lot.lot, lot.start_date, lot.end_date, clock::now_iso()});
  if (!rows.ok()) {
    if (rows.error().code == "unique_violation")
      return Error::rule(ErrorKind::conflict, "unique_violation", "cig", FieldError::taken());
    return rows.take_error();
  }
  return find_lot(conn, (*rows)[0].integer(0));
}

Result<TenderLot> find_lot(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kLotColumns + " FROM tender_lots WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("lot");
  return lot_from_row(rows[0]);
}

Result<std::optional<TenderLot>> find_lot_by_cig(db::Connection& conn, const std::string& cig) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kLotColumns + " FROM tender_lots WHERE cig = ?", {cig}));
  if (rows.empty()) return std::optional<TenderLot>();
  return std::optional<TenderLot>(lot_from_row(rows[0]));
}

Result<std::vector<TenderLot>> list_lots(db::Connection& conn,
                                         std::optional<std::int64_t> operator_id) {
  std::string sql = std::string("SELECT ") + kLotColumns + " FROM tender_lots";
  db::Params params;
  if (operator_id) {
    sql +=
        " WHERE id IN (SELECT k.lot_id FROM contracts k JOIN centres c ON c.id = k.centre_id "
        "WHERE c.operator_id = ?)";
    params.push_back(*operator_id);
  }
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " ORDER BY cig", params));
  std::vector<TenderLot> out;
  for (const auto& r : rows) out.push_back(lot_from_row(r));
  return out;
}

Result<TenderLot> update_lot(db::Connection& conn, const TenderLot& lot) {
  INNET_TRY(check_lot(lot));
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE tender_lots SET tender = ?, lot = ?, start_date = ?, end_date = ? "
                   "WHERE id = ?",
                   {lot.tender, lot.lot, lot.start_date, lot.end_date, lot.id}),
      "lot"));
  return find_lot(conn, lot.id);
}

Result<std::vector<LotCentre>> lot_centres(db::Connection& conn,
                                           std::optional<std::int64_t> operator_id) {
  std::string sql =
      "SELECT k.lot_id, c.id, c.name, COUNT(*) FROM contracts k "
      "JOIN centres c ON c.id = k.centre_id";
  db::Params params;
  if (operator_id) {
    sql += " WHERE c.operator_id = ?";
    params.push_back(*operator_id);
  }
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(sql + " GROUP BY k.lot_id, c.id, c.name ORDER BY k.lot_id, c.name", params));
  std::vector<LotCentre> out;
  for (const auto& r : rows) out.push_back({r.integer(0), r.integer(1), r.text(2), r.integer(3)});
  return out;
}

Result<std::vector<Contract>> lot_contracts(db::Connection& conn, std::int64_t lot_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kContractColumns +
                                " FROM contracts WHERE lot_id = ? ORDER BY centre_id, start_date",
                            {lot_id}));
  std::vector<Contract> out;
  for (const auto& r : rows) out.push_back(contract_from_row(r));
  return out;
}

Result<Contract> create_contract(db::Connection& conn, const Contract& given) {
  Contract c = given;
  if (c.lot_id != 0) {
    auto lot = find_lot(conn, c.lot_id);
    if (!lot.ok()) {
      if (lot.error().kind != ErrorKind::not_found) return lot.take_error();
      return Error::field(ErrorKind::unprocessable, "lot_id", FieldError::not_found("lot"));
    }
    if (!c.cig.empty() && c.cig != lot->cig)
      return Error::field(ErrorKind::unprocessable, "cig", FieldError::not_both("lot_id"));
    c.cig = lot->cig;
  }
  INNET_TRY(check_contract(conn, c));
  if (c.lot_id == 0) {
    INNET_ASSIGN_OR_RETURN(auto existing, find_lot_by_cig(conn, c.cig));
    if (existing) {
      c.lot_id = existing->id;
    } else {
      INNET_ASSIGN_OR_RETURN(
          auto lot, create_lot(conn, {0, c.cig, "CIG " + c.cig, "", c.start_date, c.end_date, ""}));
      c.lot_id = lot.id;
    }
  }
  // A centre has one contract at a time: periods of its contracts never overlap.
  INNET_ASSIGN_OR_RETURN(
      auto overlapping,
      conn.query(
          "SELECT id FROM contracts WHERE centre_id = ? AND start_date <= ? AND end_date >= ? "
          "AND (terminated_on IS NULL OR terminated_on > ?)",
          {c.centre_id, c.end_date, c.start_date, c.start_date}));
  if (!overlapping.empty()) {
    return Error::rule(ErrorKind::conflict, "contract_overlap", "start_date",
                       FieldError::contract_overlap(overlapping[0].integer(0)));
  }
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "INSERT INTO contracts (centre_id, cig, start_date, end_date, places, price_cents, "
          "pocket_money_cents, pocket_money_family_cap_cents, manager_user_id, created_at, "
          "lot_id, vat_rate_percent, phone_card_cents, kit_cents) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {c.centre_id, c.cig, c.start_date, c.end_date, c.places, c.price_cents,
           c.pocket_money_cents, c.pocket_money_family_cap_cents,
           db::optional_value(c.manager_user_id), clock::now_iso(), c.lot_id, c.vat_rate_percent,
           c.phone_card_cents, c.kit_cents}));
  return find_contract(conn, rows[0].integer(0));
}

Result<Contract> find_contract(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kContractColumns + " FROM contracts WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("contract");
  return contract_from_row(rows[0]);
}

Result<std::vector<Contract>> centre_contracts(db::Connection& conn, std::int64_t centre_id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kContractColumns +
                                " FROM contracts WHERE centre_id = ? ORDER BY start_date DESC",
                            {centre_id}));
  std::vector<Contract> out;
  for (const auto& r : rows) out.push_back(contract_from_row(r));
  return out;
}

Result<std::optional<Contract>> contract_on(db::Connection& conn, std::int64_t centre_id,
                                            CivilDay civil_day) {
  const std::string day = civil_day.to_string();
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kContractColumns +
                                        " FROM contracts WHERE centre_id = ? AND " + kInForce,
                                    {centre_id, day, day, day}));
  if (rows.empty()) return std::optional<Contract>{};
  return std::optional<Contract>{contract_from_row(rows[0])};
}

Result<std::map<std::int64_t, std::int64_t>> contracted_places_on(db::Connection& conn,
                                                                  CivilDay civil_day) {
  const std::string day = civil_day.to_string();
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT centre_id, places FROM contracts WHERE ") + kInForce,
                 {day, day, day}));
  std::map<std::int64_t, std::int64_t> places;
  for (const auto& r : rows) places[r.integer(0)] = r.integer(1);
  return places;
}

std::string last_day_in_force(const Contract& c) {
  if (!c.terminated_on) return c.end_date;
  const auto terminated = CivilDay::parse(*c.terminated_on);
  if (!terminated) return c.end_date;
  return std::min(terminated->plus_days(-1).to_string(), c.end_date);
}

bool in_force_on(const Contract& c, const std::string& day) {
  return c.start_date <= day && day <= last_day_in_force(c);
}

Result<bool> contract_during(db::Connection& conn, std::int64_t centre_id, CivilDay first,
                             CivilDay last) {
  // In force on some day of [first, last]: started by `last`, not ended nor terminated by `first`.
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT COUNT(*) FROM contracts WHERE centre_id = ? AND start_date <= ? AND "
                 "end_date >= ? AND (terminated_on IS NULL OR terminated_on > ?)",
                 {centre_id, last.to_string(), first.to_string(), first.to_string()}));
  return rows[0].integer(0) > 0;
}

FieldError ContractErrors::already_terminated(std::string on) {
  std::string message = "the contract was terminated on " + on;
  return {"contract_terminated", {{"on", std::move(on)}}, std::move(message)};
}

Result<Contract> terminate_contract(db::Connection& conn, std::int64_t contract_id, CivilDay on) {
  INNET_ASSIGN_OR_RETURN(auto contract, find_contract(conn, contract_id));
  if (contract.terminated_on)
    return Error::rule(ErrorKind::conflict, "contract_terminated", "contract_id",
                       ContractErrors::already_terminated(*contract.terminated_on));
  // Terminated during its period: not before it starts, not after it has ended.
  const std::string day = on.to_string();
  if (day < contract.start_date || day > contract.end_date)
    return Error::field(ErrorKind::unprocessable, "terminated_on",
                        FieldError::date_out_of_range(contract.start_date, contract.end_date));
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE contracts SET terminated_on = ? WHERE id = ?", {day, contract_id}),
      "contract"));
  return find_contract(conn, contract_id);
}

Status lock_centre(db::Connection& conn, std::int64_t id) {
  return db::expect_one(
      conn.execute("UPDATE centres SET updated_at = updated_at WHERE id = ?", {id}), "centre");
}

db::Subquery centres_run_by(std::int64_t organization_id) {
  return {"SELECT id FROM centres WHERE operator_id = ?", {organization_id}};
}

db::Subquery centres_named(const std::string& text) {
  return {"SELECT id FROM centres WHERE LOWER(name) LIKE ? ESCAPE '\\'", {db::like_pattern(text)}};
}

db::Subquery centre_name_of(const std::string& column) {
  return {"(SELECT name FROM centres WHERE centres.id = " + column + ")", {}};
}

Result<std::vector<std::int64_t>> operators_of(db::Connection& conn,
                                               const db::Subquery& centre_ids) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT DISTINCT operator_id FROM centres WHERE id IN (" + centre_ids.sql + ")",
                 centre_ids.params));
  std::vector<std::int64_t> out;
  for (const auto& r : rows) out.push_back(r.integer(0));
  return out;
}

namespace {

api::ObjectType<PlacesByCategory> describe_places() {
  api::ObjectType<PlacesByCategory> type("PlacesByCategory");
  for (std::size_t i = 0; i < kCategoryCount; ++i)
    type.field(category_names()[i], [i](const PlacesByCategory& places) { return places[i]; });
  return type.field("total", [](const PlacesByCategory& places) { return total(places); });
}

}  // namespace

const api::ObjectType<PlacesByCategory>& places_type() {
  static const auto type = describe_places();
  return type;
}

const api::ObjectType<Centre>& centre_type() {
  static const auto type =
      api::ObjectType<Centre>("Centre")
          .field("id", &Centre::id)
          .field("name", &Centre::name)
          .field("type", &Centre::type, {.allowed = centre_types()})
          .field("operator_id", &Centre::operator_id,
                 {.description = "the organisation that runs it"})
          .field("address", &Centre::address)
          .field("istat_code", &Centre::istat_code, {.description = "its municipality"})
          .field("latitude", &Centre::latitude)
          .field("longitude", &Centre::longitude)
          .field("places", &Centre::places, places_type())
          .field("step_free_access", &Centre::step_free_access)
          .field("accessibility_notes", &Centre::accessibility_notes)
          .field("services", &Centre::services, {.description = "codes of on-site services"})
          .field("status", &Centre::status, {.allowed = centre_statuses()})
          .field("structure", &Centre::structure,
                 {.description = "ordinary, or a temporary structure for unaccompanied minors "
                                 "(at most 50 minors' places, no one under 14)",
                  .allowed = centre_structures()})
          .field("contact_name", &Centre::contact_name)
          .field("contact_phone", &Centre::contact_phone)
          .field("contact_email", &Centre::contact_email)
          .field("created_at", &Centre::created_at, {.format = "date-time"})
          .field("updated_at", &Centre::updated_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<Contract>& contract_type() {
  static const auto type =
      api::ObjectType<Contract>("Contract")
          .field("id", &Contract::id)
          .field("centre_id", &Contract::centre_id)
          .field("cig", &Contract::cig, {.description = "codice identificativo gara"})
          .field("start_date", &Contract::start_date, {.format = "date"})
          .field("end_date", &Contract::end_date, {.description = "inclusive", .format = "date"})
          .field("terminated_on", &Contract::terminated_on,
                 {.description = "the day a termination decision ended it: in force only before "
                                 "that day; null: not terminated",
                  .format = "date"})
          .field("places", &Contract::places)
          .field("lot_id", &Contract::lot_id, {.description = "the tender lot"})
          .field("price_cents", &Contract::price_cents,
                 {.description = "per person per day, net of VAT"})
          .field("vat_rate_percent", &Contract::vat_rate_percent,
                 {.description = "0 (exempt, art. 10 DPR 633/72), 4, 5, 10 or 22"})
          .field("pocket_money_cents", &Contract::pocket_money_cents,
                 {.description = "per person per day"})
          .field("pocket_money_family_cap_cents", &Contract::pocket_money_family_cap_cents,
                 {.description = "per family per day"})
          .field("phone_card_cents", &Contract::phone_card_cents,
                 {.description = "the phone card, once per reception path"})
          .field("kit_cents", &Contract::kit_cents,
                 {.description = "the first-entry kit, once per reception path"})
          .field("manager_user_id", &Contract::manager_user_id,
                 {.description = "the Prefettura's contract manager"})
          .field("created_at", &Contract::created_at, {.format = "date-time"});
  return type;
}

const api::ObjectType<TenderLot>& lot_type() {
  static const auto type =
      api::ObjectType<TenderLot>("TenderLot", "a lot of a tender, identified by its CIG")
          .field("id", &TenderLot::id)
          .field("cig", &TenderLot::cig,
                 {.description = "codice identificativo gara: 10 uppercase letters or digits"})
          .field("tender", &TenderLot::tender, {.description = "the tender's name or reference"})
          .field("lot", &TenderLot::lot, {.description = "the lot within the tender"})
          .field("start_date", &TenderLot::start_date, {.format = "date"})
          .field("end_date", &TenderLot::end_date, {.description = "inclusive", .format = "date"})
          .field("created_at", &TenderLot::created_at, {.format = "date-time"});
  return type;
}

nlohmann::json to_json(const TenderLot& l) {
  return lot_type().to_json(l);
}

nlohmann::json to_json(const Centre& c) {
  return centre_type().to_json(c);
}

nlohmann::json to_json(const Contract& c) {
  return contract_type().to_json(c);
}

std::vector<db::Migration> centre_migrations(db::Engine) {
  return {{5, "centres: centres and contracts", R"sql(
CREATE TABLE centres (
  id {{pk}},
  name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('hotspot', 'cpa', 'cas', 'sai', 'accoglienza_diffusa')),
  operator_id BIGINT NOT NULL REFERENCES organizations (id),
  address TEXT NOT NULL,
  istat_code TEXT NOT NULL,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  places_single_men INTEGER NOT NULL CHECK (places_single_men >= 0),
  places_single_women INTEGER NOT NULL CHECK (places_single_women >= 0),
  places_families INTEGER NOT NULL CHECK (places_families >= 0),
  places_minors INTEGER NOT NULL CHECK (places_minors >= 0),
  step_free_access INTEGER NOT NULL DEFAULT 0,
  accessibility_notes TEXT,
  services TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'closed',
    'special_administration')),
  contact_name TEXT,
  contact_phone TEXT,
  contact_email TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (places_single_men + places_single_women + places_families + places_minors > 0)
);
CREATE INDEX centres_operator ON centres (operator_id);
CREATE INDEX centres_municipality ON centres (istat_code);
CREATE TABLE contracts (
  id {{pk}},
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  cig TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  places INTEGER NOT NULL CHECK (places > 0),
  price_cents INTEGER NOT NULL CHECK (price_cents > 0),
  pocket_money_cents INTEGER NOT NULL CHECK (pocket_money_cents >= 0),
  pocket_money_family_cap_cents INTEGER NOT NULL CHECK (pocket_money_family_cap_cents >= 0),
  manager_user_id BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  CHECK (end_date >= start_date)
);
CREATE INDEX contracts_centre ON contracts (centre_id, start_date);
)sql"},
          // Lots group the contracts that share a CIG: each CIG already recorded becomes a lot
          // spanning its contracts. Prices so far were read as VAT included: the rate 0 keeps
          // their amounts (net = gross) until the Prefettura records the rate of the tender.
          {17, "centres: tender lots and VAT rates", R"sql(
CREATE TABLE tender_lots (
  id {{pk}},
  cig TEXT NOT NULL UNIQUE,
  tender TEXT NOT NULL,
  lot TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (end_date >= start_date)
);
INSERT INTO tender_lots (cig, tender, lot, start_date, end_date, created_at)
  SELECT cig, 'CIG ' || cig, '', MIN(start_date), MAX(end_date), MIN(created_at)
  FROM contracts GROUP BY cig;
ALTER TABLE contracts ADD COLUMN lot_id BIGINT REFERENCES tender_lots (id);
UPDATE contracts SET lot_id = (SELECT l.id FROM tender_lots l WHERE l.cig = contracts.cig);
ALTER TABLE contracts ADD COLUMN vat_rate_percent INTEGER NOT NULL DEFAULT 0
  CHECK (vat_rate_percent IN (0, 4, 5, 10, 22));
CREATE INDEX contracts_lot ON contracts (lot_id);
)sql"},
          // Every centre recorded so far is an ordinary one; temporary structures for minors are
          // marked from now on. A decision granting places above contract can be withdrawn,
          // with the reason, and stays on record (decision 0027).
          {20, "centres: temporary structures for minors; derogations withdrawn", R"sql(
ALTER TABLE centres ADD COLUMN structure TEXT NOT NULL DEFAULT 'ordinary'
  CHECK (structure IN ('ordinary', 'temporary_minors'));
ALTER TABLE centre_derogations ADD COLUMN withdrawn_at TEXT;
ALTER TABLE centre_derogations ADD COLUMN withdrawn_by BIGINT REFERENCES users (id);
ALTER TABLE centre_derogations ADD COLUMN withdrawal_reason TEXT;
)sql"},
          // The phone card and the kit at each contract's price; contracts so far keep the 2024
          // scheme's EUR 5 card and an unpriced kit, as before (decision 0027).
          {21, "centres: phone card and kit prices per contract", R"sql(
ALTER TABLE contracts ADD COLUMN phone_card_cents INTEGER NOT NULL DEFAULT 500
  CHECK (phone_card_cents >= 0);
ALTER TABLE contracts ADD COLUMN kit_cents INTEGER NOT NULL DEFAULT 0 CHECK (kit_cents >= 0);
)sql"},
          // A termination decision (monitoring's sanctions) ends a contract before its end date:
          // the day is kept beside the end date agreed, which stays what was signed.
          {22, "centres: a contract's termination", R"sql(
ALTER TABLE contracts ADD COLUMN terminated_on TEXT;
)sql"}};
}

}  // namespace innet::centres
