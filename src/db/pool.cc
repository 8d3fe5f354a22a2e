// A bounded pool of connections. Idle connections are reused last-in-first-out, so under light
// load the same few stay warm (statement caches filled, pages cached) while the rest are never
// opened. Connections open lazily, outside the lock, up to the bound.
//
// "sqlite::memory:" gives the pool a single connection that lives as long as the pool. A private
// in-memory database exists only inside its connection; sharing one between connections would
// need SQLite's shared-cache mode, whose table locks fail with SQLITE_LOCKED at once instead of
// waiting out the busy timeout, so concurrent tests would see spurious errors. One connection
// serialises access, which SQLite does for writers anyway.

#include "db/database.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace innet::db {

namespace {

constexpr std::string_view kSqliteMemoryUrl = "sqlite::memory:";
constexpr std::string_view kSqlitePrefix = "sqlite://";
constexpr std::string_view kSqliteMemoryPath = ":memory:";

Error invalid_url(std::string message) {
  return Error::make(ErrorKind::invalid_input, "db_url_invalid", std::move(message));
}

Result<std::unique_ptr<Connection>> connect(Engine engine, const std::string& address) {
  return engine == Engine::sqlite ? open_sqlite(address) : open_postgresql(address);
}

}  // namespace

struct Pool::State {
  std::string address;  // what the driver opens: a SQLite path or a libpq connection string
  bool in_memory = false;
  int max = 0;

  mutable std::mutex mutex;
  std::condition_variable returned;
  std::vector<std::unique_ptr<Connection>> idle;  // back() is the most recently returned
  int size = 0;                                   // idle + lent out + being opened
  int in_use = 0;
  std::int64_t waits = 0;
  TimeLimits limits;
};

Pool::Pool(std::string url, Engine engine, int max_connections)
    : url_(std::move(url)), engine_(engine), state_(std::make_unique<State>()) {
  state_->max = max_connections;
}

Pool::~Pool() = default;

Result<std::unique_ptr<Pool>> Pool::open(const std::string& url, int max_connections) {
  if (max_connections < 1) {
    return Error::make(ErrorKind::invalid_input, "db_pool_size_invalid",
                       "the pool needs at least one connection");
  }
  Engine engine;
  std::string address;
  if (url == kSqliteMemoryUrl) {
    engine = Engine::sqlite;
    address = kSqliteMemoryPath;
  } else if (url.starts_with(kSqlitePrefix)) {
    engine = Engine::sqlite;
    address = url.substr(kSqlitePrefix.size());
    if (address.empty()) return invalid_url("the SQLite URL names no file: " + url);
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    engine = Engine::postgresql;
    address = url;
  } else {
    // Only the scheme is echoed: the rest of a URL may hold a password.
    return invalid_url("unsupported database URL scheme '" + url.substr(0, url.find(':')) +
                       "': use sqlite:///path, sqlite::memory: or postgresql://");
  }

  const bool in_memory = engine == Engine::sqlite && address == kSqliteMemoryPath;
  std::unique_ptr<Pool> pool(new Pool(url, engine, in_memory ? 1 : max_connections));
  pool->state_->address = std::move(address);
  pool->state_->in_memory = in_memory;

  // Opening one connection now makes a wrong path or password fail at start-up, not on the
  // first request.
  INNET_ASSIGN_OR_RETURN(auto first, connect(engine, pool->state_->address));
  pool->state_->idle.push_back(std::move(first));
  pool->state_->size = 1;
  return pool;
}

Result<PooledConnection> Pool::acquire(int timeout_ms) {
  State& s = *state_;
  std::unique_lock lock(s.mutex);
  const auto can_lend = [&s] { return !s.idle.empty() || s.size < s.max; };
  if (!can_lend()) {
    ++s.waits;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    if (!s.returned.wait_until(lock, deadline, can_lend)) {
      return Error::make(ErrorKind::unavailable, "db_pool_exhausted",
                         "no database connection became free within " + std::to_string(timeout_ms) +
                             " ms (all " + std::to_string(s.max) + " in use)");
    }
  }
  ++s.in_use;
  const TimeLimits limits = s.limits;
  if (!s.idle.empty()) {
    PooledConnection connection(this, std::move(s.idle.back()));
    s.idle.pop_back();
    lock.unlock();
    INNET_TRY(connection->set_time_limits(limits));
    return connection;
  }

  // Counting the connection before it exists keeps concurrent acquirers within the bound while
  // this one connects without holding the lock.
  ++s.size;
  lock.unlock();
  auto opened = connect(engine_, s.address);
  if (!opened) {
    lock.lock();
    --s.size;
    --s.in_use;
    lock.unlock();
    s.returned.notify_one();
    return opened.take_error();
  }
  PooledConnection connection(this, std::move(*opened));
  INNET_TRY(connection->set_time_limits(limits));
  return connection;
}

void Pool::set_time_limits(TimeLimits limits) {
  std::lock_guard lock(state_->mutex);
  state_->limits = limits;
}

void Pool::release(std::unique_ptr<Connection> connection) {
  State& s = *state_;
  // A transaction left open means the borrower lost track of the connection's state, so it is
  // rolled back and replaced by a fresh one; except the in-memory database's only connection,
  // which is the database itself.
  bool reusable = true;
  if (connection->in_transaction()) reusable = connection->rollback().ok() && s.in_memory;
  reusable = reusable && connection->healthy();
  {
    std::lock_guard lock(s.mutex);
    --s.in_use;
    if (reusable) {
      s.idle.push_back(std::move(connection));
    } else {
      --s.size;
    }
  }
  s.returned.notify_one();
  // A dropped connection closes here, after the lock is released.
}

PoolStats Pool::stats() const {
  std::lock_guard lock(state_->mutex);
  return PoolStats{state_->size, state_->in_use, state_->max, state_->waits};
}

PooledConnection& PooledConnection::operator=(PooledConnection&& other) noexcept {
  if (this != &other) {
    if (c_) pool_->release(std::move(c_));
    pool_ = other.pool_;
    c_ = std::move(other.c_);
  }
  return *this;
}

PooledConnection::~PooledConnection() {
  if (c_) pool_->release(std::move(c_));
}

}  // namespace innet::db
