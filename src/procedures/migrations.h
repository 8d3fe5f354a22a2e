#pragma once

#include <vector>

#include "db/migrations.h"

namespace innet::procedures {

// 1: the catalogue and the files; 2: the catalogue's seven procedures (standard_catalogue.h).
std::vector<db::Migration> migrations(db::Engine engine);

}  // namespace innet::procedures
