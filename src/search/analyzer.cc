#include "search/analyzer.h"

#include <unordered_set>

namespace innet::search {
namespace {

constexpr char32_t kSeparator = U' ';
// Apostrophes are kept until words are cut: inside a Ukrainian word ("сім'я") they are dropped,
// elsewhere ("l'avvocato") they separate.
constexpr char32_t kApostrophe = U'\'';

// The code point starting at text[i], i moved past it; nullopt (i moved one byte) for a byte that
// does not start well-formed UTF-8: a stray continuation byte, a truncated sequence, an overlong
// form, a surrogate or a value above U+10FFFF.
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, minimum = 0x10000;
  } else {
    ++i;
    return std::nullopt;
  }
  if (i + length > text.size()) {
    ++i;
    return std::nullopt;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return std::nullopt;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return std::nullopt;
  }
  i += length;
  return cp;
}

// U+00C0..U+017F folded: lower case, no diacritics; "" where the code point is a separator
// (× and ÷). Two characters per entry, padded with spaces.
// clang-format off
constexpr std::string_view kLatinFold =
    // U+00C0 ÀÁÂÃÄÅÆÇ ÈÉÊË ÌÍÎÏ
    "a a a a a a aec e e e e i i i i "
    // U+00D0 ÐÑÒÓÔÕÖ× ØÙÚÛ ÜÝÞß
    "d n o o o o o   o u u u u y thss"
    // U+00E0 àáâãäåæç èéêë ìíîï
    "a a a a a a aec e e e e i i i i "
    // U+00F0 ðñòóôõö÷ øùúû üýþÿ
    "d n o o o o o   o u u u u y thy "
    // U+0100 ĀāĂăĄąĆć ĈĉĊċČčĎď
    "a a a a a a c c c c c c c c d d "
    // U+0110 ĐđĒēĔĕĖė ĘęĚěĜĝĞğ
    "d d e e e e e e e e e e g g g g "
    // U+0120 ĠġĢģĤĥĦħ ĨĩĪīĬĭĮį
    "g g g g h h h h i i i i i i i i "
    // U+0130 İıĲĳĴĵĶķ ĸĹĺĻļĽľĿ
    "i i ijijj j k k k l l l l l l l "
    // U+0140 ŀŁłŃńŅņŇ ňŉŊŋŌōŎŏ
    "l l l n n n n n n n n n o o o o "
    // U+0150 ŐőŒœŔŕŖŗ ŘřŚśŜŝŞş
    "o o oeoer r r r r r s s s s s s "
    // U+0160 ŠšŢţŤťŦŧ ŨũŪūŬŭŮů
    "s s t t t t t t u u u u u u u u "
    // U+0170 ŰűŲųŴŵŶŷ ŸŹźŻżŽžſ
    "u u u u w w y y y z z z z z z s ";
// clang-format on

