#include <cstdint>

#include "db/database.h"
#include "support/engine_test.h"

namespace innet::db::storage_test {
namespace {

class StorageErrorTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    exec(R"(
      CREATE TABLE orgs (id {{pk}}, name TEXT NOT NULL UNIQUE);
      CREATE TABLE users (
        id BIGINT PRIMARY KEY,
        org_id BIGINT NOT NULL REFERENCES orgs (id),
        age BIGINT CHECK (age >= 0)
      );
      INSERT INTO orgs (name) VALUES ('Palermo');
    )");
  }

  // Asserts that the statement failed with this kind and code.
  template <class R>
  static void expect_error(const R& result, ErrorKind kind, const char* code) {
    ASSERT_FALSE(result.ok()) << "expected " << code;
    EXPECT_EQ(result.error().kind, kind) << result.error().message;
    EXPECT_EQ(result.error().code, code) << result.error().message;
  }
};

TEST_P(StorageErrorTest, DuplicateUniqueValueIsAConflict) {
  expect_error(connection()->execute("INSERT INTO orgs (name) VALUES (?)", {"Palermo"}),
               ErrorKind::conflict, "unique_violation");
  EXPECT_EQ(count("orgs"), 1);
}

TEST_P(StorageErrorTest, DuplicatePrimaryKeyIsAConflict) {
  auto c = connection();
  ASSERT_DB_OK(c->execute("INSERT INTO users (id, org_id) VALUES (7, 1)"));
  expect_error(c->execute("INSERT INTO users (id, org_id) VALUES (?, ?)",
                          {std::int64_t{7}, std::int64_t{1}}),
               ErrorKind::conflict, "unique_violation");
  EXPECT_EQ(count("users"), 1);
}

TEST_P(StorageErrorTest, FailedMultiRowInsertChangesNothing) {
  expect_error(connection()->execute("INSERT INTO orgs (name) VALUES (?), (?), (?)",
                                     {"Catania", "Messina", "Palermo"}),
               ErrorKind::conflict, "unique_violation");
  EXPECT_EQ(count("orgs"), 1);
}

TEST_P(StorageErrorTest, MissingReferencedRowIsAForeignKeyConflict) {
  expect_error(connection()->execute("INSERT INTO users (id, org_id) VALUES (?, ?)",
                                     {std::int64_t{1}, std::int64_t{999}}),
               ErrorKind::conflict, "foreign_key_violation");
  EXPECT_EQ(count("users"), 0);
}

TEST_P(StorageErrorTest, DeletingAReferencedRowIsAForeignKeyConflict) {
  auto c = connection();
  ASSERT_DB_OK(c->execute("INSERT INTO users (id, org_id) VALUES (1, 1)"));
  expect_error(c->execute("DELETE FROM orgs WHERE id = ?", {std::int64_t{1}}), ErrorKind::conflict,
               "foreign_key_violation");
  EXPECT_EQ(count("orgs"), 1);
}

TEST_P(StorageErrorTest, CheckConstraintIsUnprocessable) {
  expect_error(connection()->execute("INSERT INTO users (id, org_id, age) VALUES (?, ?, ?)",
                                     {std::int64_t{1}, std::int64_t{1}, std::int64_t{-1}}),
               ErrorKind::unprocessable, "check_violation");
  EXPECT_EQ(count("users"), 0);
}

TEST_P(StorageErrorTest, MissingRequiredValueIsUnprocessable) {
  expect_error(connection()->execute("INSERT INTO orgs (name) VALUES (?)", {nullptr}),
               ErrorKind::unprocessable, "check_violation");
  EXPECT_EQ(count("orgs"), 1);
}

TEST_P(StorageErrorTest, UnknownTableIsAnInternalError) {
  expect_error(connection()->query("SELECT * FROM nowhere"), ErrorKind::internal, "db_error");
}

TEST_P(StorageErrorTest, ConnectionStaysUsableAfterAnError) {
  auto c = connection();
  ASSERT_FALSE(c->execute("INSERT INTO orgs (name) VALUES ('Palermo')").ok());
  ASSERT_DB_OK(c->execute("INSERT INTO orgs (name) VALUES ('Trapani')"));
  EXPECT_TRUE(c->healthy());
  EXPECT_EQ(count("orgs"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, StorageErrorTest, all_engines(), engine_name);

}  // namespace
}  // namespace innet::db::storage_test
