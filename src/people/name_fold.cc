#include "people/name_fold.h"

#include <algorithm>
#include <cstdint>

namespace innet::people {
namespace {

// U+00C0 to U+017F, each code point's folded form ("" keeps the character as written).
constexpr const char* kLatin[] = {
    // U+00C0 ÀÁÂÃÄÅÆÇ ÈÉÊË ÌÍÎÏ
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "ae",
    "c",
    "e",
    "e",
    "e",
    "e",
    "i",
    "i",
    "i",
    "i",
    // U+00D0 ÐÑÒÓÔÕÖ× ØÙÚÛ ÜÝÞß
    "d",
    "n",
    "o",
    "o",
    "o",
    "o",
    "o",
    "",
    "o",
    "u",
    "u",
    "u",
    "u",
    "y",
    "th",
    "ss",
    // U+00E0 àáâãäåæç èéêë ìíîï
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "ae",
    "c",
    "e",
    "e",
    "e",
    "e",
    "i",
    "i",
    "i",
    "i",
    // U+00F0 ðñòóôõö÷ øùúû üýþÿ
    "d",
    "n",
    "o",
    "o",
    "o",
    "o",
    "o",
    "",
    "o",
    "u",
    "u",
    "u",
    "u",
    "y",
    "th",
    "y",
    // U+0100 ĀāĂăĄąĆć ĈĉĊċČčĎď
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "d",
    "d",
    // U+0110 ĐđĒēĔĕĖė ĘęĚěĜĝĞğ
    "d",
    "d",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "g",
    "g",
    "g",
    "g",
    // U+0120 ĠġĢģĤĥĦħ ĨĩĪīĬĭĮį
    "g",
    "g",
    "g",
    "g",
    "h",
    "h",
    "h",
    "h",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    // U+0130 İıĲĳĴĵĶķ ĸĹĺĻļĽľĿ
    "i",
    "i",
    "ij",
    "ij",
    "j",
    "j",
    "k",
    "k",
    "k",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    // U+0140 ŀŁłŃńŅņŇ ňŉŊŋŌōŎŏ
    "l",
    "l",
    "l",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "o",
    "o",
    "o",
    "o",
    // U+0150 ŐőŒœŔŕŖŗ ŘřŚśŜŝŞş
    "o",
    "o",
    "oe",
    "oe",
    "r",
    "r",
    "r",
    "r",
    "r",
    "r",
    "s",
    "s",
    "s",
    "s",
    "s",
    "s",
    // U+0160 ŠšŢţŤťŦŧ ŨũŪūŬŭŮů
    "s",
    "s",
    "t",
    "t",
    "t",
    "t",
    "t",
    "t",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    // U+0170 ŰűŲųŴŵŶŷ ŸŹźŻżŽžſ
    "u",
    "u",
    "u",
    "u",
    "w",
    "w",
    "y",
    "y",
    "y",
    "z",
    "z",
    "z",
    "z",
    "z",
    "z",
    "s",
};
static_assert(std::size(kLatin) == 0x180 - 0xC0);

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The code point at `at` and its length in bytes; 0 for a byte that does not start valid UTF-8.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t at) {
  const auto b = static_cast<unsigned char>(s[at]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || at + n > s.size()) return {0, 0};
  char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t i = 1; i < n; ++i) {
    const auto cont = static_cast<unsigned char>(s[at + i]);
    if ((cont & 0xC0) != 0x80) return {0, 0};
    c = (c << 6) | (cont & 0x3F);
  }
  return {c, n};
}

}  // namespace

std::string fold_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const auto [c, n] = decode(text, at);
    if (n == 0) {  // not UTF-8: kept
      out += text[at++];
      continue;
    }
    at += n;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      out += ' ';
    } else if (c >= 0xC0 && c < 0x180 && *kLatin[c - 0xC0] != '\0') {
      out += kLatin[c - 0xC0];
    } else if (c == 0x218 || c == 0x219) {  // Ș ș
      out += 's';
    } else if (c == 0x21A || c == 0x21B) {  // Ț ț
      out += 't';
    } else if (c >= 0x300 && c <= 0x36F) {  // combining marks
    } else if (c >= 0x410 && c <= 0x42F) {  // А-Я
      append_utf8(out, c + 0x20);
    } else if (c == 0x401 || c == 0x451) {  // Ё ё
      append_utf8(out, 0x435);
    } else if (c >= 0x400 && c <= 0x40F) {  // Ѐ-Џ (Ukrainian Є І Ї, Serbian...)
      append_utf8(out, c + 0x50);
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

std::vector<std::string> query_words(std::string_view query) {
  const std::string folded = fold_name(query);
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at < folded.size()) {
    const auto start = folded.find_first_not_of(' ', at);
    if (start == std::string::npos) break;
    const auto end = std::min(folded.find(' ', start), folded.size());
    std::string word = folded.substr(start, end - start);
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
    at = end;
  }
  return words;
}

std::string search_key(std::string_view family_name, std::string_view given_names,
                       std::string_view family_name_original,
                       std::string_view given_names_original) {
  std::string key = " ";
  for (auto part : {family_name, given_names, family_name_original, given_names_original}) {
    if (part.empty()) continue;
    key += fold_name(part);
    key += ' ';
  }
  return key;
}

std::size_t characters(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (std::size_t at = 0; at < utf8.size();) {
    const auto [c, n] = decode(utf8, at);
    out += n == 0 ? static_cast<char32_t>(static_cast<unsigned char>(utf8[at])) : c;
    at += n == 0 ? 1 : n;
  }
  return out;
}

bool key_matches(std::string_view key, const std::vector<std::string>& words) {
  if (words.empty()) return false;
  for (const auto& word : words) {
    const std::string needle = characters(word) >= kSubstringWord ? word : " " + word + " ";
    if (key.find(needle) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace innet::people
