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

// " AND f.procedure_id = ?" when one procedure is asked.
void only_procedure(std::string& sql, db::Params& params, const AnalyticsQuery& q) {
  if (!q.procedure_id) return;
  sql += " AND f.procedure_id = ?";
  params.push_back(*q.procedure_id);
}

// The current step of a file: its step of the highest position.
constexpr const char* kCurrentStep =
    "s.position = (SELECT MAX(m.position) FROM procedure_file_steps m WHERE m.file_id = f.id)";

Result<std::map<Key, std::int64_t>> entered(db::Connection& conn, const AnalyticsQuery& q) {
  std::string sql =
      "SELECT f.procedure_id, s.step, COUNT(*) FROM procedure_file_steps s JOIN procedure_files "
      "f ON f.id = s.file_id WHERE s.entered_on >= ? AND s.entered_on <= ?";
  db::Params params = {q.from.to_string(), q.to.to_string()};
  only_procedure(sql, params, q);
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " GROUP BY f.procedure_id, s.step", params));
  std::map<Key, std::int64_t> out;
  for (const auto& r : rows) out[{r.integer(0), r.text(1)}] = r.integer(2);
  return out;
}

// Stays that ended in the period, as histograms of whole days: a stay ends on the day the file
// entered its next step or, on its last step, on the day it was decided (a withdrawal may end
// any step). Suspended days are part of the stay: the file sat in the step meanwhile.
Result<std::map<Key, std::map<std::int64_t, std::int64_t>>> stays(db::Connection& conn,
                                                                  const AnalyticsQuery& q) {
  const auto engine = conn.engine();
  std::string by_step = "SELECT f.procedure_id, s.step, " +
                        days_between(engine, "s.entered_on", "n.entered_on") +
                        ", COUNT(*) FROM procedure_file_steps n JOIN procedure_file_steps s ON "
                        "s.file_id = n.file_id AND s.position = n.position - 1 JOIN "
                        "procedure_files f ON f.id = n.file_id WHERE n.entered_on >= ? AND "
                        "n.entered_on <= ?";
  db::Params params = {q.from.to_string(), q.to.to_string()};
  only_procedure(by_step, params, q);
  by_step += " GROUP BY 1, 2, 3";
  std::string by_decision =
      "SELECT f.procedure_id, s.step, " + days_between(engine, "s.entered_on", "f.decided_on") +
      ", COUNT(*) FROM procedure_files f JOIN procedure_file_steps s ON s.file_id = f.id AND " +
      kCurrentStep + " WHERE f.decided_on >= ? AND f.decided_on <= ?";
  params.push_back(q.from.to_string());
  params.push_back(q.to.to_string());
  only_procedure(by_decision, params, q);
  by_decision += " GROUP BY 1, 2, 3";
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(by_step + " UNION ALL " + by_decision, params));
  std::map<Key, std::map<std::int64_t, std::int64_t>> out;
  for (const auto& r : rows) out[{r.integer(0), r.text(1)}][r.integer(2)] += r.integer(3);
  return out;
}

struct Backlog {
  std::int64_t open = 0;
  std::int64_t past_deadline = 0;
};

// Open files by their current step now; past deadline as the files list's `overdue` filter says
// (files.cc): past the stored due date and not held by a suspension.
Result<std::map<Key, Backlog>> backlog(db::Connection& conn, const AnalyticsQuery& q,
                                       CivilDay today) {
  const auto t = today.to_string();
  std::string sql = std::string(
                        "SELECT f.procedure_id, s.step, COUNT(*), SUM(CASE WHEN f.due_on IS NOT "
                        "NULL AND f.due_on < ? AND (f.suspended_until IS NULL OR "
                        "f.suspended_until <= ?) THEN 1 ELSE 0 END) FROM procedure_files f JOIN "
                        "procedure_file_steps s ON s.file_id = f.id AND ") +
                    kCurrentStep + " WHERE f.status = 'open'";
  db::Params params = {t, t};
  only_procedure(sql, params, q);
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql + " GROUP BY f.procedure_id, s.step", params));
  std::map<Key, Backlog> out;
  for (const auto& r : rows) out[{r.integer(0), r.text(1)}] = {r.integer(2), r.integer(3)};
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
// already past at that point, so the stored due date says nothing of the past; the legal clock
// runs on their history as it stood at each point (the steps and suspensions up to it).
struct TrendGroup {
  std::int64_t procedure_id = 0;
  std::string filed;
  std::optional<std::string> decided;
  std::optional<std::string> past_from;
  bool suspended = false;
  std::int64_t count = 0;
};

