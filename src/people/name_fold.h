// How names are compared in a search (decision 0007): folded in C++, by one function, both when
// a name is indexed (person_names.search_key) and when a query is read, so that both engines
// compare the same bytes and give the same results.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace innet::people {

// Lower case and without diacritics: A-Z and the Latin letters of Latin-1, Latin Extended-A and
// the Romanian comma-below letters become their base letters in lower case ("Traoré" ->
// "traore", "Ø" -> "o", "ß" -> "ss", "Œ" -> "oe"); combining marks (U+0300-U+036F, a decomposed
// "é") are dropped; Cyrillic capitals become small letters and "ё" is "е". Every other character
// (Arabic, Bengali, Chinese...) is kept as written; ASCII whitespace becomes a space; bytes that
// are not UTF-8 are kept.
std::string fold_name(std::string_view text);

// The words of a query, folded: what a name must contain, each word somewhere, in any order.
std::vector<std::string> query_words(std::string_view query);

// The text a name is searched in: its four columns folded, each between spaces, so that a word
// never spans two columns and a short word can be matched whole (" li ").
std::string search_key(std::string_view family_name, std::string_view given_names,
                       std::string_view family_name_original,
                       std::string_view given_names_original);

// Words of at least this many characters match anywhere in a name (a trigram index finds them);
// shorter ones would match nearly everyone, so they match a whole word of the name.
constexpr std::size_t kSubstringWord = 3;

std::size_t characters(std::string_view utf8);

// The code points of UTF-8 text; a byte that does not start valid UTF-8 is kept as its value.
std::u32string code_points(std::string_view utf8);

// Whether the key holds every word: a longer word as a substring, a shorter one as a whole word.
bool key_matches(std::string_view key, const std::vector<std::string>& words);

}  // namespace innet::people
