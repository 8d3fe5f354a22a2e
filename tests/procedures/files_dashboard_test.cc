// The deadline dashboard's counts, the list's sort and the bulk store of generated files, on both
// engines: the counts agree with the list's state filters (the same stored clock), keep to the
// persons given, and leave out closed files; each sort key orders as said in files.h, files
// whose term has not started last on both engines (SQLite and PostgreSQL put NULLs at opposite
// ends); a file stored by insert_files reads back as the rules' functions would have left it;
// the counters every file's counts read (procedure_file_counts, migration 9), which also give an
// unscoped list's total, stay equal to a recount of the files through every write that moves a
// file between them.
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "procedures/catalogue.h"
#include "procedures/files.h"
#include "procedures/fixture.h"

namespace innet::procedures {
namespace {

CivilDay day(std::string_view text) {
  return CivilDay::parse(text).value_or(kEarliestDay);
}

const CivilDay kToday = day("2025-06-30");

class FilesDashboardTest : public storage_test::ProceduresFixture {
 protected:
  // Protocol numbers of the first page in the order asked.
  std::vector<std::string> order(const std::string& sort, FileFilter f = {}) {
    f.sort = sort;
    auto page = list_files(db(), f, kToday, Paging{1, 100});
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    std::vector<std::string> out;
    if (page.ok())
      for (const auto& file : page->items) out.push_back(file.protocol_number);
    return out;
  }

  // The files of the state filters' test: permit conversion (60 days from filing) in every
  // state, a work entry not charged to the quota, a decided file and another person's file.
  void open_every_state() {
    auto p = procedure("permit_conversion");
    auto work = procedure("work_entry");
    open(p, "R-1", "2025-06-20");  // due 19 Aug: running
    open(p, "R-2", "2025-05-05");  // due 4 Jul: due soon
    open(p, "R-3", "2025-03-01");  // due 30 Apr: overdue
    auto suspended = open(p, "R-4", "2025-03-02");
    ASSERT_DB_OK(open_suspension(db(), suspended, p,
                                 {.started_on = "2025-06-20", .reason = "r", .opened_by = user_},
                                 kToday, kNow));
    // Suspended on 10 Apr and never answered: after 30 days the term runs again, overdue.
    auto lapsed = open(p, "R-5", "2025-03-03");
    ASSERT_DB_OK(open_suspension(db(), lapsed, p,
                                 {.started_on = "2025-04-10", .reason = "r", .opened_by = user_},
                                 kToday, kNow));
    open(work, "W-1", "2025-06-01");  // not started
    auto withdrawn = open(p, "R-6", "2025-02-01");
    ASSERT_DB_OK(
        decide(db(), withdrawn, p, {"withdrawn", "2025-02-10", std::nullopt, user_}, kToday, kNow));
    open(p, "R-7", "2025-03-10", 2);  // due 9 May: overdue, the other person's
  }

  // The counters row by row against a recount of the open files, and every file's counts (read
  // from the counters) against the same counts read from the files (a case worker's path, over
  // both persons), today, tomorrow and as the due dates pass.
  void expect_counters_exact(const std::string& after) {
    SCOPED_TRACE("after " + after);
    using Row = std::tuple<std::int64_t, std::string, std::string, std::int64_t>;
    auto rows = [&](const std::string& sql) {
      auto read = db().query(sql);
      EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().message);
      std::vector<Row> out;
      if (read.ok())
        for (const auto& r : *read)
          out.emplace_back(r.integer(0), r.text(1), r.text(2), r.integer(3));
      return out;
    };
    EXPECT_EQ(rows("SELECT procedure_id, due_on, suspended_until, files FROM "
                   "procedure_file_counts ORDER BY procedure_id, due_on, suspended_until"),
              rows("SELECT procedure_id, COALESCE(due_on, ''), COALESCE(suspended_until, ''), "
                   "COUNT(*) FROM procedure_files WHERE status = 'open' GROUP BY procedure_id, "
                   "COALESCE(due_on, ''), COALESCE(suspended_until, '') ORDER BY procedure_id, "
                   "COALESCE(due_on, ''), COALESCE(suspended_until, '')"));
    const db::Subquery everyone{"SELECT ? UNION SELECT ?", {person(1), person(2)}};
    for (const auto days : {0, 1, 11, 40, 90, 400}) {
      const auto on = kToday.plus_days(days);
      auto kept = count_by_procedure(db(), std::nullopt, on);
      auto read = count_by_procedure(db(), everyone, on);
      ASSERT_DB_OK(kept);
      ASSERT_DB_OK(read);
      EXPECT_EQ(tuples(*kept), tuples(*read)) << on.to_string();
    }
  }

