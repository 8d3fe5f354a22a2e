// /api/v1/inspections: inspections of centres. Inspectors and prefecture officers plan, make and
// complete them; the centre's operator reads the reports issued on its own centres, and nothing
// before (a planned unannounced visit must not reach the centre it is about). Every inspection
// out of the caller's reach answers 404 like a missing one.
#include <algorithm>
#include <cstdio>
#include <map>

#include "centres/centres.h"
#include "centres/routes.h"
#include "core/clock.h"
#include "monitoring/inspections.h"
#include "monitoring/photos.h"
#include "monitoring/routes.h"
#include "monitoring/visit_figures.h"
#include "reporting/files.h"
#include "reporting/language.h"

namespace innet::monitoring {
namespace {

constexpr const char* kBase = "/api/v1/inspections";

// An inspection with its answers in effect and its scores: the page and the report read this.
struct InspectionDetail {
  Inspection inspection;
  std::vector<Answer> answers;
  Scores scores;
  std::vector<std::int64_t> failed_items;
  std::vector<Photo> photos;
  VisitFigures figures;
};

const api::ObjectType<InspectionDetail>& detail_type() {
  static const auto type =
      api::ObjectType<InspectionDetail>("InspectionDetail")
          .include(inspection_type(), &InspectionDetail::inspection)
          .field("answers", &InspectionDetail::answers, answer_type(),
                 {.description = "the answer in effect per item (the latest written)"})
          .field("scores", &InspectionDetail::scores, scores_type())
          .field("failed_items", &InspectionDetail::failed_items,
                 {.description = "the items whose answer in effect fails, for the report to "
                                 "point out"})
          .field("photos", &InspectionDetail::photos, photo_type(),
                 {.description = "the photos attached to its items (detached ones left out)"})
          .field("register", [](const InspectionDetail& d) { return d.figures.register_day; },
                 register_figures_type(),
                 {.description = "the centre's register on the planned day beside the "
                                 "inspectors' count; null for a day after today"})
          .field("money", [](const InspectionDetail& d) { return d.figures.money; },
                 money_figures_type(),
                 {.description = "the month's pocket money, phone cards and kits at the "
                                 "centre: due against handed over; null for a later month"});
  return type;
}

// A row of the list: the inspection with the centre's name and the overall score, which the list
// shows and sorts by.
const api::ObjectType<InspectionSummary>& row_type() {
  static const auto type =
      api::ObjectType<InspectionSummary>("InspectionSummary")
          .include(inspection_type(), &InspectionSummary::inspection)
          .field("centre_name", &InspectionSummary::centre_name)
          .field("overall_score", &InspectionSummary::overall,
                 {.description = "percentage of the scored weight that passed (kept at "
                                 "completion, live while in progress); null: nothing scored"});
  return type;
}

}  // namespace

// Declared in routes.h: the PDF report reads through the same check.
Result<Inspection> inspection_in_scope(api::Context& ctx, db::Connection& conn,
                                       const char* action) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  return visible_inspection(ctx, conn, id, action);
}

Result<Inspection> visible_inspection(api::Context& ctx, db::Connection& conn, std::int64_t id,
                                      const char* action) {
  auto inspection = find_inspection(conn, id);
  if (!inspection.ok()) return inspection;
  auto centre = centres::visible_centre(ctx, inspection->centre_id, action);
  if (!centre.ok()) return Error::not_found("inspection");
  // The scope of `action`, not the route's: a photo's download asks with documents.read.
  if (ctx.services.policy.scope(ctx.actor->role, action) != auth::Scope::all &&
      inspection->status != "report_issued")
    return Error::not_found("inspection");
  return inspection;
}

