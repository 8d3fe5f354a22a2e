// Merging two records of one person, and undoing it (decision 0026). The merged record stays,
// marked merged_into the kept one, so that what named it (an invoice line, an audit entry)
// still resolves; what other modules hold about it moves to the kept record through their
// PersonRecords hooks (person_records.h), which say exactly which rows moved; the kept record
// takes the identifiers and names it lacked. An unmerge moves back exactly those rows and
// values and makes the merged record a person again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "core/json_input.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "people/person_records.h"

namespace innet::people {

// Records moved by one module, as a merge answers them.
struct ModuleMove {
  std::string module;  // "reception"
  std::string kind;    // "placements"
  std::vector<std::int64_t> ids;
};

struct PersonMerge {
  std::int64_t id = 0;  // 0 in a preview (POST /person-merges/preview)
  std::int64_t kept_id = 0;
  std::int64_t merged_id = 0;
  std::string reason;
  std::int64_t merged_by = 0;
  std::string merged_at;
  // The kept record's fields that were empty and took the merged record's value, with it.
  std::vector<std::pair<std::string, std::string>> filled;
  // The merged record's identifiers moved to the kept one (unique: one person bears them).
  std::vector<std::pair<std::string, std::string>> cleared;
  std::vector<ModuleMove> moved;
  std::optional<std::int64_t> unmerged_by;
  std::optional<std::string> unmerged_at;
  std::optional<std::string> unmerge_reason;
};

// Merges `merged_id` into `kept_id`: 422 same_person, 409 already_merged, or the first conflict
// a module names (both placed now...), with nothing changed.
Result<PersonMerge> merge_persons(db::Connection& conn, std::int64_t kept_id,
                                  std::int64_t merged_id, const std::string& reason,
                                  std::int64_t actor_id);
// 409 already_unmerged; 409 already_merged when the kept record was merged into another since.
Result<PersonMerge> unmerge_persons(db::Connection& conn, std::int64_t merge_id,
                                    const std::string& reason, std::int64_t actor_id);
Result<PersonMerge> find_merge(db::Connection& conn, std::int64_t id);
// Newest first; `person_id`: the merges of that person, kept or merged.
Result<db::Page<PersonMerge>> list_merges(db::Connection& conn,
                                          std::optional<std::int64_t> person_id,
                                          const Paging& paging);

const api::ObjectType<PersonMerge>& person_merge_type();

// Migration 16: persons.merged_into and person_merges.
db::Migration merges_migration(db::Engine engine);

}  // namespace innet::people
