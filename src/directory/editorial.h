// The editorial workflow (decision 0038): what a service's provider may change, how a change is
// applied, what it would change, and when a listing is due for verification.
//
// A change is a JSON object of the fields it touches, each replaced whole: the texts (name,
// description, eligibility_description, application_process), the phones, the weekly opening
// hours, the languages spoken and the translations of the texts. The same object is what the
// staff's form sends, what a pending change keeps, and what the moderation queue compares with
// the listing as it is now.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/civil_day.h"
#include "core/json_input.h"
#include "core/result.h"
#include "db/database.h"

namespace innet::directory {

// The fields of a change, as a body spec (every one optional).
const FieldSpec& change_fields();
// The editable fields' names, in the form's order.
const std::vector<std::string>& editable_fields();

// The listing's editable fields as they are now, in the change's shape.
Result<nlohmann::json> editable_view(db::Connection& c, const std::string& service_id);
// What the change would change: [{field, current, proposed}] for each field it gives whose value
// differs from `current` (editable_view).
nlohmann::json differences(const nlohmann::json& current, const nlohmann::json& change);
// Writes the change's fields to the listing and sets its last_modified to `now` (ISO UTC), in
// the caller's transaction.
Status apply_change(db::Connection& c, const std::string& service_id, const nlohmann::json& change,
                    const std::string& now);

// A listing verified before this day (or never) is due for verification: `months` before today.
void set_verify_months(int months);
int verify_months();
std::string stale_before(CivilDay today);

// The task source "listing_unverified" (decision 0028): the caller's organisation's listings due
// for verification.
void add_task_sources();

}  // namespace innet::directory
