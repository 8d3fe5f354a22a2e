#include "procedures/analytics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "procedures/catalogue.h"
#include "procedures/files.h"

namespace innet::procedures {

std::vector<CivilDay> trend_points(CivilDay from, CivilDay to) {
  std::vector<CivilDay> out;
  for (auto month = CivilMonth::of(from); month <= CivilMonth::of(to); month = month.next()) {
    const auto last = month.next().first_day().plus_days(-1);
    out.push_back(std::min(last, to));
  }
  return out;
}

std::optional<std::int64_t> percentile(
    const std::vector<std::pair<std::int64_t, std::int64_t>>& histogram, double p) {
  std::int64_t n = 0;
  for (const auto& [days, count] : histogram) n += count;
  if (n == 0) return std::nullopt;
  const auto rank = std::max<std::int64_t>(
      1, static_cast<std::int64_t>(std::ceil(p * static_cast<double>(n) - 1e-9)));
  std::int64_t seen = 0;
  for (const auto& [days, count] : histogram) {
    seen += count;
    if (seen >= rank) return days;
  }
  return histogram.back().first;
}

namespace {

using Key = std::pair<std::int64_t, std::string>;  // procedure id, step code

// Whole calendar days from a to b, both 'YYYY-MM-DD' columns.
std::string days_between(db::Engine engine, const std::string& a, const std::string& b) {
  if (engine == db::Engine::sqlite)
    return "CAST(julianday(" + b + ") - julianday(" + a + ") AS INTEGER)";
  return "(CAST(" + b + " AS DATE) - CAST(" + a + " AS DATE))";
}

// The month ('YYYY-MM') of the day after a 'YYYY-MM-DD' column.
std::string month_of_next_day(db::Engine engine, const std::string& column) {
  if (engine == db::Engine::sqlite) return "substr(date(" + column + ", '+1 day'), 1, 7)";
  return "to_char(CAST(" + column + " AS DATE) + 1, 'YYYY-MM')";
}

// " AND <alias>.procedure_id = ?" when one procedure is asked.
void only_procedure(std::string& sql, db::Params& params, const AnalyticsQuery& q,
                    const char* alias = "f") {
  if (!q.procedure_id) return;
  sql += std::string(" AND ") + alias + ".procedure_id = ?";
  params.push_back(*q.procedure_id);
}

// Files that entered each step in the period: the index of steps by day, alone.
Result<std::map<Key, std::int64_t>> entered(db::Connection& conn, const AnalyticsQuery& q) {
  std::string sql =
      "SELECT s.procedure_id, s.step, COUNT(*) FROM procedure_file_steps s WHERE s.entered_on >= "
      "? AND s.entered_on <= ?";
  db::Params params = {q.from.to_string(), q.to.to_string()};
  only_procedure(sql, params, q, "s");
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " GROUP BY s.procedure_id, s.step", params));
  std::map<Key, std::int64_t> out;
  for (const auto& r : rows) out[{r.integer(0), r.text(1)}] = r.integer(2);
  return out;
}

// Stays that ended in the period, as histograms of whole days: a stay ends on the day the file
// entered its next step or, on its last step, on the day it was decided (a withdrawal may end
// any step): the step's `left_on`. Suspended days are part of the stay: the file sat in the step
// meanwhile. The index of steps by the day they were left, alone.
Result<std::map<Key, std::map<std::int64_t, std::int64_t>>> stays(db::Connection& conn,
                                                                  const AnalyticsQuery& q) {
  std::string sql = "SELECT s.procedure_id, s.step, " +
                    days_between(conn.engine(), "s.entered_on", "s.left_on") +
                    ", COUNT(*) FROM procedure_file_steps s WHERE s.left_on >= ? AND "
                    "s.left_on <= ?";
  db::Params params = {q.from.to_string(), q.to.to_string()};
  only_procedure(sql, params, q, "s");
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " GROUP BY 1, 2, 3", params));
  std::map<Key, std::map<std::int64_t, std::int64_t>> out;
  for (const auto& r : rows) out[{r.integer(0), r.text(1)}][r.integer(2)] += r.integer(3);
  return out;
}

