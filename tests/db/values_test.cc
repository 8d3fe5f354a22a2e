#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "db/database.h"
#include "support/engine_test.h"

namespace innet::db::storage_test {
namespace {

class StorageValuesTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    exec("CREATE TABLE vals (id {{pk}}, i BIGINT, r DOUBLE PRECISION, t TEXT, b {{blob}})");
  }

  // Inserts one row and reads it back through the driver's own result conversion.
  Row round_trip(const Value& i, const Value& r, const Value& t, const Value& b) {
    auto c = connection();
    auto inserted =
        c->query("INSERT INTO vals (i, r, t, b) VALUES (?, ?, ?, ?) RETURNING id", {i, r, t, b});
    EXPECT_TRUE(inserted.ok()) << inserted.error().message;
    auto rows = c->query("SELECT i, r, t, b FROM vals WHERE id = ?", {inserted->rows.at(0)[0]});
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    return rows->rows.at(0);
  }
};

Blob every_byte() {
  Blob blob;
  for (int b = 0; b < 256; ++b) blob.bytes.push_back(static_cast<unsigned char>(b));
  return blob;
}

TEST_P(StorageValuesTest, EveryValueTypeRoundTrips) {
  const std::string text = "Prefettura di Palermo — Ελληνικά, 日本語, emoji 🙂";
  const Row row = round_trip(std::numeric_limits<std::int64_t>::max(), 0.1, text, every_byte());
  EXPECT_EQ(row[0], Value(std::numeric_limits<std::int64_t>::max()));
  EXPECT_EQ(row[1], Value(0.1));
  EXPECT_EQ(row[2], Value(text));
  EXPECT_EQ(row[3], Value(every_byte()));
}

TEST_P(StorageValuesTest, ExtremeNumbersRoundTrip) {
  const Row low = round_trip(std::numeric_limits<std::int64_t>::min(), -1e300, "", Blob{});
  EXPECT_EQ(low[0], Value(std::numeric_limits<std::int64_t>::min()));
  EXPECT_EQ(low[1], Value(-1e300));
  const Row tiny = round_trip(std::int64_t{-1}, 4.9e-324, "x", Blob{});
  EXPECT_EQ(tiny[1], Value(4.9e-324));
  const double infinity = std::numeric_limits<double>::infinity();
  EXPECT_EQ(round_trip(nullptr, infinity, nullptr, nullptr)[1], Value(infinity));
  EXPECT_EQ(round_trip(nullptr, -infinity, nullptr, nullptr)[1], Value(-infinity));
}

TEST_P(StorageValuesTest, NullRoundTripsInEveryColumn) {
  const Row row = round_trip(nullptr, nullptr, nullptr, nullptr);
  for (std::size_t i = 0; i < row.size(); ++i) EXPECT_TRUE(row.is_null(i)) << "column " << i;
}

TEST_P(StorageValuesTest, EmptyBlobAndEmptyTextAreNotNull) {
  const Row row = round_trip(std::int64_t{0}, 0.0, std::string(), Blob{});
  EXPECT_EQ(row[2], Value(std::string()));
  EXPECT_EQ(row[3], Value(Blob{}));
}

TEST_P(StorageValuesTest, BlobOfZeroBytesKeepsItsLength) {
  const Blob zeros{{0, 0, 0}};
  EXPECT_EQ(round_trip(nullptr, nullptr, nullptr, zeros).blob(3), zeros);
}

TEST_P(StorageValuesTest, QuotesInValuesAreData) {
  const std::string hostile = "Robert'); DROP TABLE vals; -- \"?\"";
  EXPECT_EQ(round_trip(nullptr, nullptr, hostile, nullptr).text(2), hostile);
  EXPECT_EQ(count("vals"), 1);
}

TEST_P(StorageValuesTest, SelectedParametersKeepTheirTypes) {
  auto rows =
      connection()->query("SELECT ?, ?, ?, ?, ? + 1",
                          {std::int64_t{5000000000}, 2.5, "text", Blob{{1, 2}}, std::int64_t{41}});
  ASSERT_DB_OK(rows);
  const Row& row = rows->rows.at(0);
  EXPECT_EQ(row[0], Value(std::int64_t{5000000000}));
  EXPECT_EQ(row[1], Value(2.5));
  EXPECT_EQ(row[2], Value("text"));
  EXPECT_EQ(row[3], Value(Blob{{1, 2}}));
  EXPECT_EQ(row[4], Value(std::int64_t{42}));
}

