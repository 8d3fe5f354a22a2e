// Small helpers for storage code that builds list queries: a WHERE clause assembled from fixed
// SQL fragments (values always bound, never concatenated), LIKE patterns, and a page of results
// with its total.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "db/database.h"

namespace innet::db {

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

// The ids a module selects from its own tables, handed to another module as a filter
// (`column IN (subquery)`): the SQL text is the owner's, so no module writes SQL against another's
// tables, and the database still runs one statement. Values are bound, never concatenated.
struct Subquery {
  std::string sql;  // "SELECT id FROM centres WHERE operator_id = ?"
  Params params;
};

// Conditions joined by AND; each fragment is SQL text written in the code, with `?` for values.
class Where {
 public:
  void add(const char* fragment, Value v) {
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    sql_ += fragment;
    params_.push_back(std::move(v));
  }
  void add(const char* fragment, const Params& values) {  // a fragment with several `?`
    add(fragment);
    params_.insert(params_.end(), values.begin(), values.end());
  }
  void add(const char* fragment) {  // a condition without a value
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    sql_ += fragment;
  }
  void add_in(const char* column, const Subquery& ids) {  // column IN (ids)
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    sql_ += std::string(column) + " IN (" + ids.sql + ")";
    params_.insert(params_.end(), ids.params.begin(), ids.params.end());
  }
  const std::string& sql() const { return sql_; }
  const Params& params() const { return params_; }

 private:
  std::string sql_;
  Params params_;
};

// "%text%" lower-cased, with LIKE's wildcards escaped (use with ESCAPE '\').
std::string like_pattern(const std::string& text);

// One page of `SELECT columns FROM from WHERE ... ORDER BY order`, without its total: for a caller
// that knows the total another way (procedures' counter table).
template <class T, class FromRow>
Result<std::vector<T>> page_rows(Connection& conn, const std::string& columns,
                                 const std::string& from, const Where& where,
                                 const std::string& order, const Paging& paging, FromRow from_row) {
  Params params = where.params();
  params.push_back(paging.per_page);
  params.push_back(paging.offset());
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query("SELECT " + columns + " FROM " + from + where.sql() +
                                                   " ORDER BY " + order + " LIMIT ? OFFSET ?",
                                               params));
  std::vector<T> items;
  for (const auto& r : rows) items.push_back(from_row(r));
  return items;
}

// COUNT(*) and one page of `SELECT columns FROM from WHERE ... ORDER BY order`.
template <class T, class FromRow>
Result<Page<T>> page_query(Connection& conn, const std::string& columns, const std::string& from,
                           const Where& where, const std::string& order, const Paging& paging,
                           FromRow from_row) {
  INNET_ASSIGN_OR_RETURN(auto count,
                         conn.query("SELECT COUNT(*) FROM " + from + where.sql(), where.params()));
  Page<T> page;
  page.total = count[0].integer(0);
  INNET_ASSIGN_OR_RETURN(page.items,
                         page_rows<T>(conn, columns, from, where, order, paging, from_row));
  return page;
}

// For UPDATEs of one row by id: a missing row is a not_found error naming `what`.
Status expect_one(const Result<std::int64_t>& changed, const char* what);

// Lists of vocabulary codes ("canteen", "bn") stored in one column as "a,b,c": read with every
// row, never queried on their own, and much cheaper to read than JSON.
std::string join_codes(const std::vector<std::string>& codes);
std::vector<std::string> split_codes(const std::string& text);

// "?, ?, ?" for n values (IN lists; the SQL text depends only on the count).
std::string placeholders(std::size_t n);

// Stores `count` rows with multi-row INSERTs of at most `per_statement` rows each (then a quarter
// of that, down to one, for the rest: few statement texts), one round trip per statement: `insert`
// is the statement up to VALUES ("INSERT INTO t (a, b) VALUES "), `width` the values per row, and
// `row(i, params)` appends row i's values. Keep width x per_statement under a thousand (SQLite's
// limit on parameters is 32,766, PostgreSQL's 65,535).
Status insert_many(Connection& conn, const std::string& insert, std::size_t width,
                   std::size_t count, const std::function<void(std::size_t, Params&)>& row,
                   std::size_t per_statement = 100);

// A merge or a join hands one owner's rows to another (people/person_records.h,
// cases/joins.h): each module calls these on its own tables, which have an `id` column. Moves
// the rows of `table` whose `column` is `from` to `to`, and answers their ids.
Result<std::vector<std::int64_t>> move_rows(Connection& conn, const std::string& table,
                                            const std::string& column, std::int64_t from,
                                            std::int64_t to);
// Moves back those of `ids` that still name `to` (what the owner gained since stays).
Status move_rows_back(Connection& conn, const std::string& table, const std::string& column,
                      const std::vector<std::int64_t>& ids, std::int64_t to, std::int64_t from);

}  // namespace innet::db
