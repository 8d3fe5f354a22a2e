#include <chrono>
#include <cstdint>
#include <future>
#include <string>

#include "db/database.h"
#include "support/engine_test.h"

namespace innet::db::storage_test {
namespace {

class StorageTransactionTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    exec("CREATE TABLE notes (id {{pk}}, body TEXT NOT NULL UNIQUE)");
  }

  static Status add_note(Connection& c, const std::string& body) {
    INNET_TRY(c.execute("INSERT INTO notes (body) VALUES (?)", {body}));
    return Status::success();
  }
};

TEST_P(StorageTransactionTest, CommitKeepsTheChanges) {
  auto c = connection();
  {
    Transaction transaction(*c);
    ASSERT_DB_OK(transaction.started());
    EXPECT_TRUE(c->in_transaction());
    ASSERT_DB_OK(add_note(*c, "kept"));
    ASSERT_DB_OK(transaction.commit());
  }
  EXPECT_FALSE(c->in_transaction());
  EXPECT_EQ(count("notes"), 1);
}

TEST_P(StorageTransactionTest, RollbackDiscardsTheChanges) {
  auto c = connection();
  ASSERT_DB_OK(c->begin());
  ASSERT_DB_OK(add_note(*c, "discarded"));
  ASSERT_DB_OK(c->rollback());
  EXPECT_FALSE(c->in_transaction());
  EXPECT_EQ(count("notes"), 0);
}

TEST_P(StorageTransactionTest, LeavingTheScopeWithoutCommitRollsBack) {
  auto c = connection();
  {
    Transaction transaction(*c);
    ASSERT_DB_OK(transaction.started());
    ASSERT_DB_OK(add_note(*c, "discarded"));
  }
  EXPECT_FALSE(c->in_transaction());
  EXPECT_EQ(count("notes"), 0);
}

TEST_P(StorageTransactionTest, UncommittedChangesAreInvisibleToOtherConnections) {
  auto writer = connection();
  Transaction transaction(*writer);
  ASSERT_DB_OK(transaction.started());
  ASSERT_DB_OK(add_note(*writer, "pending"));
  EXPECT_EQ(count("notes"), 0);  // count() borrows a second connection
  ASSERT_DB_OK(transaction.commit());
  EXPECT_EQ(count("notes"), 1);
}

TEST_P(StorageTransactionTest, ErrorInsideTransactionThenScopeExitLeavesNothing) {
  auto c = connection();
  {
    Transaction transaction(*c);
    ASSERT_DB_OK(transaction.started());
    ASSERT_DB_OK(add_note(*c, "first"));
    const Status duplicate = add_note(*c, "first");
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, "unique_violation");
  }
  EXPECT_FALSE(c->in_transaction());
  EXPECT_EQ(count("notes"), 0);
}

TEST_P(StorageTransactionTest, ConnectionReturnedInsideTransactionIsRolledBackAndReplaced) {
  {
    auto c = connection();
    ASSERT_DB_OK(c->begin());
    ASSERT_DB_OK(add_note(*c, "leaked"));
  }
  EXPECT_EQ(pool().stats().size, 0);
  EXPECT_EQ(pool().stats().in_use, 0);
  EXPECT_EQ(count("notes"), 0);
}

TEST_P(StorageTransactionTest, PreparedStatementsOutliveARolledBackTransaction) {
  auto c = connection();
  const std::string sql = "SELECT COUNT(*) FROM notes WHERE body = ?";
  ASSERT_DB_OK(c->begin());
  ASSERT_DB_OK(c->query(sql, {"x"}));
  ASSERT_DB_OK(c->rollback());
  auto rows = c->query(sql, {"x"});
  ASSERT_DB_OK(rows);
  EXPECT_EQ((*rows)[0].integer(0), 0);
}

TEST_P(StorageTransactionTest, SecondWriterWaitsForTheFirstToCommit) {
  auto first = connection();
  Transaction transaction(*first);
  ASSERT_DB_OK(transaction.started());
  ASSERT_DB_OK(add_note(*first, "same"));

  auto second_pool = open_pool(1);
  ASSERT_NE(second_pool, nullptr);
  auto second = std::async(std::launch::async, [&] {
    auto c = second_pool->acquire();
    if (!c) return c.take_error().code;
    const Status added = add_note(**c, "same");
    return added.ok() ? std::string("ok") : added.error().code;
  });
  // The second insert must block on the first writer, not fail or slip past it.
  EXPECT_EQ(second.wait_for(std::chrono::milliseconds(200)), std::future_status::timeout);
  ASSERT_DB_OK(transaction.commit());
  EXPECT_EQ(second.get(), "unique_violation");
  EXPECT_EQ(count("notes"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, StorageTransactionTest, all_engines(), engine_name);

}  // namespace
}  // namespace innet::db::storage_test