bool is_separator_code_point(char32_t c) {
  if (c < 0x80)
    return !((c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'));
  return (c >= 0x80 && c <= 0xBF) ||                     // Latin-1 controls and punctuation
         (c >= 0x2000 && c <= 0x206F) ||                 // general punctuation, spaces
         (c >= 0x2190 && c <= 0x2BFF) ||                 // arrows, symbols, dingbats
         (c >= 0x3000 && c <= 0x303F) ||                 // CJK punctuation
         (c >= 0xFF00 && c <= 0xFF0F) ||                 // full-width punctuation
         c == 0x060C || c == 0x061B || c == 0x061F ||    // Arabic comma, semicolon, question
         (c >= 0x066A && c <= 0x066D) || c == 0x06D4 ||  // Arabic percent, separators, stop
         c == 0x0964 || c == 0x0965 ||                   // Bengali danda, double danda
         (c >= 0x1F000 && c <= 0x1FAFF);                 // emoji and pictographs
}

// Appends the folded form of `c` to `out` (step 2 of the header), looking back at what is there
// for the marks that combine with the previous letter.
void fold_code_point(char32_t c, std::u32string& out) {
  const auto ends_with = [&](std::u32string_view tail) {
    return out.size() >= tail.size() &&
           std::u32string_view(out).substr(out.size() - tail.size()) == tail;
  };
  // Characters that disappear: ZWNJ, word joiner, byte order mark, soft hyphen.
  if (c == 0x200C || c == 0x2060 || c == 0xFEFF || c == 0x00AD) return;
  // ZWJ: after ta + virama it is the old spelling of khanda ta (ৎ); elsewhere it only shapes.
  if (c == 0x200D) {
    if (ends_with(U"\u09A4\u09CD")) {
      out.resize(out.size() - 2);
      out.push_back(0x09CE);
    }
    return;
  }
  if (c == U'\'' || c == 0x2019 || c == 0x02BC || c == 0x2018 || c == U'`') {
    out.push_back(kApostrophe);
    return;
  }
  if (is_separator_code_point(c)) {
    out.push_back(kSeparator);
    return;
  }
  if (c >= U'A' && c <= U'Z') {
    out.push_back(c + 32);
    return;
  }
  if (c < 0x80) {
    out.push_back(c);
    return;
  }
  // Latin.
  if (c >= 0xC0 && c <= 0x17F) {
    const std::string_view folded = kLatinFold.substr(2 * (c - 0xC0), 2);
    for (char k : folded) {
      if (k != ' ') out.push_back(static_cast<char32_t>(k));
    }
    if (folded == "  ") out.push_back(kSeparator);  // × and ÷
    return;
  }
  if (c == 0x0218 || c == 0x0219) return out.push_back(U's');  // Romanian comma-below letters
  if (c == 0x021A || c == 0x021B) return out.push_back(U't');
  if (c == 0x1E9E) return (void)out.append(U"ss");
  if (c >= 0x0300 && c <= 0x036F) {
    // A decomposed diacritic: dropped, except the ones that make Cyrillic letters of their own.
    if (c == 0x0306 && ends_with(U"\u0438")) out.back() = 0x0439;  // и + breve = й
    if (c == 0x0308 && ends_with(U"\u0456")) out.back() = 0x0457;  // і + diaeresis = ї
    return;
  }
  // Cyrillic: lower case, ё as е and ґ as г (how most people type them).
  if (c >= 0x0410 && c <= 0x042F) c += 0x20;
  if (c >= 0x0400 && c <= 0x040F) c += 0x50;
  if (c == 0x0490 || c == 0x0491) c = 0x0433;
  if (c == 0x0451) c = 0x0435;
  // Arabic: tashkeel, Quranic marks and tatweel go; alef forms, teh marbuta, alef maqsura, hamza
  // seats and the Persian keyboard's yeh and kaf become one letter each.
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
      (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640)
    return;
  if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) c = 0x0627;
  if (c == 0x0629) c = 0x0647;
  if (c == 0x0649 || c == 0x06CC || c == 0x0626) c = 0x064A;
  if (c == 0x0624) c = 0x0648;
  if (c == 0x06A9) c = 0x0643;
  if (c >= 0x0660 && c <= 0x0669) c = U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) c = U'0' + (c - 0x06F0);
  // Bengali: digits; the nukta letters as letter + nukta (their canonical form); the two-part
  // vowel signs o and au as one sign, however they were typed.
  if (c >= 0x09E6 && c <= 0x09EF) c = U'0' + (c - 0x09E6);
  if (c == 0x09DC) return (void)out.append(U"\u09A1\u09BC");
  if (c == 0x09DD) return (void)out.append(U"\u09A2\u09BC");
  if (c == 0x09DF) return (void)out.append(U"\u09AF\u09BC");
  if (c == 0x09BE && ends_with(U"\u09C7")) {
    out.back() = 0x09CB;
    return;
  }
  if (c == 0x09D7 && ends_with(U"\u09C7")) {
    out.back() = 0x09CC;
    return;
  }
  out.push_back(c);
}

enum class Script { digit, latin, cyrillic, arabic, bengali, other };

Script script_of(char32_t c) {
  if (c >= U'0' && c <= U'9') return Script::digit;
  if (c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF)) return Script::latin;
  if (c >= 0x0400 && c <= 0x052F) return Script::cyrillic;
  if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
      (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
    return Script::arabic;
  if (c >= 0x0980 && c <= 0x09FF) return Script::bengali;
  return Script::other;
}

// The script that decides a word's rules: its first letter's (digits follow any script).
Script word_script(std::u32string_view word) {
  for (char32_t c : word) {
    if (script_of(c) != Script::digit) return script_of(c);
  }
  return Script::digit;
}

using WordSet = std::unordered_set<std::u32string>;

// A list of words as fold_words folds them, so that the lists are written as people write.
WordSet folded_set(std::initializer_list<std::string_view> words) {
  WordSet set;
  for (std::string_view word : words) {
    for (auto& folded : fold_words(word)) set.insert(std::move(folded));
  }
  return set;
}

