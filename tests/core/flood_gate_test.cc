// The public flood gate (decision 0038): per address, the global
// ceiling, windows that end, a bounded table of addresses, and refusals that count nowhere.
#include "core/flood_gate.h"

#include <gtest/gtest.h>

namespace innet {
namespace {

TEST(FloodGate, PerAddressWindowRefusesThenReopens) {
  FloodGate gate({.per_address = 3, .address_window_ms = 10000, .global = 100});
  for (int i = 0; i < 3; ++i) EXPECT_EQ(gate.admit("10.0.0.1", 1000), 0);
  EXPECT_EQ(gate.admit("10.0.0.1", 2000), 9);  // the window began at 1000: 9 s to go
  EXPECT_EQ(gate.admit("10.0.0.2", 2000), 0) << "another address is not held back";
  EXPECT_EQ(gate.admit("10.0.0.1", 11000), 0) << "a new window";
}

TEST(FloodGate, GlobalCeilingHoldsEveryAddressAndRefusalsCountNowhere) {
  FloodGate gate(
      {.per_address = 10, .address_window_ms = 600000, .global = 5, .global_window_ms = 60000});
  for (int i = 0; i < 5; ++i) EXPECT_EQ(gate.admit("10.0.1." + std::to_string(i), 0), 0);
  EXPECT_EQ(gate.admit("10.0.2.1", 30000), 30);
  for (int i = 0; i < 50; ++i) EXPECT_GT(gate.admit("10.0.0.1", 30000), 0);
  // The refusals did not use the address's allowance: in the next global window it has 10.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(gate.admit("10.0.0.1", 60000), 0);
}

TEST(FloodGate, TableOfAddressesIsBounded) {
  FloodGate gate({.per_address = 10,
                  .address_window_ms = 1000,
                  .global = 1000000,
                  .global_window_ms = 1000,
                  .max_addresses = 100});
  for (int i = 0; i < 100; ++i) EXPECT_EQ(gate.admit("a" + std::to_string(i), 0), 0);
  EXPECT_GT(gate.admit("new", 10), 0) << "full of live windows: a new address waits";
  EXPECT_EQ(gate.addresses(), 100u);
  EXPECT_EQ(gate.admit("new", 1000), 0) << "expired windows are swept";
  EXPECT_EQ(gate.addresses(), 1u);
}

}  // namespace
}  // namespace innet
