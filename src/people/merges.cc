#include "people/merges.h"

#include "core/clock.h"
#include "people/duplicates.h"
#include "people/persons.h"

namespace innet::people {
namespace {

constexpr const char* kColumns =
    "id, kept_id, merged_id, reason, merged_by, merged_at, details, unmerged_by, unmerged_at, "
    "unmerge_reason";

using Pairs = std::vector<std::pair<std::string, std::string>>;

nlohmann::json pairs_json(const Pairs& pairs) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : pairs) out[k] = v;
  return out;
}

Pairs json_pairs(const nlohmann::json& j) {
  Pairs out;
  for (const auto& [k, v] : j.items()) out.emplace_back(k, v.get<std::string>());
  return out;
}

PersonMerge from_row(const db::Row& r) {
  PersonMerge m;
  m.id = r.integer(0);
  m.kept_id = r.integer(1);
  m.merged_id = r.integer(2);
  m.reason = r.text(3);
  m.merged_by = r.integer(4);
  m.merged_at = r.text(5);
  const auto details = nlohmann::json::parse(r.text(6));
  m.filled = json_pairs(details.at("filled"));
  m.cleared = json_pairs(details.at("cleared"));
  for (const auto& move : details.at("moved"))
    m.moved.push_back({move.at("module"), move.at("kind"), move.at("ids")});
  m.unmerged_by = r.opt_integer(7);
  m.unmerged_at = r.opt_text(8);
  m.unmerge_reason = r.opt_text(9);
  return m;
}

std::string details_json(const PersonMerge& m) {
  nlohmann::json moved = nlohmann::json::array();
  for (const auto& move : m.moved)
    moved.push_back({{"module", move.module}, {"kind", move.kind}, {"ids", move.ids}});
  return nlohmann::json{
      {"filled", pairs_json(m.filled)}, {"cleared", pairs_json(m.cleared)}, {"moved", moved}}
      .dump();
}

// The identity fields a merge copies into the kept record when it has none (a record typed in a
// hurry at a landing and a complete one made later): each with its text form, as stored.
struct Fillable {
  const char* name;
  std::optional<std::string> Person::*field;
};
constexpr Fillable kFillable[] = {
    {"family_name_original", &Person::family_name_original},
    {"given_names_original", &Person::given_names_original},
    {"birth_date", &Person::birth_date},
    {"cui", &Person::cui},
    {"codice_fiscale", &Person::codice_fiscale},
};

Error merged_before(const char* field, std::int64_t into) {
  return Error::rule(ErrorKind::conflict, "already_merged", field, already_merged(into));
}

const PersonRecords* records_of(const std::string& module) {
  for (const auto& records : person_records())
    if (records.name == module) return &records;
  return nullptr;
}

}  // namespace

