#include "core/field_error.h"

#include <map>

#include <nlohmann/json.hpp>

namespace innet {
namespace {

using Params = std::vector<std::pair<std::string, FieldError::Param>>;

FieldError make(std::string code, Params params, std::string message) {
  return {std::move(code), std::move(params), std::move(message)};
}

std::string number(std::int64_t n) {
  return std::to_string(n);
}
std::string person(std::int64_t id) {
  return "person " + number(id);
}

// The English noun of each wrong_type expectation.
std::string expected_noun(const std::string& expected) {
  static const std::map<std::string, std::string> nouns = {
      {"integer", "an integer"},
      {"number", "a number"},
      {"string", "a string"},
      {"boolean", "a boolean"},
      {"true_or_false", "true or false"},
      {"email", "an e-mail address"},
      {"date", "a date (YYYY-MM-DD)"},
      {"month", "a month (YYYY-MM)"},
      {"date_or_timestamp", "a date (YYYY-MM-DD) or a UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)"},
      {"object", "an object"},
      {"string_list", "an array of strings"},
      {"integer_list", "an array of integers"},
      {"object_list", "an array of objects"},
      {"uuid", "a UUID (8-4-4-4-12 hexadecimal digits)"},
      {"uri", "an absolute URI (scheme:...)"},
      {"time", "a time (HH:MM or HH:MM:SS, optionally with Z or an offset)"},
      {"timestamp", "a timestamp (YYYY-MM-DDTHH:MM:SS with Z or an offset)"},
      {"csv", "CSV (RFC 4180): a quoted cell is not closed"},
      {"json", "JSON"},
      {"utf8", "UTF-8 text"},
  };
  auto it = nouns.find(expected);
  return it == nouns.end() ? "a value" : it->second;
}

}  // namespace

FieldError FieldError::required() {
  return make("required", {}, "required");
}
FieldError FieldError::unknown_field() {
  return make("unknown_field", {}, "unknown field");
}
FieldError FieldError::unknown_parameter() {
  return make("unknown_field", {}, "unknown parameter");
}
FieldError FieldError::wrong_type(std::string expected) {
  std::string message = "must be " + expected_noun(expected);
  return make("wrong_type", {{"expected", std::move(expected)}}, std::move(message));
}
FieldError FieldError::null_not_allowed() {
  return make("null_not_allowed", {}, "must not be null");
}
FieldError FieldError::too_short(std::int64_t min) {
  return make("too_short", {{"min", min}}, "at least " + number(min) + " characters");
}
FieldError FieldError::too_long(std::int64_t max) {
  return make("too_long", {{"max", max}}, "at most " + number(max) + " characters");
}
FieldError FieldError::too_few_items(std::int64_t min) {
  return make("too_few_items", {{"min", min}},
              "at least " + number(min) + (min == 1 ? " item" : " items"));
}
FieldError FieldError::too_many_items(std::int64_t max) {
  return make("too_many_items", {{"max", max}}, "at most " + number(max) + " items");
}
FieldError FieldError::exact_length(std::int64_t length) {
  return make("exact_length", {{"length", length}}, "must be " + number(length) + " digits");
}
FieldError FieldError::digits_only() {
  return make("digits_only", {}, "must be digits only");
}
FieldError FieldError::not_in_list(std::vector<std::string> allowed) {
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return make("not_in_list", {{"allowed", std::move(allowed)}}, "must be one of: " + list);
}
FieldError FieldError::below_minimum(std::int64_t min) {
  return make("below_minimum", {{"min", min}}, "at least " + number(min));
}
FieldError FieldError::above_maximum(std::int64_t max) {
  return make("above_maximum", {{"max", max}}, "at most " + number(max));
}
FieldError FieldError::out_of_range(double min, double max) {
  return make("out_of_range", {{"min", min}, {"max", max}},
              "must be from " + nlohmann::json(min).dump() + " to " + nlohmann::json(max).dump());
}
FieldError FieldError::date_out_of_range(std::string from, std::string to) {
  std::string message = "must be a date (YYYY-MM-DD) from " + from + " to " + to;
  return make("date_out_of_range", {{"from", std::move(from)}, {"to", std::move(to)}},
              std::move(message));
}
FieldError FieldError::control_characters() {
  return make("control_characters", {}, "must not contain control characters");
}
FieldError FieldError::bidi_characters() {
  return make("bidi_characters", {}, "must not contain bidirectional override characters");
}
FieldError FieldError::invalid_email() {
  return make("invalid_email", {}, "must be an e-mail address");
}
FieldError FieldError::invalid_country() {
  return make("invalid_country", {},
              "must be an ISO 3166-1 alpha-2 code, XX (stateless) or ZZ (unknown)");
}
FieldError FieldError::invalid_language() {
  return make("invalid_language", {}, "must be an ISO 639 language code");
}
FieldError FieldError::invalid_codice_fiscale() {
  return make("invalid_codice_fiscale", {}, "not a valid codice fiscale (check character)");
}
FieldError FieldError::after_other(std::string other) {
  std::string message = "must not be after " + other;
  return make("after_other", {{"other", std::move(other)}}, std::move(message));
}
FieldError FieldError::before_other(std::string other) {
  std::string message = "must not be before " + other;
  return make("before_other", {{"other", std::move(other)}}, std::move(message));
}
FieldError FieldError::too_many_days(std::int64_t max) {
  return make("too_many_days", {{"max", max}}, "at most " + number(max) + " days at a time");
}
FieldError FieldError::both_or_neither(std::string other) {
  std::string message = "give " + other + " too, or neither";
  return make("both_or_neither", {{"other", std::move(other)}}, std::move(message));
}
FieldError FieldError::not_both(std::string other) {
  std::string message = "give this or " + other + ", not both";
  return make("not_both", {{"other", std::move(other)}}, std::move(message));
}

FieldError FieldError::taken() {
  return make("taken", {}, "already used");
}
FieldError FieldError::not_found(const std::string& what) {
  return make("not_found", {}, "no such " + what);
}
FieldError FieldError::same_person() {
  return make("same_person", {}, "is the person itself");
}
FieldError FieldError::wrong_password() {
  return make("wrong_password", {}, "incorrect");
}

FieldError FieldError::future_date() {
  return make("future_date", {}, "must not be in the future");
}
FieldError FieldError::outside_month(std::string from, std::string to) {
  std::string message = "must be within " + from + ".." + to;
  return make("outside_month", {{"from", std::move(from)}, {"to", std::move(to)}},
              std::move(message));
}
FieldError FieldError::overlaps_line(std::int64_t line) {
  return make("overlaps_line", {{"line", line}},
              "overlaps lines[" + number(line) + "] of the same person");
}
FieldError FieldError::not_placed(std::string month) {
  std::string message = "not placed at this centre in " + month;
  return make("not_placed", {{"month", std::move(month)}}, std::move(message));
}
FieldError FieldError::not_placed_on(std::int64_t person_id, std::string day) {
  std::string message = person(person_id) + " is not placed at this centre on " + day;
  return make("not_placed_on", {{"person", person_id}, {"day", std::move(day)}},
              std::move(message));
}
FieldError FieldError::no_contract(std::string month) {
  std::string message = "no contract of this centre covers " + month;
  return make("no_contract", {{"month", std::move(month)}}, std::move(message));
}
FieldError FieldError::invoice_exists(std::string month) {
  std::string message = "this centre already has an invoice for " + month;
  return make("invoice_exists", {{"month", std::move(month)}}, std::move(message));
}
FieldError FieldError::presence_days_mismatch(std::int64_t sum) {
  return make("presence_days_mismatch", {{"sum", sum}},
              "the lines add up to " + number(sum) + " presence-days");
}
FieldError FieldError::already_absent(std::int64_t person_id, std::string day,
                                      std::int64_t absence) {
  std::string message = person(person_id) + " is already absent on " + day + " (absence " +
                        number(absence) + "); withdraw it to record another reason";
  return make("already_absent",
              {{"person", person_id}, {"day", std::move(day)}, {"absence", absence}},
              std::move(message));
}
FieldError FieldError::note_required() {
  return make("note_required", {}, "required when the reason is other");
}
FieldError FieldError::no_places() {
  return make("no_places", {}, "a centre needs at least one place in some category");
}
FieldError FieldError::manager_not_eligible() {
  return make("manager_not_eligible", {}, "not a prefecture officer of a prefecture");
}
FieldError FieldError::manager_inactive() {
  return make("manager_inactive", {}, "account deactivated");
}
FieldError FieldError::self_lockout() {
  return make("self_lockout", {}, "you cannot deactivate yourself or give up your own admin role");
}
FieldError FieldError::override_forbidden() {
  return make("override_forbidden", {}, "your role cannot override a centre's refusal");
}
FieldError FieldError::listed_twice() {
  return make("listed_twice", {}, "a person is listed twice");
}
FieldError FieldError::centre_not_accepting(std::string status) {
  std::string message = "the centre is " + status + "; an override reason is required";
  return make("centre_not_accepting", {{"status", std::move(status)}}, std::move(message));
}
FieldError FieldError::centre_full(std::string category, std::int64_t places, std::int64_t taken,
                                   std::int64_t arriving, std::string from) {
  std::string message = number(places) + " places for " + category + ", " + number(taken) +
                        " taken on some day from " + from + ", " + number(arriving) +
                        " arriving; an override reason is required";
  return make("centre_full",
              {{"category", std::move(category)},
               {"places", places},
               {"taken", taken},
               {"arriving", arriving},
               {"from", std::move(from)}},
              std::move(message));
}
FieldError FieldError::placement_overlap(std::int64_t person_id, std::string from,
                                         std::int64_t placement) {
  std::string message =
      person(person_id) + " is placed from " + from + " (placement " + number(placement) + ")";
  return make("placement_overlap",
              {{"person", person_id}, {"from", std::move(from)}, {"placement", placement}},
              std::move(message));
}
FieldError FieldError::no_open_placement(std::int64_t person_id) {
  return make("no_open_placement", {{"person", person_id}},
              person(person_id) + " has no open placement");
}
FieldError FieldError::before_arrival(std::int64_t person_id, std::string arrived) {
  std::string message = person(person_id) + " arrived on " + arrived;
  return make("before_arrival", {{"person", person_id}, {"arrived", std::move(arrived)}},
              std::move(message));
}
FieldError FieldError::placement_changed(std::int64_t person_id) {
  return make("placement_changed", {{"person", person_id}},
              "the placement of " + person(person_id) +
                  " changed while this request ran: reload and try again");
}
FieldError FieldError::already_moved(std::int64_t person_id, std::string day) {
  std::string message = person(person_id) + " was already transferred on " + day +
                        ": a second transfer on the same day is refused";
  return make("already_moved", {{"person", person_id}, {"day", std::move(day)}},
              std::move(message));
}
FieldError FieldError::same_centre(std::int64_t person_id) {
  return make("same_centre", {{"person", person_id}},
              person(person_id) + " is already placed there");
}
FieldError FieldError::contract_overlap(std::int64_t contract) {
  return make("contract_overlap", {{"contract", contract}},
              "overlaps contract " + number(contract) + " of this centre");
}

}  // namespace innet