struct Backlog {
  std::int64_t open = 0;
  std::int64_t past_deadline = 0;
};

// Open files by their current step now (the steps not left: the index alone); past deadline as
// the files list's `overdue` filter says (files.cc): past the stored due date and not held by a
// suspension, read from the files' index by due date, each with its current step.
Result<std::map<Key, Backlog>> backlog(db::Connection& conn, const AnalyticsQuery& q,
                                       CivilDay today) {
  std::string open =
      "SELECT s.procedure_id, s.step, COUNT(*) FROM procedure_file_steps s WHERE s.left_on IS "
      "NULL";
  db::Params params;
  only_procedure(open, params, q, "s");
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(open + " GROUP BY s.procedure_id, s.step", params));
  std::map<Key, Backlog> out;
  for (const auto& r : rows) out[{r.integer(0), r.text(1)}].open = r.integer(2);
  const auto t = today.to_string();
  // The late files as a set (the files' index by due date alone), their current steps probed
  // by file: no row of either table is read, only the two indexes.
  std::string late =
      "SELECT s.procedure_id, s.step, COUNT(*) FROM procedure_file_steps s WHERE s.left_on IS "
      "NULL AND s.file_id IN (SELECT f.id FROM procedure_files f WHERE f.status = 'open' AND "
      "f.due_on < ? AND (f.suspended_until IS NULL OR f.suspended_until <= ?))";
  params = {t, t};
  only_procedure(late, params, q, "s");
  INNET_ASSIGN_OR_RETURN(rows, conn.query(late + " GROUP BY s.procedure_id, s.step", params));
  for (const auto& r : rows) out[{r.integer(0), r.text(1)}].past_deadline = r.integer(2);
  return out;
}

// The trend. A file is open at a point when filed on or before it and not decided by then; it is
// past its term at a point when, moreover, its due date is before it and no suspension holds it.
// Files that never had a suspension: their due date has been the stored one since the term
// started (before that it had none, and the stored one is later), so SQL counts them, grouped
// by month keys that compare with the points (all month ends but the last, which is `to`):
//   filed month <= the point's; decided key (null when decided after `to`) > the point's month;
//   due key: the month of the day after the due date (null when not before `to`) <= the point's.
// Files with a suspension: a suspension opened after a point lengthened a term the file was
// already past at that point, so the stored due date says nothing of the past; SQL counts them
// as the others, and the legal clock on their history as it stood at each point (the steps and
// suspensions up to it) corrects the count, file by file.
struct TrendGroup {
  std::int64_t procedure_id = 0;
  std::string filed;
  std::optional<std::string> decided;
  std::optional<std::string> past_from;
  std::int64_t count = 0;
};

// The files open at some point: open now, or decided after the first point; filed by the last.
// Two index ranges (open files by filing day, decided ones by decision day) rather than an OR.
// `columns` take `column_params`, bound in each branch.
std::string relevant_files(const AnalyticsQuery& q, const std::vector<CivilDay>& points,
                           const std::string& columns, const db::Params& column_params,
                           db::Params& params) {
  const auto to = q.to.to_string();
  std::string open =
      "SELECT " + columns + " FROM procedure_files f WHERE f.status = 'open' AND f.filed_on <= ?";
  params.insert(params.end(), column_params.begin(), column_params.end());
  params.push_back(to);
  only_procedure(open, params, q);
  std::string decided =
      "SELECT " + columns + " FROM procedure_files f WHERE f.decided_on > ? AND f.filed_on <= ?";
  params.insert(params.end(), column_params.begin(), column_params.end());
  params.push_back(points.front().to_string());
  params.push_back(to);
  only_procedure(decided, params, q);
  return open + " UNION ALL " + decided;
}

