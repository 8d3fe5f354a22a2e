// `innet seed`: fills a new database with generated data. `--demo` makes the Palermo network
// with one demo account per role; `--scale national` makes benchmark-sized data. The data are
// the modules' own: each module's descriptor may have a seed step (api::Module::seed,
// api/seed_context.h), and this driver only runs them, in the order of the list it is given
// (app::modules(), dependency order), in one transaction. It knows no module: adding a module's
// demo data touches its own folder only.
#pragma once

#include <string>
#include <vector>

#include "api/module.h"
#include "core/result.h"
#include "db/database.h"

namespace innet::seed {

// Runs every module's seed step on a new database (accounts' step refuses one that already has
// organisations), records the seed in the audit trail and commits; on PostgreSQL it then
// refreshes the planner's statistics. The same scale gives the same data on every run: one
// random sequence with a fixed seed, consumed by the steps in order. `chain_key` links the demo
// registers' confirmations (the audit key of the secrets file); `notes_key` seals the demo cases'
// sensitive notes (the raw key of case_notes_key_file; without it the demo has none).
Result<api::SeedReport> run(db::Pool& pool, const std::vector<api::Module>& modules,
                            api::SeedScale scale, const std::string& chain_key = "",
                            const std::string& notes_key = "");

// The report's counts in one line: "2082 organisations, 10000 users, ..., 42 placements (7
// current guests, 3 transfers), 15 absences".
std::string summary(const std::vector<api::SeedCount>& counts);

}  // namespace innet::seed
