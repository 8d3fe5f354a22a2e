// The seed driver on both engines: it runs the modules' seed steps in the order it is given, in
// one transaction (a failing step leaves nothing behind), passes the registry from one step to
// the next, and records the seed in the audit trail. The steps here are stand-ins; the modules'
// own steps run in tests/people/person_search_test.cc (demo) and the API tests (a demo database).
#include "seed/seed.h"

#include "app/app.h"
#include "audit/audit_log.h"
#include "support/engine_test.h"

namespace innet::seed {
namespace {

using db::storage_test::EngineTest;

TEST(SeedSummary, PutsDetailsInParenthesesAfterTheirCount) {
  EXPECT_EQ(summary({{3, "centres"},
                     {9, "placements"},
                     {4, "current guests", true},
                     {1, "transfers", true},
                     {2, "absences"}}),
            "3 centres, 9 placements (4 current guests, 1 transfers), 2 absences");
  EXPECT_EQ(summary({{5, "users"}, {1, "detail", true}}), "5 users (1 detail)");
  EXPECT_EQ(summary({}), "");
}

// Stand-ins in the modules' order: b and c read a's data, d reads c's; e has no step.
std::vector<api::Module> chain_of_modules() {
  std::vector<api::Module> modules(5);
  const std::vector<std::vector<std::string>> needs = {{}, {"a"}, {"a"}, {"c"}, {}};
  for (std::size_t i = 0; i < modules.size(); ++i) {
    modules[i].name = std::string(1, static_cast<char>('a' + i));
    modules[i].seed_needs = needs[i];
    if (i < 4) modules[i].seed = [](api::SeedContext&) { return Status::success(); };
  }
  return modules;
}

std::vector<std::string> names(const Result<std::vector<api::Module>>& chosen) {
  std::vector<std::string> out;
  if (chosen.ok())
    for (const auto& m : *chosen) out.push_back(m.name);
  return out;
}

TEST(SeedSelect, KeepsTheModulesOrderWhateverTheOrderNamed) {
  const auto modules = chain_of_modules();
  EXPECT_EQ(names(select(modules, "d,a,c", false)), (std::vector<std::string>{"a", "c", "d"}));
  EXPECT_EQ(names(select(modules, "a", false)), (std::vector<std::string>{"a"}));
  EXPECT_EQ(names(select(modules, "a,b,c,d", false)),
            (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(SeedSelect, RefusesANeedLeftOutOnANewDatabase) {
  const auto modules = chain_of_modules();
  for (const auto* list : {"b", "c,d", "a,d"}) {
    auto chosen = select(modules, list, false);
    ASSERT_FALSE(chosen.ok()) << list;
    EXPECT_EQ(chosen.error().kind, ErrorKind::invalid_input);
    EXPECT_NE(chosen.error().message.find("needs the data of"), std::string::npos)
        << chosen.error().message;
  }
  EXPECT_NE(select(modules, "a,d", false).error().message.find("'d' needs the data of 'c'"),
            std::string::npos);
}

TEST(SeedSelect, RefusesUnknownNamesAndModulesWithoutAStep) {
  const auto modules = chain_of_modules();
  for (const auto* list : {"x", "a,x", "e", "a,", "", "A"}) {
    auto chosen = select(modules, list, false);
    ASSERT_FALSE(chosen.ok()) << list;
    EXPECT_EQ(chosen.error().kind, ErrorKind::invalid_input);
    ASSERT_TRUE(chosen.error().fields.count("only")) << list;
    EXPECT_EQ(chosen.error().fields.at("only").code, "not_in_list");
    EXPECT_NE(chosen.error().message.find("must be one of: a, b, c, d"), std::string::npos)
        << chosen.error().message;
  }
}

// A database a seed filled: one module's step alone, its needs being that seed's data.
TEST(SeedSelect, OneModuleAloneOnAFilledDatabase) {
  const auto modules = chain_of_modules();
  EXPECT_EQ(names(select(modules, "d", true)), (std::vector<std::string>{"d"}));
  auto two = select(modules, "c,d", true);
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(two.error().message.find("one module's step alone"), std::string::npos);
}

class SeedTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_DB_OK(db::migrate(pool(), app::all_migrations(engine())));
  }

  static audit::Entry entry(const std::string& action) {
    audit::Entry e;
    e.actor_email = "test";
    e.action = action;
    e.entity_type = "database";
    return e;
  }
};

TEST_P(SeedTest, RunsTheStepsInOrderAndPassesTheRegistryOn) {
  std::vector<std::string> ran;
  std::vector<api::Module> modules(3);
  modules[0].name = "first";
  modules[0].seed = [&](api::SeedContext& ctx) {
    ran.push_back("first");
    EXPECT_EQ(ctx.scale, api::SeedScale::national);
    EXPECT_EQ(ctx.today.to_string().size(), 10u);
    ctx.registry.operators = {7, 8};
    ctx.report.counts.push_back({2, "operators"});
    return audit::record(ctx.conn, entry("test.first"));
  };
  modules[1].name = "without a step";
  modules[2].name = "second";
  modules[2].seed = [&](api::SeedContext& ctx) {
    ran.push_back("second");
    EXPECT_EQ(ctx.registry.operators, (std::vector<std::int64_t>{7, 8}));
    ctx.report.counts.push_back({1, "centre"});
    return Status::success();
  };
  auto report = run(pool(), modules, api::SeedScale::national);
  ASSERT_DB_OK(report);
  EXPECT_EQ(ran, (std::vector<std::string>{"first", "second"}));
  EXPECT_EQ(summary(report->counts), "2 operators, 1 centre");
  auto actions = connection()->query("SELECT action FROM audit_log ORDER BY id");
  ASSERT_DB_OK(actions);
  ASSERT_EQ(actions->size(), 2u);
  EXPECT_EQ(actions->rows[0].text(0), "test.first");
  EXPECT_EQ(actions->rows[1].text(0), "seed.national");
}

TEST_P(SeedTest, AFailingStepLeavesNothingBehind) {
  std::vector<api::Module> modules(2);
  modules[0].name = "writes";
  modules[0].seed = [](api::SeedContext& ctx) {
    return audit::record(ctx.conn, entry("test.written"));
  };
  modules[1].name = "fails";
  modules[1].seed = [](api::SeedContext&) -> Status {
    return Error::make(ErrorKind::conflict, "not_empty", "refused");
  };
  auto report = run(pool(), modules, api::SeedScale::demo, "key");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, "not_empty");
  EXPECT_EQ(count("audit_log"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, SeedTest, db::storage_test::all_engines(),
                         db::storage_test::engine_name);

}  // namespace
}  // namespace innet::seed