  static std::vector<
      std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, std::int64_t>>
  tuples(const std::vector<ProcedureCounts>& all) {
    std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, std::int64_t>>
        out;
    for (const auto& c : all)
      out.emplace_back(c.procedure_id, c.open, c.overdue, c.due_soon, c.suspended);
    return out;
  }

  // A file of person `who` as generated data has it (insert_files's input), on its first step.
  File generated(const Procedure& p, const std::string& protocol, const std::string& filed_on,
                 int who = 1) {
    File f{.procedure_id = p.id,
           .person_id = person(who),
           .protocol_number = protocol,
           .filed_on = filed_on,
           .created_by = user_,
           .created_at = kNow,
           .updated_at = kNow};
    f.steps.push_back({p.steps[0].code, filed_on, std::nullopt, user_});
    return f;
  }

  // The file with that protocol number as stored.
  File stored(const std::string& protocol) {
    auto page = list_files(db(), {.protocol = protocol}, kToday, Paging{1, 1});
    EXPECT_TRUE(page.ok() && page->items.size() == 1) << protocol;
    return page.ok() && page->items.size() == 1 ? page->items[0] : File{};
  }
};

const ProcedureCounts* of(const std::vector<ProcedureCounts>& all, std::int64_t procedure_id) {
  for (const auto& c : all)
    if (c.procedure_id == procedure_id) return &c;
  return nullptr;
}

TEST_P(FilesDashboardTest, CountsAgreeWithTheStateFiltersAndKeepToThePersonsGiven) {
  open_every_state();
  const auto p = procedure("permit_conversion");
  const auto work = procedure("work_entry");
  auto all = count_by_procedure(db(), std::nullopt, kToday);
  ASSERT_DB_OK(all);
  ASSERT_EQ(all->size(), 2u);  // only procedures with open files
  const auto* conversion = of(*all, p.id);
  ASSERT_NE(conversion, nullptr);
  EXPECT_EQ(conversion->open, 6);     // R-1..R-5 and R-7; R-6 is closed
  EXPECT_EQ(conversion->overdue, 3);  // R-3, R-5 (its suspension ran its 30 days), R-7
  EXPECT_EQ(conversion->due_soon, 1);
  EXPECT_EQ(conversion->suspended, 1);
  const auto* entry = of(*all, work.id);
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->open, 1);
  EXPECT_EQ(entry->overdue + entry->due_soon + entry->suspended, 0);
  // The list's filters give the same figures.
  for (auto [state, expected] :
       {std::pair{ClockState::overdue, 3}, {ClockState::due_soon, 1}, {ClockState::suspended, 1}}) {
    auto page = list_files(db(), {.procedure_id = p.id, .state = state}, kToday, Paging{1, 1});
    ASSERT_DB_OK(page);
    EXPECT_EQ(page->total, expected) << to_string(state);
  }
  // An unscoped state filter's total is summed from the counters, its rows read from the files:
  // both agree for every state and with "overdue only", with and without a procedure.
  for (auto state : {ClockState::not_started, ClockState::running, ClockState::suspended,
                     ClockState::due_soon, ClockState::overdue, ClockState::closed})
    for (std::optional<std::int64_t> procedure_id :
         {std::optional<std::int64_t>{}, std::optional{p.id}, std::optional{work.id}}) {
      for (bool overdue : {false, true}) {
        auto page =
            list_files(db(), {.procedure_id = procedure_id, .state = state, .overdue = overdue},
                       kToday, Paging{1, 100});
        ASSERT_DB_OK(page);
        EXPECT_EQ(page->total, static_cast<std::int64_t>(page->items.size()))
            << to_string(state) << " procedure " << procedure_id.value_or(0) << " overdue "
            << overdue;
      }
    }
  auto overdue = list_files(db(), {.overdue = true}, kToday, Paging{1, 100});
  ASSERT_DB_OK(overdue);
  EXPECT_EQ(overdue->total, 3);
  EXPECT_EQ(overdue->items.size(), 3u);
  // One person's files only (a case worker's reach is such a subquery).
  db::Subquery second{"SELECT ?", {person(2)}};
  auto mine = count_by_procedure(db(), second, kToday);
  ASSERT_DB_OK(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].procedure_id, p.id);
  EXPECT_EQ((*mine)[0].open, 1);
  EXPECT_EQ((*mine)[0].overdue, 1);
  // Nobody's: nothing.
  db::Subquery nobody{"SELECT ? WHERE 1 = 0", {person(1)}};
  auto none = count_by_procedure(db(), nobody, kToday);
  ASSERT_DB_OK(none);
  EXPECT_TRUE(none->empty());
}

