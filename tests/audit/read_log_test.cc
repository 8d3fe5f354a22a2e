// The read log on both engines: batches of entries with their persons, the filters, the refusal
// of edits, the retention purge, and the writer thread's flush on shutdown.
#include "audit/read_log.h"

#include "app/app.h"
#include "support/engine_test.h"

namespace innet::audit {
namespace {

using db::storage_test::EngineTest;

class ReadLogTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_DB_OK(db::migrate(pool(), app::all_migrations(engine())));
  }

  static ReadEntry entry(std::int64_t actor, std::string at, std::vector<std::int64_t> persons,
                         std::string outcome = "success") {
    return {.at = std::move(at),
            .actor_user_id = actor,
            .actor_email = "user" + std::to_string(actor) + "@example.org",
            .client_address = "10.0.0.1",
            .request_id = "req-" + std::to_string(actor),
            .route = "GET /api/v1/persons/{id}",
            .path = "/api/v1/persons/1",
            .status = outcome == "success" ? 200 : 404,
            .outcome = std::move(outcome),
            .person_ids = std::move(persons)};
  }

  std::vector<StoredRead> list_now(const ReadFilter& filter, std::int64_t* total = nullptr) {
    auto conn = pool().acquire();
    EXPECT_TRUE(conn.ok());
    auto page = list_reads(**conn, filter, Paging{1, 100});
    EXPECT_TRUE(page.ok()) << page.error().message;
    if (total) *total = page->second;
    return page->first;
  }
};

TEST_P(ReadLogTest, WritesBatchesWithTheirPersonsAndFilters) {
  auto conn = pool().acquire();
  ASSERT_DB_OK(conn);
  std::vector<std::int64_t> many;
  for (std::int64_t i = 100; i < 400; ++i) many.push_back(i);  // more than one multi-row chunk
  ASSERT_DB_OK(write_reads(
      **conn, {entry(1, "2026-12-01T10:00:00Z", {7}), entry(2, "2026-12-02T10:00:00Z", many),
               entry(3, "2026-12-02T11:00:00Z", {}, "denied")}));
  ASSERT_DB_OK(write_reads(**conn, {entry(1, "2026-12-03T10:00:00Z", {7, 8})}));

  std::int64_t total = 0;
  auto all = list_now({}, &total);
  ASSERT_EQ(total, 4);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].entry.person_ids, (std::vector<std::int64_t>{7, 8}));  // newest first
  EXPECT_EQ(all[1].entry.outcome, "denied");
  EXPECT_TRUE(all[1].entry.person_ids.empty());
  EXPECT_EQ(all[2].entry.person_ids, many);
  EXPECT_EQ(all[3].entry.actor_email, "user1@example.org");
  EXPECT_EQ(all[3].entry.status, 200);
  EXPECT_EQ(all[3].entry.request_id, "req-1");

  auto of_person = list_now({.person_id = 7});
  ASSERT_EQ(of_person.size(), 2u);
  EXPECT_EQ(of_person[0].entry.at, "2026-12-03T10:00:00Z");
  EXPECT_EQ(list_now({.person_id = 250}).size(), 1u);
  EXPECT_EQ(list_now({.actor_user_id = 1, .person_id = 8}).size(), 1u);
  EXPECT_EQ(list_now({.outcome = "denied"}).size(), 1u);
  EXPECT_EQ(list_now({.from = "2026-12-02", .to = "2026-12-02"}).size(), 2u);
}

TEST_P(ReadLogTest, TheDatabaseRefusesEdits) {
  auto conn = pool().acquire();
  ASSERT_DB_OK(conn);
  ASSERT_DB_OK(write_reads(**conn, {entry(1, "2026-12-01T10:00:00Z", {7})}));
  EXPECT_FALSE((*conn)->execute("UPDATE read_log SET actor_user_id = 2").ok());
  EXPECT_FALSE((*conn)->execute("UPDATE read_log_persons SET person_id = 9").ok());
  EXPECT_EQ(list_now({.person_id = 7}).size(), 1u);
}

TEST_P(ReadLogTest, PurgeDeletesWhatIsPastRetentionOnly) {
  auto conn = pool().acquire();
  ASSERT_DB_OK(conn);
  ASSERT_DB_OK(write_reads(
      **conn, {entry(1, "2024-01-01T10:00:00Z", {7, 8}), entry(2, "2026-12-01T10:00:00Z", {7})}));
  auto purged = purge_reads(**conn, "2025-01-01T00:00:00Z");
  ASSERT_DB_OK(purged);
  EXPECT_EQ(*purged, 1);
  auto left = list_now({});
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].entry.actor_user_id, 2);
  auto persons = (*conn)->query("SELECT COUNT(*) FROM read_log_persons");
  ASSERT_DB_OK(persons);
  EXPECT_EQ((*persons)[0].integer(0), 1);
}

TEST_P(ReadLogTest, TheWriterWritesWhatIsQueuedAndFlushesOnShutdown) {
  {
    ReadLog log(pool(), {.interval_ms = 3'600'000});  // never on its own during the test
    ASSERT_TRUE(log.enqueue(entry(1, "2026-12-01T10:00:00Z", {7})));
    ASSERT_DB_OK(log.flush());
    EXPECT_EQ(list_now({}).size(), 1u);
    ASSERT_TRUE(log.enqueue(entry(2, "2026-12-01T10:00:01Z", {8})));
  }
  EXPECT_EQ(list_now({}).size(), 2u);

  ReadLog full(pool(), {.interval_ms = 3'600'000, .max_queued = 1});
  EXPECT_TRUE(full.enqueue(entry(3, "2026-12-01T10:00:02Z", {})));
  EXPECT_FALSE(full.enqueue(entry(4, "2026-12-01T10:00:03Z", {})));
}

INSTANTIATE_TEST_SUITE_P(Engines, ReadLogTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::audit
