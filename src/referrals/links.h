// Referrals in other modules' hooks: the tasks inbox (decision 0028) and the signed consent forms'
// readers (documents/owners.h).
#pragma once

namespace innet::referrals {

// "referral_waiting": a referral sent to the caller's organisation and not answered yet (overdue
// once escalated); "referral_escalated": one the caller's organisation sent that has escalated.
void add_task_sources();

}  // namespace innet::referrals
