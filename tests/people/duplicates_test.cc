// Duplicate candidates and merges in storage, on both engines (decision 0026): the keys follow
// every write of a person, document numbers come through the PersonRecords hook, a merged
// record is found no more, and an unmerge gives both records back as they were.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/app.h"
#include "people/duplicates.h"
#include "people/merges.h"
#include "people/pairs.h"
#include "people/person_records.h"
#include "people/persons.h"
#include "support/engine_test.h"

namespace innet::people {
namespace {

using db::storage_test::EngineTest;

class DuplicatesTest : public EngineTest {
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

  Person add(const std::string& family, const std::string& given, const char* birth_date,
             std::optional<std::string> cui = std::nullopt) {
    Person p;
    p.family_name = family;
    p.given_names = given;
    p.birth_date = birth_date;
    p.nationality = "EG";
    p.cui = std::move(cui);
    auto created = create_person(db(), p);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? *created : p;
  }

  // The ids of the candidates with their reasons.
  std::vector<std::pair<std::int64_t, std::vector<std::string>>> found(DuplicateQuery q) {
    auto got = find_duplicates(db(), q);
    EXPECT_TRUE(got.ok()) << got.error().message;
    std::vector<std::pair<std::int64_t, std::vector<std::string>>> out;
    if (got.ok())
      for (const auto& c : *got) out.emplace_back(c.person.id, c.reasons);
    return out;
  }