TEST_P(FilesDashboardTest, EachSortKeyOrdersBothWaysWithFilesWithoutATermLast) {
  open_every_state();
  using V = std::vector<std::string>;
  // The due dates as the stored clock has them, sorted here: the earliest first, ties by id,
  // files without a term (the work entry not charged to the quota) last either way.
  auto everything = list_files(db(), {}, kToday, Paging{1, 100});
  ASSERT_DB_OK(everything);
  std::vector<std::pair<std::string, File>> due;
  for (const auto& f : everything->items) {
    auto p = find_procedure(db(), f.procedure_id);
    ASSERT_DB_OK(p);
    due.push_back({stored_clock(f, *p).due_on.value_or("~"), f});  // '~' after every digit
  }
  auto by_due = [&](bool descending) {
    auto copy = due;
    std::sort(copy.begin(), copy.end(), [&](const auto& a, const auto& b) {
      const bool a_none = a.first == "~", b_none = b.first == "~";
      if (a_none != b_none) return b_none;
      if (a.first != b.first) return descending ? a.first > b.first : a.first < b.first;
      return descending ? a.second.id > b.second.id : a.second.id < b.second.id;
    });
    V out;
    for (const auto& [_, f] : copy) out.push_back(f.protocol_number);
    return out;
  };
  ASSERT_EQ(by_due(false).back(), "W-1");
  EXPECT_EQ(order(""), by_due(false));
  EXPECT_EQ(order("due_on"), by_due(false));
  EXPECT_EQ(order("-due_on"), by_due(true));
  EXPECT_EQ(order("-due_on").back(), "W-1");
  EXPECT_EQ(order("").front(), "R-6");  // decided, its due date kept: 2 April
  EXPECT_EQ(order("filed_on"), (V{"R-6", "R-3", "R-4", "R-5", "R-7", "R-2", "W-1", "R-1"}));
  EXPECT_EQ(order("-filed_on"), (V{"R-1", "W-1", "R-2", "R-7", "R-5", "R-4", "R-3", "R-6"}));
  EXPECT_EQ(order("protocol_number"), (V{"R-1", "R-2", "R-3", "R-4", "R-5", "R-6", "R-7", "W-1"}));
  EXPECT_EQ(order("-protocol_number"), (V{"W-1", "R-7", "R-6", "R-5", "R-4", "R-3", "R-2", "R-1"}));
  // Procedure by code: permit_conversion before work_entry; ties by due date.
  EXPECT_EQ(order("procedure"), by_due(false));
  EXPECT_EQ(order("-procedure").front(), "W-1");
  // Step: a file moved on comes after those on their first step, and first descending.
  auto p = procedure("permit_conversion");
  auto moved = list_files(db(), {.protocol = "R-2"}, kToday, Paging{1, 1});
  ASSERT_DB_OK(moved);
  ASSERT_EQ(moved->items.size(), 1u);
  ASSERT_DB_OK(advance(db(), moved->items[0], p,
                       {p.steps[1].code, "2025-05-20", std::nullopt, user_}, kToday, kNow));
  EXPECT_EQ(order("step").back(), "R-2");
  EXPECT_EQ(order("-step").front(), "R-2");
  // With a filter that keeps to due dates, the index's order: the same files.
  EXPECT_EQ(order("", {.overdue = true}), (V{"R-3", "R-7", "R-5"}));
  EXPECT_EQ(order("-due_on", {.state = ClockState::overdue}), (V{"R-5", "R-7", "R-3"}));
  EXPECT_TRUE(is_file_sort("-step"));
  EXPECT_FALSE(is_file_sort("person"));
}

