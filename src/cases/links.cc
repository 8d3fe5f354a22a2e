// How cases takes part in other modules' hooks beyond visibility: a person merge moves a case to
// the record kept (people/person_records.h, decision 0026), duplicates find persons by the
// numbers of their identity documents, and a permit of stay about to expire is a task for the
// case workers of the organisation keeping the case, as is a case handed to it that none of them
// has taken yet (tasks/tasks.h, decision 0028).
#include "cases/links.h"

#include <optional>

#include "cases/cases.h"
#include "cases/joins.h"
#include "core/clock.h"
#include "people/duplicates.h"
#include "people/person_records.h"
#include "tasks/tasks.h"

namespace innet::cases {
namespace {

// Tasks begin 60 days before a permit expires (issue 11: reminders at 60 and 30 days; the
// inbox shows the expiry as the task's term, so the 30-day mark is the same task, nearer).
constexpr std::int64_t kPermitNoticeDays = 60;

// The cases of the two records of a merge, each when it has one.
struct MergedCases {
  std::optional<Case> kept;
  std::optional<Case> merged;
};

Result<MergedCases> cases_of_merge(db::Connection& conn, std::int64_t kept_id,
                                   std::int64_t merged_id) {
  MergedCases out;
  INNET_ASSIGN_OR_RETURN(out.kept, case_of_person(conn, kept_id));
  INNET_ASSIGN_OR_RETURN(out.merged, case_of_person(conn, merged_id));
  return out;
}

// A person has one case (decision 0025): when both records have one, the merged record's case
// is joined into the kept one (joins.h). Only within one organisation: a join across two would
// hand one organisation's notes and vulnerability details to the other, which is a handover's
// decision (with its reason), not a merge's.
Status cases_of_two_organizations(db::Connection& conn, std::int64_t kept_id,
                                  std::int64_t merged_id) {
  INNET_ASSIGN_OR_RETURN(auto both, cases_of_merge(conn, kept_id, merged_id));
  if (!both.kept || !both.merged || both.kept->organization_id == both.merged->organization_id)
    return Status::success();
  return Error::rule(
      ErrorKind::conflict, "cases_of_two_organizations", "merged_id",
      FieldError{"cases_of_two_organizations",
                 {{"kept_case", both.kept->id}, {"merged_case", both.merged->id}},
                 "both records have a case, kept by two organisations (cases " +
                     std::to_string(both.kept->id) + " and " + std::to_string(both.merged->id) +
                     "): hand one over to the other organisation first"});
}

Result<std::vector<people::MovedRecords>> move_case(db::Connection& conn, std::int64_t kept_id,
                                                    std::int64_t merged_id, std::int64_t actor_id) {
  INNET_ASSIGN_OR_RETURN(auto both, cases_of_merge(conn, kept_id, merged_id));
  if (!both.merged) return std::vector<people::MovedRecords>{};
  // The merge's clock, read again: people's move hook carries no time, and within the merge's
  // transaction this is its second but for one that ticks over meanwhile.
  if (both.kept)
    return join_cases(conn, both.kept->id, both.merged->id,
                      {.actor_id = actor_id, .at = clock::now_iso()});
  INNET_TRY(
      conn.execute("UPDATE cases SET person_id = ? WHERE id = ?", {kept_id, both.merged->id}));
  return std::vector<people::MovedRecords>{{"cases", {both.merged->id}}};
}

// A case moved goes back to the merged record; a joined case gets its rows back and stays with
// the merged record, which it never left.
Status restore_case(db::Connection& conn, std::int64_t kept_id, std::int64_t merged_id,
                    const std::vector<people::MovedRecords>& moved, std::int64_t actor_id) {
  std::vector<people::MovedRecords> joined;
  for (const auto& m : moved) {
    if (m.kind != "cases") {
      joined.push_back(m);
      continue;
    }
    for (auto id : m.ids)
      INNET_TRY(conn.execute("UPDATE cases SET person_id = ? WHERE id = ? AND person_id = ?",
                             {merged_id, id, kept_id}));
  }
  if (joined.empty()) return Status::success();
  INNET_ASSIGN_OR_RETURN(auto both, cases_of_merge(conn, kept_id, merged_id));
  if (!both.kept || !both.merged) return Error::internal("a joined case is missing");
  return unjoin_cases(conn, both.kept->id, both.merged->id, joined, actor_id);
}

// `number` comes normalised (letters and digits, upper case); stored numbers are compared the
// same way, so "YA 123-456" finds "ya123456".
Result<std::vector<std::int64_t>> persons_with_document(db::Connection& conn,
                                                        const std::string& number) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT DISTINCT c.person_id FROM case_documents JOIN cases c "
                             "ON c.id = case_documents.case_id WHERE ") +
                     kDocumentNumberKey + " = ? ORDER BY c.person_id",
                 {number}));
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.integer(0));
  return ids;
}

