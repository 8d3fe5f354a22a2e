// The read log: who read which persons, and who was refused (decision 0010).
//
// A request that answers with personal data must not pay a write transaction, so it only queues
// its entry (ReadLog::enqueue, a mutex and a vector push); one writer thread drains the queue
// every interval and writes the batch in one transaction, persons in multi-row inserts (group
// commit, as the audit Chainer does for the chain). Entries are appended, not hash-chained: the
// write trail is chained, the read log is append-only (no UPDATE) and purged after its retention.
// Entries still queued are written on shutdown and lost on a crash (at most one interval).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/json_input.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"

namespace innet::audit {

struct ReadEntry {
  std::string at;  // when the request was answered (ISO UTC)
  std::optional<std::int64_t> actor_user_id;
  std::string actor_email;
  std::string client_address;
  std::string request_id;
  std::string route;  // the purpose: method and route pattern, "GET /api/v1/persons/{id}"
  std::string path;   // the path read (ids and dates only, never the query: a search term is data)
  int status = 200;
  std::string outcome = "success";       // success | denied (403, or 404 out of scope or missing)
  std::vector<std::int64_t> person_ids;  // sorted, without duplicates
};

struct StoredRead {
  std::int64_t id = 0;
  ReadEntry entry;
};

// Writes the entries in the caller's connection, in one transaction.
Status write_reads(db::Connection& conn, const std::vector<ReadEntry>& entries);

struct ReadFilter {
  std::optional<std::int64_t> actor_user_id;
  std::optional<std::int64_t> person_id;
  std::string outcome;
  std::string from;  // ISO date or timestamp, inclusive
  std::string to;    // ISO date or timestamp, inclusive (a date covers the whole day)
};
// Newest first, each with its persons.
Result<std::pair<std::vector<StoredRead>, std::int64_t>> list_reads(db::Connection& conn,
                                                                    const ReadFilter& filter,
                                                                    const Paging& paging);

// Deletes entries older than `before` (ISO timestamp) in bounded chunks, so that SQLite's write
// lock is never held for long; returns how many entries it deleted.
Result<std::int64_t> purge_reads(db::Connection& conn, const std::string& before);

class ReadLog {
 public:
  struct Options {
    int interval_ms = 50;
    // Above this many queued entries enqueue() refuses (the database is down or far behind):
    // the request then answers 503 instead of showing personal data without its entry.
    std::size_t max_queued = 100000;
    int retention_days = 730;
  };
  ReadLog(db::Pool& pool, Options options);
  ~ReadLog();  // stops and writes what is queued

  // Queues the entry; false when the queue is full.
  bool enqueue(ReadEntry entry);
  // Writes everything queued now (tests, shutdown).
  Status flush();

 private:
  void loop();
  Status purge();  // deletes what is past retention, once a day
  db::Pool& pool_;
  Options options_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<ReadEntry> queue_;
  bool stopping_ = false;
  std::mutex write_mu_;  // one batch at a time: the thread, or flush() from elsewhere
  std::thread thread_;
};

std::vector<db::Migration> read_migrations(db::Engine engine);

}  // namespace innet::audit
