// The temporary protection contribution's dated settings in storage (decision 0042). They are
// law, kept by the admin as the catalogue is: a new act is a new row from its day, never a change
// to the row an application already follows; a row not yet in force can be taken back.
#pragma once

#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "procedures/contribution.h"

namespace innet::procedures {

// Every setting, the earliest first.
Result<std::vector<ContributionSetting>> contribution_settings(db::Connection& conn);

// Adds a setting from its `applies_from`, which must come after every stored one's (422 naming
// applies_from, with the first day allowed); `protection_ends` not before it.
Status add_contribution_setting(db::Connection& conn, const ContributionSetting& s);

// Takes back the setting from `applies_from` while it is not in force (it starts after `today`):
// 404 when there is none, 409 `already_in_force` once applications may follow it.
Status remove_contribution_setting(db::Connection& conn, CivilDay applies_from, CivilDay today);

}  // namespace innet::procedures
