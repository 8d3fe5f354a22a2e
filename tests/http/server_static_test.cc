// The web app's files: content types, cache policy, client-side route fallback, traversal.
#include <filesystem>
#include <fstream>
#include <random>

#include "http/static_files.h"
#include "test_server.h"

namespace innet::http {
namespace {

namespace fs = std::filesystem;
using test::TestClient;
using test::TestServer;

void write_file(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// dir/web is the web root; dir/secret.txt sits next to it, where no request may reach.
class HttpStaticFiles : public ::testing::Test {
 protected:
  HttpStaticFiles() {
    dir =
        fs::temp_directory_path() / ("innet-http-static-" + std::to_string(std::random_device{}()));
    web = dir / "web";
    write_file(web / "index.html", "<!doctype html><title>InNet</title>");
    write_file(web / "assets" / "app-3f2a.js", "console.log(1)");
    write_file(web / "assets" / "style-9c1d.css", "body{}");
    write_file(web / "robots.txt", "User-agent: *");
    write_file(web / "maps" / "palermo.geojson", "{}");
    write_file(web / ".env", "SECRET=1");
    write_file(dir / "secret.txt", "top secret");
    fs::create_symlink(dir / "secret.txt", web / "link.txt");
    router.add({"GET", "/healthz", [](Request&) { return Response::json(200, {{"ok", true}}); }});
    router.add({"GET", "/api/v1/ping", [](Request&) { return Response::json(200, {}); }});
    options.web_root = web.string();
  }
  ~HttpStaticFiles() override { fs::remove_all(dir); }

  fs::path dir;
  fs::path web;
  Router router;
  ServerOptions options;
};

TEST_F(HttpStaticFiles, ServesIndexAtRoot) {
  TestServer server(router, options);
  TestClient client(server.port());
  auto response = client.request("GET", "/");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "<!doctype html><title>InNet</title>");
  EXPECT_EQ(response.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(response.header("cache-control"), "no-cache");
  EXPECT_TRUE(response.header("content-security-policy"));
}

TEST_F(HttpStaticFiles, HashedAssetsAreImmutable) {
  TestServer server(router, options);
  TestClient client(server.port());
  auto js = client.request("GET", "/assets/app-3f2a.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(client.request("GET", "/assets/style-9c1d.css").header("content-type"),
            "text/css; charset=utf-8");
  auto robots = client.request("GET", "/robots.txt");
  EXPECT_EQ(robots.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(robots.header("cache-control"), "no-cache");
  EXPECT_EQ(client.request("GET", "/maps/palermo.geojson").header("content-type"),
            "application/geo+json");
}

TEST_F(HttpStaticFiles, ClientRoutesFallBackToIndex) {
  TestServer server(router, options);
  TestClient client(server.port());
  for (const char* target : {"/login", "/accounts/42/edit", "/assets", "/login?next=%2F"}) {
    SCOPED_TRACE(target);
    auto response = client.request("GET", target);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "<!doctype html><title>InNet</title>");
    EXPECT_EQ(response.header("cache-control"), "no-cache");
  }
}

// The public portal is its own page (web/portal.html): at "/" and under the six language
// prefixes; the staff app keeps every other path, a prefix that only starts like a language too.
TEST_F(HttpStaticFiles, PortalPagesAtRootAndUnderALanguage) {
  write_file(web / "portal.html", "<!doctype html><title>Portale</title>");
  TestServer server(router, options);
  TestClient client(server.port());
  for (const char* target :
       {"/", "/it", "/ar/services", "/en/services/7?lang=en", "/bn", "/uk/x"}) {
    SCOPED_TRACE(target);
    auto response = client.request("GET", target);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "<!doctype html><title>Portale</title>");
    EXPECT_EQ(response.header("cache-control"), "no-cache");
  }
  for (const char* target :
       {"/home", "/login", "/italy", "/items/3", "/de/services", "/index.html"}) {
    SCOPED_TRACE(target);
    auto response = client.request("GET", target);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "<!doctype html><title>InNet</title>");
  }
  EXPECT_EQ(client.request("GET", "/it/").status, 308);
  EXPECT_EQ(client.request("GET", "/it/missing.js").status, 404);
}

TEST_F(HttpStaticFiles, MissingFileWithExtensionIs404) {
  TestServer server(router, options);
  TestClient client(server.port());
  auto response = client.request("GET", "/assets/gone-1234.js");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.json()["error"]["code"], "not_found");
}

