// The bound on the rows of an export (CSV or XLSX), checked before anything is rendered.
#include <gtest/gtest.h>

#include "reporting/table.h"

namespace innet::reporting {
namespace {

Table table_of(std::size_t rows) {
  Table t{"Rows", {{"n", "N"}}, {}};
  t.rows.assign(rows, {Cell::of(std::int64_t{1})});
  return t;
}

TEST(ExportSize, UpToTheBoundAcrossAllTablesIsAccepted) {
  EXPECT_TRUE(check_export_size({table_of(kMaxExportRows - 10), table_of(10)}).ok());
}

TEST(ExportSize, OneRowMoreIsRefusedWithAClearCode) {
  auto status = check_export_size({table_of(kMaxExportRows - 10), table_of(11)});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(status.error().code, "export_too_large");
}

}  // namespace
}  // namespace innet::reporting
