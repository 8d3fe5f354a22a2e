// Whether two recorded names may be the same person's (decision 0026): the same name spelt in
// another Latin transliteration (Mohammed / Muhammad), written in its own script against its
// Latin spelling (Олександр / Oleksandr, محمد / Mohamed), or with family and given names swapped.
// Pure functions: the keys stored for a person (person_match_keys) and the comparison that scores
// a candidate found through them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace innet::people {

// A name in Arabic (and Persian), Cyrillic or Bengali script spelt in Latin letters, folded
// (fold_name), letters a-z only: "Олександр" -> "oleksandr", "محمد" -> "mhmd" (Arabic writes no
// short vowels), "রহমান" -> "rhman" (nor is Bengali's inherent vowel written). Ukrainian
// spelling for Cyrillic (г -> h, и -> y). Characters of other scripts are left out.
std::string to_latin(std::string_view name);

// Whether the name has letters outside A-Z once folded (Arabic, Cyrillic, Bengali...).
bool is_original_script(std::string_view name);

// The words of a name in Latin letters: folded, transliterated, split at spaces, hyphens,
// apostrophes and dots, without the Arabic article written apart ("al", "el"); with the words of
// a name of several joined too ("abdul rahman" also gives "abdulrahman").
std::vector<std::string> name_words(std::string_view name);

// The sound of a Latin word with its vowels marked: spelling variants of one name give one key
// ("mohammed", "muhammad", "mohamed" -> "mahamad"; "youssef", "yusuf" -> "yasaf"; "oleksandr",
// "aleksandr", "alexander" -> "alaksandr") and different names keep different keys ("mahmoud"
// -> "mahmad", "hussein" -> "hasen" against "hassan" -> "hasan").
std::string phonetic_key(std::string_view word);

// The consonants of a Latin word, the first letter kept as a vowel mark when it is one: what a
// name written without short vowels (Arabic, and Bengali's inherent vowel) still shares with its
// Latin spelling ("mhmd" for "محمد" and for "Mohamed").
std::string consonant_key(std::string_view word);

// A person's four names, as recorded (any may be empty).
struct Names {
  std::string family_name;
  std::string given_names;
  std::string family_name_original;
  std::string given_names_original;
};

// The keys a person is found by (person_match_keys.match_key): "w:" and a consonant key for each
// word of every name, "p:" and the two consonant keys of each (family word, given word) pair in
// sorted order, so that a pair written in the reverse order gives the same key.
std::vector<std::string> match_keys(const Names& names);

// The keys to look a query up by: the pairs when it has a family and a given name, else the
// words of the one it has.
std::vector<std::string> query_keys(std::string_view family_name, std::string_view given_names);

enum class NameMatch { none, equal, phonetic, transliterated };

struct NameComparison {
  NameMatch match = NameMatch::none;
  bool reversed = false;  // the query's family name is the candidate's given name and back
};

// How a query's names (either may be empty, not both) compare with a candidate's. A query in
// Latin letters is compared with the candidate's Latin names (equal once folded, else by
// phonetic_key) and by phonetic_key with its names in the original script transliterated; a
// query in another script with the candidate's names in that script (equal once folded) and by
// consonant_key with its Latin names. Each name of the query must match: one of its words a word
// of the candidate's name.
NameComparison compare_names(std::string_view family_name, std::string_view given_names,
                             const Names& candidate);

}  // namespace innet::people