TEST_P(StorageValuesTest, ResultsNameTheirColumns) {
  auto rows = connection()->query("SELECT 1 AS one, 'a' AS letter");
  ASSERT_DB_OK(rows);
  EXPECT_EQ(rows->columns, (std::vector<std::string>{"one", "letter"}));
}

TEST_P(StorageValuesTest, PlaceholdersInsideLiteralsAndCommentsAreUntouched) {
  exec(R"(CREATE TABLE marks ("what?" TEXT, note TEXT))");
  auto c = connection();
  ASSERT_DB_OK(c->execute(R"(INSERT INTO marks ("what?", note) VALUES (?, 'it''s ?'))", {"q"}));
  auto rows = c->query(
      "SELECT '?' AS literal, \"what?\", note -- is this a placeholder?\n"
      "FROM marks /* or this ? */ WHERE \"what?\" = ?",
      {"q"});
  ASSERT_DB_OK(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].text(0), "?");
  EXPECT_EQ((*rows)[0].text(1), "q");
  EXPECT_EQ((*rows)[0].text(2), "it's ?");
}

TEST_P(StorageValuesTest, InsertReturningGivesTheNewIds) {
  auto c = connection();
  auto first = c->query("INSERT INTO vals (t) VALUES (?) RETURNING id", {"a"});
  auto second = c->query("INSERT INTO vals (t) VALUES (?) RETURNING id", {"b"});
  ASSERT_DB_OK(first);
  ASSERT_DB_OK(second);
  EXPECT_EQ(first->columns.at(0), "id");
  EXPECT_EQ((*first)[0].integer(0), 1);
  EXPECT_EQ((*second)[0].integer(0), 2);
}

TEST_P(StorageValuesTest, ExecuteCountsChangedRows) {
  auto c = connection();
  for (const char* t : {"a", "b", "c"})
    ASSERT_DB_OK(c->execute("INSERT INTO vals (t) VALUES (?)", {t}));
  auto updated = c->execute("UPDATE vals SET i = ? WHERE t <> ?", {std::int64_t{1}, "c"});
  ASSERT_DB_OK(updated);
  EXPECT_EQ(*updated, 2);
  auto none = c->execute("DELETE FROM vals WHERE t = ?", {"zzz"});
  ASSERT_DB_OK(none);
  EXPECT_EQ(*none, 0);
  auto ddl = c->execute("CREATE TABLE other (x BIGINT)");
  ASSERT_DB_OK(ddl);
  EXPECT_EQ(*ddl, 0);
}

TEST_P(StorageValuesTest, CachedStatementRunsAgainWithNewValues) {
  auto c = connection();
  for (std::int64_t n = 0; n < 20; ++n) {
    ASSERT_DB_OK(c->execute("INSERT INTO vals (i) VALUES (?)", {n}));
  }
  // The same SQL with NULL and with an integer: both must work on one connection.
  ASSERT_DB_OK(c->execute("INSERT INTO vals (i) VALUES (?)", {nullptr}));
  auto sum = c->query("SELECT SUM(i), COUNT(*) FROM vals");
  ASSERT_DB_OK(sum);
  EXPECT_EQ((*sum)[0].integer(0), 190);
  EXPECT_EQ((*sum)[0].integer(1), 21);
}

TEST_P(StorageValuesTest, ExecuteScriptRunsSeveralStatements) {
  auto c = connection();
  ASSERT_DB_OK(
      c->execute_script("INSERT INTO vals (t) VALUES ('a'); INSERT INTO vals (t) VALUES ('b');"));
  EXPECT_EQ(count("vals"), 2);
}

TEST_P(StorageValuesTest, QueryTakesOneStatementOnly) {
  auto c = connection();
  auto two = c->query("SELECT 1; SELECT 2");
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error().kind, ErrorKind::internal);
  EXPECT_FALSE(c->execute("DELETE FROM vals; DROP TABLE vals").ok());
  EXPECT_EQ(count("vals"), 0);  // still there
  ASSERT_DB_OK(c->query("SELECT 1; -- a trailing semicolon and comment are fine\n"));
}

TEST_P(StorageValuesTest, WrongNumberOfValuesIsAnError) {
  auto result = connection()->execute("INSERT INTO vals (i, t) VALUES (?, ?)", {std::int64_t{1}});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "db_error");
  EXPECT_EQ(count("vals"), 0);
}

TEST_P(StorageValuesTest, SyntaxErrorIsAnInternalDbError) {
  auto result = connection()->query("SELEC 1");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::internal);
  EXPECT_EQ(result.error().code, "db_error");
  EXPECT_FALSE(result.error().message.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, StorageValuesTest, all_engines(), engine_name);

}  // namespace
}  // namespace innet::db::storage_test
