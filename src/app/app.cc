#include "app/app.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "accounts/auth_routes.h"
#include "accounts/sessions.h"
#include "app/jobs.h"
#include "app/modules.h"
#include "app/notes_key.h"
#include "auth/passwords.h"
#include "core/crypto.h"
#include "directory/editorial.h"
#include "http/server.h"
#include "referrals/routes.h"

namespace innet::app {
namespace {

struct Probe {
  std::string status;
};

// Liveness, readiness, metrics and the API description.
void add_operations_routes(api::Api& api, http::Metrics& metrics) {
  static const auto probe_type =
      api::ObjectType<Probe>("Probe").field("status", &Probe::status, {.allowed = {"ok", "ready"}});
  api.add_schema(probe_type);
  api.add_schema("OpenApiDocument",
                 {{"type", "object"}, {"description", "An OpenAPI 3.1 document"}});
  api.add({.method = "GET",
           .pattern = "/healthz",
           .action = std::string(auth::kPublic),
           .summary = "Liveness: the process answers",
           .tag = "operations",
           .response_schema = "Probe",
           .io_thread = true,
           .handler = [](api::Context&) -> Result<http::Response> {
             return api::ok({{"status", "ok"}});
           }});
  api.add({.method = "GET",
           .pattern = "/readyz",
           .action = std::string(auth::kPublic),
           .summary = "Readiness: the database answers",
           .tag = "operations",
           .response_schema = "Probe",
           .handler = [](api::Context& ctx) -> Result<http::Response> {
             auto conn = ctx.db();
             if (!conn.ok() || !(*conn)->query("SELECT 1").ok())
               return Error::make(ErrorKind::unavailable, "db_unavailable",
                                  "the database does not answer");
             return api::ok({{"status", "ready"}});
           }});
  api.add({.method = "GET",
           .pattern = "/metrics",
           .action = std::string(auth::kPublic),
           .summary = "Prometheus metrics (restrict to the internal network at the proxy)",
           .tag = "operations",
           .io_thread = true,
           .handler = [&metrics](api::Context&) -> Result<http::Response> {
             http::Response r;
             r.set_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
             r.body = metrics.render();
             return r;
           }});
  api.add({.method = "GET",
           .pattern = "/api/v1/openapi.json",
           .action = std::string(auth::kPublic),
           .summary = "This description (OpenAPI 3.1)",
           .tag = "operations",
           .response_schema = "OpenApiDocument",
           .handler = [&api](api::Context&) -> Result<http::Response> {
             return api::ok(api::openapi_document(api, kVersion));
           }});
}

}  // namespace

void add_all_routes(api::Api& api, http::Metrics& metrics) {
  connect_modules();
  for (const auto& module : modules()) module.add_routes(api);
  add_operations_routes(api, metrics);
}

Result<std::unique_ptr<db::Pool>> open_database(const Config& config) {
  auto url = config.database_url;
  // A relative SQLite path is relative to the working directory; make sure its folder exists.
  if (url.starts_with("sqlite://") && url != "sqlite::memory:") {
    std::filesystem::path file = url.substr(std::string_view("sqlite://").size());
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  }
  INNET_ASSIGN_OR_RETURN(auto pool, db::Pool::open(url, config.db_pool_size));
  INNET_ASSIGN_OR_RETURN(auto applied, db::migrate(*pool, all_migrations(pool->engine())));
  if (applied > 0) spdlog::info("applied {} migration(s)", applied);
  return pool;
}

Result<std::unique_ptr<App>> App::open(const Config& config) {
  if (!crypto::initialize()) return Error::internal("libsodium failed to initialise");
  std::unique_ptr<App> app(new App());
  app->config_ = config;
  INNET_ASSIGN_OR_RETURN(auto secrets, load_or_create_secrets(config.secrets_file));
  INNET_ASSIGN_OR_RETURN(auto pool, open_database(config));
  app->pool_ = std::move(pool);
  INNET_ASSIGN_OR_RETURN(auto sealing_key, notes_key(config, *app->pool_));
  // After the migrations, which may legitimately run long.
  app->pool_->set_time_limits({config.statement_timeout_ms, config.lock_timeout_ms});
  app->chainer_ = std::make_unique<audit::Chainer>(*app->pool_, secrets.audit_key);
  app->read_log_ = std::make_unique<audit::ReadLog>(
      *app->pool_, audit::ReadLog::Options{.retention_days = config.read_log_retention_days});

  api::Settings settings;
  settings.session_idle_minutes = config.session_idle_minutes;
  settings.session_absolute_hours = config.session_absolute_hours;
  settings.cookie_secure = config.cookie_secure;
  settings.upload_max_bytes = config.upload_max_bytes;
  settings.smtp_host = config.smtp_host;
  settings.smtp_port = config.smtp_port;
  settings.smtp_from = config.smtp_from;
  settings.public_url = config.public_url;
  settings.absence_notice_hours = config.absence_notice_hours;
  directory::set_verify_months(config.directory_verify_months);
  referrals::set_answer_days(
      {config.referral_days_emergency, config.referral_days_urgent, config.referral_days_normal});
  auth::set_password_hash_concurrency(settings.password_hash_concurrency);
  app->services_.reset(new api::Services{*app->pool_, policy(), settings, secrets.audit_key,
                                         app->read_log_.get(), std::move(sealing_key)});

  add_all_routes(app->api_, app->metrics_);
  app->api_.install(app->router_, *app->services_, accounts::make_authenticator(*app->services_));
  db::Pool* raw_pool = app->pool_.get();
  app->metrics_.set_pool_source([raw_pool] {
    const auto stats = raw_pool->stats();
    return http::PoolGauges{stats.size, stats.in_use, stats.max, stats.waits};
  });
  return app;
}

App::~App() = default;

Status App::serve() {
  http::ServerOptions options;
  options.bind_address = config_.bind_address;
  options.port = config_.port;
  options.io_threads = config_.io_threads;
  // Twice the cores by default: with more, the workers of cheap requests mostly switch between
  // one another (bench/http_me.sh on 2 cores: /auth/me at 40% of nginx with 16 workers, 46% with
  // 4, 37% with 2). Never more than the connections: a worker holds one while it runs.
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int workers = config_.worker_threads > 0 ? config_.worker_threads : 2 * cores;
  options.worker_threads = std::min(workers, config_.db_pool_size);
  options.worker_queue = config_.worker_queue;
  options.max_body_bytes = config_.max_body_bytes;
  options.trusted_proxy = config_.trusted_proxy;
  if (std::filesystem::exists(std::filesystem::path(config_.web_root) / "index.html"))
    options.web_root = config_.web_root;
  else
    spdlog::warn("no web app at {} (run `make web`); serving the API only", config_.web_root);
  http::Server server(options, router_, metrics_);
  INNET_TRY(server.listen());
  // The modules' periodic jobs run while the server serves (never in the other commands), and
  // stop before the pool closes.
  std::vector<api::Job> jobs;
  for (const auto& module : modules())
    jobs.insert(jobs.end(), module.jobs.begin(), module.jobs.end());
  Jobs periodic(*services_, std::move(jobs), std::chrono::seconds(config_.job_interval_seconds));
  spdlog::info("InNet {} listening on http://{}:{}", kVersion, config_.bind_address, server.port());
  server.run();
  spdlog::info("stopped");
  return Status::success();
}

}  // namespace innet::app