  std::optional<db::PooledConnection> conn_;
};

using Reasons = std::vector<std::string>;

TEST_P(DuplicatesTest, KeysFollowEveryWriteOfAPerson) {
  const auto mohamed = add("Hassan", "Mohamed", "1994-03-12");
  EXPECT_EQ(found({.family_name = "Hasan", .given_names = "Muhammad", .birth_date = "1994-03-12"}),
            (std::vector<std::pair<std::int64_t, Reasons>>{
                {mohamed.id, {"name_phonetic", "birth_date_equal"}}}));
  // Arabic script, family and given names swapped, no birth date.
  EXPECT_EQ(found({.family_name = "محمد", .given_names = "حسن"}),
            (std::vector<std::pair<std::int64_t, Reasons>>{
                {mohamed.id, {"name_transliterated", "name_reversed"}}}));
  // A correction replaces the keys: the old name finds nobody, the new one the person.
  auto corrected = mohamed;
  corrected.given_names = "Youssef";
  ASSERT_DB_OK(update_person(db(), corrected));
  EXPECT_TRUE(found({.family_name = "Hassan", .given_names = "Mohamed"}).empty());
  EXPECT_EQ(found({.family_name = "Hassan", .given_names = "Yusuf"}).size(), 1u);
  // Many at once, as the national seed writes them.
  std::vector<Person> batch(3);
  for (auto& p : batch) {
    p.family_name = "Kovalenko";
    p.given_names = "Oleksandr";
    p.given_names_original = "Олександр";
    p.birth_date = "1988-11-05";
    p.nationality = "UA";
  }
  batch[2].birth_date = "1960-01-01";
  ASSERT_DB_OK(insert_persons(db(), batch));
  const auto kovalenko =
      found({.family_name = "Коваленко", .given_names = "Alexander", .birth_date = "1988-11-05"});
  ASSERT_EQ(kovalenko.size(), 2u);  // not the one born in 1960
  EXPECT_EQ(kovalenko[0].second, (Reasons{"name_transliterated", "birth_date_equal"}));
}

TEST_P(DuplicatesTest, IdentifiersAndTheDocumentHook) {
  const auto a = add("Diallo", "Mamadou", "2001-02-20", "AB12CD34");
  const auto b = add("Barry", "Ibrahima", "1999-05-05");
  // A module that records identity documents answers for document numbers (letters and
  // digits, upper case, whatever was typed).
  static std::int64_t holder = 0;
  static const int registered = [] {
    add_person_records({.name = "test documents",
                        .persons_with_document = [](db::Connection&, const std::string& number)
                            -> Result<std::vector<std::int64_t>> {
                          if (number == "P1234567") return std::vector<std::int64_t>{holder};
                          return std::vector<std::int64_t>{};
                        }});
    return 0;
  }();
  (void)registered;
  holder = b.id;
  EXPECT_EQ(found({.cui = " ab12-cd34 "}),
            (std::vector<std::pair<std::int64_t, Reasons>>{{a.id, {"same_cui"}}}));
  EXPECT_EQ(found({.document_number = "p 123 4567"}),
            (std::vector<std::pair<std::int64_t, Reasons>>{{b.id, {"same_document"}}}));
  // The birth date alone, without a name.
  EXPECT_EQ(found({.birth_date = "2001-02-20"}),
            (std::vector<std::pair<std::int64_t, Reasons>>{{a.id, {"birth_date_equal"}}}));
}

TEST_P(DuplicatesTest, AnUnmergeGivesBothRecordsBackAsTheyWere) {
  auto kept = add("Traore", "Aminata", "2003-08-14");
  Person typed;
  typed.family_name = "Traoré";
  typed.given_names = "Aminata";
  typed.family_name_original = "Traoré";
  typed.nationality = "ML";
  typed.cui = "ML77X";
  auto merged_created = create_person(db(), typed);
  ASSERT_DB_OK(merged_created);
  const auto merged = *merged_created;
  auto before_kept = find_person(db(), kept.id);
  ASSERT_DB_OK(before_kept);

  auto m = merge_persons(db(), kept.id, merged.id, "same person", 1);
  ASSERT_DB_OK(m);
  std::vector<std::string> filled;
  for (const auto& [field, value] : m->filled) filled.push_back(field);
  EXPECT_EQ(filled, (std::vector<std::string>{"family_name_original", "cui"}));
  auto now_kept = find_person(db(), kept.id);
  ASSERT_DB_OK(now_kept);
  EXPECT_EQ(now_kept->cui, "ML77X");
  auto into = merged_into(db(), merged.id);
  ASSERT_DB_OK(into);
  EXPECT_EQ(*into, kept.id);
  // Found no more: not a candidate, not listed.
  const auto candidates = found({.family_name = "Traore", .given_names = "Aminata"});
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].first, kept.id);
  PersonFilter f;
  f.query = "aminata";
  auto listed = list_persons(db(), f, {1, 10});
  ASSERT_DB_OK(listed);
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items[0].id, kept.id);
  // Refusals change nothing.
  auto again = merge_persons(db(), kept.id, merged.id, "again", 1);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "already_merged");
  auto self = merge_persons(db(), kept.id, kept.id, "self", 1);
  ASSERT_FALSE(self.ok());

  auto undone = unmerge_persons(db(), m->id, "two persons", 2);
  ASSERT_DB_OK(undone);
  EXPECT_EQ(undone->unmerged_by, 2);
  auto after_kept = find_person(db(), kept.id);
  auto after_merged = find_person(db(), merged.id);
  ASSERT_DB_OK(after_kept);
  ASSERT_DB_OK(after_merged);
  const auto same = [](Person a, Person b) {
    a.updated_at = b.updated_at = "";
    return to_json(a) == to_json(b);
  };
  EXPECT_TRUE(same(*after_kept, *before_kept));
  EXPECT_TRUE(same(*after_merged, merged));
  auto into_after = merged_into(db(), merged.id);
  ASSERT_DB_OK(into_after);
  EXPECT_FALSE(into_after->has_value());
  EXPECT_EQ(found({.family_name = "Traore", .given_names = "Aminata"}).size(), 2u);
  auto twice = unmerge_persons(db(), m->id, "again", 2);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "already_unmerged");
}

