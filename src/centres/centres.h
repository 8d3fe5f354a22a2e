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
// The kind of structure: ordinary, or a temporary structure for unaccompanied minors (strutture
// ricettive temporanee, art. 19 c. 3-bis d.lgs. 142/2015 as DL 133/2023 amended it): only
// minors' places, at most kTemporaryMinorsPlaces of them, no one under kTemporaryMinorsMinimumAge;
// in extreme urgency the Prefettura may host up to half as many again (the placement rules).
const std::vector<std::string>& centre_structures();  // ordinary, temporary_minors
inline constexpr const char* kTemporaryMinors = "temporary_minors";
inline constexpr std::int64_t kTemporaryMinorsPlaces = 50;
inline constexpr std::int64_t kTemporaryMinorsUrgencyGuests = 75;  // 50 + 50%
inline constexpr std::int64_t kTemporaryMinorsMinimumAge = 14;

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
  std::string structure = "ordinary";  // one of centre_structures()
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::optional<std::string> contact_email;
  std::string created_at;
  std::string updated_at;
};

// A centre accepts new guests unless it is suspended or closed.
bool accepts_guests(const Centre& c);
bool temporary_minors_structure(const Centre& c);

// A lot of a tender (gara d'appalto) awarded by the Prefettura: its CIG (codice identificativo
// gara, ANAC: 10 uppercase letters or digits) goes on every e-invoice of its contracts (art. 25
// DL 66/2014). One lot may cover several centres: each centre's contract names the lot. The CIG is
// unique: it identifies the lot.
struct TenderLot {
  std::int64_t id = 0;
  std::string cig;
  std::string tender;  // the tender's name or reference
  std::string lot;     // the lot's name or number within the tender
  std::string start_date;
  std::string end_date;  // inclusive
  std::string created_at;
};

// VAT rates a contract's prices may carry: exempt (art. 10 DPR 633/72), 4, 5 (social
// cooperatives), 10, 22 per cent.
const std::vector<std::int64_t>& vat_rates();
// The VAT on a net amount, rounded half up to the cent (negative amounts symmetrically).
std::int64_t vat_cents(std::int64_t net_cents, std::int64_t vat_rate_percent);
// 10 characters, uppercase letters or digits.
bool valid_cig(std::string_view cig);

