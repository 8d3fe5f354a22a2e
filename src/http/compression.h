// Content codings (RFC 9110 section 8.4): which one a client accepts, and gzip for the answers
// of handlers. The web app's files are compressed once at build time (web/scripts/
// precompress.mjs) and served by StaticFiles; here only dynamic answers are compressed, and only
// with gzip: every client that sends Accept-Encoding takes it, and zlib is already linked.
// See docs/decisions/0008-compression-and-fuzzing.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace innet::http {

enum class Coding { identity, gzip, br };

// "identity", "gzip" or "br": the Content-Encoding value and the precompressed file's suffix.
std::string_view coding_name(Coding coding);

// Which of the available codings to answer with, given the client's Accept-Encoding. The highest
// q-value wins, ties go to the smaller answer (br, then gzip, then identity). A coding the header
// does not name gets the q of "*" when present, 0 otherwise; identity, unnamed, stays acceptable
// as the last choice unless "*;q=0" excludes it. No header means identity (old clients and tools
// that cannot decode). When nothing acceptable is available the answer is identity: RFC 9110
// section 12.5.3 allows that instead of a 406 nobody can use.
Coding choose_coding(std::optional<std::string_view> accept_encoding, bool br_available,
                     bool gzip_available);

// Handler answers smaller than this go out as they are: the saving would be a few hundred bytes
// at most, less than the gzip framing and the time it costs on small JSON.
constexpr std::size_t kCompressMinBytes = 1024;

// gzip (RFC 1952) of `data`; nothing when zlib cannot allocate its state.
std::optional<std::string> gzip(std::string_view data);

// Compresses a handler's answer in place with gzip when it is a 2xx of at least
// kCompressMinBytes of text (JSON, CSV, plain text), is not already encoded and the client
// accepts gzip. Every answer it would compress for some client gets "Vary: Accept-Encoding", so
// that a cache never hands a compressed body to a client that cannot read it.
void compress_response(const Request& request, Response& response);

// Appends `name` to the response's Vary header (creating it when absent).
void add_vary(Response& response, std::string_view name);

}  // namespace innet::http