// Small lists: articles, prepositions, conjunctions, pronouns. The elided forms of Italian and
// French ("l'", "dell'") are words of their own once the apostrophe has cut them.
const WordSet& stop_words(Language language) {
  static const WordSet it = folded_set(
      {"il",     "lo",     "la",    "i",     "gli",   "le",    "un",    "uno",   "una",   "di",
       "a",      "da",     "in",    "con",   "su",    "per",   "tra",   "fra",   "e",     "è",
       "ed",     "o",      "od",    "del",   "dello", "della", "dei",   "degli", "delle", "al",
       "allo",   "alla",   "ai",    "agli",  "alle",  "dal",   "dallo", "dalla", "dai",   "dagli",
       "dalle",  "nel",    "nello", "nella", "nei",   "negli", "nelle", "sul",   "sulla", "sui",
       "sulle",  "che",    "chi",   "non",   "si",    "l",     "d",     "dell",  "all",   "dall",
       "nell",   "sull",   "c",     "ci",    "sono",  "come",  "anche", "ma",    "se",    "più",
       "questo", "questa", "loro"});
  static const WordSet en = folded_set(
      {"a",   "an",   "the", "and", "or", "of",   "to",    "in",  "on",   "for",  "with",  "by",
       "at",  "from", "is",  "are", "be", "as",   "it",    "its", "this", "that", "these", "your",
       "you", "our",  "we",  "not", "s",  "into", "their", "who", "can",  "all"});
  static const WordSet fr =
      folded_set({"le",  "la",  "les",  "l",    "un",    "une",  "des",   "de",    "du",
                  "d",   "et",  "ou",   "à",    "au",    "aux",  "en",    "dans",  "pour",
                  "par", "sur", "avec", "sans", "ce",    "ces",  "cette", "qui",   "que",
                  "qu",  "est", "sont", "vous", "votre", "vos",  "nous",  "notre", "nos",
                  "se",  "s",   "n",    "ne",   "pas",   "leur", "leurs", "y",     "c"});
  static const WordSet ar =
      folded_set({"في",  "من",  "إلى",  "على",  "عن",    "مع",  "و",   "أو",  "ثم",   "هذا",
                  "هذه", "ذلك", "التي", "الذي", "الذين", "هو",  "هي",  "ما",  "لا",   "أن",
                  "إن",  "كل",  "قد",   "لم",   "لن",    "بين", "عند", "لدى", "أولئك"});
  static const WordSet uk = folded_set(
      {"і",  "й",   "та",   "в",   "у",    "на",   "з",   "із",  "зі",   "до",  "для",   "від",
       "по", "про", "за",   "о",   "а",    "але",  "чи",  "що",  "як",   "це",  "ці",    "цей",
       "ця", "не",  "ні",   "або", "ж",    "же",   "би",  "б",   "його", "її",  "їх",    "ми",
       "ви", "ти",  "вони", "він", "вона", "воно", "при", "під", "над",  "між", "через", "без"});
  static const WordSet bn = folded_set(
      {"এবং", "ও",    "বা", "এর",  "জন্য",   "থেকে", "এই",   "সেই",  "যে",    "কি", "হয়",   "করে",
       "এক",  "একটি", "আর", "তার", "তাদের", "আমি",  "আমরা", "আপনি", "আপনার", "সব", "দিয়ে", "যা"});
  switch (language) {
    case Language::it:
      return it;
    case Language::en:
      return en;
    case Language::fr:
      return fr;
    case Language::ar:
      return ar;
    case Language::uk:
      return uk;
    case Language::bn:
      return bn;
  }
  return it;
}

bool ends_with(std::u32string_view word, std::u32string_view tail) {
  return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
}
bool starts_with(std::u32string_view word, std::u32string_view head) {
  return word.size() >= head.size() && word.substr(0, head.size()) == head;
}

