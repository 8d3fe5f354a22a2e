#include "core/flood_gate.h"

#include <algorithm>

namespace innet {
namespace {

int seconds_until(std::int64_t end_ms, std::int64_t now_ms) {
  return static_cast<int>(std::max<std::int64_t>(1, (end_ms - now_ms + 999) / 1000));
}

}  // namespace

void FloodGate::forget_expired(std::int64_t now_ms) {
  std::erase_if(by_address_, [&](const auto& entry) {
    return now_ms - entry.second.start_ms >= limits_.address_window_ms;
  });
  last_sweep_ms_ = now_ms;
}

int FloodGate::admit(const std::string& address, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  // A sweep per window, or when the table is full: cost in proportion to what was admitted.
  if (now_ms - last_sweep_ms_ >= limits_.address_window_ms ||
      by_address_.size() >= limits_.max_addresses)
    forget_expired(now_ms);

  if (now_ms - global_.start_ms >= limits_.global_window_ms) global_ = {now_ms, 0};
  const std::int64_t global_end = global_.start_ms + limits_.global_window_ms;
  if (global_.count >= limits_.global) return seconds_until(global_end, now_ms);

  auto it = by_address_.find(address);
  if (it != by_address_.end() && now_ms - it->second.start_ms >= limits_.address_window_ms)
    it->second = {now_ms, 0};
  if (it == by_address_.end()) {
    if (by_address_.size() >= limits_.max_addresses) return seconds_until(global_end, now_ms);
    it = by_address_.emplace(address, Window{now_ms, 0}).first;
  }
  if (it->second.count >= limits_.per_address)
    return seconds_until(it->second.start_ms + limits_.address_window_ms, now_ms);
  ++it->second.count;
  ++global_.count;
  return 0;
}

std::size_t FloodGate::addresses() const {
  std::lock_guard lock(mutex_);
  return by_address_.size();
}

}  // namespace innet
