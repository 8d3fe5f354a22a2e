#include "cases/joins.h"

#include <algorithm>

#include "cases/cases.h"
#include "cases/view.h"
#include "core/clock.h"
#include "db/query.h"
#include "documents/documents.h"

namespace innet::cases {
namespace {

// The merged case's attachments (the documents module's rows, linked to the case): re-owned
// through its interface, since cases reads no table of documents.
constexpr const char* kAttachments = "case_attachments";

CaseRecords attachments() {
  return {.name = "cases",
          .move = [](db::Connection& conn, std::int64_t kept_case, std::int64_t merged_case,
                     const JoinAct&) -> Result<std::vector<people::MovedRecords>> {
            INNET_ASSIGN_OR_RETURN(auto ids, documents::move_documents(conn, kAttachmentOwnerKind,
                                                                       merged_case, kept_case));
            return std::vector<people::MovedRecords>{{kAttachments, std::move(ids)}};
          },
          .restore = [](db::Connection& conn, std::int64_t kept_case, std::int64_t merged_case,
                        const std::vector<people::MovedRecords>& moved) -> Status {
            for (const auto& m : moved)
              if (m.kind == kAttachments)
                INNET_TRY(documents::move_documents_back(conn, m.ids, kept_case, merged_case));
            return Status::success();
          }};
}

std::vector<CaseRecords>& registered() {
  // The case's own rows that move by id: documents and notes; and its attachments.
  static std::vector<CaseRecords> all = {case_records_in("cases", {"case_documents", "case_notes"}),
                                         attachments()};
  return all;
}

// Case workers of the merged case not already on the case kept (keyed by user: what moved back
// is named by the user's id).
constexpr const char* kWorkers = "case_workers";
// The merged case, when the join closed it (one that was closed already stays so).
constexpr const char* kClosed = "closed_cases";

Result<std::vector<std::int64_t>> ids_of(Result<db::Rows> rows) {
  INNET_ASSIGN_OR_RETURN(auto r, std::move(rows));
  std::vector<std::int64_t> ids;
  for (const auto& row : r) ids.push_back(row.integer(0));
  return ids;
}

std::string joined_note(std::int64_t kept_case) {
  return "case " + std::to_string(kept_case) + " (person merge)";
}

}  // namespace

void add_case_records(CaseRecords records) {
  registered().push_back(std::move(records));
}

CaseRecords case_records_in(std::string module, std::vector<std::string> tables) {
  auto move = [tables](db::Connection& conn, std::int64_t kept_case, std::int64_t merged_case,
                       const JoinAct&) -> Result<std::vector<people::MovedRecords>> {
    std::vector<people::MovedRecords> out;
    for (const auto& table : tables) {
      INNET_ASSIGN_OR_RETURN(auto ids,
                             db::move_rows(conn, table, "case_id", merged_case, kept_case));
      out.push_back({table, std::move(ids)});
    }
    return out;
  };
  // A kind read back from a stored merge names a table only if it is one of these.
  auto restore = [tables](db::Connection& conn, std::int64_t kept_case, std::int64_t merged_case,
                          const std::vector<people::MovedRecords>& moved) -> Status {
    for (const auto& m : moved)
      if (std::find(tables.begin(), tables.end(), m.kind) != tables.end())
        INNET_TRY(db::move_rows_back(conn, m.kind, "case_id", m.ids, kept_case, merged_case));
    return Status::success();
  };
  return {.name = std::move(module), .move = std::move(move), .restore = std::move(restore)};
}

Result<std::vector<people::MovedRecords>> join_cases(db::Connection& conn, std::int64_t kept_case,
                                                     std::int64_t merged_case, const JoinAct& act) {
  std::vector<people::MovedRecords> out;
  INNET_ASSIGN_OR_RETURN(
      auto workers,
      ids_of(conn.query("UPDATE case_workers SET case_id = ? WHERE case_id = ? AND user_id NOT IN "
                        "(SELECT user_id FROM case_workers WHERE case_id = ?) RETURNING user_id",
                        {kept_case, merged_case, kept_case})));
  out.push_back({kWorkers, std::move(workers)});
  for (const auto& records : registered()) {
    INNET_ASSIGN_OR_RETURN(auto moved, records.move(conn, kept_case, merged_case, act));
    for (auto& m : moved) out.push_back(std::move(m));
  }
  INNET_TRY(store_next_expiry(conn, kept_case));
  INNET_TRY(store_next_expiry(conn, merged_case));
  INNET_ASSIGN_OR_RETURN(auto merged, find_case(conn, merged_case));
  if (merged.status != "closed") {
    INNET_TRY(change_status(conn, merged_case,
                            {.status = "closed",
                             .reason = std::string(kMergedReason),
                             .note = joined_note(kept_case),
                             .changed_by = act.actor_id},
                            act.at));
    out.push_back({kClosed, {merged_case}});
  }
  return out;
}

Status unjoin_cases(db::Connection& conn, std::int64_t kept_case, std::int64_t merged_case,
                    const std::vector<people::MovedRecords>& moved, std::int64_t actor_id) {
  for (const auto& m : moved)
    if (m.kind == kWorkers)
      for (auto user : m.ids)
        INNET_TRY(
            conn.execute("UPDATE case_workers SET case_id = ? WHERE case_id = ? AND user_id = ?",
                         {merged_case, kept_case, user}));
  for (const auto& records : registered())
    INNET_TRY(records.restore(conn, kept_case, merged_case, moved));
  INNET_TRY(store_next_expiry(conn, kept_case));
  INNET_TRY(store_next_expiry(conn, merged_case));
  for (const auto& m : moved)
    if (m.kind == kClosed)
      INNET_TRY(change_status(
          conn, merged_case,
          {.status = "reopened", .note = "person merge undone", .changed_by = actor_id},
          clock::now_iso()));
  return Status::success();
}

}  // namespace innet::cases
