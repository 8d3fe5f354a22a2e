#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "db/database.h"
#include "support/engine_test.h"

namespace innet::db::storage_test {
namespace {

using std::chrono::milliseconds;

TEST(StoragePoolOpen, RejectsAnUnknownSchemeWithoutEchoingTheUrl) {
  auto pool = Pool::open("mysql://admin:secret@localhost/innet", 2);
  ASSERT_FALSE(pool.ok());
  EXPECT_EQ(pool.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(pool.error().code, "db_url_invalid");
  EXPECT_NE(pool.error().message.find("mysql"), std::string::npos);
  EXPECT_EQ(pool.error().message.find("secret"), std::string::npos);
}

TEST(StoragePoolOpen, RejectsAPoolWithoutConnections) {
  auto pool = Pool::open("sqlite::memory:", 0);
  ASSERT_FALSE(pool.ok());
  EXPECT_EQ(pool.error().kind, ErrorKind::invalid_input);
}

TEST(StoragePoolOpen, UnreachableSqliteFileFailsAtOpen) {
  auto pool = Pool::open("sqlite:///nonexistent-innet-dir/sub/innet.db", 2);
  ASSERT_FALSE(pool.ok());
  EXPECT_EQ(pool.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(pool.error().code, "db_unavailable");
}

TEST(StoragePoolOpen, MalformedPostgresUrlIsInvalidInput) {
  auto pool = Pool::open("postgresql://localhost/innet?no_such_option=1", 2);
  ASSERT_FALSE(pool.ok());
  EXPECT_EQ(pool.error().kind, ErrorKind::invalid_input);
}

TEST(StoragePoolOpen, UnreachablePostgresServerFailsAtOpen) {
  auto pool = Pool::open("postgres:///innet?host=/nonexistent-innet-dir&connect_timeout=2", 2);
  ASSERT_FALSE(pool.ok());
  EXPECT_EQ(pool.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(pool.error().code, "db_unavailable");
}

TEST(StoragePoolOpen, InMemoryDatabaseIsOneConnectionSharedByEveryBorrower) {
  auto opened = Pool::open("sqlite::memory:", 8);
  ASSERT_DB_OK(opened);
  Pool& pool = **opened;
  EXPECT_EQ(pool.engine(), Engine::sqlite);
  EXPECT_EQ(pool.stats().max, 1);
  {
    auto c = pool.acquire();
    ASSERT_DB_OK(c);
    ASSERT_DB_OK((*c)->execute_script("CREATE TABLE t (x BIGINT); INSERT INTO t VALUES (1);"));
  }
  {
    // A leaked transaction is rolled back, but the connection (and so the database) is kept.
    auto c = pool.acquire();
    ASSERT_DB_OK(c);
    ASSERT_DB_OK((*c)->begin());
    ASSERT_DB_OK((*c)->execute("INSERT INTO t VALUES (2)"));
  }
  auto c = pool.acquire();
  ASSERT_DB_OK(c);
  auto rows = (*c)->query("SELECT COUNT(*) FROM t");
  ASSERT_DB_OK(rows);
  EXPECT_EQ((*rows)[0].integer(0), 1);
}

TEST(StoragePoolOpen, SeparateInMemoryPoolsAreSeparateDatabases) {
  auto a = Pool::open("sqlite::memory:", 1);
  auto b = Pool::open("sqlite::memory:", 1);
  ASSERT_DB_OK(a);
  ASSERT_DB_OK(b);
  auto ca = (*a)->acquire();
  auto cb = (*b)->acquire();
  ASSERT_DB_OK(ca);
  ASSERT_DB_OK(cb);
  ASSERT_DB_OK((*ca)->execute_script("CREATE TABLE only_in_a (x BIGINT)"));
  EXPECT_FALSE((*cb)->query("SELECT * FROM only_in_a").ok());
}

class StoragePoolTest : public EngineTest {};

TEST_P(StoragePoolTest, OpensOneConnectionEagerlyAndTheRestOnDemand) {
  auto pool = open_pool(3);
  ASSERT_NE(pool, nullptr);
  EXPECT_EQ(pool->engine(), engine());
  EXPECT_EQ(pool->url(), url());
  EXPECT_EQ(pool->stats().size, 1);
  auto a = pool->acquire();
  auto b = pool->acquire();
  ASSERT_DB_OK(a);
  ASSERT_DB_OK(b);
  const PoolStats stats = pool->stats();
  EXPECT_EQ(stats.size, 2);
  EXPECT_EQ(stats.in_use, 2);
  EXPECT_EQ(stats.max, 3);
  EXPECT_EQ(stats.waits, 0);
}

TEST_P(StoragePoolTest, ReusesTheMostRecentlyReturnedConnection) {
  auto pool = open_pool(3);
  ASSERT_NE(pool, nullptr);
  Connection* returned_last = nullptr;
  {
    auto goes_back_last = pool->acquire();
    auto goes_back_first = pool->acquire();  // locals are destroyed in reverse order
    ASSERT_DB_OK(goes_back_last);
    ASSERT_DB_OK(goes_back_first);
    returned_last = &**goes_back_last;
  }
  auto again = pool->acquire();
  ASSERT_DB_OK(again);
  EXPECT_EQ(&**again, returned_last);
  EXPECT_EQ(pool->stats().size, 2);
}

TEST_P(StoragePoolTest, MoveAssignmentReturnsTheConnectionItReplaces) {
  auto pool = open_pool(2);
  ASSERT_NE(pool, nullptr);
  auto a = pool->acquire();
  auto b = pool->acquire();
  ASSERT_DB_OK(a);
  ASSERT_DB_OK(b);
  a.value() = std::move(b.value());
  EXPECT_EQ(pool->stats().in_use, 1);
  EXPECT_EQ(pool->stats().size, 2);
}

TEST_P(StoragePoolTest, TimesOutWhenEveryConnectionIsLentOut) {
  auto pool = open_pool(1);
  ASSERT_NE(pool, nullptr);
  auto held = pool->acquire();
  ASSERT_DB_OK(held);
  const auto start = std::chrono::steady_clock::now();
  auto refused = pool->acquire(50);
  ASSERT_FALSE(refused.ok());
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(50));
  EXPECT_EQ(refused.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(refused.error().code, "db_pool_exhausted");
  EXPECT_EQ(pool->stats().waits, 1);
  EXPECT_EQ(pool->stats().in_use, 1);
}

TEST_P(StoragePoolTest, WaiterGetsTheConnectionWhenItIsReturned) {
  auto pool = open_pool(1);
  ASSERT_NE(pool, nullptr);
  auto acquired = pool->acquire();
  ASSERT_DB_OK(acquired);
  std::optional<PooledConnection> held(std::move(acquired.value()));
  std::thread releaser([&] {
    std::this_thread::sleep_for(milliseconds(50));
    held.reset();
  });
  auto waited = pool->acquire(5000);
  releaser.join();
  ASSERT_DB_OK(waited);
  EXPECT_EQ(pool->stats().waits, 1);
  EXPECT_EQ(pool->stats().size, 1);
}

TEST_P(StoragePoolTest, ConcurrentBorrowersStayWithinTheBound) {
  constexpr int kMax = 3;
  constexpr int kThreads = 8;
  constexpr int kRounds = 5;
  auto pool = open_pool(kMax);
  ASSERT_NE(pool, nullptr);
  std::atomic<int> borrowed{0};
  std::atomic<int> peak{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < kRounds; ++round) {
        auto c = pool->acquire(10000);
        if (!c || !(*c)->query("SELECT 1").ok()) {
          ++failures;
          continue;
        }
        const int now = ++borrowed;
        int seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(milliseconds(5));
        --borrowed;
      }
    });
  }
  for (std::thread& t : threads) t.join();

  EXPECT_EQ(failures.load(), 0);
  EXPECT_LE(peak.load(), kMax);
  EXPECT_GE(peak.load(), 2);
  const PoolStats stats = pool->stats();
  EXPECT_LE(stats.size, kMax);
  EXPECT_EQ(stats.in_use, 0);
  EXPECT_GT(stats.waits, 0);
}

TEST_P(StoragePoolTest, BrokenConnectionIsDroppedAndReportedUnavailable) {
  if (engine() != Engine::postgresql) GTEST_SKIP() << "only a server connection can be cut";
  auto pool = open_pool(2);
  ASSERT_NE(pool, nullptr);
  {
    auto c = pool->acquire();
    ASSERT_DB_OK(c);
    auto cut = (*c)->query("SELECT pg_terminate_backend(pg_backend_pid())");
    ASSERT_FALSE(cut.ok());
    EXPECT_EQ(cut.error().kind, ErrorKind::unavailable);
    EXPECT_FALSE((*c)->healthy());
  }
  EXPECT_EQ(pool->stats().size, 0);
  auto fresh = pool->acquire();
  ASSERT_DB_OK(fresh);
  EXPECT_TRUE((*fresh)->query("SELECT 1").ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, StoragePoolTest, all_engines(), engine_name);

}  // namespace
}  // namespace innet::db::storage_test
