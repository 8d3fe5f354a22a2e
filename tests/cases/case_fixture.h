// A database migrated to the current schema with reception's fixture (an operator, its staff
// member, two centres) and two persons, each of whom may get a case: what the case storage
// tests start from.
#pragma once

#include <gtest/gtest.h>

#include "cases/cases.h"
#include "core/crypto.h"
#include "support/reception_fixture.h"

namespace innet::cases::storage_test {

inline constexpr const char* kNow = "2026-11-02T09:00:00Z";

class CasesTest : public reception::storage_test::ReceptionTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::initialize());
    set_up_reception({10, 10, 10, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    add_person("Rahman", "Abdul", "BD");
    add_person("Okafor", "Grace", "NG");
  }
  Case opened(int person) {
    auto c = open_case(db(), this->person(person), operator_id_, user_, kNow);
    EXPECT_TRUE(c.ok());
    return c.ok() ? *c : Case{};
  }
};

}  // namespace innet::cases::storage_test
