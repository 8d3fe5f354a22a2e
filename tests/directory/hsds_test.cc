// The HSDS description against the vendored schemas, the value and recurrence checks, and the
// weekly hours the search index takes (no database).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "directory/hsds.h"
#include "directory/records.h"
#include "directory/schedule.h"

namespace innet::directory {
namespace {

const std::filesystem::path kHsds = std::filesystem::path(__FILE__).parent_path() / "hsds";

// Ordered: the schema lists the properties in the CSV's column order.
nlohmann::ordered_json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::ordered_json::parse(in);
}

std::string kind_in_schema(const nlohmann::ordered_json& p) {
  if (p.contains("enum")) return "choice";
  auto format = p.value("format", "");
  auto datapackage = p.value("datapackage_type", "");
  if (format == "uuid") return "uuid";
  if (format == "email") return "email";
  if (format == "uri") return "uri";
  if (format == "date-time" || datapackage == "datetime") return "datetime";
  if (format == "date" || datapackage == "date") return "date";
  if (datapackage == "time") return "time";
  if (p.value("type", "") == "number") return "number";
  return "text";
}

std::string kind_name(Kind k) {
  static const std::map<Kind, std::string> names = {
      {Kind::text, "text"},         {Kind::uuid, "uuid"},     {Kind::email, "email"},
      {Kind::uri, "uri"},           {Kind::date, "date"},     {Kind::time, "time"},
      {Kind::datetime, "datetime"}, {Kind::number, "number"}, {Kind::choice, "choice"}};
  return names.at(k);
}

TEST(HsdsDescription, FollowsTheSchemasFieldForField) {
  std::set<std::string> described;
  for (const auto& t : tables()) described.insert(std::string(t.name));
  std::size_t schemas = 0;
  int previous_order = 0;
  for (const auto& t : tables()) {
    SCOPED_TRACE(std::string(t.name));
    auto schema = read_json_file(kHsds / "schema" / (std::string(t.name) + ".json"));
    ++schemas;
    EXPECT_EQ(schema["path"], std::string(t.resource) + ".csv");
    int order = schema["datapackage_metadata"]["order"];
    EXPECT_GT(order, previous_order);  // tables() is in the data package's order
    previous_order = order;
    std::vector<std::string> columns;
    std::set<std::string> nested;
    for (const auto& [name, p] : schema["properties"].items()) {
      auto type = p.value("type", "");
      if (type == "array" || type == "object" || type.empty()) {
        nested.insert(name);
        continue;
      }
      columns.push_back(name);
      const Field* f = t.field(name);
      ASSERT_NE(f, nullptr) << name;
      EXPECT_EQ(kind_name(f->kind), kind_in_schema(p)) << name;
      if (p.contains("enum")) {
        std::vector<std::string> choices(f->choices.begin(), f->choices.end());
        EXPECT_EQ(choices, p["enum"].get<std::vector<std::string>>()) << name;
      }
    }
    std::vector<std::string> ours;
    for (const auto& f : t.fields) ours.emplace_back(f.name);
    EXPECT_EQ(ours, columns);  // the CSV's columns, in order
    std::set<std::string> required;
    for (const auto& name : schema["required"]) required.insert(name);
    for (const auto& f : t.fields)
      EXPECT_EQ(f.required, required.contains(std::string(f.name))) << f.name;
    // Every nested object the schema lists is described, and names a described table.
    for (const auto& key : nested) {
      auto n = std::find_if(t.nested.begin(), t.nested.end(),
                            [&](const Nested& x) { return x.key == key; });
      EXPECT_NE(n, t.nested.end()) << key;
    }
    for (const auto& n : t.nested) {
      ASSERT_NE(table(n.table), nullptr) << n.key;
      // An array's objects name their parent; a single object is named by the parent.
      const Table& holder = n.many ? *table(n.table) : t;
      EXPECT_NE(holder.field(n.via), nullptr) << n.key << " via " << n.via;
    }
  }
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kHsds / "schema"))
    if (entry.path().filename() != "openapi.json") ++files;
  EXPECT_EQ(schemas, files);  // every HSDS table is described
}

