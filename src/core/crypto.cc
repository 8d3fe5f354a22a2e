#include "core/crypto.h"

#include <sodium.h>

#include <vector>

namespace innet::crypto {
namespace {

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

}  // namespace

bool initialize() {
  return sodium_init() >= 0;
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return to_hex(buf.data(), buf.size());
}

std::string token_hash_hex(std::string_view input) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(input.data()),
                     input.size(), nullptr, 0);
  return to_hex(out, sizeof out);
}

std::string keyed_hash_hex(std::string_view key, std::string_view input) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(input.data()),
                     input.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size());
  return to_hex(out, sizeof out);
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string new_secret_key_hex() {
  unsigned char key[crypto_secretbox_KEYBYTES];
  crypto_secretbox_keygen(key);
  auto hex = to_hex(key, sizeof key);
  sodium_memzero(key, sizeof key);
  return hex;
}

std::optional<std::string> secret_key_from_hex(std::string_view hex) {
  static_assert(kSecretKeyBytes == crypto_secretbox_KEYBYTES);
  std::string key(kSecretKeyBytes, '\0');
  std::size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), hex.data(),
                     hex.size(), nullptr, &length, nullptr) != 0 ||
      length != kSecretKeyBytes || hex.size() != 2 * kSecretKeyBytes)
    return std::nullopt;
  return key;
}

std::string seal(std::string_view key, std::string_view plaintext) {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        nonce, reinterpret_cast<const unsigned char*>(key.data()));
  return out;
}

std::optional<std::string> open_sealed(std::string_view key, std::string_view sealed) {
  if (key.size() != crypto_secretbox_KEYBYTES ||
      sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
  const auto* box = nonce + crypto_secretbox_NONCEBYTES;
  const std::size_t box_size = sealed.size() - crypto_secretbox_NONCEBYTES;
  std::string out(box_size - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()), box, box_size, nonce,
                                 reinterpret_cast<const unsigned char*>(key.data())) != 0)
    return std::nullopt;
  return out;
}

}  // namespace innet::crypto
