// What an uploaded file is, read from its bytes (magic numbers and structure), never from the
// name or the Content-Type the client sent. Only whole files of the accepted types pass: a
// renamed executable or HTML page, or a file cut short in transit, is refused with the reason.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace innet::documents {

struct MediaType {
  std::string name;       // "application/pdf"
  std::string extension;  // "pdf": appended to a filename that does not end with it
};

// application/pdf, image/jpeg, image/png, image/webp, image/heic.
const std::vector<MediaType>& accepted_media_types();
std::vector<std::string> accepted_media_type_names();

// The type of a complete file. Refused (415 unsupported_media_type) for any other content, and
// (415 truncated_file) for a file of an accepted type whose end is missing: a PDF without %%EOF,
// a JPEG without its end-of-image marker, a PNG without IEND, a WebP or HEIC shorter than its
// own boxes say.
Result<MediaType> sniff(std::string_view bytes);

}  // namespace innet::documents
