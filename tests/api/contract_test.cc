// The API contract is whole: every route's answer is a schema of the document, every operation
// has a URL-safe name of its own (client generators name methods after it), and the roles are
// one vocabulary. Built without a database, like `innet openapi` (the references are checked in
// openapi_test.cc).
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "app/app.h"

namespace innet::app {
namespace {

nlohmann::json document() {
  api::Api api;
  http::Metrics metrics;
  add_all_routes(api, metrics);
  return api::openapi_document(api, kVersion);
}

TEST(ApiContract, EveryRouteAnswerIsADescribedSchema) {
  api::Api api;
  http::Metrics metrics;
  add_all_routes(api, metrics);
  for (const auto& route : api.routes()) {
    // Only an empty answer (204), a plain one from the I/O thread (metrics) or a file (only
    // other content types) has no schema.
    if (route.response_schema.empty()) {
      EXPECT_TRUE(route.success_status == 204 || route.io_thread ||
                  !route.other_content_types.empty())
          << route.method << " " << route.pattern << " answers JSON that no schema describes";
      continue;
    }
    EXPECT_TRUE(api.schemas().contains(route.response_schema))
        << route.method << " " << route.pattern << " answers " << route.response_schema
        << ", which no module describes";
  }
}

TEST(ApiContract, OperationIdsAreUniqueAndUrlSafe) {
  const auto doc = document();
  std::set<std::string> ids;
  const std::regex url_safe("[A-Za-z][A-Za-z0-9]*");
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      const auto id = op["operationId"].get<std::string>();
      EXPECT_TRUE(std::regex_match(id, url_safe)) << method << " " << path << ": " << id;
      EXPECT_TRUE(ids.insert(id).second) << id << " names two operations";
    }
  }
  EXPECT_TRUE(ids.contains("listPersons"));
  EXPECT_TRUE(ids.contains("getPerson"));
  EXPECT_TRUE(ids.contains("createPlacement"));
  EXPECT_TRUE(ids.contains("getCentreRegisterByDay"));
}

TEST(ApiContract, RolesAreOneVocabulary) {
  const auto doc = document();
  EXPECT_EQ(doc["components"]["schemas"]["Role"]["enum"], nlohmann::json(auth::role_names()));
  EXPECT_EQ(doc["components"]["schemas"]["User"]["properties"]["role"]["$ref"],
            "#/components/schemas/Role");
}

}  // namespace
}  // namespace innet::app
