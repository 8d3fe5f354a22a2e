// The search index of the directory's active services, kept current by each server instance
// (decision 0037). The first refresh reads every active service; each later one reads the
// change counter (one row) and, when it moved, re-reads the services stamped since and upserts
// them (or removes those no longer active). The public routes refresh before each search, so a
// change committed by any instance or by `innet import hsds` is searchable at the next request;
// the module's job refreshes every job interval, so an idle instance does not fall far behind.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

#include "core/result.h"
#include "db/database.h"
#include "search/index.h"

namespace innet::directory {

class Catalog {
 public:
  // Brings the index up to date with the database: every change committed before the call is
  // in the index when it returns. Concurrent callers wait for the one that loads or refreshes.
  Status refresh(db::Connection& c);
  const search::Index& index() const { return index_; }

  struct Stats {
    std::size_t services = 0;
    std::int64_t watermark = 0;
    double load_ms = 0;  // the first load
  };
  Stats stats() const;

 private:
  Status load(db::Connection& c);
  Status apply(db::Connection& c, const std::vector<std::string>& ids);

  search::Index index_;
  std::mutex writer_;
  std::atomic<bool> loaded_{false};
  std::atomic<std::int64_t> watermark_{0};
  std::atomic<double> load_ms_{0};
};

// The server's catalog (one per process).
Catalog& catalog();

}  // namespace innet::directory
