// SPDX-License-Identifier: Apache-2.0
// The hall's working-day calendar in its catalogue database: an import replaces it whole or, refused,
// leaves the one stored before; and a guide's promised limit as the date a request made on a day
// comes to (working days by the calendar, days and months by the calendar of the year).
#include <catch2/catch.hpp>

#include "catalogue/catalogue_store.h"
#include "common/rfc3339.h"
#include "notices/calendar_file.h"
#include "notices/calendar_store.h"
#include "notices/promised_due.h"
#include "support/demo_hall.h"
#include "support/temp_dir.h"

namespace calendar_store_test {
namespace {

using namespace hall;
using hall::notices::CalendarStore;
using hall::notices::promised_due;

Date day(const char* s) {
  const auto d = parse_iso_date(s);
  REQUIRE(d);
  return *d;
}

std::string demo_calendar_bytes() {
  return hall::test::read_file(hall::test::demo + "/workdays.json");
}

// One year, 2027, with a National Day holiday and a 调休 Saturday: a file that changes what the demo
// calendar holds.
std::string year_2027(const std::string& working_weekend = "2027-10-09") {
  return R"({"year": 2027, "source": "示例：2027年节假日安排", "holidays": [{"name": "国庆节", "name_en": "National Day", "from": "2027-10-01", "to": "2027-10-07"}], "working_weekends": [")" +
         working_weekend + R"("]})";
}

// The demo file with 2027 added after its last year.
std::string demo_with(const std::string& extra_year) {
  std::string bytes = demo_calendar_bytes();
  const auto end = bytes.rfind(']');
  REQUIRE(end != std::string::npos);
  return bytes.substr(0, end) + ", " + extra_year + bytes.substr(end);
}

catalogue::CatalogueStore open_catalogue(const hall::test::TempDir& dir, const Clock& clock) {
  auto s = catalogue::CatalogueStore::open(dir.file("catalogue.db"), clock);
  REQUIRE(s);
  return std::move(*s);
}

struct Fixture {
  hall::test::TempDir dir;
  ManualClock clock{*parse_rfc3339("2026-12-02T09:00:00+08:00")};
  catalogue::CatalogueStore catalogue = open_catalogue(dir, clock);
  CalendarStore store{catalogue.database(), clock};

  std::vector<int> stored_years() {
    auto c = store.load();
    REQUIRE(c);
    std::vector<int> out;
    if (*c)
      for (const auto& y : (*c)->years()) out.push_back(y.year);
    return out;
  }
};

}  // namespace

TEST_CASE("a hall has no working-day calendar until one is imported", "[calendar][store]") {
  Fixture f;
  const auto c = f.store.load();
  REQUIRE(c);
  CHECK_FALSE(*c);
}

TEST_CASE("the demo calendar imports, and importing it again changes nothing", "[calendar][store]") {
  Fixture f;
  const auto first = f.store.import(demo_calendar_bytes());
  REQUIRE(first);
  CHECK(first->added == std::vector<int>{2025, 2026});
  CHECK(f.stored_years() == std::vector<int>{2025, 2026});
  const auto again = f.store.import(demo_calendar_bytes());
  REQUIRE(again);
  CHECK(again->added.empty());
  CHECK(again->changed.empty());
  CHECK(again->unchanged == std::vector<int>{2025, 2026});

  // A new year is added; a corrected year is reported as changed.
  const auto with_2027 = f.store.import(demo_with(year_2027()));
  REQUIRE(with_2027);
  CHECK(with_2027->added == std::vector<int>{2027});
  const auto corrected = f.store.import(demo_with(year_2027("2027-10-10")));
  REQUIRE(corrected);
  CHECK(corrected->changed == std::vector<int>{2027});
  auto c = f.store.load();
  REQUIRE(c);
  REQUIRE(*c);
  CHECK((*c)->is_working_day(day("2027-10-10")));  // a Sunday, now a 调休 working day
  CHECK_FALSE((*c)->is_working_day(day("2027-10-09")));
}

