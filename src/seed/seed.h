// `innet seed`: fills a new database with generated data. `--demo` makes the Palermo network
// with one demo account per role; `--scale national` makes benchmark-sized data. The data are
// the modules' own: each module's descriptor may have a seed step (api::Module::seed,
// api/seed_context.h), and this driver only runs them, in the order of the list it is given
// (app::modules(), dependency order), in one transaction. It knows no module: adding a module's
// demo data touches its own folder only.
#pragma once

#include <string>
#include <string_view>
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

// `innet seed --only a,b,...` (bench only, for a machine where the whole national seed takes too
// long): the modules named (comma-separated) among `modules`, kept in their order whatever the
// order named. On a new database each one's seed_needs must be named too (the steps run as in
// the whole seed, on fewer modules: the random draws after the first step left out differ, the
// proportions do not). On a database a seed already `filled`, one module alone: its step reads
// that seed's records, with an empty registry (procedures' step is written for it). Refused
// (invalid_input, naming `only`): a name that is not a module with a step, a need left out, more
// than one module on a filled database.
Result<std::vector<api::Module>> select(const std::vector<api::Module>& modules,
                                        std::string_view names, bool filled);

// The report's counts in one line: "2082 organisations, 10000 users, ..., 42 placements (7
// current guests, 3 transfers), 15 absences".
std::string summary(const std::vector<api::SeedCount>& counts);

}  // namespace innet::seed
