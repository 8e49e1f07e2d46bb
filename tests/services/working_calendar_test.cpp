// SPDX-License-Identifier: Apache-2.0
// 工作日 arithmetic over the demo hall's calendar (assets/demo/workdays.json: the State Council's
// 2025 and 2026 holiday notices), and the rules the calendar file must keep.
#include <catch2/catch.hpp>

#include "common/working_calendar.h"
#include "notices/calendar_file.h"
#include "support/temp_dir.h"

using hall::Date;
using hall::format_iso_date;
using hall::parse_iso_date;
using hall::WorkingCalendar;

namespace {

Date date(const char* text) {
  const auto d = parse_iso_date(text);
  REQUIRE(d);
  return *d;
}

const WorkingCalendar& demo_calendar() {
  static const WorkingCalendar calendar = [] {
    auto c = hall::notices::parse_calendar_file(
        hall::test::read_file(std::string(HALL_SOURCE_ASSETS) + "/demo/workdays.json"));
    if (!c) FAIL(c.error().message);
    return *c;
  }();
  return calendar;
}

std::string calendar_json(const std::string& year_body) {
  return R"({"format": "hallkiosk.workdays/1", "years": [)" + year_body + "]}";
}

}  // namespace

TEST_CASE("dates are real calendar days", "[calendar]") {
  CHECK(parse_iso_date("2026-10-01"));
  CHECK(format_iso_date(date("2024-02-29")) == "2024-02-29");
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-01", "20261001", "2026-10-01T00:00", "", "abcd-ef-gh"}) {
    INFO(bad);
    CHECK_FALSE(parse_iso_date(bad));
  }
}

TEST_CASE("which days are working days around the holidays", "[calendar]") {
  const auto& c = demo_calendar();
  struct Case {
    const char* rule;
    const char* day;
    bool working;
  };
  const Case cases[] = {
      {"a plain Wednesday works", "2026-12-02", true},
      {"a plain Saturday rests", "2026-12-05", false},
      {"National Day 2026 rests", "2026-10-01", false},
      {"a weekday inside the 2026 National Day holiday rests", "2026-10-07", false},
      {"the day after the 2026 holiday works", "2026-10-08", true},
      {"the 调休 Sunday before National Day 2026 works", "2026-09-20", true},
      {"the 调休 Saturday after National Day 2026 works", "2026-10-10", true},
      {"the eighth day of National Day 2025 rests", "2025-10-08", false},
      {"the 调休 Saturday after National Day 2025 works", "2025-10-11", true},
      {"the 调休 Sunday before National Day 2025 works", "2025-09-28", true},
      {"Spring Festival 2026 on a Monday rests", "2026-02-16", false},
      {"a weekday in a year the calendar lacks works", "2027-10-01", true},
  };
  for (const auto& row : cases) {
    INFO(row.rule);
    CHECK(c.is_working_day(date(row.day)) == row.working);
  }
  REQUIRE(c.holiday_on(date("2026-10-03")));
  CHECK(c.holiday_on(date("2026-10-03"))->name == "国庆节");
  CHECK_FALSE(c.holiday_on(date("2026-10-10")));
}

TEST_CASE("N working days from a date, the start day not counted", "[calendar]") {
  const auto& c = demo_calendar();
  struct Case {
    const char* rule;
    const char* start;
    int n;
    const char* due;
  };
  const Case cases[] = {
      {"0 working days is the day itself", "2026-12-02", 0, "2026-12-02"},
      {"10 working days from a Wednesday skip two weekends", "2026-12-02", 10, "2026-12-16"},
      {"one working day from the eve of National Day 2026 is after the holiday", "2026-09-30", 1, "2026-10-08"},
      {"the 调休 Saturday 2026-10-10 counts", "2026-09-30", 3, "2026-10-10"},
      {"after the 调休 Saturday the Monday follows", "2026-09-30", 4, "2026-10-12"},
      {"the 调休 Sunday 2026-09-20 counts", "2026-09-18", 1, "2026-09-20"},
      {"National Day 2025 lasts eight days", "2025-09-30", 1, "2025-10-09"},
      {"the 调休 Saturday 2025-10-11 counts", "2025-09-30", 3, "2025-10-11"},
      {"a promise taken on a holiday starts after it", "2026-10-03", 1, "2026-10-08"},
      {"a promise taken on a Saturday starts on Monday", "2026-12-05", 1, "2026-12-07"},
      {"20 working days across the whole 2026 National Day holiday", "2026-09-21", 20, "2026-10-26"},
  };
  for (const auto& row : cases) {
    INFO(row.rule);
    const auto due = c.add_working_days(date(row.start), row.n);
    REQUIRE(due);
    CHECK(format_iso_date(due->date) == row.due);
    CHECK_FALSE(due->estimated);
  }
}

