// /api/v1/centres: the centres and their contracts.
#include "centres/routes.h"
#include "accounts/accounts.h"
#include "centres/derogations.h"
#include "core/clock.h"

namespace innet::centres {
namespace {

constexpr const char* kPlacesFields[kCategoryCount] = {"places_single_men", "places_single_women",
                                                       "places_families", "places_minors"};

void set_fields(const nlohmann::json& b, Centre& c) {
  if (b.contains("name")) c.name = b["name"];
  if (b.contains("type")) c.type = b["type"];
  if (b.contains("operator_id")) c.operator_id = b["operator_id"];
  if (b.contains("address")) c.address = b["address"];
  if (b.contains("istat_code")) c.istat_code = b["istat_code"];
  c.latitude = api::patched(b, "latitude", c.latitude);
  c.longitude = api::patched(b, "longitude", c.longitude);
  for (std::size_t i = 0; i < kCategoryCount; ++i)
    if (b.contains(kPlacesFields[i])) c.places[i] = b[kPlacesFields[i]];
  if (b.contains("step_free_access")) c.step_free_access = b["step_free_access"];
  c.accessibility_notes = api::patched(b, "accessibility_notes", c.accessibility_notes);
  if (b.contains("services")) c.services = b["services"].get<std::vector<std::string>>();
  if (b.contains("status")) c.status = b["status"];
  if (b.contains("structure")) c.structure = b["structure"];
  c.contact_name = api::patched(b, "contact_name", c.contact_name);
  c.contact_phone = api::patched(b, "contact_phone", c.contact_phone);
  c.contact_email = api::patched(b, "contact_email", c.contact_email);
}

Error named_conflict(Error e) {
  if (e.code != "unique_violation") return e;
  return Error::rule(ErrorKind::conflict, "unique_violation", "name", FieldError::taken());
}

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  auto& q = ctx.request.query;
  CentreFilter f{q["q"], q["type"], q["status"], q["istat_code"], std::nullopt};
  if (!q["operator_id"].empty()) f.operator_id = parse_int(q["operator_id"]);
  // An operator's staff list the centres their organisation runs, whatever they ask for.
  if (ctx.scope != auth::Scope::all) f.operator_id = ctx.actor->organization_id;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto page, list_centres(*conn, f, paging));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : page.items) items.push_back(to_json(c));
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

// A centre with the name of the organisation that runs it.
struct CentreDetail {
  const Centre& centre;
  std::string operator_name;
};

const api::ObjectType<CentreDetail>& centre_detail_type() {
  static const auto type =
      api::ObjectType<CentreDetail>("CentreDetail")
          .include(
              centre_type(), [](const CentreDetail& d) -> const auto& { return d.centre; })
          .field("operator_name", &CentreDetail::operator_name);
  return type;
}

// A contract in a centre's list, with its manager's display name: an operator's staff may not
// read the Prefettura's accounts.
struct ManagedContract {
  const Contract& contract;
  std::optional<std::string> manager_name;
};

const api::ObjectType<ManagedContract>& managed_contract_type() {
  static const auto type =
      api::ObjectType<ManagedContract>("ManagedContract")
          .include(
              contract_type(), [](const ManagedContract& m) -> const auto& { return m.contract; })
          .field("manager_name", &ManagedContract::manager_name);
  return type;
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centre_in_scope(ctx, "centres.read"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto org, accounts::find_organization(*conn, centre.operator_id));
  return api::ok(centre_detail_type().to_json({centre, org.name}));
}

Result<http::Response> create(api::Context& ctx) {
  Centre c;
  set_fields(ctx.body, c);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  auto created = create_centre(*conn, c);
  if (!created.ok()) return named_conflict(created.take_error());
  auto entry = ctx.audit("centres.create", "centre", std::to_string(created->id));
  entry.details = ctx.body.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(to_json(*created));
}

Result<http::Response> update(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto centre, centre_in_scope(ctx, "centres.manage"));
  const auto id = centre.id;
  set_fields(ctx.body, centre);
  if (auto s = update_centre(*conn, centre); !s.ok()) return named_conflict(s.take_error());
  auto entry = ctx.audit("centres.update", "centre", std::to_string(id));
  entry.details = ctx.body.dump();
  INNET_TRY(ctx.commit(entry));
  INNET_ASSIGN_OR_RETURN(auto updated, find_centre(*conn, id));
  return api::ok(to_json(updated));
}

