// The audit trail: append-only and hash-chained.
//
// A write and its audit entry commit in the same transaction (record() takes the caller's
// connection), so no acknowledged write can lack its entry. Entries are inserted unchained, which
// costs the request one INSERT and no lock on the chain. The Chainer, a background thread, then
// links pending entries in batches (group commit): each gets the next sequence number, the hash
// of the entry before it, and its own keyed hash. verify() walks the chain and reports the first
// entry that was edited, removed or reordered.
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

struct Entry {
  std::optional<std::int64_t> actor_user_id;
  std::string actor_email;
  std::string client_address;
  std::string action;       // e.g. "users.create", "auth.login"
  std::string entity_type;  // e.g. "user"
  std::string entity_id;
  std::string outcome = "success";  // success | failure | denied
  std::string details;              // JSON text, no secrets and no special-category data
  std::string request_id;
};

struct StoredEntry {
  std::int64_t seq = 0;  // 0 while not yet chained
  std::string at;
  Entry entry;
};

// Inserts the entry, inside the caller's transaction when one is open.
Status record(db::Connection& conn, const Entry& entry);

// For modules that keep a copy of their records in the trail (e.g. the register's
// confirmations), to check their own tables against it:
// the ids of the entities of a type that have an entry with this action, ascending;
Result<std::vector<std::string>> entities_with_action(db::Connection& conn,
                                                      const std::string& entity_type,
                                                      const std::string& action);
// and the details of one entity's entries with this action, oldest first.
Result<std::vector<std::string>> details_of(db::Connection& conn, const std::string& entity_type,
                                            const std::string& entity_id,
                                            const std::string& action);

struct Filter {
  std::optional<std::int64_t> actor_user_id;
  std::string action;
  std::string entity_type;
  std::string entity_id;
  std::string from;  // ISO date or timestamp, inclusive
  std::string to;    // ISO date or timestamp, inclusive (a date covers the whole day)
};
// A filter bound as a stored timestamp: a date (YYYY-MM-DD) stands for its first or last second.
std::string time_bound(const std::string& date_or_timestamp, bool end);

Result<std::pair<std::vector<StoredEntry>, std::int64_t>> list(db::Connection& conn,
                                                               const Filter& filter,
                                                               const Paging& paging);

// Links pending entries into the chain; returns how many it linked (at most `batch`).
Result<int> chain_pending(db::Connection& conn, const std::string& key, int batch = 1000);

struct VerifyReport {
  bool intact = true;
  std::int64_t chained = 0;  // entries checked
  std::int64_t pending = 0;  // entries not yet chained
  std::int64_t first_bad_seq = 0;
  std::string problem;
};
Result<VerifyReport> verify(db::Connection& conn, const std::string& key);

// Background group commit of the chain: every interval_ms it links what is pending.
class Chainer {
 public:
  Chainer(db::Pool& pool, std::string key, int interval_ms = 50);
  ~Chainer();  // stops and chains what is pending
  // Chains everything pending now (tests, shutdown).
  Status flush();

 private:
  void loop();
  db::Pool& pool_;
  std::string key_;
  int interval_ms_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

std::vector<db::Migration> migrations(db::Engine engine);

}  // namespace innet::audit
