#include "reception/placements/snapshots.h"

#include <vector>

#include "core/civil_day.h"

namespace innet::reception {
namespace {

void add(CountsByCentre& counts, const db::Row& r, std::size_t first_column) {
  auto category = centres::parse_category(r.text(first_column + 1));
  if (!category) return;
  counts[r.integer(first_column)][static_cast<std::size_t>(*category)] +=
      r.integer(first_column + 2);
}

Status insert_snapshot(db::Connection& conn, const std::string& day, const CountsByCentre& counts) {
  INNET_TRY(conn.execute("INSERT INTO occupancy_snapshot_days (day) VALUES (?)", {day}));
  // Many rows a statement: a national snapshot has about 5,000.
  constexpr std::size_t kRows = 250;
  std::string sql;
  db::Params params;
  std::size_t rows = 0;
  auto flush = [&]() -> Status {
    if (rows == 0) return Status::success();
    INNET_TRY(conn.execute(
        "INSERT INTO occupancy_snapshots (day, centre_id, category, guests) VALUES " + sql,
        params));
    sql.clear();
    params.clear();
    rows = 0;
    return Status::success();
  };
  for (const auto& [centre, guests] : counts)
    for (std::size_t c = 0; c < centres::kCategoryCount; ++c) {
      if (guests[c] == 0) continue;
      sql += rows ? ", (?, ?, ?, ?)" : "(?, ?, ?, ?)";
      for (db::Value v :
           db::Params{day, centre, to_string(static_cast<centres::Category>(c)), guests[c]})
        params.push_back(std::move(v));
      if (++rows == kRows) INNET_TRY(flush());
    }
  return flush();
}

}  // namespace

CivilDay snapshot_day(CivilDay day) {
  const CivilDay first = day.first_of_month();
  return first.days_until(day) < 15 ? first : first.plus_days(15);
}

CivilDay next_snapshot_day(CivilDay day) {
  const CivilDay first = day.first_of_month();
  return first.days_until(day) < 15 ? first.plus_days(15) : day.first_of_next_month();
}

Result<CountsByCentre> count_guests(db::Connection& conn, CivilDay civil_day) {
  const std::string day = civil_day.to_string();
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT centre_id, category, COUNT(*) FROM placements WHERE start_date <= ? AND "
                 "(end_date IS NULL OR end_date > ?) GROUP BY centre_id, category",
                 {day, day}));
  CountsByCentre counts;
  for (const auto& r : rows) add(counts, r, 0);
  return counts;
}

Result<std::optional<CountsByCentre>> snapshot(db::Connection& conn, CivilDay civil_day) {
  const std::string day = civil_day.to_string();
  INNET_ASSIGN_OR_RETURN(auto known,
                         conn.query("SELECT 1 FROM occupancy_snapshot_days WHERE day = ?", {day}));
  if (known.empty()) return std::optional<CountsByCentre>{};
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT centre_id, category, guests FROM occupancy_snapshots WHERE day = ?",
                 {day}));
  CountsByCentre counts;
  for (const auto& r : rows) add(counts, r, 0);
  return std::optional<CountsByCentre>{std::move(counts)};
}

Status ensure_snapshot(db::Connection& conn, CivilDay civil_day) {
  const std::string day = civil_day.to_string();
  INNET_ASSIGN_OR_RETURN(auto known,
                         conn.query("SELECT 1 FROM occupancy_snapshot_days WHERE day = ?", {day}));
  if (!known.empty()) return Status::success();
  INNET_ASSIGN_OR_RETURN(auto counts, count_guests(conn, civil_day));
  return insert_snapshot(conn, day, counts);
}

Status adjust_snapshots(db::Connection& conn, std::int64_t centre_id, centres::Category category,
                        CivilDay from, std::optional<CivilDay> to, std::int64_t delta) {
  // One statement for every materialised day in the range; a day where the centre had no
  // guest of the category gets its row.
  const std::string upsert =
      "INSERT INTO occupancy_snapshots (day, centre_id, category, guests) "
      "SELECT day, ?, ?, ? FROM occupancy_snapshot_days WHERE day >= ?";
  const std::string on_conflict =
      " ON CONFLICT (day, centre_id, category) DO UPDATE SET "
      "guests = occupancy_snapshots.guests + excluded.guests";
  db::Params params = {centre_id, to_string(category), delta, from.to_string()};
  if (to) params.push_back(to->to_string());
  INNET_TRY(conn.execute(upsert + (to ? " AND day < ?" : "") + on_conflict, params));
  return Status::success();
}

Status rebuild_snapshots(db::Connection& conn, CivilDay first, CivilDay last) {
  // As text: the loop below compares them with the stored days of every stay.
  std::vector<std::string> days;
  for (CivilDay d = snapshot_day(first); d <= last; d = next_snapshot_day(d))
    days.push_back(d.to_string());
  if (days.empty()) return Status::success();
  INNET_TRY(conn.execute("DELETE FROM occupancy_snapshots WHERE day >= ? AND day <= ?",
                         {days.front(), days.back()}));
  INNET_TRY(conn.execute("DELETE FROM occupancy_snapshot_days WHERE day >= ? AND day <= ?",
                         {days.front(), days.back()}));
  // One read of every stay that overlaps the range; each adds one to the days it covers.
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "SELECT centre_id, category, start_date, end_date FROM placements WHERE start_date <= ? "
          "AND (end_date IS NULL OR end_date > ?)",
          {days.back(), days.front()}));
  std::vector<CountsByCentre> counts(days.size());
  for (const auto& r : rows) {
    auto category = centres::parse_category(r.text(1));
    if (!category) continue;
    const std::string start = r.text(2);
    const auto end = r.opt_text(3);
    for (std::size_t i = 0; i < days.size(); ++i)
      if (start <= days[i] && (!end || days[i] < *end))
        ++counts[i][r.integer(0)][static_cast<std::size_t>(*category)];
  }
  for (std::size_t i = 0; i < days.size(); ++i)
    INNET_TRY(insert_snapshot(conn, days[i], counts[i]));
  return Status::success();
}

}  // namespace innet::reception
