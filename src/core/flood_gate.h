// A flood gate for the public's unauthenticated requests (the directory's feedback and
// suggestions, decision 0038; the citizens' procedure status lookup, decision 0041): fixed windows
// counted in memory, per client address and for the whole server. A request is admitted only
// when both its address's window and the global window have room; a refused one counts nowhere
// and writes nothing, and is told how many seconds until its window ends (Retry-After).
//
// Nothing is stored: the addresses live in memory for one window and are forgotten after it
// (the addresses are not personal data kept by the server). The table of addresses is bounded: when
// it is full of live windows, a new address is refused as the global ceiling would refuse it, so a
// flood from many addresses cannot grow memory. Each server instance keeps its own counts, so N
// instances admit up to N times the ceilings (they are a flood guard, not a quota).
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace innet {

struct FloodLimits {
  std::int64_t per_address = 10;  // admitted writes per address and window
  std::int64_t address_window_ms = 10 * 60 * 1000;
  std::int64_t global = 300;  // admitted writes per global window, all addresses
  std::int64_t global_window_ms = 60 * 1000;
  std::size_t max_addresses = 100000;  // addresses remembered at once
};

class FloodGate {
 public:
  explicit FloodGate(FloodLimits limits = {}) : limits_(limits) {}
  // 0 when admitted (and counted), else the seconds to wait (at least 1).
  int admit(const std::string& address, std::int64_t now_ms);
  std::size_t addresses() const;

 private:
  struct Window {
    std::int64_t start_ms = 0;
    std::int64_t count = 0;
  };
  void forget_expired(std::int64_t now_ms);

  FloodLimits limits_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Window> by_address_;
  Window global_;
  std::int64_t last_sweep_ms_ = 0;
};

}  // namespace innet
