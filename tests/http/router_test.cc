#include "http/router.h"

#include <gtest/gtest.h>

namespace innet::http {
namespace {

Handler returns(int status) {
  return [status](Request&) {
    Response r;
    r.status = status;
    return r;
  };
}

Request make(std::string method, std::string target) {
  Request request;
  request.method = std::move(method);
  request.target = std::move(target);
  return request;
}

class HttpRouter : public ::testing::Test {
 protected:
  HttpRouter() {
    router.add({"GET", "/api/v1/users", returns(1)});
    router.add({"POST", "/api/v1/users", returns(2)});
    router.add({"GET", "/api/v1/users/{id}", returns(3)});
    router.add({"GET", "/api/v1/users/me", returns(4)});
    router.add({"DELETE", "/api/v1/users/{user_id}/roles/{role}", returns(5)});
    router.add({"GET", "/healthz", returns(6)});
    router.add({"GET", "/", returns(7)});
  }

  int status_of(std::string method, std::string target) {
    Request request = make(std::move(method), std::move(target));
    Match match = router.match(request);
    if (!match.route) return match.method_not_allowed ? 405 : 404;
    return match.route->handler(request).status;
  }

  Router router;
};

TEST_F(HttpRouter, MatchesStaticRoutes) {
  EXPECT_EQ(status_of("GET", "/api/v1/users"), 1);
  EXPECT_EQ(status_of("POST", "/api/v1/users"), 2);
  EXPECT_EQ(status_of("GET", "/healthz"), 6);
  EXPECT_EQ(status_of("GET", "/"), 7);
}

TEST_F(HttpRouter, FillsParameters) {
  Request request = make("DELETE", "/api/v1/users/42/roles/admin");
  Match match = router.match(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/users/{user_id}/roles/{role}");
  EXPECT_EQ(request.params.at("user_id"), "42");
  EXPECT_EQ(request.params.at("role"), "admin");
  EXPECT_EQ(request.params.size(), 2u);

  Request by_id = make("GET", "/api/v1/users/17");
  ASSERT_NE(router.match(by_id).route, nullptr);
  EXPECT_EQ(by_id.params.at("id"), "17");
}

TEST_F(HttpRouter, StaticSegmentBeatsParameter) {
  Request request = make("GET", "/api/v1/users/me");
  Match match = router.match(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/users/me");
  EXPECT_TRUE(request.params.empty());
}

TEST_F(HttpRouter, BacktracksFromStaticToParameter) {
  Router r;
  r.add({"GET", "/a/b/c", returns(1)});
  r.add({"GET", "/a/{x}/d", returns(2)});
  Request request = make("GET", "/a/b/d");
  Match match = r.match(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/a/{x}/d");
  EXPECT_EQ(request.params.at("x"), "b");
}

TEST_F(HttpRouter, MethodMismatchIsMethodNotAllowed) {
  Request request = make("PUT", "/api/v1/users");
  Match match = router.match(request);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.method_not_allowed);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
}

TEST_F(HttpRouter, AllowListsMethodsOfEveryMatchingPattern) {
  Router r;
  r.add({"GET", "/a/b", returns(1)});
  r.add({"POST", "/a/{x}", returns(2)});
  Request request = make("DELETE", "/a/b");
  Match match = r.match(request);
  EXPECT_TRUE(match.method_not_allowed);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
  EXPECT_EQ(status_of("POST", "/api/v1/users/me"), 405);  // GET only, path matched
}

TEST_F(HttpRouter, UnknownPathIsNotFound) {
  EXPECT_EQ(status_of("GET", "/api/v1/nothing"), 404);
  EXPECT_EQ(status_of("GET", "/api/v1/users/1/extra"), 404);
  EXPECT_EQ(status_of("GET", "/api/v1/users/1/roles/x/y/z/too/deep/for/any/route"), 404);
  Request request = make("GET", "/api/v2");
  EXPECT_FALSE(router.match(request).method_not_allowed);
}

TEST_F(HttpRouter, HeadFallsBackToGet) {
  EXPECT_EQ(status_of("HEAD", "/api/v1/users"), 1);
  EXPECT_EQ(status_of("HEAD", "/api/v1/users/3"), 3);
}

// One path per route: a proxy rule on "/metrics" must not be passed by "/metrics/".
TEST_F(HttpRouter, TrailingSlashIsAnotherPath) {
  EXPECT_EQ(status_of("GET", "/api/v1/users/"), 404);
  EXPECT_EQ(status_of("GET", "/healthz/"), 404);
  EXPECT_EQ(status_of("GET", "/api/v1/users/3/"), 404);
  EXPECT_EQ(status_of("GET", "/"), 7);
  Router r;
  EXPECT_THROW(r.add({"GET", "/x/", returns(9)}), std::invalid_argument);
}

TEST_F(HttpRouter, FragmentIsPartOfThePath) {
  EXPECT_EQ(status_of("GET", "/healthz#x"), 404);
}

TEST_F(HttpRouter, EmptySegmentsDoNotMatch) {
  EXPECT_EQ(status_of("GET", "/api//v1/users"), 404);
  EXPECT_EQ(status_of("GET", "/api/v1/users//"), 404);
}

TEST_F(HttpRouter, DecodesPercentEncodedSegments) {
  Request request = make("GET", "/api/v1/users/a%2Fb%20c");
  Match match = router.match(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(request.params.at("id"), "a/b c");  // %2F stays inside its segment
  EXPECT_EQ(status_of("GET", "/api/v1/%75sers"), 1);
}

TEST_F(HttpRouter, RejectsInvalidEscapesAndNul) {
  EXPECT_EQ(status_of("GET", "/api/v1/users/%zz"), 404);
  EXPECT_EQ(status_of("GET", "/api/v1/users/%4"), 404);
  EXPECT_EQ(status_of("GET", "/api/v1/users/a%00b"), 404);
}

TEST_F(HttpRouter, IgnoresQueryString) {
  EXPECT_EQ(status_of("GET", "/api/v1/users?page=2"), 1);
  EXPECT_EQ(status_of("GET", "/api/v1/users/?page=2"), 404);
}

TEST_F(HttpRouter, FallsBackToPathWithoutTarget) {
  Request request;
  request.method = "GET";
  request.path = "/api/v1/users/9";
  ASSERT_NE(router.match(request).route, nullptr);
  EXPECT_EQ(request.params.at("id"), "9");
}

TEST_F(HttpRouter, KeepsRoutesInInsertionOrder) {
  const auto& routes = router.routes();
  ASSERT_EQ(routes.size(), 7u);
  EXPECT_EQ(routes[0].pattern, "/api/v1/users");
  EXPECT_EQ(routes[1].method, "POST");
  EXPECT_EQ(routes[3].pattern, "/api/v1/users/me");
  EXPECT_EQ(routes[6].pattern, "/");
}

TEST_F(HttpRouter, RejectsBadPatterns) {
  EXPECT_THROW(router.add({"GET", "/api/v1/users", returns(0)}), std::invalid_argument);
  EXPECT_THROW(router.add({"GET", "no-slash", returns(0)}), std::invalid_argument);
  EXPECT_THROW(router.add({"GET", "/a//b", returns(0)}), std::invalid_argument);
  EXPECT_THROW(router.add({"", "/a", returns(0)}), std::invalid_argument);
}

TEST_F(HttpRouter, SurvivesAMove) {
  Router moved = std::move(router);
  Request request = make("GET", "/api/v1/users/5");
  Match match = moved.match(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route, &moved.routes()[2]);
}

}  // namespace
}  // namespace innet::http
