#include "search/index.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

namespace innet::search {
namespace {

using Ids = std::vector<std::string>;

CivilDay day(std::string_view text) {
  return CivilDay::parse(text).value_or(kEarliestDay);
}

Document doc(std::string id, Language language, std::string name, std::string description = "",
             std::string eligibility = "", std::string extra = "") {
  Document d;
  d.id = std::move(id);
  d.texts.push_back({language, std::move(name), std::move(description), std::move(eligibility),
                     std::move(extra)});
  return d;
}

Ids ids(const Page& page) {
  Ids out;
  for (const auto& hit : page.hits) out.push_back(hit.id);
  return out;
}

Ids search(const Index& index, std::string text, std::optional<Language> language = std::nullopt) {
  Query q;
  q.text = std::move(text);
  q.language = language;
  return ids(index.query(q));
}

TEST(SearchIndex, RanksNameAboveDescriptionAboveExtra) {
  Index index;
  index.upsert(doc("extra", Language::it, "Sportello", "Orientamento ai servizi", "", "avvocato"));
  index.upsert(doc("description", Language::it, "Sportello", "Un avvocato risponde", ""));
  index.upsert(doc("name", Language::it, "Avvocato di strada", "Orientamento ai servizi"));
  index.upsert(doc("none", Language::it, "Mensa", "Pasti caldi"));
  EXPECT_EQ(search(index, "avvocato "), (Ids{"name", "description", "extra"}));
}

TEST(SearchIndex, EqualScoresComeInIdOrderAcrossPages) {
  // Identical texts score alike: the id decides, as text, whether the index compares two UUIDs
  // packed or reads the ids; after a replacement and a removal too.
  Index index;
  // UUIDs (compared packed) and other ids (compared as text) mixed.
  const Ids in_order = {"0000000a-2",
                        "0000000a-3",
                        "0000000a-30",
                        "0000000b",
                        "1",
                        "b0000000-0000-4000-8000-000000000009",
                        "b0000000-0000-4000-8000-00000000000a",
                        "b0000000-0000-4000-8000-000000000010",
                        "b0000000-0000-4000-8000-00000000001A",
                        "b0000000-0000-4000-8000-00000000001a",
                        "c"};
  for (const auto& id :
       {"c", "b0000000-0000-4000-8000-000000000010", "0000000a-30", "1",
        "b0000000-0000-4000-8000-00000000001a", "0000000b", "b0000000-0000-4000-8000-00000000000a",
        "0000000a-3", "0000000a-2", "b0000000-0000-4000-8000-00000000001A",
        "b0000000-0000-4000-8000-000000000009", "x"})
    index.upsert(doc(id, Language::it, "Sportello unico", "Orientamento"));
  index.upsert(doc("1", Language::it, "Sportello unico", "Orientamento"));
  EXPECT_TRUE(index.remove("x"));
  Query q;
  q.text = "sportello ";
  q.limit = 6;
  const auto first = index.query(q);
  q.offset = 6;
  const auto second = index.query(q);
  Ids all = ids(first);
  for (const auto& id : ids(second)) all.push_back(id);
  EXPECT_EQ(all, in_order);
}

TEST(SearchIndex, ARareWordOutweighsACommonOne) {
  Index index;
  for (int i = 0; i < 20; ++i)
    index.upsert(doc("common" + std::to_string(i), Language::it, "Servizio sociale"));
  // Both have both words, each one of them in its name: the rarer word in the name wins.
  index.upsert(doc("common-named", Language::it, "Servizio sociale", "mediazione familiare"));
  index.upsert(doc("rare-named", Language::it, "Mediazione sociale", "servizio familiare"));
  Query q;
  q.text = "servizio mediazione ";
  const auto page = index.query(q);
  ASSERT_EQ(page.total, 2U);
  EXPECT_FALSE(page.partial);
  EXPECT_EQ(ids(page), (Ids{"rare-named", "common-named"}));
  EXPECT_GT(page.hits[0].score, page.hits[1].score);
}

TEST(SearchIndex, EveryWordIsRequiredThenTheBestPartialMatches) {
  Index index;
  index.upsert(doc("legal", Language::it, "Consulenza legale"));
  index.upsert(doc("health", Language::it, "Consulenza sanitaria", "ambulatorio"));
  index.upsert(doc("house", Language::it, "Casa di accoglienza"));
  EXPECT_EQ(search(index, "consulenza legale "), Ids{"legal"});
  // No service has all three: those with the most words first, flagged partial.
  Query q;
  q.text = "consulenza sanitaria legale ambulatorio ";
  auto page = index.query(q);
  EXPECT_TRUE(page.partial);
  EXPECT_EQ(ids(page), (Ids{"health", "legal"}));
  // A single word that nothing has: nothing, not partial.
  q.text = "zzz ";
  page = index.query(q);
  EXPECT_EQ(page.total, 0U);
  EXPECT_FALSE(page.partial);
}

TEST(SearchIndex, FindsOtherFormsOfAWord) {
  Index index;
  index.upsert(doc("it", Language::it, "Servizi per avvocate"));
  index.upsert(doc("en", Language::en, "Women's shelters"));
  index.upsert(doc("fr", Language::fr, "Conseils juridiques des avocates"));
  index.upsert(doc("uk", Language::uk, "Юридичні консультації"));
  index.upsert(doc("ar", Language::ar, "الاستشارات القانونية"));
  EXPECT_EQ(search(index, "servizio avvocato "), Ids{"it"});
  EXPECT_EQ(search(index, "woman shelter "), Ids{"en"});
  EXPECT_EQ(search(index, "avocat conseil "), Ids{"fr"});
  EXPECT_EQ(search(index, "юридична консультація "), Ids{"uk"});
  EXPECT_EQ(search(index, "استشارة قانونية "), Ids{"ar"});
  // Without diacritics and in capitals.
  EXPECT_EQ(search(index, "CONSEILS JURIDIQUES "), Ids{"fr"});
}

TEST(SearchIndex, TheLastWordIsAPrefixWhileTyping) {
  Index index;
  index.upsert(doc("lawyer", Language::it, "Avvocato di strada"));
  index.upsert(doc("notice", Language::it, "Avviso pubblico"));
  index.upsert(doc("other", Language::it, "Mensa"));
  EXPECT_EQ(search(index, "avvo"), Ids{"lawyer"});
  EXPECT_EQ(search(index, "avv").size(), 2U);
  // Finished with a space, the word is whole: "avv" is no word.
  EXPECT_EQ(search(index, "avv "), Ids{});
  // One character is not a prefix.
  EXPECT_EQ(search(index, "a"), Ids{});
  // The typed word in full ranks above a longer word it begins.
  index.upsert(doc("avviso-long", Language::it, "Avvisatori acustici"));
  EXPECT_EQ(search(index, "avvis")[0], "notice");
  // Arabic prefixes: the article does not count as the start of the word.
  index.upsert(doc("ar", Language::ar, "الاستشارة القانونية"));
  EXPECT_EQ(search(index, "است"), Ids{"ar"});
  EXPECT_EQ(search(index, "الاست"), Ids{"ar"});
  // A prefix on a stem: "servizi" is typed on to "servizio".
  index.upsert(doc("service", Language::it, "Servizio mensa"));
  EXPECT_EQ(search(index, "mensa servizi"), Ids{"service"});
}

TEST(SearchIndex, AStopWordBeingTypedIsOptional) {
  Index index;
  index.upsert(doc("courses", Language::it, "Corsi di italiano"));
  index.upsert(doc("permits", Language::it, "Corsi per il permesso di soggiorno"));
  // "per" could be the preposition or the start of "permesso": both match, "permesso" ranks.
  EXPECT_EQ(search(index, "corsi per"), (Ids{"permits", "courses"}));
  // Only stop words, finished: nothing to search.
  EXPECT_EQ(search(index, "il per "), Ids{});
}

TEST(SearchIndex, RightToLeftAndOtherScripts) {
  Index index;
  Document d = doc("multi", Language::it, "Consulenza legale", "Avvocati per stranieri");
  d.texts.push_back({Language::ar, "استشارة قانونية", "محامون للأجانب", "", ""});
  d.texts.push_back({Language::uk, "Юридична консультація", "Адвокати для іноземців", "", ""});
  d.texts.push_back({Language::bn, "আইনি পরামর্শ", "বিদেশিদের জন্য আইনজীবী", "", ""});
  index.upsert(d);
  index.upsert(doc("other", Language::ar, "مساعدة طبية"));
  EXPECT_EQ(search(index, "استشارة"), Ids{"multi"});
  EXPECT_EQ(search(index, "الاستشارة القانونية"), Ids{"multi"});
  EXPECT_EQ(search(index, "مُسْتَشَار"), Ids{});  // another word, with its tashkeel
  EXPECT_EQ(search(index, "طبية"), Ids{"other"});
  EXPECT_EQ(search(index, "консультації"), Ids{"multi"});
  EXPECT_EQ(search(index, "আইনি পরামর্শ"), Ids{"multi"});
  EXPECT_EQ(search(index, "আইন"), Ids{"multi"});  // prefix
}

TEST(SearchIndex, TheReadersLanguageRanksFirst) {
  Index index;
  index.upsert(doc("it", Language::it, "Consulenza legale"));
  index.upsert(doc("en", Language::en, "Legal advice"));
  // "legal" is a word of both texts.
  EXPECT_EQ(search(index, "legal ", Language::en), (Ids{"en", "it"}));
  EXPECT_EQ(search(index, "legale ", Language::it)[0], "it");
}

TEST(SearchIndex, EachFilter) {
  Index index;
  Document a = doc("a", Language::it, "Sportello legale");
  a.terms = {"legal", "women"};
  a.municipalities = {"082053"};
  a.languages_spoken = {"it", "AR"};
  a.free_of_charge = true;
  Document b = doc("b", Language::it, "Sportello sanitario");
  b.terms = {"health", "women"};
  b.municipalities = {"082006", "082053"};
  b.languages_spoken = {"en"};
  Document c = doc("c", Language::it, "Sportello lavoro");
  c.terms = {"jobs"};
  c.municipalities = {"082006"};
  index.upsert({a, b, c});

  const auto run = [&](auto set) {
    Query q;
    q.text = "sportello";
    set(q);
    auto page = index.query(q);
    auto out = ids(page);
    std::sort(out.begin(), out.end());
    EXPECT_EQ(page.total, out.size());
    return out;
  };
  EXPECT_EQ(run([](Query&) {}), (Ids{"a", "b", "c"}));
  EXPECT_EQ(run([](Query& q) { q.all_terms = {"women"}; }), (Ids{"a", "b"}));
  EXPECT_EQ(run([](Query& q) { q.all_terms = {"women", "legal"}; }), Ids{"a"});
  EXPECT_EQ(run([](Query& q) { q.all_terms = {"unknown"}; }), Ids{});
  EXPECT_EQ(run([](Query& q) { q.any_municipality = {"082006"}; }), (Ids{"b", "c"}));
  EXPECT_EQ(run([](Query& q) { q.any_municipality = {"082053", "999999"}; }), (Ids{"a", "b"}));
  EXPECT_EQ(run([](Query& q) { q.any_municipality = {"999999"}; }), Ids{});
  EXPECT_EQ(run([](Query& q) { q.language_spoken = "ar"; }), Ids{"a"});
  EXPECT_EQ(run([](Query& q) { q.language_spoken = "EN"; }), Ids{"b"});
  EXPECT_EQ(run([](Query& q) { q.language_spoken = "bn"; }), Ids{});
  EXPECT_EQ(run([](Query& q) { q.free_only = true; }), Ids{"a"});
  EXPECT_EQ(run([](Query& q) {
              q.all_terms = {"women"};
              q.any_municipality = {"082006"};
            }),
            Ids{"b"});
  // The same filters when browsing.
  Query browse;
  browse.all_terms = {"women"};
  EXPECT_EQ(index.query(browse).total, 2U);
}

TEST(SearchIndex, AFilterKeepsHoldingForThePartialMatches) {
  Index index;
  for (int i = 0; i < 5; ++i)
    index.upsert(doc("open" + std::to_string(i), Language::it, "Sportello aperto"));
  Document legal = doc("legal", Language::it, "Sportello legale");
  legal.terms = {"legal"};
  index.upsert(legal);
  Query q;
  q.text = "sportello aperto";
  q.all_terms = {"legal"};
  // Five services have both words, none of them the term: the one with the term and one word.
  const auto page = index.query(q);
  EXPECT_TRUE(page.partial);
  EXPECT_EQ(ids(page), Ids{"legal"});
  // And the next query starts clean.
  q.all_terms.clear();
  EXPECT_EQ(index.query(q).total, 5U);
}

TEST(SearchIndex, OpenAtALocalDayAndMinute) {
  Index index;
  // Friday 2026-12-04. "bar": Fridays 22:00 to 02:00, split by the caller at midnight.
  Document bar = doc("bar", Language::it, "Unità di strada");
  bar.openings = {{.weekday = 4, .opens_minute = 22 * 60, .closes_minute = 1440},
                  {.weekday = 5, .opens_minute = 0, .closes_minute = 2 * 60}};
  // "office": Monday to Friday 9-13, only in December 2026.
  Document office = doc("office", Language::it, "Ufficio");
  for (int weekday = 0; weekday < 5; ++weekday)
    office.openings.push_back({.weekday = weekday,
                               .opens_minute = 9 * 60,
                               .closes_minute = 13 * 60,
                               .valid_from = day("2026-12-01"),
                               .valid_to = day("2026-12-31")});
  Document unknown = doc("unknown", Language::it, "Sportello");  // hours unknown
  index.upsert({bar, office, unknown});

  const auto open_at = [&](std::string_view d, int hour, int minute) {
    Query q;
    q.open_at = std::pair(day(d), hour * 60 + minute);
    auto out = ids(index.query(q));
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(open_at("2026-12-04", 10, 0), Ids{"office"});  // Friday morning
  EXPECT_EQ(open_at("2026-12-04", 13, 0), Ids{});          // closes at 13:00
  EXPECT_EQ(open_at("2026-12-04", 8, 59), Ids{});
  EXPECT_EQ(open_at("2026-12-04", 23, 30), Ids{"bar"});  // Friday night
  EXPECT_EQ(open_at("2026-12-05", 1, 59), Ids{"bar"});   // past midnight, Saturday
  EXPECT_EQ(open_at("2026-12-05", 2, 0), Ids{});
  EXPECT_EQ(open_at("2026-12-06", 10, 0), Ids{});         // Sunday
  EXPECT_EQ(open_at("2026-12-31", 9, 0), Ids{"office"});  // last valid day (Thursday)
  EXPECT_EQ(open_at("2027-01-04", 10, 0), Ids{});         // a Monday after validity
  EXPECT_EQ(open_at("2026-11-30", 10, 0), Ids{});         // a Monday before it
  // With words: the candidates are tested one by one (few) or against the day's list (many).
  const auto text_open_at = [&](std::string text, std::string_view d, int minute) {
    Query q;
    q.text = std::move(text);
    q.open_at = std::pair(day(d), minute);
    return ids(index.query(q));
  };
  EXPECT_EQ(text_open_at("ufficio", "2026-12-04", 600), Ids{"office"});
  EXPECT_EQ(text_open_at("ufficio", "2026-12-04", 800), Ids{});
  EXPECT_EQ(text_open_at("strada", "2026-12-05", 60), Ids{"bar"});
  for (int i = 0; i < 30; ++i) {
    Document other = doc("other" + std::to_string(i), Language::it, "Altro");
    other.openings = {{.weekday = 4, .opens_minute = 0, .closes_minute = 1440}};
    index.upsert(other);
  }
  EXPECT_EQ(text_open_at("ufficio", "2026-12-04", 600), Ids{"office"});
  EXPECT_EQ(text_open_at("ufficio", "2026-12-04", 800), Ids{});
  EXPECT_EQ(text_open_at("altro", "2026-12-04", 800).size(), 20U);
}

TEST(SearchIndex, NearAPointSortsByDistanceWhenBrowsing) {
  Index index;
  const GeoPoint palermo{38.1157, 13.3615};
  Document centre = doc("centre", Language::it, "Sportello centro");
  centre.points = {{38.1160, 13.3620}};
  Document monreale = doc("monreale", Language::it, "Sportello Monreale");
  monreale.points = {{38.0817, 13.2897}};
  Document cefalu = doc("cefalu", Language::it, "Sportello Cefalù");
  cefalu.points = {{38.0380, 14.0220}, {38.12, 13.50}};  // two locations: the nearer counts
  Document virtual_one = doc("online", Language::it, "Sportello online");  // no points
  index.upsert({cefalu, virtual_one, monreale, centre});

  Query q;
  q.near = palermo;
  auto page = index.query(q);
  EXPECT_EQ(ids(page), (Ids{"centre", "monreale", "cefalu", "online"}));
  ASSERT_TRUE(page.hits[1].distance_km);
  EXPECT_NEAR(*page.hits[1].distance_km, 7.2, 0.3);  // Palermo to Monreale
  EXPECT_NEAR(*page.hits[2].distance_km, distance_km(palermo, {38.12, 13.50}), 1e-6);
  EXPECT_FALSE(page.hits[3].distance_km);

  q.within_km = 10;
  EXPECT_EQ(ids(index.query(q)), (Ids{"centre", "monreale"}));
  // With text the relevance orders; the radius still filters.
  q.text = "sportello cefalu";
  q.within_km = 20;
  EXPECT_EQ(ids(index.query(q)), Ids{"cefalu"});
  // Nothing that near has both words: the best partial matches within the radius.
  q.within_km = 5;
  page = index.query(q);
  EXPECT_TRUE(page.partial);
  EXPECT_EQ(ids(page), Ids{"centre"});
  EXPECT_NEAR(distance_km(palermo, {38.1157, 13.3615}), 0, 1e-9);
}

TEST(SearchIndex, BrowsingOrdersByNameInTheReadersLanguageAndPages) {
  Index index;
  Document b = doc("1", Language::it, "Biblioteca");
  b.texts.push_back({Language::en, "Library", "", "", ""});
  Document a = doc("2", Language::it, "Ambulatorio");
  a.texts.push_back({Language::en, "Surgery", "", "", ""});
  Document c = doc("3", Language::en, "Center");  // no Italian: its English name
  index.upsert({b, a, c});
  Query q;
  EXPECT_EQ(ids(index.query(q)), (Ids{"2", "1", "3"}));
  q.language = Language::en;
  EXPECT_EQ(ids(index.query(q)), (Ids{"3", "1", "2"}));
  q.offset = 1;
  q.limit = 1;
  auto page = index.query(q);
  EXPECT_EQ(ids(page), Ids{"1"});
  EXPECT_EQ(page.total, 3U);
  q.offset = 3;
  page = index.query(q);
  EXPECT_EQ(ids(page), Ids{});
  EXPECT_EQ(page.total, 3U);
}

TEST(SearchIndex, UpsertReplacesAndRemoveRemoves) {
  Index index;
  index.upsert(doc("x", Language::it, "Mensa dei poveri"));
  EXPECT_EQ(search(index, "mensa "), Ids{"x"});
  index.upsert(doc("x", Language::it, "Dormitorio"));
  EXPECT_EQ(index.size(), 1U);
  EXPECT_EQ(search(index, "mensa "), Ids{});
  EXPECT_EQ(search(index, "dormitorio "), Ids{"x"});
  EXPECT_TRUE(index.remove("x"));
  EXPECT_FALSE(index.remove("x"));
  EXPECT_EQ(index.size(), 0U);
  EXPECT_EQ(search(index, "dormitorio "), Ids{});
  EXPECT_EQ(index.query(Query{}).total, 0U);
}

TEST(SearchIndex, ManyReplacementsCompactAndKeepAnswering) {
  Index index;
  index.upsert(doc("stay", Language::it, "Biblioteca comunale"));
  for (int i = 0; i < 3000; ++i) {
    Document d = doc("moving", Language::it, "Versione " + std::to_string(i), "biblioteca");
    d.terms = {"t" + std::to_string(i)};
    d.municipalities = {"082053"};
    d.languages_spoken = {"ar"};
    d.openings = {{.weekday = 0, .opens_minute = 540, .closes_minute = 780}};
    d.points = {{38.0, 13.0}};
    index.upsert(d);
  }
  const auto stats = index.stats();
  EXPECT_EQ(stats.documents, 2U);
  EXPECT_LT(stats.dead_slots, 1100U);    // compacted on the way
  EXPECT_LT(stats.postings, 3 * 1100U);  // three words a version, the dead ones' dropped
  EXPECT_LT(stats.terms, 1100U);
  EXPECT_EQ(search(index, "biblioteca "), (Ids{"stay", "moving"}));
  EXPECT_EQ(search(index, "2999 "), Ids{"moving"});
  EXPECT_EQ(search(index, "2998 "), Ids{});
  // The filters' lists, the openings and the points were renumbered with the slots.
  Query q;
  q.all_terms = {"t2999"};
  q.any_municipality = {"082053"};
  q.language_spoken = "ar";
  EXPECT_EQ(ids(index.query(q)), Ids{"moving"});
  q.all_terms = {"t2998"};
  EXPECT_EQ(ids(index.query(q)), Ids{});
  Query open;
  open.open_at = std::pair(day("2026-12-07"), 600);  // a Monday
  EXPECT_EQ(ids(index.query(open)), Ids{"moving"});
  Query near;
  near.near = GeoPoint{38.0, 13.0};
  near.within_km = 1;
  const auto page = index.query(near);
  EXPECT_EQ(ids(page), Ids{"moving"});
  EXPECT_NEAR(*page.hits[0].distance_km, 0, 1e-6);
}

TEST(SearchIndex, ReadersAndAWriterAtOnce) {
  Index index;
  for (int i = 0; i < 200; ++i)
    index.upsert(doc(std::to_string(i), Language::it, "Servizio " + std::to_string(i)));
  std::atomic<bool> wrong = false;
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      for (int i = 0; i < 300; ++i) {
        Query q;
        q.text = "servizio";
        q.limit = 5;
        if (index.query(q).total < 200) wrong = true;
      }
    });
  }
  for (int i = 200; i < 1500; ++i)
    index.upsert(doc(std::to_string(i % 400), Language::it, "Servizio nuovo"));
  for (auto& reader : readers) reader.join();
  EXPECT_FALSE(wrong);
  EXPECT_EQ(index.size(), 400U);
}