TEST_P(FilesDashboardTest, BulkStoredFilesReadBackWithTheirClock) {
  auto p = procedure("permit_conversion");
  std::map<std::int64_t, Procedure> by_id{{p.id, p}};
  File f = generated(p, "B-1", "2025-03-01");
  f.steps.push_back({p.steps[1].code, "2025-03-10", std::nullopt, user_});
  f.suspensions.push_back({.started_on = "2025-06-25", .reason = "r", .opened_by = user_});
  File decided = f;
  decided.protocol_number = "B-2";
  decided.suspensions.clear();
  decided.steps.resize(1);  // a withdrawal may come at any step
  decided.status = "closed";
  decided.decision = Decision{"withdrawn", "2025-03-20", std::nullopt, user_};
  std::vector<File> files = {f, decided};
  ASSERT_DB_OK(insert_files(db(), files, by_id));
  ASSERT_GT(files[0].id, 0);
  auto back = find_file(db(), files[0].id);
  ASSERT_DB_OK(back);
  EXPECT_EQ(back->steps.size(), 2u);
  ASSERT_EQ(back->suspensions.size(), 1u);
  EXPECT_FALSE(back->suspensions[0].ended_on);
  EXPECT_EQ(clock_of(*back, p, kToday).state, ClockState::suspended);
  // The stored clock, as the list's filters read it.
  auto suspended = list_files(db(), {.state = ClockState::suspended}, kToday, Paging{1, 10});
  ASSERT_DB_OK(suspended);
  ASSERT_EQ(suspended->total, 1);
  EXPECT_EQ(suspended->items[0].protocol_number, "B-1");
  auto closed = list_files(db(), {.state = ClockState::closed}, kToday, Paging{1, 10});
  ASSERT_DB_OK(closed);
  ASSERT_EQ(closed->total, 1);
  ASSERT_TRUE(closed->items[0].decision);
  EXPECT_EQ(closed->items[0].decision->outcome, "withdrawn");
  // The step kept for the sort: the file on its second step sorts after a new one.
  open(p, "B-3", "2025-06-01");
  EXPECT_EQ(order("-step").front(), "B-1");
}

