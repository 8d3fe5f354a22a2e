#include "directory/import_job.h"

#include <stdlib.h>

#include <deque>
#include <fstream>
#include <mutex>
#include <thread>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "directory/interchange.h"
#include "directory/storage.h"
#include "directory/zip_reader.h"

namespace innet::directory {
namespace {

constexpr std::size_t kRemembered = 20;
constexpr std::size_t kSaveBatch = 500;

std::mutex g_mutex;
std::deque<ImportJob> g_jobs;  // newest last
bool g_running = false;

void update(const std::string& id, const std::function<void(ImportJob&)>& f) {
  std::lock_guard lock(g_mutex);
  for (auto& j : g_jobs)
    if (j.id == id) f(j);
}

void finish(const std::string& id, const std::function<void(ImportJob&)>& f) {
  std::lock_guard lock(g_mutex);
  for (auto& j : g_jobs)
    if (j.id == id) {
      f(j);
      j.phase = "finished";
      j.progress = 100;
    }
  g_running = false;
}

struct TempDir {
  std::filesystem::path path;
  TempDir() = default;
  TempDir(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

// The data package's folder: the one holding datapackage.json, at the top or one level down (an
// archive of a folder).
std::optional<std::filesystem::path> package_folder(const std::filesystem::path& root) {
  if (std::filesystem::exists(root / "datapackage.json")) return root;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(root, ec))
    if (e.is_directory() && std::filesystem::exists(e.path() / "datapackage.json")) return e.path();
  return std::nullopt;
}

// Read, check and save as interchange's import_hsds does, phase by phase, so that the page sees
// where it is; the writes and the audit entry are one transaction.
Status run(db::Pool& pool, const std::string& id, const std::filesystem::path& path,
           audit::Entry entry) {
  update(id, [](ImportJob& j) {
    j.phase = "reading";
    j.progress = 10;
  });
  auto package = read_path(path, *table("service"));
  update(id, [&](ImportJob& j) {
    j.phase = "checking";
    j.progress = 40;
    j.records = package.records.size();
  });
  INNET_ASSIGN_OR_RETURN(auto conn, pool.acquire());
  db::Transaction tx(*conn);
  INNET_TRY(tx.started());
  INNET_ASSIGN_OR_RETURN(auto outside, check_references(*conn, package));
  if (!package.rejections.empty()) {
    finish(id, [&](ImportJob& j) {
      j.state = "refused";
      j.outside_references = outside;
      j.rejections = std::move(package.rejections);
    });
    return Status::success();  // rolled back: nothing written
  }
  update(id, [](ImportJob& j) {
    j.phase = "saving";
    j.progress = 50;
  });
  std::size_t changed = 0;
  const auto& records = package.records;
  for (std::size_t from = 0; from < records.size(); from += kSaveBatch) {
    std::vector<Record> batch(
        records.begin() + static_cast<std::ptrdiff_t>(from),
        records.begin() + static_cast<std::ptrdiff_t>(std::min(records.size(), from + kSaveBatch)));
    INNET_ASSIGN_OR_RETURN(auto n, save(*conn, batch));
    changed += n;
    const int pct = 50 + static_cast<int>(49 * (from + batch.size()) / records.size());
    update(id, [pct](ImportJob& j) { j.progress = pct; });
  }
  entry.details = "{\"records\":" + std::to_string(records.size()) +
                  ",\"changed\":" + std::to_string(changed) + "}";
  INNET_TRY(audit::record(*conn, entry));
  INNET_TRY(tx.commit());
  finish(id, [&](ImportJob& j) {
    j.state = "done";
    j.changed = changed;
    j.outside_references = outside;
  });
  return Status::success();
}

}  // namespace

Result<ImportJob> start_import(api::Services& services, const audit::Entry& audit_entry,
                               std::string body, const std::string& file, std::int64_t user_id) {
  {
    std::lock_guard lock(g_mutex);
    if (g_running)
      return Error::make(ErrorKind::conflict, "import_running", "an import is running");
    g_running = true;
  }
  auto release = [] {
    std::lock_guard lock(g_mutex);
    g_running = false;
  };
  std::string pattern = (std::filesystem::temp_directory_path() / "innet-hsds-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    release();
    return Error::internal("cannot create a temporary directory");
  }
  auto dir = std::make_shared<TempDir>();  // not a copy: its destructor removes the folder
  dir->path = pattern;
  std::filesystem::path path;
  if (looks_like_zip(body)) {
    if (auto s = unzip(body, dir->path / "package"); !s.ok()) {
      release();
      return s.error();
    }
    auto folder = package_folder(dir->path / "package");
    if (!folder) {
      release();
      return Error::make(ErrorKind::invalid_input, "invalid_archive",
                         "the archive holds no datapackage.json");
    }
    path = *folder;
  } else {
    const auto first = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string::npos || (body[first] != '{' && body[first] != '[')) {
      release();
      return Error::make(ErrorKind::invalid_input, "invalid_file",
                         "neither a zip archive nor a JSON document");
    }
    path = dir->path / (file.ends_with(".json") ? file : "upload.json");
    if (path.filename() != std::filesystem::path(file).filename()) path = dir->path / "upload.json";
    std::ofstream(path, std::ios::binary) << body;
  }
  ImportJob job;
  job.id = crypto::random_hex(12);
  job.file = file;
  job.started_by = user_id;
  job.started_at = clock::now_iso();
  {
    std::lock_guard lock(g_mutex);
    g_jobs.push_back(job);
    while (g_jobs.size() > kRemembered) g_jobs.pop_front();
  }
  // The server's pool outlives requests; an import still running at shutdown is rolled back
  // with its connection.
  db::Pool* pool = &services.pool;
  std::thread([pool, id = job.id, dir, path, audit_entry] {
    auto s = run(*pool, id, path, audit_entry);
    if (!s.ok())
      finish(id, [&](ImportJob& j) {
        j.state = "failed";
        j.error = s.error().message;
      });
  }).detach();
  return job;
}

std::optional<ImportJob> find_import(const std::string& id) {
  std::lock_guard lock(g_mutex);
  for (const auto& j : g_jobs)
    if (j.id == id) return j;
  return std::nullopt;
}

}  // namespace innet::directory
