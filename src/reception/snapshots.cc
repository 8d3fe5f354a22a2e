#include "reception/snapshots.h"

#include <vector>

#include "core/clock.h"

namespace innet::reception {
namespace {

void add(CountsByCentre& counts, const db::Row& r, std::size_t first_column) {
  auto category = parse_category(r.text(first_column + 1));
  if (!category) return;
  counts[r.integer(first_column)][static_cast<std::size_t>(*category)] +=
      r.integer(first_column + 2);
}

Status insert_month(db::Connection& conn, const std::string& month, const CountsByCentre& counts) {
  INNET_TRY(conn.execute("INSERT INTO occupancy_snapshot_months (month) VALUES (?)", {month}));
  // Many rows a statement: a national month has about 12,000.
  constexpr std::size_t kRows = 250;
  std::string sql;
  db::Params params;
  std::size_t rows = 0;
  auto flush = [&]() -> Status {
    if (rows == 0) return Status::success();
    INNET_TRY(conn.execute(
        "INSERT INTO occupancy_snapshots (month, centre_id, category, guests) VALUES " + sql,
        params));
    sql.clear();
    params.clear();
    rows = 0;
    return Status::success();
  };
  for (const auto& [centre, guests] : counts)
    for (std::size_t c = 0; c < kCategoryCount; ++c) {
      if (guests[c] == 0) continue;
      sql += rows ? ", (?, ?, ?, ?)" : "(?, ?, ?, ?)";
      for (db::Value v : db::Params{month, centre, to_string(static_cast<Category>(c)), guests[c]})
        params.push_back(std::move(v));
      if (++rows == kRows) INNET_TRY(flush());
    }
  return flush();
}

}  // namespace

Result<CountsByCentre> count_guests(db::Connection& conn, const std::string& day) {
  auto rows = conn.query(
      "SELECT centre_id, category, COUNT(*) FROM placements WHERE start_date <= ? AND "
      "(end_date IS NULL OR end_date > ?) GROUP BY centre_id, category",
      {day, day});
  if (!rows.ok()) return rows.take_error();
  CountsByCentre counts;
  for (const auto& r : *rows) add(counts, r, 0);
  return counts;
}

Result<std::optional<CountsByCentre>> snapshot(db::Connection& conn, const std::string& month) {
  auto known = conn.query("SELECT 1 FROM occupancy_snapshot_months WHERE month = ?", {month});
  if (!known.ok()) return known.take_error();
  if (known->empty()) return std::optional<CountsByCentre>{};
  auto rows = conn.query(
      "SELECT centre_id, category, guests FROM occupancy_snapshots WHERE month = ?", {month});
  if (!rows.ok()) return rows.take_error();
  CountsByCentre counts;
  for (const auto& r : *rows) add(counts, r, 0);
  return std::optional<CountsByCentre>{std::move(counts)};
}

Status ensure_snapshot(db::Connection& conn, const std::string& month) {
  auto known = conn.query("SELECT 1 FROM occupancy_snapshot_months WHERE month = ?", {month});
  if (!known.ok()) return known.take_error();
  if (!known->empty()) return Status::success();
  auto counts = count_guests(conn, month);
  if (!counts.ok()) return counts.take_error();
  return insert_month(conn, month, *counts);
}

Status adjust_snapshots(db::Connection& conn, std::int64_t centre_id, Category category,
                        const std::string& from, const std::optional<std::string>& to,
                        std::int64_t delta) {
  // One statement for every materialised month in the range; a month where the centre had no
  // guest of the category gets its row.
  const std::string upsert =
      "INSERT INTO occupancy_snapshots (month, centre_id, category, guests) "
      "SELECT month, ?, ?, ? FROM occupancy_snapshot_months WHERE month >= ?";
  const std::string on_conflict =
      " ON CONFLICT (month, centre_id, category) DO UPDATE SET "
      "guests = occupancy_snapshots.guests + excluded.guests";
  db::Params params = {centre_id, to_string(category), delta, from};
  if (to) params.push_back(*to);
  INNET_TRY(conn.execute(upsert + (to ? " AND month < ?" : "") + on_conflict, params));
  return Status::success();
}

Status rebuild_snapshots(db::Connection& conn, const std::string& first, const std::string& last) {
  std::vector<std::string> months;
  for (std::string m = clock::month_start(first); m <= last; m = clock::next_month_start(m))
    months.push_back(m);
  if (months.empty()) return Status::success();
  INNET_TRY(conn.execute("DELETE FROM occupancy_snapshots WHERE month >= ? AND month <= ?",
                         {months.front(), months.back()}));
  INNET_TRY(conn.execute("DELETE FROM occupancy_snapshot_months WHERE month >= ? AND month <= ?",
                         {months.front(), months.back()}));
  // One read of every stay that overlaps the range; each adds one to the months it covers.
  auto rows = conn.query(
      "SELECT centre_id, category, start_date, end_date FROM placements WHERE start_date <= ? "
      "AND (end_date IS NULL OR end_date > ?)",
      {months.back(), months.front()});
  if (!rows.ok()) return rows.take_error();
  std::vector<CountsByCentre> counts(months.size());
  for (const auto& r : *rows) {
    auto category = parse_category(r.text(1));
    if (!category) continue;
    const std::string start = r.text(2);
    const auto end = r.opt_text(3);
    for (std::size_t i = 0; i < months.size(); ++i)
      if (start <= months[i] && (!end || months[i] < *end))
        ++counts[i][r.integer(0)][static_cast<std::size_t>(*category)];
  }
  for (std::size_t i = 0; i < months.size(); ++i)
    INNET_TRY(insert_month(conn, months[i], counts[i]));
  return Status::success();
}

}  // namespace innet::reception
