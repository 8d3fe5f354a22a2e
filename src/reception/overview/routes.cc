// The officer's lists across centres (/api/v1/overview/...), the placement desk and the
// Ministry's movements export: each a page of JSON, or the whole list as CSV or XLSX in the
// caller's language (office_list.h, decision 0021).
#include "reception/routes.h"
#include "core/clock.h"
#include "reception/costs/costs.h"
#include "reception/overview/lists.h"
#include "reception/overview/movements.h"
#include "reception/overview/office_list.h"

namespace innet::reception::overview {

using reporting::Cell;
using reporting::Labels;

const Field& format_field() {
  static const Field f{.name = "format",
                       .max_length = 4,
                       .allowed = {"json", "csv", "xlsx"},
                       .description = "json (default, one page), csv or xlsx (every row)"};
  return f;
}

namespace {

using nlohmann::json;

constexpr std::int64_t kMaxMovementDays = 366;

centres::CentreFilter filter_from(api::Context& ctx) {
  auto& q = ctx.request.query;
  centres::CentreFilter f{"", q["type"], "", q["istat_code"], std::nullopt};
  if (ctx.scope != auth::Scope::all) f.operator_id = ctx.actor->organization_id;
  return f;
}

// A day not after today (default today): lists show what happened, not what is planned.
Result<CivilDay> day_param(api::Context& ctx, const char* name, CivilDay today) {
  const CivilDay day = accepted_day(ctx.request.query, name).value_or(today);
  if (day > today)
    return Error::rule(ErrorKind::unprocessable, "future_date", name, FieldError::future_date());
  return day;
}

std::int64_t int_param(api::Context& ctx, const char* name, std::int64_t fallback) {
  const auto& q = ctx.request.query;
  const auto it = q.find(name);
  if (it == q.end() || it->second.empty()) return fallback;
  return parse_int(it->second).value_or(fallback);  // check_query has refused anything else
}

Cell yes_no(bool v, const Labels& l) {
  return Cell::of(l(v ? "value.yes" : "value.no"));
}
Cell word(const std::string& prefix, const std::optional<std::string>& value, const Labels& l) {
  return value ? Cell::of(l(prefix + *value)) : Cell{};
}
Cell opt_int(const std::optional<std::int64_t>& v) {
  return v ? Cell::of(*v) : Cell{};
}
template <class R, class V>
std::function<bool(const R&, const R&)> by(V R::*member) {
  return [member](const R& a, const R& b) { return a.*member < b.*member; };
}

// --- centres over capacity -------------------------------------------------------------------

const api::ObjectType<OverCapacity>& over_capacity_type() {
  static const auto type =
      api::ObjectType<OverCapacity>("OverCapacityCentre")
          .include(
              occupancy_type(), [](const OverCapacity& o) -> const auto& { return o.occupancy; })
          .field("municipality", &OverCapacity::municipality)
          .field("excess", &OverCapacity::excess,
                 {.description = "guests beyond the tightest limit broken: a category's places, "
                                 "the centre's or the contract's"});
  return type;
}

const OfficeList<OverCapacity>& over_capacity_list() {
  using R = const OverCapacity&;
  static const OfficeList<OverCapacity> list{
      "over_capacity",
      {{"column.centre", [](R r, auto&) { return Cell::of(r.occupancy.centre.name); }},
       {"column.centre_type",
        [](R r, const Labels& l) { return Cell::of(l("type." + r.occupancy.centre.type)); }},
       {"column.municipality", [](R r, auto&) { return Cell::of(r.municipality); }},
       {"column.places",
        [](R r, auto&) { return Cell::of(centres::total(r.occupancy.centre.places)); }},
       {"column.contract_places", [](R r, auto&) { return opt_int(r.occupancy.contract_places); }},
       {"column.guests", [](R r, auto&) { return Cell::of(r.occupancy.guests_total()); }},
       {"column.excess", [](R r, auto&) { return Cell::of(r.excess); }}},
      {{"excess", by(&OverCapacity::excess)},
       {"name", [](R a, R b) { return a.occupancy.centre.name < b.occupancy.centre.name; }},
       {"municipality", by(&OverCapacity::municipality)},
       {"guests",
        [](R a, R b) { return a.occupancy.guests_total() < b.occupancy.guests_total(); }}},
      "-excess"};
  return list;
}

Result<http::Response> get_over_capacity(api::Context& ctx) {
  const CivilDay today = clock::today();
  INNET_ASSIGN_OR_RETURN(auto day, day_param(ctx, "date", today));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto rows, over_capacity(*conn, day, filter_from(ctx)));
  return answer(ctx, over_capacity_list(), over_capacity_type(), std::move(rows),
                {{"date", day.to_string()}}, day.to_string());
}

// --- registers not confirmed -----------------------------------------------------------------

const api::ObjectType<UnconfirmedRegister>& unconfirmed_type() {
  using U = UnconfirmedRegister;
  static const auto type = api::ObjectType<U>("UnconfirmedRegister")
                               .field("centre_id", &U::centre_id)
                               .field("centre_name", &U::centre_name)
                               .field("istat_code", &U::istat_code)
                               .field("municipality", &U::municipality)
                               .field("unconfirmed_days", &U::unconfirmed_days)
                               .field("changed_days", &U::changed_days)
                               .field("oldest_day", &U::oldest_day, {.format = "date"});
  return type;
}

const OfficeList<UnconfirmedRegister>& unconfirmed_list() {
  using R = const UnconfirmedRegister&;
  static const OfficeList<UnconfirmedRegister> list{
      "unconfirmed_registers",
      {{"column.centre", [](R r, auto&) { return Cell::of(r.centre_name); }},
       {"column.municipality", [](R r, auto&) { return Cell::of(r.municipality); }},
       {"column.unconfirmed_days", [](R r, auto&) { return Cell::of(r.unconfirmed_days); }},
       {"column.changed_days", [](R r, auto&) { return Cell::of(r.changed_days); }},
       {"column.oldest_day", [](R r, auto&) { return Cell::date(r.oldest_day); }}},
      {{"unconfirmed_days",
        [](R a, R b) {
          return a.unconfirmed_days + a.changed_days < b.unconfirmed_days + b.changed_days;
        }},
       {"oldest_day", by(&UnconfirmedRegister::oldest_day)},
       {"name", by(&UnconfirmedRegister::centre_name)},
       {"municipality", by(&UnconfirmedRegister::municipality)}},
      "-unconfirmed_days"};
  return list;
}

// The days before today: today's register is kept until the evening.
Result<http::Response> get_unconfirmed(api::Context& ctx) {
  const CivilDay today = clock::today();
  const std::int64_t days = int_param(ctx, "days", 7);
  const CivilDay from = today.plus_days(-days);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto rows, unconfirmed_registers(*conn, from, today, filter_from(ctx)));
  return answer(ctx, unconfirmed_list(), unconfirmed_type(), std::move(rows),
                {{"from", from.to_string()}, {"to", today.plus_days(-1).to_string()}},
                today.to_string());
}

