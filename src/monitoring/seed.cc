#include "monitoring/seed.h"

#include <random>

#include "centres/centres.h"
#include "monitoring/inspections.h"

namespace innet::monitoring {
namespace {

// An inspection's answers: every scored item, passing with the centre's own probability (some
// centres keep their standards, some do not), the head count, and a note on a failure.
std::vector<Answer> answers_for(const ChecklistVersion& checklist, std::mt19937& rng,
                                double pass_rate, std::int64_t inspector, const std::string& at,
                                std::int64_t inspection_id) {
  std::bernoulli_distribution pass(pass_rate);
  std::uniform_int_distribution<int> head_count(8, 90);
  std::vector<Answer> out;
  for (const auto& item : checklist.items) {
    Answer a;
    a.item_id = item.id;
    a.answered_by = inspector;
    a.answered_at = at;
    a.idempotency_key = "seed-" + std::to_string(inspection_id) + "-" + std::to_string(item.id);
    const bool ok = pass(rng);
    if (item.answer_kind == "yes_no") {
      a.yes = ok ? *item.expected_yes : !*item.expected_yes;
      if (!ok) a.note = "Rilevato durante il sopralluogo";
    } else if (item.answer_kind == "choice") {
      a.text = ok ? item.passing_choices.front() : item.choices.back();
    } else if (item.answer_kind == "number") {
      a.number = head_count(rng);
    } else {
      continue;  // text and photo: left empty in the demo
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::string at_time(CivilDay day, const char* time) {
  return day.to_string() + "T" + time + "Z";
}

// One centre's visits from `from` to today, about every three months, each answered (all
// answers, or in `failures_only` mode only the failed items and the head count: what the risk
// ranking reads, at a tenth of the rows), completed and reported.
Result<std::int64_t> seed_visits(api::SeedContext& ctx, const ChecklistVersion& checklist,
                                 std::int64_t centre_id, std::int64_t inspector, CivilDay from,
                                 double pass_rate, bool failures_only) {
  std::uniform_int_distribution<int> gap(70, 110);
  std::bernoulli_distribution unannounced(0.25);
  std::int64_t count = 0;
  for (CivilDay day = from; day < ctx.today; day = day.plus_days(gap(ctx.rng))) {
    NewInspection n{.centre_id = centre_id,
                    .checklist_id = checklist.id,
                    .planned_date = day,
                    .announced = !unannounced(ctx.rng),
                    .team = {inspector}};
    INNET_ASSIGN_OR_RETURN(
        auto inspection,
        plan_inspection(ctx.conn, n, inspector, at_time(day.plus_days(-14), "08:00:00")));
    INNET_ASSIGN_OR_RETURN(inspection,
                           start_inspection(ctx.conn, inspection.id, at_time(day, "09:00:00")));
    for (auto& a : answers_for(checklist, ctx.rng, pass_rate, inspector, at_time(day, "10:30:00"),
                               inspection.id)) {
      if (failures_only && a.number == std::nullopt && a.note == std::nullopt) continue;
      INNET_TRY(record_answer(ctx.conn, inspection, std::move(a)));
    }
    INNET_TRY(complete_inspection(ctx.conn, inspection.id, at_time(day, "13:00:00")));
    INNET_TRY(issue_report(ctx.conn, inspection.id, at_time(day.plus_days(10), "11:00:00")));
    ++count;
  }
  return count;
}

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  const bool demo = ctx.scale == api::SeedScale::demo;
  const std::int64_t inspector = ctx.registry.demo_users.at(auth::Role::inspector);
  INNET_ASSIGN_OR_RETURN(auto versions, versions_of(ctx.conn, "standard"));
  INNET_ASSIGN_OR_RETURN(auto checklist, find_version(ctx.conn, versions.front().id));
  INNET_ASSIGN_OR_RETURN(auto centres, centres::all_centres(ctx.conn, {}));
  std::uniform_int_distribution<int> first(0, 90), upcoming(3, 40);
  std::uniform_real_distribution<double> standards(0.6, 0.97);
  std::bernoulli_distribution unannounced(0.25);
  // Demo: two years with every answer; national: ten years, the failures only (decision 0022).
  const std::int64_t history_days = demo ? 730 : 3650;
  std::int64_t reported = 0, planned = 0;
  for (const auto& centre : centres) {
    const double pass_rate = standards(ctx.rng);
    const CivilDay from = ctx.today.plus_days(-history_days + first(ctx.rng));
    INNET_ASSIGN_OR_RETURN(
        auto visits, seed_visits(ctx, checklist, centre.id, inspector, from, pass_rate, !demo));
    reported += visits;
    if (centre.id % 4 == 0) {  // a quarter of the centres have their next visit planned
      NewInspection next{.centre_id = centre.id,
                         .checklist_id = checklist.id,
                         .planned_date = ctx.today.plus_days(upcoming(ctx.rng)),
                         .announced = !unannounced(ctx.rng),
                         .team = {inspector}};
      INNET_TRY(plan_inspection(ctx.conn, next, inspector, at_time(ctx.today, "08:00:00")));
      ++planned;
    }
  }
  ctx.report.counts.push_back({reported, "inspections reported"});
  ctx.report.counts.push_back({planned, "inspections planned", true});
  return Status::success();
}

}  // namespace innet::monitoring
