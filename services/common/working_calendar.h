// SPDX-License-Identifier: Apache-2.0
#pragma once
// 工作日: public holidays and the 调休 weekends on which people work, year by year, as the State
// Council announces them each autumn; and the arithmetic a promise to a visitor needs ("承诺 10 个
// 工作日" → a date). Pure: the years come in as data, today comes in from the caller's clock.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace hall {

using Date = std::chrono::year_month_day;

// "2026-10-01": a real calendar date (2026-02-30 is refused), years 1900–2999.
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(Date d);
// The calendar day at `t` in a zone `offset_seconds` east of UTC (+08:00: 28800).
inline Date date_at(Instant t, int offset_seconds) {
  return Date{std::chrono::floor<std::chrono::days>(t + std::chrono::seconds(offset_seconds))};
}

struct HolidaySpan {
  std::string name, name_en;  // 国庆节 / National Day
  Date from, to;              // both days off, inclusive
};

// One year as its notice gives it: the days off (weekends inside them included) and the weekend
// days that are working days instead (调休上班).
struct CalendarYear {
  int year = 0;
  std::string source;  // the notice it was entered from, e.g. 国办发明电〔2024〕12号
  std::vector<HolidaySpan> holidays;
  std::vector<Date> working_weekends;
};

struct DueDate {
  Date date;
  // Some day counted fell in a year the calendar does not hold: Monday–Friday was assumed there,
  // so the date may move once that year's notice is entered.
  bool estimated = false;
};

class WorkingCalendar {
 public:
  // Refuses a year given twice, a span outside its year or backwards, a 调休 day that is not a
  // Saturday or Sunday, and a 调休 day inside a holiday; each problem names the year and the date.
  static Result<WorkingCalendar> from_years(std::vector<CalendarYear> years);

  bool knows(int year) const;
  // Outside the known years a working day is Monday to Friday.
  bool is_working_day(Date d) const;
  // The holiday `d` falls in, if any (for "国庆节放假" beside a date).
  const HolidaySpan* holiday_on(Date d) const;

  // The `n`-th working day after `start`, the start day not counted (期间开始之日不计算在内), so
  // a promise taken on a Saturday or on a holiday starts on the next working day. n = 0 is `start`
  // itself (即办). n from 0 to 3660.
  Result<DueDate> add_working_days(Date start, int n) const;

  const std::vector<CalendarYear>& years() const { return years_; }

 private:
  const CalendarYear* year_of(int year) const;
  std::vector<CalendarYear> years_;  // ascending by year
};

// What the kiosk and the slip say: "预计 12月16日前办结" / "Expected by 16 December"; the year is
// added when it is not `today`'s ("预计 2027年1月8日前办结").
std::string due_phrase_zh(Date due, Date today);
std::string due_phrase_en(Date due, Date today);

}  // namespace hall
