// Our profile's translations (decision 0034): a record's texts in the six languages of the
// product, beside the HSDS base text (Italian in our directory). One translation is one text of
// one field of one record: (table, record id, field, language) -> text, where the table is the
// HSDS object name ("service"), as hsds.h names it. The interchange formats carry them as a
// "translations" member of a JSON object and as translations.csv in a tabular package
// (interchange.h); which fields may be translated is fixed here.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace innet::directory {

inline constexpr std::array<std::string_view, 6> kLanguages{"it", "en", "fr", "ar", "uk", "bn"};
bool is_language(std::string_view code);
std::vector<std::string> language_list();

struct Translation {
  std::string table;  // the HSDS object: "service"
  std::string record_id;
  std::string field;  // "name", "eligibility_description"...
  std::string language;
  std::string text;
  // Where it was read, for a refusal: file and row as a Record's, the field to name when the
  // record it translates does not exist ("record_id" in the CSV, the JSON member's path) and
  // the one to name when its text contradicts another copy ("text", the JSON member's path).
  std::string file;
  std::size_t row = 0;
  std::string record_field;
  std::string text_field;

  bool same_key(const Translation& o) const {
    return table == o.table && record_id == o.record_id && field == o.field &&
           language == o.language;
  }
};

// The fields of `table` (an HSDS object name) that may be translated: texts written for people
// (names, descriptions, conditions, notes), never codes, numbers or addresses. Empty when none.
const std::vector<std::string_view>& translatable_fields(std::string_view table);
bool is_translatable(std::string_view table, std::string_view field);
// The tables that have translatable fields, for a refusal's list.
std::vector<std::string> translatable_tables();

}  // namespace innet::directory
