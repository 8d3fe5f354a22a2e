// Validation of the coded fields of a person: nationality and languages.
#pragma once

#include <string_view>

namespace innet::people {

// ISO 3166-1 alpha-2 has no code for these; both are from its user-assigned range.
inline constexpr std::string_view kStateless = "XX";
inline constexpr std::string_view kUnknownCountry = "ZZ";

// An ISO 3166-1 alpha-2 code ("BD"), or XX (stateless), or ZZ (unknown).
bool is_country_code(std::string_view code);
// A language as BCP 47 writes it: ISO 639-1 ("bn") when there is one, else ISO 639-3 ("prs").
bool is_language_code(std::string_view code);

}  // namespace innet::people

namespace innet::people {

// An Italian codice fiscale: 16 characters with a valid check letter (omocodia included), or
// the 11-digit provisional code with a valid check digit. Upper case.
bool is_codice_fiscale(std::string_view code);

}  // namespace innet::people
