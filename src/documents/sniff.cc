#include "documents/sniff.h"

#include <array>
#include <cstdint>
#include <optional>

namespace innet::documents {
namespace {

const MediaType kPdf{"application/pdf", "pdf"};
const MediaType kJpeg{"image/jpeg", "jpg"};
const MediaType kPng{"image/png", "png"};
const MediaType kWebp{"image/webp", "webp"};
const MediaType kHeic{"image/heic", "heic"};

// How far from the end an end marker may sit: writers pad PDFs with a newline or a few bytes
// after %%EOF, and some cameras append a short trailer after a JPEG's end-of-image marker.
constexpr std::size_t kTrailerWindow = 4096;

std::uint32_t be32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

std::uint32_t le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

std::string_view tail(std::string_view b, std::size_t n) {
  return b.size() <= n ? b : b.substr(b.size() - n);
}

Error unsupported() {
  return Error::make(
      ErrorKind::unsupported_media_type, "unsupported_media_type",
      "the file is not a PDF, JPEG, PNG, WebP or HEIC image (read from its content)");
}

Error truncated(const MediaType& type) {
  return Error::make(ErrorKind::unsupported_media_type, "truncated_file",
                     "the " + type.extension + " file is incomplete: its end is missing");
}

// ISO base media file (HEIC): a sequence of boxes that must cover the file exactly, the first an
// `ftyp` naming a HEIF brand of HEVC images, with a `meta` and an `mdat` box among them.
// mif1/msf1 alone are refused: AVIF and other HEIF images carry them too.
std::optional<Result<MediaType>> sniff_heic(std::string_view b) {
  if (b.size() < 16 || b.substr(4, 4) != "ftyp") return std::nullopt;
  static const std::array<std::string_view, 6> kBrands = {"heic", "heix", "heim",
                                                          "heis", "hevc", "hevx"};
  const std::uint32_t ftyp_size = be32(b, 0);
  if (ftyp_size < 16 || ftyp_size > b.size() || ftyp_size % 4 != 0) return std::nullopt;
  bool heic = false;
  for (std::size_t at = 8; at + 4 <= ftyp_size; at += 4) {
    if (at == 12) continue;  // the minor version
    for (auto brand : kBrands) heic = heic || b.substr(at, 4) == brand;
  }
  if (!heic) return std::nullopt;
  bool meta = false, mdat = false;
  std::uint64_t at = 0;
  while (at < b.size()) {
    if (b.size() - at < 8) return Result<MediaType>(truncated(kHeic));
    std::uint64_t size = be32(b, at);
    const auto kind = b.substr(at + 4, 4);
    if (size == 1) {  // a 64-bit size follows the type
      if (b.size() - at < 16) return Result<MediaType>(truncated(kHeic));
      size = static_cast<std::uint64_t>(be32(b, at + 8)) << 32 | be32(b, at + 12);
    } else if (size == 0) {  // the last box, to the end of the file
      size = b.size() - at;
    }
    if (size < 8) return Result<MediaType>(unsupported());
    if (size > b.size() - at) return Result<MediaType>(truncated(kHeic));
    meta = meta || kind == "meta";
    mdat = mdat || kind == "mdat";
    at += size;
  }
  if (!meta || !mdat) return Result<MediaType>(truncated(kHeic));
  return Result<MediaType>(kHeic);
}

}  // namespace

const std::vector<MediaType>& accepted_media_types() {
  static const std::vector<MediaType> all = {kPdf, kJpeg, kPng, kWebp, kHeic};
  return all;
}

std::vector<std::string> accepted_media_type_names() {
  std::vector<std::string> names;
  for (const auto& t : accepted_media_types()) names.push_back(t.name);
  return names;
}

Result<MediaType> sniff(std::string_view b) {
  if (b.starts_with("%PDF-")) {
    if (tail(b, kTrailerWindow).find("%%EOF") == std::string_view::npos) return truncated(kPdf);
    return kPdf;
  }
  if (b.starts_with("\xFF\xD8\xFF")) {
    // The last end-of-image marker: inside the compressed data 0xFF is always followed by 0x00
    // or a restart marker, so FF D9 near the end is the image's own end.
    if (b.size() < 4 || tail(b, kTrailerWindow).find("\xFF\xD9") == std::string_view::npos)
      return truncated(kJpeg);
    return kJpeg;
  }
  if (b.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8))) {
    static const std::string_view kIend("\0\0\0\0IEND\xAE\x42\x60\x82", 12);
    if (b.size() < 8 + 25 + 12 || b.substr(12, 4) != "IHDR" ||
        tail(b, kTrailerWindow).find(kIend) == std::string_view::npos)
      return truncated(kPng);
    return kPng;
  }
  if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") {
    const std::uint64_t riff_size = le32(b, 4);
    if (b.size() < 16 || riff_size + 8 > b.size()) return truncated(kWebp);
    const auto chunk = b.substr(12, 4);
    if (chunk != "VP8 " && chunk != "VP8L" && chunk != "VP8X") return unsupported();
    return kWebp;
  }
  if (auto heic = sniff_heic(b)) return std::move(*heic);
  return unsupported();
}

}  // namespace innet::documents
