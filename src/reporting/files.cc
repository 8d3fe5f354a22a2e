#include "reporting/files.h"

namespace innet::reporting {

http::Response attachment(std::string body, const char* type, const std::string& filename) {
  http::Response r;
  r.status = 200;
  r.headers.emplace_back("Content-Type", type);
  // Callers build the name from ids and dates only: nothing to escape.
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.body = std::move(body);
  return r;
}

Result<http::Response> tables_response(const std::string& format, std::vector<Table> tables,
                                       std::size_t csv_table, const std::string& basename,
                                       CsvStyle style) {
  // A CSV holds one of the tables: only its rows count against the limit.
  if (format == "csv") {
    INNET_TRY(check_export_size({tables.at(csv_table)}));
    return attachment(to_csv(tables.at(csv_table), style), kCsvType, basename + ".csv");
  }
  INNET_TRY(check_export_size(tables));
  INNET_ASSIGN_OR_RETURN(auto xlsx, to_xlsx(tables));
  return attachment(std::move(xlsx), kXlsxType, basename + ".xlsx");
}

}  // namespace innet::reporting
