// SPDX-License-Identifier: Apache-2.0
#include "kiosk/format.h"

#include <chrono>
#include <cstdlib>

namespace hall::ui {

CivilTime civil_time(Instant t, const TimeZone& zone) {
  using namespace std::chrono;
  const auto local = t + seconds(zone.offset_at(t));
  const auto day = floor<days>(local);
  const year_month_day ymd(day);
  const hh_mm_ss hms(local - day);
  CivilTime c;
  c.year = static_cast<int>(ymd.year());
  c.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  c.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  c.hour = static_cast<int>(hms.hours().count());
  c.minute = static_cast<int>(hms.minutes().count());
  c.weekday = static_cast<int>(weekday(day).c_encoding());
  return c;
}

std::string two_digits(int v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

namespace {

const char* weekday_key(int w) {
  switch (w) {
    case 0:
      return K("weekday.sun");
    case 1:
      return K("weekday.mon");
    case 2:
      return K("weekday.tue");
    case 3:
      return K("weekday.wed");
    case 4:
      return K("weekday.thu");
    case 5:
      return K("weekday.fri");
    default:
      return K("weekday.sat");
  }
}

const char* month_key(int m) {
  static constexpr const char* keys[] = {K("month.1"), K("month.2"),  K("month.3"),  K("month.4"),
                                         K("month.5"), K("month.6"),  K("month.7"),  K("month.8"),
                                         K("month.9"), K("month.10"), K("month.11"), K("month.12")};
  return keys[(m >= 1 && m <= 12) ? m - 1 : 0];
}

}  // namespace

std::string format_day(const Strings& s, const std::string& ymd) {
  if (ymd.size() != 10 || ymd[4] != '-' || ymd[7] != '-') return ymd;
  const int month = std::atoi(ymd.substr(5, 2).c_str());
  const int day = std::atoi(ymd.substr(8, 2).c_str());
  return s.trf(K("date.day"), {{"y", ymd.substr(0, 4)},
                               {"m", std::to_string(month)},
                               {"month", s.tr(month_key(month))},
                               {"d", std::to_string(day)}});
}

bool change_is_recent(const std::string& since, Date today, int window_days) {
  const auto from = parse_iso_date(since);
  if (!from || !today.ok()) return false;
  return std::chrono::sys_days(today) - std::chrono::sys_days(*from) <= std::chrono::days(window_days);
}

std::string changed_mark(const Strings& s, const std::string& since, Date today) {
  const auto from = parse_iso_date(since);
  if (!from) return s.trf(K("guide.changed_since"), {{"date", since}});
  const int month = static_cast<int>(static_cast<unsigned>(from->month()));
  const std::string day = std::to_string(static_cast<unsigned>(from->day()));
  const std::string date = today.ok() && from->year() == today.year()
                               ? s.trf(K("date.day_this_year"),
                                       {{"m", std::to_string(month)}, {"month", s.tr(month_key(month))}, {"d", day}})
                               : format_day(s, since);
  return s.trf(K("guide.changed_since"), {{"date", date}});
}

std::string suspended_badge(const Strings& s, const std::string& until) {
  if (until.empty()) return s.tr(K("badge.suspended"));
  return s.trf(K("badge.suspended_until"), {{"date", format_day(s, until)}});
}

std::string count_text(const Strings& s, const char* many_key, const char* one_key, std::size_t n) {
  return s.trf(n == 1 ? one_key : many_key, {{"n", std::to_string(n)}});
}

std::string format_date_time(const Strings& s, const CivilTime& c) {
  const auto y = std::to_string(c.year), m = std::to_string(c.month), d = std::to_string(c.day);
  const auto hh = two_digits(c.hour), mm = two_digits(c.minute);
  return s.trf("home.date_time", {{"y", y},
                                  {"m", m},
                                  {"d", d},
                                  {"month", s.tr(month_key(c.month))},
                                  {"weekday", s.tr(weekday_key(c.weekday))},
                                  {"hh", hh},
                                  {"mm", mm}});
}

std::string format_date_time_short(const Strings& s, const CivilTime& c) {
  const auto m = std::to_string(c.month), d = std::to_string(c.day);
  const auto hh = two_digits(c.hour), mm = two_digits(c.minute);
  return s.trf("home.date_time_short",
               {{"m", m}, {"d", d}, {"month", s.tr(month_key(c.month))}, {"hh", hh}, {"mm", mm}});
}

std::string format_stamp(const Strings& s, const CivilTime& c) {
  const auto y = std::to_string(c.year), m = two_digits(c.month), d = two_digits(c.day);
  const auto hh = two_digits(c.hour), mm = two_digits(c.minute);
  return s.trf("time.stamp", {{"y", y}, {"m", m}, {"d", d}, {"hh", hh}, {"mm", mm}});
}

std::string format_limit(const Strings& s, const catalogue::TimeLimit& l) {
  const auto n = std::to_string(l.value);
  switch (l.unit) {
    case catalogue::LimitUnit::on_the_spot:
      return s.tr("limit.on_the_spot");
    case catalogue::LimitUnit::working_days:
      return s.trf("limit.working_days", {{"n", n}});
    case catalogue::LimitUnit::days:
      return s.trf("limit.days", {{"n", n}});
    case catalogue::LimitUnit::months:
      return s.trf("limit.months", {{"n", n}});
  }
  return n;
}

std::string visits_badge(const Strings& s, int onsite_visits) {
  if (onsite_visits <= 0) return s.tr("badge.zero_visits");
  if (onsite_visits == 1) return s.tr("badge.one_visit");
  return s.trf("badge.visits", {{"n", std::to_string(onsite_visits)}});
}

}  // namespace hall::ui