// --- invoices to check -----------------------------------------------------------------------

const api::ObjectType<InvoiceCheck>& invoice_check_type() {
  using I = InvoiceCheck;
  static const auto type = api::ObjectType<I>("InvoiceCheck")
                               .field("invoice_id", &I::invoice_id)
                               .field("centre_id", &I::centre_id)
                               .field("centre_name", &I::centre_name)
                               .field("month", &I::month)
                               .field("number", &I::number)
                               .field("submitted_at", &I::submitted_at, {.format = "date-time"})
                               .field("declared_presence_days", &I::declared_presence_days)
                               .field("computed_presence_days", &I::computed_presence_days)
                               .field("presence_days_difference", &I::presence_days_difference)
                               .field("amount_cents", &I::amount_cents)
                               .field("computed_amount_cents", &I::computed_amount_cents)
                               .field("amount_difference_cents", &I::amount_difference_cents)
                               .field("unconfirmed_days", &I::unconfirmed_days)
                               .field("amount_not_matching_days", &I::amount_not_matching_days)
                               .field("has_differences", &I::has_differences);
  return type;
}

const OfficeList<InvoiceCheck>& invoice_check_list() {
  using R = const InvoiceCheck&;
  const auto abs_amount = [](R r) { return std::abs(r.amount_difference_cents); };
  static const OfficeList<InvoiceCheck> list{
      "invoices_to_check",
      {{"column.centre", [](R r, auto&) { return Cell::of(r.centre_name); }},
       {"column.invoice_number", [](R r, auto&) { return Cell::of(r.number); }},
       {"column.month", [](R r, auto&) { return Cell::of(r.month); }},
       {"column.submitted_at", [](R r, auto&) { return Cell::date(r.submitted_at.substr(0, 10)); }},
       {"column.declared_presence_days",
        [](R r, auto&) { return Cell::of(r.declared_presence_days); }},
       {"column.computed_presence_days",
        [](R r, auto&) { return Cell::of(r.computed_presence_days); }},
       {"column.presence_days_difference",
        [](R r, auto&) { return Cell::of(r.presence_days_difference); }},
       {"column.amount", [](R r, auto&) { return Cell::cents(r.amount_cents); }},
       {"column.computed_amount", [](R r, auto&) { return Cell::cents(r.computed_amount_cents); }},
       {"column.amount_difference",
        [](R r, auto&) { return Cell::cents(r.amount_difference_cents); }},
       {"column.unconfirmed_days", [](R r, auto&) { return Cell::of(r.unconfirmed_days); }},
       {"column.amount_not_matching_days",
        [](R r, const Labels& l) { return yes_no(r.amount_not_matching_days, l); }},
       {"column.has_differences",
        [](R r, const Labels& l) { return yes_no(r.has_differences, l); }}},
      {{"differences",
        [abs_amount](R a, R b) {
          // Those with differences first, then the largest amount at stake.
          if (a.has_differences != b.has_differences) return !a.has_differences;
          return abs_amount(a) < abs_amount(b);
        }},
       {"name", by(&InvoiceCheck::centre_name)},
       {"submitted_at", by(&InvoiceCheck::submitted_at)},
       {"amount", by(&InvoiceCheck::amount_cents)}},
      "-differences"};
  return list;
}