TEST_CASE("counting into a year without a calendar is marked estimated", "[calendar]") {
  const auto due = demo_calendar().add_working_days(date("2026-12-28"), 5);
  REQUIRE(due);
  CHECK(format_iso_date(due->date) == "2027-01-04");  // Mon–Fri assumed: 29, 30, 31 Dec, 1 and 4 Jan
  CHECK(due->estimated);
  CHECK_FALSE(demo_calendar().add_working_days(date("2026-12-02"), -1));
  CHECK_FALSE(demo_calendar().add_working_days(date("2026-12-02"), 3661));
}

TEST_CASE("the due phrase the kiosk and the slip show", "[calendar]") {
  const auto today = date("2026-12-02");
  const auto due = demo_calendar().add_working_days(today, 10);
  REQUIRE(due);
  CHECK(hall::due_phrase_zh(due->date, today) == "预计 12月16日前办结");
  CHECK(hall::due_phrase_en(due->date, today) == "Expected by 16 December");
  CHECK(hall::due_phrase_zh(date("2027-01-08"), today) == "预计 2027年1月8日前办结");
  CHECK(hall::due_phrase_en(date("2027-01-08"), today) == "Expected by 8 January 2027");
}

TEST_CASE("each calendar file rule refuses the file and names the place", "[calendar]") {
  struct Case {
    const char* rule;
    std::string file;
    const char* expected;
  };
  const std::string holiday = R"({"name": "国庆节", "from": "2026-10-01", "to": "2026-10-07"})";
  const Case cases[] = {
      {"the format is named", R"({"format": "hallkiosk.workdays/2", "years": []})",
       "calendar: $.format: expected \"hallkiosk.workdays/1\", got \"hallkiosk.workdays/2\""},
      {"a year needs its source",
       calendar_json(R"({"year": 2026, "holidays": [)" + holiday + R"(], "working_weekends": []})"),
       "calendar: $.years[0].source: missing"},
      {"dates are dates",
       calendar_json(
           R"({"year": 2026, "source": "x", "holidays": [{"name": "国庆节", "from": "2026-10-01", "to": "2026-10-32"}], "working_weekends": []})"),
       "calendar: $.years[0].holidays[0].to: expected a date such as 2026-12-01, got \"2026-10-32\""},
      {"a working weekend is a date",
       calendar_json(R"({"year": 2026, "source": "x", "holidays": [)" + holiday +
                     R"(], "working_weekends": ["10-10"]})"),
       "calendar: $.years[0].working_weekends[0]: expected a date such as 2026-10-10, got \"10-10\""},
      {"a working weekend is a Saturday or Sunday",
       calendar_json(R"({"year": 2026, "source": "x", "holidays": [)" + holiday +
                     R"(], "working_weekends": ["2026-10-09"]})"),
       "calendar 2026: 2026-10-09 is listed as a working weekend but is not a Saturday or Sunday"},
      {"a working weekend is not inside a holiday",
       calendar_json(R"({"year": 2026, "source": "x", "holidays": [)" + holiday +
                     R"(], "working_weekends": ["2026-10-04"]})"),
       "calendar 2026: 2026-10-04 is listed as a working weekend but lies inside 国庆节"},
      {"a holiday does not run backwards",
       calendar_json(
           R"({"year": 2026, "source": "x", "holidays": [{"name": "国庆节", "from": "2026-10-07", "to": "2026-10-01"}], "working_weekends": []})"),
       "calendar 2026: 国庆节: 2026-10-01 is before 2026-10-07"},
      {"a holiday lies in its year",
       calendar_json(R"({"year": 2025, "source": "x", "holidays": [)" + holiday + R"(], "working_weekends": []})"),
       "calendar 2025: 国庆节: 2026-10-01 to 2026-10-07 is not inside 2025 (enter the days of a holiday spanning New "
       "Year under each year)"},
      {"a year is given once",
       calendar_json(R"({"year": 2026, "source": "x", "holidays": [)" + holiday +
                     R"(], "working_weekends": []},)"
                     R"({"year": 2026, "source": "y", "holidays": [)" +
                     holiday + R"(], "working_weekends": []})"),
       "calendar 2026: given twice"},
      {"nesting is bounded", std::string(64, '['), "nested deeper than 8"},
  };
  for (const auto& row : cases) {
    INFO(row.rule);
    const auto c = hall::notices::parse_calendar_file(row.file);
    REQUIRE_FALSE(c);
    CHECK_THAT(c.error().message, Catch::Contains(row.expected));
  }
}
