// The temporary protection contribution's dated settings in storage (decision 0042).
#pragma once

#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "procedures/contribution.h"

namespace innet::procedures {

Result<std::vector<ContributionSetting>> contribution_settings(db::Connection& conn);

}  // namespace innet::procedures