Result<http::Response> get_invoices(api::Context& ctx) {
  const CivilDay today = clock::today();
  // Default: last month, the one whose invoices arrive now.
  CivilMonth month = CivilMonth::of(today.first_of_month().plus_days(-1));
  if (const auto& m = ctx.request.query["month"]; !m.empty()) {
    INNET_ASSIGN_OR_RETURN(month, parse_month(m));
    if (month > CivilMonth::of(today))
      return Error::rule(ErrorKind::unprocessable, "future_date", "month",
                         FieldError::future_date());
  }
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto rows, invoices_to_check(*conn, month, today, filter_from(ctx)));
  const auto with_differences =
      std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.has_differences; });
  return answer(ctx, invoice_check_list(), invoice_check_type(), std::move(rows),
                {{"month", month.to_string()}, {"with_differences", with_differences}},
                month.to_string());
}

// --- contracts ending soon -------------------------------------------------------------------

const api::ObjectType<EndingContract>& ending_type() {
  using E = EndingContract;
  static const auto type = api::ObjectType<E>("EndingContract")
                               .field("contract_id", &E::contract_id)
                               .field("centre_id", &E::centre_id)
                               .field("centre_name", &E::centre_name)
                               .field("cig", &E::cig)
                               .field("start_date", &E::start_date, {.format = "date"})
                               .field("end_date", &E::end_date, {.format = "date"})
                               .field("days_left", &E::days_left)
                               .field("places", &E::places)
                               .field("price_cents", &E::price_cents);
  return type;
}

const OfficeList<EndingContract>& ending_list() {
  using R = const EndingContract&;
  static const OfficeList<EndingContract> list{
      "contracts_ending",
      {{"column.centre", [](R r, auto&) { return Cell::of(r.centre_name); }},
       {"column.cig", [](R r, auto&) { return Cell::of(r.cig); }},
       {"column.start_date", [](R r, auto&) { return Cell::date(r.start_date); }},
       {"column.end_date", [](R r, auto&) { return Cell::date(r.end_date); }},
       {"column.days_left", [](R r, auto&) { return Cell::of(r.days_left); }},
       {"column.places", [](R r, auto&) { return Cell::of(r.places); }},
       {"column.price", [](R r, auto&) { return Cell::cents(r.price_cents); }}},
      {{"end_date", by(&EndingContract::end_date)},
       {"name", by(&EndingContract::centre_name)},
       {"places", by(&EndingContract::places)}},
      "end_date"};
  return list;
}

