#include "referrals/module.h"

#include "cases/joins.h"
#include "documents/owners.h"
#include "referrals/links.h"
#include "referrals/notify.h"
#include "referrals/referrals.h"
#include "referrals/routes.h"
#include "referrals/seed.h"

namespace innet::referrals {
namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  // The case workers of the organisation that keeps a case record the person's consents and
  // send its referrals. The Prefettura reads every referral and consent and may send a referral
  // without consent, on an override with a recorded reason (referrals.override: an urgent
  // protection need when the person cannot consent, e.g. a victim of trafficking at risk); no
  // other role may. The receiving organisation's users (an NGO's or the ASP's service
  // providers, another operator's case workers) hold referrals.receive over their organisation:
  // their inbox and the answers. Analysts and officers read aggregates (referrals.metrics).
  return {
      {"consents.read", case_worker, organization},
      {"consents.read", prefecture_officer, all},
      {"consents.manage", case_worker, organization},
      {"referrals.read", case_worker, organization},
      {"referrals.read", service_provider, organization},
      {"referrals.read", prefecture_officer, all},
      {"referrals.manage", case_worker, organization},
      {"referrals.manage", prefecture_officer, all},
      {"referrals.override", prefecture_officer, all},
      {"referrals.receive", service_provider, organization},
      {"referrals.receive", case_worker, organization},
      {"referrals.metrics", prefecture_officer, all},
      {"referrals.metrics", analyst, all},
      // A field set: the metrics' groups of fewer than 5 referrals (metrics.h, kMinGroup). The
      // Prefettura reads every referral anyway; an analyst never reads a group that small.
      {"referrals.metrics.small_groups", prefecture_officer, all},
  };
}

}  // namespace

api::Module module() {
  return {.name = "referrals",
          .grants = grants(),
          .migrations = migrations,
          .add_routes = add_routes,
          .connect =
              [] {
                documents::add_owner(consent_form_owner());
                add_task_sources();
                // A person merge that joins two cases moves the consents and referrals too.
                cases::add_case_records(
                    cases::case_records_in("referrals", {"referral_consents", "referrals"}));
              },
          .seed = seed_step,
          .seed_needs = {"accounts", "cases"},
          .jobs = {{.name = "referrals: escalation mails", .run = escalate}}};
}

}  // namespace innet::referrals
