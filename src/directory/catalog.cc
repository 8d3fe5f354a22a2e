#include "directory/catalog.h"

#include <chrono>
#include <set>

#include <spdlog/spdlog.h>

#include "directory/listing.h"
#include "directory/storage.h"

namespace innet::directory {
namespace {

// Services read per round trip batch: bounds the memory of the records read at start.
constexpr std::size_t kBatch = 2000;

}  // namespace

Status Catalog::apply(db::Connection& c, const std::vector<std::string>& ids) {
  for (std::size_t from = 0; from < ids.size(); from += kBatch) {
    const std::vector<std::string> batch(ids.begin() + from,
                                         ids.begin() + std::min(ids.size(), from + kBatch));
    INNET_ASSIGN_OR_RETURN(auto listings, read_listings(c, batch));
    std::vector<search::Document> documents;
    std::set<std::string> kept;
    for (const auto& l : listings) {
      if (!l.active()) continue;
      kept.insert(l.service.id());
      documents.push_back(search_document(l));
    }
    index_.upsert(std::move(documents));
    for (const auto& id : batch)
      if (!kept.contains(id)) index_.remove(id);  // withdrawn, or gone
  }
  return Status::success();
}

Status Catalog::load(db::Connection& c) {
  const auto start = std::chrono::steady_clock::now();
  // The counter first: a change committed after this read has a higher stamp and is found by
  // the next refresh, even if this load already saw it (it is then applied twice, harmlessly).
  INNET_ASSIGN_OR_RETURN(auto seq, change_counter(c));
  INNET_ASSIGN_OR_RETURN(auto ids, active_service_ids(c));
  INNET_TRY(apply(c, ids));
  watermark_ = seq;
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  load_ms_ = ms;
  loaded_ = true;
  spdlog::info("directory: {} services indexed for search in {:.0f} ms", index_.size(), ms);
  return Status::success();
}

Status Catalog::refresh(db::Connection& c) {
  if (!loaded_) {
    std::lock_guard lock(writer_);
    if (!loaded_) return load(c);
    return Status::success();
  }
  INNET_ASSIGN_OR_RETURN(auto seq, change_counter(c));
  if (seq == watermark_) return Status::success();
  // One refresher at a time; the others wait for it, then find the counter seen (or re-read
  // what came after): an answer never misses a change committed before its request.
  std::lock_guard lock(writer_);
  const std::int64_t since = watermark_;
  if (seq <= since) return Status::success();
  INNET_ASSIGN_OR_RETURN(auto changed, services_changed_since(c, since));
  INNET_TRY(apply(c, changed));
  watermark_ = seq;
  return Status::success();
}

Catalog::Stats Catalog::stats() const {
  return {index_.size(), watermark_.load(), load_ms_.load()};
}

Catalog& catalog() {
  static Catalog instance;
  return instance;
}

}  // namespace innet::directory
