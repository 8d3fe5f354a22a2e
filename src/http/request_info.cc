#include "http/request_info.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>

namespace innet::http {
namespace {

bool is_ip_address(const std::string& text) {
  std::array<unsigned char, 16> scratch;
  return inet_pton(AF_INET, text.c_str(), scratch.data()) == 1 ||
         inet_pton(AF_INET6, text.c_str(), scratch.data()) == 1;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string client_address(std::string_view peer, std::optional<std::string_view> forwarded_for,
                           std::string_view trusted_proxy) {
  if (forwarded_for && !trusted_proxy.empty() && peer == trusted_proxy) {
    // The proxy appends the address it saw; anything before it came from the client.
    auto comma = forwarded_for->rfind(',');
    std::string last(
        trim(comma == std::string_view::npos ? *forwarded_for : forwarded_for->substr(comma + 1)));
    if (is_ip_address(last)) return last;
  }
  return std::string(peer);
}

bool is_sane_request_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

std::string new_request_id() {
  // Per thread, so no lock; seeded once from the OS.
  thread_local std::mt19937_64 generator = [] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }();
  std::uint64_t value = generator();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (std::size_t i = 0; i < 16; ++i) id[15 - i] = kHex[(value >> (4 * i)) & 0xF];
  return id;
}

}  // namespace innet::http
