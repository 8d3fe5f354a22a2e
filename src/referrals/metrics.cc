#include "referrals/metrics.h"

#include <algorithm>
#include <cmath>

#include "core/clock.h"

namespace innet::referrals {

namespace {

std::optional<double> hours_between(const std::optional<std::string>& from,
                                    const std::optional<std::string>& to) {
  if (!from || !to) return std::nullopt;
  const auto a = clock::parse_iso_utc(*from);
  const auto b = clock::parse_iso_utc(*to);
  if (!a || !b) return std::nullopt;
  return static_cast<double>(*b - *a) / 3600.0;
}

// The nearest-rank percentile (no interpolation): a value that happened.
double percentile(const std::vector<double>& sorted, double p) {
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

Durations durations(std::vector<double> hours) {
  Durations d{static_cast<std::int64_t>(hours.size()), std::nullopt, std::nullopt};
  if (hours.empty()) return d;
  std::sort(hours.begin(), hours.end());
  // One decimal: an hour's tenth is as fine as anyone reads these.
  d.median_hours = std::round(percentile(hours, 0.5) * 10) / 10;
  d.p90_hours = std::round(percentile(hours, 0.9) * 10) / 10;
  return d;
}

void count(Outcomes& o, const Referral& r) {
  ++o.sent;
  // An answer that was not a refusal was an acceptance (a referral cancelled after it too).
  if (r.answered_at && r.state != "declined") ++o.accepted;
  if (r.state == "declined") ++o.declined;
  if (r.state == "completed" && r.outcome == "successful") ++o.successful;
  if (r.state == "completed" && r.outcome == "unsuccessful") ++o.unsuccessful;
  if (r.state == "cancelled") ++o.cancelled;
}

}  // namespace

Metrics compute_metrics(const std::vector<Referral>& referrals,
                        const std::map<std::int64_t, std::string>& names,
                        std::optional<std::int64_t> min_group) {
  Metrics m;
  m.min_group = min_group;
  // A row of too few referrals is left out whole, its referrals counted apart: no cell of it
  // (sent, declined, outcomes) is shown.
  const auto keep = [&](std::vector<Outcomes>& rows, Outcomes o, std::int64_t& left_out) {
    if (min_group && o.sent < *min_group)
      left_out += o.sent;
    else
      rows.push_back(std::move(o));
  };
  std::map<std::string, std::int64_t> states_seen;
  std::vector<double> to_accept, to_complete;
  std::map<std::int64_t, Outcomes> by_org;
  std::map<std::string, Outcomes> by_category;  // "" for none
  for (const auto& r : referrals) {
    ++states_seen[r.state];
    if (r.state == "draft") continue;
    if (r.state != "declined")
      if (auto h = hours_between(r.sent_at, r.answered_at)) to_accept.push_back(*h);
    if (auto h = hours_between(r.sent_at, r.completed_at)) to_complete.push_back(*h);
    auto& o = by_org[r.to_organization_id];
    o.organization_id = r.to_organization_id;
    const auto name = names.find(r.to_organization_id);
    o.organization = name == names.end() ? "" : name->second;
    count(o, r);
    auto& c = by_category[r.category.value_or("")];
    c.category = r.category;
    count(c, r);
  }
  for (const auto& s : states())
    m.by_state.push_back({s, states_seen.contains(s) ? states_seen[s] : 0});
  m.time_to_accept = durations(std::move(to_accept));
  m.time_to_complete = durations(std::move(to_complete));
  for (auto& [id, o] : by_org) keep(m.by_organization, std::move(o), m.left_out.by_organization);
  std::sort(m.by_organization.begin(), m.by_organization.end(),
            [](const Outcomes& a, const Outcomes& b) { return a.organization < b.organization; });
  for (auto& [key, o] : by_category) keep(m.by_category, std::move(o), m.left_out.by_category);
  return m;
}

namespace {

const api::ObjectType<Durations>& durations_type() {
  static const auto type = api::ObjectType<Durations>("ReferralDurations")
                               .field("count", &Durations::count)
                               .field("median_hours", &Durations::median_hours)
                               .field("p90_hours", &Durations::p90_hours);
  return type;
}

const api::ObjectType<Outcomes>& outcomes_type() {
  static const auto type =
      api::ObjectType<Outcomes>("ReferralOutcomes")
          .field("organization_id", &Outcomes::organization_id)
          .field("organization", &Outcomes::organization)
          .field("category", &Outcomes::category)
          .field("sent", &Outcomes::sent)
          .field("accepted", &Outcomes::accepted,
                 {.description = "accepted at some point: in progress and completed included"})
          .field("declined", &Outcomes::declined)
          .field("successful", &Outcomes::successful)
          .field("unsuccessful", &Outcomes::unsuccessful)
          .field("cancelled", &Outcomes::cancelled);
  return type;
}

const api::ObjectType<LeftOut>& left_out_type() {
  static const auto type =
      api::ObjectType<LeftOut>("ReferralMetricsLeftOut",
                               "referrals in the groups left out, counted together")
          .field("by_organization", &LeftOut::by_organization)
          .field("by_category", &LeftOut::by_category);
  return type;
}

const api::ObjectType<StateCount>& state_count_type() {
  static const auto type = api::ObjectType<StateCount>("ReferralStateCount")
                               .field("state", &StateCount::state, {.allowed = states()})
                               .field("count", &StateCount::count);
  return type;
}

}  // namespace

const api::ObjectType<Metrics>& metrics_type() {
  static const auto type =
      api::ObjectType<Metrics>("ReferralMetrics", "aggregates only: no name, no case")
          .field("by_state", &Metrics::by_state, state_count_type())
          .field("time_to_accept", &Metrics::time_to_accept, durations_type())
          .field("time_to_complete", &Metrics::time_to_complete, durations_type())
          .field("by_organization", &Metrics::by_organization, outcomes_type())
          .field("by_category", &Metrics::by_category, outcomes_type())
          .field("min_group", &Metrics::min_group,
                 {.description = "groups of fewer referrals are left out (null: none is)"})
          .field("left_out", &Metrics::left_out, left_out_type());
  return type;
}

}  // namespace innet::referrals