Result<http::Response> get_contracts_ending(api::Context& ctx) {
  const CivilDay today = clock::today();
  const CivilDay until = today.plus_days(int_param(ctx, "days", 90));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto rows, contracts_ending(*conn, today, until, filter_from(ctx)));
  return answer(ctx, ending_list(), ending_type(), std::move(rows),
                {{"from", today.to_string()}, {"to", until.to_string()}}, today.to_string());
}

// --- the placement desk ----------------------------------------------------------------------

const api::ObjectType<DeskCentre>& desk_type() {
  static const auto type =
      api::ObjectType<DeskCentre>("DeskCentre")
          .include(
              occupancy_type(), [](const DeskCentre& d) -> const auto& { return d.occupancy; })
          .field("municipality", &DeskCentre::municipality)
          .field("free_in_category", &DeskCentre::free_in_category);
  return type;
}

const OfficeList<DeskCentre>& desk_list() {
  using R = const DeskCentre&;
  // The category asked for is the same on every row: the cells read it from the request.
  static const OfficeList<DeskCentre> list{
      "placement_desk",
      {{"column.centre", [](R r, auto&) { return Cell::of(r.occupancy.centre.name); }},
       {"column.centre_type",
        [](R r, const Labels& l) { return Cell::of(l("type." + r.occupancy.centre.type)); }},
       {"column.municipality", [](R r, auto&) { return Cell::of(r.municipality); }},
       {"column.free_places", [](R r, auto&) { return Cell::of(r.free_in_category); }},
       {"column.places",
        [](R r, auto&) { return Cell::of(centres::total(r.occupancy.centre.places)); }},
       {"column.guests", [](R r, auto&) { return Cell::of(r.occupancy.guests_total()); }}},
      {{"free", by(&DeskCentre::free_in_category)},
       {"name", [](R a, R b) { return a.occupancy.centre.name < b.occupancy.centre.name; }},
       {"municipality", by(&DeskCentre::municipality)}},
      "-free"};
  return list;
}

Result<http::Response> get_desk(api::Context& ctx) {
  const CivilDay today = clock::today();
  INNET_ASSIGN_OR_RETURN(auto day, day_param(ctx, "date", today));
  const auto category = *centres::parse_category(ctx.request.query["category"]);
  const std::int64_t family_size = int_param(ctx, "family_size", 1);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto rows, desk(*conn, day, category, family_size, filter_from(ctx)));
  return answer(
      ctx, desk_list(), desk_type(), std::move(rows),
      {{"date", day.to_string()}, {"category", to_string(category)}, {"family_size", family_size}},
      to_string(category) + "-" + day.to_string());
}

// --- the Ministry's movements ----------------------------------------------------------------

const api::ObjectType<Movement>& movement_type() {
  static const auto type =
      api::ObjectType<Movement>("Movement")
          .field("day", &Movement::day, {.format = "date"})
          .field("movement", &Movement::movement, {.allowed = movement_kinds()})
          .field("person_id", &Movement::person_id)
          .field("cui", &Movement::cui)
          .field("centre_id", &Movement::centre_id)
          .field("centre_name", &Movement::centre_name)
          .field("reason", &Movement::reason,
                 {.description = "arrival: where from (arrival_from); exit: the exit reason"})
          .field("placement_id", &Movement::placement_id);
  return type;
}

