// GET /api/v1/tasks: the caller's inbox, a page of tasks from every source the caller may use
// (tasks.h); GET /api/v1/tasks/count: how many, for the header. Both read only: a task is done
// on its record's own page, and disappears when the record changes.
#include "tasks/module.h"

#include "core/clock.h"
#include "core/json_input.h"
#include "tasks/tasks.h"

namespace innet::tasks {
namespace {

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(ctx.request.query));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  std::optional<std::string> kind;
  if (!ctx.request.query["kind"].empty()) kind = ctx.request.query["kind"];
  INNET_ASSIGN_OR_RETURN(auto box, inbox(ctx, *conn, clock::today(), paging, kind));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : box.items) items.push_back(task_type().to_json(t));
  auto body = list_envelope(std::move(items), box.count.total, paging);
  body["overdue"] = box.count.overdue;
  return api::ok(body);
}

Result<http::Response> count_route(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto c, count(ctx, *conn, clock::today()));
  return api::ok(count_type(), c);
}

void add_routes(api::Api& api) {
  static const api::ListType task_list =
      api::ListType("TaskList", task_type(), true)
          .with("overdue", {{"type", "integer"}, {"description", "how many tasks are overdue"}});
  api.add_schema(task_type());
  api.add_schema(count_type());
  api.add_schema(task_list);
  api.add({.method = "GET",
           .pattern = "/api/v1/tasks",
           .action = "tasks.read",
           .summary = "The caller's tasks from every module, the earliest due first",
           .tag = "tasks",
           .query = {{.name = "kind",
                      .max_length = 40,
                      .description = "one kind of task only (a kind no source raises: none)"}},
           .paged = true,
           .response_schema = "TaskList",
           .handler = list});
  api.add({.method = "GET",
           .pattern = "/api/v1/tasks/count",
           .action = "tasks.read",
           .summary = "How many tasks the caller has, and how many are overdue (the header's)",
           .tag = "tasks",
           .response_schema = "TaskCount",
           .handler = count_route});
}

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  // Every role that works on records has an inbox; which tasks fill it is each source's action
  // (tasks.h), so a role no source serves yet sees an empty one. Not the admin (accounts, no
  // case data) nor the analyst (aggregates only: never a task about a record).
  std::vector<auth::Policy::Grant> out;
  for (auto role : {prefecture_officer, inspector, case_worker, service_provider, sui_officer})
    out.push_back({"tasks.read", role, all});
  return out;
}

}  // namespace

api::Module module() {
  return {.name = "tasks",
          .grants = grants(),
          .migrations = [](db::Engine) { return std::vector<db::Migration>{}; },
          .add_routes = add_routes};
}

}  // namespace innet::tasks
