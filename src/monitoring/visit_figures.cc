#include "monitoring/visit_figures.h"

#include "reception/register/register.h"

namespace innet::monitoring {

Result<VisitFigures> visit_figures(db::Connection& conn, const Inspection& inspection,
                                   const ChecklistVersion& checklist,
                                   const std::vector<Answer>& answers, CivilDay today) {
  VisitFigures out;
  INNET_ASSIGN_OR_RETURN(auto day, stored_day(inspection.planned_date));
  // A visit planned for later has no register yet: nothing to set beside it.
  if (day > today) return out;

  INNET_ASSIGN_OR_RETURN(auto state, reception::day_state(conn, inspection.centre_id, day));
  RegisterFigures r;
  r.day = inspection.planned_date;
  r.status = reception::to_string(state.status);
  r.registered_present = state.present();
  r.registered_absent = state.absent();
  if (const auto* latest = state.latest()) r.confirmed_present = latest->present;
  for (const auto& item : checklist.items) {
    if (item.code != kGuestsCountedItem) continue;
    for (const auto& a : answers)
      if (a.item_id == item.id && a.number) r.counted = *a.number;
  }
  if (r.counted) r.difference = *r.counted - static_cast<double>(r.registered_present);
  out.register_day = std::move(r);

  INNET_ASSIGN_OR_RETURN(
      auto costs, reception::monthly_costs(conn, inspection.centre_id, CivilMonth::of(day), today));
  out.money = MoneyFigures{.month = costs.range.month.to_string(),
                           .to = costs.range.to.plus_days(-1).to_string(),
                           .complete = costs.range.complete,
                           .lines = std::move(costs.money)};
  return out;
}

const api::ObjectType<RegisterFigures>& register_figures_type() {
  static const auto type =
      api::ObjectType<RegisterFigures>(
          "InspectionRegisterFigures",
          "the centre's presence register on the inspection's day beside the inspectors' count")
          .field("day", &RegisterFigures::day, {.format = "date"})
          .field("status", &RegisterFigures::status,
                 {.allowed = {"unconfirmed", "confirmed", "changed_since_confirmation"}})
          .field("registered_present", &RegisterFigures::registered_present)
          .field("registered_absent", &RegisterFigures::registered_absent)
          .field("confirmed_present", &RegisterFigures::confirmed_present,
                 {.description = "present as last confirmed by the centre's staff"})
          .field("counted", &RegisterFigures::counted,
                 {.description = "the inspectors' head count (item guests_counted), when "
                                 "answered"})
          .field("difference", &RegisterFigures::difference,
                 {.description = "counted minus registered present"});
  return type;
}

const api::ObjectType<MoneyFigures>& money_figures_type() {
  static const auto type =
      api::ObjectType<MoneyFigures>(
          "InspectionMoneyFigures",
          "the month's money beside the daily price at the centre: due against handed over")
          .field("month", &MoneyFigures::month, {.description = "YYYY-MM"})
          .field("to", &MoneyFigures::to,
                 {.description = "last day counted: today in the current month", .format = "date"})
          .field("complete", &MoneyFigures::complete)
          .field("lines", &MoneyFigures::lines, reception::money_line_type());
  return type;
}

}  // namespace innet::monitoring
