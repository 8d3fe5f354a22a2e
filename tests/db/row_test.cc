#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "db/database.h"

namespace innet::db {
namespace {

Row one(Value v) {
  return Row({std::move(v)});
}

TEST(StorageRow, NullGivesTheDocumentedFallbacks) {
  const Row row = one(nullptr);
  EXPECT_TRUE(row.is_null(0));
  EXPECT_EQ(row.integer(0), 0);
  EXPECT_EQ(row.real(0), 0.0);
  EXPECT_EQ(row.text(0), "");
  EXPECT_TRUE(row.blob(0).bytes.empty());
  EXPECT_EQ(row.opt_integer(0), std::nullopt);
  EXPECT_EQ(row.opt_text(0), std::nullopt);
}

TEST(StorageRow, ReadsEachTypeAsItself) {
  const Row row({std::int64_t{42}, 2.5, std::string("héllo"), Blob{{0, 1, 255}}});
  EXPECT_EQ(row.size(), 4u);
  EXPECT_EQ(row.integer(0), 42);
  EXPECT_EQ(row.real(1), 2.5);
  EXPECT_EQ(row.text(2), "héllo");
  EXPECT_EQ(row.blob(3), (Blob{{0, 1, 255}}));
  EXPECT_EQ(row.opt_integer(0), 42);
  EXPECT_EQ(row.opt_text(2), "héllo");
  EXPECT_FALSE(row.is_null(0));
}

TEST(StorageRow, NumbersConvertBetweenEachOther) {
  EXPECT_EQ(one(std::int64_t{7}).real(0), 7.0);
  EXPECT_EQ(one(2.9).integer(0), 2);
  EXPECT_EQ(one(-2.9).integer(0), -2);
  EXPECT_EQ(one(1e300).integer(0), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(one(-1e300).integer(0), std::numeric_limits<std::int64_t>::min());
}

TEST(StorageRow, NumbersFormatAsText) {
  EXPECT_EQ(one(std::int64_t{-12}).text(0), "-12");
  EXPECT_EQ(one(0.1).text(0), "0.1");
  EXPECT_EQ(one(std::int64_t{5}).opt_text(0), "5");
}

TEST(StorageRow, TextConvertsToItsLeadingNumber) {
  EXPECT_EQ(one(std::string("123")).integer(0), 123);
  EXPECT_EQ(one(std::string(" 12abc")).integer(0), 12);
  EXPECT_EQ(one(std::string("abc")).integer(0), 0);
  EXPECT_EQ(one(std::string("2.5")).real(0), 2.5);
  EXPECT_EQ(one(std::string("9223372036854775807")).opt_integer(0),
            std::numeric_limits<std::int64_t>::max());
}

TEST(StorageRow, BlobAndTextConvertByteForByte) {
  EXPECT_EQ(one(std::string("ab")).blob(0), (Blob{{'a', 'b'}}));
  EXPECT_EQ(one(Blob{{'h', 'i'}}).text(0), "hi");
  EXPECT_EQ(one(Blob{{'1'}}).integer(0), 0);
}

TEST(StorageRow, IndexIsExposedAsTheRawValue) {
  const Row row = one(std::int64_t{3});
  EXPECT_EQ(row[0], Value(std::int64_t{3}));
}

}  // namespace
}  // namespace innet::db
