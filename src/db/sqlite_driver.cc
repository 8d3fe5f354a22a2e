// SQLite driver on the sqlite3 C API. The handle is opened with SQLITE_OPEN_NOMUTEX because the
// pool lends each connection to one thread at a time; SQLite's own locking between connections
// (WAL, busy timeout) still applies.

#include "db/database.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace innet::db {

namespace {

constexpr int kBusyTimeoutMs = 5000;
// How many virtual machine steps pass between looks at the clock: a few microseconds of work,
// so a statement overruns its limit by about that, and reading the clock costs nothing measurable.
constexpr int kProgressSteps = 1000;

Error error_from_code(int extended_code, std::string message) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Error::make(ErrorKind::conflict, "unique_violation", std::move(message));
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Error::make(ErrorKind::conflict, "foreign_key_violation", std::move(message));
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return Error::make(ErrorKind::unprocessable, "check_violation", std::move(message));
  }
  switch (extended_code & 0xff) {
    case SQLITE_BUSY:
      return Error::make(ErrorKind::unavailable, "lock_timeout", std::move(message));
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      return Error::make(ErrorKind::unavailable, "db_unavailable", std::move(message));
  }
  return Error::make(ErrorKind::internal, "db_error", std::move(message));
}

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using DatabasePtr = std::unique_ptr<sqlite3, DatabaseCloser>;
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Lets the statement cache be searched with the caller's string_view, without a copy.
struct SqlHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>()(sql); }
};

// Resets a cached statement when a call is done with it: the next call starts from a clean
// state, and a half-read SELECT does not keep its read snapshot open.
class StatementUse {
 public:
  explicit StatementUse(sqlite3_stmt* statement) : statement_(statement) {}
  ~StatementUse() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;

 private:
  sqlite3_stmt* statement_;
};

// Binds without copying (SQLITE_STATIC): the values outlive the statement's use, which ends
// with StatementUse clearing the bindings.
int bind_value(sqlite3_stmt* statement, int index, const Value& value) {
  return std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return sqlite3_bind_null(statement, index);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return sqlite3_bind_int64(statement, index, v);
        } else if constexpr (std::is_same_v<T, double>) {
          return sqlite3_bind_double(statement, index, v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return sqlite3_bind_text64(statement, index, v.data(), v.size(), SQLITE_STATIC,
                                     SQLITE_UTF8);
        } else if (v.bytes.empty()) {
          // An empty vector may have a null data(), which sqlite3_bind_blob would store as NULL.
          return sqlite3_bind_zeroblob(statement, index, 0);
        } else {
          return sqlite3_bind_blob64(statement, index, v.bytes.data(), v.bytes.size(),
                                     SQLITE_STATIC);
        }
      },
      value);
}

