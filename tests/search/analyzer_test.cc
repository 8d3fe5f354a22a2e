#include "search/analyzer.h"

#include <gtest/gtest.h>

namespace innet::search {
namespace {

// The stems of a text, in order.
std::vector<std::string> stems(std::string_view text, Language language) {
  std::vector<std::string> out;
  for (auto& term : analyze(text, language)) out.push_back(term.stem);
  return out;
}

std::string stem(std::string_view word, Language language) {
  auto all = stems(word, language);
  EXPECT_EQ(all.size(), 1U) << word;
  return all.empty() ? "" : all[0];
}

std::vector<std::string> folded(std::string_view text) {
  std::vector<std::string> out;
  for (auto& word : fold_words(text)) out.push_back(to_utf8(word));
  return out;
}

using Words = std::vector<std::string>;

TEST(SearchAnalyzer, FoldsLatinCaseAndDiacritics) {
  EXPECT_EQ(fold("Città di PALERMO"), "citta di palermo");
  EXPECT_EQ(fold("Società Coopérative ÀÈÉÌÒÙ çñüß ŒUVRE Ørsted İstanbul ȘTEFAN"),
            "societa cooperative aeeiou cnuss oeuvre orsted istanbul stefan");
  // A decomposed "é" (e + U+0301) is the precomposed one.
  EXPECT_EQ(fold("caf\x65\xCC\x81"), "cafe");
}

TEST(SearchAnalyzer, FoldsCyrillicKeepingUkrainianLetters) {
  EXPECT_EQ(fold("ЮРИДИЧНА Консультація"), "юридична консультація");
  EXPECT_EQ(fold("ЇЖАК Єдність ІНША"), "їжак єдність інша");
  EXPECT_EQ(fold("Ґанок"), "ганок");  // ґ as most people type it
  EXPECT_EQ(fold("ЁЛКА ёлка"), "елка елка");
  // й and ї typed as base letter + combining mark.
  EXPECT_EQ(fold("Ки\u0456\xCC\x88"), fold("Киї"));
  EXPECT_EQ(fold("краи\xCC\x86"), "край");
  // The apostrophe inside a Ukrainian word does not cut it, whichever apostrophe.
  EXPECT_EQ(folded("сім'я сім’я сімʼя"), (Words{"сімя", "сімя", "сімя"}));
}

TEST(SearchAnalyzer, NormalisesArabic) {
  // Tashkeel and tatweel go.
  EXPECT_EQ(fold("مُسَاعَدَة"), fold("مساعدة"));
  EXPECT_EQ(fold("مســاعدة"), fold("مساعدة"));
  // Alef forms, teh marbuta, alef maqsura, hamza seats.
  EXPECT_EQ(fold("أحمد إسلام آمنة"), "احمد اسلام امنه");
  EXPECT_EQ(fold("مستشفى"), "مستشفي");
  EXPECT_EQ(fold("مؤسسة لاجئ"), "موسسه لاجي");
  // Arabic-Indic and Persian digits.
  EXPECT_EQ(fold("١١٢ ۱۱۸"), "112 118");
  // Punctuation of the script separates.
  EXPECT_EQ(folded("صحة،تعليم؟"), (Words{"صحه", "تعليم"}));
}

TEST(SearchAnalyzer, ArabicArticleAndPrefixesAreTakenOffConservatively) {
  // "the legal consultation", "and the consultation", "with the consultation" all share a stem
  // with "consultation".
  const auto consultation = stem("استشارة", Language::ar);
  EXPECT_EQ(stem("الاستشارة", Language::ar), consultation);
  EXPECT_EQ(stem("والاستشارة", Language::ar), consultation);
  EXPECT_EQ(stem("بالاستشارة", Language::ar), consultation);
  EXPECT_EQ(stem("استشارات", Language::ar), consultation);
  EXPECT_EQ(stem("خدمات", Language::ar), stem("الخدمة", Language::ar));
  EXPECT_EQ(stem("قانونية", Language::ar), stem("قانوني", Language::ar));
  // A lone ب, ل or ك is part of the word: asylum, card, book stay whole.
  EXPECT_EQ(analyze("لجوء", Language::ar)[0].surface, "لجوء");
  EXPECT_EQ(analyze("بطاقة", Language::ar)[0].surface, "بطاقه");
  // The surface keeps the ending (for prefixes) but not the article.
  EXPECT_EQ(analyze("الاستشارة", Language::ar)[0].surface, "استشاره");
  // Stop words, also with the conjunction.
  EXPECT_EQ(stems("في من إلى وفي على", Language::ar), Words{});
}

TEST(SearchAnalyzer, NormalisesBengali) {
  // ড় typed as one code point or as ড + nukta; য় likewise.
  EXPECT_EQ(fold("\u09DC"), fold("\u09A1\u09BC"));
  EXPECT_EQ(fold("\u09DF"), fold("\u09AF\u09BC"));
  // ো and ৌ typed in two parts.
  EXPECT_EQ(fold("\u0995\u09C7\u09BE"), fold("\u0995\u09CB"));
  EXPECT_EQ(fold("\u0995\u09C7\u09D7"), fold("\u0995\u09CC"));
  // ZWJ and ZWNJ only shape: "ক্‌ষ" (explicit virama) is "ক্ষ"; "ত্‍" is khanda
  // ta "ৎ".
  EXPECT_EQ(fold("\u0995\u09CD\u200C\u09B7"), fold("\u0995\u09CD\u09B7"));
  EXPECT_EQ(fold("\u09AE\u09B9\u09BE\u09A4\u09CD\u200D"), fold("\u09AE\u09B9\u09BE\u09CE"));
  // Bengali digits, the danda separates, the virama is kept (conjuncts differ from their
  // letters apart).
  EXPECT_EQ(folded("১১২।আইনি"), (Words{"112", "আইনি"}));
  EXPECT_NE(fold("\u0995\u09CD\u09B7"), fold("\u0995\u09B7"));
  EXPECT_EQ(stems("আইনি পরামর্শ এবং সহায়তা", Language::bn),
            (Words{"আইনি", "পরামর্শ", fold("সহায়তা")}));
}

TEST(SearchAnalyzer, InvalidUtf8NeverCrashesAndSeparates) {
  EXPECT_EQ(folded("abc\xFF"
                   "def"),
            (Words{"abc", "def"}));
  EXPECT_EQ(folded("x\xC3"), (Words{"x"}));                // truncated sequence at the end
  EXPECT_EQ(folded("a\xC0\xAFz"), (Words{"a", "z"}));      // overlong "/"
  EXPECT_EQ(folded("a\xED\xA0\x80z"), (Words{"a", "z"}));  // a surrogate
  EXPECT_EQ(folded("\x80\x80\x80"), Words{});
  EXPECT_EQ(folded(std::string("a\0b", 3)), (Words{"a", "b"}));
}

TEST(SearchAnalyzer, CutsWordsAtPunctuationApostrophesAndScriptChanges) {
  EXPECT_EQ(folded("l'avvocato, dell'ufficio; COVID-19"),
            (Words{"l", "avvocato", "dell", "ufficio", "covid", "19"}));
  EXPECT_EQ(folded("Caritasكاريتاس"), (Words{"caritas", "كاريتاس"}));
  EXPECT_EQ(folded("h2o 24h"), (Words{"h2o", "24h"}));
  EXPECT_EQ(folded("«Sportello»—aperto…"), (Words{"sportello", "aperto"}));
}

TEST(SearchAnalyzer, ItalianPluralAndGender) {
  EXPECT_EQ(stem("servizi", Language::it), stem("servizio", Language::it));
  EXPECT_EQ(stem("avvocati", Language::it), stem("avvocato", Language::it));
  EXPECT_EQ(stem("avvocata", Language::it), stem("avvocate", Language::it));
  EXPECT_EQ(stem("avvocata", Language::it), stem("avvocato", Language::it));
  EXPECT_EQ(stem("amiche", Language::it), stem("amico", Language::it));
  EXPECT_EQ(stem("sanitaria", Language::it), stem("sanitari", Language::it));
  EXPECT_EQ(stem("Consulenze", Language::it), stem("consulenza", Language::it));
  EXPECT_EQ(stem("città", Language::it), stem("Citta", Language::it));
  EXPECT_NE(stem("casa", Language::it), stem("caso", Language::it) + "x");
  EXPECT_EQ(stems("il servizio per le donne e i minori", Language::it),
            (Words{stem("servizio", Language::it), stem("donna", Language::it),
                   stem("minore", Language::it)}));
}

TEST(SearchAnalyzer, EnglishAndFrenchPlurals) {
  EXPECT_EQ(stem("services", Language::en), "service");
  EXPECT_EQ(stem("facilities", Language::en), "facility");
  EXPECT_EQ(stem("churches", Language::en), "church");
  EXPECT_EQ(stem("women", Language::en), "woman");
  EXPECT_EQ(stem("address", Language::en), "address");
  EXPECT_EQ(stem("status", Language::en), "status");
  EXPECT_EQ(stems("the legal advice for women's shelters", Language::en),
            (Words{"legal", "advice", "woman", "shelter"}));
  EXPECT_EQ(stem("avocats", Language::fr), stem("avocat", Language::fr));
  EXPECT_EQ(stem("avocate", Language::fr), stem("avocat", Language::fr));
  EXPECT_EQ(stem("sociaux", Language::fr), stem("sociale", Language::fr));
  EXPECT_EQ(stem("juridiques", Language::fr), stem("juridique", Language::fr));
  EXPECT_EQ(stem("bureaux", Language::fr), "bureau");
  EXPECT_EQ(stem("réfugiées", Language::fr), stem("réfugié", Language::fr));
  EXPECT_EQ(stems("l'aide aux réfugiés", Language::fr),
            (Words{"aid", stem("refugie", Language::fr)}));
}

TEST(SearchAnalyzer, UkrainianCaseEndings) {
  const auto consultation = stem("консультація", Language::uk);
  for (const char* form : {"консультації", "консультацію", "консультацією", "консультаціями"})
    EXPECT_EQ(stem(form, Language::uk), consultation) << form;
  const auto legal = stem("юридична", Language::uk);
  for (const char* form : {"юридичної", "юридичні", "юридичний", "юридичною", "Юридичного"})
    EXPECT_EQ(stem(form, Language::uk), legal) << form;
  EXPECT_EQ(stem("мігрантів", Language::uk), stem("мігранти", Language::uk));
  // Short words keep three letters at least.
  EXPECT_EQ(stem("дім", Language::uk), "дім");
  EXPECT_EQ(stems("допомога для біженців і мігрантів", Language::uk),
            (Words{stem("допомога", Language::uk), stem("біженці", Language::uk),
                   stem("мігранти", Language::uk)}));
}

TEST(SearchAnalyzer, LatinWordsFollowTheTextsLanguageOtherScriptsTheirOwn) {
  // "servizi" in an Arabic text is only folded; Arabic words in an Italian text are Arabic.
  EXPECT_EQ(stem("Servizi", Language::ar), "servizi");
  EXPECT_EQ(stem("الاستشارة", Language::it), stem("استشارة", Language::ar));
  EXPECT_EQ(stem("консультації", Language::en), stem("консультація", Language::uk));
  // Stop words are the text's language's: "per" is Italian, not English.
  EXPECT_EQ(stems("per", Language::it), Words{});
  EXPECT_EQ(stems("per", Language::en), Words{"per"});
}

TEST(SearchAnalyzer, LanguageCodes) {
  for (Language language : kLanguages) EXPECT_EQ(parse_language(language_code(language)), language);
  EXPECT_FALSE(parse_language("de"));
  EXPECT_FALSE(parse_language("IT"));
}

}  // namespace
}  // namespace innet::search
