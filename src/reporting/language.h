// The language of an exported file, and the catalogue its words come from (issue 9 point 15).
// A file's headers, sheet names and vocabulary values are looked up by key in a catalogue of the
// six languages of the app, never written into an export: an export names its columns by key and
// the catalogue says them in the language asked for. Numbers and dates follow the Italian office's
// conventions whatever the language (see table.h): the file goes to an Italian office's
// spreadsheet even when the person downloading it reads Arabic.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "core/json_input.h"
#include "http/message.h"

namespace innet::reporting {

// In the app's order: Italian first, the default.
enum class Language { it, en, fr, ar, uk, bn };
inline constexpr std::size_t kLanguageCount = 6;
const std::array<std::string, kLanguageCount>& language_codes();  // "it", "en", ...

// `lang` from the query string (the language chosen in the app, which the web adds to a download
// link), else the first language of Accept-Language the app speaks (a browser set to Italian
// gets Italian), else Italian.
Language language_of(const http::Request& request);
// Its code ("it", "en", ...): the language of the labels an answer carries.
const std::string& language_code_of(const http::Request& request);

// The ?lang= query parameter of every route that answers files in the caller's language.
const Field& lang_field();

// key -> the words in each language, in Language order.
using Catalogue = std::map<std::string, std::array<std::string, kLanguageCount>, std::less<>>;

// A catalogue read in one language. A key missing from the catalogue is our bug: it is shown as
// the key itself, so that a file still opens, and a test that reads the headers finds it.
class Labels {
 public:
  Labels(const Catalogue& catalogue, Language language)
      : catalogue_(&catalogue), language_(language) {}
  std::string operator()(std::string_view key) const;
  Language language() const { return language_; }

 private:
  const Catalogue* catalogue_;
  Language language_;
};

}  // namespace innet::reporting
