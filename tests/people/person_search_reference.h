// The person search as it was before its indexes (a LIKE over every person), kept as the
// reference that the indexed search must agree with: the storage tests compare their results and
// order, and bench/person_search_bench.cc times both in the same run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/json_input.h"
#include "db/database.h"
#include "db/query.h"
#include "people/persons.h"

namespace innet::people::reference {

struct Found {
  std::vector<std::int64_t> ids;  // the page, in order
  std::int64_t total = 0;         // every match, uncapped
};

// `hosted_by`: the persons placed, now or before, in that operator's centres only.
inline Result<Found> like_search(db::Connection& conn, const PersonFilter& f, const Paging& paging,
                                 std::optional<std::int64_t> hosted_by = std::nullopt) {
  db::Where where;
  const std::string like = db::like_pattern(f.query);
  where.add(
      "(LOWER(family_name) LIKE ? ESCAPE '\\' OR LOWER(given_names) LIKE ? ESCAPE '\\' OR "
      "LOWER(family_name_original) LIKE ? ESCAPE '\\' OR cui = ? OR codice_fiscale = ?)",
      {like, like, like, f.query, f.query});
  if (!f.nationality.empty()) where.add("nationality = ?", f.nationality);
  if (hosted_by)
    where.add(
        "EXISTS (SELECT 1 FROM placements pl JOIN centres c ON c.id = pl.centre_id "
        "WHERE pl.person_id = persons.id AND c.operator_id = ?)",
        *hosted_by);
  INNET_ASSIGN_OR_RETURN(
      auto page,
      db::page_query<std::int64_t>(conn, "id", "persons", where, "family_name, given_names, id",
                                   paging, [](const db::Row& r) { return r.integer(0); }));
  return Found{std::move(page.items), page.total};
}

}  // namespace innet::people::reference
