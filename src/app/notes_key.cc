#include "app/notes_key.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <utility>

#include "cases/notes.h"

namespace innet::app {
namespace {

// The raw keys of the key file and of the two files a rotation leaves beside it, each when its
// file exists.
struct KeyFiles {
  std::optional<std::string> current;   // <path>
  std::optional<std::string> next;      // <path>.new: written before the re-sealing
  std::optional<std::string> previous;  // <path>.old: the key the last rotation replaced
};

// An exclusive flock on the key file's folder, held while the key files are read and changed:
// on one host, a server starting during a rotation waits for it and then finds the key it left,
// and two rotations, or two servers finishing one, take turns.
class FolderLock {
 public:
  static Result<FolderLock> take(const std::string& path) {
    const auto parent = std::filesystem::path(path).parent_path();
    const std::string folder = parent.empty() ? "." : parent.string();
    FolderLock lock(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (lock.fd_ < 0 || ::flock(lock.fd_, LOCK_EX) != 0)
      return Error::internal("cannot lock the folder of " + path + ": " + std::strerror(errno));
    return lock;
  }
  FolderLock(FolderLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FolderLock& operator=(FolderLock&&) = delete;
  ~FolderLock() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  explicit FolderLock(int fd) : fd_(fd) {}
  int fd_;
};

Result<KeyFiles> read_key_files(const std::string& path) {
  KeyFiles k;
  INNET_ASSIGN_OR_RETURN(k.current, read_notes_key(path));
  INNET_ASSIGN_OR_RETURN(k.next, read_notes_key(path + ".new"));
  INNET_ASSIGN_OR_RETURN(k.previous, read_notes_key(path + ".old"));
  return k;
}

// Whether every sealed note is under `key`; the notes sealed before key ids are under the file's
// key (`current`), the only key there was then.
bool all_under(const std::map<std::string, std::int64_t>& seals,
               const std::optional<std::string>& key, const std::optional<std::string>& current) {
  if (!key) return false;
  const auto id = cases::notes_key_id(*key);
  const auto legacy = current ? cases::notes_key_id(*current) : std::string();
  for (const auto& [stored, count] : seals)
    if (stored != id && !(stored.empty() && legacy == id)) return false;
  return true;
}

// Moves `<path>.new` over `<path>`, keeping the replaced key as `<path>.old`. The file is linked,
// not moved, to `.old`, and the rename replaces it atomically: at no instant is `<path>` missing.
// Run again after a crash anywhere in it, it ends the same way.
Status install_new_key(const std::string& path) {
  const std::string next = path + ".new";
  const std::string previous = path + ".old";
  if (std::filesystem::exists(path)) {
    std::error_code ec;
    std::filesystem::remove(previous, ec);
    if (ec) return Error::internal("cannot remove " + previous + ": " + ec.message());
    if (::link(path.c_str(), previous.c_str()) != 0)
      return Error::internal("cannot keep " + path + " as " + previous + ": " +
                             std::strerror(errno));
  }
  if (::rename(next.c_str(), path.c_str()) != 0)
    return Error::internal("cannot rename " + next + " to " + path + ": " + std::strerror(errno));
  return sync_folder_of(path);
}

std::string describe(const std::map<std::string, std::int64_t>& seals) {
  std::string out;
  for (const auto& [id, count] : seals) {
    if (!out.empty()) out += ", ";
    out += (id.empty() ? std::string("no key id (sealed before key ids)") : "key id " + id) + ": " +
           std::to_string(count) + (count == 1 ? " sealed text" : " sealed texts");
  }
  return out;
}

std::string held(const std::string& file, const std::optional<std::string>& key) {
  return file + (key ? " holds key id " + cases::notes_key_id(*key) : " does not exist");
}

// resolve_notes_key's choice of the key, before it seals what is left in clear.
Result<std::string> key_for_seals(db::Pool& pool, const std::string& path) {
  INNET_ASSIGN_OR_RETURN(auto conn, pool.acquire());
  // The first run makes the folder, where the key file is then created.
  std::error_code ec;
  if (std::filesystem::path(path).has_parent_path())
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  INNET_ASSIGN_OR_RETURN(auto lock, FolderLock::take(path));
  INNET_ASSIGN_OR_RETURN(auto seals, cases::seals_by_key(*conn));
  INNET_ASSIGN_OR_RETURN(auto keys, read_key_files(path));
  if (seals.empty()) {
    if (keys.current) return *keys.current;
    return create_notes_key(path);
  }
  if (all_under(seals, keys.current, keys.current)) {
    if (keys.next)
      spdlog::warn(
          "{}.new is left by a key rotation stopped before its commit; no note is sealed under "
          "it (the next `innet case-notes rotate-key` replaces it)",
          path);
    return *keys.current;
  }
  if (all_under(seals, keys.next, keys.current)) {
    INNET_TRY(install_new_key(path));
    spdlog::warn(
        "finished a key rotation stopped after its commit: {} now holds key id {}, the key it "
        "replaced is in {}.old",
        path, cases::notes_key_id(*keys.next), path);
    return *keys.next;
  }
  if (!keys.current && !keys.next)
    return Error::make(ErrorKind::invalid_input, "secrets",
                       path +
                           " (case_notes_key_file) is missing, but the database holds "
                           "sensitive case notes sealed with a key: restore the file "
                           "from the backup of the server's secrets");
  return Error::make(
      ErrorKind::invalid_input, "secrets",
      "the sensitive case notes are sealed under " + describe(seals) + ", but " +
          held(path, keys.current) + " and " + held(path + ".new", keys.next) +
          " (case_notes_key_file): restore the key file of the missing key id from the backup "
          "of the server's secrets, or copy it from the instance where `innet case-notes "
          "rotate-key` ran; when " +
          path +
          ", .new or .old hold every key id, `innet case-notes rotate-key` re-seals all "
          "the notes under one key");
}

}  // namespace

std::string notes_key_path(const Config& config) {
  return !config.case_notes_key_file.empty()
             ? config.case_notes_key_file
             : (std::filesystem::path(config.secrets_file).parent_path() / "case-notes.key")
                   .string();
}

Result<std::string> resolve_notes_key(db::Pool& pool, const std::string& path) {
  INNET_ASSIGN_OR_RETURN(auto key, key_for_seals(pool, path));
  INNET_ASSIGN_OR_RETURN(auto conn, pool.acquire());
  INNET_ASSIGN_OR_RETURN(auto sealed, cases::seal_clear_versions(*conn, key));
  if (sealed > 0)
    spdlog::info(
        "sealed {} earlier text(s) of sensitive notes kept in clear before cases' "
        "migration 8",
        sealed);
  return key;
}

Result<std::string> notes_key(const Config& config, db::Pool& pool) {
  return resolve_notes_key(pool, notes_key_path(config));
}

Result<Rotation> rotate_notes_key(db::Pool& pool, const std::string& path, audit::Entry entry,
                                  std::int64_t batch, const RotationCheckpoint& checkpoint) {
  const auto step = [&](RotationStep s) { return checkpoint ? checkpoint(s) : Status::success(); };
  const auto missing = [&] {
    return Error::make(ErrorKind::invalid_input, "case_notes_key_file",
                       path +
                           " (case_notes_key_file) does not exist: run the rotation where "
                           "the server's key file is (or name it with --config)");
  };
  if (!std::filesystem::exists(path)) return missing();
  INNET_ASSIGN_OR_RETURN(auto lock, FolderLock::take(path));
  INNET_ASSIGN_OR_RETURN(auto keys, read_key_files(path));
  if (!keys.current) return missing();
  INNET_ASSIGN_OR_RETURN(auto conn, pool.acquire());
  INNET_ASSIGN_OR_RETURN(auto seals, cases::seals_by_key(*conn));
  // A run that committed and stopped before the rename: only the rename is left.
  if (!seals.empty() && all_under(seals, keys.next, keys.current)) {
    INNET_TRY(install_new_key(path));
    return Rotation{.key_id = cases::notes_key_id(*keys.next), .finished_earlier = true};
  }
  // Every key a note may be under: the file's (and so the notes without key id), and those an
  // interrupted run or a server still running with the old key may have left notes under.
  std::map<std::string, std::string> from{{"", *keys.current}};
  for (const auto* key : {&keys.previous, &keys.next, &keys.current})
    if (*key) from[cases::notes_key_id(**key)] = **key;
  for (const auto& [id, count] : seals)
    if (!from.contains(id))
      return Error::internal(
          std::to_string(count) +
          " sealed text(s) (sensitive notes or their earlier versions) are sealed under key id " +
          id + ", which none of " + path + ", .new and .old holds: nothing was changed");
  // Notes already under `.new` (a run that re-sealed some and then stopped with a server
  // writing under the old key) keep it; otherwise a fresh key, replacing any unused `.new`.
  std::string key;
  if (keys.next && seals.contains(cases::notes_key_id(*keys.next))) {
    key = *keys.next;
  } else {
    INNET_ASSIGN_OR_RETURN(key, create_notes_key(path + ".new"));
  }
  INNET_TRY(step(RotationStep::new_key_written));
  Rotation done{.key_id = cases::notes_key_id(key)};
  {
    db::Transaction tx(*conn);
    INNET_TRY(tx.started());
    INNET_ASSIGN_OR_RETURN(done.resealed, cases::reseal_notes(*conn, from, key, batch, [&] {
                             return step(RotationStep::batch_resealed);
                           }));
    entry.details =
        "{\"resealed\":" + std::to_string(done.resealed) + ",\"key_id\":\"" + done.key_id + "\"}";
    INNET_TRY(audit::record(*conn, entry));
    INNET_TRY(tx.commit());
  }
  INNET_TRY(step(RotationStep::committed));
  if (auto installed = install_new_key(path); !installed.ok())
    return Error::internal("the notes are re-sealed under key id " + done.key_id + ", kept in " +
                           path + ".new, but " + installed.error().message +
                           ": the server's startup, or this command run again, moves it into "
                           "place");
  return done;
}

}  // namespace innet::app
