#include "directory/translations.h"

#include <algorithm>
#include <map>

namespace innet::directory {
namespace {

const std::map<std::string_view, std::vector<std::string_view>>& by_table() {
  static const std::map<std::string_view, std::vector<std::string_view>> fields = {
      {"organization", {"name", "alternate_name", "description"}},
      {"program", {"name", "alternate_name", "description"}},
      {"service",
       {"name", "alternate_name", "description", "eligibility_description", "application_process",
        "fees_description", "interpretation_services", "wait_time", "alert"}},
      {"location", {"name", "alternate_name", "description", "transportation"}},
      {"schedule", {"description", "notes"}},
      {"required_document", {"document"}},
      {"cost_option", {"option", "amount_description"}},
      {"phone", {"description"}},
      {"service_area", {"name", "description"}},
      {"accessibility", {"description", "details"}},
      {"language", {"note"}},
      {"contact", {"title", "department"}},
      {"taxonomy_term", {"name", "description"}},
      {"taxonomy", {"name", "description"}},
  };
  return fields;
}

}  // namespace

bool is_language(std::string_view code) {
  return std::find(kLanguages.begin(), kLanguages.end(), code) != kLanguages.end();
}

std::vector<std::string> language_list() {
  return {kLanguages.begin(), kLanguages.end()};
}

const std::vector<std::string_view>& translatable_fields(std::string_view table) {
  static const std::vector<std::string_view> none;
  auto it = by_table().find(table);
  return it == by_table().end() ? none : it->second;
}

bool is_translatable(std::string_view table, std::string_view field) {
  const auto& fields = translatable_fields(table);
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

std::vector<std::string> translatable_tables() {
  std::vector<std::string> out;
  for (const auto& [table, fields] : by_table()) out.emplace_back(table);
  return out;
}

}  // namespace innet::directory