Value column_value(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
      return sqlite3_column_double(statement, column);
    case SQLITE_TEXT: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
      const int size = sqlite3_column_bytes(statement, column);
      return text ? std::string(text, size) : std::string();
    }
    case SQLITE_BLOB: {
      const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(statement, column));
      const int size = sqlite3_column_bytes(statement, column);
      return bytes ? Blob{std::vector<unsigned char>(bytes, bytes + size)} : Blob{};
    }
    default:
      return nullptr;
  }
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(DatabasePtr db) : db_(std::move(db)) {}

  Engine engine() const override { return Engine::sqlite; }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    Rows rows;
    INNET_TRY(run(sql, params, &rows));
    return rows;
  }

  Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
    const std::int64_t total_before = sqlite3_total_changes64(db_.get());
    INNET_TRY(run(sql, params, nullptr));
    // sqlite3_changes64 keeps the count of the last INSERT, UPDATE or DELETE, so a statement
    // that changed nothing (DDL, a SELECT) would otherwise report a stale number.
    if (sqlite3_total_changes64(db_.get()) == total_before) return std::int64_t{0};
    return sqlite3_changes64(db_.get());
  }

  Status execute_script(std::string_view sql) override {
    const std::string script(sql);
    char* message = nullptr;
    start_clock();
    if (sqlite3_exec(db_.get(), script.c_str(), nullptr, nullptr, &message) == SQLITE_OK) {
      return Status::success();
    }
    Error error = failure(message ? message : sqlite3_errmsg(db_.get()));
    sqlite3_free(message);
    return error;
  }

  // The statement limit is a progress handler that interrupts the statement past its deadline;
  // the lock limit is the busy timeout, which bounds the wait for another connection's lock.
  Status set_time_limits(const TimeLimits& limits) override {
    if (limits == limits_) return Status::success();
    limits_ = limits;
    sqlite3_busy_timeout(db_.get(), limits.lock_ms > 0 ? limits.lock_ms : kBusyTimeoutMs);
    if (limits.statement_ms > 0) {
      sqlite3_progress_handler(db_.get(), kProgressSteps, &SqliteConnection::past_deadline, this);
    } else {
      sqlite3_progress_handler(db_.get(), 0, nullptr, nullptr);
    }
    return Status::success();
  }

  // IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout instead
  // of one failing with SQLITE_BUSY when it upgrades a read lock halfway through.
  Status begin() override { return run("BEGIN IMMEDIATE", {}, nullptr); }
  Status commit() override { return run("COMMIT", {}, nullptr); }
  Status rollback() override { return run("ROLLBACK", {}, nullptr); }

  // The pool asks on every return, so this must cost nothing: an embedded connection does not
  // drop like a socket, and a failing file shows in the next statement's error (and /readyz).
  bool healthy() override { return db_ != nullptr; }

  bool in_transaction() const override { return sqlite3_get_autocommit(db_.get()) == 0; }

 private:
  using Clock = std::chrono::steady_clock;

  static int past_deadline(void* self) {
    return Clock::now() > static_cast<SqliteConnection*>(self)->deadline_ ? 1 : 0;
  }

  void start_clock() {
    if (limits_.statement_ms > 0)
      deadline_ = Clock::now() + std::chrono::milliseconds(limits_.statement_ms);
  }

  // The error of the last call (preparing, binding or stepping a statement); an interruption can
  // only come from the statement limit.
  Error failure(std::string message) {
    if (sqlite3_extended_errcode(db_.get()) == SQLITE_INTERRUPT)
      return Error::make(ErrorKind::unavailable, "query_timeout",
                         "the query took longer than " + std::to_string(limits_.statement_ms) +
                             " ms and was stopped");
    return error_from_code(sqlite3_extended_errcode(db_.get()), std::move(message));
  }

  Result<sqlite3_stmt*> prepare(std::string_view sql) {
    if (auto cached = statements_.find(sql); cached != statements_.end()) {
      return cached->second.get();
    }
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    StatementPtr statement(raw);
    if (rc != SQLITE_OK) return failure(sqlite3_errmsg(db_.get()));
    if (!statement) {
      return Error::make(ErrorKind::internal, "db_error", "the SQL holds no statement");
    }
    if (holds_a_statement(sql.substr(tail - sql.data()))) {
      return Error::make(ErrorKind::internal, "db_error",
                         "query() and execute() run one statement; use execute_script for more");
    }
    return statements_.emplace(std::string(sql), std::move(statement)).first->second.get();
  }

  // Whatever follows the first statement is compiled only to see whether it is one: comments
  // and semicolons are fine, anything else (even invalid SQL) would be silently skipped.
  bool holds_a_statement(std::string_view rest) {
    sqlite3_stmt* raw = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_.get(), rest.data(), static_cast<int>(rest.size()), &raw, nullptr);
    const StatementPtr next(raw);
    return rc != SQLITE_OK || next != nullptr;
  }

  // Steps the statement to completion, keeping the rows when `out` is given.
  Status run(std::string_view sql, const Params& params, Rows* out) {
    start_clock();  // before preparing, which may run the virtual machine to read the schema
    INNET_ASSIGN_OR_RETURN(auto prepared, prepare(sql));
    sqlite3_stmt* statement = prepared;
    StatementUse use(statement);

    const int placeholders = sqlite3_bind_parameter_count(statement);
    if (static_cast<std::size_t>(placeholders) != params.size()) {
      return Error::make(ErrorKind::internal, "db_error",
                         "the statement has " + std::to_string(placeholders) +
                             " placeholders but " + std::to_string(params.size()) +
                             " values were given");
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (bind_value(statement, static_cast<int>(i) + 1, params[i]) != SQLITE_OK) {
        return failure(sqlite3_errmsg(db_.get()));
      }
    }

    const int columns = sqlite3_column_count(statement);
    if (out) out->columns.reserve(columns);
    for (int c = 0; out && c < columns; ++c) {
      out->columns.emplace_back(sqlite3_column_name(statement, c));
    }
    for (;;) {
      const int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) return Status::success();
      if (rc != SQLITE_ROW) return failure(sqlite3_errmsg(db_.get()));
      if (!out) continue;
      std::vector<Value> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) values.push_back(column_value(statement, c));
      out->rows.emplace_back(std::move(values));
    }
  }

  // Declared first so the cached statements are finalized before the handle closes.
  DatabasePtr db_;
  std::unordered_map<std::string, StatementPtr, SqlHash, std::equal_to<>> statements_;
  TimeLimits limits_;
  Clock::time_point deadline_ = Clock::time_point::max();
};

}  // namespace

Result<std::unique_ptr<Connection>> open_sqlite(const std::string& path) {
  // Memory statistics take a global mutex on every allocation, shared by all connections; we
  // never read them. Must precede sqlite3_initialize, hence once, before the first open.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  sqlite3* raw = nullptr;
  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DatabasePtr db(raw);
  if (rc != SQLITE_OK) {
    const int code = db ? sqlite3_extended_errcode(db.get()) : rc;
    const std::string reason = db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(rc);
    return error_from_code(code, "cannot open SQLite database '" + path + "': " + reason);
  }
  // The busy timeout comes first: switching to WAL needs a moment of exclusive access, which
  // another connection opening at the same time may hold.
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  auto connection = std::make_unique<SqliteConnection>(std::move(db));
  INNET_TRY(connection->execute_script(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"));
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace innet::db
