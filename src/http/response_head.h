// HTTP/1.1 wire format of a Response's status line and headers, with the headers every
// response carries (security policy, request id, Date, Server). Written by hand rather than
// through Beast's fields container: one reusable buffer per connection, no allocation per
// header, and one place that decides what a response may contain.
#pragma once

#include <string>
#include <string_view>

#include "http/message.h"

namespace innet::http {

struct ResponseHeadOptions {
  std::string_view request_id;
  bool api = false;        // Cache-Control: no-store unless the handler chose a policy
  bool keep_alive = true;  // false adds "Connection: close"
  bool http10 = false;     // an HTTP/1.0 client needs an explicit "Connection: keep-alive"
};

// Appends the status line and header block, through the empty line, to `out`. Headers set by
// the handler win over the security defaults; framing headers (Content-Length, Connection,
// Transfer-Encoding), Date, Server and X-Request-Id are the server's alone, and a header with
// an invalid name or a CR/LF in its value is dropped rather than risk response splitting.
void append_response_head(const Response& response, const ResponseHeadOptions& options,
                          std::string& out);

// 1xx, 204 and 304 responses never carry a body (nor a Content-Length).
bool status_allows_body(int status);

std::string_view reason_phrase(int status);

}  // namespace innet::http
