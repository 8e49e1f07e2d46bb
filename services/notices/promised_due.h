// SPDX-License-Identifier: Apache-2.0
#pragma once
// A guide's promised limit (承诺 10 个工作日) as the date a visitor can hold the hall to, for a
// request made on a given day: what the guide screen and the ticket slip both say.
#include <optional>

#include "catalogue/guide.h"
#include "common/working_calendar.h"

namespace hall::notices {

struct PromisedDue {
  bool same_day = false;  // 即办: done on the day of the request
  DueDate due;
  // When `due.estimated`: the first year counted that the calendar lacks (its notice is not out).
  int unknown_year = 0;
};

// Working days count with the calendar, the day of the request not counted. Days and months are
// calendar days and months (期间开始之日不计算在内; a month ends on the same day of the month, or
// its last day), and a period whose last day is a day off ends on the next working day (民法典
// 第二百零三条). Nullopt for a limit of no length that is not 即办 (nothing to promise).
std::optional<PromisedDue> promised_due(const catalogue::TimeLimit& limit, Date requested,
                                        const WorkingCalendar& calendar);

}  // namespace hall::notices
