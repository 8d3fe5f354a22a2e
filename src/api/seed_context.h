// What a module's demo-data step (`api::Module::seed`) is given. `innet seed` (src/seed) opens
// one transaction on an empty database and runs the steps in the modules' order; a step writes
// its module's records through its own functions and those of the modules it may use, reads what
// the steps before it left in `registry`, and adds its counts to `report`.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "auth/policy.h"
#include "core/civil_day.h"
#include "db/database.h"

namespace innet::api {

enum class SeedScale {
  demo,      // the Palermo network with one demo account per role (`innet seed --demo`)
  national,  // benchmark-sized data (`innet seed --scale national`)
};

// The demo accounts' password, and their e-mail domain (<role>@kDemoDomain).
inline constexpr const char* kDemoPassword = "demo";
inline constexpr const char* kDemoDomain = "demo.innet.example";

struct DemoAccount {
  std::string email;
  std::string role;
  std::string organization;
};

// What the steps tell the steps after them: filled by a module's step, read by later ones'.
struct SeedRegistry {
  // Organisations that run centres, in the order they were created (accounts).
  std::vector<std::int64_t> operators;
  // Demo: the demo case worker's organisation, which gets the first centres (accounts).
  std::int64_t featured_operator = 0;
  // Demo: the demo accounts' user ids by role; national: the inspector who makes the generated
  // inspections (accounts).
  std::map<auth::Role, std::int64_t> demo_users;
  // National: the first user of each operator, who records its absences (accounts).
  std::map<std::int64_t, std::int64_t> staff_by_operator;
  // Demo: pairs of records of one person whose names differ, both hosted now, that the cases step
  // gives one passport (reception).
  std::vector<std::pair<std::int64_t, std::int64_t>> passport_pairs;
};

// One count of the summary `innet seed` prints: "3000 centres". A detail is printed in
// parentheses after the count before it: "... placements (96 current guests, 8 transfers)".
struct SeedCount {
  std::int64_t count = 0;
  std::string what;
  bool detail = false;
};

struct SeedReport {
  std::vector<SeedCount> counts;
  std::vector<DemoAccount> accounts;  // demo: the accounts to sign in with, printed by the CLI
};

struct SeedContext {
  db::Connection& conn;  // in the one transaction of the whole seed
  SeedScale scale;
  // One sequence for the whole run, consumed by the steps in order: the same data every time.
  std::mt19937& rng;
  CivilDay today;         // the last simulated day
  std::string chain_key;  // demo: the audit key that chains the registers' confirmations
  std::string notes_key;  // demo: the raw key that seals sensitive case notes
  SeedRegistry registry;
  SeedReport report;
};

}  // namespace innet::api
