#include "monitoring/seed.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <tuple>

#include "centres/centres.h"
#include "monitoring/findings.h"
#include "monitoring/inspections.h"
#include "monitoring/sanctions.h"

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

struct FollowUp {
  std::int64_t replied = 0, closed = 0, escalated = 0, open = 0;
  // The centres with an escalated finding, with its id and the day it was escalated.
  std::vector<std::tuple<std::int64_t, std::int64_t, CivilDay>> escalations;
};

// The follow-up of an issued report's findings, as it went: most operators reply within the
// deadline and the inspector closes; some never reply (overdue); a few replies are not enough
// and the finding is escalated. Replies and verifications happen before `today`.
Status follow_up(api::SeedContext& ctx, std::int64_t inspection_id, CivilDay issued,
                 std::int64_t inspector, std::int64_t staff, FollowUp& out) {
  INNET_ASSIGN_OR_RETURN(auto findings,
                         list_findings(ctx.conn, {.inspection_id = inspection_id}, ctx.today));
  std::bernoulli_distribution replies(0.93), accepted(0.92);
  std::uniform_int_distribution<int> after(2, 12);
  for (const auto& f : findings) {
    const CivilDay replied_on = issued.plus_days(after(ctx.rng));
    if (!replies(ctx.rng) || !(replied_on < ctx.today)) {
      ++out.open;
      continue;
    }
    INNET_TRY(reply_to_finding(ctx.conn, f.id,
                               "Azione correttiva eseguita; si allega documentazione.", staff,
                               at_time(replied_on, "16:00:00"), ctx.today));
    ++out.replied;
    const CivilDay verified_on = replied_on.plus_days(after(ctx.rng));
    if (!(verified_on < ctx.today)) continue;  // awaiting the inspector's verification
    if (accepted(ctx.rng)) {
      INNET_TRY(close_finding(ctx.conn, f.id, "Verificato: azione correttiva efficace.", inspector,
                              at_time(verified_on, "12:00:00"), ctx.today));
      ++out.closed;
    } else {
      INNET_TRY(escalate_finding(ctx.conn, f.id,
                                 "Risposta non sufficiente: si avvia la contestazione.", inspector,
                                 at_time(verified_on, "12:00:00"), ctx.today));
      ++out.escalated;
      out.escalations.emplace_back(f.centre_id, f.id, verified_on);
    }
  }
  return Status::success();
}

// The sanction ladder for the first escalations of a few centres: formal notice, the operator's
// reply, a penalty at the lowest rate of the contract's rules; the first centre, its penalty
// unheeded, goes into special administration.
Status sanctions_for(api::SeedContext& ctx, const FollowUp& follow, std::int64_t inspector,
                     std::int64_t& penalties, std::int64_t& special) {
  std::vector<std::int64_t> done;
  std::uniform_int_distribution<int> late(5, 20);
  for (const auto& [centre_id, finding_id, escalated_on] : follow.escalations) {
    if (done.size() == 4) break;
    if (std::find(done.begin(), done.end(), centre_id) != done.end()) continue;
    INNET_ASSIGN_OR_RETURN(auto contract, centres::contract_on(ctx.conn, centre_id, escalated_on));
    if (!contract || !(escalated_on.plus_days(40) < ctx.today)) continue;
    done.push_back(centre_id);
    const std::string protocol =
        "prot. " + std::to_string(1000 + finding_id) + "/" +
        std::to_string(static_cast<int>(escalated_on.year_month_day().year()));
    const std::string now = at_time(escalated_on, "15:00:00");
    auto decide = [&](const char* kind, CivilDay on, std::optional<std::int64_t> days,
                      std::optional<std::int64_t> rate) -> Status {
      NewSanction n{.centre_id = centre_id,
                    .contract_id = contract->id,
                    .finding_id = finding_id,
                    .kind = kind,
                    .decided_on = on,
                    .protocol = protocol,
                    .days_late = days,
                    .rate_millionths = rate};
      auto recorded = record_sanction(ctx.conn, n, inspector, at_time(on, "15:00:00"), ctx.today);
      if (!recorded.ok()) return recorded.take_error();
      return Status::success();
    };
    INNET_TRY(decide("formal_notice", escalated_on.plus_days(3), std::nullopt, std::nullopt));
    INNET_TRY(decide("reply", escalated_on.plus_days(13), std::nullopt, std::nullopt));
    INNET_ASSIGN_OR_RETURN(auto status, penalty_status(ctx.conn, *contract));
    INNET_TRY(decide("penalty", escalated_on.plus_days(30), late(ctx.rng),
                     std::llround(status.min_rate_per_mille * 1000)));
    ++penalties;
    if (done.size() == 1) {
      INNET_TRY(
          decide("special_administration", escalated_on.plus_days(38), std::nullopt, std::nullopt));
      ++special;
    }
  }
  return Status::success();
}

