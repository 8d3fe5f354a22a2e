// The person search without its indexes (every person read and tested), kept as the
// reference that the indexed search must agree with: the storage tests compare their results and
// order, and bench/person_search_bench.cc times both in the same run.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/json_input.h"
#include "db/database.h"
#include "db/query.h"
#include "people/name_fold.h"
#include "people/persons.h"

namespace innet::people::reference {

struct Found {
  std::vector<std::int64_t> ids;  // the page, in order
  std::int64_t total = 0;         // every match, uncapped
};

// Whether one folded column holds the word: a word of three characters or more anywhere, a
// shorter one as one of the column's words.
inline bool column_holds(const std::string& column, const std::string& word) {
  if (characters(word) >= kSubstringWord) return column.find(word) != std::string::npos;
  std::size_t at = 0;
  while (at <= column.size()) {
    const auto end = std::min(column.find(' ', at), column.size());
    if (column.compare(at, end - at, word) == 0) return true;
    at = end + 1;
  }
  return false;
}

// Every person read in list order and tested here, in C++: each word of the query in one of the
// four names (folded by fold_name, the one normalisation of decision 0007), or the whole query
// as CUI or codice fiscale.
// `hosted_by`: the persons placed, now or before, in that operator's centres only.
inline Result<Found> like_search(db::Connection& conn, const PersonFilter& f, const Paging& paging,
                                 std::optional<std::int64_t> hosted_by = std::nullopt) {
  db::Where where;
  if (!f.nationality.empty()) where.add("nationality = ?", f.nationality);
  if (hosted_by)
    where.add(
        "EXISTS (SELECT 1 FROM placements pl JOIN centres c ON c.id = pl.centre_id "
        "WHERE pl.person_id = persons.id AND c.operator_id = ?)",
        *hosted_by);
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT id, family_name, given_names, family_name_original, "
                                    "given_names_original, cui, codice_fiscale FROM persons" +
                                        where.sql() + " ORDER BY family_name, given_names, id",
                                    where.params()));
  const auto words = query_words(f.query);
  Found found;
  for (const auto& r : rows) {
    bool match = r.opt_text(5) == f.query || r.opt_text(6) == f.query;
    if (!match && !words.empty()) {
      std::vector<std::string> columns;
      for (int i = 1; i <= 4; ++i) columns.push_back(fold_name(r.opt_text(i).value_or("")));
      match = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::any_of(columns.begin(), columns.end(),
                           [&](const std::string& c) { return column_holds(c, w); });
      });
    }
    if (!match) continue;
    if (found.total >= paging.offset() && found.total < paging.offset() + paging.per_page)
      found.ids.push_back(r.integer(0));
    ++found.total;
  }
  return found;
}

}  // namespace innet::people::reference
