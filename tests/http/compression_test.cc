// Content-coding negotiation (Accept-Encoding with q-values) and gzip of handlers' answers.
#include "http/compression.h"

#include <zlib.h>

#include <gtest/gtest.h>

namespace innet::http {
namespace {

std::string gunzip(std::string_view data) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

Coding both(std::optional<std::string_view> header) {
  return choose_coding(header, true, true);
}

TEST(HttpAcceptEncoding, NoHeaderMeansIdentity) {
  EXPECT_EQ(both(std::nullopt), Coding::identity);
  EXPECT_EQ(both(""), Coding::identity);
}

TEST(HttpAcceptEncoding, PrefersTheSmallestOnEqualQ) {
  EXPECT_EQ(both("gzip, deflate, br, zstd"), Coding::br);  // what browsers send
  EXPECT_EQ(both("gzip, deflate"), Coding::gzip);
  EXPECT_EQ(both("deflate"), Coding::identity);
  EXPECT_EQ(both("*"), Coding::br);
  EXPECT_EQ(both("GZip"), Coding::gzip);
  EXPECT_EQ(both("x-gzip"), Coding::gzip);
}

TEST(HttpAcceptEncoding, HonoursQValues) {
  EXPECT_EQ(both("br;q=0.5, gzip;q=0.8"), Coding::gzip);
  EXPECT_EQ(both("br;q=0, gzip"), Coding::gzip);
  EXPECT_EQ(both("br ; q=0.001, gzip;Q=0"), Coding::br);
  EXPECT_EQ(both("gzip;q=0.5, identity;q=0.9"), Coding::identity);
  EXPECT_EQ(both("br;q=1.000, gzip;q=1"), Coding::br);
  EXPECT_EQ(both("*;q=0.1, gzip;q=0.2"), Coding::gzip);
  EXPECT_EQ(both("*;q=0, identity"), Coding::identity);
}

TEST(HttpAcceptEncoding, ExcludedIdentityStillGetsAnAnswer) {
  EXPECT_EQ(both("identity;q=0"), Coding::identity);  // nothing else acceptable: no 406
  EXPECT_EQ(both("identity;q=0, gzip"), Coding::gzip);
  EXPECT_EQ(both("*;q=0, br;q=0.3"), Coding::br);
  EXPECT_EQ(choose_coding("gzip;q=0.5, identity;q=0", false, false), Coding::identity);
}

TEST(HttpAcceptEncoding, MalformedElementsAreIgnored) {
  EXPECT_EQ(both("br;q=2, gzip"), Coding::gzip);
  EXPECT_EQ(both("br;q=0.0001, gzip"), Coding::gzip);
  EXPECT_EQ(both("br;q=abc, gzip;q=0.5"), Coding::gzip);
  EXPECT_EQ(both("br;level=1, gzip;q="), Coding::identity);
  EXPECT_EQ(both(",,, ;q=1, br"), Coding::br);
}

TEST(HttpAcceptEncoding, OnlyAvailableCodingsAreChosen) {
  EXPECT_EQ(choose_coding("br, gzip", false, true), Coding::gzip);
  EXPECT_EQ(choose_coding("br, gzip", true, false), Coding::br);
  EXPECT_EQ(choose_coding("br", false, true), Coding::identity);
  EXPECT_EQ(choose_coding("gzip", true, false), Coding::identity);
}

TEST(HttpGzip, RoundTrips) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += R"({"id":)" + std::to_string(i) + R"(,"name":"Centro"},)";
  auto compressed = gzip(text);
  ASSERT_TRUE(compressed);
  EXPECT_LT(compressed->size(), text.size() / 5);
  EXPECT_EQ(gunzip(*compressed), text);
  ASSERT_TRUE(gzip(""));
  EXPECT_EQ(gunzip(*gzip("")), "");
}

Request accepting(std::string encoding) {
  Request request;
  request.headers.emplace_back("accept-encoding", std::move(encoding));
  return request;
}

Response json_of_size(std::size_t size) {
  Response response = Response::json(200, {{"text", std::string(size, 'a')}});
  return response;
}

std::optional<std::string> header_of(const Response& response, std::string_view name) {
  for (const auto& [n, v] : response.headers) {
    if (n == name) return v;
  }
  return std::nullopt;
}

TEST(HttpCompressResponse, LargeJsonIsGzippedWithVary) {
  Response response = json_of_size(5000);
  std::string original = response.body;
  compress_response(accepting("gzip, br"), response);
  EXPECT_EQ(header_of(response, "Content-Encoding"), "gzip");
  EXPECT_EQ(header_of(response, "Vary"), "Accept-Encoding");
  EXPECT_EQ(gunzip(response.body), original);
}

TEST(HttpCompressResponse, ClientWithoutGzipGetsIdentityWithVary) {
  for (const char* encoding : {"br", "identity", "gzip;q=0"}) {
    SCOPED_TRACE(encoding);
    Response response = json_of_size(5000);
    std::string original = response.body;
    compress_response(accepting(encoding), response);
    EXPECT_FALSE(header_of(response, "Content-Encoding"));
    EXPECT_EQ(header_of(response, "Vary"), "Accept-Encoding");
    EXPECT_EQ(response.body, original);
  }
  Response response = json_of_size(5000);
  compress_response(Request{}, response);
  EXPECT_FALSE(header_of(response, "Content-Encoding"));
}

TEST(HttpCompressResponse, SmallOrUnsuitableAnswersAreLeftAlone) {
  Response small = json_of_size(kCompressMinBytes - 100);
  compress_response(accepting("gzip"), small);
  EXPECT_FALSE(header_of(small, "Content-Encoding"));
  EXPECT_FALSE(header_of(small, "Vary"));

  Response error = json_of_size(5000);
  error.status = 404;
  compress_response(accepting("gzip"), error);
  EXPECT_FALSE(header_of(error, "Content-Encoding"));

  Response xlsx;
  xlsx.headers.emplace_back("Content-Type",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  xlsx.body.assign(5000, 'x');
  compress_response(accepting("gzip"), xlsx);  // already a zip archive
  EXPECT_FALSE(header_of(xlsx, "Content-Encoding"));

  Response encoded = json_of_size(5000);
  encoded.headers.emplace_back("Content-Encoding", "br");
  compress_response(accepting("gzip"), encoded);
  EXPECT_EQ(header_of(encoded, "Content-Encoding"), "br");
}

TEST(HttpCompressResponse, CsvIsCompressedAndVaryIsMerged) {
  Response csv;
  csv.headers.emplace_back("Content-Type", "text/csv; charset=utf-8");
  csv.headers.emplace_back("Vary", "Cookie");
  for (int i = 0; i < 200; ++i) csv.body += "2026-11-01;Mario Rossi;present\r\n";
  compress_response(accepting("gzip"), csv);
  EXPECT_EQ(header_of(csv, "Content-Encoding"), "gzip");
  EXPECT_EQ(header_of(csv, "Vary"), "Cookie, Accept-Encoding");
}

}  // namespace
}  // namespace innet::http
