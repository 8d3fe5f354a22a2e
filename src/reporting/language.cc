#include "reporting/language.h"

#include <algorithm>
#include <cctype>

namespace innet::reporting {

const std::array<std::string, kLanguageCount>& language_codes() {
  static const std::array<std::string, kLanguageCount> codes = {"it", "en", "fr", "ar", "uk", "bn"};
  return codes;
}

namespace {

std::optional<Language> parse_language(std::string_view tag) {
  // "it-IT", "it_IT" and "IT" are Italian: the primary subtag decides.
  std::string primary;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const auto& codes = language_codes();
  const auto it = std::find(codes.begin(), codes.end(), primary);
  if (it == codes.end()) return std::nullopt;
  return static_cast<Language>(it - codes.begin());
}

// The languages of Accept-Language by decreasing weight (q=0 excluded); ties keep their order.
std::optional<Language> accepted_language(std::string_view header) {
  struct Choice {
    Language language;
    double weight;
  };
  std::vector<Choice> choices;
  std::size_t at = 0;
  while (at <= header.size()) {
    const auto end = std::min(header.find(',', at), header.size());
    std::string_view part = header.substr(at, end - at);
    at = end + 1;
    double weight = 1.0;
    if (const auto semi = part.find(';'); semi != std::string_view::npos) {
      const auto q = part.find("q=", semi);
      if (q != std::string_view::npos) {
        try {
          weight = std::stod(std::string(part.substr(q + 2)));
        } catch (...) {
          weight = 0;  // an unreadable weight is no choice
        }
      }
      part = part.substr(0, semi);
    }
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (weight <= 0) continue;
    if (auto l = parse_language(part)) choices.push_back({*l, weight});
  }
  if (choices.empty()) return std::nullopt;
  std::stable_sort(choices.begin(), choices.end(),
                   [](const Choice& a, const Choice& b) { return a.weight > b.weight; });
  return choices.front().language;
}

}  // namespace

Language language_of(const http::Request& request) {
  if (auto it = request.query.find("lang"); it != request.query.end())
    if (auto l = parse_language(it->second)) return *l;
  if (auto header = request.header("accept-language"))
    if (auto l = accepted_language(*header)) return *l;
  return Language::it;
}

const std::string& language_code_of(const http::Request& request) {
  return language_codes()[static_cast<std::size_t>(language_of(request))];
}

const Field& lang_field() {
  static const Field f{.name = "lang",
                       .max_length = 2,
                       .allowed = {language_codes().begin(), language_codes().end()},
                       .description =
                           "the language of a file's headers and words; default: Accept-Language, "
                           "else it"};
  return f;
}

std::string Labels::operator()(std::string_view key) const {
  const auto it = catalogue_->find(key);
  if (it == catalogue_->end()) return std::string(key);
  return it->second[static_cast<std::size_t>(language_)];
}

}  // namespace innet::reporting
