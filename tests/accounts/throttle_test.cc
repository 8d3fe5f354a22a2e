// Login throttling on both engines: the progressive delays of the account and address gates,
// refused attempts that write nothing, and failures audited once per window with their count.
#include "accounts/throttle.h"

#include <atomic>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "support/engine_test.h"

namespace innet::accounts {
namespace {

using db::storage_test::EngineTest;

TEST(Backoff, FreeFailuresThenDoublingUpToTheCap) {
  const Backoff b{3, 1000, 10'000, 60'000};
  for (int n : {0, 1, 2}) EXPECT_EQ(backoff_ms(b, n), 0) << n;
  EXPECT_EQ(backoff_ms(b, 3), 1000);
  EXPECT_EQ(backoff_ms(b, 4), 2000);
  EXPECT_EQ(backoff_ms(b, 5), 4000);
  EXPECT_EQ(backoff_ms(b, 6), 8000);
  EXPECT_EQ(backoff_ms(b, 7), 10'000);
  EXPECT_EQ(backoff_ms(b, 1'000'000), 10'000);
}

TEST(Backoff, TheAddressGateIsMuchGentlerThanTheAccountGate) {
  const ThrottleRules r;
  EXPECT_GE(r.address.free_failures, 4 * r.account.free_failures);
  EXPECT_LE(r.address.cap_ms * 10, r.account.cap_ms);
  // A wait never outlives the memory of the failures that caused it.
  EXPECT_LE(r.account.cap_ms, r.account.forget_ms);
  EXPECT_LE(r.address.cap_ms, r.address.forget_ms);
}

constexpr std::int64_t kStart = 1'800'000'000'000;  // ms

class ThrottleTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_DB_OK(db::migrate(pool(), app::all_migrations(engine())));
  }

  // Small numbers, so that the arithmetic is easy to follow.
  const ThrottleRules rules{{2, 1000, 4000, 60'000}, {4, 500, 1000, 30'000}, 60'000};

  std::int64_t wait(const Attempt& a, std::int64_t now) {
    auto conn = pool().acquire();
    EXPECT_TRUE(conn.ok());
    auto w = throttle_wait(**conn, a, rules, now);
    EXPECT_TRUE(w.ok()) << w.error().message;
    return w.ok() ? *w : -1;
  }
  std::int64_t claim(const Attempt& a, std::int64_t now) {
    auto conn = pool().acquire();
    EXPECT_TRUE(conn.ok());
    auto w = throttle_claim(**conn, a, rules, now);
    EXPECT_TRUE(w.ok()) << w.error().message;
    return w.ok() ? *w : -1;
  }
  // An attempt that the gates let through, with a wrong password.
  void fail(const Attempt& a, std::int64_t now) {
    ASSERT_EQ(claim(a, now), 0);
    auto conn = pool().acquire();
    ASSERT_DB_OK(conn);
    db::Transaction tx(**conn);
    audit::Entry e;
    e.action = a.action;
    e.actor_email = a.account;
    e.client_address = a.address;
    e.entity_type = "user";
    ASSERT_DB_OK(throttle_failed(**conn, a, rules, now, e));
    ASSERT_DB_OK(tx.commit());
  }
  void succeed(const Attempt& a, std::int64_t now) {
    ASSERT_EQ(claim(a, now), 0);
    auto conn = pool().acquire();
    ASSERT_DB_OK(conn);
    db::Transaction tx(**conn);
    ASSERT_DB_OK(throttle_succeeded(**conn, a, rules, now));
    ASSERT_DB_OK(tx.commit());
  }
  std::int64_t count(const std::string& sql) {
    auto conn = pool().acquire();
    EXPECT_TRUE(conn.ok());
    auto rows = (*conn)->query(sql, {});
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? (*rows)[0].integer(0) : -1;
  }
  // The audit entries of failures, oldest first: {actor_email, client_address, details}.
  std::vector<std::tuple<std::string, std::string, nlohmann::json>> audited() {
    auto conn = pool().acquire();
    EXPECT_TRUE(conn.ok());
    auto rows = (*conn)->query(
        "SELECT actor_email, client_address, details FROM audit_log WHERE outcome = 'failure' "
        "ORDER BY id",
        {});
    EXPECT_TRUE(rows.ok());
    std::vector<std::tuple<std::string, std::string, nlohmann::json>> out;
    for (const auto& r : *rows)
      out.emplace_back(r.text(0), r.text(1), nlohmann::json::parse(r.text(2)));
    return out;
  }
};

Attempt login(const std::string& email, int address) {
  return {"auth.login", email, "10.0.0." + std::to_string(address)};
}

TEST_P(ThrottleTest, TheAccountDelayDoublesAndTheRightPasswordPassesOnceItHasElapsed) {
  std::int64_t t = kStart;
  // Each attempt from another address: only the account gate is at work.
  fail(login("anna@example.org", 1), t);
  fail(login("ANNA@example.org", 2), t);  // the same account, however it is spelled
  EXPECT_EQ(wait(login("anna@example.org", 3), t), 1000);
  EXPECT_EQ(wait(login("bruno@example.org", 3), t), 0) << "other accounts are not affected";
  // Refused without being counted: the wait does not grow with refused attempts.
  EXPECT_EQ(claim(login("anna@example.org", 3), t + 400), 600);
  EXPECT_EQ(claim(login("anna@example.org", 3), t + 900), 100);
  t += 1000;
  fail(login("anna@example.org", 3), t);
  EXPECT_EQ(wait(login("anna@example.org", 4), t), 2000);
  t += 2000;
  fail(login("anna@example.org", 4), t);
  EXPECT_EQ(wait(login("anna@example.org", 5), t), 4000);
  t += 4000;
  fail(login("anna@example.org", 5), t);
  EXPECT_EQ(wait(login("anna@example.org", 6), t), 4000) << "capped";
  // The right password, once the wait is over: the account starts again from no failures.
  t += 4000;
  succeed(login("anna@example.org", 6), t);
  EXPECT_EQ(wait(login("anna@example.org", 7), t), 0);
  fail(login("anna@example.org", 7), t);
  EXPECT_EQ(wait(login("anna@example.org", 8), t), 0);
  // Quiet for longer than forget_ms: failures are forgotten.
  fail(login("anna@example.org", 8), t);
  EXPECT_EQ(wait(login("anna@example.org", 9), t), 1000);
  t += rules.account.forget_ms;
  EXPECT_EQ(wait(login("anna@example.org", 9), t), 0);
  fail(login("anna@example.org", 9), t);
  EXPECT_EQ(wait(login("anna@example.org", 10), t), 0);
}

TEST_P(ThrottleTest, TheAddressDelayIsGentleAndSuccessesFromTheAddressDoNotCount) {
  std::int64_t t = kStart;
  // Four accounts failing once each from one address: free.
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(wait(login("u" + std::to_string(i) + "@example.org", 1), t), 0);
    fail(login("u" + std::to_string(i) + "@example.org", 1), t);
  }
  // Requests in parallel read the clock in any order: one that read it a moment before the
  // last attempt was counted is not refused while the failures are free.
  EXPECT_EQ(claim(login("early@example.org", 9), t), 0);
  EXPECT_EQ(claim(login("early2@example.org", 9), t - 5), 0);
  // Every account behind the address now waits, briefly.
  EXPECT_EQ(wait(login("colleague@example.org", 1), t), 500);
  EXPECT_EQ(wait(login("colleague@example.org", 2), t), 0) << "other addresses are not affected";
  t += 500;
  // A success from the address takes back its own count: the wait stays where it was.
  succeed(login("colleague@example.org", 1), t);
  EXPECT_EQ(count("SELECT failures FROM login_throttle WHERE key = 'address:10.0.0.1'"), 4);
  EXPECT_EQ(wait(login("other@example.org", 1), t), 0);
  fail(login("u4@example.org", 1), t);
  EXPECT_EQ(wait(login("other@example.org", 1), t), 1000);
  t += 1000;
  fail(login("u5@example.org", 1), t);
  EXPECT_EQ(wait(login("other@example.org", 1), t), 1000) << "capped at one second";
  t += 1000;
  succeed(login("colleague@example.org", 1), t);
  t += rules.address.forget_ms;
  EXPECT_EQ(wait(login("other@example.org", 1), t), 0);
  fail(login("other@example.org", 1), t);
  EXPECT_EQ(count("SELECT failures FROM login_throttle WHERE key = 'address:10.0.0.1'"), 1);
}

TEST_P(ThrottleTest, RefusedAttemptsWriteNothing) {
  std::int64_t t = kStart;
  for (int i = 0; i < 4; ++i) fail(login("u" + std::to_string(i) + "@example.org", 1), t);
  const auto state = [&] {
    return std::vector<std::int64_t>{count("SELECT COUNT(*) FROM audit_log"),
                                     count("SELECT COUNT(*) FROM login_throttle"),
                                     count("SELECT SUM(failures) FROM login_throttle"),
                                     count("SELECT SUM(next_at) FROM login_throttle"),
                                     count("SELECT COUNT(*) FROM login_failures"),
                                     count("SELECT SUM(failures) FROM login_failures")};
  };
  const auto before = state();
  for (int i = 0; i < 200; ++i) {
    const auto a = login("x" + std::to_string(i) + "@example.org", 1);
    ASSERT_GT(wait(a, t + 1), 0);
    ASSERT_GT(claim(a, t + 1), 0);
  }
  EXPECT_EQ(state(), before);
}

TEST_P(ThrottleTest, FailuresAreAuditedOncePerAccountAddressAndWindowWithTheirCount) {
  std::int64_t t = kStart;
  const auto anna = login("anna@example.org", 1);
  // Five failures from one address, each after its wait: one entry, when the window opens.
  for (int i = 0; i < 5; ++i) {
    t += wait(anna, t);
    fail(anna, t);
  }
  auto entries = audited();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(std::get<0>(entries[0]), "anna@example.org");
  EXPECT_EQ(std::get<2>(entries[0])["window"], "opened");
  EXPECT_EQ(std::get<2>(entries[0])["failures"], 1);
  // The same account from another address is another window.
  fail(login("anna@example.org", 2), t + 5000);
  EXPECT_EQ(audited().size(), 2u);
  // The right password closes the window of its address with the count.
  t += wait(anna, t);
  succeed(anna, t);
  entries = audited();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(std::get<1>(entries[2]), "10.0.0.1");
  EXPECT_EQ(std::get<2>(entries[2])["window"], "closed");
  EXPECT_EQ(std::get<2>(entries[2])["failures"], 5);
  // The window of the other address expires: the next attempt of anyone closes it. A window
  // of one failure has nothing to add to its opening entry.
  fail(login("bruno@example.org", 3), t + rules.audit_window_ms);
  fail(login("bruno@example.org", 3), t + rules.audit_window_ms + 1);
  t += 2 * rules.audit_window_ms + 1;
  fail(login("carla@example.org", 4), t);
  entries = audited();
  ASSERT_EQ(entries.size(), 6u);  // bruno's opening, bruno's summary, carla's opening
  EXPECT_EQ(std::get<0>(entries[3]), "bruno@example.org");
  EXPECT_EQ(std::get<0>(entries[4]), "bruno@example.org");
  EXPECT_EQ(std::get<2>(entries[4])["window"], "closed");
  EXPECT_EQ(std::get<2>(entries[4])["failures"], 2);
  EXPECT_EQ(std::get<0>(entries[5]), "carla@example.org");
  EXPECT_EQ(count("SELECT COUNT(*) FROM login_failures"), 1);
}

TEST_P(ThrottleTest, ParallelAttemptsCannotAllSlipThroughOneOpenGate) {
  // The address allows 10 free failures; 40 attempts from it arrive at once, before any of their
  // passwords is checked: exactly 10 are let through, each counted once.
  const ThrottleRules tight{{100, 1000, 1000, 60'000}, {10, 1000, 1000, 30'000}, 60'000};
  std::atomic<int> admitted = 0, refused = 0, errors = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 5; ++k) {
        auto conn = pool().acquire();
        if (!conn.ok()) {
          ++errors;
          continue;
        }
        auto w = throttle_claim(**conn, login("p" + std::to_string(i) + "@example.org", 1), tight,
                                kStart + k);
        if (!w.ok())
          ++errors;
        else if (*w == 0)
          ++admitted;
        else
          ++refused;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(admitted, 10);
  EXPECT_EQ(refused, 30);
  EXPECT_EQ(count("SELECT failures FROM login_throttle WHERE key = 'address:10.0.0.1'"), 10);
  EXPECT_EQ(count("SELECT SUM(failures) FROM login_throttle WHERE key LIKE 'account:%'"), 10);
}

INSTANTIATE_TEST_SUITE_P(Engines, ThrottleTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::accounts