Result<http::Response> contracts(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centre_in_scope(ctx, "contracts.read"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto all, centre_contracts(*conn, centre.id));
  // The manager's name is given here because an operator's staff may not read Prefettura accounts.
  std::map<std::int64_t, std::string> managers;
  for (const auto& c : all) {
    if (!c.manager_user_id || managers.contains(*c.manager_user_id)) continue;
    INNET_ASSIGN_OR_RETURN(auto manager, accounts::find_user(*conn, *c.manager_user_id));
    managers[manager.id] = manager.display_name;
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : all) {
    std::optional<std::string> manager;
    if (c.manager_user_id) manager = managers.at(*c.manager_user_id);
    items.push_back(managed_contract_type().to_json({c, manager}));
  }
  return api::ok({{"items", items}});
}

Result<http::Response> add_contract(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  const auto& b = ctx.body;
  Contract c;
  c.centre_id = id;
  c.cig = b.value("cig", std::string());
  c.lot_id = b.value("lot_id", std::int64_t{0});
  if (c.lot_id == 0 && c.cig.empty())
    return Error::field(ErrorKind::invalid_input, "cig", FieldError::required());
  c.vat_rate_percent = b.value("vat_rate_percent", std::int64_t{0});
  c.start_date = b["start_date"];
  c.end_date = b["end_date"];
  c.places = b["places"];
  c.price_cents = b["price_cents"];
  c.pocket_money_cents = b.value("pocket_money_cents", c.pocket_money_cents);
  c.pocket_money_family_cap_cents =
      b.value("pocket_money_family_cap_cents", c.pocket_money_family_cap_cents);
  c.phone_card_cents = b.value("phone_card_cents", c.phone_card_cents);
  c.kit_cents = b.value("kit_cents", c.kit_cents);
  c.manager_user_id = api::patched<std::int64_t>(b, "manager_user_id", std::nullopt);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_TRY(centre_in_scope(ctx, "contracts.manage"));
  INNET_ASSIGN_OR_RETURN(auto created, create_contract(*conn, c));
  auto entry = ctx.audit("contracts.create", "contract", std::to_string(created.id));
  entry.details = b.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(to_json(created));
}

// A lot the caller may see: every lot for the Prefettura; for an operator's staff, a lot with a
// contract at one of its centres. Otherwise 404, as for a missing lot.
Result<TenderLot> lot_in_scope(api::Context& ctx, db::Connection& conn) {
  auto id = ctx.id_param();
  if (!id.ok()) return Error::not_found("lot");
  INNET_ASSIGN_OR_RETURN(auto lot, find_lot(conn, *id));
  if (ctx.scope == auth::Scope::all) return lot;
  INNET_ASSIGN_OR_RETURN(auto lots, list_lots(conn, ctx.actor->organization_id));
  for (const auto& l : lots)
    if (l.id == lot.id) return lot;
  return Error::not_found("lot");
}

// A lot with the contracts under it (an operator's staff: those of its own centres).
struct LotDetail {
  const TenderLot& lot;
  std::vector<Contract> contracts;
};

const api::ObjectType<LotDetail>& lot_detail_type() {
  static const auto type =
      api::ObjectType<LotDetail>("TenderLotDetail")
          .include(
              lot_type(), [](const LotDetail& d) -> const auto& { return d.lot; })
          .field("contracts", &LotDetail::contracts, contract_type());
  return type;
}

// A lot in the list, with the centres it covers (an operator's staff: its own centres).
struct LotSummary {
  const TenderLot& lot;
  std::vector<LotCentre> centres;
  std::int64_t contracts = 0;
};

