// Referral metrics for the Prefettura and analysts (issue 11 point 3): aggregates only, never a
// name nor a case: how long referrals wait to be accepted and to be completed (median and 90th
// percentile, in hours), their outcomes by receiving organisation and by vulnerability category,
// and how many are in each state.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "referrals/referrals.h"

namespace innet::referrals {

struct Durations {
  std::int64_t count = 0;
  std::optional<double> median_hours;
  std::optional<double> p90_hours;
};

struct Outcomes {
  std::optional<std::int64_t> organization_id;  // by organisation
  std::string organization;
  std::optional<std::string> category;  // by category (null: none given)
  std::int64_t sent = 0;                // every referral that left the draft
  std::int64_t accepted = 0;            // accepted at some point (in progress, completed too)
  std::int64_t declined = 0;
  std::int64_t successful = 0;
  std::int64_t unsuccessful = 0;
  std::int64_t cancelled = 0;
};

struct StateCount {
  std::string state;
  std::int64_t count = 0;
};

struct Metrics {
  std::vector<StateCount> by_state;
  Durations time_to_accept;
  Durations time_to_complete;
  std::vector<Outcomes> by_organization;
  std::vector<Outcomes> by_category;
};

// Of these referrals (those sent within the period asked); `names` by organisation id.
Metrics compute_metrics(const std::vector<Referral>& referrals,
                        const std::map<std::int64_t, std::string>& names);

const api::ObjectType<Metrics>& metrics_type();

}  // namespace innet::referrals
