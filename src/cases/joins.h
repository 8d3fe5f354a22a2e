// Joining two cases of one person (decision 0025, point 10). A person has one case; when a
// person merge finds a case on each record, the case of the merged record is joined into the
// case kept: its documents, notes, attachments, case workers and every other module's rows that
// name it move to the case kept, and it is closed with the reason "merged". An unmerge moves
// exactly those rows back and reopens it. Cases reads no other module's tables (decision 0014): a
// module whose rows name a case (screening, referrals, opportunities) registers its CaseRecords at
// start-up.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "people/person_records.h"

namespace innet::cases {

// Who joins, and when: what a module records of a change the join makes to its rows (screening
// withdraws a flag that the join made a duplicate).
struct JoinAct {
  std::int64_t actor_id = 0;
  std::string at;  // ISO-8601 UTC, as clock::now_iso()
};

struct CaseRecords {
  std::string name;  // the module, e.g. "screening"
  // Moves the rows naming `merged_case` to `kept_case`, in the merge's transaction; answers
  // what it moved, by id, with kinds of its own: its tables' names, unique among modules.
  std::function<Result<std::vector<people::MovedRecords>>(db::Connection&, std::int64_t kept_case,
                                                          std::int64_t merged_case, const JoinAct&)>
      move;
  // Moves those rows back to `merged_case` (rows the case kept gained since stay), from every
  // kind the join moved: each module picks its own.
  std::function<Status(db::Connection&, std::int64_t kept_case, std::int64_t merged_case,
                       const std::vector<people::MovedRecords>&)>
      restore;
};

// Called while the application is assembled, before any request: read without a lock after.
void add_case_records(CaseRecords records);
// The records of a module whose rows naming a case are in these tables of its own, each with an
// `id` and a `case_id` column; each table's name is the kind of its rows.
CaseRecords case_records_in(std::string module, std::vector<std::string> tables);

// Joins `merged_case` into `kept_case`: what moved, by kind.
Result<std::vector<people::MovedRecords>> join_cases(db::Connection& conn, std::int64_t kept_case,
                                                     std::int64_t merged_case, const JoinAct& act);
// Undoes join_cases: the rows it moved go back, and the case it closed is reopened.
Status unjoin_cases(db::Connection& conn, std::int64_t kept_case, std::int64_t merged_case,
                    const std::vector<people::MovedRecords>& moved, std::int64_t actor_id);

}  // namespace innet::cases
