// Person search on both engines: the indexed search finds what the LIKE search before it found,
// in the same order (on the demo data and on a match set large enough for the walk in name
// order), and keeps its documented rules: case, accents, short fragments, identifiers, the
// capped count, and an index that follows every write in its transaction.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "people/persons.h"
#include "person_search_reference.h"
#include "reception/placements/placements.h"
#include "seed/seed.h"
#include "support/engine_test.h"

namespace innet::people {
namespace {

using db::storage_test::EngineTest;

class PersonSearchTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_DB_OK(db::migrate(pool(), app::all_migrations(engine())));
    auto c = pool().acquire();
    ASSERT_DB_OK(c);
    conn_.emplace(std::move(*c));
  }

  void TearDown() override {
    conn_.reset();
    EngineTest::TearDown();
  }

  db::Connection& db() { return **conn_; }

  std::int64_t add(const std::string& family, const std::string& given,
                   std::optional<std::string> original = std::nullopt,
                   std::optional<std::string> cui = std::nullopt,
                   std::optional<std::string> codice_fiscale = std::nullopt) {
    Person p;
    p.family_name = family;
    p.given_names = given;
    p.family_name_original = std::move(original);
    p.cui = std::move(cui);
    p.codice_fiscale = std::move(codice_fiscale);
    p.nationality = "ZZ";
    auto created = create_person(db(), p);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->id : 0;
  }

  std::vector<std::int64_t> ids(const std::string& query, std::int64_t per_page = 100) {
    PersonFilter f;
    f.query = query;
    auto page = list_persons(db(), f, {1, per_page});
    EXPECT_TRUE(page.ok()) << page.error().message;
    std::vector<std::int64_t> out;
    if (page.ok())
      for (const auto& p : page->items) out.push_back(p.id);
    return out;
  }

  // Every page of the search against the reference, until the reference runs out.
  // `hosted_by`: as an operator's staff would search, among the persons its centres host(ed).
  void expect_same_as_like(PersonFilter f, std::int64_t per_page,
                           std::optional<std::int64_t> hosted_by = std::nullopt) {
    if (hosted_by) f.among = reception::persons_hosted_by(*hosted_by);
    SCOPED_TRACE("query \"" + f.query + "\" nationality \"" + f.nationality + "\" operator " +
                 std::to_string(hosted_by.value_or(0)) + " per_page " + std::to_string(per_page));
    for (std::int64_t page = 1;; ++page) {
      auto expected = reference::like_search(db(), f, {page, per_page}, hosted_by);
      ASSERT_DB_OK(expected);
      auto got = list_persons(db(), f, {page, per_page});
      ASSERT_DB_OK(got);
      std::vector<std::int64_t> got_ids;
      for (const auto& p : got->items) got_ids.push_back(p.id);
      ASSERT_EQ(got_ids, expected->ids) << "page " << page;
      // An operator's count is exact; any other stops at the limit.
      const bool capped = !hosted_by && expected->total > kSearchCountLimit;
      ASSERT_EQ(got->total, capped ? kSearchCountLimit : expected->total);
      ASSERT_EQ(got->total_capped, capped);
      if (page * per_page >= expected->total || page >= 3) break;
    }
  }

  std::optional<db::PooledConnection> conn_;
};

// Fragments of a text by characters (UTF-8), from `at` for `length`.
std::string fragment(const std::string& text, std::size_t at, std::size_t length) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  if (at >= starts.size()) return "";
  const std::size_t end = at + length < starts.size() ? starts[at + length] : text.size();
  return text.substr(starts[at], end - starts[at]);
}