const OfficeList<Movement>& movement_list() {
  using R = const Movement&;
  static const OfficeList<Movement> list{
      "movements",
      {{"column.cui", [](R r, auto&) { return r.cui ? Cell::of(*r.cui) : Cell{}; }},
       {"column.person_id", [](R r, auto&) { return Cell::of(r.person_id); }},
       {"column.centre", [](R r, auto&) { return Cell::of(r.centre_name); }},
       {"column.date", [](R r, auto&) { return Cell::date(r.day); }},
       {"column.movement",
        [](R r, const Labels& l) { return Cell::of(l("movement." + r.movement)); }},
       {"column.reason",
        [](R r, const Labels& l) {
          return word(r.movement == "arrival" ? "arrival." : "exit.", r.reason, l);
        }}},
      // Rows come by day, person and movement: "day" keeps that order.
      {{"day", [](R a, R b) { return a.day < b.day; }},
       {"centre", by(&Movement::centre_name)},
       {"movement", by(&Movement::movement)}},
      "day"};
  return list;
}

Result<http::Response> get_movements(api::Context& ctx) {
  const CivilDay today = clock::today();
  INNET_ASSIGN_OR_RETURN(auto last, day_param(ctx, "to", today));
  const CivilDay first = accepted_day(ctx.request.query, "from").value_or(last.first_of_month());
  if (last < first)
    return Error::field(ErrorKind::invalid_input, "to", FieldError::before_other("from"));
  if (first.days_until(last) >= kMaxMovementDays)
    return Error::field(ErrorKind::invalid_input, "from",
                        FieldError::too_many_days(kMaxMovementDays));
  // The caller's centres; a centre named outside them lists nothing, as a missing one does (list
  // filters answer like this everywhere: tests/api/references.test.mjs).
  std::optional<db::Subquery> centre_ids;
  if (ctx.scope != auth::Scope::all)
    centre_ids = centres::centres_run_by(ctx.actor->organization_id);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto rows, movements_between(*conn, first, last.plus_days(1), centre_ids));
  if (const auto& c = ctx.request.query["centre_id"]; !c.empty())
    std::erase_if(rows, [id = *parse_int(c)](const Movement& m) { return m.centre_id != id; });
  return answer(ctx, movement_list(), movement_type(), std::move(rows),
                {{"from", first.to_string()}, {"to", last.to_string()}},
                first.to_string() + "-" + last.to_string(),
                std::function<void(const Movement&)>(
                    [&ctx](const Movement& m) { ctx.record_read(m.person_id); }));
}

}  // namespace
}  // namespace innet::reception::overview