TEST(SearchIndex, BadInputIsHarmless) {
  Index index;
  Document d = doc("bad", Language::it, "Nome \xFF\xFE rotto", std::string(70000, 'a') + " fine");
  d.points = {{std::nan(""), 13.0}, {95.0, 13.0}, {38.1, 13.3}};
  d.openings = {{.weekday = 9, .opens_minute = 0, .closes_minute = 1440}};
  index.upsert(d);
  EXPECT_EQ(search(index, "rotto "), Ids{"bad"});
  EXPECT_EQ(search(index, "\xC0\xAF fine"), Ids{"bad"});
  Query q;
  q.near = GeoPoint{38.1, 13.3};
  q.within_km = 1;
  EXPECT_EQ(ids(index.query(q)), Ids{"bad"});
  q.near = GeoPoint{std::nan(""), 0};
  EXPECT_EQ(index.query(q).total, 1U);  // an unusable point: no distance, no radius
  Query huge;
  huge.text = std::string(1000, 'x') + " " + std::string(40 * 3, 'y');
  huge.limit = std::numeric_limits<std::size_t>::max();
  huge.offset = std::numeric_limits<std::size_t>::max() - 1;
  EXPECT_EQ(index.query(huge).total, 0U);
}

}  // namespace
}  // namespace innet::search

