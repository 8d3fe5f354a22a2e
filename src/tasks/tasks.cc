#include "tasks/tasks.h"

#include <algorithm>
#include <tuple>

namespace innet::tasks {
namespace {

std::vector<Source>& registry() {
  static std::vector<Source> all;
  return all;
}

// The sources the caller may use.
std::vector<const Source*> sources_of(const api::Context& ctx) {
  std::vector<const Source*> out;
  for (const auto& s : registry())
    if (scope_for(ctx, s.action)) out.push_back(&s);
  return out;
}

}  // namespace

void add_source(Source source) {
  registry().push_back(std::move(source));
}

std::optional<auth::Scope> scope_for(const api::Context& ctx, const std::string& action) {
  if (!ctx.actor) return std::nullopt;
  return ctx.services.policy.scope(ctx.actor->role, action);
}

Result<Count> count(api::Context& ctx, db::Connection& conn, CivilDay today) {
  Count all;
  for (const Source* s : sources_of(ctx)) {
    INNET_ASSIGN_OR_RETURN(auto c, s->count(ctx, conn, today));
    all.total += c.total;
    all.overdue += c.overdue;
  }
  return all;
}

Result<Inbox> inbox(api::Context& ctx, db::Connection& conn, CivilDay today, const Paging& paging,
                    const std::optional<std::string>& kind) {
  Inbox out;
  // The page is among the first offset + per_page tasks of the merged order, so each source
  // hands at most that many, already in order: the merge never reads a source's whole list.
  const std::int64_t needed = paging.offset() + paging.per_page;
  std::vector<Task> merged;
  for (const Source* s : sources_of(ctx)) {
    if (kind && s->kind != *kind) continue;
    INNET_ASSIGN_OR_RETURN(auto c, s->count(ctx, conn, today));
    out.count.total += c.total;
    out.count.overdue += c.overdue;
    if (c.total == 0) continue;
    INNET_ASSIGN_OR_RETURN(auto tasks, s->list(ctx, conn, today, needed));
    for (auto& t : tasks) merged.push_back(std::move(t));
  }
  // Due first (none last), then by kind; stable, so each source's own order stays.
  std::stable_sort(merged.begin(), merged.end(), [](const Task& a, const Task& b) {
    return std::make_tuple(!a.due.has_value(), a.due.value_or(""), a.kind) <
           std::make_tuple(!b.due.has_value(), b.due.value_or(""), b.kind);
  });
  const auto first = std::min<std::size_t>(merged.size(), paging.offset());
  const auto last = std::min<std::size_t>(merged.size(), first + paging.per_page);
  out.items.assign(std::make_move_iterator(merged.begin() + first),
                   std::make_move_iterator(merged.begin() + last));
  return out;
}

const api::ObjectType<Task>& task_type() {
  static const auto type =
      api::ObjectType<Task>("Task")
          .field("kind", &Task::kind,
                 {.description = "what to do, as the module that raises it names it "
                                 "(finding_overdue, reply_to_verify, notice_to_decide); the web "
                                 "translates it"})
          .field("params", [](const Task& t) { return nlohmann::json(t.params); },
                 {.description = "the words of its title by name (a centre, an item, a day), "
                                 "for the translation of its kind",
                  .schema = {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}}})
          .field("due", &Task::due, {.format = "date"})
          .field("overdue", &Task::overdue, {.description = "due before today"})
          .field("link", &Task::link, {.description = "the web app's page of the record"});
  return type;
}

const api::ObjectType<Count>& count_type() {
  static const auto type = api::ObjectType<Count>("TaskCount")
                               .field("total", &Count::total)
                               .field("overdue", &Count::overdue);
  return type;
}

}  // namespace innet::tasks
