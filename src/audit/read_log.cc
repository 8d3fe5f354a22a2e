#include "audit/read_log.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <unordered_map>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "db/query.h"

namespace innet::audit {
namespace {

// Ids for `n` new entries, inside the writer's transaction. SQLite: one process writes, holding
// the write lock, so the next ids follow the largest. PostgreSQL: instances share the table, so
// the ids come from its identity sequence. Either way no INSERT ... RETURNING per entry (it cost
// more than all the rest of the batch).
Result<std::vector<std::int64_t>> new_ids(db::Connection& conn, std::size_t n) {
  std::vector<std::int64_t> ids;
  ids.reserve(n);
  if (conn.engine() == db::Engine::sqlite) {
    INNET_ASSIGN_OR_RETURN(auto max, conn.query("SELECT COALESCE(MAX(id), 0) FROM read_log"));
    for (std::size_t i = 1; i <= n; ++i)
      ids.push_back(max[0].integer(0) + static_cast<std::int64_t>(i));
    return ids;
  }
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "SELECT nextval(pg_get_serial_sequence('read_log', 'id')) FROM generate_series(1, ?)",
          {static_cast<std::int64_t>(n)}));
  for (const auto& r : rows) ids.push_back(r.integer(0));
  return ids;
}

db::Where where_of(const ReadFilter& f) {
  db::Where where;
  if (f.actor_user_id) where.add("actor_user_id = ?", *f.actor_user_id);
  if (f.person_id)
    where.add("id IN (SELECT read_id FROM read_log_persons WHERE person_id = ?)", *f.person_id);
  if (!f.outcome.empty()) where.add("outcome = ?", f.outcome);
  if (!f.from.empty()) where.add("at >= ?", time_bound(f.from, false));
  if (!f.to.empty()) where.add("at <= ?", time_bound(f.to, true));
  return where;
}

StoredRead read_from_row(const db::Row& r) {
  StoredRead s;
  s.id = r.integer(0);
  s.entry.at = r.text(1);
  s.entry.actor_user_id = r.opt_integer(2);
  s.entry.actor_email = r.text(3);
  s.entry.client_address = r.text(4);
  s.entry.request_id = r.text(5);
  s.entry.route = r.text(6);
  s.entry.path = r.text(7);
  s.entry.status = static_cast<int>(r.integer(8));
  s.entry.outcome = r.text(9);
  return s;
}

}  // namespace

Status write_reads(db::Connection& conn, const std::vector<ReadEntry>& entries) {
  if (entries.empty()) return Status::success();
  db::Transaction tx(conn);
  INNET_TRY(tx.started());
  INNET_ASSIGN_OR_RETURN(auto ids, new_ids(conn, entries.size()));
  std::vector<std::pair<std::int64_t, std::int64_t>> persons;  // (read id, person id)
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (auto person : entries[i].person_ids) persons.emplace_back(ids[i], person);
  // Batches of 64 rows: the statement texts stay few (db::insert_many), and a batch of a busy
  // moment (about 1,500 entries every 50 ms) is a few dozen round trips.
  constexpr std::size_t kPerStatement = 64;
  INNET_TRY(db::insert_many(
      conn,
      "INSERT INTO read_log (id, at, actor_user_id, actor_email, client_address, request_id, "
      "route, path, status, outcome) VALUES ",
      10, entries.size(),
      [&](std::size_t i, db::Params& p) {
        const auto& e = entries[i];
        p.insert(p.end(), {ids[i], e.at, db::optional_value(e.actor_user_id), e.actor_email,
                           e.client_address, e.request_id, e.route, e.path, std::int64_t{e.status},
                           e.outcome});
      },
      kPerStatement));
  INNET_TRY(db::insert_many(
      conn, "INSERT INTO read_log_persons (read_id, person_id) VALUES ", 2, persons.size(),
      [&](std::size_t i, db::Params& p) {
        p.insert(p.end(), {persons[i].first, persons[i].second});
      },
      kPerStatement));
  return tx.commit();
}

Result<std::pair<std::vector<StoredRead>, std::int64_t>> list_reads(db::Connection& conn,
                                                                    const ReadFilter& filter,
                                                                    const Paging& paging) {
  INNET_ASSIGN_OR_RETURN(
      auto page,
      db::page_query<StoredRead>(
          conn,
          "id, at, actor_user_id, actor_email, client_address, request_id, route, path, status, "
          "outcome",
          "read_log", where_of(filter), "id DESC", paging, read_from_row));
  auto& out = page.items;
  if (!out.empty()) {
    std::unordered_map<std::int64_t, std::size_t> index;
    db::Params ids;
    for (std::size_t i = 0; i < out.size(); ++i) {
      index[out[i].id] = i;
      ids.emplace_back(out[i].id);
    }
    INNET_ASSIGN_OR_RETURN(
        auto persons,
        conn.query("SELECT read_id, person_id FROM read_log_persons WHERE read_id IN (" +
                       db::placeholders(out.size()) + ") ORDER BY read_id, person_id",
                   ids));
    for (const auto& r : persons)
      out[index.at(r.integer(0))].entry.person_ids.push_back(r.integer(1));
  }
  return std::make_pair(std::move(out), page.total);
}