TEST_P(FilesDashboardTest, CountersStayEqualToARecountThroughEveryWrite) {
  expect_counters_exact("nothing");
  open_every_state();  // opened, suspended (one lapsed), one withdrawn
  expect_counters_exact("the files of every state");
  auto p = procedure("permit_conversion");
  auto work = procedure("work_entry");
  // The term starts: the work entry gets its first due date.
  ASSERT_DB_OK(advance(db(), stored("W-1"), work,
                       {"quota_charged", "2025-06-10", std::nullopt, user_}, kToday, kNow));
  expect_counters_exact("the work entry charged to the quota");
  // A step that leaves the clock alone.
  ASSERT_DB_OK(advance(db(), stored("R-2"), p, {p.steps[1].code, "2025-05-20", std::nullopt, user_},
                       kToday, kNow));
  expect_counters_exact("a step");
  // Resumed: no longer suspended, re-dated by the days it was.
  ASSERT_DB_OK(close_suspension(db(), stored("R-4"), p, "2025-06-25", user_, kToday, kNow));
  expect_counters_exact("a resumption");
  // Decided with a suspension open, which closes with it.
  ASSERT_DB_OK(open_suspension(db(), stored("R-1"), p,
                               {.started_on = "2025-06-28", .reason = "r", .opened_by = user_},
                               kToday, kNow));
  expect_counters_exact("a suspension");
  ASSERT_DB_OK(decide(db(), stored("R-1"), p, {"withdrawn", "2025-06-29", std::nullopt, user_},
                      kToday, kNow));
  expect_counters_exact("a decision on a suspended file");
  // A term rule corrected: every open file of the procedure re-dated.
  auto longer = p;
  for (auto& t : longer.terms) t.amount += 30;
  ASSERT_DB_OK(refresh_due_dates(db(), longer));
  expect_counters_exact("the due dates refreshed");
  // Generated files (the national seed's path): one suspended, one decided.
  std::map<std::int64_t, Procedure> by_id{{p.id, p}};
  File suspended = generated(p, "B-1", "2025-06-01", 2);
  suspended.suspensions.push_back({.started_on = "2025-06-15", .reason = "r", .opened_by = user_});
  File decided = suspended;
  decided.protocol_number = "B-2";
  decided.suspensions.clear();
  decided.status = "closed";
  decided.decision = Decision{"withdrawn", "2025-06-20", std::nullopt, user_};
  std::vector<File> files = {suspended, decided};
  ASSERT_DB_OK(insert_files(db(), files, by_id));
  expect_counters_exact("generated files");
  // A file deleted (no route deletes one: an erasure by hand, or a test's cleanup).
  const auto gone = stored("R-3").id;
  for (const char* table :
       {"procedure_file_steps", "procedure_file_documents", "procedure_file_suspensions"})
    ASSERT_DB_OK(db().execute(std::string("DELETE FROM ") + table + " WHERE file_id = ?", {gone}));
  ASSERT_DB_OK(db().execute("DELETE FROM procedure_files WHERE id = ?", {gone}));
  expect_counters_exact("a deletion");
}

TEST_P(FilesDashboardTest, AFileDueTodayIsDueSoonTodayAndPastDueTomorrowWithoutAWrite) {
  auto p = procedure("family_reunification");
  open(p, "F-1", "2025-01-15");
  const auto due = stored_clock(stored("F-1"), p).due_on;
  ASSERT_TRUE(due);
  const auto on = day(*due);
  auto counts_on = [&](CivilDay d) {
    auto all = count_by_procedure(db(), std::nullopt, d);
    EXPECT_TRUE(all.ok() && all->size() == 1u);
    return all.ok() && all->size() == 1u ? (*all)[0] : ProcedureCounts{};
  };
  using T = std::tuple<std::int64_t, std::int64_t>;  // overdue, due soon
  auto states = [&](CivilDay d) {
    auto c = counts_on(d);
    EXPECT_EQ(c.open, 1);
    return T{c.overdue, c.due_soon};
  };
  EXPECT_EQ(states(on.plus_days(-kDueSoonDays - 1)), (T{0, 0}));  // running
  EXPECT_EQ(states(on.plus_days(-kDueSoonDays)), (T{0, 1}));
  EXPECT_EQ(states(on), (T{0, 1}));
  EXPECT_EQ(states(on.plus_days(1)), (T{1, 0}));
}

INSTANTIATE_TEST_SUITE_P(Engines, FilesDashboardTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::procedures
