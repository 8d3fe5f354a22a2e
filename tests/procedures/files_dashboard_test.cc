// The deadline dashboard's counts, the list's sort and the bulk store of generated files, on both
// engines: the counts agree with the list's state filters (the same stored clock), keep to the
// persons given, and leave out closed files; each sort key orders as said in files.h, files
// whose term has not started last on both engines (SQLite and PostgreSQL put NULLs at opposite
// ends); a file stored by insert_files reads back as the rules' functions would have left it.
#include <gtest/gtest.h>

#include <algorithm>

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
  File f{.procedure_id = p.id,
         .person_id = person(1),
         .protocol_number = "B-1",
         .filed_on = "2025-03-01",
         .created_by = user_,
         .created_at = kNow,
         .updated_at = kNow};
  f.steps.push_back({p.steps[0].code, "2025-03-01", std::nullopt, user_});
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

INSTANTIATE_TEST_SUITE_P(Engines, FilesDashboardTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::procedures