namespace {

std::vector<std::int64_t> failed_items(const ChecklistVersion& checklist,
                                       const std::vector<Answer>& answers) {
  std::map<std::int64_t, const ChecklistItem*> items;
  for (const auto& item : checklist.items) items[item.id] = &item;
  std::vector<std::int64_t> failed;
  for (const auto& a : answers) {
    auto item = items.find(a.item_id);
    if (item != items.end() && passes(*item->second, a) == false) failed.push_back(a.item_id);
  }
  return failed;
}

Result<InspectionDetail> detail_of(db::Connection& conn, Inspection inspection) {
  INNET_ASSIGN_OR_RETURN(auto checklist, find_version(conn, inspection.checklist_id));
  INNET_ASSIGN_OR_RETURN(auto answers, current_answers(conn, inspection.id));
  Scores scores = score(checklist, answers);
  auto failed = failed_items(checklist, answers);
  INNET_ASSIGN_OR_RETURN(auto photos, photos_of(conn, inspection.id));
  INNET_ASSIGN_OR_RETURN(auto figures,
                         visit_figures(conn, inspection, checklist, answers, clock::today()));
  return InspectionDetail{std::move(inspection), std::move(answers), std::move(scores),
                          std::move(failed),     std::move(photos),  std::move(figures)};
}

// A score as the page shows it and Italian offices write it, in every language (decision 0021).
std::string decimal_comma(double score) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", score);
  std::string out = text;
  std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

// Every inspection of the filters, in the order asked, as CSV or XLSX in the caller's language
// (the page's file was the page shown; an office asks for the whole list). Read a page at a
// time: the page query names its ids in one IN list.
Result<http::Response> inspections_file(api::Context& ctx, db::Connection& conn,
                                        const InspectionFilter& filter) {
  const reporting::Labels labels(file_words(), reporting::language_of(ctx.request));
  reporting::Table table{.name = labels("sheet.inspections")};
  for (const char* c : {"centre", "date", "status", "announced", "overall"})
    table.columns.push_back({c, labels(std::string("column.") + c)});
  constexpr std::int64_t kRead = 500;
  for (Paging paging{1, kRead};; ++paging.page) {
    INNET_ASSIGN_OR_RETURN(auto page, list_inspections(conn, filter, paging));
    for (const auto& r : page.items) {
      using reporting::Cell;
      table.rows.push_back(
          {Cell::of(r.centre_name), Cell::date(r.inspection.planned_date),
           Cell::of(labels("inspection_status." + r.inspection.status)),
           Cell::of(labels(r.inspection.announced ? "column.announced" : "value.unannounced")),
           r.overall ? Cell::of(decimal_comma(*r.overall)) : Cell{}});
    }
    if (paging.page * kRead >= page.total) break;
  }
  return reporting::tables_response(ctx.request.query["format"], {std::move(table)}, 0,
                                    "ispezioni-" + clock::today().to_string(),
                                    reporting::CsvStyle::office);
}

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  auto& q = ctx.request.query;
  InspectionFilter filter;
  // A centre the caller may not see filters like a missing one: an empty list (the scope below
  // keeps an operator to its own centres), never a 404 that would tell the two apart.
  if (!q["centre_id"].empty()) filter.centre_id = parse_int(q["centre_id"]);
  if (!q["status"].empty()) filter.status = q["status"];
  filter.query = q["q"];
  filter.sort = q["sort"];
  if (ctx.scope != auth::Scope::all) {
    filter.centres = centres::centres_run_by(ctx.actor->organization_id);
    filter.issued_only = true;
  }
  if (!q["format"].empty() && q["format"] != "json") return inspections_file(ctx, *conn, filter);
  INNET_ASSIGN_OR_RETURN(auto page, list_inspections(*conn, filter, paging));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : page.items) items.push_back(row_type().to_json(r));
  return api::ok(list_envelope(std::move(items), page.total, paging));
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto inspection, inspection_in_scope(ctx, *conn, "inspections.read"));
  INNET_ASSIGN_OR_RETURN(auto detail, detail_of(*conn, std::move(inspection)));
  return api::ok(detail_type(), detail);
}

Status commit(api::Context& ctx, const char* action, const Inspection& i) {
  auto entry = ctx.audit(action, "inspection", std::to_string(i.id));
  entry.details = nlohmann::json({{"centre_id", i.centre_id}, {"status", i.status}}).dump();
  return ctx.commit(entry);
}