// The document numbers of these persons, normalised as above: the queue of likely duplicate
// pairs looks up who else bears each.
Result<std::vector<std::pair<std::int64_t, std::string>>> documents_of_persons(
    db::Connection& conn, const std::vector<std::int64_t>& person_ids) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  if (person_ids.empty()) return out;
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT DISTINCT c.person_id, d.number FROM case_documents d JOIN cases c "
                 "ON c.id = d.case_id WHERE c.person_id IN (" +
                     db::placeholders(person_ids.size()) + ")",
                 db::Params(person_ids.begin(), person_ids.end())));
  for (const auto& r : rows)
    if (auto number = people::normalised_identifier(r.text(1)); !number.empty())
      out.emplace_back(r.integer(0), std::move(number));
  return out;
}

// The caller's permits expiring within the notice period, soonest first: of its organisation's
// open cases (the policy gives cases.manage to case workers over their organisation only).
Result<std::vector<ExpiringDocument>> expiring_permits(api::Context& ctx, db::Connection& conn,
                                                       CivilDay today) {
  std::optional<std::int64_t> organization;
  if (tasks::scope_for(ctx, "cases.manage") != auth::Scope::all)
    organization = ctx.actor->organization_id;
  INNET_ASSIGN_OR_RETURN(auto all,
                         documents_expiring_within(conn, today, kPermitNoticeDays, organization));
  std::vector<ExpiringDocument> permits;
  for (auto& d : all)
    if (d.document.type == "permit_of_stay") permits.push_back(std::move(d));
  return permits;
}

// The cases handed to the caller's organisation that none of its case workers has taken yet.
Result<std::vector<HandedOver>> handed_over(api::Context& ctx, db::Connection& conn) {
  std::optional<std::int64_t> organization;
  if (tasks::scope_for(ctx, "cases.manage") != auth::Scope::all)
    organization = ctx.actor->organization_id;
  return handed_over_unassigned(conn, organization);
}

}  // namespace

people::PersonRecords person_records() {
  return {.name = "cases",
          .conflict = cases_of_two_organizations,
          .move = move_case,
          .restore = restore_case,
          .persons_with_document = persons_with_document,
          .documents_of = documents_of_persons};
}

void add_task_sources() {
  tasks::add_source({.kind = "permit_expiring",
                     .action = "cases.manage",
                     .count = [](api::Context& ctx, db::Connection& conn,
                                 CivilDay today) -> Result<tasks::Count> {
                       INNET_ASSIGN_OR_RETURN(auto permits, expiring_permits(ctx, conn, today));
                       tasks::Count n{static_cast<std::int64_t>(permits.size()), 0};
                       for (const auto& p : permits) n.overdue += p.days_left < 0 ? 1 : 0;
                       return n;
                     },
                     .list = [](api::Context& ctx, db::Connection& conn, CivilDay today,
                                std::int64_t limit) -> Result<std::vector<tasks::Task>> {
                       INNET_ASSIGN_OR_RETURN(auto permits, expiring_permits(ctx, conn, today));
                       std::vector<tasks::Task> out;
                       for (const auto& p : permits) {
                         if (static_cast<std::int64_t>(out.size()) >= limit) break;
                         // The case's number and the permit's term name it: never the guest's name.
                         tasks::Task t{.kind = "permit_expiring",
                                       .params = {{"case", std::to_string(p.document.case_id)},
                                                  {"expires_on", *p.document.expires_on}},
                                       .due = p.document.expires_on,
                                       .overdue = p.days_left < 0,
                                       .link = "/cases/" + std::to_string(p.document.case_id)};
                         out.push_back(std::move(t));
                       }
                       return out;
                     }});
  // A case handed over arrives without case workers (the old organisation's came off it): until
  // one is assigned, someone of the receiving organisation should take it. No term: the task
  // goes when a case worker is assigned, or the case is closed.
  tasks::add_source(
      {.kind = "case_handed_over",
       .action = "cases.manage",
       .count = [](api::Context& ctx, db::Connection& conn, CivilDay) -> Result<tasks::Count> {
         INNET_ASSIGN_OR_RETURN(auto cases, handed_over(ctx, conn));
         return tasks::Count{static_cast<std::int64_t>(cases.size()), 0};
       },
       .list = [](api::Context& ctx, db::Connection& conn, CivilDay,
                  std::int64_t limit) -> Result<std::vector<tasks::Task>> {
         INNET_ASSIGN_OR_RETURN(auto cases, handed_over(ctx, conn));
         std::vector<tasks::Task> out;
         for (const auto& h : cases) {
           if (static_cast<std::int64_t>(out.size()) >= limit) break;
           out.push_back({.kind = "case_handed_over",
                          .params = {{"case", std::to_string(h.case_id)},
                                     {"handed_on", h.handed_at.substr(0, 10)}},
                          .link = "/cases/" + std::to_string(h.case_id)});
         }
         return out;
       }});
}

}  // namespace innet::cases
