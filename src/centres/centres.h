// Reception centres and their contracts with the Prefettura: model and storage.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "core/json_input.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"

namespace innet::centres {

// No reception record is older: dates of placements, registers, contracts and invoices before it
// are typing mistakes (year 0026 for 2026), refused before they reach a rule or a computation.
inline constexpr CivilDay kFirstReceptionDay{std::chrono::year{2000} / 1 / 1};

const std::vector<std::string>& centre_types();  // hotspot, cpa, cas, sai, accoglienza_diffusa
const std::vector<std::string>&
centre_statuses();  // active, suspended, closed, special_administration
const std::vector<std::string>& centre_services();  // on-site services vocabulary

// Places are contracted per category of guest; a placement names the category it takes.
enum class Category { single_men, single_women, families, minors };
inline constexpr std::size_t kCategoryCount = 4;
const std::vector<std::string>& category_names();  // in enum order
std::optional<Category> parse_category(std::string_view name);
std::string to_string(Category c);

using PlacesByCategory = std::array<std::int64_t, kCategoryCount>;
std::int64_t total(const PlacesByCategory& places);

struct Centre {
  std::int64_t id = 0;
  std::string name;
  std::string type = "cas";
  std::int64_t operator_id = 0;  // the organisation that runs it (enti gestori)
  std::string address;
  std::string istat_code;  // municipality
  std::optional<double> latitude;
  std::optional<double> longitude;
  PlacesByCategory places{};
  bool step_free_access = false;  // accessible to wheelchair users
  std::optional<std::string> accessibility_notes;
  std::vector<std::string> services;  // codes from centre_services()
  std::string status = "active";
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::optional<std::string> contact_email;
  std::string created_at;
  std::string updated_at;
};

// A centre accepts new guests unless it is suspended or closed.
bool accepts_guests(const Centre& c);

struct Contract {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::string cig;  // codice identificativo gara: 10 characters
  std::string start_date;
  std::string end_date;  // inclusive
  std::int64_t places = 0;
  std::int64_t price_cents = 0;                      // per person per day, VAT included
  std::int64_t pocket_money_cents = 250;             // per person per day
  std::int64_t pocket_money_family_cap_cents = 750;  // per family per day
  std::optional<std::int64_t> manager_user_id;       // the Prefettura's contract manager
  std::string created_at;
};

struct CentreFilter {
  std::string query;  // part of the name or address
  std::string type;
  std::string status;
  std::string istat_code;
  std::optional<std::int64_t> operator_id;
};

Result<Centre> create_centre(db::Connection& conn, const Centre& c);
Result<Centre> find_centre(db::Connection& conn, std::int64_t id);
Result<db::Page<Centre>> list_centres(db::Connection& conn, const CentreFilter& f,
                                      const Paging& paging);
// Every centre matching the filter, unpaged (occupancy and the placement desk need them all).
Result<std::vector<Centre>> all_centres(db::Connection& conn, const CentreFilter& f);
// The same, reading only what overviews show: id, name, type, operator, municipality, coordinates,
// places and status (other fields stay empty). Occupancy of 3,000 centres reads these.
Result<std::vector<Centre>> centre_summaries(db::Connection& conn, const CentreFilter& f);
Status update_centre(db::Connection& conn, const Centre& c);
// Holds the centre's row lock until the transaction ends, so that writers of one centre (two
// placements racing for its last place, two register entries) run one after the other on
// PostgreSQL; SQLite serialises writers anyway. not_found when there is no such centre.
Status lock_centre(db::Connection& conn, std::int64_t id);
// The ids of the centres an organisation runs, to filter by.
db::Subquery centres_run_by(std::int64_t organization_id);
// The organisations running the centres whose ids `centre_ids` selects.
Result<std::vector<std::int64_t>> operators_of(db::Connection& conn,
                                               const db::Subquery& centre_ids);

Result<Contract> create_contract(db::Connection& conn, const Contract& c);
Result<Contract> find_contract(db::Connection& conn, std::int64_t id);
// Newest first: a centre keeps its contract history.
Result<std::vector<Contract>> centre_contracts(db::Connection& conn, std::int64_t centre_id);
// The contract in force on `day`, if any.
Result<std::optional<Contract>> contract_on(db::Connection& conn, std::int64_t centre_id,
                                            CivilDay day);
// The places contracted for each centre with a contract in force on `day` (centre id -> places).
Result<std::map<std::int64_t, std::int64_t>> contracted_places_on(db::Connection& conn,
                                                                  CivilDay day);
// Whether some contract of the centre is in force on at least one day of [first, last].
Result<bool> contract_during(db::Connection& conn, std::int64_t centre_id, CivilDay first,
                             CivilDay last);

// Places (or guests, or free places) per category, with their total.
const api::ObjectType<PlacesByCategory>& places_type();
const api::ObjectType<Centre>& centre_type();
const api::ObjectType<Contract>& contract_type();
nlohmann::json to_json(const Centre& c);
nlohmann::json to_json(const Contract& c);

std::vector<db::Migration> centre_migrations(db::Engine engine);

}  // namespace innet::centres
