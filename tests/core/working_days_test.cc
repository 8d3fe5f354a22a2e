#include "core/working_days.h"

#include <gtest/gtest.h>

namespace innet {
namespace {

using namespace std::chrono;

CivilDay day(std::string_view text) {
  auto parsed = CivilDay::parse(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(kEarliestDay);
}

const HolidayCalendar kPalermo{kPalermoPatronFeast};

TEST(WorkingDays, EasterSunday) {
  EXPECT_EQ(easter_sunday(2025y).to_string(), "2025-04-20");
  EXPECT_EQ(easter_sunday(2026y).to_string(), "2026-04-05");
  EXPECT_EQ(easter_sunday(2027y).to_string(), "2027-03-28");
  EXPECT_EQ(easter_sunday(2000y).to_string(), "2000-04-23");
  EXPECT_EQ(easter_sunday(2038y).to_string(), "2038-04-25");  // the latest possible
  EXPECT_EQ(easter_sunday(2285y).to_string(), "2285-03-22");  // the earliest possible
}

TEST(WorkingDays, Holidays) {
  for (const char* text : {"2026-01-01", "2026-01-06", "2026-04-05", "2026-04-06", "2026-04-25",
                           "2026-05-01", "2026-06-02", "2026-07-15", "2026-08-15", "2026-10-04",
                           "2026-11-01", "2026-12-08", "2026-12-25", "2026-12-26", "2027-03-29"})
    EXPECT_TRUE(kPalermo.is_holiday(day(text))) << text;
  for (const char* text : {"2026-04-07", "2026-07-16", "2026-12-24", "2025-10-04", "2025-04-06"})
    EXPECT_FALSE(kPalermo.is_holiday(day(text))) << text;
  // The patron saint is a parameter: Milan's is Sant'Ambrogio, 7 December.
  const HolidayCalendar milan{December / 7};
  EXPECT_FALSE(milan.is_holiday(day("2026-07-15")));
  EXPECT_TRUE(milan.is_holiday(day("2026-12-07")));
}

TEST(WorkingDays, WorkingDays) {
  EXPECT_TRUE(kPalermo.is_working_day(day("2026-12-03")));   // Thursday
  EXPECT_FALSE(kPalermo.is_working_day(day("2026-12-05")));  // Saturday
  EXPECT_FALSE(kPalermo.is_working_day(day("2026-12-06")));  // Sunday
  EXPECT_FALSE(kPalermo.is_working_day(day("2026-12-08")));  // Tuesday, Immacolata
  // Thursday 3 Dec 2026 + 3 working days: Fri 4, Mon 7, (Tue 8 holiday) Wed 9.
  EXPECT_EQ(kPalermo.add_working_days(day("2026-12-03"), 3).to_string(), "2026-12-09");
  EXPECT_EQ(kPalermo.add_working_days(day("2026-12-09"), -3).to_string(), "2026-12-03");
  EXPECT_EQ(kPalermo.add_working_days(day("2026-12-05"), 0).to_string(), "2026-12-05");
  // Christmas week 2026: Thu 24 -> Fri 25 and Sat 26 holidays, Sun 27 -> Mon 28.
  EXPECT_EQ(kPalermo.add_working_days(day("2026-12-24"), 1).to_string(), "2026-12-28");
}

TEST(WorkingDays, DeadlineOnAWorkingDayStays) {
  // 30 days from 1 Jun 2026 is Wednesday 1 Jul.
  EXPECT_EQ(kPalermo.deadline_after(day("2026-06-01"), 30).to_string(), "2026-07-01");
}

TEST(WorkingDays, DeadlineOnFerragostoMoves) {
  // 15 Aug 2025 is a Friday: the deadline moves to Saturday 16, or to Monday 18 when Saturdays
  // move procedural deadlines too.
  EXPECT_EQ(kPalermo.deadline_after(day("2025-07-16"), 30).to_string(), "2025-08-16");
  EXPECT_EQ(kPalermo.deadline_after(day("2025-07-16"), 30, SaturdayDeadline::moves).to_string(),
            "2025-08-18");
  // 15 Aug 2026 is a Saturday, then Sunday: Monday 17.
  EXPECT_EQ(kPalermo.deadline_after(day("2026-07-16"), 30).to_string(), "2026-08-17");
}

TEST(WorkingDays, DeadlineOverEasterAndSantaRosalia) {
  // Easter 2026: Sunday 5 Apr, Monday 6 Apr; a deadline on the Sunday ends on Tuesday 7.
  EXPECT_EQ(kPalermo.deadline_after(day("2026-03-06"), 30).to_string(), "2026-04-07");
  // 15 Jul 2026 is a Wednesday, Santa Rosalia in Palermo.
  EXPECT_EQ(kPalermo.deadline_after(day("2026-07-05"), 10).to_string(), "2026-07-16");
  // Family reunification: the nulla osta within 150 days (L. 187/2024).
  EXPECT_EQ(kPalermo.deadline_after(day("2026-01-02"), 150).to_string(), "2026-06-01");
}

}  // namespace
}  // namespace innet
