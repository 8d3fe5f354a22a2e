#include "core/civil_day.h"

#include <gtest/gtest.h>

#include <unordered_set>

namespace innet {
namespace {

using namespace std::chrono;

CivilDay day(std::string_view text) {
  auto parsed = CivilDay::parse(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(kEarliestDay);
}

TEST(CivilDay, ParsesAndPrintsIsoDays) {
  EXPECT_EQ(day("2026-11-26").to_string(), "2026-11-26");
  EXPECT_EQ(day("2028-02-29").to_string(), "2028-02-29");
  EXPECT_EQ(day("2026-11-26"), CivilDay(2026y / November / 26));
}

TEST(CivilDay, RefusesAnythingButARealIsoDayInRange) {
  for (const char* text : {"", "2026-1-26", "2026-11-26T00:00:00Z", "2026/11/26", " 2026-11-26",
                           "2026-11-2x", "+026-11-26", "2026-13-01", "2026-00-10", "2026-02-29",
                           "2100-02-29", "2026-04-31", "1899-12-31", "2100-01-01"})
    EXPECT_FALSE(CivilDay::parse(text)) << text;
}

TEST(CivilDay, AcceptsTheBoundsOfTheRange) {
  EXPECT_EQ(day("1900-01-01"), kEarliestDay);
  EXPECT_EQ(day("2099-12-31"), kLatestDay);
}

TEST(CivilDay, Arithmetic) {
  EXPECT_EQ(day("2028-02-28").plus_days(1).to_string(), "2028-02-29");
  EXPECT_EQ(day("2027-02-28").plus_days(1).to_string(), "2027-03-01");
  EXPECT_EQ(day("2026-12-31").plus_days(1).to_string(), "2027-01-01");
  EXPECT_EQ(day("2026-01-01").plus_days(-1).to_string(), "2025-12-31");
  EXPECT_EQ(day("2026-01-01").days_until(day("2027-01-01")), 365);
  EXPECT_EQ(day("2028-01-01").days_until(day("2029-01-01")), 366);
  EXPECT_EQ(day("2026-03-10").days_until(day("2026-03-01")), -9);
  EXPECT_EQ(day("2026-12-03").weekday(), Thursday);
}

TEST(CivilDay, Months) {
  EXPECT_EQ(day("2026-01-31").first_of_month().to_string(), "2026-01-01");
  EXPECT_EQ(day("2026-01-31").first_of_next_month().to_string(), "2026-02-01");
  EXPECT_EQ(day("2026-12-15").first_of_next_month().to_string(), "2027-01-01");
  auto month = CivilMonth::parse("2028-02");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->to_string(), "2028-02");
  EXPECT_EQ(month->first_day().to_string(), "2028-02-01");
  EXPECT_EQ(month->next().to_string(), "2028-03");
  EXPECT_EQ(month->first_day().days_until(month->next().first_day()), 29);
  EXPECT_TRUE(month->contains(day("2028-02-29")));
  EXPECT_FALSE(month->contains(day("2028-03-01")));
  EXPECT_EQ(CivilMonth::parse("2026-12")->next().to_string(), "2027-01");
  EXPECT_EQ(CivilMonth::of(day("2026-11-26")).to_string(), "2026-11");
  for (const char* text : {"", "2026-13", "2026-00", "2026-1", "2026-011", "1899-12", "2100-01",
                           "2026/01", "2026-01-01"})
    EXPECT_FALSE(CivilMonth::parse(text)) << text;
  EXPECT_TRUE(CivilMonth::parse("1900-01"));
  EXPECT_TRUE(CivilMonth::parse("2099-12"));
}

TEST(CivilDay, IsHashable) {
  std::unordered_set<CivilDay> days{day("2026-01-01"), day("2026-01-01"), day("2026-01-02")};
  EXPECT_EQ(days.size(), 2u);
}

}  // namespace
}  // namespace innet
