// api::ObjectType: one description gives a value's JSON and its JSON Schema.
#include "api/object_type.h"

#include <gtest/gtest.h>

namespace innet::api {
namespace {

struct Inner {
  std::int64_t n = 0;
};
struct Outer {
  std::string name;
  std::optional<std::string> note;
  std::vector<Inner> inners;
  bool secret_shown = false;
};

const ObjectType<Inner>& inner_type() {
  static const auto type = ObjectType<Inner>("Inner").field("n", &Inner::n);
  return type;
}

const ObjectType<Outer>& outer_type() {
  static const auto type =
      ObjectType<Outer>("Outer")
          .field("name", &Outer::name, {.allowed = {"a", "b"}})
          .field("note", &Outer::note, {.format = "date"})
          .field("inners", &Outer::inners, inner_type())
          .field_when(&Outer::secret_shown, "secret", [](const Outer&) { return 7; });
  return type;
}

TEST(ObjectType, WritesEveryPropertyAndOnlyShownOptionalOnes) {
  Outer o{"a", std::nullopt, {{1}, {2}}, false};
  EXPECT_EQ(outer_type().to_json(o),
            nlohmann::json::parse(R"({"name":"a","note":null,"inners":[{"n":1},{"n":2}]})"));
  o.secret_shown = true;
  o.note = "2026-01-01";
  EXPECT_EQ(outer_type().to_json(o)["secret"], 7);
  EXPECT_EQ(outer_type().to_json(o)["note"], "2026-01-01");
}

TEST(ObjectType, DeducesTheSchemaFromTheCppTypes) {
  const auto s = outer_type().schema();
  EXPECT_EQ(s["required"], nlohmann::json({"name", "note", "inners"}));
  EXPECT_EQ(s["additionalProperties"], false);
  EXPECT_EQ(s["properties"]["name"]["enum"], nlohmann::json({"a", "b"}));
  EXPECT_EQ(s["properties"]["note"]["type"], nlohmann::json({"string", "null"}));
  EXPECT_EQ(s["properties"]["inners"]["items"]["$ref"], "#/components/schemas/Inner");
  EXPECT_EQ(s["properties"]["secret"]["type"], "integer");
  ASSERT_EQ(outer_type().references().size(), 1u);
  EXPECT_EQ(outer_type().references()[0]->name(), "Inner");
}

TEST(ObjectType, IncludesAnotherTypesProperties) {
  struct WithExtra {
    const Inner& inner;
    std::string extra;
  };
  const auto type =
      ObjectType<WithExtra>("WithExtra")
          .include(inner_type(), [](const WithExtra& w) -> const Inner& { return w.inner; })
          .field("extra", &WithExtra::extra);
  Inner i{3};
  EXPECT_EQ(type.to_json({i, "x"}), nlohmann::json::parse(R"({"n":3,"extra":"x"})"));
  EXPECT_EQ(type.schema()["required"], nlohmann::json({"n", "extra"}));
}

// write() is the fast path of hot answers; it must give exactly the text of dump(to_json()).
TEST(ObjectType, WritesTheTextOfItsJson) {
  struct Mixed {
    std::int64_t id = 0;
    double ratio = 0;
    bool active = false;
    std::optional<std::int64_t> parent;
    std::vector<std::string> tags;
    nlohmann::json details;
    Outer outer;
  };
  static const auto type = ObjectType<Mixed>("Mixed")
                               .field("id", &Mixed::id)
                               .field("ratio", &Mixed::ratio)
                               .field("active", &Mixed::active)
                               .field("parent", &Mixed::parent)
                               .field("tags", &Mixed::tags)
                               .field("details", &Mixed::details)
                               .field("outer", &Mixed::outer, outer_type());
  Mixed m{-42,
          0.1,
          true,
          std::nullopt,
          {"a\"q\"", "\u00e0 \t\x01", ""},
          {{"z", 1}, {"a", {nullptr, 2.5}}},
          {"b", "n\nl", {{7}}, true}};
  for (int round = 0; round < 2; ++round) {
    std::string text;
    ASSERT_TRUE(type.write(text, m));
    EXPECT_EQ(text, type.to_json(m).dump());
    m.parent = 9;
    m.outer.secret_shown = false;
    m.tags.clear();
  }
}

TEST(ObjectType, WriteRefusesInvalidUtf8) {
  std::string text;
  EXPECT_FALSE(outer_type().write(text, {"bad \xff byte", std::nullopt, {}, false}));
}

TEST(ObjectType, RefusesAPropertyDescribedTwice) {
  EXPECT_THROW(ObjectType<Inner>("Twice").field("n", &Inner::n).field("n", &Inner::n),
               std::logic_error);
}

}  // namespace
}  // namespace innet::api
