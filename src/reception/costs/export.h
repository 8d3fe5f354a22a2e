// The monthly costs and the reconciliation as tables, for the CSV and XLSX files of
// reporting/ (one CSV per table, one workbook for all), in the caller's language and the
// Italian office's style (decision 0021): headers, sheet names and vocabulary values come from
// cost_catalogue(), money and dates are money and date cells.
#pragma once

#include <string>
#include <vector>

#include "reception/costs/costs.h"
#include "reception/costs/reconciliation.h"
#include "reporting/language.h"
#include "reporting/table.h"

namespace innet::reception {

// The words of the cost and reconciliation files in the six languages of the app.
const reporting::Catalogue& cost_catalogue();

// Summary, Days, Persons, Money (beside the daily price).
std::vector<reporting::Table> cost_tables(const MonthlyCosts& costs, const std::string& centre_name,
                                          const reporting::Labels& labels);
// Summary, Differences, Unconfirmed days, Money.
std::vector<reporting::Table> reconciliation_tables(const Reconciliation& r,
                                                    const std::string& centre_name,
                                                    const reporting::Labels& labels);

}  // namespace innet::reception