struct Contract {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::int64_t lot_id = 0;  // the tender lot; its CIG is copied here
  std::string cig;          // codice identificativo gara: 10 characters
  std::string start_date;
  std::string end_date;  // inclusive
  std::int64_t places = 0;
  std::int64_t price_cents = 0;                      // per person per day, net of VAT
  std::int64_t vat_rate_percent = 0;                 // one of vat_rates()
  std::int64_t pocket_money_cents = 250;             // per person per day
  std::int64_t pocket_money_family_cap_cents = 750;  // per family per day
  // Once per reception path, at the centre where it began (decision 0019): the tender's own
  // prices. The phone card defaults to the 2024 scheme's EUR 5; the kit to 0 (goods, counted).
  std::int64_t phone_card_cents = 500;
  std::int64_t kit_cents = 0;
  std::optional<std::int64_t> manager_user_id;  // the Prefettura's contract manager
  std::string created_at;
  // The day a termination decision took effect: the contract is in force only before it. The
  // end date stays the one agreed.
  std::optional<std::string> terminated_on;
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
// The ids of the centres whose name contains `text` (case-insensitive), to filter by.
db::Subquery centres_named(const std::string& text);
// The name of the centre whose id is in `column` of the caller's row, as an SQL expression (a
// correlated subquery): another module's list shows and sorts by it in its own statement.
// `column` is SQL written in the caller's code, never input.
db::Subquery centre_name_of(const std::string& column);
// The organisations running the centres whose ids `centre_ids` selects.
Result<std::vector<std::int64_t>> operators_of(db::Connection& conn,
                                               const db::Subquery& centre_ids);

Result<TenderLot> create_lot(db::Connection& conn, const TenderLot& lot);
Result<TenderLot> find_lot(db::Connection& conn, std::int64_t id);
Result<std::optional<TenderLot>> find_lot_by_cig(db::Connection& conn, const std::string& cig);
// Every lot, by CIG; with `operator_id`, those with a contract at a centre the operator runs.
Result<std::vector<TenderLot>> list_lots(db::Connection& conn,
                                         std::optional<std::int64_t> operator_id);
// The contracts of a lot, by centre then start date.
Result<std::vector<Contract>> lot_contracts(db::Connection& conn, std::int64_t lot_id);
// Corrects a lot's tender, name and period, checked as on creation. Its CIG stays: the contracts
// and invoices under the lot carry a copy of it.
Result<TenderLot> update_lot(db::Connection& conn, const TenderLot& lot);

// A centre a lot covers: it has `contracts` contracts under the lot.
struct LotCentre {
  std::int64_t lot_id = 0;
  std::int64_t centre_id = 0;
  std::string centre_name;
  std::int64_t contracts = 0;
};
// The centres every lot covers, by lot and centre name; with `operator_id`, only its centres.
Result<std::vector<LotCentre>> lot_centres(db::Connection& conn,
                                           std::optional<std::int64_t> operator_id);

// A contract names its lot (lot_id) or only its CIG: then the lot with that CIG, created with the
// contract's period when there is none yet (contracts recorded before lots existed did so).
Result<Contract> create_contract(db::Connection& conn, const Contract& c);
Result<Contract> find_contract(db::Connection& conn, std::int64_t id);
// Newest first: a centre keeps its contract history.
Result<std::vector<Contract>> centre_contracts(db::Connection& conn, std::int64_t centre_id);
// Every function below that asks which contract is "in force" respects a termination: a
// terminated contract is in force from its start to the day before `terminated_on`.
// The last day the contract is in force: its end date, or the day before its termination when
// that comes first. What a module holding a centre's contracts in memory (reception's costs)
// compares, so that it agrees with the queries below.
std::string last_day_in_force(const Contract& c);
// Whether the contract is in force on `day` (YYYY-MM-DD): from its start to last_day_in_force.
bool in_force_on(const Contract& c, const std::string& day);
// The contract in force on `day`, if any.
Result<std::optional<Contract>> contract_on(db::Connection& conn, std::int64_t centre_id,
                                            CivilDay day);
// The places contracted for each centre with a contract in force on `day` (centre id -> places).
Result<std::map<std::int64_t, std::int64_t>> contracted_places_on(db::Connection& conn,
                                                                  CivilDay day);
// The contract's net amount (importo netto), in cents: places x price per day x its days, start
// and end included. The base of delay penalties (art. 126 d.lgs. 36/2023, monitoring).
Result<std::int64_t> contract_net_cents(const Contract& c);
// Whether some contract of the centre is in force on at least one day of [first, last].
Result<bool> contract_during(db::Connection& conn, std::int64_t centre_id, CivilDay first,
                             CivilDay last);

struct ContractErrors {
  static FieldError already_terminated(std::string on);  // code contract_terminated
};
// Ends a contract by a termination decision taking effect on `on` (monitoring records the
// decision and calls this in its transaction): 409 contract_terminated when it already was, 422
// date_out_of_range on terminated_on when `on` is outside its period.
Result<Contract> terminate_contract(db::Connection& conn, std::int64_t contract_id, CivilDay on);

// Places (or guests, or free places) per category, with their total.
const api::ObjectType<PlacesByCategory>& places_type();
const api::ObjectType<Centre>& centre_type();
const api::ObjectType<Contract>& contract_type();
const api::ObjectType<TenderLot>& lot_type();
nlohmann::json to_json(const Centre& c);
nlohmann::json to_json(const Contract& c);
nlohmann::json to_json(const TenderLot& l);

std::vector<db::Migration> centre_migrations(db::Engine engine);

}  // namespace innet::centres
