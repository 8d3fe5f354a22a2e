// Configuration: defaults, then a `key = value` file (--config or INNET_CONFIG), then
// environment variables INNET_<KEY> (upper case), then command-line flags.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"

namespace innet::app {

struct Config {
  std::string database_url = "sqlite://data/innet.db";
  int db_pool_size = 16;  // connections per instance
  // Threads that run requests off the I/O threads; 0 = twice the cores. Never more than
  // db_pool_size: a worker holds one connection while it runs a request.
  int worker_threads = 0;
  int worker_queue = 64;  // requests waiting for a worker; beyond that 503 "overloaded"
  int statement_timeout_ms = 10000;
  int lock_timeout_ms = 3000;
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 8080;
  int io_threads = 0;  // 0 = one per core
  std::string data_dir = "data";
  std::string upload_dir = "data/uploads";
  std::string secrets_file = "data/secrets.key";
  // The key that seals sensitive case notes (libsodium secretbox), outside the database: a copy
  // of the database alone does not reveal them. Created on first run like secrets_file; empty:
  // case-notes.key in the folder of secrets_file.
  std::string case_notes_key_file;
  std::string web_root = "web/dist";
  std::size_t max_body_bytes = 1 << 20;
  // The largest uploaded file (POST /api/v1/documents), which only that route accepts.
  std::size_t upload_max_bytes = 10 * 1024 * 1024;
  std::string trusted_proxy;  // e.g. 127.0.0.1 behind nginx
  bool cookie_secure = false;
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  // Entries of the read log (who read which persons) are deleted after this many days.
  int read_log_retention_days = 730;
  // Absence without notice that drafts a notice to the Prefettura: 72 h is practice, not law.
  int absence_notice_hours = 72;
  // A directory listing not verified for this many months is its owner's task (decision 0038).
  int directory_verify_months = 6;
  // Days a sent referral waits for an answer before it escalates, by urgency (decision 0032).
  int referral_days_emergency = 1;
  int referral_days_urgent = 3;
  int referral_days_normal = 10;
  // How often the server runs the modules' periodic jobs (api::Job: referrals' escalation mails).
  int job_interval_seconds = 300;
  // Outgoing e-mail: password reset links today (plain SMTP to a local or trusted relay: no
  // STARTTLS, no AUTH; smtp_user is not used yet).
  std::string smtp_host;
  int smtp_port = 587;
  std::string smtp_user;
  std::string smtp_from;
  // The address of the web app as users reach it, for links in e-mails
  // (e.g. https://innet.prefettura.palermo.it); no links are sent without it.
  std::string public_url;
};

// Reads the file (when given) and the environment on top of the defaults.
Result<Config> load_config(const std::optional<std::string>& file);

// The server's secrets (the audit chain key), created with mode 0600 when the file is absent.
struct Secrets {
  std::string audit_key;
};
Result<Secrets> load_or_create_secrets(const std::string& path);

// Key files: `key = value` lines, mode 0600, written with fsync of the file and its folder.
Status write_key_file(const std::string& path, const char* key, const std::string& value);
// The value of `key` in a key file, empty when the file does not set it.
Result<std::string> read_key_file(const std::string& path, const char* key);
// Flushes the folder entry of `path` (after a create or a rename in that folder).
Status sync_folder_of(const std::string& path);

// The raw key of sensitive case notes from its file (`notes_key = <64 hex digits>`), nothing
// when the file does not exist. Which key file to use is app/notes_key.h's business.
Result<std::optional<std::string>> read_notes_key(const std::string& path);
// Writes a fresh random notes key to `path` (durably, mode 0600) and returns it raw.
Result<std::string> create_notes_key(const std::string& path);

}  // namespace innet::app
