// SPDX-License-Identifier: Apache-2.0
#pragma once
// Turning the model's values into the words a visitor reads, through the i18n keys.
#include <string>

#include "catalogue/guide.h"
#include "common/clock.h"
#include "common/time_zone.h"
#include "common/working_calendar.h"
#include "i18n/strings.h"

namespace hall::ui {

struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, weekday = 4;  // weekday: 0 = Sunday
};
CivilTime civil_time(Instant t, const TimeZone& zone);

std::string format_date_time(const Strings& s, const CivilTime& c);         // 2026年11月28日 星期六 10:05
std::string format_date_time_short(const Strings& s, const CivilTime& c);   // 11月28日 10:05
std::string format_stamp(const Strings& s, const CivilTime& c);             // 2026-11-28 10:05
std::string format_limit(const Strings& s, const catalogue::TimeLimit& l);  // 10个工作日 / 当场办结
std::string visits_badge(const Strings& s, int onsite_visits);              // 零跑腿 / 最多跑一次 / 需跑3次
std::string two_digits(int v);
// A calendar date "YYYY-MM-DD" as read: 2027年1月31日 / 31 January 2027; anything else as it is.
std::string format_day(const Strings& s, const std::string& ymd);
// 暂停办理, or 暂停办理至 2027年1月31日 when the suspension says until when.
std::string suspended_badge(const Strings& s, const std::string& until);
// A changed guide's note (README, "Changed guides") is marked for `window_days` after its since
// day, and before it (a note published ahead of the day it dates from).
bool change_is_recent(const std::string& since, Date today, int window_days);
// 本事项自 3月1日起调整 / Changed from 1 March (the year added when it is not today's).
std::string changed_mark(const Strings& s, const std::string& since, Date today);
// "{n} services" or, for one, "{n} service": both keys hold a "{n}".
std::string count_text(const Strings& s, const char* many_key, const char* one_key, std::size_t n);

}  // namespace hall::ui
