// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hall's 工作日 calendar, kept in the catalogue database (schema version 10) beside the guides
// whose promised limits it turns into dates. One calendar file at a time: an import replaces it
// whole or, refused, leaves the stored one as it was.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "common/working_calendar.h"
#include "storage/sqlite.h"

namespace hall::notices {

struct CalendarImportReport {
  std::vector<int> added, changed, unchanged;  // years, against the calendar stored before
};

class CalendarStore {
 public:
  // `db` is a CatalogueStore's database, already migrated; it must outlive the store.
  CalendarStore(storage::Database& db, const Clock& clock) : db_(&db), clock_(&clock) {}

  // Validates `bytes` with parse_calendar_file and stores them in place of the calendar held.
  // Refuses, changing nothing, a file with any problem and one that leaves out a year the hall
  // already holds: promises counted by that year would silently become estimates.
  Result<CalendarImportReport> import(std::string_view bytes);

  // The stored calendar; nullopt when none was ever imported (the kiosk then shows no dates).
  Result<std::optional<WorkingCalendar>> load() const;

  // For a sync's one transaction, opened by the caller: the SHA-256 of the calendar held (nullopt:
  // none), and storing a calendar the central store published (checked by the caller; it replaces
  // the one held whole: the published calendar is the hall's).
  static Result<std::optional<std::string>> stored_hash(storage::Database& db);
  static Result<void> write(storage::Database& db, std::string_view bytes, Instant now);

 private:
  storage::Database* db_;
  const Clock* clock_;
};

}  // namespace hall::notices
