// A domain module as the application assembles it. Each module folder has a module.cc with one
// function returning its descriptor (e.g. `reception::module()`); src/app/modules.cc lists them
// in dependency order, and that list is the only shared place a new module touches. See
// docs/architecture.md, "How to add a module".
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "api/api.h"
#include "db/database.h"
#include "db/migrations.h"

namespace innet::api {

struct Module {
  std::string name;  // the folder's name: "reception"
  // Its tables, numbered within the module; they run after those of the modules listed before it.
  std::function<std::vector<db::Migration>(db::Engine)> migrations;
  std::function<void(Api&)> add_routes;
  // Registers the module with other modules' hooks (e.g. people's person links), once, before
  // the first request.
  std::function<void()> connect;
};

}  // namespace innet::api