// The queue of pairs follows the writes of persons, the bulk insert included, on both engines:
// scored as candidates, best first, a dismissed pair left out until undone, scoped by a subquery.
TEST_P(DuplicatesTest, PairsFollowTheWritesOfPersons) {
  const auto pairs_of = [&](const std::optional<db::Subquery>& among = std::nullopt) {
    auto page = list_pairs(db(), among, {1, 50});
    EXPECT_TRUE(page.ok()) << page.error().message;
    std::vector<std::tuple<std::int64_t, std::int64_t, int>> out;
    if (page.ok())
      for (const auto& p : page->items) out.emplace_back(p.first.id, p.second.id, p.score);
    return out;
  };
  const auto a = add("Hassan", "Mohamed", "1994-03-12");
  const auto b = add("Hasan", "Muhammad", "1994-03-12");
  add("Hassan", "Muhammad", "2010-03-12");  // a namesake of another year: no pair
  std::vector<Person> bulk(2);
  bulk[0].family_name = "Mohamed";  // reversed, inserted in bulk as imports and seeds do
  bulk[0].given_names = "Hassan";
  bulk[0].birth_date = "1994-03-12";
  bulk[0].nationality = "EG";
  bulk[0].created_at = bulk[0].updated_at = "2026-01-01T00:00:00Z";
  bulk[1] = bulk[0];
  bulk[1].family_name = "Benali";
  bulk[1].given_names = "Youssef";
  ASSERT_DB_OK(insert_persons(db(), bulk));
  const auto c = bulk[0];
  // Spelt differently (30) or equal but reversed (35 - 5), the same date (30) and nationality (5);
  // spelt differently and reversed, 5 less. Ties by ids.
  using Pairs = std::vector<std::tuple<std::int64_t, std::int64_t, int>>;
  EXPECT_EQ(pairs_of(), (Pairs{{a.id, b.id, 65}, {a.id, c.id, 65}, {b.id, c.id, 60}}));

  auto dismissed = dismiss_pair(db(), b.id, a.id, "twins", 1);
  ASSERT_DB_OK(dismissed);
  EXPECT_EQ(dismissed->first.id, a.id);
  EXPECT_EQ(pairs_of().size(), 2u);
  auto twice = dismiss_pair(db(), a.id, b.id, "twins", 1);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "already_dismissed");
  ASSERT_DB_OK(undo_dismissal(db(), dismissed->id, "a mistake", 1));
  EXPECT_EQ(pairs_of().size(), 3u);

  // Only the pairs whose two persons are among those given.
  const db::Subquery among{"SELECT id FROM persons WHERE id IN (?, ?)", {a.id, c.id}};
  EXPECT_EQ(pairs_of(among), (Pairs{{a.id, c.id, 65}}));
  // Counted exactly below kPairCountLimit; a page past the end is empty, the count the same.
  auto counted = list_pairs(db(), among, {2, 50});
  ASSERT_DB_OK(counted);
  EXPECT_TRUE(counted->items.empty());
  EXPECT_EQ(counted->total, 1);
  EXPECT_FALSE(counted->total_capped);

  // A correction recomputes: b born ten years earlier is nobody's pair.
  auto corrected = find_person(db(), b.id);
  ASSERT_DB_OK(corrected);
  corrected->birth_date = "1984-03-12";
  ASSERT_DB_OK(update_person(db(), *corrected));
  EXPECT_EQ(pairs_of(), (Pairs{{a.id, c.id, 65}}));
}