Result<std::vector<TrendGroup>> trend_groups(db::Connection& conn, const AnalyticsQuery& q,
                                             const std::vector<CivilDay>& points) {
  const auto to = q.to.to_string();
  db::Params params;
  const std::string keys =
      "f.procedure_id AS procedure_id, substr(f.filed_on, 1, 7) AS filed, CASE WHEN f.decided_on "
      "IS NULL OR f.decided_on > ? THEN NULL ELSE substr(f.decided_on, 1, 7) END AS decided, CASE "
      "WHEN f.due_on < ? THEN " +
      month_of_next_day(conn.engine(), "f.due_on") + " ELSE NULL END AS past_from";
  const std::string sql = "SELECT procedure_id, filed, decided, past_from, COUNT(*) FROM (" +
                          relevant_files(q, points, keys, {to, to}, params) +
                          ") relevant GROUP BY procedure_id, filed, decided, past_from";
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql, params));
  std::vector<TrendGroup> out;
  for (const auto& r : rows)
    out.push_back({r.integer(0), r.text(1), r.opt_text(2), r.opt_text(3), r.integer(4)});
  return out;
}

struct SuspendedFile {
  File file;
  std::optional<std::string> due_on;  // stored: what the SQL count used
};

// The files with a suspension open at some point, with their steps and suspensions: what the
// legal clock needs to say where each stood at each point.
Result<std::vector<SuspendedFile>> suspended_files(db::Connection& conn, const AnalyticsQuery& q,
                                                   const std::vector<CivilDay>& points) {
  db::Params params = {q.to.to_string(), points.front().to_string()};
  std::string which =
      "SELECT f.id FROM procedure_files f WHERE f.id IN (SELECT x.file_id FROM "
      "procedure_file_suspensions x) AND f.filed_on <= ? AND (f.decided_on IS NULL OR "
      "f.decided_on > ?)";
  only_procedure(which, params, q);
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT f.id, f.procedure_id, f.filed_on, f.decided_on, f.due_on FROM "
                            "procedure_files f WHERE f.id IN (" +
                                which + ") ORDER BY f.id",
                            params));
  std::vector<SuspendedFile> files;
  std::map<std::int64_t, std::size_t> at;
  for (const auto& r : rows) {
    at[r.integer(0)] = files.size();
    File f{.id = r.integer(0), .procedure_id = r.integer(1), .filed_on = r.text(2)};
    if (auto d = r.opt_text(3)) f.decision = Decision{.decided_on = *d};
    files.push_back({std::move(f), r.opt_text(4)});
  }
  if (files.empty()) return files;
  INNET_ASSIGN_OR_RETURN(auto steps,
                         conn.query("SELECT file_id, step, entered_on FROM procedure_file_steps "
                                    "WHERE file_id IN (" +
                                        which + ") ORDER BY file_id, position",
                                    params));
  for (const auto& r : steps)
    files[at[r.integer(0)]].file.steps.push_back({.step = r.text(1), .entered_on = r.text(2)});
  INNET_ASSIGN_OR_RETURN(auto suspensions,
                         conn.query("SELECT file_id, started_on, ended_on FROM "
                                    "procedure_file_suspensions WHERE file_id IN (" +
                                        which + ") ORDER BY file_id, started_on, id",
                                    params));
  for (const auto& r : suspensions)
    files[at[r.integer(0)]].file.suspensions.push_back(
        {.started_on = r.text(1), .ended_on = r.opt_text(2)});
  return files;
}

// The file as it stood at the end of `day`: the steps entered and the suspensions opened by
// then, a suspension ended later still open.
File as_of(const File& f, const std::string& day) {
  File then{.id = f.id, .procedure_id = f.procedure_id, .filed_on = f.filed_on};
  for (const auto& s : f.steps)
    if (s.entered_on <= day) then.steps.push_back(s);
  for (auto s : f.suspensions) {
    if (s.started_on > day) continue;
    if (s.ended_on && *s.ended_on > day) s.ended_on.reset();
    then.suspensions.push_back(s);
  }
  return then;
}