Result<std::int64_t> purge_reads(db::Connection& conn, const std::string& before) {
  std::int64_t total = 0;
  for (;;) {
    db::Transaction tx(conn);
    INNET_TRY(tx.started());
    const char* oldest = "(SELECT id FROM read_log WHERE at < ? ORDER BY id LIMIT 5000)";
    INNET_TRY(conn.execute(std::string("DELETE FROM read_log_persons WHERE read_id IN ") + oldest,
                           {before}));
    INNET_ASSIGN_OR_RETURN(
        auto reads,
        conn.execute(std::string("DELETE FROM read_log WHERE id IN ") + oldest, {before}));
    INNET_TRY(tx.commit());
    total += reads;
    if (reads == 0) return total;
  }
}

ReadLog::ReadLog(db::Pool& pool, Options options)
    : pool_(pool), options_(options), thread_([this] { loop(); }) {}

ReadLog::~ReadLog() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
  if (auto s = flush(); !s.ok())
    spdlog::error("read log: {} entries lost at shutdown: {}", queue_.size(), s.error().message);
}

bool ReadLog::enqueue(ReadEntry entry) {
  std::lock_guard lock(mu_);
  if (queue_.size() >= options_.max_queued) return false;
  queue_.push_back(std::move(entry));
  return true;
}

Status ReadLog::flush() {
  std::lock_guard writing(write_mu_);
  std::vector<ReadEntry> batch;
  {
    std::lock_guard lock(mu_);
    batch.swap(queue_);
  }
  if (batch.empty()) return Status::success();
  auto conn = pool_.acquire();
  Status written = conn.ok() ? write_reads(**conn, batch) : Status(conn.take_error());
  if (!written.ok()) {
    // Back to the front of the queue, in order, for the next round.
    std::lock_guard lock(mu_);
    batch.insert(batch.end(), std::make_move_iterator(queue_.begin()),
                 std::make_move_iterator(queue_.end()));
    queue_.swap(batch);
  }
  return written;
}

Status ReadLog::purge() {
  INNET_ASSIGN_OR_RETURN(auto conn, pool_.acquire());
  const auto before =
      clock::iso_utc(clock::now_seconds() - std::int64_t{options_.retention_days} * 86400);
  INNET_ASSIGN_OR_RETURN(auto purged, purge_reads(*conn, before));
  if (purged > 0) spdlog::info("read log: {} entries past retention deleted", purged);
  return Status::success();
}

void ReadLog::loop() {
  using Clock = std::chrono::steady_clock;
  auto next_purge = Clock::now();
  std::unique_lock lock(mu_);
  while (!stopping_) {
    cv_.wait_for(lock, std::chrono::milliseconds(options_.interval_ms),
                 [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    if (auto s = flush(); !s.ok()) spdlog::error("read log: {}", s.error().message);
    if (Clock::now() >= next_purge) {
      next_purge = Clock::now() + std::chrono::hours(24);
      if (auto s = purge(); !s.ok()) spdlog::error("read log retention: {}", s.error().message);
    }
    lock.lock();
  }
}

std::vector<db::Migration> read_migrations(db::Engine engine) {
  const std::string tables = R"sql(
CREATE TABLE read_log (
  id {{pk}},
  at TEXT NOT NULL,
  actor_user_id BIGINT,
  actor_email TEXT NOT NULL DEFAULT '',
  client_address TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  route TEXT NOT NULL,
  path TEXT NOT NULL,
  status INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'denied'))
);
CREATE INDEX read_log_at ON read_log (at);
CREATE INDEX read_log_actor ON read_log (actor_user_id, id);
CREATE TABLE read_log_persons (
  read_id BIGINT NOT NULL REFERENCES read_log (id),
  person_id BIGINT NOT NULL,
  PRIMARY KEY (read_id, person_id)
){{without_rowid}};
CREATE INDEX read_log_persons_person ON read_log_persons (person_id, read_id);
)sql";
  // On SQLite the persons are stored in their primary key's b-tree ({{without_rowid}}), not
  // beside it: a row written is two b-tree inserts (key and person index) instead of three.
  // Entries are never changed; only the retention purge deletes them.
  std::string guard = engine == db::Engine::sqlite ? R"sql(
CREATE TRIGGER read_log_no_update BEFORE UPDATE ON read_log
BEGIN SELECT RAISE(ABORT, 'read_log is append-only'); END;
CREATE TRIGGER read_log_persons_no_update BEFORE UPDATE ON read_log_persons
BEGIN SELECT RAISE(ABORT, 'read_log_persons is append-only'); END;
)sql"
                                                   : R"sql(
CREATE FUNCTION read_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER read_log_no_update BEFORE UPDATE ON read_log
FOR EACH ROW EXECUTE FUNCTION read_log_append_only();
CREATE TRIGGER read_log_persons_no_update BEFORE UPDATE ON read_log_persons
FOR EACH ROW EXECUTE FUNCTION read_log_append_only();
-- TRUNCATE skips row triggers, and would empty the log at once.
CREATE TRIGGER read_log_no_truncate BEFORE TRUNCATE ON read_log
FOR EACH STATEMENT EXECUTE FUNCTION read_log_append_only();
CREATE TRIGGER read_log_persons_no_truncate BEFORE TRUNCATE ON read_log_persons
FOR EACH STATEMENT EXECUTE FUNCTION read_log_append_only();
)sql";
  return {{14, "audit: the read log of personal data", tables + guard}};
}

}  // namespace innet::audit
