// /api/v1/referrals, /api/v1/cases/{id}/consents, /api/v1/consents, /api/v1/referral-metrics
// (issue 11 point 3, decision 0032).
#pragma once

#include "api/api.h"
#include "documents/owners.h"
#include "referrals/referrals.h"

namespace innet::referrals {

// The signed consent forms attached to consents: readable by whoever may read the case.
inline constexpr const char* kConsentFormOwnerKind = "referrals.consent";
documents::Owner consent_form_owner();

// The days before a sent referral escalates (configuration: referral_days_*), set while the
// application is assembled, before any request; the defaults until then.
void set_answer_days(AnswerDays days);
const AnswerDays& answer_days();

void add_routes(api::Api& api);

}  // namespace innet::referrals