bool open_at(const File& f, const std::string& day) {
  return f.filed_on <= day && (!f.decision || f.decision->decided_on > day);
}

Result<std::map<std::int64_t, std::vector<TrendPoint>>> trends(
    db::Connection& conn, const AnalyticsQuery& q, const std::map<std::int64_t, Procedure>& by_id) {
  const auto points = trend_points(q.from, q.to);
  std::vector<std::string> months;
  for (const auto& p : points) months.push_back(CivilMonth::of(p).to_string());
  std::map<std::int64_t, std::vector<TrendPoint>> out;
  for (const auto& [id, p] : by_id)
    for (const auto& day : points) out[id].push_back({day.to_string(), 0, 0});
  INNET_ASSIGN_OR_RETURN(auto groups, trend_groups(conn, q, points));
  for (const auto& g : groups) {
    auto found = out.find(g.procedure_id);
    if (found == out.end()) continue;
    for (std::size_t i = 0; i < points.size(); ++i) {
      const bool open = g.filed <= months[i] && (!g.decided || *g.decided > months[i]);
      if (!open) continue;
      auto& point = found->second[i];
      *point.open += g.count;
      if (g.past_from && *g.past_from <= months[i]) *point.past_deadline += g.count;
    }
  }
  INNET_ASSIGN_OR_RETURN(auto files, suspended_files(conn, q, points));
  for (const auto& [f, due_on] : files) {
    auto found = out.find(f.procedure_id);
    if (found == out.end() || f.suspensions.empty()) continue;
    const auto& procedure = by_id.at(f.procedure_id);
    // Before its first suspension a file's term is the one without any (the clock once); once
    // every suspension has ended, the stored due date is the clock's (the SQL count stands);
    // in between, the clock on the history as it stood.
    const auto& first = f.suspensions.front().started_on;
    std::string all_ended = "";
    for (const auto& s : f.suspensions)
      all_ended = s.ended_on ? std::max(all_ended, *s.ended_on) : std::string("9999-12-31");
    File unsuspended = f;
    unsuspended.suspensions.clear();
    unsuspended.decision.reset();
    const auto due_before = clock_of(unsuspended, procedure, kLatestDay).due;
    for (std::size_t i = 0; i < points.size(); ++i) {
      const auto day = points[i].to_string();
      if (!open_at(f, day) || day >= all_ended) continue;
      const bool counted = due_on && *due_on < day;  // by the stored due date, above
      const bool past =
          day < first ? due_before && *due_before < points[i]
                      : clock_of(as_of(f, day), procedure, points[i]).state == ClockState::overdue;
      *found->second[i].past_deadline += (past ? 1 : 0) - (counted ? 1 : 0);
    }
  }
  return out;
}

}  // namespace

db::Migration analytics_migration(db::Engine engine) {
  // Each step's procedure and the day its stay ended, for the files already there: the next
  // step's day, else the decision's (null: the file is in it).
  const std::string columns = R"sql(
ALTER TABLE procedure_file_steps ADD COLUMN procedure_id BIGINT;
ALTER TABLE procedure_file_steps ADD COLUMN left_on TEXT;
UPDATE procedure_file_steps SET
  procedure_id = (SELECT f.procedure_id FROM procedure_files f
                  WHERE f.id = procedure_file_steps.file_id),
  left_on = COALESCE(
    (SELECT n.entered_on FROM procedure_file_steps n
     WHERE n.file_id = procedure_file_steps.file_id
       AND n.position = procedure_file_steps.position + 1),
    (SELECT f.decided_on FROM procedure_files f WHERE f.id = procedure_file_steps.file_id));
)sql";
  // Entered in the period; left in the period (the stays and their lengths) and not left (the
  // backlog), covering what the figures read; open files by due date with their suspension's end
  // (the late ones, a set of ids); files by decision day and open files by filing day, covering
  // the trend's keys.
  const std::string indexes = R"sql(
