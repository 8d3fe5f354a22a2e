// Statement and lock time limits on both engines: a slow statement is stopped with a clear
// error and the connection stays usable.
#include <chrono>
#include <string>

#include "db/database.h"
#include "support/engine_test.h"

namespace innet::db::storage_test {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Counts to 100 million: seconds on either engine without a limit (so a missing limit fails the
// test rather than hanging it), cut off after 200 ms with one.
constexpr const char* kSlowQuery =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) "
    "SELECT COUNT(*) FROM c";

class StorageTimeLimitTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    exec("CREATE TABLE notes (id {{pk}}, body TEXT NOT NULL)");
    exec("INSERT INTO notes (body) VALUES ('first')");
  }
};

TEST_P(StorageTimeLimitTest, ASlowStatementIsStoppedAndTheConnectionStaysUsable) {
  pool().set_time_limits({.statement_ms = 200, .lock_ms = 1000});
  auto c = connection();
  auto begin = Clock::now();
  auto slow = c->query(kSlowQuery);
  auto elapsed = Clock::now() - begin;
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(slow.error().code, "query_timeout");
  EXPECT_GE(elapsed, 150ms);
  EXPECT_LT(elapsed, 2s);
  auto after = c->query("SELECT body FROM notes");
  ASSERT_DB_OK(after);
  EXPECT_EQ(after->rows.at(0).text(0), "first");
}

TEST_P(StorageTimeLimitTest, AStatementStoppedInATransactionRollsBackCleanly) {
  pool().set_time_limits({.statement_ms = 200, .lock_ms = 1000});
  auto c = connection();
  {
    Transaction transaction(*c);
    ASSERT_DB_OK(transaction.started());
    ASSERT_DB_OK(c->execute("INSERT INTO notes (body) VALUES ('lost')"));
    auto slow = c->query(kSlowQuery);
    ASSERT_FALSE(slow.ok());
    EXPECT_EQ(slow.error().code, "query_timeout");
  }
  EXPECT_FALSE(c->in_transaction());
  EXPECT_EQ(count("notes"), 1);
  ASSERT_DB_OK(c->execute("INSERT INTO notes (body) VALUES ('kept')"));
  EXPECT_EQ(count("notes"), 2);
}

TEST_P(StorageTimeLimitTest, LimitsReachConnectionsAlreadyInThePool) {
  { auto warm = connection(); }  // idle in the pool before the limits are set
  pool().set_time_limits({.statement_ms = 200, .lock_ms = 1000});
  auto slow = connection()->query(kSlowQuery);
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.error().code, "query_timeout");
}

TEST_P(StorageTimeLimitTest, AHeldWriteLockIsWaitedForOnlyUpToTheLockLimit) {
  pool().set_time_limits({.statement_ms = 5000, .lock_ms = 300});
  auto holder = connection();
  Transaction held(*holder);
  ASSERT_DB_OK(held.started());
  ASSERT_DB_OK(holder->execute("UPDATE notes SET body = 'held' WHERE id = 1"));

  auto waiter = connection();
  auto begin = Clock::now();
  Status blocked = [&]() -> Status {
    Transaction transaction(*waiter);
    INNET_TRY(transaction.started());  // SQLite waits here for the write lock
    INNET_TRY(waiter->execute("UPDATE notes SET body = 'second' WHERE id = 1"));
    return transaction.commit();
  }();
  auto elapsed = Clock::now() - begin;
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(blocked.error().code, "lock_timeout");
  EXPECT_GE(elapsed, 250ms);
  EXPECT_LT(elapsed, 3s);
  EXPECT_FALSE(waiter->in_transaction());
  ASSERT_DB_OK(waiter->query("SELECT 1"));
}

INSTANTIATE_TEST_SUITE_P(Engines, StorageTimeLimitTest, all_engines(), engine_name);

}  // namespace
}  // namespace innet::db::storage_test