Result<http::Response> plan(api::Context& ctx) {
  NewInspection n;
  n.centre_id = ctx.body["centre_id"];
  INNET_TRY(centres::visible_centre(ctx, n.centre_id, "inspections.manage"));
  n.planned_date = *accepted_day(ctx.body, "planned_date");
  n.announced = ctx.body.value("announced", true);
  n.team = ctx.body["team"].get<std::vector<std::int64_t>>();
  n.note = api::patched<std::string>(ctx.body, "note", std::nullopt);
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  if (ctx.body.contains("checklist_id")) {
    n.checklist_id = ctx.body["checklist_id"];
  } else {
    INNET_ASSIGN_OR_RETURN(auto versions, versions_of(*conn, "standard"));
    if (!versions.empty()) n.checklist_id = versions.front().id;
  }
  INNET_ASSIGN_OR_RETURN(auto stored,
                         plan_inspection(*conn, n, ctx.actor->user_id, clock::now_iso()));
  INNET_TRY(commit(ctx, "inspections.plan", stored));
  return api::created(inspection_type().to_json(stored));
}

// A change of status: start, completion, report.
template <Result<Inspection> (*Change)(db::Connection&, std::int64_t, const std::string&)>
Result<http::Response> change(api::Context& ctx, const char* audit_action) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto inspection, inspection_in_scope(ctx, *conn, "inspections.manage"));
  INNET_ASSIGN_OR_RETURN(auto changed, Change(*conn, inspection.id, clock::now_iso()));
  INNET_TRY(commit(ctx, audit_action, changed));
  return api::created(inspection_type().to_json(changed));
}

Result<http::Response> answer(api::Context& ctx) {
  Answer a;
  a.item_id = ctx.body["item_id"];
  if (auto v = ctx.body.find("yes"); v != ctx.body.end() && !v->is_null()) a.yes = v->get<bool>();
  if (auto v = ctx.body.find("number"); v != ctx.body.end() && !v->is_null())
    a.number = v->get<double>();
  a.text = api::patched<std::string>(ctx.body, "text", std::nullopt);
  a.note = api::patched<std::string>(ctx.body, "note", std::nullopt);
  a.idempotency_key = ctx.body["idempotency_key"];
  a.answered_by = ctx.actor->user_id;
  a.answered_at = clock::now_iso();
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto inspection, inspection_in_scope(ctx, *conn, "inspections.manage"));
  a.inspection_id = inspection.id;
  INNET_ASSIGN_OR_RETURN(auto recorded, record_answer(*conn, inspection, a));
  const Answer& stored = recorded.answer;
  // A replay is answered as the first write was, and writes no second audit entry.
  if (recorded.replayed) return api::created(answer_type().to_json(stored));
  auto entry = ctx.audit("inspections.answer", "inspection", std::to_string(inspection.id));
  entry.details = nlohmann::json({{"item_id", stored.item_id}, {"answer_id", stored.id}}).dump();
  INNET_TRY(ctx.commit(entry));
  return api::created(answer_type().to_json(stored));
}

// ?sort=: each key ascending, or descending with '-' first.
Field sort_field() {
  Field f{.name = "sort", .max_length = 40};
  for (const auto& key : inspection_sort_keys()) {
    f.allowed.push_back(key);
    f.allowed.push_back("-" + key);
  }
  f.description = "a column to sort by, '-' first for descending; default -date (newest first)";
  return f;
}

}  // namespace

