// The catalogue and the files on both engines (decision 0040): the seven procedures installed by
// the migration with their dated rules, the catalogue's checks, a file's life under the rules
// (steps in order, documents before a decision, one suspension, protocol numbers unique, nothing
// written on a refusal), and the state filters in SQL agreeing with the live clock.
#include <gtest/gtest.h>

#include "procedures/catalogue.h"
#include "procedures/files.h"
#include "procedures/fixture.h"
#include "procedures/person_records.h"

namespace innet::procedures {
namespace {

CivilDay day(std::string_view text) {
  return CivilDay::parse(text).value_or(kEarliestDay);
}

class ProceduresTest : public storage_test::ProceduresFixture {
 protected:
  std::int64_t listed(ClockState state, CivilDay today) {
    FileFilter f{.state = state};
    auto page = list_files(db(), f, today, Paging{1, 100});
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->total : -1;
  }
};

TEST_P(ProceduresTest, TheMigrationInstallsTheSevenProceduresWithDatedRules) {
  auto all = list_procedures(db());
  ASSERT_DB_OK(all);
  ASSERT_EQ(all->size(), 7u);
  auto reunification = procedure("family_reunification");
  ASSERT_EQ(reunification.terms.size(), 2u);
  EXPECT_EQ(rule_in_force(reunification.terms, "decision", day("2024-12-10"))->amount, 90);
  EXPECT_EQ(rule_in_force(reunification.terms, "decision", day("2024-12-11"))->amount, 150);
  ASSERT_EQ(reunification.guides.size(), 6u);
  EXPECT_EQ(reunification.guides[0].language, "it");
  auto work = procedure("work_entry");
  EXPECT_EQ(rule_in_force(work.terms, "employer_confirmation", day("2025-10-03"))->amount, 7);
  EXPECT_EQ(rule_in_force(work.terms, "employer_confirmation", day("2025-10-04"))->amount, 15);
  EXPECT_TRUE(rule_in_force(work.terms, "decision", day("2025-10-04"))->silent_consent);
  EXPECT_EQ(procedure("italian_test").clock_term, "convocation");
}

TEST_P(ProceduresTest, TheCatalogueRefusesNamingTheField) {
  auto p = procedure("permit_conversion");
  p.id = 0;
  p.code = "permit_conversion_bis";
  p.steps.push_back(p.steps[0]);
  auto twice = create_procedure(db(), p, kNow);
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(twice.error().fields.count("steps[5].code"));
  p.steps.pop_back();
  p.terms[0].start_event = "nowhere";
  auto unknown = create_procedure(db(), p, kNow);
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(unknown.error().fields.count("terms[0].start_event"));
  p.terms[0].start_event = "filed";
  p.code = "citizenship";
  auto taken = create_procedure(db(), p, kNow);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().kind, ErrorKind::conflict);
  EXPECT_TRUE(taken.error().fields.count("code"));
  EXPECT_EQ(count("procedures"), 7);
}

// Migration 6: the standard procedures' names in the five other languages, kept by code; an
// edit replaces them; a missing translation falls back to the Italian.
TEST_P(ProceduresTest, NamesInSixLanguagesAreStoredAndFallBackToItalian) {
  auto ukraine = procedure("temporary_protection_ukraine");
  ASSERT_EQ(ukraine.names.size(), 5u);
  EXPECT_EQ(ukraine.names[0].language, "en");  // the portal's order
  EXPECT_EQ(name_in(ukraine.name, ukraine.names, "uk").text,
            "Тимчасовий захист для осіб, які прибули з України");
  ASSERT_EQ(ukraine.steps[1].code, "fingerprints");
  const auto step = name_in(ukraine.steps[1].name, ukraine.steps[1].names, "ar");
  EXPECT_EQ(step.text, "التصوير وأخذ البصمات");
  EXPECT_EQ(step.lang, "ar");
  EXPECT_EQ(name_in(ukraine.documents[0].name, ukraine.documents[0].names, "bn").lang, "bn");
  for (const auto& p : *list_procedures(db())) {
    EXPECT_EQ(p.names.size(), 5u) << p.code;
    for (const auto& s : p.steps) EXPECT_EQ(s.names.size(), 5u) << p.code << " " << s.code;
    for (const auto& d : p.documents) EXPECT_EQ(d.names.size(), 5u) << p.code << " " << d.code;
  }

  // An edit: a new step without translations, the Ukrainian name of the procedure changed, the
  // Bengali one dropped.
  ukraine.steps.insert(ukraine.steps.begin() + 2, Step{"interview", "Colloquio", "Questura"});
  ukraine.names = {{"uk", "Тимчасовий захист"}, {"en", "Temporary protection"}};
  ASSERT_DB_OK(update_procedure(db(), ukraine, kNow));
  auto stored = procedure("temporary_protection_ukraine");
  ASSERT_EQ(stored.names.size(), 2u);
  EXPECT_EQ(stored.names[0].language, "en");
  EXPECT_EQ(name_in(stored.name, stored.names, "uk").text, "Тимчасовий захист");
  const auto bengali = name_in(stored.name, stored.names, "bn");
  EXPECT_EQ(bengali.text, stored.name);
  EXPECT_EQ(bengali.lang, "it");
  EXPECT_TRUE(stored.steps[2].names.empty());
  EXPECT_EQ(stored.steps[1].names.size(), 5u);  // kept by its code
  EXPECT_EQ(name_in(stored.steps[2].name, stored.steps[2].names, "uk").lang, "it");
}

TEST_P(ProceduresTest, NamesAreRefusedNamingTheField) {
  auto p = procedure("citizenship");
  p.steps[1].names.push_back({"it", "Verifica"});  // Italian is the name itself
  auto italian = update_procedure(db(), p, kNow);
  ASSERT_FALSE(italian.ok());
  EXPECT_TRUE(italian.error().fields.count("steps[1].names[5].language"));
  p.steps[1].names.pop_back();
  p.documents[0].names.push_back({"en", "Again"});
  auto twice = update_procedure(db(), p, kNow);
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(twice.error().fields.count("documents[0].names[5].language"));
  p.documents[0].names.pop_back();
  p.names[0].text = "  ";
  auto blank = update_procedure(db(), p, kNow);
  ASSERT_FALSE(blank.ok());
  EXPECT_TRUE(blank.error().fields.count("names[0].name"));
  // Nothing half-written: the stored names are the migration's.
  EXPECT_EQ(procedure("citizenship").names[0].text, "Italian citizenship by residence or marriage");
}

TEST_P(ProceduresTest, AFileFollowsTheRuleInForceOnItsFilingDay) {
  auto p = procedure("family_reunification");
  auto before = open(p, "PA/2024/1", "2024-12-10");
  auto after = open(p, "PA/2024/2", "2024-12-11");
  EXPECT_EQ(clock_of(before, p, day("2025-01-10")).due->to_string(), "2025-03-10");
  EXPECT_EQ(clock_of(after, p, day("2025-01-10")).due->to_string(), "2025-05-10");
  // A protocol number twice: 409 naming it, nothing written.
  auto again = create_file(db(),
                           {.procedure_id = p.id,
                            .person_id = person(2),
                            .protocol_number = "PA/2024/1",
                            .filed_on = "2025-01-02",
                            .created_by = user_},
                           p, kNow);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_TRUE(again.error().fields.count("protocol_number"));
  EXPECT_EQ(count("procedure_files"), 2);
  EXPECT_EQ(count("procedure_file_steps"), 2);
}

TEST_P(ProceduresTest, StepsInOrderDocumentsBeforeTheDecisionOneSuspension) {
  auto p = procedure("family_reunification");
  const auto today = day("2025-06-30");
  auto f = open(p, "PA/2025/10", "2025-01-15");
  ASSERT_EQ(f.steps.size(), 1u);
  // Skipping police_checks: refused naming the step, nothing written.
  auto skipped =
      advance(db(), f, p, {"requirements_check", "2025-01-20", std::nullopt, user_}, today, kNow);
  ASSERT_FALSE(skipped.ok());
  EXPECT_EQ(skipped.error().code, "step_out_of_order");
  EXPECT_TRUE(skipped.error().fields.count("step"));
  EXPECT_EQ(count("procedure_file_steps"), 1);
  // A day in the future, a day before the current step's.
  EXPECT_FALSE(
      advance(db(), f, p, {"police_checks", "2025-07-01", std::nullopt, user_}, today, kNow).ok());
  EXPECT_FALSE(
      advance(db(), f, p, {"police_checks", "2025-01-14", std::nullopt, user_}, today, kNow).ok());
  for (const auto& [step, on] :
       std::vector<std::pair<std::string, std::string>>{{"police_checks", "2025-02-01"},
                                                        {"requirements_check", "2025-03-01"},
                                                        {"convocation", "2025-04-01"},
                                                        {"decision", "2025-04-15"}}) {
    auto moved = advance(db(), f, p, {step, on, std::nullopt, user_}, today, kNow);
    ASSERT_DB_OK(moved);
    f = *moved;
  }
  // A suspension: once, the second refused; the clock gains its days.
  auto s = open_suspension(
      db(), f, p, {.started_on = "2025-03-03", .reason = "r", .opened_by = user_}, today, kNow);
  ASSERT_DB_OK(s);
  f = *s;
  EXPECT_EQ(clock_of(f, p, day("2025-03-10")).state, ClockState::suspended);
  auto closed = close_suspension(db(), f, p, "2025-03-13", user_, today, kNow);
  ASSERT_DB_OK(closed);
  f = *closed;
  // 150 + 10 days from Wed 15 Jan 2025: 16 to 31 Jan, 44 to 28 Feb, 75 to 31 Mar, 105 to 30 Apr,
  // 136 to 31 May, 24 Jun = 160 (Tuesday).
  EXPECT_EQ(clock_of(f, p, today).due->to_string(), "2025-06-24");
  auto second = open_suspension(
      db(), f, p, {.started_on = "2025-04-01", .reason = "r", .opened_by = user_}, today, kNow);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, "suspension_limit");
  // A decision before the required documents are in: refused naming documents.
  auto early = decide(db(), f, p, {"granted", "2025-05-01", std::nullopt, user_}, today, kNow);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "documents_missing");
  EXPECT_TRUE(early.error().fields.count("documents"));
  for (const auto& d : p.documents) {
    if (!d.required) continue;
    auto recorded = record_document(db(), f, p, {d.code, "2025-02-10", user_}, today, kNow);
    ASSERT_DB_OK(recorded);
    f = *recorded;
  }
  auto twice = record_document(db(), f, p, {"income_proof", "2025-02-11", user_}, today, kNow);
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(twice.error().fields.count("document"));
  // Silence is not consent for a reunification.
  EXPECT_FALSE(
      decide(db(), f, p, {"silent_consent", "2025-06-28", std::nullopt, user_}, today, kNow).ok());
  auto decided = decide(db(), f, p, {"granted", "2025-05-02", "ok", user_}, today, kNow);
  ASSERT_DB_OK(decided);
  EXPECT_EQ(decided->status, "closed");
  auto c = clock_of(*decided, p, today);
  EXPECT_EQ(c.state, ClockState::closed);
  EXPECT_EQ(c.days_left, 53);  // 2 May -> 24 Jun
  EXPECT_FALSE(
      advance(db(), *decided, p, {"decision", "2025-05-03", std::nullopt, user_}, today, kNow)
          .ok());
}

