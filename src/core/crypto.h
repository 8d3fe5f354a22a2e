// Small wrappers over libsodium used by sessions, API tokens, the audit chain and the sealed
// (encrypted at rest) sensitive notes of cases.
#pragma once

#include <optional>
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

// Secret-key authenticated encryption (crypto_secretbox: XSalsa20-Poly1305) of data that must
// not be readable from the database alone. The key is kSecretKeyBytes raw bytes, kept in a file
// outside the database (app/config.h).
inline constexpr std::size_t kSecretKeyBytes = 32;
// A fresh random key, hex-encoded (what a key file holds).
std::string new_secret_key_hex();
// The raw key from its hex form, or nothing when it is not kSecretKeyBytes of hex.
std::optional<std::string> secret_key_from_hex(std::string_view hex);
// The sealed bytes: a random nonce, then the MAC and the ciphertext. Two seals of one text differ.
std::string seal(std::string_view key, std::string_view plaintext);
// The plain text, or nothing when the bytes were not sealed with this key or were altered.
std::optional<std::string> open_sealed(std::string_view key, std::string_view sealed);

}  // namespace innet::crypto
