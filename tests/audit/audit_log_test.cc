// The audit trail on both engines: entries chain in order, and `verify` detects an entry that
// was edited, removed or reordered directly in the table, or a truncated chain.
#include "audit/audit_log.h"

#include "app/app.h"
#include "support/engine_test.h"

namespace innet::audit {
namespace {

using db::storage_test::EngineTest;

const std::string kKey = "0123456789abcdef0123456789abcdef";

class AuditTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_DB_OK(db::migrate(pool(), app::all_migrations(engine())));
    auto conn = pool().acquire();
    ASSERT_DB_OK(conn);
    for (int i = 1; i <= 5; ++i) {
      Entry e;
      e.actor_user_id = i;
      e.actor_email = "user" + std::to_string(i) + "@example.org";
      e.action = "users.update";
      e.entity_type = "user";
      e.entity_id = std::to_string(i);
      e.details = R"({"display_name":"Name )" + std::to_string(i) + "\"}";
      ASSERT_DB_OK(record(**conn, e));
    }
    auto chained = chain_pending(**conn, kKey);
    ASSERT_DB_OK(chained);
    ASSERT_EQ(*chained, 5);
  }

  VerifyReport verify_now() {
    auto conn = pool().acquire();
    EXPECT_TRUE(conn.ok());
    auto report = verify(**conn, kKey);
    EXPECT_TRUE(report.ok()) << report.error().message;
    return *report;
  }

  // What an intruder with write access to the database would do first.
  void drop_guards() {
    auto conn = pool().acquire();
    ASSERT_DB_OK(conn);
    if (engine() == db::Engine::sqlite) {
      ASSERT_DB_OK((*conn)->execute_script(
          "DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update;"));
    } else {
      ASSERT_DB_OK((*conn)->execute_script("DROP TRIGGER audit_log_append_only ON audit_log;"));
    }
  }

  void tamper(const std::string& sql) {
    drop_guards();
    auto conn = pool().acquire();
    ASSERT_DB_OK(conn);
    ASSERT_DB_OK((*conn)->execute_script(sql));
  }
};

TEST_P(AuditTest, IntactChainVerifies) {
  auto r = verify_now();
  EXPECT_TRUE(r.intact) << r.problem;
  EXPECT_EQ(r.chained, 5);
  EXPECT_EQ(r.pending, 0);
}

TEST_P(AuditTest, PendingEntriesAreReportedAndLaterChained) {
  auto conn = pool().acquire();
  ASSERT_DB_OK(conn);
  Entry e;
  e.action = "auth.login";
  e.outcome = "failure";
  ASSERT_DB_OK(record(**conn, e));
  EXPECT_EQ(verify_now().pending, 1);
  ASSERT_DB_OK(chain_pending(**conn, kKey));
  auto r = verify_now();
  EXPECT_TRUE(r.intact);
  EXPECT_EQ(r.chained, 6);
}

TEST_P(AuditTest, TheDatabaseRefusesEditsAndDeletesOfChainedEntries) {
  auto conn = pool().acquire();
  ASSERT_DB_OK(conn);
  EXPECT_FALSE((*conn)->execute("UPDATE audit_log SET details = '{}' WHERE seq = 2").ok());
  EXPECT_FALSE((*conn)->execute("DELETE FROM audit_log WHERE seq = 2").ok());
  EXPECT_TRUE(verify_now().intact);
}

TEST_P(AuditTest, DetectsAnEditedEntry) {
  tamper("UPDATE audit_log SET details = '{\"display_name\":\"Forged\"}' WHERE seq = 3;");
  auto r = verify_now();
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 3);
}

TEST_P(AuditTest, DetectsAnEditedActor) {
  tamper("UPDATE audit_log SET actor_email = 'someone.else@example.org' WHERE seq = 1;");
  EXPECT_EQ(verify_now().first_bad_seq, 1);
}

TEST_P(AuditTest, DetectsARemovedEntry) {
  tamper("DELETE FROM audit_log WHERE seq = 2;");
  auto r = verify_now();
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 2);
}

TEST_P(AuditTest, DetectsReorderedEntries) {
  tamper(
      "UPDATE audit_log SET seq = -1 WHERE seq = 2;"
      "UPDATE audit_log SET seq = 2 WHERE seq = 4;"
      "UPDATE audit_log SET seq = 4 WHERE seq = -1;");
  auto r = verify_now();
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 2);
}

TEST_P(AuditTest, DetectsATruncatedTail) {
  tamper("DELETE FROM audit_log WHERE seq = 5;");
  auto r = verify_now();
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 5);
}

TEST_P(AuditTest, DetectsARecomputedChainWithoutTheKey) {
  // Rewriting an entry and its hash with a guessed key breaks at that entry.
  tamper("UPDATE audit_log SET hash = 'ab' || substr(hash, 3) WHERE seq = 4;");
  EXPECT_EQ(verify_now().first_bad_seq, 4);
}

TEST_P(AuditTest, FiltersByActorActionAndDate) {
  auto conn = pool().acquire();
  ASSERT_DB_OK(conn);
  Filter f;
  f.actor_user_id = 3;
  auto page = list(**conn, f, Paging{});
  ASSERT_DB_OK(page);
  ASSERT_EQ(page->second, 1);
  EXPECT_EQ(page->first[0].entry.actor_email, "user3@example.org");
  Filter future;
  future.from = "2999-01-01";
  auto none = list(**conn, future, Paging{});
  ASSERT_DB_OK(none);
  EXPECT_EQ(none->second, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::audit
