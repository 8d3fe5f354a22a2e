#include "reception/person_records.h"

#include "db/query.h"

namespace innet::reception {
namespace {

// The tables whose rows belong to the person they name, each with the kind a merge reports.
struct Owned {
  const char* table;
  const char* kind;
};
constexpr Owned kMoved[] = {
    {"placements", "placements"},
    {"absence_notices", "absence_notices"},
    {"register_absences", "register_absences"},
    {"money_handovers", "money_handovers"},
    {"pocket_money_suspensions", "pocket_money_suspensions"},
};
// At most one per person: moved only to a kept record that has none.
constexpr Owned kExtension = {"minor_section_extensions", "minor_section_extensions"};

Status overlapping_placements(db::Connection& conn, std::int64_t kept_id, std::int64_t merged_id) {
  // Placements cover [start_date, end_date): a transfer's exit day is the next entry day.
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT k.id, m.id, CASE WHEN k.end_date IS NULL AND m.end_date IS NULL THEN 1 "
                 "ELSE 0 END FROM placements k JOIN placements m ON m.person_id = ? "
                 "WHERE k.person_id = ? AND k.start_date < COALESCE(m.end_date, '9999-12-31') "
                 "AND m.start_date < COALESCE(k.end_date, '9999-12-31') "
                 "ORDER BY 3 DESC, k.id, m.id LIMIT 1",
                 {merged_id, kept_id}));
  if (rows.empty()) return Status::success();
  const bool both_open = rows[0].integer(2) != 0;
  return Error::rule(ErrorKind::conflict, both_open ? "both_placed" : "placements_overlap",
                     "merged_id",
                     people::placements_overlap(rows[0].integer(0), rows[0].integer(1), both_open));
}

Result<std::vector<people::MovedRecords>> move(db::Connection& conn, std::int64_t kept_id,
                                               std::int64_t merged_id, std::int64_t) {
  std::vector<people::MovedRecords> out;
  for (const auto& owned : kMoved) {
    INNET_ASSIGN_OR_RETURN(auto ids,
                           db::move_rows(conn, owned.table, "person_id", merged_id, kept_id));
    out.push_back({owned.kind, std::move(ids)});
  }
  INNET_ASSIGN_OR_RETURN(
      auto kept_has,
      conn.query("SELECT 1 FROM minor_section_extensions WHERE person_id = ?", {kept_id}));
  if (kept_has.empty()) {
    INNET_ASSIGN_OR_RETURN(auto ids,
                           db::move_rows(conn, kExtension.table, "person_id", merged_id, kept_id));
    out.push_back({kExtension.kind, std::move(ids)});
  }
  return out;
}

Status restore(db::Connection& conn, std::int64_t kept_id, std::int64_t merged_id,
               const std::vector<people::MovedRecords>& moved, std::int64_t) {
  for (const auto& m : moved) {
    const char* table = nullptr;
    for (const auto& owned : kMoved)
      if (m.kind == owned.kind) table = owned.table;
    if (m.kind == kExtension.kind) table = kExtension.table;
    if (!table) return Error::internal("reception moved no " + m.kind);
    INNET_TRY(db::move_rows_back(conn, table, "person_id", m.ids, kept_id, merged_id));
  }
  return Status::success();
}

}  // namespace

people::PersonRecords person_records() {
  return {
      .name = "reception", .conflict = overlapping_placements, .move = move, .restore = restore};
}

}  // namespace innet::reception
