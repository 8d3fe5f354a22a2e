// Several server processes may start at once against one PostgreSQL database, so every step
// that reads or writes schema_migrations runs in a transaction holding an advisory lock, and a
// migration is re-checked under that lock before it runs. On SQLite, BEGIN IMMEDIATE already
// gives one writer at a time.

#include "db/migrations.h"
#include "db/schema.h"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace innet::db {

namespace {

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version BIGINT NOT NULL, "
    "name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, version))";

using Key = std::pair<std::string, std::int64_t>;  // module, version

// Any number works as long as every process uses the same one; this spells "innetmig".
constexpr std::int64_t kMigrationLockKey = 0x696e6e65746d6967;

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

// Formatted here rather than by the database, whose default timestamp text differs by engine.
std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[sizeof "2000-01-01T00:00:00Z"];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// Held until the surrounding transaction ends.
Status lock_migrations(Connection& connection) {
  if (connection.engine() != Engine::postgresql) return Status::success();
  INNET_TRY(connection.execute("SELECT pg_advisory_xact_lock(?)", {kMigrationLockKey}));
  return Status::success();
}

Result<bool> has_module_column(Connection& connection) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      connection.query(
          connection.engine() == Engine::sqlite
              ? "SELECT COUNT(*) FROM pragma_table_info('schema_migrations') WHERE name = 'module'"
              : "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = 'schema_migrations' AND column_name = "
                "'module'"));
  return rows[0].integer(0) > 0;
}

// Databases made before decision 0014 numbered migrations across the whole product: each
// recorded version names exactly one of today's migrations, whose module it now records.
Status record_modules(Connection& connection, const std::vector<Migration>& migrations) {
  INNET_ASSIGN_OR_RETURN(auto scoped, has_module_column(connection));
  if (scoped) return Status::success();
  INNET_ASSIGN_OR_RETURN(
      auto old, connection.query("SELECT version, name, applied_at FROM schema_migrations"));
  INNET_TRY(connection.execute_script("DROP TABLE schema_migrations"));
  INNET_TRY(connection.execute_script(kCreateMigrationsTable));
  for (const Row& row : old) {
    const std::int64_t version = row.integer(0);
    auto it = std::find_if(migrations.begin(), migrations.end(),
                           [&](const Migration& m) { return m.version == version; });
    const std::string module = it == migrations.end() ? "" : it->module;
    INNET_TRY(connection.execute(
        "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)",
        {module, version, row.text(1), row.text(2)}));
  }
  return Status::success();
}

Result<std::set<Key>> applied_versions(Connection& connection,
                                       const std::vector<Migration>& migrations) {
  Transaction transaction(connection);
  INNET_TRY(transaction.started());
  INNET_TRY(lock_migrations(connection));
  INNET_TRY(connection.execute_script(kCreateMigrationsTable));
  INNET_TRY(record_modules(connection, migrations));
  INNET_ASSIGN_OR_RETURN(auto rows,
                         connection.query("SELECT module, version FROM schema_migrations"));
  INNET_TRY(transaction.commit());
  std::set<Key> versions;
  for (const Row& row : rows) versions.insert({row.text(0), row.integer(1)});
  return versions;
}

// Returns false when another process applied the migration since applied_versions() looked.
Result<bool> apply(Connection& connection, const Migration& migration) {
  Transaction transaction(connection);
  INNET_TRY(transaction.started());
  INNET_TRY(lock_migrations(connection));
  const std::int64_t version = migration.version;
  INNET_ASSIGN_OR_RETURN(
      auto recorded,
      connection.query("SELECT 1 FROM schema_migrations WHERE module = ? AND version = ?",
                       {migration.module, version}));
  if (!recorded.empty()) return false;
  INNET_TRY(connection.execute_script(expand_dialect(migration.sql, connection.engine())));
  if (migration.then) INNET_TRY(migration.then(connection));
  INNET_TRY(connection.execute(
      "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)",
      {migration.module, version, migration.name, utc_timestamp()}));
  INNET_TRY(transaction.commit());
  return true;
}

}  // namespace

std::string expand_dialect(const std::string& sql, Engine engine) {
  const bool sqlite = engine == Engine::sqlite;
  std::string out = sql;
  replace_all(out, "{{pk}}",
              sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                     : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  replace_all(out, "{{blob}}", sqlite ? "BLOB" : "BYTEA");
  // After a table's closing parenthesis: stored in its primary key's b-tree (SQLite only).
  replace_all(out, "{{without_rowid}}", sqlite ? " WITHOUT ROWID" : "");
  return out;
}

Result<int> migrate(Pool& pool, const std::vector<Migration>& migrations) {
  std::set<Key> seen;
  for (const Migration& m : migrations)
    if (!seen.insert({m.module, m.version}).second)
      return Error::make(
          ErrorKind::invalid_input, "migration_version_duplicate",
          "two migrations of module '" + m.module + "' have version " + std::to_string(m.version));

  // Modules in the order they first appear, each module's migrations by version.
  std::vector<std::string> modules;
  for (const Migration& m : migrations)
    if (std::find(modules.begin(), modules.end(), m.module) == modules.end())
      modules.push_back(m.module);
  auto rank = [&](const Migration* m) {
    return std::pair(std::find(modules.begin(), modules.end(), m->module) - modules.begin(),
                     m->version);
  };
  std::vector<const Migration*> ordered;
  for (const Migration& m : migrations) ordered.push_back(&m);
  std::sort(ordered.begin(), ordered.end(),
            [&](const Migration* a, const Migration* b) { return rank(a) < rank(b); });

  INNET_ASSIGN_OR_RETURN(auto connection, pool.acquire());
  Connection& c = *connection;
  INNET_ASSIGN_OR_RETURN(auto applied, applied_versions(c, migrations));

  int count = 0;
  for (const Migration* next : ordered) {
    const Migration& migration = *next;
    if (applied.contains({migration.module, migration.version})) continue;
    auto ran = apply(c, migration);
    if (!ran) {
      Error error = ran.take_error();
      error.message = "migration " + (migration.module.empty() ? "" : migration.module + " ") +
                      std::to_string(migration.version) + " (" + migration.name +
                      ") failed: " + error.message;
      return error;
    }
    if (*ran) ++count;
  }
  return count;
}

Result<bool> has_schema(Connection& connection) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      connection.query(connection.engine() == Engine::sqlite
                           ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND "
                             "name = 'schema_migrations'"
                           : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                             "current_schema() AND table_name = 'schema_migrations'"));
  return rows[0].integer(0) > 0;
}

}  // namespace innet::db