Result<PersonMerge> merge_persons(db::Connection& conn, std::int64_t kept_id,
                                  std::int64_t merged_id, const std::string& reason,
                                  std::int64_t actor_id) {
  if (kept_id == merged_id)
    return Error::field(ErrorKind::unprocessable, "merged_id", FieldError::same_person());
  INNET_ASSIGN_OR_RETURN(auto kept, find_person(conn, kept_id));
  INNET_ASSIGN_OR_RETURN(auto merged, find_person(conn, merged_id));
  INNET_ASSIGN_OR_RETURN(auto kept_into, merged_into(conn, kept_id));
  INNET_ASSIGN_OR_RETURN(auto merged_into_before, merged_into(conn, merged_id));
  if (kept_into) return merged_before("kept_id", *kept_into);
  if (merged_into_before) return merged_before("merged_id", *merged_into_before);
  for (const auto& records : person_records())
    if (records.conflict) INNET_TRY(records.conflict(conn, kept_id, merged_id));

  PersonMerge m;
  m.kept_id = kept_id;
  m.merged_id = merged_id;
  m.reason = reason;
  m.merged_by = actor_id;
  m.merged_at = clock::now_iso();
  for (const auto& f : kFillable) {
    if (kept.*f.field || !(merged.*f.field)) continue;
    m.filled.emplace_back(f.name, *(merged.*f.field));
    kept.*f.field = merged.*f.field;
    if (f.field == &Person::birth_date) {
      m.filled.emplace_back("birth_date_estimated", kept.birth_date_estimated ? "1" : "0");
      kept.birth_date_estimated = merged.birth_date_estimated;
    }
  }
  // Identifiers are unique: the merged record gives them up before the kept one takes them.
  if (merged.cui) m.cleared.emplace_back("cui", *merged.cui);
  if (merged.codice_fiscale) m.cleared.emplace_back("codice_fiscale", *merged.codice_fiscale);
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE persons SET merged_into = ?, cui = NULL, codice_fiscale = NULL, "
                   "updated_at = ? WHERE id = ? AND merged_into IS NULL",
                   {kept_id, m.merged_at, merged_id}),
      "person"));
  INNET_TRY(drop_match_keys(conn, merged_id));
  if (!m.filled.empty()) INNET_TRY(update_person(conn, kept));
  for (const auto& records : person_records()) {
    if (!records.move) continue;
    INNET_ASSIGN_OR_RETURN(auto moved, records.move(conn, kept_id, merged_id, actor_id));
    for (auto& move : moved)
      if (!move.ids.empty()) m.moved.push_back({records.name, move.kind, std::move(move.ids)});
  }
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO person_merges (kept_id, merged_id, reason, merged_by, merged_at, "
                 "details) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                 {kept_id, merged_id, reason, actor_id, m.merged_at, details_json(m)}));
  m.id = rows[0].integer(0);
  return m;
}

Result<PersonMerge> unmerge_persons(db::Connection& conn, std::int64_t merge_id,
                                    const std::string& reason, std::int64_t actor_id) {
  INNET_ASSIGN_OR_RETURN(auto m, find_merge(conn, merge_id));
  if (m.unmerged_at)
    return Error::rule(ErrorKind::conflict, "already_unmerged", "id",
                       already_unmerged(*m.unmerged_at));
  INNET_ASSIGN_OR_RETURN(auto kept, find_person(conn, m.kept_id));
  INNET_ASSIGN_OR_RETURN(auto kept_into, merged_into(conn, m.kept_id));
  if (kept_into) return merged_before("kept_id", *kept_into);
  // What the kept record gained since (a placement after the merge) stays with it: only the
  // rows the merge moved go back.
  for (const auto& move : m.moved) {
    const auto* records = records_of(move.module);
    if (!records || !records->restore)
      return Error::internal("no module restores " + move.module + " " + move.kind);
  }
  for (const auto& records : person_records()) {
    if (!records.restore) continue;
    std::vector<MovedRecords> mine;
    for (const auto& move : m.moved)
      if (move.module == records.name) mine.push_back({move.kind, move.ids});
    if (!mine.empty()) INNET_TRY(records.restore(conn, m.kept_id, m.merged_id, mine, actor_id));
  }
  // A filled field goes back to empty unless it was corrected since.
  bool changed = false;
  for (const auto& f : kFillable)
    for (const auto& [name, value] : m.filled)
      if (name == f.name && kept.*f.field == value) {
        kept.*f.field = std::nullopt;
        changed = true;
      }
  for (const auto& [name, value] : m.filled)
    if (name == "birth_date_estimated" && !kept.birth_date)
      kept.birth_date_estimated = value == "1";
  if (changed) INNET_TRY(update_person(conn, kept));
  std::optional<std::string> cui;
  std::optional<std::string> codice_fiscale;
  for (const auto& [name, value] : m.cleared) (name == "cui" ? cui : codice_fiscale) = value;
  const std::string now = clock::now_iso();
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE persons SET merged_into = NULL, cui = ?, codice_fiscale = ?, "
                   "updated_at = ? WHERE id = ? AND merged_into = ?",
                   {db::optional_value(cui), db::optional_value(codice_fiscale), now, m.merged_id,
                    m.kept_id}),
      "person"));
  INNET_ASSIGN_OR_RETURN(auto merged, find_person(conn, m.merged_id));
  INNET_TRY(store_match_keys(conn, {&merged}, false));
  INNET_TRY(db::expect_one(
      conn.execute("UPDATE person_merges SET unmerged_by = ?, unmerged_at = ?, unmerge_reason = ? "
                   "WHERE id = ? AND unmerged_at IS NULL",
                   {actor_id, now, reason, merge_id}),
      "merge"));
  return find_merge(conn, merge_id);
}

