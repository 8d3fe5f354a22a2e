#include "procedures/person_records.h"

#include "db/query.h"

namespace innet::procedures {
namespace {

// The files naming `person` in `column` ("person_id" or "sponsor_person_id"), moved to `to`.
Result<std::vector<std::int64_t>> move_column(db::Connection& conn, const std::string& column,
                                              std::int64_t person, std::int64_t to) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT id FROM procedure_files WHERE " + column + " = ? ORDER BY id", {person}));
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.integer(0));
  if (!ids.empty())
    INNET_TRY(conn.execute("UPDATE procedure_files SET " + column + " = ? WHERE " + column + " = ?",
                           {to, person}));
  return ids;
}

Status move_back(db::Connection& conn, const std::string& column, std::int64_t to,
                 const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return Status::success();
  db::Params params = {to};
  params.insert(params.end(), ids.begin(), ids.end());
  INNET_TRY(conn.execute("UPDATE procedure_files SET " + column + " = ? WHERE id IN (" +
                             db::placeholders(ids.size()) + ")",
                         params));
  return Status::success();
}

const char* column_of(const std::string& kind) {
  return kind == "procedure_files_sponsored" ? "sponsor_person_id" : "person_id";
}

}  // namespace

people::PersonRecords person_records() {
  return {.name = "procedures",
          .move = [](db::Connection& conn, std::int64_t kept, std::int64_t merged,
                     std::int64_t) -> Result<std::vector<people::MovedRecords>> {
            INNET_ASSIGN_OR_RETURN(auto own, move_column(conn, "person_id", merged, kept));
            INNET_ASSIGN_OR_RETURN(auto sponsored,
                                   move_column(conn, "sponsor_person_id", merged, kept));
            return std::vector<people::MovedRecords>{{"procedure_files", own},
                                                     {"procedure_files_sponsored", sponsored}};
          },
          .restore = [](db::Connection& conn, std::int64_t, std::int64_t merged,
                        const std::vector<people::MovedRecords>& moved, std::int64_t) -> Status {
            for (const auto& m : moved)
              if (m.kind.starts_with("procedure_files"))
                INNET_TRY(move_back(conn, column_of(m.kind), merged, m.ids));
            return Status::success();
          }};
}

}  // namespace innet::procedures
