#include "app/config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>

#include "core/crypto.h"
#include "core/json_input.h"

namespace innet::app {
namespace {

using Setter = std::function<bool(Config&, const std::string&)>;

Setter text(std::string Config::*member) {
  return [member](Config& c, const std::string& v) {
    c.*member = v;
    return true;
  };
}

template <class Int>
Setter number(Int Config::*member, std::int64_t min, std::int64_t max) {
  return [member, min, max](Config& c, const std::string& v) {
    auto n = parse_int(v);
    if (!n || *n < min || *n > max) return false;
    c.*member = static_cast<Int>(*n);
    return true;
  };
}

Setter flag(bool Config::*member) {
  return [member](Config& c, const std::string& v) {
    if (v != "true" && v != "false") return false;
    c.*member = v == "true";
    return true;
  };
}

const std::map<std::string, Setter>& keys() {
  static const std::map<std::string, Setter> k = {
      {"database_url", text(&Config::database_url)},
      {"db_pool_size", number(&Config::db_pool_size, 1, 256)},
      {"worker_threads", number(&Config::worker_threads, 0, 256)},
      {"worker_queue", number(&Config::worker_queue, 0, 100000)},
      {"statement_timeout_ms", number(&Config::statement_timeout_ms, 100, 3600 * 1000)},
      {"lock_timeout_ms", number(&Config::lock_timeout_ms, 100, 3600 * 1000)},
      {"bind_address", text(&Config::bind_address)},
      {"port", number(&Config::port, 0, 65535)},
      {"io_threads", number(&Config::io_threads, 0, 256)},
      {"data_dir", text(&Config::data_dir)},
      {"upload_dir", text(&Config::upload_dir)},
      {"secrets_file", text(&Config::secrets_file)},
      {"case_notes_key_file", text(&Config::case_notes_key_file)},
      {"web_root", text(&Config::web_root)},
      {"max_body_bytes", number(&Config::max_body_bytes, 1024, 1LL << 30)},
      {"upload_max_bytes", number(&Config::upload_max_bytes, 1024, 1LL << 30)},
      {"trusted_proxy", text(&Config::trusted_proxy)},
      {"cookie_secure", flag(&Config::cookie_secure)},
      {"session_idle_minutes", number(&Config::session_idle_minutes, 1, 24 * 60)},
      {"session_absolute_hours", number(&Config::session_absolute_hours, 1, 24 * 30)},
      {"read_log_retention_days", number(&Config::read_log_retention_days, 30, 3650)},
      {"absence_notice_hours", number(&Config::absence_notice_hours, 24, 24 * 30)},
      {"directory_verify_months", number(&Config::directory_verify_months, 1, 60)},
      {"referral_days_emergency", number(&Config::referral_days_emergency, 1, 90)},
      {"referral_days_urgent", number(&Config::referral_days_urgent, 1, 90)},
      {"referral_days_normal", number(&Config::referral_days_normal, 1, 90)},
      {"job_interval_seconds", number(&Config::job_interval_seconds, 1, 24 * 3600)},
      {"smtp_host", text(&Config::smtp_host)},
      {"smtp_port", number(&Config::smtp_port, 1, 65535)},
      {"smtp_user", text(&Config::smtp_user)},
      {"smtp_from", text(&Config::smtp_from)},
      {"public_url", text(&Config::public_url)},
  };
  return k;
}

Status apply(Config& c, const std::string& key, const std::string& value,
             const std::string& where) {
  auto it = keys().find(key);
  if (it == keys().end())
    return Error::make(ErrorKind::invalid_input, "config",
                       where + ": unknown setting '" + key + "'");
  if (!it->second(c, value))
    return Error::make(ErrorKind::invalid_input, "config",
                       where + ": invalid value for '" + key + "'");
  return Status::success();
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

Result<Config> load_config(const std::optional<std::string>& file) {
  Config c;
  std::optional<std::string> path = file;
  if (!path)
    if (const char* env = std::getenv("INNET_CONFIG")) path = env;
  if (path) {
    std::ifstream in(*path);
    if (!in)
      return Error::make(ErrorKind::invalid_input, "config", "cannot read config file " + *path);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      line = trim(line);
      if (line.empty() || line[0] == '#') continue;
      auto eq = line.find('=');
      std::string where = *path + ":" + std::to_string(n);
      if (eq == std::string::npos)
        return Error::make(ErrorKind::invalid_input, "config", where + ": expected key = value");
      INNET_TRY(apply(c, trim(line.substr(0, eq)), trim(line.substr(eq + 1)), where));
    }
  }
  for (const auto& [key, setter] : keys()) {
    std::string name = "INNET_";
    for (char ch : key) name += static_cast<char>(std::toupper(ch));
    if (const char* v = std::getenv(name.c_str())) INNET_TRY(apply(c, key, v, name));
  }
  return c;
}

// Creates (or replaces) a key file holding `key = value` with mode 0600 from the start, never
// world-readable for an instant, and flushes it and its folder entry to disk: a key rotation
// re-seals notes under a key only once its file is durable.
Status write_key_file(const std::string& path, const char* key, const std::string& value) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::path(path).has_parent_path()) fs::create_directories(fs::path(path).parent_path(), ec);
  const std::string text =
      std::string(
          "# InNet secrets. Keep private; every instance of one deployment needs the "
          "same file.\n") +
      key + " = " + value + "\n";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Error::internal("cannot write secrets file " + path);
  // A file that already existed keeps its mode through O_CREAT: make it private too.
  bool written = ::fchmod(fd, 0600) == 0 &&
                 ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                 ::fsync(fd) == 0;
  written = ::close(fd) == 0 && written;
  if (!written) return Error::internal("cannot write secrets file " + path);
  return sync_folder_of(path);
}

Status sync_folder_of(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  const std::string folder = parent.empty() ? "." : parent.string();
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Error::internal("cannot open folder " + folder);
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) return Error::internal("cannot flush folder " + folder);
  return Status::success();
}

// The value of `key` in a key file, empty when the file does not set it.
Result<std::string> read_key_file(const std::string& path, const char* key) {
  std::ifstream in(path);
  if (!in) return Error::internal("cannot read secrets file " + path);
  std::string line;
  std::string value;
  while (std::getline(in, line)) {
    auto eq = line.find('=');
    if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
    if (trim(line.substr(0, eq)) == key) value = trim(line.substr(eq + 1));
  }
  return value;
}

Result<Secrets> load_or_create_secrets(const std::string& path) {
  if (!std::filesystem::exists(path))
    INNET_TRY(write_key_file(path, "audit_key", crypto::random_hex(32)));
  Secrets s;
  INNET_ASSIGN_OR_RETURN(s.audit_key, read_key_file(path, "audit_key"));
  if (s.audit_key.size() < 32)
    return Error::make(ErrorKind::invalid_input, "secrets",
                       path + ": audit_key is missing or short");
  return s;
}

Result<std::optional<std::string>> read_notes_key(const std::string& path) {
  if (!std::filesystem::exists(path)) return std::optional<std::string>();
  INNET_ASSIGN_OR_RETURN(auto hex, read_key_file(path, "notes_key"));
  auto key = crypto::secret_key_from_hex(hex);
  if (!key)
    return Error::make(ErrorKind::invalid_input, "secrets",
                       path + ": notes_key is missing or not 64 hexadecimal digits");
  return key;
}

Result<std::string> create_notes_key(const std::string& path) {
  const std::string hex = crypto::new_secret_key_hex();
  INNET_TRY(write_key_file(path, "notes_key", hex));
  return *crypto::secret_key_from_hex(hex);
}

}  // namespace innet::app
