// The procedures' storage tests on both engines: reception's fixture with two persons, the
// catalogue's procedures by code, and a file opened for one of the persons.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "procedures/catalogue.h"
#include "procedures/files.h"
#include "support/reception_fixture.h"

namespace innet::procedures::storage_test {

class ProceduresFixture : public reception::storage_test::ReceptionTest {
 protected:
  static constexpr const char* kNow = "2025-06-30T09:00:00Z";

  void SetUp() override {
    set_up_reception({1, 1, 1, 0});
    if (IsSkipped() || HasFatalFailure()) return;
    add_person("Hossain", "Rahim", "BD");
    add_person("Kovalenko", "Olena", "UA");
  }

  Procedure procedure(const std::string& code) {
    auto found = find_procedure_by_code(db(), code);
    EXPECT_TRUE(found.ok() && found->has_value()) << code;
    return found.ok() && found->has_value() ? **found : Procedure{};
  }

  // A file of the procedure for person `who` (1 or 2), opened now.
  File open(const Procedure& p, const std::string& protocol, const std::string& filed_on,
            int who = 1) {
    auto made = create_file(db(),
                            {.procedure_id = p.id,
                             .person_id = person(who),
                             .protocol_number = protocol,
                             .filed_on = filed_on,
                             .created_by = user_},
                            p, kNow);
    EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().message);
    return made.ok() ? *made : File{};
  }
};

}  // namespace innet::procedures::storage_test