const api::ObjectType<LotSummary>& lot_summary_type() {
  static const auto centre =
      api::ObjectType<LotCentre>("TenderLotCentre", "a centre with a contract under the lot")
          .field("id", &LotCentre::centre_id)
          .field("name", &LotCentre::centre_name)
          .field("contracts", &LotCentre::contracts,
                 {.description = "its contracts under the lot"});
  static const auto type =
      api::ObjectType<LotSummary>("TenderLotSummary")
          .include(
              lot_type(), [](const LotSummary& s) -> const auto& { return s.lot; })
          .field("centres", &LotSummary::centres, centre,
                 {.description = "the centres the lot covers, by name"})
          .field("contracts", &LotSummary::contracts,
                 {.description = "the contracts under the lot, all centres together"});
  return type;
}

Result<http::Response> lots(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  std::optional<std::int64_t> only;
  if (ctx.scope != auth::Scope::all) only = ctx.actor->organization_id;
  INNET_ASSIGN_OR_RETURN(auto all, list_lots(*conn, only));
  INNET_ASSIGN_OR_RETURN(auto covered, lot_centres(*conn, only));
  std::map<std::int64_t, std::vector<LotCentre>> by_lot;
  for (auto& c : covered) by_lot[c.lot_id].push_back(std::move(c));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& l : all) {
    LotSummary s{l, std::move(by_lot[l.id])};
    for (const auto& c : s.centres) s.contracts += c.contracts;
    items.push_back(lot_summary_type().to_json(s));
  }
  return api::ok({{"items", items}});
}

Result<http::Response> get_lot(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto lot, lot_in_scope(ctx, *conn));
  INNET_ASSIGN_OR_RETURN(auto contracts, lot_contracts(*conn, lot.id));
  if (ctx.scope != auth::Scope::all) {
    std::vector<Contract> own;
    for (const auto& c : contracts) {
      INNET_ASSIGN_OR_RETURN(auto centre, find_centre(*conn, c.centre_id));
      if (centre.operator_id == ctx.actor->organization_id) own.push_back(c);
    }
    contracts = std::move(own);
  }
  return api::ok(lot_detail_type().to_json({lot, contracts}));
}

Result<http::Response> add_lot(api::Context& ctx) {
  const auto& b = ctx.body;
  TenderLot lot;
  lot.cig = b["cig"];
  lot.tender = b["tender"];
  lot.lot = b.value("lot", std::string());
  lot.start_date = b["start_date"];
  lot.end_date = b["end_date"];
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto created, create_lot(*conn, lot));
  auto entry = ctx.audit("lots.create", "lot", std::to_string(created.id));
  entry.details = b.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(to_json(created));
}

Result<http::Response> edit_lot(api::Context& ctx) {
  const auto& b = ctx.body;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto lot, lot_in_scope(ctx, *conn));
  if (b.contains("tender")) lot.tender = b["tender"];
  if (b.contains("lot")) lot.lot = b["lot"];
  if (b.contains("start_date")) lot.start_date = b["start_date"];
  if (b.contains("end_date")) lot.end_date = b["end_date"];
  INNET_ASSIGN_OR_RETURN(auto updated, update_lot(*conn, lot));
  auto entry = ctx.audit("lots.update", "lot", std::to_string(updated.id));
  entry.details = b.dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(to_json(updated));
}

FieldSpec lot_fields(bool creating) {
  FieldSpec spec = {
      required({.name = "tender", .max_length = 200, .min_length = 2}, creating),
      {.name = "lot", .max_length = 100},
      required({.name = "start_date", .type = FieldType::date, .earliest_day = kFirstReceptionDay},
               creating),
      required({.name = "end_date", .type = FieldType::date, .earliest_day = kFirstReceptionDay},
               creating)};
  if (creating)
    spec.insert(spec.begin(),
                {.name = "cig",
                 .required = true,
                 .max_length = 10,
                 .min_length = 10,
                 .description = "codice identificativo gara: 10 uppercase letters or digits"});
  return spec;
}

Result<http::Response> derogations(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto centre, centre_in_scope(ctx, "centres.read"));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto all, centre_derogations(*conn, centre.id));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : all) items.push_back(to_json(d));
  return api::ok({{"items", items}});
}

