// Case storage on both engines (decision 0025): one case per person, the status rules and the
// history, the procedure's order of events, documents expiring for the tasks, sensitive notes
// sealed at rest (the stored bytes are not the text, and only the key opens them), and handovers
// between organisations (the assignments they end are kept).
#include "cases/cases.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "accounts/accounts.h"
#include "cases/case_fixture.h"
#include "cases/notes.h"
#include "core/crypto.h"
#include "people/persons.h"
#include "reception/placements/placements.h"

namespace innet::cases {
namespace {

using storage_test::CasesTest;
using storage_test::kNow;

const CivilDay kToday = *CivilDay::parse("2026-11-02");

TEST_P(CasesTest, OneCasePerPersonReopenedNeverOpenedTwice) {
  auto c = opened(1);
  EXPECT_EQ(c.status, "open");
  auto again = open_case(db(), person(1), operator_id_, user_, kNow);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "case_exists");
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

TEST_P(CasesTest, StatusChangesFollowTheRulesAndAreKept) {
  auto c = opened(1);
  auto refused =
      change_status(db(), c.id, {.status = "reopened", .note = "x", .changed_by = user_}, kNow);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "wrong_status");
  auto no_reason = change_status(db(), c.id, {.status = "closed", .changed_by = user_}, kNow);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().code, "reason_required");
  ASSERT_DB_OK(change_status(
      db(), c.id, {.status = "closed", .reason = "repatriated", .changed_by = user_}, kNow));
  ASSERT_DB_OK(
      change_status(db(), c.id, {.status = "reopened", .note = "back", .changed_by = user_}, kNow));
  auto history = status_history(db(), c.id);
  ASSERT_DB_OK(history);
  std::vector<std::string> statuses;
  for (const auto& h : *history) statuses.push_back(h.status);
  EXPECT_EQ(statuses, (std::vector<std::string>{"open", "closed", "reopened"}));
  EXPECT_EQ((*history)[1].reason, "repatriated");
}

TEST_P(CasesTest, TheProcedureHappensInOrder) {
  auto c = opened(1);
  c.procedure.application_date = "2026-05-01";
  c.procedure.hearing_date = "2026-12-10";  // scheduled: ahead is allowed
  ASSERT_DB_OK(update_case(db(), c, kToday, kNow));
  c.procedure.decision_date = "2026-04-01";
  c.procedure.outcome = "rejected";
  auto before = update_case(db(), c, kToday, kNow);
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().fields.begin()->first, "decision_date");
  c.procedure.decision_date = "2026-12-20";
  auto future = update_case(db(), c, kToday, kNow);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().fields.begin()->first, "decision_date");
}

TEST_P(CasesTest, DocumentsExpiringWithinDaysForTheTasks) {
  auto c1 = opened(1);
  auto c2 = opened(2);
  auto add = [&](std::int64_t case_id, const char* expires) {
    return add_document(db(),
                        {.case_id = case_id,
                         .type = "permit_of_stay",
                         .number = "I1",
                         .expires_on = std::string(expires),
                         .recorded_by = user_,
                         .recorded_at = kNow},
                        kToday);
  };
  ASSERT_DB_OK(add(c1.id, "2026-12-01"));  // 29 days
  ASSERT_DB_OK(add(c1.id, "2027-06-01"));  // far
  ASSERT_DB_OK(add(c2.id, "2026-10-30"));  // expired 3 days ago
  auto within = documents_expiring_within(db(), kToday, 30);
  ASSERT_DB_OK(within);
  ASSERT_EQ(within->size(), 2u);
  EXPECT_EQ((*within)[0].days_left, -3);
  EXPECT_EQ((*within)[0].person_id, person(2));
  EXPECT_EQ((*within)[1].days_left, 29);
  EXPECT_EQ((*within)[1].organization_id, operator_id_);
  // A closed case has no tasks.
  ASSERT_DB_OK(change_status(
      db(), c2.id, {.status = "closed", .reason = "deceased", .changed_by = user_}, kNow));
  auto after = documents_expiring_within(db(), kToday, 30);
  ASSERT_DB_OK(after);
  EXPECT_EQ(after->size(), 1u);
}

