// SPDX-License-Identifier: Apache-2.0
#include "notices/promised_due.h"

namespace hall::notices {
namespace {

using std::chrono::sys_days;

// Rolls a last day that is a day off on to the next working day.
DueDate on_a_working_day(const WorkingCalendar& c, Date last) {
  DueDate due{last, false};
  for (int guard = 0; guard < 400 && !c.is_working_day(due.date); ++guard) {
    due.date = Date{sys_days{due.date} + std::chrono::days{1}};
  }
  due.estimated = !c.knows(static_cast<int>(due.date.year())) || !c.knows(static_cast<int>(last.year()));
  return due;
}

Date plus_months(Date d, int n) {
  const auto ym = std::chrono::year_month{d.year(), d.month()} + std::chrono::months{n};
  const Date same{ym.year(), ym.month(), d.day()};
  return same.ok() ? same : Date{std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}};
}

}  // namespace

std::optional<PromisedDue> promised_due(const catalogue::TimeLimit& limit, Date requested,
                                        const WorkingCalendar& calendar) {
  using catalogue::LimitUnit;
  if (!requested.ok()) return std::nullopt;
  PromisedDue out;
  if (limit.unit == LimitUnit::on_the_spot || limit.value == 0) {
    out.same_day = true;
    out.due = {requested, false};
    return out;
  }
  if (limit.value < 0) return std::nullopt;
  switch (limit.unit) {
    case LimitUnit::working_days: {
      auto due = calendar.add_working_days(requested, limit.value);
      if (!due) return std::nullopt;
      out.due = *due;
      break;
    }
    case LimitUnit::days:
      if (limit.value > 3660) return std::nullopt;
      out.due = on_a_working_day(calendar, Date{sys_days{requested} + std::chrono::days{limit.value}});
      break;
    case LimitUnit::months:
      if (limit.value > 120) return std::nullopt;
      out.due = on_a_working_day(calendar, plus_months(requested, limit.value));
      break;
    case LimitUnit::on_the_spot:
      break;
  }
  if (out.due.estimated) {
    for (int y = static_cast<int>(requested.year()); y <= static_cast<int>(out.due.date.year()); ++y) {
      if (!calendar.knows(y)) {
        out.unknown_year = y;
        break;
      }
    }
  }
  return out;
}

}  // namespace hall::notices
