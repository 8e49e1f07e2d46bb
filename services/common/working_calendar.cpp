// SPDX-License-Identifier: Apache-2.0
#include "common/working_calendar.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace hall {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::year;

bool is_weekend(Date d) {
  const weekday w{sys_days{d}};
  return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

Date next_day(Date d) {
  return Date{sys_days{d} + std::chrono::days{1}};
}

bool within(Date d, const HolidaySpan& s) {
  return !(d < s.from) && !(s.to < d);
}

std::string year_problems(const CalendarYear& y) {
  std::string out;
  const auto add = [&](const std::string& what) {
    out += (out.empty() ? "" : "\n") + ("calendar " + std::to_string(y.year) + ": " + what);
  };
  for (const auto& h : y.holidays) {
    const std::string name = h.name.empty() ? "a holiday" : h.name;
    if (h.to < h.from) add(name + ": " + format_iso_date(h.to) + " is before " + format_iso_date(h.from));
    if (static_cast<int>(h.from.year()) != y.year || static_cast<int>(h.to.year()) != y.year) {
      add(name + ": " + format_iso_date(h.from) + " to " + format_iso_date(h.to) + " is not inside " +
          std::to_string(y.year) + " (enter the days of a holiday spanning New Year under each year)");
    }
  }
  for (const auto& w : y.working_weekends) {
    if (static_cast<int>(w.year()) != y.year)
      add(format_iso_date(w) + " (working weekend) is not in " + std::to_string(y.year));
    if (!is_weekend(w)) add(format_iso_date(w) + " is listed as a working weekend but is not a Saturday or Sunday");
    for (const auto& h : y.holidays) {
      if (within(w, h)) add(format_iso_date(w) + " is listed as a working weekend but lies inside " + h.name);
    }
  }
  return out;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  const auto num = [&](std::size_t at, std::size_t len, auto& out) {
    const auto* first = s.data() + at;
    const auto r = std::from_chars(first, first + len, out);
    return r.ec == std::errc() && r.ptr == first + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  if (y < 1900 || y > 2999) return std::nullopt;
  const Date date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_iso_date(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

Result<WorkingCalendar> WorkingCalendar::from_years(std::vector<CalendarYear> years) {
  std::sort(years.begin(), years.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
  std::string problems;
  for (std::size_t i = 0; i < years.size(); ++i) {
    if (i > 0 && years[i].year == years[i - 1].year) {
      problems += (problems.empty() ? "" : "\n") + ("calendar " + std::to_string(years[i].year) + ": given twice");
    }
    const auto p = year_problems(years[i]);
    if (!p.empty()) problems += (problems.empty() ? "" : "\n") + p;
  }
  if (!problems.empty()) return fail(ErrorCode::invalid_input, problems);
  WorkingCalendar c;
  c.years_ = std::move(years);
  return c;
}

const CalendarYear* WorkingCalendar::year_of(int y) const {
  const auto it = std::find_if(years_.begin(), years_.end(), [&](const auto& cy) { return cy.year == y; });
  return it == years_.end() ? nullptr : &*it;
}

bool WorkingCalendar::knows(int y) const {
  return year_of(y) != nullptr;
}

const HolidaySpan* WorkingCalendar::holiday_on(Date d) const {
  const auto* y = year_of(static_cast<int>(d.year()));
  if (!y) return nullptr;
  for (const auto& h : y->holidays) {
    if (within(d, h)) return &h;
  }
  return nullptr;
}

bool WorkingCalendar::is_working_day(Date d) const {
  const auto* y = year_of(static_cast<int>(d.year()));
  if (y) {
    if (std::find(y->working_weekends.begin(), y->working_weekends.end(), d) != y->working_weekends.end()) return true;
    if (holiday_on(d)) return false;
  }
  return !is_weekend(d);
}

Result<DueDate> WorkingCalendar::add_working_days(Date start, int n) const {
  if (!start.ok()) return fail(ErrorCode::invalid_input, "working days: the start date is not a calendar date");
  if (n < 0 || n > 3660) {
    return fail(ErrorCode::invalid_input, "working days: expected 0 to 3660 working days, got " + std::to_string(n));
  }
  DueDate due{start, false};
  for (int counted = 0; counted < n;) {
    due.date = next_day(due.date);
    if (!knows(static_cast<int>(due.date.year()))) due.estimated = true;
    if (is_working_day(due.date)) ++counted;
  }
  return due;
}

std::string due_phrase_zh(Date due, Date today) {
  const auto m = std::to_string(static_cast<unsigned>(due.month()));
  const auto d = std::to_string(static_cast<unsigned>(due.day()));
  const std::string y = due.year() == today.year() ? "" : std::to_string(static_cast<int>(due.year())) + "年";
  return "预计 " + y + m + "月" + d + "日前办结";
}

std::string due_phrase_en(Date due, Date today) {
  static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  std::string out = "Expected by " + std::to_string(static_cast<unsigned>(due.day())) + " " +
                    months[static_cast<unsigned>(due.month()) - 1];
  if (due.year() != today.year()) out += " " + std::to_string(static_cast<int>(due.year()));
  return out;
}

}  // namespace hall
