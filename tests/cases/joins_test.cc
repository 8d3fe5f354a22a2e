// Joining two cases of one person on both engines (decision 0025, point 10; src/cases/joins.h):
// the merged case's attachments move to the case kept and back; flags of one category that the
// join made two are one active again (the highest severity, on a tie the earliest identified),
// the other withdrawn by the merging user at the merge's time; an unjoin re-activates exactly
// those and removes their withdrawals.
#include "cases/joins.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "cases/case_fixture.h"
#include "cases/view.h"
#include "documents/documents.h"
#include "screening/screenings.h"

namespace innet::cases {
namespace {

using storage_test::kNow;

class JoinsTest : public storage_test::CasesTest {
 protected:
  void SetUp() override {
    CasesTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // What the application registers while it is assembled: once per process.
    static const bool registered = [] {
      add_case_records(screening::joined_case_records());
      return true;
    }();
    (void)registered;
  }
  std::int64_t attachment(std::int64_t case_id, const std::string& content) {
    auto d = documents::store_document(db(), "%PDF-1.4\n" + content + "\n%%EOF\n",
                                       {"application/pdf", "pdf"}, "allegato.pdf", user_);
    EXPECT_TRUE(d.ok());
    if (!d.ok()) return 0;
    EXPECT_TRUE(documents::set_owner(db(), d->id, kAttachmentOwnerKind, case_id, user_).ok());
    return d->id;
  }
  std::vector<std::int64_t> attachments_of(std::int64_t case_id) {
    auto docs = documents::documents_of(db(), kAttachmentOwnerKind, {case_id});
    EXPECT_TRUE(docs.ok());
    std::vector<std::int64_t> ids;
    if (docs.ok())
      for (const auto& d : *docs) ids.push_back(d.id);
    return ids;
  }
  std::int64_t flag(std::int64_t case_id, const char* category, const char* severity,
                    const char* identified_on) {
    auto f = screening::add_flag(db(), {.case_id = case_id,
                                        .category = category,
                                        .severity = severity,
                                        .identified_on = identified_on,
                                        .identified_by = user_,
                                        .source = "manual"});
    EXPECT_TRUE(f.ok());
    return f.ok() ? f->id : 0;
  }
  screening::Flag found(std::int64_t id) {
    auto f = screening::find_flag(db(), id);
    EXPECT_TRUE(f.ok());
    return f.ok() ? *f : screening::Flag{};
  }
  // Category -> the active flag's id, for the case; a second active flag of one category fails.
  std::map<std::string, std::int64_t> active_of(std::int64_t case_id) {
    auto flags = screening::flags_of(db(), case_id);
    EXPECT_TRUE(flags.ok());
    std::map<std::string, std::int64_t> out;
    if (!flags.ok()) return out;
    for (const auto& f : *flags) {
      if (f.status == "active") {
        EXPECT_TRUE(out.emplace(f.category, f.id).second) << "two active " << f.category;
      }
    }
    return out;
  }
};

std::map<std::string, std::vector<std::int64_t>> by_kind(
    const std::vector<people::MovedRecords>& moved) {
  std::map<std::string, std::vector<std::int64_t>> out;
  for (const auto& m : moved) out[m.kind] = m.ids;
  return out;
}

TEST_P(JoinsTest, AttachmentsMoveToTheCaseKeptAndBack) {
  const auto kept = opened(1), merged = opened(2);
  const auto own = attachment(kept.id, "kept");
  const auto moving = attachment(merged.id, "merged");
  auto moved = join_cases(db(), kept.id, merged.id, {.actor_id = user_, .at = kNow});
  ASSERT_DB_OK(moved);
  EXPECT_EQ(by_kind(*moved)["case_attachments"], (std::vector<std::int64_t>{moving}));
  EXPECT_EQ(attachments_of(kept.id), (std::vector<std::int64_t>{own, moving}));
  EXPECT_TRUE(attachments_of(merged.id).empty());
  // One attached to the case kept after the join stays there when it is undone.
  const auto later = attachment(kept.id, "later");
  ASSERT_DB_OK(unjoin_cases(db(), kept.id, merged.id, *moved, user_));
  EXPECT_EQ(attachments_of(kept.id), (std::vector<std::int64_t>{own, later}));
  EXPECT_EQ(attachments_of(merged.id), (std::vector<std::int64_t>{moving}));
}

TEST_P(JoinsTest, DuplicateFlagsAreWithdrawnAndUndoneWithTheJoin) {
  const auto kept = opened(1), merged = opened(2);
  // Trafficking: the merged case's is more severe and stays. Disability: a tie of severity,
  // the case kept's was identified first and stays. FGM: only one flag, nothing to withdraw.
  const auto kept_trafficking = flag(kept.id, "trafficking_victim", "medium", "2026-10-01");
  const auto kept_disability = flag(kept.id, "disability", "low", "2026-09-01");
  const auto merged_trafficking = flag(merged.id, "trafficking_victim", "high", "2026-10-20");
  const auto merged_disability = flag(merged.id, "disability", "low", "2026-10-05");
  const auto merged_fgm = flag(merged.id, "fgm", "high", "2026-10-05");
  // Someone other than the flags' author merges: the withdrawals are the merger's.
  auto merger = accounts::create_user(db(), {.email = "merger@example.org",
                                             .display_name = "Merger",
                                             .role = auth::Role::case_worker,
                                             .organization_id = operator_id_,
                                             .password_hash = "x"});
  ASSERT_DB_OK(merger);
  const std::string at = "2026-11-03T10:30:00Z";

  auto moved = join_cases(db(), kept.id, merged.id, {.actor_id = merger->id, .at = at});
  ASSERT_DB_OK(moved);
  EXPECT_EQ(active_of(kept.id),
            (std::map<std::string, std::int64_t>{{"disability", kept_disability},
                                                 {"fgm", merged_fgm},
                                                 {"trafficking_victim", merged_trafficking}}));
  std::vector<std::int64_t> withdrawals;
  for (const auto& [id, duplicate_of] :
       {std::pair{kept_trafficking, merged_trafficking}, {merged_disability, kept_disability}}) {
    const auto f = found(id);
    EXPECT_EQ(f.status, "withdrawn");
    EXPECT_EQ(f.case_id, kept.id);
    ASSERT_EQ(f.changes.size(), 1u);
    const auto& change = f.changes[0];
    EXPECT_EQ(change.kind, "withdrawal");
    EXPECT_EQ(change.reason, "withdrawn by the person merge as a duplicate of flag " +
                                 std::to_string(duplicate_of));
    EXPECT_EQ(change.changed_by, merger->id);
    EXPECT_EQ(change.changed_at, at);
    withdrawals.push_back(change.id);
  }
  std::sort(withdrawals.begin(), withdrawals.end());
  EXPECT_EQ(by_kind(*moved)["vulnerability_flag_join_withdrawals"], withdrawals);
  // The case list's filter finds the case kept once, the closed one not at all.
  auto flagged = db().query(screening::cases_flagged("trafficking_victim").sql,
                            screening::cases_flagged("trafficking_victim").params);
  ASSERT_DB_OK(flagged);
  ASSERT_EQ(flagged->size(), 1u);
  EXPECT_EQ((*flagged)[0].integer(0), kept.id);

  ASSERT_DB_OK(unjoin_cases(db(), kept.id, merged.id, *moved, merger->id));
  EXPECT_EQ(active_of(kept.id),
            (std::map<std::string, std::int64_t>{{"disability", kept_disability},
                                                 {"trafficking_victim", kept_trafficking}}));
  EXPECT_EQ(active_of(merged.id),
            (std::map<std::string, std::int64_t>{{"disability", merged_disability},
                                                 {"fgm", merged_fgm},
                                                 {"trafficking_victim", merged_trafficking}}));
  for (auto id : {kept_trafficking, merged_disability})
    EXPECT_TRUE(found(id).changes.empty()) << "flag " << id;
}

// A flag given back whose case has meanwhile an active flag of its category stays withdrawn,
// its withdrawal kept: a case has one active flag of a category.
TEST_P(JoinsTest, AFlagReplacedSinceTheJoinStaysWithdrawn) {
  const auto kept = opened(1), merged = opened(2);
  const auto kept_flag = flag(kept.id, "elderly", "low", "2026-10-01");
  const auto merged_flag = flag(merged.id, "elderly", "high", "2026-10-02");
  auto moved = join_cases(db(), kept.id, merged.id, {.actor_id = user_, .at = kNow});
  ASSERT_DB_OK(moved);
  ASSERT_DB_OK(screening::withdraw_flag(db(), merged_flag, "errore", user_, kNow));
  const auto newer = flag(kept.id, "elderly", "medium", "2026-11-02");
  ASSERT_DB_OK(unjoin_cases(db(), kept.id, merged.id, *moved, user_));
  EXPECT_EQ(active_of(kept.id), (std::map<std::string, std::int64_t>{{"elderly", newer}}));
  const auto f = found(kept_flag);
  EXPECT_EQ(f.status, "withdrawn");
  EXPECT_EQ(f.changes.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, JoinsTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::cases