Result<PersonMerge> find_merge(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM person_merges WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("merge");
  return from_row(rows[0]);
}

Result<db::Page<PersonMerge>> list_merges(db::Connection& conn,
                                          std::optional<std::int64_t> person_id,
                                          const Paging& paging) {
  db::Where where;
  if (person_id) where.add("(kept_id = ? OR merged_id = ?)", db::Params{*person_id, *person_id});
  return db::page_query<PersonMerge>(conn, kColumns, "person_merges", where, "id DESC", paging,
                                     from_row);
}

const api::ObjectType<ModuleMove>& module_move_type() {
  static const auto type =
      api::ObjectType<ModuleMove>("MergeMovedRecords")
          .field("module", &ModuleMove::module)
          .field("kind", &ModuleMove::kind, {.description = "e.g. placements, absence_notices"})
          .field("ids", &ModuleMove::ids);
  return type;
}

const api::ObjectType<PersonMerge>& person_merge_type() {
  static const auto type =
      api::ObjectType<PersonMerge>("PersonMerge")
          .field("id", &PersonMerge::id, {.description = "0 in a preview"})
          .field("kept_id", &PersonMerge::kept_id)
          .field("merged_id", &PersonMerge::merged_id)
          .field("reason", &PersonMerge::reason)
          .field("merged_by", &PersonMerge::merged_by)
          .field("merged_at", &PersonMerge::merged_at, {.format = "date-time"})
          .field(
              "filled_fields",
              [](const PersonMerge& m) {
                std::vector<std::string> names;
                for (const auto& [name, value] : m.filled)
                  if (name != "birth_date_estimated") names.push_back(name);
                return names;
              },
              {.description = "the kept record's empty fields that took the merged record's value"})
          .field("moved", &PersonMerge::moved, module_move_type(),
                 {.description = "what other modules moved to the kept record, by kind"})
          .field("unmerged_by", &PersonMerge::unmerged_by)
          .field("unmerged_at", &PersonMerge::unmerged_at, {.format = "date-time"})
          .field("unmerge_reason", &PersonMerge::unmerge_reason);
  return type;
}

db::Migration merges_migration(db::Engine) {
  // details: what the merge changed, as JSON ({"filled": {field: value}, "cleared": {field:
  // value}, "moved": [{module, kind, ids}]}): what an unmerge puts back.
  return {16, "people: merges of duplicate records", R"sql(
ALTER TABLE persons ADD COLUMN merged_into BIGINT REFERENCES persons (id);
CREATE TABLE person_merges (
  id {{pk}},
  kept_id BIGINT NOT NULL REFERENCES persons (id),
  merged_id BIGINT NOT NULL REFERENCES persons (id),
  reason TEXT NOT NULL,
  merged_by BIGINT NOT NULL,
  merged_at TEXT NOT NULL,
  details TEXT NOT NULL,
  unmerged_by BIGINT,
  unmerged_at TEXT,
  unmerge_reason TEXT
);
CREATE INDEX person_merges_kept ON person_merges (kept_id);
CREATE INDEX person_merges_merged ON person_merges (merged_id);
)sql"};
}

}  // namespace innet::people
