// The tasks inbox (issue 11 point 5): one list per user of what the caller should do, from rules
// across modules (a corrective action overdue, a reply to verify, an absence notice to decide;
// next a screening due, a referral waiting, a permit expiring). Tasks are not stored: each is a
// query over its module's own records, asked when the inbox is read, so a task disappears the
// moment the record that raised it changes and no module writes to another's tables.
//
// A module that raises tasks registers a Source in its `connect` hook, as it registers a
// people::PersonLink or a documents::Owner (decision 0028): tasks knows no module, the sources
// need not know each other, and GET /api/v1/tasks merges them.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/api.h"
#include "api/object_type.h"
#include "auth/policy.h"
#include "core/civil_day.h"
#include "core/paging.h"
#include "core/result.h"
#include "db/database.h"

namespace innet::tasks {

struct Task {
  std::string kind;  // the source's kind, unique across modules: "finding_overdue"
  // The words of its title, by name, for the web's translation of its kind (a centre's name, an
  // item's code, a day): never a guest's name, so the inbox reads no personal data.
  std::map<std::string, std::string> params;
  std::optional<std::string> due;  // YYYY-MM-DD; none: no term
  bool overdue = false;            // due before today
  std::string link;                // the web app's page of the record: "/inspections/12"
};

// How many tasks of a kind the caller has, and how many of them are overdue.
struct Count {
  std::int64_t total = 0;
  std::int64_t overdue = 0;
};

struct Source {
  std::string kind;
  // The caller has tasks of this kind only when the policy grants it this action; the source
  // reads the scope the policy gives (all, or its organisation's records) from the context.
  std::string action;
  std::function<Result<Count>(api::Context&, db::Connection&, CivilDay today)> count;
  // The caller's first `limit` tasks of this kind: due date first (none last), then the source's
  // own order, the same every time.
  std::function<Result<std::vector<Task>>(api::Context&, db::Connection&, CivilDay today,
                                          std::int64_t limit)>
      list;
};

// Called while the application is assembled (a module's connect), before any request: the
// sources are read without a lock afterwards.
void add_source(Source source);

// The scope the policy gives the caller for `action`, if any (what a source filters by).
std::optional<auth::Scope> scope_for(const api::Context& ctx, const std::string& action);

// The caller's tasks across every source the caller may use: their counts, and one page of the
// tasks in due order (overdue first, as they are the earliest), ties by kind then the source's
// order; of one kind only when `kind` is given (an inbox of hundreds of screenings due still
// shows its few referrals waiting).
struct Inbox {
  std::vector<Task> items;
  Count count;
};
Result<Inbox> inbox(api::Context& ctx, db::Connection& conn, CivilDay today, const Paging& paging,
                    const std::optional<std::string>& kind = std::nullopt);
Result<Count> count(api::Context& ctx, db::Connection& conn, CivilDay today);

const api::ObjectType<Task>& task_type();
const api::ObjectType<Count>& count_type();

}  // namespace innet::tasks
