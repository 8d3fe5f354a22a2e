// /api/v1/checklists: the inspection checklists. Everyone who works with inspections reads them;
// the Prefettura writes new versions. There is no update and no delete: a version, once written,
// is what the inspections made with it answered (decision 0022).
#include "monitoring/routes.h"

#include "monitoring/checklists.h"

namespace innet::monitoring {
namespace {

constexpr const char* kBase = "/api/v1/checklists";

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  const auto& q = ctx.request.query;
  std::vector<ChecklistVersion> versions;
  if (auto code = q.find("code"); code != q.end()) {
    INNET_ASSIGN_OR_RETURN(versions, versions_of(*conn, code->second));
  } else {
    INNET_ASSIGN_OR_RETURN(versions, latest_versions(*conn));
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : versions) items.push_back(checklist_summary_type().to_json(v));
  return api::ok({{"items", std::move(items)}});
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto id, ctx.id_param());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto version, find_version(*conn, id));
  return api::ok(checklist_version_type(), version);
}

std::optional<double> optional_number(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<double>();
}

ChecklistItem item_from_body(const nlohmann::json& j) {
  ChecklistItem item;
  item.code = j["code"];
  item.area = j["area"];
  item.answer_kind = j["answer_kind"];
  item.choices = j.value("choices", std::vector<std::string>{});
  if (auto e = j.find("expected_yes"); e != j.end() && !e->is_null()) item.expected_yes = *e;
  item.passing_choices = j.value("passing_choices", std::vector<std::string>{});
  item.min_value = optional_number(j, "min_value");
  item.max_value = optional_number(j, "max_value");
  item.weight = j.value("weight", std::int64_t{1});
  item.failure_is_finding = j.value("failure_is_finding", false);
  item.default_severity = j.value("default_severity", std::string());
  item.reference = j.value("reference", std::string());
  for (const auto& language : question_languages())
    if (auto q = j.find("question_" + language); q != j.end() && !q->is_null())
      item.question[language] = q->get<std::string>();
  return item;
}

Result<http::Response> create(api::Context& ctx) {
  NewChecklistVersion v{.code = ctx.body["code"], .title = ctx.body["title"]};
  for (const auto& item : ctx.body["items"]) v.items.push_back(item_from_body(item));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto stored, create_version(*conn, v, ctx.actor->user_id));
  auto audit = ctx.audit("checklists.manage", "checklist", std::to_string(stored.id));
  audit.details = nlohmann::json({{"code", stored.code}, {"version", stored.version}}).dump();
  INNET_TRY(ctx.commit(audit));
  return api::created(checklist_version_type().to_json(stored));
}

FieldSpec item_fields() {
  FieldSpec fields = {
      {.name = "code",
       .required = true,
       .max_length = 80,
       .min_length = 1,
       .description = "unique in the version; the same across versions for the same question"},
      {.name = "area", .required = true, .allowed = area_names()},
      {.name = "answer_kind", .required = true, .allowed = answer_kinds()},
      {.name = "choices", .type = FieldType::string_list, .max_length = 80, .max_items = 20},
      {.name = "expected_yes",
       .type = FieldType::boolean,
       .nullable = true,
       .description = "yes_no items: the answer that passes"},
      {.name = "passing_choices",
       .type = FieldType::string_list,
       .max_length = 80,
       .max_items = 20},
      {.name = "min_value", .type = FieldType::number, .nullable = true},
      {.name = "max_value", .type = FieldType::number, .nullable = true},
      {.name = "weight", .type = FieldType::integer, .min_value = 1, .max_value = 10},
      {.name = "failure_is_finding", .type = FieldType::boolean},
      {.name = "default_severity", .allowed = severities()},
      {.name = "reference", .max_length = 300},
  };
  for (const auto& language : question_languages())
    fields.push_back({.name = "question_" + language,
                      .required = language == "it",
                      .nullable = language != "it",
                      .max_length = 1000,
                      .min_length = 1,
                      .description = "the question in " + language});
  return fields;
}

}  // namespace

void add_routes(api::Api& api) {
  add_inspection_routes(api);
  add_risk_routes(api);
  add_report_routes(api);
  add_finding_routes(api);
  add_sanction_routes(api);
  add_photo_routes(api);
  add_statistics_routes(api);
  static const api::ListType summary_list("ChecklistList", checklist_summary_type(), false);
  api.add_schema(checklist_version_type());
  api.add_schema(summary_list);
  api.add({.method = "GET",
           .pattern = kBase,
           .action = "checklists.read",
           .summary = "The latest version of each checklist, or every version of one code",
           .tag = "monitoring",
           .query = {{.name = "code", .max_length = 80, .description = "every version of it"}},
           .response_schema = "ChecklistList",
           .handler = list});
  api.add({.method = "GET",
           .pattern = std::string(kBase) + "/{id}",
           .action = "checklists.read",
           .summary = "A checklist version with its items and questions",
           .tag = "monitoring",
           .response_schema = "Checklist",
           .handler = get});
  api.add({.method = "POST",
           .pattern = kBase,
           .action = "checklists.manage",
           .summary = "Write the next version of a checklist (versions are never changed)",
           .tag = "monitoring",
           .body = {{.name = "code", .required = true, .max_length = 40, .min_length = 1},
                    {.name = "title", .required = true, .max_length = 200, .min_length = 1},
                    {.name = "items",
                     .type = FieldType::object_list,
                     .required = true,
                     .max_items = 300,
                     .min_items = 1,
                     .items = item_fields()}},
           .response_schema = "Checklist",
           .success_status = 201,
           .handler = create});
}

}  // namespace innet::monitoring