TEST_F(HttpStaticFiles, TraversalIsRefused) {
  TestServer server(router, options);
  TestClient client(server.port());
  for (const char* target :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
        "/assets/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt", "/link.txt", "/.env"}) {
    SCOPED_TRACE(target);
    auto response = client.request("GET", target);
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.body.find("top secret"), std::string::npos);
    EXPECT_EQ(response.body.find("SECRET"), std::string::npos);
  }
}

TEST_F(HttpStaticFiles, ApiAndProbePathsNeverFallBack) {
  TestServer server(router, options);
  TestClient client(server.port());
  auto api = client.request("GET", "/api/v1/unknown");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(client.request("GET", "/readyz").status, 404);
  EXPECT_EQ(client.request("GET", "/healthz").json()["ok"], true);
  EXPECT_EQ(client.request("POST", "/login", "", "x").status, 404);
}

TEST_F(HttpStaticFiles, HeadAndConditionalRequests) {
  TestServer server(router, options);
  TestClient client(server.port());
  auto head = client.request("HEAD", "/assets/app-3f2a.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "14");
  EXPECT_TRUE(head.body.empty());
  auto etag = head.header("etag");
  ASSERT_TRUE(etag);
  auto revalidated =
      client.request("GET", "/assets/app-3f2a.js", "If-None-Match: " + *etag + "\r\n");
  EXPECT_EQ(revalidated.status, 304);
  EXPECT_TRUE(revalidated.body.empty());
  EXPECT_EQ(revalidated.header("etag"), etag);
  EXPECT_EQ(client.request("GET", "/robots.txt").status, 200);  // framing intact after 304
}

TEST_F(HttpStaticFiles, PrecompressedSiblingsByAcceptEncoding) {
  write_file(web / "assets" / "app-3f2a.js.br", "BR-BYTES");
  write_file(web / "assets" / "app-3f2a.js.gz", "GZIP-BYTES");
  write_file(web / "index.html.gz", "GZ-INDEX");
  TestServer server(router, options);
  TestClient client(server.port());
  auto br = client.request("GET", "/assets/app-3f2a.js", "Accept-Encoding: gzip, deflate, br\r\n");
  EXPECT_EQ(br.status, 200);
  EXPECT_EQ(br.body, "BR-BYTES");
  EXPECT_EQ(br.header("content-encoding"), "br");
  EXPECT_EQ(br.header("content-length"), "8");
  EXPECT_EQ(br.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(br.header("vary"), "Accept-Encoding");
  EXPECT_EQ(br.header("cache-control"), "public, max-age=31536000, immutable");

  auto gz = client.request("GET", "/assets/app-3f2a.js", "Accept-Encoding: gzip;q=1, br;q=0.5\r\n");
  EXPECT_EQ(gz.body, "GZIP-BYTES");
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  auto plain = client.request("GET", "/assets/app-3f2a.js");
  EXPECT_EQ(plain.body, "console.log(1)");
  EXPECT_FALSE(plain.header("content-encoding"));
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");
  auto refused =
      client.request("GET", "/assets/app-3f2a.js", "Accept-Encoding: br;q=0, gzip;q=0\r\n");
  EXPECT_EQ(refused.body, "console.log(1)");

  // One validator per representation: a cached identity body never revalidates a br one.
  ASSERT_TRUE(br.header("etag") && gz.header("etag") && plain.header("etag"));
  EXPECT_NE(*br.header("etag"), *plain.header("etag"));
  EXPECT_NE(*br.header("etag"), *gz.header("etag"));
  auto not_modified =
      client.request("GET", "/assets/app-3f2a.js",
                     "Accept-Encoding: br\r\nIf-None-Match: " + *br.header("etag") + "\r\n");
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_EQ(not_modified.header("vary"), "Accept-Encoding");
  auto changed =
      client.request("GET", "/assets/app-3f2a.js", "If-None-Match: " + *br.header("etag") + "\r\n");
  EXPECT_EQ(changed.status, 200);
  EXPECT_EQ(changed.body, "console.log(1)");

  // The client-side route fallback serves index.html's sibling too; files without one, no Vary.
  auto route = client.request("GET", "/centres/12", "Accept-Encoding: gzip, br\r\n");
  EXPECT_EQ(route.body, "GZ-INDEX");
  EXPECT_EQ(route.header("content-encoding"), "gzip");
  EXPECT_EQ(route.header("content-type"), "text/html; charset=utf-8");
  auto css = client.request("GET", "/assets/style-9c1d.css", "Accept-Encoding: gzip, br\r\n");
  EXPECT_EQ(css.body, "body{}");
  EXPECT_FALSE(css.header("content-encoding"));
  EXPECT_FALSE(css.header("vary"));
}

TEST_F(HttpStaticFiles, TrailingSlashRedirectsToTheCanonicalPath) {
  TestServer server(router, options);
  TestClient client(server.port());
  auto page = client.request("GET", "/centres/12/?tab=costs");
  EXPECT_EQ(page.status, 308);
  EXPECT_EQ(page.header("location"), "/centres/12?tab=costs");
  // The probe gets the same treatment, so a proxy rule for "/metrics" still applies.
  EXPECT_EQ(client.request("GET", "/metrics//").header("location"), "/metrics");
  EXPECT_EQ(client.request("GET", "/caf%C3%A9/").header("location"), "/caf%C3%A9");
  // Never to another site: "//evil.example" and "/\\evil.example" are network-path references.
  for (const char* target : {"//evil.example/", "/\\evil.example/", "//"}) {
    SCOPED_TRACE(target);
    auto response = client.request("GET", target);
    EXPECT_EQ(response.status, 404);
    EXPECT_FALSE(response.header("location"));
  }
  EXPECT_EQ(client.request("GET", "/").status, 200);
  EXPECT_EQ(client.request("GET", "/api/v1/ping/").status, 404);  // API paths: no redirect
  EXPECT_EQ(client.request("GET", "/healthz/").status, 308);
  // A slash written as an escape is part of the name, not one to drop: no redirect to itself.
  for (const char* target : {"/x%2F", "/%2F", "/x%2f?q=1"}) {
    SCOPED_TRACE(target);
    auto response = client.request("GET", target);
    EXPECT_NE(response.status, 308);
    EXPECT_FALSE(response.header("location"));
  }
}

TEST_F(HttpStaticFiles, StaticRequestsAreCountedAsStatic) {
  TestServer server(router, options);
  {
    TestClient client(server.port());
    client.request("GET", "/");
  }
  server.stop();
  EXPECT_NE(server.metrics().render().find(
                R"(innet_http_requests_total{method="GET",route="static",status="200"} 1)"),
            std::string::npos);
}

TEST(HttpContentTypes, ByExtension) {
  EXPECT_EQ(content_type_for("a.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("a.SVG"), "image/svg+xml");
  EXPECT_EQ(content_type_for("a.png"), "image/png");
  EXPECT_EQ(content_type_for("a.jpg"), "image/jpeg");
  EXPECT_EQ(content_type_for("a.woff"), "font/woff");
  EXPECT_EQ(content_type_for("a.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("a.ttf"), "font/ttf");
  EXPECT_EQ(content_type_for("a.json"), "application/json");
  EXPECT_EQ(content_type_for("favicon.ico"), "image/x-icon");
  EXPECT_EQ(content_type_for("a.js.map"), "application/json");
  EXPECT_EQ(content_type_for("manifest.webmanifest"), "application/manifest+json");
  EXPECT_EQ(content_type_for("README"), "application/octet-stream");
  EXPECT_EQ(content_type_for("a.exe"), "application/octet-stream");
}

}  // namespace
}  // namespace innet::http
