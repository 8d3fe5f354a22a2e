#include <gtest/gtest.h>

#include "db/database.h"

namespace innet::db {
namespace {

TEST(StoragePlaceholders, NumbersEachPlaceholderInOrder) {
  EXPECT_EQ(to_postgres_placeholders("SELECT * FROM t WHERE a = ? AND b IN (?, ?)"),
            "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
}

TEST(StoragePlaceholders, LeavesSqlWithoutPlaceholdersAlone) {
  EXPECT_EQ(to_postgres_placeholders(""), "");
  EXPECT_EQ(to_postgres_placeholders("SELECT 1"), "SELECT 1");
}

TEST(StoragePlaceholders, SkipsStringLiterals) {
  EXPECT_EQ(to_postgres_placeholders("SELECT '?', ? WHERE x = 'a?b'"),
            "SELECT '?', $1 WHERE x = 'a?b'");
}

TEST(StoragePlaceholders, DoubledQuoteStaysInsideTheLiteral) {
  EXPECT_EQ(to_postgres_placeholders("SELECT 'it''s ?', ?"), "SELECT 'it''s ?', $1");
  EXPECT_EQ(to_postgres_placeholders("SELECT '''', ?"), "SELECT '''', $1");
}

TEST(StoragePlaceholders, SkipsQuotedIdentifiers) {
  EXPECT_EQ(to_postgres_placeholders(R"(SELECT "what?", "a""?" FROM t WHERE x = ?)"),
            R"(SELECT "what?", "a""?" FROM t WHERE x = $1)");
}

TEST(StoragePlaceholders, SkipsLineComments) {
  EXPECT_EQ(to_postgres_placeholders("SELECT ? -- why?\nFROM t WHERE x = ?"),
            "SELECT $1 -- why?\nFROM t WHERE x = $2");
  EXPECT_EQ(to_postgres_placeholders("SELECT ? -- why?"), "SELECT $1 -- why?");
}

TEST(StoragePlaceholders, SkipsBlockComments) {
  EXPECT_EQ(to_postgres_placeholders("SELECT /* ? 'x */ ?, ?"), "SELECT /* ? 'x */ $1, $2");
}

TEST(StoragePlaceholders, SingleDashIsNotAComment) {
  EXPECT_EQ(to_postgres_placeholders("SELECT ? - ?"), "SELECT $1 - $2");
}

TEST(StoragePlaceholders, UnterminatedQuoteSwallowsTheRest) {
  // The server reports the syntax error; the rewrite must not invent parameters inside it.
  EXPECT_EQ(to_postgres_placeholders("SELECT 'abc ?"), "SELECT 'abc ?");
  EXPECT_EQ(to_postgres_placeholders("SELECT ? /* ?"), "SELECT $1 /* ?");
}

TEST(StoragePlaceholders, CountsPastNine) {
  EXPECT_EQ(to_postgres_placeholders("VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
            "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)");
}

}  // namespace
}  // namespace innet::db
