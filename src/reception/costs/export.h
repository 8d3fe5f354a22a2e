// The monthly costs and the reconciliation as tables, for the CSV and XLSX files of
// reporting/ (one CSV per table, one workbook for all).
#pragma once

#include <vector>

#include "reception/costs/costs.h"
#include "reception/costs/reconciliation.h"
#include "reporting/table.h"

namespace innet::reception {

// Summary, Days, Persons, Money (beside the daily price).
std::vector<reporting::Table> cost_tables(const MonthlyCosts& costs);
// Summary, Differences, Unconfirmed days, Money.
std::vector<reporting::Table> reconciliation_tables(const Reconciliation& r);

}  // namespace innet::reception
