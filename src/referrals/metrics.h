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
  bool operator==(const StateCount&) const = default;
};

// The referrals in the groups left out (fewer than min_group each).
struct LeftOut {
  std::int64_t by_organization = 0;
  std::int64_t by_category = 0;
};

struct Metrics {
  std::vector<StateCount> by_state;
  Durations time_to_accept;
  Durations time_to_complete;
  std::vector<Outcomes> by_organization;
  std::vector<Outcomes> by_category;
  std::optional<std::int64_t> min_group;  // none: every group is shown
  LeftOut left_out;
};

// The smallest group of referrals shown to a reader who may not read small groups (the policy's
// referrals.metrics.small_groups): a group of 1 to 4 referrals to one organisation or in one
// category, over a period as short as a day, can point at a person whose referral the reader
// knows of, and say what the person was referred for (GDPR art. 9). 5 is the threshold of the
// statistical offices' usual rule for frequency tables (Istat, Eurostat).
inline constexpr std::int64_t kMinGroup = 5;

// Of these referrals (those sent within the period asked); `names` by organisation id. With
// `min_group`, the outcome rows of fewer referrals are left out and counted in left_out.
Metrics compute_metrics(const std::vector<Referral>& referrals,
                        const std::map<std::int64_t, std::string>& names,
                        std::optional<std::int64_t> min_group);

const api::ObjectType<Metrics>& metrics_type();

}  // namespace innet::referrals
