// The router and the OpenAPI description must agree: every route the server answers is
// documented, and every documented operation reaches a route. A route added to the router
// directly, bypassing the API conventions, fails here.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <set>

#include "app/app.h"

namespace innet::app {
namespace {

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string dir = (std::filesystem::temp_directory_path() / "innet-openapi-XXXXXX").string();
    ASSERT_NE(mkdtemp(dir.data()), nullptr);
    dir_ = dir;
    Config config;
    config.database_url = "sqlite://" + dir_ + "/t.db";
    config.secrets_file = dir_ + "/secrets.key";
    auto app = App::open(config);
    ASSERT_TRUE(app.ok()) << app.error().message;
    app_ = std::move(app).value();
  }
  void TearDown() override {
    app_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string dir_;
  std::unique_ptr<App> app_;
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(c));
  return s;
}

TEST_F(OpenApiTest, EveryRouterRouteIsDocumented) {
  auto doc = api::openapi_document(app_->api(), kVersion);
  for (const auto& route : app_->router().routes()) {
    ASSERT_TRUE(doc["paths"].contains(route.pattern)) << route.pattern << " is not documented";
    EXPECT_TRUE(doc["paths"][route.pattern].contains(lower(route.method)))
        << route.method << " " << route.pattern << " is not documented";
  }
}

TEST_F(OpenApiTest, EveryDocumentedOperationReachesItsRoute) {
  auto doc = api::openapi_document(app_->api(), kVersion);
  std::size_t operations = 0;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      ++operations;
      http::Request request;
      request.method = method;
      for (auto& c : request.method) c = static_cast<char>(std::toupper(c));
      request.path = path;
      for (std::size_t pos; (pos = request.path.find("{id}")) != std::string::npos;)
        request.path.replace(pos, 4, "7");
      auto match = app_->router().match(request);
      ASSERT_NE(match.route, nullptr) << method << " " << path << " has no route";
      EXPECT_EQ(match.route->pattern, path);
      EXPECT_FALSE(op.value("summary", "").empty()) << path;
      EXPECT_TRUE(op.contains("x-innet-action")) << path;
    }
  }
  EXPECT_EQ(operations, app_->router().routes().size());
}

TEST_F(OpenApiTest, EveryActionIsPublicAuthenticatedOrInThePolicy) {
  auto actions = app::policy().actions();
  std::set<std::string> known(actions.begin(), actions.end());
  for (const auto& r : app_->api().routes())
    EXPECT_TRUE(r.action == auth::kPublic || r.action == auth::kAuthenticated ||
                known.contains(r.action))
        << r.pattern << " names action " << r.action << " which no role holds";
}

TEST_F(OpenApiTest, EverySchemaReferenceResolves) {
  auto doc = api::openapi_document(app_->api(), kVersion);
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
    if (j.is_object()) {
      if (j.contains("$ref")) {
        std::string ref = j["$ref"];
        std::string name = ref.substr(ref.rfind('/') + 1);
        EXPECT_TRUE(doc["components"]["schemas"].contains(name)) << ref;
      }
      for (const auto& [k, v] : j.items()) walk(v);
    } else if (j.is_array()) {
      for (const auto& v : j) walk(v);
    }
  };
  walk(doc);
  EXPECT_EQ(doc["openapi"], "3.1.0");
}

}  // namespace
}  // namespace innet::app
