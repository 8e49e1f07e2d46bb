// SPDX-License-Identifier: Apache-2.0
#include "queue/hall_calendar.h"

#include <array>
#include <chrono>
#include <cstdio>

namespace hall::queue {
namespace {

using std::chrono::days;
using std::chrono::seconds;
using std::chrono::sys_days;

constexpr std::array<const char*, 7> day_names = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int day_index(const std::string& name) {
  for (std::size_t i = 0; i < day_names.size(); ++i) {
    if (name == day_names[i]) return static_cast<int>(i);
  }
  return -1;
}

sys_days local_day_of(Instant t, const TimeZone& zone) {
  return std::chrono::floor<days>(t + seconds(zone.offset_at(t)));
}

// The instant at which local wall time `day` + `secs` happens (the offset in force then).
Instant at_local(sys_days day, long secs, const TimeZone& zone) {
  const Instant wall = Instant(day) + seconds(secs);
  Instant guess = wall - seconds(zone.offset_at(wall));
  guess = wall - seconds(zone.offset_at(guess));
  return guess;
}

long minutes_of(const std::string& hhmm) {
  if (hhmm.size() != 5) return 0;
  return ((hhmm[0] - '0') * 10 + (hhmm[1] - '0')) * 60 + (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
}

int weekday_of(sys_days d) {  // 0 = Monday
  return static_cast<int>(std::chrono::weekday(d).iso_encoding()) - 1;
}

std::vector<OpenSpan> spans_on(const std::vector<OpeningHours>& hours, const TimeZone& zone, sys_days day) {
  std::vector<OpenSpan> out;
  for (const auto& h : hours) {
    const auto week = weekdays_of(h.days);
    if (!week || !(*week)[static_cast<std::size_t>(weekday_of(day))]) continue;
    out.push_back({at_local(day, minutes_of(h.open) * 60, zone), at_local(day, minutes_of(h.close) * 60, zone)});
  }
  return out;
}

}  // namespace

std::string local_date(Instant t, const TimeZone& zone) {
  const std::chrono::year_month_day ymd(local_day_of(t, zone));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

Instant next_local_midnight(Instant t, const TimeZone& zone) {
  return at_local(local_day_of(t, zone) + days(1), 0, zone);
}

std::string local_clock(Instant t, const TimeZone& zone) {
  const auto wall = t + seconds(zone.offset_at(t));
  const auto since = wall - Instant(std::chrono::floor<days>(wall));
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(since.count() / 3600),
                static_cast<int>(since.count() / 60 % 60));
  return buf;
}

std::optional<std::vector<bool>> weekdays_of(const std::string& days_text) {
  std::vector<bool> week(7, false);
  std::size_t start = 0;
  bool any = false;
  while (start <= days_text.size()) {
    const auto comma = days_text.find(',', start);
    const std::string part = days_text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto dash = part.find('-');
    const int from = day_index(part.substr(0, dash));
    const int to = dash == std::string::npos ? from : day_index(part.substr(dash + 1));
    if (from < 0 || to < 0) return std::nullopt;
    for (int d = from;; d = (d + 1) % 7) {
      week[static_cast<std::size_t>(d)] = true;
      if (d == to) break;
    }
    any = true;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!any) return std::nullopt;
  return week;
}

std::optional<OpenSpan> open_span_at(const std::vector<OpeningHours>& hours, const TimeZone& zone, Instant t) {
  const sys_days today = local_day_of(t, zone);
  for (auto span : spans_on(hours, zone, today)) {
    if (!(span.open <= t && t < span.close)) continue;
    // A span that closes at midnight goes on into the next day's span opening then, so a hall
    // open round the clock has no closing (and no cut-off) at every midnight; two weeks at most.
    for (int i = 1; i <= 14; ++i) {
      bool extended = false;
      for (const auto& next : spans_on(hours, zone, today + days(i))) {
        if (next.open == span.close && next.close > span.close) {
          span.close = next.close;
          extended = true;
          break;
        }
      }
      if (!extended) break;
    }
    return span;
  }
  return std::nullopt;
}

std::optional<Instant> next_opening(const std::vector<OpeningHours>& hours, const TimeZone& zone, Instant t) {
  const sys_days today = local_day_of(t, zone);
  for (int i = 0; i <= 14; ++i) {
    std::optional<Instant> best;
    for (const auto& span : spans_on(hours, zone, today + days(i))) {
      if (span.open > t && (!best || span.open < *best)) best = span.open;
    }
    if (best) return best;
  }
  return std::nullopt;
}

long open_seconds_on(const std::vector<OpeningHours>& hours, const TimeZone& zone, const std::string& date) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(date.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return 0;
  const sys_days day{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
  long total = 0;
  for (const auto& span : spans_on(hours, zone, day)) total += (span.close - span.open).count();
  return total;
}

}  // namespace hall::queue
