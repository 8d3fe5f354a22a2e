// Password hashing with argon2id (libsodium). Each hash costs about 78 ms and 64 MiB, so the
// number of hashes running at once is bounded; callers run on the blocking-work pool.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace innet::auth {

void set_password_hash_concurrency(int n);  // before the server starts; default 2

Result<std::string> hash_password(std::string_view password);
// A password everyone knows (the demo accounts' "demo", printed by `innet seed --demo`), hashed at
// argon2id's minimum cost: no cost protects a published password, and each sign-in to a demo
// account (the tests make about 2,000 a run) then spares its ~78 ms of CPU. Still a real argon2id
// hash, which verify_password checks like any other.
Result<std::string> hash_published_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// Spends the same time as a real verification: used when the account does not exist, so that
// response times do not reveal which e-mail addresses have accounts.
void verify_against_dummy(std::string_view password);

// Minimum rules for a new password; the reason when it is refused.
std::optional<FieldError> password_problem(std::string_view password);

}  // namespace innet::auth
