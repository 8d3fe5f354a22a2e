// Unpacks a zip archive (an HSDS data package uploaded as .zip) into a folder, with zlib: stored
// and deflated entries only, no encryption, no zip64, no path outside the folder, and bounded
// sizes so that a small archive cannot unpack into gigabytes (a "zip bomb").
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "core/result.h"

namespace innet::directory {

struct ZipLimits {
  std::size_t max_entries = 200;
  std::size_t max_total_bytes = 512u * 1024 * 1024;  // uncompressed, all entries
};

bool looks_like_zip(std::string_view bytes);
// Errors are 400 "invalid_archive" naming the entry when there is one.
Status unzip(std::string_view bytes, const std::filesystem::path& folder,
             const ZipLimits& limits = {});

}  // namespace innet::directory