namespace innet::reception {

void add_overview_routes(api::Api& api) {
  using namespace overview;
  const json date = {{"type", "string"}, {"format", "date"}};
  const json integer = {{"type", "integer"}};
  static const auto over_list =
      api::ListType("OverCapacityList", over_capacity_type(), true).with("date", date);
  static const auto unconfirmed = api::ListType("UnconfirmedRegisterList", unconfirmed_type(), true)
                                      .with("from", date)
                                      .with("to", date);
  static const auto invoices = api::ListType("InvoiceCheckList", invoice_check_type(), true)
                                   .with("month", {{"type", "string"}})
                                   .with("with_differences", integer);
  static const auto ending =
      api::ListType("EndingContractList", ending_type(), true).with("from", date).with("to", date);
  static const auto desk_answer =
      api::ListType("PlacementDesk", desk_type(), true)
          .with("date", date)
          .with("category", {{"type", "string"}, {"enum", centres::category_names()}})
          .with("family_size", integer);
  static const auto movements =
      api::ListType("MovementList", movement_type(), true).with("from", date).with("to", date);
  for (const api::Described* d : std::initializer_list<const api::Described*>{
           &over_list, &unconfirmed, &invoices, &ending, &desk_answer, &movements})
    api.add_schema(*d);

  const std::vector<std::string> files = {"text/csv", reporting::kXlsxType};
  const Field type{.name = "type", .max_length = 40, .allowed = centres::centre_types()};
  const Field istat{.name = "istat_code", .max_length = 6, .digits_only = true, .exact_length = 6};
  const Field day{.name = "date",
                  .type = FieldType::date,
                  .earliest_day = centres::kFirstReceptionDay,
                  .description = "default today; not after today"};
  const auto spec = [&](const auto& list, FieldSpec more) {
    more.push_back(list.sort_field());
    more.push_back(format_field());
    more.push_back(reporting::lang_field());
    return more;
  };
  const std::string base = "/api/v1/overview";
  api.add({.method = "GET",
           .pattern = base + "/over-capacity",
           .action = "overview.read",
           .summary = "Centres over capacity on a day (default today): more guests than places in "
                      "a category, in all, or than the contract; paged, sortable, as CSV or XLSX",
           .tag = "reception",
           .query = spec(over_capacity_list(), {day, type, istat}),
           .paged = true,
           .response_schema = "OverCapacityList",
           .other_content_types = files,
           .handler = get_over_capacity});
  api.add(
      {.method = "GET",
       .pattern = base + "/unconfirmed-registers",
       .action = "overview.read",
       .summary = "Centres whose register has days with guests not confirmed, or changed since "
                  "their confirmation, among the last `days` days before today",
       .tag = "reception",
       .query = spec(unconfirmed_list(), {{.name = "days",
                                           .type = FieldType::integer,
                                           .description = "how many days before today (default 7)",
                                           .min_value = 1,
                                           .max_value = 62},
                                          type,
                                          istat}),
       .paged = true,
       .response_schema = "UnconfirmedRegisterList",
       .other_content_types = files,
       .handler = get_unconfirmed});
  api.add(
      {.method = "GET",
       .pattern = base + "/invoices",
       .action = "overview.read",
       .summary = "The current invoices of a month (default last month) checked against the "
                  "register, those with differences first",
       .tag = "reception",
       .query = spec(invoice_check_list(), {{.name = "month",
                                             .max_length = 7,
                                             .min_length = 7,
                                             .description = "YYYY-MM, not after the current month"},
                                            type,
                                            istat}),
       .paged = true,
       .response_schema = "InvoiceCheckList",
       .other_content_types = files,
       .handler = get_invoices});
  api.add({.method = "GET",
           .pattern = base + "/contracts-ending",
           .action = "overview.read",
           .summary = "Contracts ending within `days` days (default 90) that no later contract of "
                      "their centre follows",
           .tag = "reception",
           .query = spec(ending_list(), {{.name = "days",
                                          .type = FieldType::integer,
                                          .description = "how many days ahead (default 90)",
                                          .min_value = 1,
                                          .max_value = 366},
                                         type,
                                         istat}),
           .paged = true,
           .response_schema = "EndingContractList",
           .other_content_types = files,
           .handler = get_contracts_ending});
  api.add({.method = "GET",
           .pattern = "/api/v1/placement-desk",
           .action = "occupancy.read",
           .summary = "Centres with room for a whole family of `family_size` in a category on a "
                      "day (default today), most free places first; paged, as CSV or XLSX",
           .tag = "reception",
           .query = spec(desk_list(), {{.name = "category",
                                        .required = true,
                                        .max_length = 20,
                                        .allowed = centres::category_names()},
                                       {.name = "family_size",
                                        .type = FieldType::integer,
                                        .description = "how many persons move together (default 1)",
                                        .min_value = 1,
                                        .max_value = 30},
                                       day,
                                       type,
                                       istat}),
           .paged = true,
           .response_schema = "PlacementDesk",
           .other_content_types = files,
           .handler = get_desk});
  api.add({.method = "GET",
           .pattern = "/api/v1/movements",
           .action = "movements.export",
           .summary = "Arrivals, transfers and exits per guest, one row per movement (CUI, centre, "
                      "date, movement, reason), as the Ministry's reception system asks; paged, "
                      "as CSV or XLSX",
           .tag = "reception",
           .query = spec(movement_list(),
                         {{.name = "from",
                           .type = FieldType::date,
                           .earliest_day = centres::kFirstReceptionDay,
                           .description = "first day (default the first of the month of `to`)"},
                          {.name = "to",
                           .type = FieldType::date,
                           .earliest_day = centres::kFirstReceptionDay,
                           .description = "last day, included (default today)"},
                          {.name = "centre_id", .type = FieldType::integer, .min_value = 1}}),
           .paged = true,
           .response_schema = "MovementList",
           .other_content_types = files,
           .reads_persons = true,
           .handler = get_movements});
}

}  // namespace innet::reception
