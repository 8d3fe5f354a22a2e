// Who sent a request and how to name it in logs: the client address behind a trusted reverse
// proxy, and the request id.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace innet::http {

// The last X-Forwarded-For entry (the one the proxy appended) when the peer is the trusted proxy
// and that entry is an IP address; the peer address otherwise. Any other peer, and the client in
// the entries before the last, could forge the header.
std::string client_address(std::string_view peer, std::optional<std::string_view> forwarded_for,
                           std::string_view trusted_proxy);

// An incoming X-Request-Id is reused when it is 1-64 characters of [A-Za-z0-9._-]: anything
// else could smuggle text into logs and response headers.
bool is_sane_request_id(std::string_view id);

// 16 random hex digits. Not a secret, only unique enough to find one request in the logs.
std::string new_request_id();

}  // namespace innet::http