TEST_P(CasesTest, SensitiveNotesAreSealedAtRest) {
  auto c = opened(1);
  const std::string key = *crypto::secret_key_from_hex(crypto::new_secret_key_hex());
  const std::string secret = "Riferisce torture subite in detenzione";
  ASSERT_DB_OK(add_note(db(),
                        {.case_id = c.id,
                         .sensitivity = "sensitive",
                         .text = secret,
                         .written_by = user_,
                         .written_at = kNow},
                        key));
  ASSERT_DB_OK(add_note(db(),
                        {.case_id = c.id,
                         .sensitivity = "normal",
                         .text = "colloquio",
                         .written_by = user_,
                         .written_at = kNow},
                        key));
  // What the database holds: no plain text of the sensitive note, in any column.
  auto raw = db().query("SELECT body, sealed FROM case_notes WHERE sensitivity = 'sensitive'");
  ASSERT_DB_OK(raw);
  EXPECT_TRUE((*raw)[0].is_null(0));
  const auto sealed = (*raw)[0].blob(1).bytes;
  const std::string stored(sealed.begin(), sealed.end());
  EXPECT_EQ(stored.find(secret), std::string::npos);
  EXPECT_EQ(stored.find("torture"), std::string::npos);
  EXPECT_GT(stored.size(), secret.size());  // nonce and MAC besides the ciphertext
  auto seals = seals_by_key(db());
  ASSERT_DB_OK(seals);
  EXPECT_EQ(*seals, (std::map<std::string, std::int64_t>{{notes_key_id(key), 1}}));

  auto opened_notes = notes_of(db(), c.id, &key);
  ASSERT_DB_OK(opened_notes);
  EXPECT_EQ((*opened_notes)[0].text, secret);
  EXPECT_EQ((*opened_notes)[1].text, "colloquio");
  auto without_key = notes_of(db(), c.id, nullptr);
  ASSERT_DB_OK(without_key);
  EXPECT_EQ((*without_key)[0].text, std::nullopt);
  EXPECT_EQ((*without_key)[1].text, "colloquio");
  const std::string other = *crypto::secret_key_from_hex(crypto::new_secret_key_hex());
  auto wrong = notes_of(db(), c.id, &other);
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error().message.find("case_notes_key_file"), std::string::npos);
}

// A correction may change a note's sensitivity (decision 0025, point 11): to sensitive, the new
// text is sealed and so is the text it replaces; back to normal, the new text is stored as
// written and the sealed versions stay sealed. Each version says the level it was written at,
// and a reader without the key reads no earlier text of a note sensitive now.
TEST_P(CasesTest, ACorrectionChangesTheSensitivityAndEachVersionKeepsItsOwn) {
  auto c = opened(1);
  const std::string key = *crypto::secret_key_from_hex(crypto::new_secret_key_hex());
  auto note = add_note(db(),
                       {.case_id = c.id,
                        .sensitivity = "normal",
                        .text = "colloquio con la sorella",
                        .written_by = user_,
                        .written_at = kNow},
                       key);
  ASSERT_DB_OK(note);
  auto correct = [&](const std::string& text, const char* sensitivity, const char* reason) {
    return correct_note(db(),
                        {.case_id = c.id,
                         .note_id = note->id,
                         .text = text,
                         .sensitivity = sensitivity,
                         .reason = reason,
                         .corrected_by = user_,
                         .corrected_at = kNow},
                        key);
  };
  using H = std::vector<std::pair<std::string, std::optional<std::string>>>;
  auto history = [&](const std::string* with) {
    auto v = note_versions(db(), c.id, note->id, with);
    EXPECT_TRUE(v.ok());
    H out;
    if (v.ok())
      for (const auto& x : *v) out.emplace_back(x.sensitivity, x.text);
    return out;
  };
  const std::string secret = "Riferisce violenze subite durante il viaggio";
  auto sealed = correct(secret, "sensitive", "contiene dati sanitari");
  ASSERT_DB_OK(sealed);
  EXPECT_EQ(sealed->sensitivity, "sensitive");
  auto raw =
      db().query("SELECT sensitivity, body, sealed FROM case_notes WHERE id = ?", {note->id});
  ASSERT_DB_OK(raw);
  EXPECT_EQ((*raw)[0].text(0), "sensitive");
  EXPECT_TRUE((*raw)[0].is_null(1));
  const auto bytes = (*raw)[0].blob(2).bytes;
  EXPECT_EQ(std::string(bytes.begin(), bytes.end()).find("violenze"), std::string::npos);
  EXPECT_EQ(history(&key), (H{{"normal", "colloquio con la sorella"}, {"sensitive", secret}}));
  // The text it had as a normal note is sealed too: no copy of the database holds it in clear.
  auto first =
      db().query("SELECT body, sealed FROM case_note_versions WHERE note_id = ?", {note->id});
  ASSERT_DB_OK(first);
  ASSERT_EQ(first->size(), 1u);
  EXPECT_TRUE((*first)[0].is_null(0));
  const auto v1 = (*first)[0].blob(1).bytes;
  EXPECT_EQ(std::string(v1.begin(), v1.end()).find("sorella"), std::string::npos);
  // Sensitive now: without the key not even the text it had as a normal note.
  EXPECT_EQ(history(nullptr), (H{{"normal", std::nullopt}, {"sensitive", std::nullopt}}));

  // The same text back to normal is a change (of level), not "unchanged".
  ASSERT_DB_OK(correct(secret, "normal", "la persona chiede di condividerlo"));
  EXPECT_EQ(history(&key),
            (H{{"normal", "colloquio con la sorella"}, {"sensitive", secret}, {"normal", secret}}));
  EXPECT_EQ(history(nullptr),
            (H{{"normal", std::nullopt}, {"sensitive", std::nullopt}, {"normal", secret}}));
  auto seals = seals_by_key(db());
  ASSERT_DB_OK(seals);
  EXPECT_EQ(*seals, (std::map<std::string, std::int64_t>{{notes_key_id(key), 2}}));
  auto unchanged = correct(secret, "normal", "di nuovo");
  ASSERT_FALSE(unchanged.ok());
  EXPECT_EQ(unchanged.error().code, "unchanged");
}

