// The domain modules of the application, in dependency order: a module's migrations run after
// those of the modules before it. Adding a module means adding it here (docs/architecture.md).
#pragma once

#include <vector>

#include "api/module.h"

namespace innet::app {

const std::vector<api::Module>& modules();

// Every module's migrations, marked with its name (db::migrate runs them module by module).
std::vector<db::Migration> all_migrations(db::Engine engine);

// The access policy: every module's grants.
const auth::Policy& policy();

// Runs every module's `connect` hook, once per process however many Apps are opened.
void connect_modules();

}  // namespace innet::app