TEST_P(ProceduresTest, TheStateFiltersAgreeWithTheLiveClock) {
  const auto today = day("2025-06-30");
  auto p = procedure("permit_conversion");  // 60 calendar days from filing
  auto work = procedure("work_entry");      // 60 days from the charge to the quota
  open(p, "R-1", "2025-06-20");             // due 19 Aug: running
  open(p, "R-2", "2025-05-05");             // due 4 Jul: due soon
  open(p, "R-3", "2025-03-01");             // due 30 Apr: overdue
  auto suspended = open(p, "R-4", "2025-03-02");
  ASSERT_DB_OK(open_suspension(db(), suspended, p,
                               {.started_on = "2025-06-20", .reason = "r", .opened_by = user_},
                               today, kNow));
  // Suspended on 10 Apr and never answered: after 30 days the term runs again, overdue.
  auto lapsed = open(p, "R-5", "2025-03-03");
  ASSERT_DB_OK(open_suspension(db(), lapsed, p,
                               {.started_on = "2025-04-10", .reason = "r", .opened_by = user_},
                               today, kNow));
  open(work, "W-1", "2025-06-01");  // not charged to the quota yet: not started
  EXPECT_EQ(listed(ClockState::running, today), 1);
  EXPECT_EQ(listed(ClockState::due_soon, today), 1);
  EXPECT_EQ(listed(ClockState::overdue, today), 2);
  EXPECT_EQ(listed(ClockState::suspended, today), 1);
  EXPECT_EQ(listed(ClockState::not_started, today), 1);
  EXPECT_EQ(listed(ClockState::closed, today), 0);
  // Every listed file's live clock says the same.
  for (const auto& state : clock_states()) {
    FileFilter f{.state = parse_clock_state(state)};
    auto page = list_files(db(), f, today, Paging{1, 100});
    ASSERT_DB_OK(page);
    for (const auto& file : page->items) {
      auto found = find_procedure(db(), file.procedure_id);
      ASSERT_DB_OK(found);
      EXPECT_EQ(to_string(clock_of(file, *found, today).state), state) << file.protocol_number;
    }
  }
  // The SUI's tasks: the due soon and the overdue ones, the earliest first.
  auto due = due_files(db(), today, 10);
  ASSERT_DB_OK(due);
  ASSERT_EQ(due->size(), 3u);
  EXPECT_EQ((*due)[0].protocol_number, "R-3");
  auto overdue = count_due(db(), today, true);
  ASSERT_DB_OK(overdue);
  EXPECT_EQ(*overdue, 2);
}

