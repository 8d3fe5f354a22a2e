// One shape for the officer's lists across centres (decision 0021): a list is rows computed in
// memory (at most one per centre, contract, invoice or movement of a period), sorted by a key the
// caller names, answered as a page of JSON or as a whole CSV/XLSX file in the caller's language.
// Each list says once which columns its files have (a catalogue key and a cell per row) and by
// which keys it sorts; the routes, the OpenAPI document and the files follow from that.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "api/api.h"
#include "core/json_input.h"
#include "reporting/files.h"
#include "reporting/language.h"
#include "reporting/table.h"

namespace innet::reception::overview {

// The words of every file of the officer's lists, in six languages (labels.cc).
const reporting::Catalogue& catalogue();

template <class Row>
struct Column {
  std::string key;  // the catalogue's key of its header
  // Vocabulary values (a reason, a category) are said in the file's language.
  std::function<reporting::Cell(const Row&, const reporting::Labels&)> cell;
};

template <class Row>
struct SortKey {
  std::string name;
  std::function<bool(const Row&, const Row&)> less;  // ascending
};

template <class Row>
struct OfficeList {
  std::string name;  // file name and the catalogue's key of the sheet: "sheet.<name>"
  std::vector<Column<Row>> columns;
  std::vector<SortKey<Row>> sorts;
  std::string default_sort;  // "name" ascending, "-name" descending

  // The ?sort= parameter: each key, ascending or descending.
  Field sort_field() const {
    Field f{.name = "sort", .max_length = 40};
    for (const auto& s : sorts) {
      f.allowed.push_back(s.name);
      f.allowed.push_back("-" + s.name);
    }
    f.description = "a column to sort by, '-' first for descending; default " + default_sort;
    return f;
  }

  void sort(std::vector<Row>& rows, const std::string& requested) const {
    const std::string by = requested.empty() ? default_sort : requested;
    const bool descending = by.front() == '-';
    const std::string key = descending ? by.substr(1) : by;
    for (const auto& s : sorts)
      if (s.name == key) {
        // Stable: rows come in a fixed order (by id), so equal keys keep it and pages do not
        // shuffle between requests.
        std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
          return descending ? s.less(b, a) : s.less(a, b);
        });
        return;
      }
  }

  reporting::Table table(const std::vector<Row>& rows, const reporting::Labels& labels) const {
    reporting::Table t;
    // A sheet name holds at most 31 characters (Excel); the catalogue's are shorter.
    t.name = labels("sheet." + name);
    for (const auto& c : columns) t.columns.push_back({c.key, labels(c.key)});
    t.rows.reserve(rows.size());
    for (const auto& r : rows) {
      std::vector<reporting::Cell> cells;
      cells.reserve(columns.size());
      for (const auto& c : columns) cells.push_back(c.cell(r, labels));
      t.rows.push_back(std::move(cells));
    }
    return t;
  }
};

// ?format= (json, csv, xlsx) of every list; ?lang= is reporting::lang_field().
const Field& format_field();

// ?format= absent or json: one page of the sorted rows in the list envelope, plus `extra`
// properties; csv or xlsx: every row, as a file in the caller's language (reporting/language.h),
// named <list>-<suffix>. `shown`, if given, is called with each row the answer holds (a list of
// persons records them in the read log: the page's rows, or every row of a file).
template <class Row>
Result<http::Response> answer(api::Context& ctx, const OfficeList<Row>& list,
                              const api::ObjectType<Row>& type, std::vector<Row> rows,
                              nlohmann::json extra, const std::string& suffix,
                              const std::function<void(const Row&)>& shown = {}) {
  auto& q = ctx.request.query;
  list.sort(rows, q["sort"]);
  const std::string format = q["format"].empty() ? "json" : q["format"];
  if (format == "json") {
    INNET_ASSIGN_OR_RETURN(auto paging, parse_paging(q));
    nlohmann::json items = nlohmann::json::array();
    const auto first = std::min<std::size_t>(rows.size(), paging.offset());
    const auto last = std::min<std::size_t>(rows.size(), first + paging.per_page);
    for (std::size_t i = first; i < last; ++i) {
      items.push_back(type.to_json(rows[i]));
      if (shown) shown(rows[i]);
    }
    nlohmann::json body =
        list_envelope(std::move(items), static_cast<std::int64_t>(rows.size()), paging);
    for (auto& [k, v] : extra.items()) body[k] = v;
    return api::ok(body);
  }
  if (shown)
    for (const auto& r : rows) shown(r);
  const reporting::Labels labels(catalogue(), reporting::language_of(ctx.request));
  std::string basename = list.name;
  std::replace(basename.begin(), basename.end(), '_', '-');
  return reporting::tables_response(format, {list.table(rows, labels)}, 0, basename + "-" + suffix,
                                    reporting::CsvStyle::office);
}

}  // namespace innet::reception::overview