std::string relevant_files(const AnalyticsQuery& q, const std::vector<CivilDay>& points,
                           db::Params& params) {
  std::string where = " WHERE f.filed_on <= ? AND (f.decided_on IS NULL OR f.decided_on > ?)";
  params.push_back(q.to.to_string());
  params.push_back(points.front().to_string());
  only_procedure(where, params, q);
  return where;
}

constexpr const char* kHasSuspension =
    "EXISTS (SELECT 1 FROM procedure_file_suspensions x WHERE x.file_id = f.id)";

Result<std::vector<TrendGroup>> trend_groups(db::Connection& conn, const AnalyticsQuery& q,
                                             const std::vector<CivilDay>& points) {
  const auto to = q.to.to_string();
  db::Params params = {to, to};
  std::string sql =
      "SELECT f.procedure_id, substr(f.filed_on, 1, 7), CASE WHEN f.decided_on IS NULL OR "
      "f.decided_on > ? THEN NULL ELSE substr(f.decided_on, 1, 7) END, CASE WHEN f.due_on IS NOT "
      "NULL AND f.due_on < ? THEN " +
      month_of_next_day(conn.engine(), "f.due_on") + " ELSE NULL END, CASE WHEN " + kHasSuspension +
      " THEN 1 ELSE 0 END, COUNT(*) FROM procedure_files f" + relevant_files(q, points, params) +
      " GROUP BY 1, 2, 3, 4, 5";
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql, params));
  std::vector<TrendGroup> out;
  for (const auto& r : rows)
    out.push_back(
        {r.integer(0), r.text(1), r.opt_text(2), r.opt_text(3), r.integer(4) == 1, r.integer(5)});
  return out;
}

// The files with a suspension open at some point, with their steps and suspensions: what the
// legal clock needs to say where each stood at each point.
Result<std::vector<File>> suspended_files(db::Connection& conn, const AnalyticsQuery& q,
                                          const std::vector<CivilDay>& points) {
  db::Params params;
  const std::string which = "SELECT f.id FROM procedure_files f" +
                            relevant_files(q, points, params) + " AND " + kHasSuspension;
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT f.id, f.procedure_id, f.filed_on, f.decided_on FROM "
                                    "procedure_files f WHERE f.id IN (" +
                                        which + ") ORDER BY f.id",
                                    params));
  std::vector<File> files;
  std::map<std::int64_t, std::size_t> at;
  for (const auto& r : rows) {
    at[r.integer(0)] = files.size();
    File f{.id = r.integer(0), .procedure_id = r.integer(1), .filed_on = r.text(2)};
    if (auto d = r.opt_text(3)) f.decision = Decision{.decided_on = *d};
    files.push_back(std::move(f));
  }
  if (files.empty()) return files;
  INNET_ASSIGN_OR_RETURN(auto steps,
                         conn.query("SELECT file_id, step, entered_on FROM procedure_file_steps "
                                    "WHERE file_id IN (" +
                                        which + ") ORDER BY file_id, position",
                                    params));
  for (const auto& r : steps)
    files[at[r.integer(0)]].steps.push_back({.step = r.text(1), .entered_on = r.text(2)});
  INNET_ASSIGN_OR_RETURN(auto suspensions,
                         conn.query("SELECT file_id, started_on, ended_on FROM "
                                    "procedure_file_suspensions WHERE file_id IN (" +
                                        which + ") ORDER BY file_id, started_on, id",
                                    params));
  for (const auto& r : suspensions)
    files[at[r.integer(0)]].suspensions.push_back(
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
      if (!g.suspended && g.past_from && *g.past_from <= months[i]) *point.past_deadline += g.count;
    }
  }
  INNET_ASSIGN_OR_RETURN(auto files, suspended_files(conn, q, points));
  for (const auto& f : files) {
    auto found = out.find(f.procedure_id);
    if (found == out.end()) continue;
    const auto& procedure = by_id.at(f.procedure_id);
    for (std::size_t i = 0; i < points.size(); ++i) {
      const auto day = points[i].to_string();
      if (!open_at(f, day)) continue;
      if (clock_of(as_of(f, day), procedure, points[i]).state == ClockState::overdue)
        ++*found->second[i].past_deadline;
    }
  }
  return out;
}

}  // namespace

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