CREATE INDEX procedure_file_steps_entered
  ON procedure_file_steps (entered_on, procedure_id, step);
CREATE INDEX procedure_file_steps_left
  ON procedure_file_steps (left_on, procedure_id, step, entered_on, file_id);
CREATE INDEX procedure_files_late ON procedure_files (status, due_on, suspended_until);
CREATE INDEX procedure_files_decided
  ON procedure_files (decided_on, filed_on, procedure_id, due_on);
CREATE INDEX procedure_files_open_filed
  ON procedure_files (status, filed_on, procedure_id, due_on, decided_on);
)sql";
  // A step inserted: its procedure, and the previous step left that day. A file decided: its
  // last step left that day.
  const std::string triggers = engine == db::Engine::sqlite ? R"sql(
CREATE TRIGGER procedure_file_steps_stay AFTER INSERT ON procedure_file_steps
BEGIN
  UPDATE procedure_file_steps
    SET procedure_id = (SELECT procedure_id FROM procedure_files WHERE id = NEW.file_id)
    WHERE file_id = NEW.file_id AND position = NEW.position;
  UPDATE procedure_file_steps SET left_on = NEW.entered_on
    WHERE file_id = NEW.file_id AND position = NEW.position - 1;
END;
CREATE TRIGGER procedure_files_decided_stay AFTER UPDATE OF decided_on ON procedure_files
BEGIN
  UPDATE procedure_file_steps SET left_on = NEW.decided_on
    WHERE file_id = NEW.id
      AND position = (SELECT MAX(position) FROM procedure_file_steps WHERE file_id = NEW.id);
END;
)sql"
                                                            : R"sql(
CREATE FUNCTION procedure_file_steps_stay() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.procedure_id := (SELECT procedure_id FROM procedure_files WHERE id = NEW.file_id);
  UPDATE procedure_file_steps SET left_on = NEW.entered_on
    WHERE file_id = NEW.file_id AND position = NEW.position - 1;
  RETURN NEW;
END $$;
CREATE TRIGGER procedure_file_steps_stay BEFORE INSERT ON procedure_file_steps
  FOR EACH ROW EXECUTE FUNCTION procedure_file_steps_stay();
CREATE FUNCTION procedure_files_decided_stay() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.decided_on IS DISTINCT FROM OLD.decided_on THEN
    UPDATE procedure_file_steps SET left_on = NEW.decided_on
      WHERE file_id = NEW.id
        AND position = (SELECT MAX(position) FROM procedure_file_steps WHERE file_id = NEW.id);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER procedure_files_decided_stay AFTER UPDATE OF decided_on ON procedure_files
  FOR EACH ROW EXECUTE FUNCTION procedure_files_decided_stay();
)sql";
  return {7,
          "procedures: each step's procedure and the day its stay ended, for the bottleneck "
          "figures",
          columns + indexes + triggers};
}