// A handover (decision 0025, point 9): only to an organisation hosting the person, never a closed
// case; the case changes organisation, the old one's assignments move to the ended ones, and the
// receiving organisation has the case to take until one of its case workers is assigned.
TEST_P(CasesTest, AHandoverMovesTheCaseAndKeepsTheEndedAssignments) {
  auto c = opened(1);
  auto other = accounts::create_organization(
      db(), {0, "Cooperativa Altra", "centre_operator", std::nullopt, ""});
  ASSERT_DB_OK(other);
  ASSERT_DB_OK(assign_worker(db(), {c.id, user_, user_, kNow}));
  const Handover h{.case_id = c.id,
                   .to_organization_id = other->id,
                   .reason = "transfer",
                   .handed_by = user_,
                   .handed_at = "2026-11-03T10:00:00Z"};
  auto not_hosting = hand_over(db(), h, {operator_id_});
  ASSERT_FALSE(not_hosting.ok());
  EXPECT_EQ(not_hosting.error().fields.at("organization_id").code, "not_hosting");
  auto same = hand_over(db(),
                        {.case_id = c.id,
                         .to_organization_id = operator_id_,
                         .reason = "transfer",
                         .handed_by = user_,
                         .handed_at = kNow},
                        {operator_id_});
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().fields.at("organization_id").code, "same_organization");
  auto no_note = hand_over(db(),
                           {.case_id = c.id,
                            .to_organization_id = other->id,
                            .reason = "other",
                            .handed_by = user_,
                            .handed_at = kNow},
                           {other->id});
  ASSERT_FALSE(no_note.ok());
  EXPECT_EQ(no_note.error().code, "note_required");
  auto none = handovers_of(db(), c.id);
  ASSERT_DB_OK(none);
  EXPECT_TRUE(none->empty());

  auto done = hand_over(db(), h, {operator_id_, other->id});
  ASSERT_DB_OK(done);
  EXPECT_EQ(done->from_organization_id, operator_id_);
  auto moved = find_case(db(), c.id);
  ASSERT_DB_OK(moved);
  EXPECT_EQ(moved->organization_id, other->id);
  auto workers = workers_of(db(), c.id);
  ASSERT_DB_OK(workers);
  EXPECT_TRUE(workers->empty());
  auto ended = ended_assignments_of(db(), c.id);
  ASSERT_DB_OK(ended);
  ASSERT_EQ(ended->size(), 1u);
  EXPECT_EQ((*ended)[0].assignment.user_id, user_);
  EXPECT_EQ((*ended)[0].assignment.assigned_at, kNow);
  EXPECT_EQ((*ended)[0].handover_id, done->id);
  auto history = handovers_of(db(), c.id);
  ASSERT_DB_OK(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].to_organization_id, other->id);
  EXPECT_EQ((*history)[0].reason, "transfer");

  // The receiving organisation has the case to take, the old one nothing.
  auto to_take = handed_over_unassigned(db(), other->id);
  ASSERT_DB_OK(to_take);
  ASSERT_EQ(to_take->size(), 1u);
  EXPECT_EQ((*to_take)[0].case_id, c.id);
  EXPECT_EQ((*to_take)[0].handed_at, "2026-11-03T10:00:00Z");
  auto theirs = handed_over_unassigned(db(), operator_id_);
  ASSERT_DB_OK(theirs);
  EXPECT_TRUE(theirs->empty());

  // Closed, it is handed over no more.
  ASSERT_DB_OK(change_status(
      db(), c.id, {.status = "closed", .reason = "left_reception", .changed_by = user_}, kNow));
  auto taken = handed_over_unassigned(db(), other->id);
  ASSERT_DB_OK(taken);
  EXPECT_TRUE(taken->empty());
  auto closed = hand_over(db(),
                          {.case_id = c.id,
                           .to_organization_id = operator_id_,
                           .reason = "transfer",
                           .handed_by = user_,
                           .handed_at = kNow},
                          {operator_id_});
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, "case_closed");
  EXPECT_EQ(closed.error().kind, ErrorKind::conflict);
}

