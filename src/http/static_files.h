// Serves the built web app (Vite's output) for GET/HEAD requests outside /api/.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "http/message.h"

namespace innet::http {

class StaticFiles {
 public:
  explicit StaticFiles(const std::string& web_root);

  // request.path is the decoded path. Answers 200 with the file (its precompressed .br or .gz
  // sibling when there is one and the client accepts it), 304 when If-None-Match matches,
  // index.html for an unknown path without an extension (a client-side route), 308 to the path
  // without its trailing slash, and 404 for anything else, including every attempt to leave
  // web_root. Reads from disk on each request: files are small and in the page cache, and a
  // rebuilt web/dist shows up without a restart.
  Response serve(const Request& request) const;

 private:
  Response serve_file(const std::filesystem::path& file, std::string_view cache_control,
                      const Request& request) const;

  std::filesystem::path root_;  // canonical
};

// "text/css; charset=utf-8" for "app.css"; application/octet-stream when unknown.
std::string_view content_type_for(std::string_view filename);

}  // namespace innet::http