// Italian: plural and gender endings. "servizio"/"servizi" -> "serviz", "avvocato"/"avvocata"/
// "avvocati"/"avvocate" -> "avvocat", "amica"/"amiche" -> "amic", "sanitaria"/"sanitarie"/
// "sanitario"/"sanitari" -> "sanitar". A stem keeps at least three letters.
std::u32string stem_it(std::u32string word) {
  const auto is_vowel = [](char32_t c) { return c == U'a' || c == U'e' || c == U'i' || c == U'o'; };
  if (word.size() >= 5 && (ends_with(word, U"he") || ends_with(word, U"hi")) &&
      (word[word.size() - 3] == U'c' || word[word.size() - 3] == U'g')) {
    word.resize(word.size() - 2);
  } else if (word.size() >= 5 && (ends_with(word, U"io") || ends_with(word, U"ia") ||
                                  ends_with(word, U"ie") || ends_with(word, U"ii"))) {
    word.resize(word.size() - 2);
  } else if (word.size() >= 4 && is_vowel(word.back())) {
    word.pop_back();
  }
  return word;
}

// English: plurals only. "services" -> "service", "facilities" -> "facility", "churches" ->
// "church"; "women", "men", "children" by name.
std::u32string stem_en(std::u32string word) {
  if (word == U"women") return U"woman";
  if (word == U"men") return U"man";
  if (word == U"children") return U"child";
  if (word.size() >= 5 && ends_with(word, U"ies")) return word.substr(0, word.size() - 3) + U"y";
  for (std::u32string_view tail : {U"sses", U"shes", U"ches", U"xes", U"zes"}) {
    if (word.size() > tail.size() + 1 && ends_with(word, tail))
      return word.substr(0, word.size() - 2);
  }
  if (word.size() >= 4 && word.back() == U's' && !ends_with(word, U"ss") &&
      !ends_with(word, U"us") && !ends_with(word, U"is"))
    word.pop_back();
  return word;
}

// French: plural -s/-x, -aux and -eaux, then the feminine -e (and the -é before it).
// "avocats"/"avocate" -> "avocat", "sociaux"/"sociale" -> "social", "bureaux" -> "bureau".
std::u32string stem_fr(std::u32string word) {
  if (word.size() >= 6 && ends_with(word, U"eaux")) {
    word.pop_back();
  } else if (word.size() >= 5 && ends_with(word, U"aux")) {
    word.resize(word.size() - 2);
    word.push_back(U'l');
  } else if (word.size() >= 4 && (word.back() == U's' || word.back() == U'x')) {
    word.pop_back();
  }
  // Twice: "réfugiée" and "réfugié" both lose their endings.
  for (int i = 0; i < 2 && word.size() >= 4 && word.back() == U'e'; ++i) word.pop_back();
  return word;
}

// Ukrainian: the commonest case endings of nouns and adjectives, the longest that leaves a stem
// of three letters. "консультація"/"консультації"/"консультацією" -> "консультаці",
// "юридична"/"юридичної"/"юридичні" -> "юридичн".
std::u32string stem_uk(std::u32string word) {
  static constexpr std::u32string_view kEndings[] = {
      U"ами", U"ями", U"ові", U"еві", U"єві", U"ого", U"ому", U"ими", U"іми", U"ої",
      U"ою",  U"ею",  U"єю",  U"ій",  U"ий",  U"ім",  U"им",  U"их",  U"іх",  U"ям",
      U"ам",  U"ах",  U"ях",  U"ів",  U"їв",  U"ом",  U"ем",  U"єм",  U"а",   U"я",
      U"у",   U"ю",   U"і",   U"ї",   U"и",   U"о",   U"е",   U"є",   U"ь",   U"й"};
  for (std::u32string_view ending : kEndings) {  // longest first
    if (word.size() >= ending.size() + 3 && ends_with(word, ending)) {
      word.resize(word.size() - ending.size());
      break;
    }
  }
  return word;
}

// Arabic prefixes (Larkey's light stemming, conservatively): a leading "و" (and) when three
// letters remain, then the article with its preposition ("وال", "بال", "كال", "فال", "لل", "ال")
// when two remain. A lone "ب", "ل" or "ك" stays: too many words begin with those letters
// ("بطاقة", "لجوء", "كتاب").
std::u32string strip_arabic_prefixes(std::u32string word) {
  if (word.size() >= 4 && word[0] == 0x0648 && !starts_with(word, U"\u0648\u0627\u0644"))
    word.erase(0, 1);
  for (std::u32string_view prefix :
       {U"\u0648\u0627\u0644", U"\u0628\u0627\u0644", U"\u0643\u0627\u0644", U"\u0641\u0627\u0644",
        U"\u0644\u0644", U"\u0627\u0644"}) {
    if (word.size() >= prefix.size() + 2 && starts_with(word, prefix)) {
      word.erase(0, prefix.size());
      break;
    }
  }
  return word;
}

