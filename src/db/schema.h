// What the database holds before any migration runs, for the administration commands that must
// not give a schema to a database named by mistake (`innet case-notes rotate-key`).
#pragma once

#include "db/database.h"

namespace innet::db {

// Whether the database has ever been migrated: it holds schema_migrations (db/migrations.h).
Result<bool> has_schema(Connection& connection);

}  // namespace innet::db
