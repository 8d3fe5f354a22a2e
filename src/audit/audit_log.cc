#include "audit/audit_log.h"

#include "core/clock.h"
#include "core/crypto.h"

namespace innet::audit {
namespace {

constexpr const char* kColumns =
    "seq, at, actor_user_id, actor_email, client_address, action, entity_type, entity_id, "
    "outcome, details, request_id";

StoredEntry entry_from_row(const db::Row& r) {
  StoredEntry s;
  s.seq = r.integer(0);
  s.at = r.text(1);
  s.entry.actor_user_id = r.opt_integer(2);
  s.entry.actor_email = r.text(3);
  s.entry.client_address = r.text(4);
  s.entry.action = r.text(5);
  s.entry.entity_type = r.text(6);
  s.entry.entity_id = r.text(7);
  s.entry.outcome = r.text(8);
  s.entry.details = r.text(9);
  s.entry.request_id = r.text(10);
  return s;
}

// Length-prefixed fields, so that no two different entries serialise alike.
std::string canonical(const StoredEntry& s, const std::string& prev_hash) {
  std::string out;
  auto add = [&out](const std::string& v) {
    out += std::to_string(v.size());
    out += ':';
    out += v;
    out += ';';
  };
  add(std::to_string(s.seq));
  add(s.at);
  add(s.entry.actor_user_id ? std::to_string(*s.entry.actor_user_id) : "");
  add(s.entry.actor_email);
  add(s.entry.client_address);
  add(s.entry.action);
  add(s.entry.entity_type);
  add(s.entry.entity_id);
  add(s.entry.outcome);
  add(s.entry.details);
  add(s.entry.request_id);
  add(prev_hash);
  return out;
}

// Adds a WHERE clause made of fixed fragments; only the values travel as parameters.
std::string where_clause(const Filter& f, db::Params& params) {
  std::string where;
  auto add = [&](const char* fragment, db::Value v) {
    where += where.empty() ? " WHERE " : " AND ";
    where += fragment;
    params.push_back(std::move(v));
  };
  if (f.actor_user_id) add("actor_user_id = ?", *f.actor_user_id);
  if (!f.action.empty()) add("action = ?", f.action);
  if (!f.entity_type.empty()) add("entity_type = ?", f.entity_type);
  if (!f.entity_id.empty()) add("entity_id = ?", f.entity_id);
  if (!f.from.empty()) add("at >= ?", time_bound(f.from, false));
  if (!f.to.empty()) add("at <= ?", time_bound(f.to, true));
  return where;
}

}  // namespace

std::string time_bound(const std::string& date_or_timestamp, bool end) {
  if (date_or_timestamp.size() != 10) return date_or_timestamp;
  return date_or_timestamp + (end ? "T23:59:59Z" : "T00:00:00Z");
}

Result<std::vector<std::string>> entities_with_action(db::Connection& conn,
                                                      const std::string& entity_type,
                                                      const std::string& action) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("SELECT DISTINCT entity_id FROM audit_log WHERE entity_type = ? AND action = ? "
                 "ORDER BY entity_id",
                 {entity_type, action}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

Result<std::vector<std::string>> details_of(db::Connection& conn, const std::string& entity_type,
                                            const std::string& entity_id,
                                            const std::string& action) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(
          "SELECT details FROM audit_log WHERE entity_type = ? AND entity_id = ? AND action = ? "
          "ORDER BY id",
          {entity_type, entity_id, action}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

Status record(db::Connection& conn, const Entry& e) {
  INNET_TRY(conn.execute(
      "INSERT INTO audit_log (at, actor_user_id, actor_email, client_address, action, "
      "entity_type, entity_id, outcome, details, request_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
      {clock::now_iso(), db::optional_value(e.actor_user_id), e.actor_email, e.client_address,
       e.action, e.entity_type, e.entity_id, e.outcome, e.details, e.request_id}));
  return Status::success();
}

Result<std::pair<std::vector<StoredEntry>, std::int64_t>> list(db::Connection& conn,
                                                               const Filter& filter,
                                                               const Paging& paging) {
  db::Params params;
  std::string where = where_clause(filter, params);
  INNET_ASSIGN_OR_RETURN(auto count, conn.query("SELECT COUNT(*) FROM audit_log" + where, params));
  params.push_back(paging.per_page);
  params.push_back(paging.offset());
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query(std::string("SELECT ") + kColumns + " FROM audit_log" + where +
                                        " ORDER BY id DESC LIMIT ? OFFSET ?",
                                    params));
  std::vector<StoredEntry> out;
  for (const auto& r : rows) out.push_back(entry_from_row(r));
  return std::make_pair(std::move(out), count[0].integer(0));
}

Result<int> chain_pending(db::Connection& conn, const std::string& key, int batch) {
  // The chainer calls this 20 times a second: when nothing waits, a read on the partial index
  // answers without taking SQLite's write lock from the requests.
  INNET_ASSIGN_OR_RETURN(auto any, conn.query("SELECT 1 FROM audit_log WHERE seq IS NULL LIMIT 1"));
  if (any.empty()) return 0;
  db::Transaction tx(conn);
  INNET_TRY(tx.started());
  // On PostgreSQL several instances may chain at once: the row lock on the head serialises them.
  INNET_ASSIGN_OR_RETURN(auto head,
                         conn.query(conn.engine() == db::Engine::postgresql
                                        ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                                        : "SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (head.empty()) return Error::internal("audit_head row is missing");
  std::int64_t seq = head[0].integer(0);
  std::string prev = head[0].text(1);

  INNET_ASSIGN_OR_RETURN(auto pending,
                         conn.query(std::string("SELECT id, ") + kColumns +
                                        " FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT ?",
                                    {static_cast<std::int64_t>(batch)}));
  if (pending.empty()) return 0;

  for (const auto& row : pending) {
    std::vector<db::Value> values;
    for (std::size_t i = 1; i < row.size(); ++i) values.push_back(row[i]);
    StoredEntry s = entry_from_row(db::Row(std::move(values)));
    s.seq = ++seq;
    std::string hash = crypto::keyed_hash_hex(key, canonical(s, prev));
    INNET_TRY(conn.execute("UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?",
                           {s.seq, prev, hash, row.integer(0)}));
    prev = std::move(hash);
  }
  INNET_TRY(conn.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {seq, prev}));
  INNET_TRY(tx.commit());
  return static_cast<int>(pending.size());
}

Result<VerifyReport> verify(db::Connection& conn, const std::string& key) {
  VerifyReport report;
  auto fail = [&report](std::int64_t seq, std::string problem) {
    report.intact = false;
    report.first_bad_seq = seq;
    report.problem = std::move(problem);
    return report;
  };
  std::int64_t expected = 1;
  std::string prev;
  constexpr std::int64_t kPage = 5000;
  for (;;) {
    INNET_ASSIGN_OR_RETURN(
        auto rows, conn.query(std::string("SELECT ") + kColumns +
                                  ", prev_hash, hash FROM audit_log WHERE seq >= ? ORDER BY seq "
                                  "LIMIT ?",
                              {expected, kPage}));
    for (const auto& r : rows) {
      StoredEntry s = entry_from_row(r);
      if (s.seq != expected)
        return fail(expected, "entry " + std::to_string(expected) + " is missing");
      if (r.text(11) != prev)
        return fail(s.seq, "entry " + std::to_string(s.seq) + " does not follow the one before");
      std::string hash = crypto::keyed_hash_hex(key, canonical(s, prev));
      if (r.text(12) != hash) return fail(s.seq, "entry " + std::to_string(s.seq) + " was altered");
      prev = std::move(hash);
      ++expected;
      ++report.chained;
    }
    if (static_cast<std::int64_t>(rows.size()) < kPage) break;
  }
  INNET_ASSIGN_OR_RETURN(auto head, conn.query("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (head.empty() || head[0].integer(0) != report.chained || head[0].text(1) != prev)
    return fail(report.chained + 1, "the chain was truncated or its head altered");
  INNET_ASSIGN_OR_RETURN(auto pending,
                         conn.query("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL"));
  report.pending = pending[0].integer(0);
  return report;
}

Chainer::Chainer(db::Pool& pool, std::string key, int interval_ms)
    : pool_(pool), key_(std::move(key)), interval_ms_(interval_ms), thread_([this] { loop(); }) {}

Chainer::~Chainer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
  (void)flush();
}

Status Chainer::flush() {
  INNET_ASSIGN_OR_RETURN(auto conn, pool_.acquire());
  for (;;) {
    INNET_ASSIGN_OR_RETURN(auto n, chain_pending(*conn, key_));
    if (n == 0) return Status::success();
  }
}

void Chainer::loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    cv_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    // A failure (database briefly unavailable) leaves entries pending for the next round.
    (void)flush();
    lock.lock();
  }
}

std::vector<db::Migration> migrations(db::Engine engine) {
  std::string tables = R"sql(
CREATE TABLE audit_log (
  id {{pk}},
  seq BIGINT UNIQUE,
  at TEXT NOT NULL,
  actor_user_id BIGINT,
  actor_email TEXT NOT NULL DEFAULT '',
  client_address TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL DEFAULT '',
  entity_id TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  prev_hash TEXT,
  hash TEXT
);
CREATE INDEX audit_log_pending ON audit_log (id) WHERE seq IS NULL;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
)sql";
  // Append-only at the database level: chained entries can be neither changed nor deleted.
  std::string guard = engine == db::Engine::sqlite ? R"sql(
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.seq IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql"
                                                   : R"sql(
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.seq IS NOT NULL THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
)sql";
  return {{2, "audit: hash-chained, append-only audit trail", tables + guard}};
}

}  // namespace innet::audit
