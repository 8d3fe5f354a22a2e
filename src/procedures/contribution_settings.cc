#include "procedures/contribution_settings.h"

namespace innet::procedures {

Result<std::vector<ContributionSetting>> contribution_settings(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query("SELECT applies_from, adult_cents_per_month, child_cents_per_month, "
                            "max_months, protection_ends, legal_reference "
                            "FROM temporary_protection_settings ORDER BY applies_from",
                            {}));
  std::vector<ContributionSetting> out;
  for (const auto& r : rows) {
    INNET_ASSIGN_OR_RETURN(auto from, stored_day(r.text(0)));
    INNET_ASSIGN_OR_RETURN(auto ends, stored_day(r.text(4)));
    out.push_back({.applies_from = from,
                   .adult_cents_per_month = r.integer(1),
                   .child_cents_per_month = r.integer(2),
                   .max_months = r.integer(3),
                   .protection_ends = ends,
                   .legal_reference = r.text(5)});
  }
  return out;
}

Status add_contribution_setting(db::Connection& conn, const ContributionSetting& s) {
  if (s.protection_ends < s.applies_from)
    return Error::field(ErrorKind::unprocessable, "protection_ends",
                        FieldError::before_other("applies_from"));
  INNET_ASSIGN_OR_RETURN(auto stored, contribution_settings(conn));
  if (!stored.empty() && s.applies_from <= stored.back().applies_from)
    return Error::field(
        ErrorKind::unprocessable, "applies_from",
        FieldError::date_out_of_range(stored.back().applies_from.plus_days(1).to_string(),
                                      kLatestDay.to_string()));
  INNET_TRY(conn.execute(
      "INSERT INTO temporary_protection_settings (applies_from, adult_cents_per_month, "
      "child_cents_per_month, max_months, protection_ends, legal_reference) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {s.applies_from.to_string(), s.adult_cents_per_month, s.child_cents_per_month, s.max_months,
       s.protection_ends.to_string(), s.legal_reference}));
  return Status::success();
}

Status remove_contribution_setting(db::Connection& conn, CivilDay applies_from, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT applies_from FROM temporary_protection_settings "
                                    "WHERE applies_from = ?",
                                    {applies_from.to_string()}));
  if (rows.empty()) return Error::not_found("temporary_protection_setting");
  if (applies_from <= today)
    return Error::make(ErrorKind::conflict, "already_in_force",
                       "the setting is in force since " + applies_from.to_string() +
                           ": applications may follow it; a later act is a new setting");
  INNET_TRY(conn.execute("DELETE FROM temporary_protection_settings WHERE applies_from = ?",
                         {applies_from.to_string()}));
  return Status::success();
}

}  // namespace innet::procedures