namespace innet::search {
namespace {

TEST(SearchIndex, TermGroupsAreAnyOfWithinAllOfAcross) {
  Index index;
  auto with = [](std::string id, std::vector<std::string> terms) {
    Document d = doc(std::move(id), Language::it, "Sportello");
    d.terms = std::move(terms);
    return d;
  };
  index.upsert(with("health", {"cat:health", "permit:asylum"}));
  index.upsert(with("legal", {"cat:legal"}));
  index.upsert(with("housing", {"cat:housing", "permit:asylum"}));
  Query q;
  q.any_terms = {{"cat:health", "cat:legal"}};
  EXPECT_EQ(ids(index.query(q)), (Ids{"health", "legal"}));
  q.any_terms.push_back({"permit:asylum"});
  EXPECT_EQ(ids(index.query(q)), (Ids{"health"}));
  q.any_terms = {{"cat:nobody"}};
  EXPECT_TRUE(index.query(q).hits.empty());
}

TEST(SearchIndex, NearestFirstOrdersTextMatchesByDistance) {
  Index index;
  auto at = [](std::string id, std::string name, double lat) {
    Document d = doc(std::move(id), Language::it, std::move(name));
    d.points = {{lat, 13.36}};
    return d;
  };
  index.upsert(at("far", "Avvocato avvocato di strada", 38.5));  // the better text match
  index.upsert(at("near", "Sportello con avvocato", 38.12));
  Query q;
  q.text = "avvocato ";
  q.near = GeoPoint{38.12, 13.36};
  EXPECT_EQ(ids(index.query(q)).front(), "far");  // relevance first, distance breaks ties
  q.nearest_first = true;
  EXPECT_EQ(ids(index.query(q)), (Ids{"near", "far"}));
}

}  // namespace
}  // namespace innet::search
