// Small wrappers over libsodium used by sessions, API tokens and the audit chain.
#pragma once

#include <string>
#include <string_view>

namespace innet::crypto {

// Must be called once before any other function (sodium_init); safe to call again.
bool initialize();

// n random bytes, hex-encoded (2n characters).
std::string random_hex(std::size_t bytes);

// Hex BLAKE2b-256 of the input: how session and API tokens are stored (never in clear). The
// tokens are 256-bit random values, so a fast unkeyed hash suffices; BLAKE2b costs a third of
// libsodium's SHA-256 on the GET /auth/me path.
std::string token_hash_hex(std::string_view input);

// Hex keyed BLAKE2b-256 (crypto_generichash): the audit chain's entry hash. Without the key an
// attacker with write access to the database cannot recompute a consistent chain.
std::string keyed_hash_hex(std::string_view key, std::string_view input);

// Constant-time comparison (CSRF tokens).
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace innet::crypto