void add_inspection_routes(api::Api& api) {
  static const api::ListType inspection_list("InspectionList", row_type(), true);
  api.add_schema(inspection_type());
  api.add_schema(row_type());
  api.add_schema(inspection_list);
  api.add_schema(detail_type());
  api.add({.method = "GET",
           .pattern = kBase,
           .action = "inspections.read",
           .summary = "A page of inspections, newest first unless sorted (an operator: the issued "
                      "reports of its centres); every one of the filters as CSV or XLSX",
           .tag = "monitoring",
           .query = {{.name = "centre_id", .type = FieldType::integer, .min_value = 1},
                     {.name = "status", .allowed = inspection_statuses()},
                     {.name = "q", .max_length = 100, .description = "part of the centre's name"},
                     sort_field(),
                     {.name = "format",
                      .max_length = 4,
                      .allowed = {"json", "csv", "xlsx"},
                      .description = "json (default), csv or xlsx: every inspection of the "
                                     "filters (not one page), in the order asked and the "
                                     "caller's language (lang)"},
                     reporting::lang_field()},
           .paged = true,
           .response_schema = "InspectionList",
           .other_content_types = {"text/csv", reporting::kXlsxType},
           .handler = list});
  api.add(
      {.method = "POST",
       .pattern = kBase,
       .action = "inspections.manage",
       .summary = "Plan an inspection of a centre with a checklist version and a team",
       .tag = "monitoring",
       .body = {{.name = "centre_id", .type = FieldType::integer, .required = true, .min_value = 1},
                {.name = "checklist_id",
                 .type = FieldType::integer,
                 .description = "default: the latest version of the standard checklist",
                 .min_value = 1},
                {.name = "planned_date", .type = FieldType::date, .required = true},
                {.name = "announced",
                 .type = FieldType::boolean,
                 .description = "false: an unannounced visit (default true)"},
                {.name = "team",
                 .type = FieldType::integer_list,
                 .required = true,
                 .min_value = 1,
                 .max_items = 10,
                 .min_items = 1},
                {.name = "note", .nullable = true, .max_length = 2000, .multiline = true}},
       .response_schema = "Inspection",
       .success_status = 201,
       .handler = plan});
  api.add({.method = "GET",
           .pattern = std::string(kBase) + "/{id}",
           .action = "inspections.read",
           .summary = "An inspection with its answers in effect and its scores",
           .tag = "monitoring",
           .response_schema = "InspectionDetail",
           .handler = get});
  api.add(
      {.method = "POST",
       .pattern = std::string(kBase) + "/{id}/answers",
       .action = "inspections.manage",
       .summary = "Answer an item (a replay with the same idempotency key stores nothing)",
       .tag = "monitoring",
       .body = {{.name = "item_id", .type = FieldType::integer, .required = true, .min_value = 1},
                {.name = "yes", .type = FieldType::boolean, .nullable = true},
                {.name = "number", .type = FieldType::number, .nullable = true},
                {.name = "text", .nullable = true, .max_length = 4000, .multiline = true},
                {.name = "note", .nullable = true, .max_length = 4000, .multiline = true},
                {.name = "idempotency_key",
                 .required = true,
                 .max_length = 64,
                 .min_length = 8,
                 .description = "chosen by the client for each write, e.g. a UUID"}},
       .response_schema = "InspectionAnswer",
       .success_status = 201,
       .handler = answer});
  const std::vector<std::tuple<const char*, const char*, const char*, api::Handler>> changes = {
      {"/start", "Start a planned inspection", "inspections.start",
       [](api::Context& ctx) { return change<start_inspection>(ctx, "inspections.start"); }},
      {"/completion", "Complete an inspection in progress: its answers are final",
       "inspections.complete",
       [](api::Context& ctx) { return change<complete_inspection>(ctx, "inspections.complete"); }},
      {"/report", "Issue the report of a completed inspection to the centre's operator",
       "inspections.issue_report",
       [](api::Context& ctx) { return change<issue_report>(ctx, "inspections.issue_report"); }},
  };
  for (const auto& [suffix, summary, audit_action, handler] : changes)
    api.add({.method = "POST",
             .pattern = std::string(kBase) + "/{id}" + suffix,
             .action = "inspections.manage",
             .summary = summary,
             .tag = "monitoring",
             .response_schema = "Inspection",
             .success_status = 201,
             .handler = handler});
}

}  // namespace innet::monitoring
