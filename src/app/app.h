// The application: opens storage, applies migrations, gathers every module's routes behind the
// API conventions, and serves them. The one place that knows all modules.
#pragma once

#include <memory>
#include <vector>

#include "api/api.h"
#include "app/config.h"
#include "app/modules.h"
#include "audit/audit_log.h"
#include "db/database.h"
#include "db/migrations.h"
#include "http/metrics.h"
#include "http/router.h"

namespace innet::app {

inline constexpr const char* kVersion = "0.1.0";

// Every module's routes, and the operations routes (which report `metrics`), for the server, the
// `innet openapi` command and the tests.
void add_all_routes(api::Api& api, http::Metrics& metrics);

// Opens the database named by the config and brings its schema up to date.
Result<std::unique_ptr<db::Pool>> open_database(const Config& config);

class App {
 public:
  static Result<std::unique_ptr<App>> open(const Config& config);
  ~App();

  db::Pool& pool() { return *pool_; }
  const api::Api& api() const { return api_; }
  const http::Router& router() const { return router_; }
  // Serves until SIGTERM/SIGINT; requests in flight finish first.
  Status serve();

 private:
  App() = default;
  Config config_;
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<api::Services> services_;
  std::unique_ptr<audit::Chainer> chainer_;
  std::unique_ptr<audit::ReadLog> read_log_;  // after pool_: written out before the pool closes
  http::Metrics metrics_;
  api::Api api_;
  http::Router router_;
};

}  // namespace innet::app
