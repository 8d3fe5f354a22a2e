#include "procedures/terms.h"

namespace innet::procedures {

const std::vector<std::string>& start_events() {
  static const std::vector<std::string> all = {"filed", "quota_charged", "entry", "signature"};
  return all;
}

std::optional<TermRule> rule_in_force(const std::vector<TermRule>& rules, const std::string& term,
                                      CivilDay filed_on) {
  std::optional<TermRule> found;
  for (const auto& r : rules)
    if (r.term == term && r.applies_from <= filed_on &&
        (!found || r.applies_from > found->applies_from))
      found = r;
  return found;
}

const std::string& to_string(SaturdayDeadline saturday) {
  static const std::string stays = "stays", moves = "moves";
  return saturday == SaturdayDeadline::moves ? moves : stays;
}

std::optional<SaturdayDeadline> parse_saturday(const std::string& text) {
  if (text == "stays") return SaturdayDeadline::stays;
  if (text == "moves") return SaturdayDeadline::moves;
  return std::nullopt;
}

}  // namespace innet::procedures
