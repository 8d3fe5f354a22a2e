// A domain module as the application assembles it. Each module folder has a module.cc with one
// function returning its descriptor (e.g. `reception::module()`); src/app/modules.cc lists them
// in dependency order, and that list is the only shared place a new module touches. See
// docs/architecture.md, "How to add a module".
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "api/api.h"
#include "api/seed_context.h"
#include "auth/policy.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"

namespace innet::api {

// A module's periodic work, run by the server (`innet serve`) every job_interval_seconds on a
// thread of its own with a pooled connection, never inside a request: what must happen on time
// whether or not anyone reads (e.g. referrals' escalation mails). It must be idempotent across
// several server instances on one database (a conditional UPDATE, a unique row): every instance
// runs it.
struct Job {
  std::string name;  // for the log
  std::function<Status(Services&)> run;
  // Also once as soon as the server listens, before the first interval (e.g. the directory's
  // search index, which the first search would otherwise have to wait for).
  bool at_start = false;
};

struct Module {
  std::string name;  // the folder's name: "reception"
  // Which roles may perform the module's actions, and over which records (auth/policy.h).
  std::vector<auth::Policy::Grant> grants;
  // Its tables, numbered within the module; they run after those of the modules listed before it.
  std::function<std::vector<db::Migration>(db::Engine)> migrations;
  std::function<void(Api&)> add_routes;
  // Registers the module with other modules' hooks (e.g. people's person links), once, before
  // the first request.
  std::function<void()> connect;
  // Its part of the generated data (`innet seed --demo`, `--scale national`), run after the steps
  // of the modules listed before it, in one transaction (api/seed_context.h); none if empty.
  std::function<Status(SeedContext&)> seed;
  // The modules whose steps must have run before this one, in the same seed: what it reads of
  // theirs (the registry, their records). `innet seed --only` (bench only) refuses a list that
  // leaves one out on a new database (seed::select).
  std::vector<std::string> seed_needs;
  std::vector<Job> jobs;
};

}  // namespace innet::api
