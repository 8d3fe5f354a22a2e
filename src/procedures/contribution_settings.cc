#include "procedures/contribution_settings.h"

namespace innet::procedures {

Result<std::vector<ContributionSetting>> contribution_settings(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT applies_from, adult_cents_per_month, child_cents_per_month, "
                            "max_months, protection_ends FROM temporary_protection_settings "
                            "ORDER BY applies_from",
                            {}));
  std::vector<ContributionSetting> out;
  for (const auto& r : rows) {
    INNET_ASSIGN_OR_RETURN(auto from, stored_day(r.text(0)));
    INNET_ASSIGN_OR_RETURN(auto ends, stored_day(r.text(4)));
    out.push_back({.applies_from = from,
                   .adult_cents_per_month = r.integer(1),
                   .child_cents_per_month = r.integer(2),
                   .max_months = r.integer(3),
                   .protection_ends = ends});
  }
  return out;
}

}  // namespace innet::procedures
