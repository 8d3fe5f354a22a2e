// A fixture that gives each test its own empty database on the engine it is parametrised with.
//   sqlite:      a file in a fresh mkdtemp directory, removed afterwards.
//   postgresql:  a fresh schema in the database named by INNET_TEST_PG_URL (see
//                scripts/with-postgres.sh); the pool's URL pins search_path to it through libpq's
//                `options`, so every pooled connection sees only that schema. Tests run as
//                parallel processes against one server, and a schema is cheaper than a database.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "db/database.h"
#include "db/migrations.h"

namespace innet::db::storage_test {

// Prints the error when a Result or Status that should have succeeded did not.
#define ASSERT_DB_OK(expr)                                                                    \
  do {                                                                                        \
    const auto& storage_test_result_ = (expr);                                                \
    ASSERT_TRUE(storage_test_result_.ok())                                                    \
        << storage_test_result_.error().code << ": " << storage_test_result_.error().message; \
  } while (0)

inline std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::sqlite ? "sqlite" : "postgresql";
}

inline auto all_engines() {
  return ::testing::Values(Engine::sqlite, Engine::postgresql);
}

class EngineTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::sqlite) {
      std::string pattern =
          (std::filesystem::temp_directory_path() / "innet-storage-XXXXXX").string();
      ASSERT_NE(mkdtemp(pattern.data()), nullptr);
      directory_ = pattern;
      url_ = "sqlite://" + directory_ + "/test.db";
    } else {
      const char* base = std::getenv("INNET_TEST_PG_URL");
      if (base == nullptr || *base == '\0') {
        GTEST_SKIP() << "INNET_TEST_PG_URL is not set; run the tests under "
                        "scripts/with-postgres.sh to cover PostgreSQL";
      }
      auto admin = open_postgresql(base);
      ASSERT_DB_OK(admin);
      admin_ = std::move(*admin);
      schema_ = unique_schema_name();
      ASSERT_DB_OK(admin_->execute_script("CREATE SCHEMA " + schema_));
      const std::string separator =
          std::string_view(base).find('?') == std::string_view::npos ? "?" : "&";
      url_ = base + separator + "options=-csearch_path%3D" + schema_;
    }
    auto pool = Pool::open(url_, 4);
    ASSERT_DB_OK(pool);
    pool_ = std::move(*pool);
  }

  void TearDown() override {
    pool_.reset();
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
    if (admin_) (void)admin_->execute_script("DROP SCHEMA " + schema_ + " CASCADE");
  }

  Engine engine() const { return GetParam(); }
  const std::string& url() const { return url_; }
  Pool& pool() { return *pool_; }

  // A second pool on the same database, e.g. to stand in for another server process.
  std::unique_ptr<Pool> open_pool(int max_connections) {
    auto pool = Pool::open(url_, max_connections);
    EXPECT_TRUE(pool.ok()) << pool.error().message;
    return pool.ok() ? std::move(*pool) : nullptr;
  }

  PooledConnection connection() {
    auto c = pool_->acquire();
    EXPECT_TRUE(c.ok()) << c.error().message;
    return std::move(c).value();
  }

  // Runs setup SQL, with {{pk}} and {{blob}} expanded, that the test relies on.
  void exec(const std::string& sql) {
    ASSERT_DB_OK(connection()->execute_script(expand_dialect(sql, engine())));
  }

  std::int64_t count(const std::string& table) {
    auto rows = connection()->query("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    return rows.ok() ? rows->rows.at(0).integer(0) : -1;
  }

 private:
  static std::string unique_schema_name() {
    std::random_device random;
    return "test_" + std::to_string(getpid()) + "_" + std::to_string(random());
  }

  std::string url_;
  std::string directory_;
  std::string schema_;
  std::unique_ptr<Connection> admin_;
  std::unique_ptr<Pool> pool_;
};

}  // namespace innet::db::storage_test