Result<http::Response> add_derogation(api::Context& ctx) {
  const auto& b = ctx.body;
  Derogation d;
  d.category = *parse_category(b["category"].get<std::string>());
  d.places = b["places"];
  d.decision_number = b["decision_number"];
  d.decision_date = b["decision_date"];
  d.start_date = b["start_date"];
  d.end_date = b["end_date"];
  d.created_by = ctx.actor->user_id;
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto centre, centre_in_scope(ctx, "centres.manage"));
  d.centre_id = centre.id;
  INNET_ASSIGN_OR_RETURN(auto created, create_derogation(*conn, d, clock::today()));
  auto entry = ctx.audit("derogations.create", "centre_derogation", std::to_string(created.id));
  entry.details = b.dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(to_json(created));
}

// The decision is the Prefettura's to withdraw: whoever cannot manage its centre gets the answer
// of a missing decision.
Result<http::Response> withdraw_derogation_route(api::Context& ctx) {
  auto id = ctx.id_param();
  if (!id.ok()) return Error::not_found("derogation");
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto d, find_derogation(*conn, *id));
  if (auto centre = visible_centre(ctx, d.centre_id, "centres.manage"); !centre.ok()) {
    if (centre.error().kind == ErrorKind::not_found) return Error::not_found("derogation");
    return centre.take_error();
  }
  INNET_ASSIGN_OR_RETURN(
      auto withdrawn,
      withdraw_derogation(*conn, d.id, ctx.body["reason"].get<std::string>(), ctx.actor->user_id));
  auto entry = ctx.audit("derogations.withdraw", "centre_derogation", std::to_string(withdrawn.id));
  // Not the reason: free text stays on the record itself, the trail keeps ids and figures.
  entry.details = nlohmann::json{{"centre_id", withdrawn.centre_id},
                                 {"category", to_string(withdrawn.category)},
                                 {"places", withdrawn.places},
                                 {"decision_number", withdrawn.decision_number}}
                      .dump();
  INNET_TRY(ctx.commit(entry));
  return api::ok(to_json(withdrawn));
}

FieldSpec centre_fields(bool creating) {
  FieldSpec spec = {
      required({.name = "name", .max_length = 200, .min_length = 2}, creating),
      required({.name = "type", .max_length = 40, .allowed = centre_types()}, creating),
      required({.name = "operator_id", .type = FieldType::integer, .min_value = 1}, creating),
      required({.name = "address", .max_length = 300, .min_length = 3}, creating),
      required({.name = "istat_code",
                .max_length = 6,
                .description = "ISTAT municipality code",
                .digits_only = true,
                .exact_length = 6},
               creating),
      {.name = "latitude",
       .type = FieldType::number,
       .nullable = true,
       .min_number = -90,
       .max_number = 90},
      {.name = "longitude",
       .type = FieldType::number,
       .nullable = true,
       .min_number = -180,
       .max_number = 180},
      {.name = "step_free_access", .type = FieldType::boolean},
      {.name = "accessibility_notes", .nullable = true, .max_length = 1000, .multiline = true},
      {.name = "services",
       .type = FieldType::string_list,
       .max_length = 40,
       .allowed = centre_services(),
       .max_items = 20},
      required({.name = "status", .max_length = 40, .allowed = centre_statuses()}, creating),
      {.name = "structure",
       .max_length = 40,
       .allowed = centre_structures(),
       .description = "ordinary (default) or temporary_minors: a temporary structure for "
                      "unaccompanied minors, at most 50 minors' places, no one under 14"},
      {.name = "contact_name", .nullable = true, .max_length = 200},
      {.name = "contact_phone", .nullable = true, .max_length = 40},
      {.name = "contact_email", .type = FieldType::email, .nullable = true, .max_length = 254},
  };
  for (const char* places : kPlacesFields)
    spec.push_back(required({.name = places,
                             .type = FieldType::integer,
                             .description = "places for this category of guests",
                             .min_value = 0,
                             .max_value = 10000},
                            creating));
  return spec;
}

}  // namespace

