#include "people/name_match.h"

#include <algorithm>
#include <set>

#include "people/name_fold.h"

namespace innet::people {
namespace {

// Cyrillic а (U+0430) to я (U+044F), Ukrainian spelling (the national transliteration of 2010,
// without its word-initial forms), then U+0450 to U+045F (Ukrainian є і ї, Serbian, Belarusian).
constexpr const char* kCyrillic[] = {
    "a", "b", "v",  "h", "d",  "e",  "zh", "z",  "y",  "i",    "k",  "l", "m", "n", "o",  "p",
    "r", "s", "t",  "u", "f",  "kh", "ts", "ch", "sh", "shch", "",   "y", "",  "e", "iu", "ia",
    "e", "e", "dj", "g", "ie", "dz", "i",  "i",  "j",  "lj",   "nj", "c", "k", "i", "u",  "dz"};

// Arabic U+0621 to U+064A: the consonants, long vowels and hamza carriers (short vowels are
// marks, left out). ع is a vowel mark, as in most Latin spellings ("Omar" for عمر).
constexpr const char* kArabic[] = {"",  "a", "a",  "",   "a",  "",  "a", "b", "a",  "t", "th",
                                   "j", "h", "kh", "d",  "dh", "r", "z", "s", "sh", "s", "d",
                                   "t", "z", "a",  "gh", "",   "",  "",  "",  "",   "",  "f",
                                   "k", "k", "l",  "m",  "n",  "h", "w", "a", "y"};

// Bengali U+0981 to U+09DF; the inherent vowel of a consonant is not written, as in Arabic.
const char* bengali(char32_t c) {
  switch (c) {
    case 0x982:
      return "ng";
    case 0x983:
      return "h";
    case 0x985:
    case 0x986:
    case 0x9BE:
      return "a";
    case 0x987:
    case 0x988:
    case 0x9BF:
    case 0x9C0:
      return "i";
    case 0x989:
    case 0x98A:
    case 0x9C1:
    case 0x9C2:
      return "u";
    case 0x98B:
    case 0x9C3:
      return "ri";
    case 0x98F:
    case 0x9C7:
      return "e";
    case 0x990:
    case 0x9C8:
      return "oi";
    case 0x993:
    case 0x9CB:
      return "o";
    case 0x994:
    case 0x9CC:
      return "ou";
    case 0x995:
      return "k";
    case 0x996:
      return "kh";
    case 0x997:
      return "g";
    case 0x998:
      return "gh";
    case 0x999:
      return "ng";
    case 0x99A:
      return "ch";
    case 0x99B:
      return "chh";
    case 0x99C:
    case 0x9AF:
      return "j";
    case 0x99D:
      return "jh";
    case 0x99E:
    case 0x9A3:
    case 0x9A8:
      return "n";
    case 0x99F:
    case 0x9A4:
    case 0x9CE:
      return "t";
    case 0x9A0:
    case 0x9A5:
      return "th";
    case 0x9A1:
    case 0x9A6:
      return "d";
    case 0x9A2:
    case 0x9A7:
      return "dh";
    case 0x9AA:
      return "p";
    case 0x9AB:
      return "ph";
    case 0x9AC:
      return "b";
    case 0x9AD:
      return "bh";
    case 0x9AE:
      return "m";
    case 0x9B0:
    case 0x9DC:
      return "r";
    case 0x9B2:
      return "l";
    case 0x9B6:
    case 0x9B7:
      return "sh";
    case 0x9B8:
      return "s";
    case 0x9B9:
      return "h";
    case 0x9DD:
      return "rh";
    case 0x9DF:
      return "y";
    default:
      return "";  // signs: candrabindu, nukta, virama, length mark
  }
}

// The Latin letters for one folded code point; "" leaves it out.
std::string latin(char32_t c) {
  if (c >= 'a' && c <= 'z') return std::string(1, static_cast<char>(c));
  if (c == ' ') return " ";
  if (c >= 0x430 && c <= 0x45F) return kCyrillic[c - 0x430];
  if (c == 0x490 || c == 0x491) return "g";  // Ґ ґ
  if (c >= 0x621 && c <= 0x64A) return kArabic[c - 0x621];
  switch (c) {  // Persian and Urdu letters
    case 0x67E:
      return "p";
    case 0x686:
      return "ch";
    case 0x698:
      return "zh";
    case 0x6A9:
      return "k";
    case 0x6AF:
      return "g";
    case 0x6CC:
      return "y";
    case 0x6BE:
    case 0x6C1:
      return "h";
    default:
      break;
  }
  if (c >= 0x981 && c <= 0x9DF) return bengali(c);
  return "";
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// The spellings of one sound written alike, letters a-z only: "sh", "sch", "ch" -> "s" (French
// "Chaker" for Shaker), "kh" -> "h", "gh" -> "g", "ph" -> "f", "th" -> "t", "dh" -> "d",
// "bh" -> "b", "jh" and "dj" -> "j", "zh" -> "z", "c" before e, i, y -> "s", "ck", "c" and
// "q" -> "k", "x" -> "ks".
std::string sounds(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    const char next = i + 1 < word.size() ? word[i + 1] : '\0';
    if (c < 'a' || c > 'z') continue;
    if (c == 's' && next == 'c' && i + 2 < word.size() && word[i + 2] == 'h') {
      out += 's';
      i += 2;
    } else if (next == 'h' && (c == 's' || c == 'c')) {
      out += 's';
      ++i;
    } else if (next == 'h' && (c == 'k' || c == 'g' || c == 'p' || c == 't' || c == 'd' ||
                               c == 'b' || c == 'j' || c == 'z')) {
      out += c == 'k' ? 'h' : c == 'p' ? 'f' : c;
      ++i;
    } else if (c == 'd' && next == 'j') {
      out += 'j';
      ++i;
    } else if (c == 'c' && (next == 'e' || next == 'i' || next == 'y')) {
      out += 's';  // French "Youcef"
    } else if (c == 'c' || c == 'q') {
      out += 'k';
      if (c == 'c' && next == 'k') ++i;
    } else if (c == 'x') {
      out += "ks";
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> split_words(std::string_view folded) {
  std::vector<std::string> out;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == ' ' || c == '-' || c == '\'' || c == '.' || c == ',') {
      flush();
    } else if (folded.substr(i, 3) == "\xE2\x80\x99") {  // ’
      flush();
      i += 2;
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

// The Arabic article written joined ("الرحمن"), left out as the Latin spellings mostly do
// ("Abdul Rahman"); a word of the article and one letter is kept whole ("الله" keeps its lam).
std::u32string without_article(std::u32string word) {
  if (word.size() > 3 && word[0] == 0x627 && word[1] == 0x644) return word.substr(2);
  return word;
}

std::string latin_word(const std::u32string& word) {
  std::string out;
  for (char32_t c : word) out += latin(c);
  return out;
}

enum class Level { none = 0, transliterated = 1, phonetic = 2, equal = 3 };

bool any_shared(const std::vector<std::string>& a, const std::vector<std::string>& b,
                std::string (*key)(std::string_view)) {
  std::set<std::string> keys;
  for (const auto& w : a)
    if (auto k = key(w); !k.empty()) keys.insert(std::move(k));
  for (const auto& w : b)
    if (keys.contains(key(w))) return true;
  return false;
}

std::string normalised(std::string_view name) {
  std::string out;
  for (const auto& w : split_words(fold_name(name))) out += (out.empty() ? "" : " ") + w;
  return out;
}

// How one name of the query compares with the candidate's name in Latin and in its script.
Level field_level(std::string_view query, std::string_view latin_name, std::string_view original) {
  if (query.empty()) return Level::equal;  // not asked: no constraint
  const auto q = name_words(query);
  if (!is_original_script(query)) {
    if (normalised(query) == normalised(latin_name)) return Level::equal;
    if (any_shared(q, name_words(latin_name), phonetic_key)) return Level::phonetic;
    if (!original.empty() && any_shared(q, name_words(original), phonetic_key))
      return Level::transliterated;
    return Level::none;
  }
  if (!original.empty()) {
    if (normalised(query) == normalised(original)) return Level::equal;
    if (any_shared(q, name_words(original), consonant_key)) return Level::phonetic;
  }
  if (any_shared(q, name_words(latin_name), consonant_key)) return Level::transliterated;
  return Level::none;
}

std::vector<std::string> consonant_keys(const std::vector<std::string_view>& names) {
  std::vector<std::string> out;
  for (auto name : names)
    for (const auto& w : name_words(name))
      if (auto k = consonant_key(w);
          !k.empty() && std::find(out.begin(), out.end(), k) == out.end())
        out.push_back(std::move(k));
  return out;
}

std::vector<std::string> keys_of(const std::vector<std::string>& family,
                                 const std::vector<std::string>& given, bool words) {
  std::set<std::string> keys;
  if (words) {
    for (const auto& k : family) keys.insert("w:" + k);
    for (const auto& k : given) keys.insert("w:" + k);
  }
  for (const auto& f : family)
    for (const auto& g : given) keys.insert("p:" + std::min(f, g) + "|" + std::max(f, g));
  return {keys.begin(), keys.end()};
}

}  // namespace

std::string to_latin(std::string_view name) {
  std::string out;
  for (char32_t c : code_points(fold_name(name))) out += latin(c);
  return out;
}

bool is_original_script(std::string_view name) {
  const std::string folded = fold_name(name);
  return std::any_of(folded.begin(), folded.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  for (const auto& word : split_words(fold_name(name))) {
    std::string w = latin_word(without_article(code_points(word)));
    if (!w.empty()) out.push_back(std::move(w));
  }
  // The article written apart ("Al Hassan", "El Amin") is left out when there is more.
  if (out.size() > 1)
    std::erase_if(out, [](const std::string& w) { return w == "al" || w == "el"; });
  if (out.size() > 1) {
    std::string joined;
    for (const auto& w : out) joined += w;
    out.push_back(std::move(joined));
  }
  return out;
}

std::string phonetic_key(std::string_view word) {
  const std::string s = sounds(word);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    // "y" before a vowel at the start is a consonant ("Yusuf"); elsewhere a vowel ("Aly").
    const auto vowel = [&](std::size_t at) {
      return is_vowel(s[at]) ||
             (s[at] == 'y' && !(at == 0 && at + 1 < s.size() && is_vowel(s[at + 1])));
    };
    if (vowel(i)) {
      // A run of vowels is one mark; a diphthong ending in i or y ("ei", "ai", "ay") another:
      // "Hussein", "Husain" and "Husayn" are one name, "Hassan" another.
      bool open = false;
      bool diphthong = false;
      for (; i < s.size() && vowel(i); ++i) {
        if ((s[i] == 'i' || s[i] == 'y') && open) diphthong = true;
        if (s[i] != 'i' && s[i] != 'y') open = true;
      }
      out += diphthong ? 'e' : 'a';
      continue;
    }
    const char c = s[i] == 'w' ? 'v' : s[i];
    if (out.empty() || out.back() != c) out += c;  // double letters are one
    ++i;
  }
  // A final "h" after a vowel is not heard ("Abdullah", "Fatimah").
  if (out.size() > 1 && out.back() == 'h' &&
      (out[out.size() - 2] == 'a' || out[out.size() - 2] == 'e'))
    out.pop_back();
  // "-ander" and "-andr": the vowel of a final "er" after two consonants (Alexander, Oleksandr).
  const auto n = out.size();
  if (n >= 4 && out[n - 1] == 'r' && out[n - 2] == 'a' && out[n - 3] != 'a' && out[n - 3] != 'e' &&
      out[n - 4] != 'a' && out[n - 4] != 'e')
    out.erase(n - 2, 1);
  return out;
}

std::string consonant_key(std::string_view word) {
  const std::string s = sounds(word);
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i == 0 && is_vowel(c))
      c = 'a';  // the first letter a vowel: marked, whichever
    else if (is_vowel(c) || (i > 0 && (c == 'y' || c == 'w')))
      continue;
    if (out.empty() || out.back() != c) out += c;
  }
  if (out.size() > 1 && out.back() == 'h') out.pop_back();
  return out;
}

std::vector<std::string> match_keys(const Names& names) {
  return keys_of(consonant_keys({names.family_name, names.family_name_original}),
                 consonant_keys({names.given_names, names.given_names_original}), true);
}

std::vector<std::string> query_keys(std::string_view family_name, std::string_view given_names) {
  const auto family = consonant_keys({family_name});
  const auto given = consonant_keys({given_names});
  if (!family.empty() && !given.empty()) return keys_of(family, given, false);
  return keys_of(family, given, true);
}

NameComparison compare_names(std::string_view family_name, std::string_view given_names,
                             const Names& c) {
  if (name_words(family_name).empty() && name_words(given_names).empty()) return {};
  const auto straight = std::min(field_level(family_name, c.family_name, c.family_name_original),
                                 field_level(given_names, c.given_names, c.given_names_original));
  const auto reversed = std::min(field_level(family_name, c.given_names, c.given_names_original),
                                 field_level(given_names, c.family_name, c.family_name_original));
  const auto level = straight != Level::none ? straight : reversed;
  const auto match = level == Level::equal            ? NameMatch::equal
                     : level == Level::phonetic       ? NameMatch::phonetic
                     : level == Level::transliterated ? NameMatch::transliterated
                                                      : NameMatch::none;
  return {match, match != NameMatch::none && straight == Level::none};
}

}  // namespace innet::people
