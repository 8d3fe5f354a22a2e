// Text analysis for the search index (decision 0035): the same functions read a service's texts
// when it is indexed and the words a reader types, so that both sides compare the same terms.
//
// A text becomes words in three steps:
//   1. decoding: UTF-8, where a byte that does not start valid UTF-8 (or an overlong form, a
//      surrogate) is a separator, never a crash;
//   2. folding, by script: Latin lower case without diacritics ("Città" -> "citta", "ß" -> "ss");
//      Cyrillic lower case, "ё" -> "е", "ґ" -> "г"; Arabic without tashkeel and tatweel, alef forms
//      unified, "ة" -> "ه", "ى" -> "ي", "ؤ" -> "و", "ئ" -> "ي"; Bengali with one form of the nukta
//      letters and of the two-part vowel signs; ZWJ/ZWNJ removed everywhere; digits of the Arabic
//      and Bengali scripts become 0-9. Words are cut at spaces, punctuation and script changes;
//   3. per word: stop words dropped, then light stemming (plural and gender endings in Italian,
//      English and French, case endings in Ukrainian, the article and suffixes in Arabic; none in
//      Bengali). Latin words use the text's language (it, en or fr; none in an ar/uk/bn text);
//      Arabic, Cyrillic and Bengali words use their script's rules in a text of any language.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace innet::search {

// The portal's six languages.
enum class Language : std::uint8_t { it, en, fr, ar, uk, bn };
inline constexpr std::array<Language, 6> kLanguages = {Language::it, Language::en, Language::fr,
                                                       Language::ar, Language::uk, Language::bn};
inline constexpr std::size_t kLanguageCount = kLanguages.size();

std::string_view language_code(Language language);              // "it"
std::optional<Language> parse_language(std::string_view code);  // "it" -> it; else nullopt

// The folded words of a text (step 1 and 2), in order, stop words kept, nothing stemmed.
std::vector<std::u32string> fold_words(std::string_view text);

// The folded text (step 1 and 2) as UTF-8, words separated by one space: a sort key for names.
std::string fold(std::string_view text);

// One word as the index keeps it.
struct Term {
  // The word folded, with the Arabic article and conjunction taken off: what a prefix typed by
  // the reader is compared with ("avv" and "avvocat" are prefixes of "avvocati").
  std::string surface;
  // The surface with its endings taken off: what two forms of one word share ("servizi" and
  // "servizio" are both "serviz").
  std::string stem;
};

// Step 3 for one folded word (an element of fold_words), read as `language`; nullopt for a stop
// word of that language.
std::optional<Term> analyze_word(std::u32string_view word, Language language);

// Steps 1 to 3: the terms of a text written in `language`, stop words left out.
std::vector<Term> analyze(std::string_view text, Language language);

// UTF-8 of code points (for tests and callers that hold folded words).
std::string to_utf8(std::u32string_view text);

}  // namespace innet::search