// The list in SQL (decision 0025, point 7): the persons joined through people's derived table,
// the centre and the words as their owners' subqueries, another module's cases as a subquery,
// each order with its tie-break, the page and the count.
TEST_P(CasesTest, TheListFiltersSortsAndPagesInSql) {
  add_person("Zeta", "Ali", "NG");
  auto c1 = opened(1);  // Rahman Abdul, BD
  auto c2 = opened(2);  // Okafor Grace, NG
  auto c3 = opened(3);  // Zeta Ali, NG
  ASSERT_DB_OK(reception::place(
      db(), {{person(2)}, a(), centres::Category::single_women, kToday.plus_days(-3), "landing"},
      kToday));
  ASSERT_DB_OK(change_status(db(), c3.id, {.status = "active", .changed_by = user_}, kNow));
  auto doc = add_document(db(),
                          {.case_id = c1.id,
                           .type = "passport",
                           .number = "P1",
                           .expires_on = std::string("2027-01-01"),
                           .recorded_by = user_,
                           .recorded_at = kNow},
                          kToday);
  ASSERT_DB_OK(doc);
  auto ids = [&](CaseFilter f, Paging paging = {1, 50}) {
    std::vector<std::int64_t> out;
    auto page = list_cases(db(), f, paging);
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    if (page.ok())
      for (const auto& r : page->items) out.push_back(r.c.id);
    return out;
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(ids({}), (V{c2.id, c1.id, c3.id}));  // Okafor, Rahman, Zeta
  EXPECT_EQ(ids({.sort = "-name"}), (V{c3.id, c1.id, c2.id}));
  EXPECT_EQ(ids({.nationality = "NG"}), (V{c2.id, c3.id}));
  EXPECT_EQ(ids({.status = "active"}), (V{c3.id}));
  EXPECT_EQ(ids({.organization_id = operator_id_ + 1000}), V{});
  EXPECT_EQ(ids({.words = "grace okaf"}), (V{c2.id}));
  EXPECT_EQ(ids({.organization_id = operator_id_, .words = "grace okaf"}), (V{c2.id}));
  EXPECT_EQ(ids({.persons = {people::persons_matching(engine(), "zeta")}}), (V{c3.id}));
  EXPECT_EQ(ids({.persons = {reception::persons_staying_in(a(), std::nullopt)}}), (V{c2.id}));
  EXPECT_EQ(ids({.persons = {reception::persons_staying_in(a(), operator_id_ + 1000)}}), V{});
  EXPECT_EQ(ids({.persons = {reception::persons_staying_in(b(), std::nullopt)}}), V{});
  // Another module's answer is a subquery of case ids.
  EXPECT_EQ(ids({.cases = {{"SELECT id FROM cases WHERE id IN (?, ?)", {c1.id, c3.id}}}}),
            (V{c1.id, c3.id}));
  // Ties by case; no expiry last, the same on both engines.
  EXPECT_EQ(ids({.sort = "status"}), (V{c3.id, c1.id, c2.id}));
  EXPECT_EQ(ids({.sort = "next_expiry"}), (V{c1.id, c2.id, c3.id}));
  EXPECT_EQ(ids({.sort = "-next_expiry"}), (V{c3.id, c2.id, c1.id}));
  EXPECT_EQ(ids({.sort = "legal_status"}), (V{c1.id, c2.id, c3.id}));
  // A page, and the whole count.
  EXPECT_EQ(ids({}, {2, 2}), (V{c3.id}));
  auto page = list_cases(db(), {}, {1, 2});
  ASSERT_DB_OK(page);
  EXPECT_EQ(page->total, 3);
  EXPECT_FALSE(page->total_capped);
  EXPECT_EQ(page->items[0].family_name, "Okafor");
  EXPECT_EQ(page->items[1].next_expiry, "2027-01-01");
  auto all = all_listed_cases(db(), {.sort = "-opened_at"});
  ASSERT_DB_OK(all);
  EXPECT_EQ(all->size(), 3u);
}

// The nation's list searched by words reads the matched names a few at a time, in name order
// (list_cases_by_names): the same cases, order, pages and count as an organisation's list, which
// tests every case of its own.
TEST_P(CasesTest, TheNationsSearchByWordsReadsNameByName) {
  const char* names[][2] = {{"Trabelsi", "Sami"},        {"Trabelsi", "Amine"},
                            {"Ben Trabelsi", "Youssef"}, {"Trabelsi", "Amine"},
                            {"Trabelsi", "Zied"},        {"Okafor", "Trabelsi"}};
  for (const auto& [family, given] : names) add_person(family, given, "TN");
  std::vector<std::int64_t> c;  // the cases of the names above, in their order
  for (int i = 3; i < 3 + static_cast<int>(std::size(names)); ++i) c.push_back(opened(i).id);
  ASSERT_DB_OK(change_status(db(), c[3], {.status = "active", .changed_by = user_}, kNow));
  using V = std::vector<std::int64_t>;
  // The nation's answer, checked against the organisation's; with its count.
  auto both = [&](CaseFilter f, Paging paging) {
    auto nation = list_cases(db(), f, paging);
    f.organization_id = operator_id_;
    auto own = list_cases(db(), f, paging);
    EXPECT_TRUE(nation.ok() && own.ok());
    std::pair<V, std::int64_t> out;
    if (!nation.ok() || !own.ok()) return out;
    for (const auto& r : nation->items) out.first.push_back(r.c.id);
    out.second = nation->total;
    V own_ids;
    for (const auto& r : own->items) own_ids.push_back(r.c.id);
    EXPECT_EQ(own_ids, out.first);
    EXPECT_EQ(own->total, nation->total);
    return out;
  };
  const V by_name = {c[2], c[5], c[1], c[3], c[0], c[4]};  // Ben Trabelsi, Okafor, Trabelsi A...
  EXPECT_EQ(both({.words = "trabelsi"}, {1, 50}), (std::pair{by_name, std::int64_t{6}}));
  EXPECT_EQ(both({.words = "trabelsi"}, {2, 2}), (std::pair{V{c[1], c[3]}, std::int64_t{6}}));
  EXPECT_EQ(both({.words = "trabelsi", .sort = "-name"}, {1, 3}),
            (std::pair{V{c[4], c[0], c[3]}, std::int64_t{6}}));
  EXPECT_EQ(both({.status = "active", .words = "trabelsi"}, {1, 50}),
            (std::pair{V{c[3]}, std::int64_t{1}}));
  EXPECT_EQ(both({.words = "trabelsi amine"}, {1, 50}),
            (std::pair{V{c[1], c[3]}, std::int64_t{2}}));
  EXPECT_EQ(both({.words = "nobody"}, {1, 50}), (std::pair{V{}, std::int64_t{0}}));
}

INSTANTIATE_TEST_SUITE_P(Engines, CasesTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::cases
