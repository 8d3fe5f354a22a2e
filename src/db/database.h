// The one database interface every module's storage code uses. Two drivers implement it:
// SQLite (sqlite3 C API, the embedded default) and PostgreSQL (libpq). Storage code writes SQL
// once, with `?` placeholders; the PostgreSQL driver rewrites them to $1, $2, ...
// Values are bound by type (null, integer, real, text, blob), never concatenated into SQL.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace innet::db {

enum class Engine { sqlite, postgresql };

struct Blob {
  std::vector<unsigned char> bytes;
  bool operator==(const Blob&) const = default;
};

// null, integer, real, text, blob
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;
using Params = std::vector<Value>;

template <class T>
Value optional_value(const std::optional<T>& v) {
  if (!v) return nullptr;
  return Value(*v);
}

// One result row. Accessors check the type and give a clear fallback for NULL.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool is_null(std::size_t i) const {
    return std::holds_alternative<std::nullptr_t>(values_.at(i));
  }
  std::int64_t integer(std::size_t i) const;  // NULL -> 0
  double real(std::size_t i) const;           // NULL -> 0.0; integers convert
  std::string text(std::size_t i) const;      // NULL -> ""; numbers are formatted
  Blob blob(std::size_t i) const;             // NULL -> empty
  std::optional<std::int64_t> opt_integer(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const;
  const Value& operator[](std::size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  bool empty() const { return rows.empty(); }
  std::size_t size() const { return rows.size(); }
  const Row& operator[](std::size_t i) const { return rows.at(i); }
  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
};

// Database errors map to ErrorKind: a uniqueness or foreign-key violation is `conflict`,
// a lost connection or a time limit reached is `unavailable`, anything else `internal`.
// Error::code is "unique_violation", "foreign_key_violation", "check_violation",
// "db_unavailable", "query_timeout", "lock_timeout" or "db_error".

// Time limits on a connection's statements, so that no request holds a connection (and the
// worker running it) for long. 0 means no limit, except lock_ms on SQLite, where 0 keeps the
// default wait of 5 s: SQLite cannot wait for a lock without a bound.
struct TimeLimits {
  int statement_ms = 0;  // a statement running longer fails with "query_timeout"
  int lock_ms = 0;  // waiting longer for a lock (SQLite: the write lock) fails with "lock_timeout"
  bool operator==(const TimeLimits&) const = default;
};

// A single connection. Not thread-safe: one thread uses it at a time (the pool guarantees it).
// Statements are prepared once per connection and cached by their SQL text.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;

  // Runs a statement that returns rows (SELECT, or INSERT ... RETURNING).
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a statement and returns the number of rows changed.
  virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations). No result rows.
  virtual Status execute_script(std::string_view sql) = 0;

  virtual Status begin() = 0;  // a write transaction (SQLite: BEGIN IMMEDIATE)
  virtual Status commit() = 0;
  virtual Status rollback() = 0;

  // Applies to every later statement; a statement cut off by a limit leaves the connection
  // usable (an open transaction must still be rolled back). Cheap when the limits are unchanged.
  virtual Status set_time_limits(const TimeLimits& limits) = 0;

  // True when the connection still works (used by the pool and /readyz).
  virtual bool healthy() = 0;
  // True while a transaction is open, however it was started; the pool rolls back a connection
  // returned in that state. Both drivers override it; the default suits test doubles.
  virtual bool in_transaction() const { return false; }
};

// RAII transaction: rolls back unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c) { status_ = c_.begin(); }
  ~Transaction() {
    if (status_.ok() && !done_) (void)c_.rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const Status& started() const { return status_; }
  Status commit() {
    done_ = true;
    return c_.commit();
  }

 private:
  Connection& c_;
  Status status_;
  bool done_ = false;
};

struct PoolStats {
  int size = 0;            // connections open
  int in_use = 0;          // connections lent out
  int max = 0;             // upper bound
  std::int64_t waits = 0;  // acquisitions that had to wait
};

class Pool;

// A connection borrowed from the pool; returned when this handle is destroyed.
class PooledConnection {
 public:
  PooledConnection(Pool* pool, std::unique_ptr<Connection> c) : pool_(pool), c_(std::move(c)) {}
  PooledConnection(PooledConnection&&) noexcept = default;
  PooledConnection& operator=(PooledConnection&& other) noexcept;  // returns the one it held
  ~PooledConnection();
  Connection& operator*() { return *c_; }
  Connection* operator->() { return c_.get(); }

 private:
  Pool* pool_;
  std::unique_ptr<Connection> c_;
};

// The database a server instance talks to: a URL and a bounded pool of connections.
//   sqlite:///absolute/path/innet.db   sqlite://relative/path.db   sqlite::memory: (tests)
//   postgresql://user:pass@host:port/db?host=/socket/dir  (anything libpq accepts)
// sqlite::memory: is a database private to the pool, held by its single connection.
// Every PooledConnection must be returned before the pool is destroyed.
class Pool {
 public:
  // Opens one connection at once, so a bad URL fails at start-up: invalid_input
  // "db_url_invalid" for an unknown scheme or malformed URL, unavailable "db_unavailable" when
  // the database cannot be reached.
  static Result<std::unique_ptr<Pool>> open(const std::string& url, int max_connections);
  ~Pool();

  Engine engine() const { return engine_; }
  const std::string& url() const { return url_; }
  // Waits up to timeout_ms for a free connection, opening a new one when under the bound;
  // then fails with unavailable "db_pool_exhausted".
  Result<PooledConnection> acquire(int timeout_ms = 5000);
  PoolStats stats() const;
  // The limits every connection gets when it is lent from now on (none by default: migrations,
  // seeding and command-line maintenance may run long; the server sets them once it is ready).
  void set_time_limits(TimeLimits limits);

 private:
  friend class PooledConnection;
  Pool(std::string url, Engine engine, int max_connections);
  void release(std::unique_ptr<Connection> c);
  struct State;
  std::string url_;
  Engine engine_;
  std::unique_ptr<State> state_;
};

// Driver entry points (one translation unit each).
Result<std::unique_ptr<Connection>> open_sqlite(const std::string& path);
Result<std::unique_ptr<Connection>> open_postgresql(const std::string& conninfo);

// Rewrites `?` placeholders to $1..$n, leaving quoted strings and identifiers alone.
std::string to_postgres_placeholders(std::string_view sql);

}  // namespace innet::db