TEST_CASE("every refused calendar leaves the stored one as it was", "[calendar][store]") {
  Fixture f;
  REQUIRE(f.store.import(demo_with(year_2027())));
  struct Case {
    const char* rule;
    std::string file;
    const char* expected;
  };
  const Case cases[] = {
      {"not JSON", "{\"format\": ", "calendar"},
      {"another format", R"({"format": "hallkiosk.workdays/2", "years": []})", "hallkiosk.workdays/1"},
      {"a working weekend on a Friday", demo_with(year_2027("2027-10-08")),
       "2027-10-08 is listed as a working weekend but is not a Saturday or Sunday"},
      {"a year given twice", demo_with(year_2027() + ", " + year_2027()), "calendar 2027: given twice"},
      {"a year the hall holds left out", R"({"format": "hallkiosk.workdays/1", "years": [)" + year_2027() + "]}",
       "the hall's calendar holds 2025, 2026, which this file leaves out"},
  };
  for (const auto& row : cases) {
    INFO(row.rule);
    const auto r = f.store.import(row.file);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::Contains(row.expected));
    CHECK(f.stored_years() == std::vector<int>{2025, 2026, 2027});
    auto c = f.store.load();
    REQUIRE(c);
    REQUIRE(*c);
    CHECK((*c)->is_working_day(day("2027-10-09")));  // still the 调休 Saturday of the stored file
  }
}

TEST_CASE("a promised limit as the date a request made that day comes to", "[calendar][due]") {
  auto parsed = notices::parse_calendar_file(demo_calendar_bytes());
  REQUIRE(parsed);
  const WorkingCalendar& c = *parsed;
  using catalogue::LimitUnit;
  struct Case {
    const char* rule;
    const char* requested;
    catalogue::TimeLimit limit;
    const char* due;
    bool estimated;
  };
  const Case cases[] = {
      {"10 working days from a Saturday start on Monday",
       "2026-11-28",
       {10, LimitUnit::working_days},
       "2026-12-11",
       false},
      {"working days across National Day 2026 and its 调休 Saturday",
       "2026-09-29",
       {4, LimitUnit::working_days},
       "2026-10-10",
       false},
      {"30 working days from 2026-11-28 run into 2027, which the calendar lacks",
       "2026-11-28",
       {30, LimitUnit::working_days},
       "2027-01-08",
       true},
      {"natural days count every day", "2026-11-02", {15, LimitUnit::days}, "2026-11-17", false},
      {"natural days ending in National Day end on the day after it",
       "2026-09-16",
       {15, LimitUnit::days},
       "2026-10-08",
       false},
      {"natural days ending on a Saturday end on Monday", "2026-11-13", {15, LimitUnit::days}, "2026-11-30", false},
      {"natural days ending on a 调休 Saturday end on it", "2026-09-25", {15, LimitUnit::days}, "2026-10-10", false},
      {"a month ends on the same day of the next month", "2026-11-16", {1, LimitUnit::months}, "2026-12-16", false},
      {"a month from 31 January ends on the last day of February, a 调休 Saturday in 2026",
       "2026-01-31",
       {1, LimitUnit::months},
       "2026-02-28",
       false},
      {"a month from 31 January 2025 ends on 28 February, a Friday",
       "2025-01-31",
       {1, LimitUnit::months},
       "2025-02-28",
       false},
  };
  for (const auto& row : cases) {
    INFO(row.rule);
    const auto due = promised_due(row.limit, day(row.requested), c);
    REQUIRE(due);
    CHECK_FALSE(due->same_day);
    CHECK(format_iso_date(due->due.date) == row.due);
    CHECK(due->due.estimated == row.estimated);
    CHECK(due->unknown_year == (row.estimated ? 2027 : 0));
  }
  const auto on_the_spot = promised_due({0, LimitUnit::on_the_spot}, day("2026-11-28"), c);
  REQUIRE(on_the_spot);
  CHECK(on_the_spot->same_day);
  CHECK(format_iso_date(on_the_spot->due.date) == "2026-11-28");
  const auto zero_days = promised_due({0, LimitUnit::working_days}, day("2026-12-02"), c);
  REQUIRE(zero_days);
  CHECK(zero_days->same_day);
}

}  // namespace calendar_store_test
