// Reports as HTTP answers: the file a user saves, in the format the request asked for.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "http/message.h"
#include "reporting/table.h"

namespace innet::reporting {

// A body to save as `filename` rather than show.
http::Response attachment(std::string body, const char* type, const std::string& filename);

// `format` "csv" answers tables[csv_table] as <basename>.csv in `style`, anything else every
// table as <basename>.xlsx; 422 export_too_large beyond kMaxExportRows.
Result<http::Response> tables_response(const std::string& format, std::vector<Table> tables,
                                       std::size_t csv_table, const std::string& basename,
                                       CsvStyle style = CsvStyle::data);

}  // namespace innet::reporting