TEST(HsdsValues, FormatsAreChecked) {
  EXPECT_TRUE(is_uuid("ac148810-d857-441c-9679-408f346de14b"));
  EXPECT_FALSE(is_uuid("ac148810d857441c9679408f346de14b"));
  EXPECT_FALSE(is_uuid("zc148810-d857-441c-9679-408f346de14b"));
  EXPECT_TRUE(is_uri("http://example.com"));
  EXPECT_TRUE(is_uri("mailto:a@b.it"));
  EXPECT_FALSE(is_uri("example.com"));
  EXPECT_FALSE(is_uri("http://exa mple.com"));
  EXPECT_TRUE(is_time("10:00:00"));
  EXPECT_TRUE(is_time("09:30"));
  EXPECT_TRUE(is_time("09:00-05:00"));
  EXPECT_TRUE(is_time("18:00Z"));
  EXPECT_FALSE(is_time("24:00"));
  EXPECT_FALSE(is_time("9:00"));
  EXPECT_TRUE(is_timestamp("2023-03-15T10:30:45.123Z"));
  EXPECT_TRUE(is_timestamp("2023-03-15T10:30:45+01:00"));
  EXPECT_FALSE(is_timestamp("2023-03-15 10:30:45Z"));
  EXPECT_FALSE(is_timestamp("2023-02-30T10:30:45Z"));
  EXPECT_TRUE(is_number("-12.5e3"));
  EXPECT_FALSE(is_number("12,5"));
  EXPECT_FALSE(is_number("012"));
  EXPECT_TRUE(is_utf8("Palermo, via Maqueda — مرحبا — привіт — নমস্কার"));
  EXPECT_FALSE(is_utf8("caf\xe9"));       // Latin-1
  EXPECT_FALSE(is_utf8("\xc0\xaf"));      // overlong
  EXPECT_FALSE(is_utf8("\xed\xa0\x80"));  // a surrogate
  EXPECT_FALSE(is_utf8("abc\xe2\x82"));   // cut short
  const Field status = table("service")->fields[*table("service")->index_of("status")];
  auto why = check_value(status, "open");
  ASSERT_TRUE(why.has_value());
  EXPECT_EQ(why->code, "not_in_list");
  EXPECT_FALSE(check_value(status, "temporarily closed").has_value());
}

Record schedule(std::map<std::string, std::string> values) {
  Record r(*table("schedule"));
  r.set("id", "48102e86-bb50-41c4-8f1e-e269368c41d1");
  for (auto& [k, v] : values) r.set(k, v);
  return r;
}

std::map<std::string, std::string> refusals(const Record& r) {
  std::vector<Rejection> out;
  check_record(r, out);
  std::map<std::string, std::string> codes;
  for (const auto& x : out) codes[x.field] = x.reason.code;
  return codes;
}

