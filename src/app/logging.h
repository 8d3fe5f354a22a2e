// Log lines as JSON objects, one per line, in UTC: {"ts":...,"level":...,"msg":...}. The access
// log (src/http/access_log.h) writes its own richer lines with the request id.
#pragma once

namespace innet::app {

void configure_logging();

}  // namespace innet::app