TEST_P(ProceduresTest, WorkEntryRunsFromTheChargeToTheQuotaWithSilentConsent) {
  auto p = procedure("work_entry");
  const auto today = day("2025-06-30");
  auto f = open(p, "W-2", "2025-02-03");
  EXPECT_EQ(clock_of(f, p, today).state, ClockState::not_started);
  auto charged =
      advance(db(), f, p, {"quota_charged", "2025-03-03", std::nullopt, user_}, today, kNow);
  ASSERT_DB_OK(charged);
  // Mon 3 Mar 2025 + 60: 28 to 31 Mar, 58 to 30 Apr, 2 May = 60 (Friday).
  EXPECT_EQ(clock_of(*charged, p, today).due->to_string(), "2025-05-02");
  // Withdrawn at any step; silent consent only on the last, after the term.
  auto withdrawn =
      decide(db(), *charged, p, {"withdrawn", "2025-03-04", std::nullopt, user_}, today, kNow);
  ASSERT_DB_OK(withdrawn);
  EXPECT_EQ(withdrawn->decision->outcome, "withdrawn");
}

TEST_P(ProceduresTest, AMergeMovesTheFilesAndAnUnmergeMovesThemBack) {
  auto p = procedure("family_reunification");
  auto own = create_file(db(),
                         {.procedure_id = p.id,
                          .person_id = person(2),
                          .sponsor_person_id = person(2),
                          .protocol_number = "M-1",
                          .filed_on = "2025-03-03",
                          .created_by = user_},
                         p, kNow);
  ASSERT_DB_OK(own);
  auto other = open(p, "M-2", "2025-03-04");  // person(1)'s, the kept one
  auto records = person_records();
  auto moved = records.move(db(), person(1), person(2), user_);
  ASSERT_DB_OK(moved);
  ASSERT_EQ(moved->size(), 2u);
  EXPECT_EQ((*moved)[0].ids, std::vector<std::int64_t>{own->id});
  EXPECT_EQ((*moved)[1].ids, std::vector<std::int64_t>{own->id});
  EXPECT_EQ(find_file(db(), own->id)->person_id, person(1));
  EXPECT_EQ(find_file(db(), own->id)->sponsor_person_id, person(1));
  ASSERT_DB_OK(records.restore(db(), person(1), person(2), *moved, user_));
  EXPECT_EQ(find_file(db(), own->id)->person_id, person(2));
  EXPECT_EQ(find_file(db(), own->id)->sponsor_person_id, person(2));
  EXPECT_EQ(find_file(db(), other.id)->person_id, person(1));  // never moved
}

INSTANTIATE_TEST_SUITE_P(Engines, ProceduresTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::procedures
