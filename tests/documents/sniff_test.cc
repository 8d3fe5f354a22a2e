// The type of an upload read from its bytes: each accepted type whole, the same cut short, and
// files that pretend (an executable or an HTML page named .pdf, a WebP-like RIFF, an AVIF).
#include "documents/sniff.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace innet::documents {
namespace {

using namespace std::string_literals;

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}
std::string le32(std::uint32_t v) {
  return {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16),
          static_cast<char>(v >> 24)};
}
std::string box(const std::string& type, const std::string& payload) {
  return be32(static_cast<std::uint32_t>(8 + payload.size())) + type + payload;
}

std::string pdf() {
  return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}
std::string jpeg() {
  return "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"s +
         std::string(200, 'x') + "\xFF\xD9"s;
}
std::string png() {
  std::string ihdr = "\x00\x00\x00\x0DIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"s +
                     "\x90\x77\x53\xDE"s;
  std::string idat =
      "\x00\x00\x00\x0CIDAT\x08\xD7\x63\xF8\xCF\xC0\x00\x00\x03\x01\x01\x00"s + "\x18\xDD\x8D\xB0"s;
  return "\x89PNG\r\n\x1A\n"s + ihdr + idat + "\x00\x00\x00\x00IEND\xAE\x42\x60\x82"s;
}
std::string webp() {
  std::string chunk = "VP8 " + le32(10) + std::string(10, '\x01');
  std::string body = "WEBP" + chunk;
  return "RIFF" + le32(static_cast<std::uint32_t>(body.size())) + body;
}
std::string heic(const std::string& brand = "heic") {
  std::string ftyp = box("ftyp", brand + be32(0) + "mif1" + brand);
  return ftyp + box("meta", std::string(24, '\0')) + box("mdat", std::string(64, '\x07'));
}

std::string type_of(const std::string& bytes) {
  auto t = sniff(bytes);
  return t.ok() ? t->name : t.error().code;
}

TEST(Sniff, AcceptsEachTypeWhole) {
  EXPECT_EQ(type_of(pdf()), "application/pdf");
  EXPECT_EQ(type_of(jpeg()), "image/jpeg");
  EXPECT_EQ(type_of(png()), "image/png");
  EXPECT_EQ(type_of(webp()), "image/webp");
  EXPECT_EQ(type_of(heic()), "image/heic");
  EXPECT_EQ(type_of(heic("heix")), "image/heic");
}

TEST(Sniff, RefusesFilesCutShort) {
  for (const auto& whole : {pdf(), jpeg(), png(), webp(), heic()}) {
    for (std::size_t cut : {whole.size() / 2, whole.size() - 3}) {
      auto t = sniff(whole.substr(0, cut));
      ASSERT_FALSE(t.ok()) << type_of(whole) << " cut at " << cut;
      EXPECT_EQ(t.error().kind, ErrorKind::unsupported_media_type);
      EXPECT_EQ(t.error().code, "truncated_file") << type_of(whole) << " cut at " << cut;
    }
  }
}

TEST(Sniff, RefusesOtherContentWhateverItsName) {
  const std::string exe = "MZ\x90\x00\x03\x00\x00\x00"s + std::string(100, '\0') + "PE\0\0"s;
  const std::string html = "<!DOCTYPE html><html><script>alert(1)</script></html>";
  const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>";
  // A file that says it is a PDF further in, as polyglots do: only the first bytes count.
  const std::string polyglot = "<html><!-- " + pdf();
  for (const auto& bytes : {exe, html, svg, polyglot, "GIF89a\x01\x00"s, ""s, "%PD"s}) {
    auto t = sniff(bytes);
    ASSERT_FALSE(t.ok()) << bytes.substr(0, 10);
    EXPECT_EQ(t.error().code, "unsupported_media_type");
    EXPECT_EQ(t.error().kind, ErrorKind::unsupported_media_type);
  }
}

TEST(Sniff, RefusesLookAlikes) {
  // A RIFF that is not WebP (a WAV), an AVIF (HEIF, but not HEVC), a WebP with no image chunk.
  std::string wav = "RIFF" + le32(12) + "WAVEfmt " + le32(0);
  EXPECT_EQ(type_of(wav), "unsupported_media_type");
  EXPECT_EQ(type_of(heic("avif")), "unsupported_media_type");
  std::string odd = webp();
  odd.replace(12, 4, "JUNK");
  EXPECT_EQ(type_of(odd), "unsupported_media_type");
}

TEST(Sniff, AHeicBoxMayNotClaimMoreThanTheFile) {
  std::string bytes = heic();
  bytes += be32(8) + "free";  // an empty box: the file still ends where its boxes do
  EXPECT_EQ(type_of(bytes), "image/heic");
  bytes = heic() + be32(4096) + "free";
  EXPECT_EQ(type_of(bytes), "truncated_file");
}

}  // namespace
}  // namespace innet::documents
