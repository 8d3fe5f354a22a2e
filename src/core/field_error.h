// Why a field was refused, for a program and for a person: a stable snake_case code with its
// parameters (`too_long {max: 200}`), which the web app translates, beside the English message
// that the CLI, the logs and API users read. This file is the vocabulary: every field error the
// server sends is made by one of the functions below, so the codes are listed once, here
// (decision 0013).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace innet {

struct FieldError {
  using Param = std::variant<std::int64_t, double, std::string, std::vector<std::string>>;

  std::string code;
  std::vector<std::pair<std::string, Param>> params;  // in the order the message names them
  std::string message;

  // Input: shape and format (the request validation of core/json_input, and its twins).
  static FieldError required();
  static FieldError unknown_field();
  static FieldError unknown_parameter();  // unknown_field, in a query
  // expected: integer, number, string, boolean, true_or_false, email, date, month,
  // date_or_timestamp, object, string_list, integer_list, object_list
  static FieldError wrong_type(std::string expected);
  static FieldError null_not_allowed();
  static FieldError too_short(std::int64_t min);  // characters
  static FieldError too_long(std::int64_t max);   // characters
  static FieldError too_few_items(std::int64_t min);
  static FieldError too_many_items(std::int64_t max);
  static FieldError exact_length(std::int64_t length);  // digits
  static FieldError not_in_list(std::vector<std::string> allowed);
  static FieldError below_minimum(std::int64_t min);
  static FieldError above_maximum(std::int64_t max);
  static FieldError out_of_range(double min, double max);
  static FieldError date_out_of_range(std::string from, std::string to);
  static FieldError control_characters();
  static FieldError bidi_characters();
  static FieldError invalid_email();
  static FieldError digits_only();
  static FieldError invalid_country();   // ISO 3166-1 alpha-2, XX or ZZ
  static FieldError invalid_language();  // ISO 639
  static FieldError invalid_codice_fiscale();
  static FieldError after_other(std::string other);   // must not be after the other field
  static FieldError before_other(std::string other);  // must not be before the other field
  static FieldError too_many_days(std::int64_t max);  // a range of days is too long
  static FieldError both_or_neither(std::string other);
  static FieldError not_both(std::string other);

  // References and uniqueness.
  static FieldError taken();
  static FieldError not_found(const std::string& what);  // what: English, for the message
  static FieldError same_person();                       // a person named as its own relative
  static FieldError wrong_password();

  // Business rules of the modules.
  static FieldError future_date();
  static FieldError outside_month(std::string from, std::string to);
  static FieldError overlaps_line(std::int64_t line);
  static FieldError not_placed(std::string month);
  static FieldError not_placed_on(std::int64_t person, std::string day);
  static FieldError no_contract(std::string month);
  static FieldError invoice_exists(std::string month);
  static FieldError presence_days_mismatch(std::int64_t sum);
  static FieldError already_absent(std::int64_t person, std::string day, std::int64_t absence);
  static FieldError note_required();  // the reason "other" needs a note
  static FieldError no_places();
  static FieldError manager_not_eligible();
  static FieldError manager_inactive();
  static FieldError self_lockout();
  static FieldError override_forbidden();
  static FieldError listed_twice();
  static FieldError centre_not_accepting(std::string status);
  static FieldError centre_full(std::string category, std::int64_t places, std::int64_t taken,
                                std::int64_t arriving, std::string from);
  static FieldError placement_overlap(std::int64_t person, std::string from,
                                      std::int64_t placement);
  static FieldError no_open_placement(std::int64_t person);
  static FieldError before_arrival(std::int64_t person, std::string arrived);
  static FieldError placement_changed(std::int64_t person);
  static FieldError already_moved(std::int64_t person, std::string day);
  static FieldError same_centre(std::int64_t person);
  static FieldError contract_overlap(std::int64_t contract);
};

}  // namespace innet