void add_routes(api::Api& api) {
  add_municipality_routes(api);
  static const api::ListType centre_list("CentreList", centre_type(), true);
  static const api::ListType contract_list("ContractList", managed_contract_type(), false);
  api.add_schema(centre_list);
  api.add_schema(centre_detail_type());
  api.add_schema(contract_type());
  api.add_schema(contract_list);
  static const api::ListType lot_list("TenderLotList", lot_summary_type(), false);
  api.add_schema(lot_type());
  api.add_schema(lot_summary_type());
  api.add_schema(lot_list);
  api.add_schema(lot_detail_type());
  static const api::ListType derogation_list("DerogationList", derogation_type(), false);
  api.add_schema(derogation_type());
  api.add_schema(derogation_list);
  api.add({.method = "GET",
           .pattern = "/api/v1/lots",
           .action = "contracts.read",
           .summary = "Tender lots by CIG with the centres they cover (an operator: the lots with "
                      "a contract at its centres, and only those centres)",
           .tag = "reception",
           .response_schema = "TenderLotList",
           .handler = lots});
  api.add({.method = "POST",
           .pattern = "/api/v1/lots",
           .action = "contracts.manage",
           .summary = "Record a tender lot with its CIG; contracts of several centres may name it",
           .tag = "reception",
           .body = lot_fields(true),
           .response_schema = "TenderLot",
           .success_status = 201,
           .handler = add_lot});
  api.add({.method = "GET",
           .pattern = "/api/v1/lots/{id}",
           .action = "contracts.read",
           .summary = "A tender lot with its contracts (an operator: those of its centres)",
           .tag = "reception",
           .response_schema = "TenderLotDetail",
           .handler = get_lot});
  api.add({.method = "PATCH",
           .pattern = "/api/v1/lots/{id}",
           .action = "contracts.manage",
           .summary = "Correct a tender lot's tender, name or period (its CIG stays: the contracts "
                      "and invoices under it carry it)",
           .tag = "reception",
           .body = lot_fields(false),
           .response_schema = "TenderLot",
           .handler = edit_lot});
  const std::string centres = "/api/v1/centres";
  api.add(
      {.method = "GET",
       .pattern = centres,
       .action = "centres.read",
       .summary = "List reception centres (an operator: its own)",
       .tag = "reception",
       .query = {{.name = "q", .max_length = 100},
                 {.name = "type", .max_length = 40, .allowed = centre_types()},
                 {.name = "status", .max_length = 40, .allowed = centre_statuses()},
                 {.name = "istat_code", .max_length = 6, .digits_only = true, .exact_length = 6},
                 {.name = "operator_id", .type = FieldType::integer}},
       .paged = true,
       .response_schema = "CentreList",
       .handler = list});
  api.add({.method = "POST",
           .pattern = centres,
           .action = "centres.manage",
           .summary = "Open a reception centre",
           .tag = "reception",
           .body = centre_fields(true),
           .response_schema = "Centre",
           .success_status = 201,
           .handler = create});
  api.add({.method = "GET",
           .pattern = centres + "/{id}",
           .action = "centres.read",
           .summary = "One reception centre",
           .tag = "reception",
           .response_schema = "CentreDetail",
           .handler = get});
  api.add({.method = "PATCH",
           .pattern = centres + "/{id}",
           .action = "centres.manage",
           .summary = "Change a centre's details, places or status",
           .tag = "reception",
           .body = centre_fields(false),
           .response_schema = "Centre",
           .handler = update});
  api.add({.method = "GET",
           .pattern = centres + "/{id}/contracts",
           .action = "contracts.read",
           .summary = "A centre's contracts, newest first",
           .tag = "reception",
           .response_schema = "ContractList",
           .handler = contracts});
  api.add({.method = "POST",
           .pattern = centres + "/{id}/contracts",
           .action = "contracts.manage",
           .summary = "Record a contract for a centre (periods of one centre never overlap)",
           .tag = "reception",
           .body = {{.name = "cig",
                     .max_length = 10,
                     .min_length = 10,
                     .description = "codice identificativo gara: the lot with this CIG (created "
                                    "with the contract's period when there is none); with "
                                    "lot_id, must be the lot's"},
                    {.name = "lot_id",
                     .type = FieldType::integer,
                     .description = "the tender lot (instead of cig)",
                     .min_value = 1},
                    {.name = "vat_rate_percent",
                     .type = FieldType::integer,
                     .description = "VAT on the net prices: 0 (exempt), 4, 5, 10 or 22; default 0",
                     .min_value = 0,
                     .max_value = 22},
                    {.name = "start_date",
                     .type = FieldType::date,
                     .required = true,
                     .earliest_day = kFirstReceptionDay},
                    {.name = "end_date",
                     .type = FieldType::date,
                     .required = true,
                     .earliest_day = kFirstReceptionDay},
                    {.name = "places",
                     .type = FieldType::integer,
                     .required = true,
                     .min_value = 1,
                     .max_value = 10000},
                    {.name = "price_cents",
                     .type = FieldType::integer,
                     .required = true,
                     .description = "price per person per day net of VAT, in euro cents",
                     .min_value = 1,
                     .max_value = 100000},
                    {.name = "pocket_money_cents",
                     .type = FieldType::integer,
                     .description = "per person per day (default 250)",
                     .min_value = 0,
                     .max_value = 10000},
                    {.name = "pocket_money_family_cap_cents",
                     .type = FieldType::integer,
                     .description = "per family per day (default 750)",
                     .min_value = 0,
                     .max_value = 100000},
                    {.name = "phone_card_cents",
                     .type = FieldType::integer,
                     .description = "the phone card, once per reception path (default 500)",
                     .min_value = 0,
                     .max_value = 100000},
                    {.name = "kit_cents",
                     .type = FieldType::integer,
                     .description = "the first-entry kit, once per reception path (default 0: "
                                    "goods, counted)",
                     .min_value = 0,
                     .max_value = 1000000},
                    {.name = "manager_user_id",
                     .type = FieldType::integer,
                     .nullable = true,
                     .min_value = 1}},
           .response_schema = "Contract",
           .success_status = 201,
           .handler = add_contract});
  api.add({.method = "GET",
           .pattern = centres + "/{id}/derogations",
           .action = "centres.read",
           .summary = "A centre's places above contract, granted by decisions of the Prefettura",
           .tag = "reception",
           .response_schema = "DerogationList",
           .handler = derogations});
  api.add(
      {.method = "POST",
       .pattern = centres + "/{id}/derogations",
       .action = "centres.manage",
       .summary = "Record a decision granting places above contract for a period (in all, "
                  "never more than the contract's places: at most double)",
       .tag = "reception",
       .body =
           {{.name = "category", .required = true, .max_length = 40, .allowed = category_names()},
            {.name = "places",
             .type = FieldType::integer,
             .required = true,
             .min_value = 1,
             .max_value = 10000},
            {.name = "decision_number",
             .required = true,
             .max_length = 100,
             .min_length = 1,
             .description = "the Prefettura's decree (protocol number)"},
            {.name = "decision_date",
             .type = FieldType::date,
             .required = true,
             .earliest_day = kFirstReceptionDay},
            {.name = "start_date",
             .type = FieldType::date,
             .required = true,
             .earliest_day = kFirstReceptionDay},
            {.name = "end_date",
             .type = FieldType::date,
             .required = true,
             .earliest_day = kFirstReceptionDay,
             .description = "the last day the places count"}},
       .response_schema = "Derogation",
       .success_status = 201,
       .handler = add_derogation});
  api.add({.method = "POST",
           .pattern = "/api/v1/derogations/{id}/withdrawal",
           .action = "centres.manage",
           .summary = "Withdraw a decision granting places above contract, with the reason: it "
                      "stays listed, and its places count no longer in capacity or occupancy",
           .tag = "reception",
           .body = {{.name = "reason",
                     .required = true,
                     .max_length = 500,
                     .min_length = 10,
                     .multiline = true,
                     .description = "why the decision is withdrawn, for the record"}},
           .response_schema = "Derogation",
           .handler = withdraw_derogation_route});
}

Result<Centre> visible_centre(api::Context& ctx, std::int64_t id, const char* action) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto centre, find_centre(*conn, id));
  if (!ctx.services.policy.allows(*ctx.actor, action, {centre.operator_id, 0}))
    return Error::not_found("centre");
  return centre;
}

Result<Centre> centre_in_scope(api::Context& ctx, const char* action, const char* param) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param(param));
  return visible_centre(ctx, id, action);
}

}  // namespace innet::centres
