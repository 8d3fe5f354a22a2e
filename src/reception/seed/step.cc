#include "reception/seed/step.h"

#include "auth/policy.h"
#include "reception/seed/duplicates.h"
#include "reception/seed/generator.h"

namespace innet::reception {
namespace {

void add_counts(api::SeedReport& report, const seed::ReceptionReport& r) {
  report.counts.push_back({r.centres, "centres"});
  report.counts.push_back({r.contracts, "contracts"});
  report.counts.push_back({r.persons, "persons"});
  report.counts.push_back({r.placements, "placements"});
  report.counts.push_back({r.current_guests, "current guests", true});
  report.counts.push_back({r.transfers, "transfers", true});
}

Status seed_demo(api::SeedContext& ctx) {
  seed::ReceptionPlan plan;
  plan.operators = ctx.registry.operators;
  plan.featured_operator = ctx.registry.featured_operator;
  plan.centres = 40;
  plan.max_places = 90;
  plan.history_days = 365;
  plan.today = ctx.today.to_string();
  plan.contract_ending_in_days = 30;
  const auto staff = ctx.registry.demo_users.at(auth::Role::case_worker);
  const auto officer = ctx.registry.demo_users.at(auth::Role::prefecture_officer);
  INNET_ASSIGN_OR_RETURN(auto reception, seed::seed_reception(ctx.conn, ctx.rng, plan));
  // Before the registers, which list who stays.
  INNET_ASSIGN_OR_RETURN(auto pairs,
                         seed::seed_duplicate_pairs(ctx.conn, plan.featured_operator, ctx.today));
  // Before the registers, which confirm the days these minors are present.
  INNET_ASSIGN_OR_RETURN(
      auto minors, seed::seed_minors_section(ctx.conn, plan.featured_operator, officer, ctx.today));
  INNET_ASSIGN_OR_RETURN(auto beyond,
                         seed::seed_over_capacity(ctx.conn, plan.featured_operator, ctx.today));
  INNET_ASSIGN_OR_RETURN(auto registers,
                         seed::seed_registers(ctx.conn, ctx.rng, plan.featured_operator, staff, 60,
                                              ctx.today, ctx.chain_key));
  INNET_ASSIGN_OR_RETURN(auto invoices,
                         seed::seed_invoices(ctx.conn, plan.featured_operator, staff, ctx.today));
  INNET_ASSIGN_OR_RETURN(
      auto money, seed::seed_money(ctx.conn, plan.featured_operator, staff, officer, ctx.today));
  add_counts(ctx.report, reception);
  ctx.registry.passport_pairs = pairs.sharing_a_passport;
  ctx.report.counts.push_back({pairs.pairs, "pairs of duplicate records"});
  ctx.report.counts.push_back({minors.minors, "unaccompanied minors in an adult centre's section"});
  ctx.report.counts.push_back({minors.derogations, "places-above-contract decisions"});
  ctx.report.counts.push_back({registers.confirmations, "confirmed register days"});
  ctx.report.counts.push_back({registers.absences, "absences"});
  ctx.report.counts.push_back({invoices, "invoices"});
  ctx.report.counts.push_back({beyond, "guests placed beyond places by the Prefettura"});
  ctx.report.counts.push_back({money.handovers, "handovers with a signed receipt"});
  ctx.report.counts.push_back({money.suspensions, "pocket money suspensions"});
  return Status::success();
}

Status seed_national(api::SeedContext& ctx) {
  seed::ReceptionPlan plan;
  plan.operators = ctx.registry.operators;
  plan.centres = 3000;
  plan.max_places = 100;
  plan.history_days = 3 * 365;
  plan.today = ctx.today.to_string();
  plan.palermo_weighting = false;
  INNET_ASSIGN_OR_RETURN(auto reception, seed::seed_reception(ctx.conn, ctx.rng, plan));
  INNET_ASSIGN_OR_RETURN(auto absences, seed::seed_absences(ctx.conn, ctx.rng, 60, ctx.today,
                                                            ctx.registry.staff_by_operator));
  add_counts(ctx.report, reception);
  ctx.report.counts.push_back({absences, "absences"});
  return Status::success();
}

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  return ctx.scale == api::SeedScale::demo ? seed_demo(ctx) : seed_national(ctx);
}

}  // namespace innet::reception