Result<Analytics> compute_analytics(db::Connection& conn, const AnalyticsQuery& q, CivilDay today) {
  Analytics a{.from = q.from.to_string(), .to = q.to.to_string(), .today = today.to_string()};
  INNET_ASSIGN_OR_RETURN(auto catalogue, list_procedures(conn));
  std::map<std::int64_t, Procedure> by_id;
  for (auto& p : catalogue)
    if (!q.procedure_id || p.id == *q.procedure_id) by_id[p.id] = std::move(p);
  INNET_ASSIGN_OR_RETURN(auto in, entered(conn, q));
  INNET_ASSIGN_OR_RETURN(auto ended, stays(conn, q));
  INNET_ASSIGN_OR_RETURN(auto now, backlog(conn, q, today));
  INNET_ASSIGN_OR_RETURN(auto trend, trends(conn, q, by_id));
  for (auto& [id, p] : by_id) {
    ProcedureFigures figures{.id = id, .code = p.code, .name = p.name};
    auto row = [&](std::int64_t position, const std::string& code, const std::string& name,
                   const std::string& office) {
      const Key key{id, code};
      StepFigures s{.position = position, .code = code, .name = name, .office = office};
      s.entered = in.contains(key) ? in[key] : 0;
      std::vector<std::pair<std::int64_t, std::int64_t>> histogram;
      if (ended.contains(key))
        for (const auto& [days, count] : ended[key]) histogram.emplace_back(days, count);
      std::int64_t n = 0;
      for (const auto& h : histogram) n += h.second;
      s.stays = n;
      s.median_days = percentile(histogram, 0.5);
      s.p90_days = percentile(histogram, 0.9);
      const auto b = now.contains(key) ? now[key] : Backlog{};
      s.backlog = b.open;
      s.past_deadline = b.past_deadline;
      figures.steps.push_back(std::move(s));
    };
    std::int64_t position = 0;
    for (const auto& step : p.steps) row(++position, step.code, step.name, step.office);
    // Steps the files went through that the catalogue no longer lists: shown by their code.
    std::vector<std::string> gone;
    auto note = [&](const Key& key) {
      if (key.first != id) return;
      const bool listed = std::any_of(p.steps.begin(), p.steps.end(),
                                      [&](const Step& s) { return s.code == key.second; });
      if (!listed && std::find(gone.begin(), gone.end(), key.second) == gone.end())
        gone.push_back(key.second);
    };
    for (const auto& [key, v] : in) note(key);
    for (const auto& [key, v] : ended) note(key);
    for (const auto& [key, v] : now) note(key);
    std::sort(gone.begin(), gone.end());
    for (const auto& code : gone) row(++position, code, code, "");
    figures.trend = std::move(trend[id]);
    a.procedures.push_back(std::move(figures));
  }
  return a;
}

namespace {

// The backlog and past-deadline columns add up to the trend's open and late files on its last
// day when the period ends today: with a single cell of a column hidden, the total less the
// others would give it back. The smallest other non-zero cell is hidden with it, so that only
// the sum of the two can be worked out.
void hide_a_second(std::vector<StepFigures>& steps,
                   std::optional<std::int64_t> StepFigures::*column,
                   const std::vector<bool>& hidden_now) {
  if (std::count(hidden_now.begin(), hidden_now.end(), true) != 1) return;
  StepFigures* smallest = nullptr;
  for (auto& s : steps) {
    const auto& v = s.*column;
    if (v && *v > 0 && (!smallest || *v < *(smallest->*column))) smallest = &s;
  }
  if (smallest) (smallest->*column).reset();
}

}  // namespace

void suppress_small_groups(Analytics& a, std::int64_t min_group) {
  a.min_group = min_group;
  auto hide = [&](std::optional<std::int64_t>& count) {
    const bool small = count && *count > 0 && *count < min_group;
    if (small) count.reset();
    return small;
  };
  for (auto& p : a.procedures) {
    std::vector<bool> backlog_hidden, late_hidden;
    for (auto& s : p.steps) {
      if (s.stays && *s.stays < min_group) {
        s.median_days.reset();
        s.p90_days.reset();
      }
      hide(s.entered);
      hide(s.stays);
      backlog_hidden.push_back(hide(s.backlog));
      late_hidden.push_back(hide(s.past_deadline));
    }
    hide_a_second(p.steps, &StepFigures::backlog, backlog_hidden);
    hide_a_second(p.steps, &StepFigures::past_deadline, late_hidden);
    for (auto& t : p.trend) {
      hide(t.open);
      hide(t.past_deadline);
    }
  }
}

}  // namespace innet::procedures