std::size_t characters(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string upper_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

TEST_P(PersonSearchTest, FindsWhatTheLikeSearchFoundOnTheDemoData) {
  ASSERT_DB_OK(seed::run(pool(), app::modules(), api::SeedScale::demo, "test-chain-key"));
  auto people = db().query(
      "SELECT family_name, given_names, family_name_original, cui, nationality FROM persons "
      "ORDER BY id");
  ASSERT_DB_OK(people);
  ASSERT_GT(people->size(), 1000u);
  std::set<std::string> queries = {"moha", "MOHA", "Mohamed", "ali", "ALI", "ben a", "enko", "zzqx",
                                   "%",    "%%%",  "a_a",     "a%b", "\"",  "\"ab",  "it's", "\\"};
  // Two dozen persons spread over the whole demo, however large it grows: the test's time (every
  // query against a full LIKE scan, on both engines) must not grow with the other modules' demo.
  const std::size_t step = std::max<std::size_t>(1, people->size() / 24);
  for (std::size_t i = 0; i < people->size(); i += step) {
    const auto& r = (*people)[i];
    queries.insert(fragment(r.text(0), 0, 3));
    queries.insert(upper_ascii(fragment(r.text(0), 1, 4)));
    queries.insert(fragment(r.text(1), 1, 3));
    if (auto original = r.opt_text(2)) {
      queries.insert(*original);
      queries.insert(fragment(*original, 1, 3));
    }
    if (auto cui = r.opt_text(3)) {
      queries.insert(*cui);
      queries.insert(cui->substr(0, 5));  // not a whole CUI: no match through it
    }
  }
  auto operators = db().query("SELECT DISTINCT operator_id FROM centres ORDER BY operator_id");
  ASSERT_DB_OK(operators);
  ASSERT_FALSE(operators->empty());
  for (const auto& q : queries) {
    if (characters(q) < 3) continue;  // whole names only below three characters: tested below
    PersonFilter f;
    f.query = q;
    expect_same_as_like(f, 25);
    expect_same_as_like(f, 100);
    f.nationality = "BD";
    expect_same_as_like(f, 25);
    f.nationality.clear();
    for (std::size_t o = 0; o < std::min<std::size_t>(operators->size(), 2); ++o) {
      expect_same_as_like(f, 25, (*operators)[o].integer(0));
    }
  }
}

// Many matches over few names, many names, and more matches than a filtered count goes to.
TEST_P(PersonSearchTest, ManyMatchesKeepTheOrderAndCapTheCount) {
  std::vector<Person> many;
  const std::vector<std::string> families = {"Rahman",    "Mohamud", "Haddad",
                                             "Kovalenko", "Rahmani", "Diallo"};
  for (int i = 0; i < 6000; ++i) {
    Person p;
    p.family_name = families[static_cast<std::size_t>(i) % families.size()];
    // Every 7th a name of its own; the others share few.
    p.given_names = i % 7 ? std::string(i % 3 ? "Mohamed" : "Ali")
                          : (i % 3 ? "Mohamed " : "Ali ") + std::to_string(i);
    if (i % 11 == 0) p.family_name_original = "Рахман " + std::to_string(i % 13);
    if (i % 501 == 0) p.cui = "RAHMAN" + std::to_string(i);
    p.nationality = i % 2 ? "BD" : "SY";
    many.push_back(p);
  }
  ASSERT_DB_OK(insert_persons(db(), many));
  for (const char* q : {"rahman", "moha", "ohamed 7", "DIALLO", "Ali 70", "nowhere", "Рахман 1",
                        "RAHMAN1002", "RAHMAN1503", "ахм"}) {
    PersonFilter f;
    f.query = q;
    expect_same_as_like(f, 50);
    expect_same_as_like(f, 7);
    f.nationality = "SY";
    expect_same_as_like(f, 50);
  }
  PersonFilter f;
  f.query = "rahman";
  auto page = list_persons(db(), f, {40, 50});  // past the counted matches, still served
  ASSERT_DB_OK(page);
  EXPECT_TRUE(page->total_capped);
  EXPECT_EQ(page->total, kSearchCountLimit);
  EXPECT_EQ(page->items.size(), 50u);
}

TEST_P(PersonSearchTest, CaseAccentsAndScripts) {
  const auto kovalenko = add("Kovalenko", "Olena", "Коваленко");
  const auto traore = add("Traoré", "Awa");
  const auto rahman = add("Rahman", "Abdul", "রহমান");
  const auto haddad = add("Haddad", "Youssef", "حداد");
  EXPECT_EQ(ids("KOVAL"), std::vector<std::int64_t>{kovalenko});
  EXPECT_EQ(ids("oLeN"), std::vector<std::int64_t>{kovalenko});
  // The original script is matched as written, in any script.
  EXPECT_EQ(ids("оваленк"), std::vector<std::int64_t>{kovalenko});
  EXPECT_EQ(ids("রহমা"), std::vector<std::int64_t>{rahman});
  EXPECT_EQ(ids("حدا"), std::vector<std::int64_t>{haddad});
  // Accents and case fold alike on both engines (name_fold.h): Latin letters lose their
  // diacritics, Latin and Cyrillic capitals are small letters.
  EXPECT_EQ(ids("traoré"), std::vector<std::int64_t>{traore});
  EXPECT_EQ(ids("Traore"), std::vector<std::int64_t>{traore});
  EXPECT_EQ(ids("TRAORÉ"), std::vector<std::int64_t>{traore});
  EXPECT_EQ(ids("traore\u0301"), std::vector<std::int64_t>{traore});  // decomposed é
  EXPECT_EQ(ids("КОВАЛЕНКО"), std::vector<std::int64_t>{kovalenko});
  // Within one field only.
  EXPECT_EQ(ids("rahmanabdul"), std::vector<std::int64_t>{});
  EXPECT_EQ(ids("nowhere"), std::vector<std::int64_t>{});
}

TEST_P(PersonSearchTest, WordsInAnyOrderAcrossTheNames) {
  const auto andrii = add("Kravchenko", "Andrii", "Кравченко");
  const auto olena = add("Kravchenko", "Olena");
  const auto awa = add("Traoré", "Awa Mariam");
  Person p;
  p.family_name = "Haddad";
  p.given_names = "Youssef";
  p.given_names_original = "يوسف";
  p.nationality = "SY";
  auto youssef = create_person(db(), p);
  ASSERT_DB_OK(youssef);
  EXPECT_EQ(ids("Kravchenko Andrii"), std::vector<std::int64_t>{andrii});
  EXPECT_EQ(ids("andrii  KRAVCHENKO"), std::vector<std::int64_t>{andrii});
  EXPECT_EQ(ids("kravch"), (std::vector<std::int64_t>{andrii, olena}));
  EXPECT_EQ(ids("кравченко andrii"), std::vector<std::int64_t>{andrii});
  EXPECT_EQ(ids("mariam traore"), std::vector<std::int64_t>{awa});
  EXPECT_EQ(ids("awa traore"), std::vector<std::int64_t>{awa});
  EXPECT_EQ(ids("Kravchenko Awa"), std::vector<std::int64_t>{});
  // Given names in the original script are searched too.
  EXPECT_EQ(ids("يوسف"), std::vector<std::int64_t>{youssef->id});
  EXPECT_EQ(ids("haddad يوس"), std::vector<std::int64_t>{youssef->id});
  // Only spaces: nobody.
  EXPECT_EQ(ids("   "), std::vector<std::int64_t>{});
}

TEST_P(PersonSearchTest, ShortFragmentsMatchWholeNames) {
  const auto li = add("Li", "Wei", "李");
  const auto ali = add("Ben Ali", "Ali");
  const auto bo = add("Sow", "Bo");
  EXPECT_EQ(ids("LI"), std::vector<std::int64_t>{li});
  EXPECT_EQ(ids("ali").size(), 1u);  // three characters: a substring again
  EXPECT_EQ(ids("ali")[0], ali);
  EXPECT_EQ(ids("bo"), std::vector<std::int64_t>{bo});
  EXPECT_EQ(ids("李"), std::vector<std::int64_t>{li});
  EXPECT_EQ(ids("W"), std::vector<std::int64_t>{});
  EXPECT_EQ(ids("%"), std::vector<std::int64_t>{});
}

TEST_P(PersonSearchTest, IdentifiersMatchWhole) {
  const auto a = add("Rossi", "Mario", std::nullopt, "ABC123456", "RSSMRA85T10A562S");
  add("Bianchi", "Anna", std::nullopt, "ABC1234567");
  EXPECT_EQ(ids("ABC123456"), std::vector<std::int64_t>{a});
  EXPECT_EQ(ids("RSSMRA85T10A562S"), std::vector<std::int64_t>{a});
  EXPECT_EQ(ids("ABC1234"), std::vector<std::int64_t>{});
  EXPECT_EQ(ids("rssmra85t10a562s"), std::vector<std::int64_t>{});
  EXPECT_EQ(ids("A562S"), std::vector<std::int64_t>{});
}

TEST_P(PersonSearchTest, TheIndexFollowsWritesInTheirTransaction) {
  const auto id = add("Mansour", "Karim", "منصور");
  ASSERT_DB_OK(db().begin());
  auto p = find_person(db(), id);
  ASSERT_DB_OK(p);
  p->family_name = "Nasser";
  p->family_name_original = "ناصر";
  ASSERT_DB_OK(update_person(db(), *p));
  EXPECT_EQ(ids("nasser"), std::vector<std::int64_t>{id});  // seen inside the transaction
  ASSERT_DB_OK(db().rollback());
  EXPECT_EQ(ids("nasser"), std::vector<std::int64_t>{});
  EXPECT_EQ(ids("منصو"), std::vector<std::int64_t>{id});
  ASSERT_DB_OK(db().begin());
  ASSERT_DB_OK(update_person(db(), *p));
  ASSERT_DB_OK(db().commit());
  EXPECT_EQ(ids("mansour"), std::vector<std::int64_t>{});
  EXPECT_EQ(ids("منصو"), std::vector<std::int64_t>{});
  EXPECT_EQ(ids("ناص"), std::vector<std::int64_t>{id});
  EXPECT_EQ(ids("NASS"), std::vector<std::int64_t>{id});
}

INSTANTIATE_TEST_SUITE_P(Engines, PersonSearchTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::people