// A bulk insert (the national seed's) and migration 18's fill queue each pair once, from its
// lower id's slice, without deleting; the queue must be the one the per-record path recomputes
// (refresh_pairs, which deletes each person's rows and finds them again). Two bulks of more than
// a slice of 5,000 persons, namesakes of one date 500 ids apart, so that pairs cross slices: the
// first into an empty database (paired in memory, as the seeds), the second beside persons
// recorded one by one; a pair by document number alone (through the hooks, as cases registers).
TEST_P(DuplicatesTest, ABulkInsertQueuesThePairsThePerRecordPathFinds) {
  const auto queue = [&] {
    auto rows = db().query(
        "SELECT low_id, high_id, score, reasons FROM person_pairs ORDER BY low_id, high_id");
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t, std::string>> out;
    if (rows.ok())
      for (const auto& r : *rows)
        out.emplace_back(r.integer(0), r.integer(1), r.integer(2), r.text(3));
    return out;
  };
  // Benali and Diallo bear one passport: no name or date in common, a pair by document alone.
  static bool documents_recorded = false;
  static const int registered = [] {
    const auto bearers = [](db::Connection& conn, const std::string& and_ids,
                            const db::Params& ids) {
      return conn.query("SELECT id FROM persons WHERE family_name IN ('Benali', 'Diallo')" +
                            and_ids + " ORDER BY id",
                        ids);
    };
    add_person_records(
        {.name = "test passports",
         .persons_with_document = [=](db::Connection& conn, const std::string& number)
             -> Result<std::vector<std::int64_t>> {
           std::vector<std::int64_t> ids;
           if (!documents_recorded || number != "PA1234") return ids;
           INNET_ASSIGN_OR_RETURN(auto rows, bearers(conn, "", {}));
           for (const auto& r : rows) ids.push_back(r.integer(0));
           return ids;
         },
         .documents_of = [=](db::Connection& conn, const std::vector<std::int64_t>& person_ids)
             -> Result<std::vector<std::pair<std::int64_t, std::string>>> {
           std::vector<std::pair<std::int64_t, std::string>> out;
           if (!documents_recorded) return out;
           INNET_ASSIGN_OR_RETURN(
               auto rows, bearers(conn, " AND id IN (" + db::placeholders(person_ids.size()) + ")",
                                  db::Params(person_ids.begin(), person_ids.end())));
           for (const auto& r : rows) out.emplace_back(r.integer(0), "PA1234");
           return out;
         }});
    return 0;
  }();
  (void)registered;
  documents_recorded = true;

  const char* families[] = {"Hassan", "Hasan", "Mohamed", "Kovalenko", "Ibrahim", "Traore"};
  const char* givens[] = {"Mohamed", "Muhammad", "Hassan", "Oleksandr", "Aminata", "Moussa"};
  const auto generated = [&](std::size_t count, std::size_t shift) {
    std::vector<Person> bulk(count);
    for (std::size_t i = 0; i < bulk.size(); ++i) {
      auto& p = bulk[i];
      p.family_name = families[(i + shift) % 6];
      p.given_names = givens[i / 6 % 6];
      if (i % 7 == 0) p.given_names_original = "محمد";
      const auto day = i % 500 % 25 + 1;  // 500 dates, from 1990 to 2009
      p.birth_date =
          std::to_string(1990 + i % 500 / 25) + (day < 10 ? "-01-0" : "-01-") + std::to_string(day);
      p.nationality = i % 3 ? "EG" : "SD";
    }
    return bulk;
  };
  // Into a database where nobody lives yet, as a seed writes: paired in memory.
  auto first = generated(5300, 0);
  first[5299].family_name = "Diallo";
  first[5299].given_names = "Mamadou";
  first[5299].birth_date = "2001-02-20";
  ASSERT_DB_OK(insert_persons(db(), first));
  // Persons recorded one by one after it, then a bulk beside them all: paired by the lookup.
  const auto hassan = add("Hassan", "Mohamed", "1990-01-01");
  const auto benali = add("Benali", "Youssef", "1985-06-30");
  auto second = generated(5300, 1);
  ASSERT_DB_OK(insert_persons(db(), second));
  const auto bulk_queue = queue();

  const auto has = [&](std::int64_t low, std::int64_t high) {
    return std::any_of(bulk_queue.begin(), bulk_queue.end(), [&](const auto& row) {
      return std::get<0>(row) == low && std::get<1>(row) == high;
    });
  };
  const auto across = [&](const std::vector<Person>& bulk) {  // pairs from two slices of a bulk
    return std::any_of(bulk_queue.begin(), bulk_queue.end(), [&](const auto& row) {
      return std::get<0>(row) >= bulk[0].id && std::get<0>(row) <= bulk[4999].id &&
             std::get<1>(row) >= bulk[5000].id && std::get<1>(row) <= bulk.back().id;
    });
  };
  EXPECT_GT(bulk_queue.size(), 100u);
  EXPECT_TRUE(across(first));
  EXPECT_TRUE(across(second));
  EXPECT_TRUE(has(first[0].id, hassan.id));
  EXPECT_TRUE(has(first[0].id, second[0].id));  // Hassan Mohamed and Hasan Mohamed, one date
  EXPECT_TRUE(has(first[5299].id, benali.id));  // by the document alone

  std::vector<std::int64_t> all{hassan.id, benali.id};
  for (const auto& p : first) all.push_back(p.id);
  for (const auto& p : second) all.push_back(p.id);
  ASSERT_DB_OK(refresh_pairs(db(), all));
  EXPECT_EQ(queue(), bulk_queue);
  // Migration 18's fill, on an empty queue.
  ASSERT_DB_OK(db().execute("DELETE FROM person_pairs"));
  ASSERT_DB_OK(pairs_migration(engine()).then(db()));
  EXPECT_EQ(queue(), bulk_queue);
  documents_recorded = false;
}

INSTANTIATE_TEST_SUITE_P(Engines, DuplicatesTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::people
