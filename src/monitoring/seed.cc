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

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  if (ctx.scale != api::SeedScale::demo) return Status::success();
  const std::int64_t inspector = ctx.registry.demo_users.at(auth::Role::inspector);
  INNET_ASSIGN_OR_RETURN(auto versions, versions_of(ctx.conn, "standard"));
  INNET_ASSIGN_OR_RETURN(auto checklist, find_version(ctx.conn, versions.front().id));
  INNET_ASSIGN_OR_RETURN(auto centres, centres::all_centres(ctx.conn, {}));
  std::uniform_int_distribution<int> gap(70, 110), first(0, 90), upcoming(3, 40);
  std::uniform_real_distribution<double> standards(0.6, 0.97);
  std::bernoulli_distribution unannounced(0.25);
  std::int64_t reported = 0, planned = 0;
  for (const auto& centre : centres) {
    const double pass_rate = standards(ctx.rng);
    for (CivilDay day = ctx.today.plus_days(-730 + first(ctx.rng)); day < ctx.today;
         day = day.plus_days(gap(ctx.rng))) {
      NewInspection n{.centre_id = centre.id,
                      .checklist_id = checklist.id,
                      .planned_date = day,
                      .announced = !unannounced(ctx.rng),
                      .team = {inspector}};
      INNET_ASSIGN_OR_RETURN(
          auto inspection,
          plan_inspection(ctx.conn, n, inspector, at_time(day.plus_days(-14), "08:00:00")));
      INNET_TRY(start_inspection(ctx.conn, inspection.id, at_time(day, "09:00:00")));
      INNET_ASSIGN_OR_RETURN(inspection, find_inspection(ctx.conn, inspection.id));
      for (auto& a : answers_for(checklist, ctx.rng, pass_rate, inspector, at_time(day, "10:30:00"),
                                 inspection.id))
        INNET_TRY(record_answer(ctx.conn, inspection, std::move(a)));
      INNET_TRY(complete_inspection(ctx.conn, inspection.id, at_time(day, "13:00:00")));
      INNET_TRY(issue_report(ctx.conn, inspection.id, at_time(day.plus_days(10), "11:00:00")));
      ++reported;
    }
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
