#include "http/static_files.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "http/compression.h"

namespace innet::http {
namespace {

namespace fs = std::filesystem;

// Vite puts content-hashed bundles here: a changed file gets a new name, so caching forever is
// safe. Everything else (index.html) must be revalidated so a deployment is seen at once.
constexpr std::string_view kAssetsPrefix = "/assets/";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kContentTypes = {{
    {"css", "text/css; charset=utf-8"},
    {"geojson", "application/geo+json"},
    {"html", "text/html; charset=utf-8"},
    {"ico", "image/x-icon"},
    {"jpeg", "image/jpeg"},
    {"jpg", "image/jpeg"},
    {"js", "text/javascript; charset=utf-8"},
    {"json", "application/json"},
    {"map", "application/json"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"png", "image/png"},
    {"svg", "image/svg+xml"},
    {"ttf", "font/ttf"},
    {"txt", "text/plain; charset=utf-8"},
    {"webmanifest", "application/manifest+json"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
}};

Response not_found() {
  return Response::error(Error::not_found("file"));
}

// Relative path below web_root, or nothing when a segment could step outside it or names a
// hidden file ("..", ".", ".env"): such requests never reach the filesystem.
std::optional<fs::path> relative_path(std::string_view path) {
  fs::path relative;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
    if (segment.empty()) continue;
    if (segment.front() == '.' || segment.find('\\') != std::string_view::npos) {
      return std::nullopt;
    }
    relative /= fs::path(segment);
  }
  return relative;
}

bool has_extension(std::string_view path) {
  std::string_view last = path.substr(path.rfind('/') + 1);
  return last.find('.') != std::string_view::npos;
}

bool is_inside(const fs::path& root, const fs::path& candidate) {
  auto [root_end, candidate_it] =
      std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  return root_end == root.end();
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match == "*") return true;
  while (!if_none_match.empty()) {
    std::size_t comma = if_none_match.find(',');
    std::string_view tag = if_none_match.substr(0, comma);
    if_none_match =
        comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag == etag) return true;
  }
  return false;
}

// One URL per page: "/centres/" is "/centres", and "/metrics/" goes to "/metrics", where the
// reverse proxy's rule for it applies. 308 keeps the method; the raw target keeps the client's
// escapes and query.
Response canonical_redirect(const Request& request) {
  std::string_view target = request.target.empty() ? request.path : request.target;
  std::size_t question = target.find('?');
  std::string_view path = target.substr(0, question);
  // A slash that came from an escape ("/x%2F") is not one to drop: redirecting to the same
  // target would loop.
  if (path.empty() || path.back() != '/') return not_found();
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  // "//host" or "/\host" would be read by browsers as another site: an open redirect.
  if (path.size() < 2 || path[1] == '/' || path[1] == '\\') return not_found();
  Response response;
  response.status = 308;
  std::string location(path);
  if (question != std::string_view::npos) location.append(target.substr(question));
  response.headers.emplace_back("Location", std::move(location));
  return response;
}

// The public portal (web/portal.html, a bundle of its own, no login) lives at "/" and under a
// language prefix ("/it", "/ar/services/12"); every other page is the staff app's index.html.
constexpr std::array<std::string_view, 6> kPortalLanguages = {"it", "en", "fr", "ar", "uk", "bn"};

bool is_portal_path(std::string_view path) {
  if (path == "/") return true;
  std::string_view rest = path.substr(1);
  std::string_view first = rest.substr(0, rest.find('/'));
  return std::find(kPortalLanguages.begin(), kPortalLanguages.end(), first) !=
         kPortalLanguages.end();
}

}  // namespace

std::string_view content_type_for(std::string_view filename) {
  std::size_t dot = filename.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  std::string extension(filename.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto it =
      std::lower_bound(kContentTypes.begin(), kContentTypes.end(), extension,
                       [](const auto& entry, const std::string& e) { return entry.first < e; });
  if (it == kContentTypes.end() || it->first != extension) return "application/octet-stream";
  return it->second;
}

StaticFiles::StaticFiles(const std::string& web_root) {
  std::error_code ec;
  root_ = fs::weakly_canonical(fs::absolute(web_root, ec), ec);
}

Response StaticFiles::serve(const Request& request) const {
  if (request.path.size() > 1 && request.path.back() == '/') return canonical_redirect(request);
  auto relative = relative_path(request.path);
  if (!relative) return not_found();
  fs::path index = root_ / "index.html";
  // A build without the portal (an older dist) keeps answering every page with the staff app.
  std::error_code portal_ec;
  fs::path portal = root_ / "portal.html";
  fs::path page =
      is_portal_path(request.path) && fs::is_regular_file(portal, portal_ec) ? portal : index;
  if (relative->empty()) return serve_file(page, kRevalidate, request);

  std::error_code ec;
  fs::path file = fs::canonical(root_ / *relative, ec);
  // canonical() resolves symlinks, so a link pointing outside web_root is refused here.
  if (!ec && is_inside(root_, file) && fs::is_regular_file(file, ec)) {
    bool asset = std::string_view(request.path).starts_with(kAssetsPrefix);
    return serve_file(file, asset ? kImmutable : kRevalidate, request);
  }
  if (has_extension(request.path)) return not_found();
  return serve_file(page, kRevalidate, request);
}

Response StaticFiles::serve_file(const fs::path& file, std::string_view cache_control,
                                 const Request& request) const {
  // The build writes name.br and name.gz beside each file worth compressing: pick what the
  // client accepts among those that exist.
  std::error_code ec;
  fs::path br = fs::path(file) += ".br";
  fs::path gz = fs::path(file) += ".gz";
  bool has_br = fs::is_regular_file(br, ec);
  bool has_gz = fs::is_regular_file(gz, ec);
  Coding coding = has_br || has_gz
                      ? choose_coding(request.header("accept-encoding"), has_br, has_gz)
                      : Coding::identity;
  const fs::path& chosen = coding == Coding::br ? br : coding == Coding::gzip ? gz : file;

  auto size = fs::file_size(chosen, ec);
  auto modified = fs::last_write_time(chosen, ec);
  if (ec) return not_found();
  auto ticks = modified.time_since_epoch().count();
  // Each encoding is its own representation, with its own strong validator.
  std::string etag = fmt::format("\"{:x}-{:x}{}{}\"", size, static_cast<std::uint64_t>(ticks),
                                 coding == Coding::identity ? "" : "-",
                                 coding == Coding::identity ? "" : coding_name(coding));

  Response response;
  response.headers.emplace_back("Cache-Control", cache_control);
  response.headers.emplace_back("ETag", etag);
  if (has_br || has_gz) add_vary(response, "Accept-Encoding");
  if (auto inm = request.header("if-none-match"); inm && etag_matches(*inm, etag)) {
    response.status = 304;
    return response;
  }
  std::ifstream in(chosen, std::ios::binary);
  if (!in) return not_found();
  response.body.resize(size);
  in.read(response.body.data(), static_cast<std::streamsize>(size));
  response.body.resize(static_cast<std::size_t>(in.gcount()));
  response.headers.emplace_back("Content-Type", content_type_for(file.filename().string()));
  if (coding != Coding::identity) {
    response.headers.emplace_back("Content-Encoding", coding_name(coding));
  }
  return response;
}

}  // namespace innet::http
