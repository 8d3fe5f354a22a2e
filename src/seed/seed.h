// The one data generator. `innet seed --demo` creates the Palermo network with one demo account
// per role; `innet seed --scale national` creates benchmark-sized data. Each module adds its part
// here, after the parts it depends on.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "reception/seed/generator.h"

namespace innet::seed {

inline constexpr const char* kDemoPassword = "demo";
inline constexpr const char* kDemoDomain = "demo.innet.example";

struct DemoAccount {
  std::string email;
  std::string role;
  std::string organization;
};

// Refuses to run on a database that already has organisations, so it never mixes with real data.
// `chain_key` links the demo registers' confirmations (the audit key of the secrets file).
Result<std::vector<DemoAccount>> seed_demo(db::Pool& pool, const std::string& chain_key);

struct NationalReport {
  std::int64_t organizations = 0;
  std::int64_t users = 0;
  reception::seed::ReceptionReport reception;
  std::int64_t absences = 0;  // over the last 60 days, left unconfirmed
};
Result<NationalReport> seed_national(db::Pool& pool);

}  // namespace innet::seed