TEST(HsdsSchedules, InvalidRecurrencesAreRefusedWithTheirField) {
  EXPECT_TRUE(refusals(schedule({{"freq", "WEEKLY"},
                                 {"byday", "MO,TU"},
                                 {"opens_at", "09:00"},
                                 {"closes_at", "13:00"}}))
                  .empty());
  using Codes = std::map<std::string, std::string>;
  EXPECT_EQ(refusals(schedule({{"byday", "MO"}})), (Codes{{"freq", "required"}}));
  EXPECT_EQ(refusals(schedule({{"freq", "WEEKLY"}, {"byday", "MO,XX"}})),
            (Codes{{"byday", "not_in_list"}}));
  EXPECT_EQ(refusals(schedule({{"freq", "WEEKLY"}, {"byday", "2MO"}})),
            (Codes{{"byday", "not_in_list"}}));
  EXPECT_TRUE(refusals(schedule({{"freq", "MONTHLY"}, {"byday", "2MO,-1FR"}})).empty());
  EXPECT_EQ(refusals(schedule({{"freq", "MONTHLY"}, {"byday", "6MO"}})),
            (Codes{{"byday", "out_of_range"}}));
  EXPECT_EQ(refusals(schedule({{"freq", "DAILY"}})), (Codes{{"freq", "not_in_list"}}));
  EXPECT_EQ(refusals(schedule({{"freq", "WEEKLY"}, {"interval", "0"}})),
            (Codes{{"interval", "below_minimum"}}));
  EXPECT_EQ(refusals(schedule({{"freq", "WEEKLY"}, {"interval", "1.5"}})),
            (Codes{{"interval", "wrong_type"}}));
  // count and until together: RFC 5545 forbids it, HSDS's own example does it (accepted).
  EXPECT_TRUE(
      refusals(schedule({{"freq", "WEEKLY"}, {"count", "3"}, {"until", "2026-01-01"}})).empty());
  EXPECT_EQ(refusals(schedule({{"freq", "MONTHLY"}, {"bymonthday", "0,32"}})),
            (Codes{{"bymonthday", "out_of_range"}}));
  EXPECT_EQ(refusals(schedule({{"freq", "MONTHLY"}, {"bymonthday", "first"}})),
            (Codes{{"bymonthday", "wrong_type"}}));
  EXPECT_EQ(refusals(schedule({{"opens_at", "09:00"}})), (Codes{{"closes_at", "both_or_neither"}}));
  EXPECT_EQ(refusals(schedule({{"opens_at", "9 am"}, {"closes_at", "13:00"}})),
            (Codes{{"opens_at", "wrong_type"}}));
  EXPECT_EQ(refusals(schedule({{"valid_from", "2026-05-01"}, {"valid_to", "2026-04-01"}})),
            (Codes{{"valid_to", "before_other"}}));
  EXPECT_EQ(refusals(schedule({{"timezone", "15"}})), (Codes{{"timezone", "out_of_range"}}));
}

TEST(HsdsSchedules, WeeklyOpeningsAreThePlainWeeklyRules) {
  auto day = [](const char* text) { return CivilDay::parse(text); };
  std::vector<Record> rules = {
      schedule({{"freq", "WEEKLY"},
                {"byday", "MO,WE"},
                {"opens_at", "09:00:00"},
                {"closes_at", "13:30:00"},
                {"valid_from", "2026-01-01"},
                {"dtstart", "2026-02-01"},
                {"until", "2026-12-31"},
                {"valid_to", "2027-06-30"}}),
      // Past midnight: Friday 22:00 to Saturday 02:00.
      schedule({{"freq", "WEEKLY"},
                {"interval", "1"},
                {"byday", "FR"},
                {"opens_at", "22:00"},
                {"closes_at", "02:00"}}),
      // Not weekly hours: fortnightly, monthly, a finite series, no hours.
      schedule({{"freq", "WEEKLY"},
                {"interval", "2"},
                {"byday", "TU"},
                {"opens_at", "09:00"},
                {"closes_at", "10:00"}}),
      schedule(
          {{"freq", "MONTHLY"}, {"byday", "1TU"}, {"opens_at", "09:00"}, {"closes_at", "10:00"}}),
      schedule({{"freq", "WEEKLY"},
                {"count", "3"},
                {"byday", "TU"},
                {"opens_at", "09:00"},
                {"closes_at", "10:00"}}),
      schedule({{"freq", "WEEKLY"}, {"byday", "TU"}}),
  };
  auto openings = weekly_openings(rules);
  std::vector<WeeklyOpening> expected = {
      {0, 540, 810, day("2026-02-01"), day("2026-12-31")},
      {2, 540, 810, day("2026-02-01"), day("2026-12-31")},
      {4, 1320, 1440, std::nullopt, std::nullopt},
      {5, 0, 120, std::nullopt, std::nullopt},
  };
  EXPECT_EQ(openings, expected);
}

}  // namespace
}  // namespace innet::directory
