// SPDX-License-Identifier: Apache-2.0
#include "queue/numbering.h"

#include <cstdio>

#include "queue/hall_calendar.h"

namespace hall::queue {

std::string format_number(const std::string& letter, std::int64_t sequence) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%03lld", static_cast<long long>(sequence));
  return letter + digits;
}

Result<std::string> service_day(storage::Database& db, Instant now, const TimeZone& zone) {
  const std::int64_t at = now.time_since_epoch().count();
  auto current = db.prepare("SELECT day, ends_at FROM service_day WHERE id = 1");
  if (!current) return std::unexpected(current.error());
  auto row = current->step();
  if (!row) return std::unexpected(row.error());
  if (*row && at < current->integer(1)) return current->text(0);
  std::string day = local_date(now, zone);
  if (*row && day < current->text(0)) {
    // A zone moved west: its local date is still the day that just ended. Keep counting that day
    // (numbers continue, never repeat) until the new zone's midnight.
    day = current->text(0);
  }
  auto set = db.prepare(
      "INSERT INTO service_day (id, day, zone, ends_at) VALUES (1, ?1, ?2, ?3) "
      "ON CONFLICT (id) DO UPDATE SET day = excluded.day, zone = excluded.zone, ends_at = excluded.ends_at");
  if (!set) return std::unexpected(set.error());
  set->bind(1, day).bind(2, zone.name()).bind(3, next_local_midnight(now, zone).time_since_epoch().count());
  if (auto r = set->run(); !r) return std::unexpected(r.error());
  return day;
}

Result<std::int64_t> next_sequence(storage::Database& db, const std::string& day, const std::string& group) {
  auto st = db.prepare(
      "INSERT INTO counters (day, group_id, last) VALUES (?1, ?2, 1) "
      "ON CONFLICT (day, group_id) DO UPDATE SET last = last + 1 RETURNING last");
  if (!st) return std::unexpected(st.error());
  st->bind(1, day).bind(2, group);
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  const std::int64_t last = st->integer(0);
  if (auto r = st->run(); !r) return std::unexpected(r.error());
  return last;
}

}  // namespace hall::queue
