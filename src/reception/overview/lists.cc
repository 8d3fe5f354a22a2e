#include "reception/overview/lists.h"

#include <algorithm>

#include "geo/municipalities.h"
#include "reception/costs/invoices.h"
#include "reception/costs/reconciliation.h"
#include "reception/register/register.h"

namespace innet::reception::overview {

std::string municipality_name(const std::string& istat_code) {
  const auto* m = geo::find_municipality(istat_code);
  return m ? std::string(m->name) : std::string();
}

Result<std::vector<OverCapacity>> over_capacity(db::Connection& conn, CivilDay day,
                                                const centres::CentreFilter& filter) {
  INNET_ASSIGN_OR_RETURN(auto all, occupancy_on(conn, day, filter));
  std::vector<OverCapacity> out;
  for (auto& o : all) {
    if (!o.over_capacity()) continue;
    // Measured as over_capacity() judges it: places granted by derogation count as places.
    const std::int64_t derogated = centres::total(o.derogated_places);
    std::int64_t excess = o.guests_total() - centres::total(o.centre.places) - derogated;
    for (std::size_t i = 0; i < centres::kCategoryCount; ++i)
      excess =
          std::max(excess, o.guests[i] - o.places_available(static_cast<centres::Category>(i)));
    if (o.contract_places)
      excess = std::max(excess, o.guests_total() - *o.contract_places - derogated);
    std::string municipality = municipality_name(o.centre.istat_code);
    out.push_back({std::move(o), std::move(municipality), excess});
  }
  return out;
}

Result<std::vector<UnconfirmedRegister>> unconfirmed_registers(
    db::Connection& conn, CivilDay from, CivilDay to, const centres::CentreFilter& filter) {
  INNET_ASSIGN_OR_RETURN(auto centres, centres::centre_summaries(conn, filter));
  std::vector<UnconfirmedRegister> out;
  for (const auto& c : centres) {
    // Three queries per centre (register.h): fine for a Prefettura's 40 centres; a national
    // overview would want the register to count unconfirmed days for many centres at once.
    INNET_ASSIGN_OR_RETURN(auto days, register_summary(conn, c.id, from, to));
    UnconfirmedRegister row{c.id, c.name, c.istat_code, municipality_name(c.istat_code)};
    for (const auto& d : days) {
      // A day without guests has nothing to confirm.
      if (d.status == DayStatus::confirmed || d.present + d.absent == 0) continue;
      if (d.status == DayStatus::unconfirmed)
        ++row.unconfirmed_days;
      else
        ++row.changed_days;
      if (row.oldest_day.empty()) row.oldest_day = d.day;
    }
    if (!row.oldest_day.empty()) out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<InvoiceCheck>> invoices_to_check(db::Connection& conn, CivilMonth month,
                                                    CivilDay today,
                                                    const centres::CentreFilter& filter) {
  INNET_ASSIGN_OR_RETURN(auto centres, centres::centre_summaries(conn, filter));
  const std::string wanted = month.to_string();
  std::vector<InvoiceCheck> out;
  for (const auto& c : centres) {
    if (c.type == "sai") continue;  // funded by a project budget: no invoices per day
    // Newest month first: the pages before `month` are read until it is passed.
    for (Paging paging{1, 100};; ++paging.page) {
      INNET_ASSIGN_OR_RETURN(auto page, centre_invoices(conn, c.id, paging));
      bool passed = page.items.empty();
      for (const auto& listed : page.items) {
        if (listed.month < wanted) passed = true;
        if (listed.month != wanted || listed.withdrawn()) continue;
        INNET_ASSIGN_OR_RETURN(auto invoice, find_invoice(conn, listed.id));
        INNET_ASSIGN_OR_RETURN(auto r, reconcile_invoice(conn, invoice, today));
        InvoiceCheck row{invoice.id,
                         c.id,
                         c.name,
                         invoice.month,
                         invoice.number,
                         invoice.submitted_at,
                         invoice.presence_days,
                         r.computed_presence_days,
                         r.presence_days_difference,
                         invoice.amount_cents,
                         r.computed_amount_cents,
                         r.amount_difference_cents,
                         static_cast<std::int64_t>(r.unconfirmed_days.size()),
                         r.amount_not_matching_days};
        row.has_differences = row.presence_days_difference != 0 ||
                              row.amount_difference_cents != 0 || row.unconfirmed_days > 0 ||
                              row.amount_not_matching_days || !r.differences.empty();
        out.push_back(std::move(row));
      }
      if (passed || page.items.size() < static_cast<std::size_t>(paging.per_page)) break;
    }
  }
  return out;
}

Result<std::vector<EndingContract>> contracts_ending(db::Connection& conn, CivilDay today,
                                                     CivilDay until,
                                                     const centres::CentreFilter& filter) {
  INNET_ASSIGN_OR_RETURN(auto centres, centres::centre_summaries(conn, filter));
  const std::string first = today.to_string(), last = until.to_string();
  std::vector<EndingContract> out;
  for (const auto& c : centres) {
    INNET_ASSIGN_OR_RETURN(auto contracts, centres::centre_contracts(conn, c.id));
    for (const auto& k : contracts) {
      if (k.end_date < first || k.end_date > last) continue;
      // A contract that another one follows is not ending for the centre.
      const bool followed = std::any_of(contracts.begin(), contracts.end(), [&](const auto& o) {
        return o.id != k.id && o.end_date > k.end_date;
      });
      if (followed) continue;
      const auto end = CivilDay::parse(k.end_date);
      out.push_back({k.id, c.id, c.name, k.cig, k.start_date, k.end_date,
                     end ? today.days_until(*end) : 0, k.places, k.price_cents});
    }
  }
  return out;
}

Result<std::vector<DeskCentre>> desk(db::Connection& conn, CivilDay day, centres::Category category,
                                     std::int64_t family_size,
                                     const centres::CentreFilter& filter) {
  INNET_ASSIGN_OR_RETURN(auto all, occupancy_on(conn, day, filter));
  std::vector<DeskCentre> out;
  for (auto& o : all) {
    const auto free = o.free(category);
    // Room for the whole family, or the centre is not offered: a family is not split.
    if (!centres::accepts_guests(o.centre) || free < family_size) continue;
    std::string municipality = municipality_name(o.centre.istat_code);
    out.push_back({std::move(o), std::move(municipality), free});
  }
  return out;
}

}  // namespace innet::reception::overview