// One centre's visits from `from` to today, about every three months, each answered (all
// answers, or in `failures_only` mode only the failed items and the head count: what the risk
// ranking reads, at a tenth of the rows), completed and reported; then `after_issue`, if any,
// with the inspection and the day its report was issued.
Result<std::int64_t> seed_visits(api::SeedContext& ctx, const ChecklistVersion& checklist,
                                 std::int64_t centre_id, std::int64_t inspector, CivilDay from,
                                 double pass_rate, bool failures_only,
                                 const std::function<Status(std::int64_t, CivilDay)>& after_issue) {
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
    if (after_issue) INNET_TRY(after_issue(inspection.id, day.plus_days(10)));
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
  std::int64_t reported = 0, planned = 0, penalties = 0, special = 0;
  FollowUp follow;
  // The operator's reply is written by its staff: the demo case worker for the featured
  // operator's centres, the first user of the others where there is one; elsewhere the reply
  // came by PEC and the inspector entered it.
  auto replier = [&](const centres::Centre& c) {
    if (c.operator_id == ctx.registry.featured_operator)
      return ctx.registry.demo_users.at(auth::Role::case_worker);
    auto staff = ctx.registry.staff_by_operator.find(c.operator_id);
    return staff == ctx.registry.staff_by_operator.end() ? inspector : staff->second;
  };
  // Demo: two years with every answer and the follow-up of the findings; national: ten years,
  // the failures only (decision 0022).
  const std::int64_t history_days = demo ? 730 : 3650;
  for (const auto& centre : centres) {
    const double pass_rate = standards(ctx.rng);
    const CivilDay from = ctx.today.plus_days(-history_days + first(ctx.rng));
    std::function<Status(std::int64_t, CivilDay)> follow_up_findings;
    if (demo)
      follow_up_findings = [&](std::int64_t inspection_id, CivilDay issued) {
        return follow_up(ctx, inspection_id, issued, inspector, replier(centre), follow);
      };
    INNET_ASSIGN_OR_RETURN(auto visits, seed_visits(ctx, checklist, centre.id, inspector, from,
                                                    pass_rate, !demo, follow_up_findings));
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
  // National: the findings the completions opened stay open, with no follow-up and no
  // sanctions; their follow-up is the demo's.
  if (!demo) return Status::success();
  INNET_TRY(sanctions_for(ctx, follow, inspector, penalties, special));
  ctx.report.counts.push_back({follow.replied + follow.open, "findings"});
  ctx.report.counts.push_back({follow.closed, "findings closed", true});
  ctx.report.counts.push_back({follow.open, "findings awaiting a reply", true});
  ctx.report.counts.push_back({follow.escalated, "findings escalated", true});
  ctx.report.counts.push_back({penalties, "penalties"});
  ctx.report.counts.push_back({special, "special administrations", true});
  return Status::success();
}

}  // namespace innet::monitoring
