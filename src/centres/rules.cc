#include "centres/rules.h"

#include <algorithm>

#include "accounts/accounts.h"

namespace innet::centres {
namespace {

bool listed(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool six_digits(const std::string& code) {
  return code.size() == 6 &&
         std::all_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// A reference the caller gave that names nothing is the caller's field to fix (422).
Error named_record(Error e, const char* field, const char* what) {
  if (e.kind != ErrorKind::not_found) return e;
  return Error::field(ErrorKind::unprocessable, field, FieldError::not_found(what));
}

Status check_manager(db::Connection& conn, std::int64_t manager_user_id) {
  auto manager = accounts::find_user_with_organization(conn, manager_user_id);
  if (!manager.ok()) return named_record(manager.take_error(), "manager_user_id", "user");
  const auto& [user, org] = manager.value();
  if (user.role != auth::Role::prefecture_officer || org.type != "prefecture")
    return Error::field(ErrorKind::unprocessable, "manager_user_id",
                        FieldError::manager_not_eligible());
  if (!user.active)
    return Error::field(ErrorKind::unprocessable, "manager_user_id",
                        FieldError::manager_inactive());
  return Status::success();
}

}  // namespace

FieldError TenderErrors::cig_format() {
  return {"cig_format", {}, "a CIG is 10 uppercase letters or digits"};
}
FieldError TenderErrors::outside_contract(std::string from, std::string to) {
  std::string message = "the contract runs from " + from + " to " + to;
  return {
      "outside_contract", {{"from", std::move(from)}, {"to", std::move(to)}}, std::move(message)};
}
FieldError TenderErrors::temporary_structure_minors_only() {
  return {"temporary_structure_minors_only",
          {},
          "a temporary structure for unaccompanied minors has minors' places only"};
}
FieldError TenderErrors::contract_required() {
  return {"contract_required",
          {},
          "more than one contract covers this month: name the contract invoiced (one invoice per "
          "contract)"};
}
FieldError TenderErrors::amount_mismatch(std::int64_t expected) {
  return {"amount_mismatch",
          {{"expected", expected}},
          "the declared presence-days at the contract price come to " + std::to_string(expected) +
              " cents (net of VAT)"};
}
FieldError TenderErrors::sai_not_per_day() {
  return {"sai_not_per_day",
          {},
          "a SAI project is funded by its annual budget and final report, not per day"};
}

FieldError TenderErrors::credit_exceeds_invoice(std::int64_t left) {
  return {"credit_exceeds_invoice",
          {{"left", left}},
          "the credit notes would exceed the invoice: " + std::to_string(left) + " left to credit"};
}

Status check_centre(db::Connection& conn, const Centre& c) {
  if (total(c.places) <= 0)
    return Error::rule(ErrorKind::unprocessable, "no_places", "places", FieldError::no_places());
  if (c.latitude.has_value() != c.longitude.has_value())
    return Error::field(ErrorKind::invalid_input, c.latitude ? "longitude" : "latitude",
                        FieldError::both_or_neither(c.latitude ? "latitude" : "longitude"));
  if (!listed(centre_types(), c.type))
    return Error::field(ErrorKind::invalid_input, "type", FieldError::not_in_list(centre_types()));
  if (!listed(centre_statuses(), c.status))
    return Error::field(ErrorKind::invalid_input, "status",
                        FieldError::not_in_list(centre_statuses()));
  if (!listed(centre_structures(), c.structure))
    return Error::field(ErrorKind::invalid_input, "structure",
                        FieldError::not_in_list(centre_structures()));
  if (temporary_minors_structure(c)) {
    // Only minors' places, and at most 50 of them: the urgency margin is the placement rules'.
    constexpr const char* kOthers[] = {"places_single_men", "places_single_women",
                                       "places_families"};
    for (std::size_t i = 0; i + 1 < kCategoryCount; ++i)
      if (c.places[i] > 0)
        return Error::rule(ErrorKind::unprocessable, "temporary_structure_minors_only", kOthers[i],
                           TenderErrors::temporary_structure_minors_only());
    const auto minors = static_cast<std::size_t>(Category::minors);
    if (c.places[minors] > kTemporaryMinorsPlaces)
      return Error::field(ErrorKind::unprocessable, "places_minors",
                          FieldError::above_maximum(kTemporaryMinorsPlaces));
  }
  if (!six_digits(c.istat_code))
    return Error::field(ErrorKind::invalid_input, "istat_code", FieldError::exact_length(6));
  auto org = accounts::find_organization(conn, c.operator_id);
  if (!org.ok()) return named_record(org.take_error(), "operator_id", "organization");
  return Status::success();
}

Status check_contract(db::Connection& conn, const Contract& c) {
  if (c.end_date < c.start_date)
    return Error::field(ErrorKind::unprocessable, "end_date",
                        FieldError::before_other("start_date"));
  if (!valid_cig(c.cig))
    return Error::rule(ErrorKind::unprocessable, "cig_format", "cig", TenderErrors::cig_format());
  const auto& rates = vat_rates();
  if (std::find(rates.begin(), rates.end(), c.vat_rate_percent) == rates.end()) {
    std::vector<std::string> allowed;
    for (auto r : rates) allowed.push_back(std::to_string(r));
    return Error::field(ErrorKind::unprocessable, "vat_rate_percent",
                        FieldError::not_in_list(allowed));
  }
  if (c.manager_user_id) INNET_TRY(check_manager(conn, *c.manager_user_id));
  return Status::success();
}

Status check_lot(const TenderLot& lot) {
  if (!valid_cig(lot.cig))
    return Error::rule(ErrorKind::unprocessable, "cig_format", "cig", TenderErrors::cig_format());
  if (lot.tender.empty())
    return Error::field(ErrorKind::unprocessable, "tender", FieldError::required());
  if (lot.end_date < lot.start_date)
    return Error::field(ErrorKind::unprocessable, "end_date",
                        FieldError::before_other("start_date"));
  return Status::success();
}

}  // namespace innet::centres
