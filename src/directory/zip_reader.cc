#include "directory/zip_reader.h"

#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <string>

namespace innet::directory {
namespace {

std::uint32_t u16(std::string_view b, std::size_t at) {
  return static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8;
}
std::uint32_t u32(std::string_view b, std::size_t at) {
  return u16(b, at) | u16(b, at + 2) << 16;
}

Error invalid(const std::string& message) {
  return Error::make(ErrorKind::invalid_input, "invalid_archive", message);
}

// A name that stays inside the folder: relative, no "..", no backslashes or drive letters.
bool safe_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos ||
      name.find(':') != std::string::npos)
    return false;
  for (const auto& part : std::filesystem::path(name))
    if (part == "..") return false;
  return true;
}

Result<std::string> inflate_raw(std::string_view in, std::size_t size) {
  std::string out(size, '\0');
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return Error::internal("zlib");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  const auto produced = z.total_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END || produced != size) return invalid("a compressed entry is damaged");
  return out;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

Status unzip(std::string_view b, const std::filesystem::path& folder, const ZipLimits& limits) {
  // The end of central directory record: the last 22 bytes, or earlier with a comment.
  if (b.size() < 22) return invalid("not a zip archive");
  std::size_t eocd = std::string_view::npos;
  for (std::size_t at = b.size() - 22 + 1; at-- > 0 && b.size() - at <= 22 + 65535;)
    if (u32(b, at) == 0x06054b50) {
      eocd = at;
      break;
    }
  if (eocd == std::string_view::npos) return invalid("not a zip archive");
  const std::size_t entries = u16(b, eocd + 10);
  const std::size_t dir_size = u32(b, eocd + 12), dir_at = u32(b, eocd + 16);
  if (entries == 0xffff || dir_at == 0xffffffff) return invalid("zip64 archives are not read");
  if (entries > limits.max_entries) return invalid("too many files in the archive");
  if (dir_at + dir_size > eocd) return invalid("damaged central directory");
  std::size_t total = 0, at = dir_at;
  for (std::size_t i = 0; i < entries; ++i) {
    if (at + 46 > eocd || u32(b, at) != 0x02014b50) return invalid("damaged central directory");
    const std::uint32_t flags = u16(b, at + 8), method = u16(b, at + 10);
    const std::size_t packed = u32(b, at + 20), size = u32(b, at + 24);
    const std::size_t name_len = u16(b, at + 28), extra_len = u16(b, at + 30),
                      comment_len = u16(b, at + 32), local = u32(b, at + 42);
    if (at + 46 + name_len > eocd) return invalid("damaged central directory");
    const std::string name(b.substr(at + 46, name_len));
    at += 46 + name_len + extra_len + comment_len;
    if (!name.empty() && name.back() == '/') continue;  // a folder: made with its files
    if (name.starts_with("__MACOSX/")) continue;        // macOS resource forks
    if (!safe_name(name)) return invalid(name + ": a path outside the archive's folder");
    if (flags & 1) return invalid(name + ": encrypted entries are not read");
    if (method != 0 && method != 8) return invalid(name + ": unsupported compression");
    total += size;
    if (total > limits.max_total_bytes) return invalid("the archive unpacks to too many bytes");
    if (local + 30 > b.size() || u32(b, local) != 0x04034b50)
      return invalid(name + ": damaged local header");
    const std::size_t data = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (data + packed > b.size()) return invalid(name + ": truncated");
    std::string content;
    if (method == 0) {
      if (packed != size) return invalid(name + ": damaged stored entry");
      content.assign(b.substr(data, size));
    } else {
      INNET_ASSIGN_OR_RETURN(content, inflate_raw(b.substr(data, packed), size));
    }
    if (crc32(0, reinterpret_cast<const Bytef*>(content.data()),
              static_cast<uInt>(content.size())) !=
        u32(b, at - (46 + name_len + extra_len + comment_len) + 16))
      return invalid(name + ": checksum mismatch");
    const auto target = folder / name;
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    std::ofstream out(target, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) return Error::internal("cannot write " + target.string());
  }
  return Status::success();
}

}  // namespace innet::directory