// Arabic suffixes, each at most once, in this order, when three letters remain: "ها", "ات",
// "ون", "ين", "يه" (ية), "ه" (ة), "ي". "استشارة" and "استشارية" -> "استشار", "خدمات" and
// "خدمة" -> "خدم", "قانوني" -> "قانون". The dual "ان" is left: it ends too many nouns ("مكان").
std::u32string stem_ar(std::u32string word) {
  for (std::u32string_view suffix : {U"\u0647\u0627", U"\u0627\u062A", U"\u0648\u0646",
                                     U"\u064A\u0646", U"\u064A\u0647", U"\u0647", U"\u064A"}) {
    if (word.size() >= suffix.size() + 3 && ends_with(word, suffix))
      word.resize(word.size() - suffix.size());
  }
  return word;
}

}  // namespace

std::string_view language_code(Language language) {
  switch (language) {
    case Language::it:
      return "it";
    case Language::en:
      return "en";
    case Language::fr:
      return "fr";
    case Language::ar:
      return "ar";
    case Language::uk:
      return "uk";
    case Language::bn:
      return "bn";
  }
  return "it";
}

std::optional<Language> parse_language(std::string_view code) {
  for (Language language : kLanguages) {
    if (language_code(language) == code) return language;
  }
  return std::nullopt;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

std::vector<std::u32string> fold_words(std::string_view text) {
  std::u32string folded;
  folded.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = next_code_point(text, i);
    if (c) {
      fold_code_point(*c, folded);
    } else {
      folded.push_back(kSeparator);
    }
  }
  std::vector<std::u32string> words;
  std::u32string word;
  const auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char32_t c = folded[i];
    if (c == kSeparator) {
      flush();
      continue;
    }
    if (c == kApostrophe) {
      // Part of a Ukrainian word ("сім'я", "об'єкт"): dropped, the word goes on.
      const bool inside_cyrillic = !word.empty() && script_of(word.back()) == Script::cyrillic &&
                                   i + 1 < folded.size() &&
                                   script_of(folded[i + 1]) == Script::cyrillic;
      if (!inside_cyrillic) flush();
      continue;
    }
    // A change of script between letters cuts the word; digits go with any script.
    if (!word.empty()) {
      const Script before = script_of(word.back());
      const Script now = script_of(c);
      if (before != now && before != Script::digit && now != Script::digit) flush();
    }
    word.push_back(c);
  }
  flush();
  return words;
}

std::string fold(std::string_view text) {
  std::string out;
  for (const auto& word : fold_words(text)) {
    if (!out.empty()) out.push_back(' ');
    out += to_utf8(word);
  }
  return out;
}

std::optional<Term> analyze_word(std::u32string_view word, Language language) {
  std::u32string surface(word);
  std::u32string stem;
  switch (word_script(word)) {
    case Script::latin:
      if (language != Language::it && language != Language::en && language != Language::fr) {
        stem = surface;
        break;
      }
      if (stop_words(language).contains(surface)) return std::nullopt;
      stem = language == Language::it   ? stem_it(surface)
             : language == Language::en ? stem_en(surface)
                                        : stem_fr(surface);
      break;
    case Script::cyrillic:
      if (stop_words(Language::uk).contains(surface)) return std::nullopt;
      stem = stem_uk(surface);
      break;
    case Script::arabic: {
      const auto& stops = stop_words(Language::ar);
      if (stops.contains(surface)) return std::nullopt;
      // "وفي" (and in): the conjunction on a stop word.
      if (surface.size() > 1 && surface[0] == 0x0648 && stops.contains(surface.substr(1)))
        return std::nullopt;
      surface = strip_arabic_prefixes(std::move(surface));
      stem = stem_ar(surface);
      break;
    }
    case Script::bengali:
      if (stop_words(Language::bn).contains(surface)) return std::nullopt;
      stem = surface;
      break;
    case Script::digit:
    case Script::other:
      stem = surface;
      break;
  }
  return Term{to_utf8(surface), to_utf8(stem)};
}

std::vector<Term> analyze(std::string_view text, Language language) {
  std::vector<Term> terms;
  for (const auto& word : fold_words(text)) {
    if (auto term = analyze_word(word, language)) terms.push_back(std::move(*term));
  }
  return terms;
}

}  // namespace innet::search
